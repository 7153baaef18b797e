"""Analyst review: corrections, false positives, merges and splits, each a revision with undo.

Every change is one row of the `revisions` table: who (`author`), when (`at`), what (`field`),
`before` and `after`, and why (`reason`).  The extractor's output is never touched: mentions
stay exactly as extracted; a correction is a *pin* layered over the event's canonical values.

* A correction (`field` = an ACLED field) pins that field to the analyst's value.  The event row
  carries the pinned value (so every query, tally and export sees it), and a flush listener on
  `EventRow` puts the pins back whenever the merge recomputes the event from its reports, so
  ingesting new reports, re-running ingest or re-merging never overwrites an analyst decision.
  The latest active correction of a field wins.
* `false_positive` (before/after booleans) marks an event as not a real incident.  The desk and
  sitreps leave such events out unless asked; the event and its reports stay in the store.
* `merge` / `split` record the store's own forced merge and split (which also write merge
  decisions, so they survive a re-merge).  A merge carries the merged-away events' revision
  history over to the surviving event, so no history is lost.
* `undo` rows name the revision they undo (`before` = {"revision": N, ...}).  Undoing a
  correction falls back to the previous active correction of that field, or to the extractor's
  canonical value; undoing a merge splits the merged reports out again; undoing a split merges
  them back.  An undo cannot itself be undone: make the change again instead.

History outlives the event: `revisions.event_id` is no foreign key (migration 0003), so when every
report of an event is deleted (`Store.delete_document`) or a re-merge empties it, its revisions stay
under its id, and are in force again if the event comes back under that id (re-ingesting the same
report gives the same event id; the pins are put back as the merge computes the event).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sitroom.codebook import acled
from sitroom.errors import SitroomError
from sitroom.merge.cluster import location_key
from sitroom.store import merging
from sitroom.store.schema import EventRow, MentionRow, RevisionRow, utcnow

FALSE_POSITIVE = "false_positive"
MERGE, SPLIT, UNDO = "merge", "split", "undo"

_INT_FIELDS = {"time_precision", "geo_precision", "fatalities", "injuries"}
_FLOAT_FIELDS = {"latitude", "longitude", "confidence"}
_TEXT_FIELDS = {"event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "inter1",
                "inter2", "claimed_by", "claim_channel", "country", "country_code", "admin1", "admin2",
                "location", "geonameid", "notes"}
CORRECTABLE: tuple[str, ...] = ("event_date", *sorted(_INT_FIELDS | _FLOAT_FIELDS | _TEXT_FIELDS), "historical")


class ReviewError(SitroomError):
    """A review action that cannot be done (unknown event, bad value, nothing to undo)."""


@dataclass(frozen=True, slots=True)
class Revision:
    id: int
    event_id: str
    field: str
    before: Any
    after: Any
    author: str | None
    at: datetime | None
    reason: str | None
    undone_by: int | None = None  # the undo revision that reverted this one

    @property
    def undo_of(self) -> int | None:
        return self.before.get("revision") if self.field == UNDO and isinstance(self.before, dict) else None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "event_id": self.event_id, "field": self.field, "before": self.before,
                "after": self.after, "author": self.author, "at": self.at.isoformat() if self.at else None,
                "reason": self.reason, "undone_by": self.undone_by, "undo_of": self.undo_of}


# --- values ---------------------------------------------------------------------------------------

def parse_value(field: str, value: Any) -> Any:
    """The typed value of a correction (None/"" clears the field); ReviewError says what is wrong."""
    if field not in CORRECTABLE:
        raise ReviewError(f"{field!r} cannot be corrected; fields: {', '.join(CORRECTABLE)}")
    if value is None or (isinstance(value, str) and not value.strip()):
        if field == "historical":
            return False
        return None
    try:
        if field == "event_date":
            return date.fromisoformat(str(value).strip())
        if field in _INT_FIELDS:
            number = int(str(value).strip())
            if number < 0:
                raise ValueError("negative")
            return number
        if field in _FLOAT_FIELDS:
            return _float_in_range(field, float(str(value).strip()))
        if field == "historical":
            return _boolean(value)
    except ValueError:
        raise ReviewError(f"{field}: {value!r} is not a valid value") from None
    text = str(value).strip()
    if field == "event_type" and text not in acled.EVENT_TYPES:
        raise ReviewError(f"event_type {text!r} is not an ACLED event type: {', '.join(acled.EVENT_TYPES)}")
    if field == "sub_event_type" and text not in acled.SUB_EVENT_TYPES:
        raise ReviewError(f"sub_event_type {text!r} is not an ACLED sub-event type")
    return text


def _float_in_range(field: str, number: float) -> float:
    limit = {"latitude": 90.0, "longitude": 180.0}.get(field)
    if limit is not None and not -limit <= number <= limit:
        raise ValueError("out of range")
    if field == "confidence" and not 0.0 <= number <= 1.0:
        raise ValueError("out of range")
    return number


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(text)


def _plain(value: Any) -> Any:
    """JSON-ready: dates as ISO strings."""
    return value.isoformat() if isinstance(value, date | datetime) else value


def _typed(field: str, value: Any) -> Any:
    return date.fromisoformat(value) if field == "event_date" and isinstance(value, str) else value


# --- reading history ------------------------------------------------------------------------------

def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _revisions(rows: Iterable[Any]) -> list[Revision]:
    out = [Revision(r.id, r.event_id, r.field, r.before, r.after, r.author, _aware(r.at), r.reason) for r in rows]
    undone = {r.undo_of: r.id for r in out if r.undo_of is not None}
    return [Revision(r.id, r.event_id, r.field, r.before, r.after, r.author, r.at, r.reason, undone.get(r.id))
            for r in out]


def _history_rows(conn: Any, event_id: str) -> list[Any]:
    cols = (RevisionRow.id, RevisionRow.event_id, RevisionRow.field, RevisionRow.before, RevisionRow.after,
            RevisionRow.author, RevisionRow.at, RevisionRow.reason)
    return list(conn.execute(select(*cols).where(RevisionRow.event_id == event_id).order_by(RevisionRow.id)))


def history(store: Any, event_id: str) -> list[Revision]:
    """Every revision of an event, oldest first, each with the undo that reverted it (if any)."""
    with store.engine.connect() as conn:
        return _revisions(_history_rows(conn, event_id))


def pins_of(revisions: Sequence[Revision]) -> dict[str, Any]:
    """field -> the analyst's value, from the latest correction of each field that is not undone."""
    pins: dict[str, Any] = {}
    for r in revisions:
        if r.field in CORRECTABLE and r.undone_by is None:
            pins[r.field] = _typed(r.field, r.after)
    return pins


def is_false_positive(revisions: Sequence[Revision]) -> bool:
    marks = [r for r in revisions if r.field == FALSE_POSITIVE and r.undone_by is None]
    return bool(marks and marks[-1].after)


def false_positive_ids(store: Any) -> set[str]:
    """Events currently marked as false positives."""
    with store.engine.connect() as conn:
        return false_positive_ids_on(conn)


def false_positive_ids_on(conn: Any) -> set[str]:
    ids = list(conn.scalars(select(RevisionRow.event_id).where(RevisionRow.field == FALSE_POSITIVE).distinct()))
    return {eid for eid in ids if is_false_positive(_revisions(_history_rows(conn, eid)))}


# --- keeping pins through recomputes --------------------------------------------------------------

def _apply_pins(target: EventRow, pins: dict[str, Any]) -> None:
    for name, value in pins.items():
        setattr(target, name, value)
    if "location" in pins:
        target.location_key = location_key(target.location)


@sa_event.listens_for(EventRow, "before_update")
def _keep_pins(_mapper: Any, connection: Any, target: EventRow) -> None:
    """The merge recomputed an event from its reports: put the analyst's corrections back."""
    pins = pins_of(_revisions(_history_rows(connection, target.id)))
    if pins:
        _apply_pins(target, pins)


def reapply(store: Any) -> int:
    """Re-assert every pin on its event (e.g. after a bulk load by a process without this module).

    Returns the number of events touched."""
    with _writer(store) as s, s.begin():
        ids = list(s.scalars(select(RevisionRow.event_id).distinct()))
        n = 0
        for eid in ids:
            row = s.get(EventRow, eid)
            if row is not None:
                merging.recompute(s, row)
                n += 1
        return n


# --- writing --------------------------------------------------------------------------------------

def _writer(store: Any) -> Session:
    return Session(store.engine.execution_options(sitroom_write=True), autoflush=False)


def _add(s: Session, event_id: str, field: str, before: Any, after: Any, author: str | None,
         reason: str | None) -> Revision:
    row = RevisionRow(event_id=event_id, field=field, before=before, after=after, author=author or "analyst",
                      at=utcnow(), reason=reason or None)
    s.add(row)
    s.flush()
    return Revision(row.id, event_id, field, before, after, row.author, _aware(row.at), row.reason)


def _event(s: Session, event_id: str) -> EventRow:
    row = s.get(EventRow, event_id)
    if row is None:
        raise ReviewError(f"no such event: {event_id}")
    return row


def correct(store: Any, event_id: str, field: str, value: Any, author: str | None = None,
            reason: str | None = None) -> Revision:
    """Pin `field` of the event to `value` (parsed and checked); the extractor's values stay."""
    typed = parse_value(field, value)
    with _writer(store) as s, s.begin():
        row = _event(s, event_id)
        before = getattr(row, field)
        if before == typed:
            raise ReviewError(f"{field} is already {_plain(typed)!r}")
        rev = _add(s, event_id, field, _plain(before), _plain(typed), author, reason)
        _apply_pins(row, {field: typed})
        row.updated_at = utcnow()
        return rev


def mark_false_positive(store: Any, event_id: str, flag: bool = True, author: str | None = None,
                        reason: str | None = None) -> Revision:
    """Mark (or clear) the event as a false positive: not a real incident."""
    with _writer(store) as s, s.begin():
        _event(s, event_id)
        current = is_false_positive(_revisions(_history_rows(s.connection(), event_id)))
        if current == flag:
            raise ReviewError(f"event is already {'marked' if flag else 'not marked'} as a false positive")
        return _add(s, event_id, FALSE_POSITIVE, current, flag, author, reason)


def merge(store: Any, event_ids: Sequence[str], author: str | None = None, reason: str | None = None) -> Revision:
    """Fold the events into the first; their revision history moves with their reports."""
    ids = list(dict.fromkeys(event_ids))
    if len(ids) < 2:
        raise ReviewError("merge needs two or more different events")
    with _writer(store) as s, s.begin():
        for eid in ids:
            _event(s, eid)
        by_event = merging.event_mentions(s, ids)
        moved = {eid: [m.id for m in by_event[eid]] for eid in ids[1:]}
        s.execute(update(RevisionRow).where(RevisionRow.event_id.in_(ids[1:])).values(event_id=ids[0]))
        s.flush()
        keep = merging.force_merge(s, ids, author, reason)
        return _add(s, keep, MERGE, {"events": ids, "mentions": moved}, {"event": keep}, author, reason)


def split(store: Any, mention_ids: Sequence[str], author: str | None = None, reason: str | None = None) -> Revision:
    """Move these reports of one event into a new event (recorded on both events)."""
    ids = list(dict.fromkeys(mention_ids))
    if not ids:
        raise ReviewError("split needs at least one report")
    with _writer(store) as s, s.begin():
        source = _source_event(s, ids)
        try:
            new_id = merging.force_split(s, ids, author, reason)
        except (KeyError, ValueError) as exc:
            raise ReviewError(str(exc.args[0])) from None
        _add(s, new_id, SPLIT, {"event": source, "mentions": ids}, {"event": new_id}, author, reason)
        return _add(s, source, SPLIT, {"event": source, "mentions": ids}, {"event": new_id}, author, reason)


def _source_event(s: Session, mention_ids: Sequence[str]) -> str:
    events = set(s.scalars(select(MentionRow.event_id).where(MentionRow.id.in_(list(mention_ids)))))
    if not events:
        raise ReviewError("no such report: " + ", ".join(mention_ids))
    if len(events) > 1:
        raise ReviewError("split takes reports of one event")
    return events.pop()


def undo(store: Any, revision_id: int, author: str | None = None, reason: str | None = None) -> Revision:
    """Revert one revision with a new revision; returns the undo revision."""
    with _writer(store) as s, s.begin():
        row = s.get(RevisionRow, revision_id)
        if row is None:
            raise ReviewError(f"no such revision: {revision_id}")
        revs = _revisions(_history_rows(s.connection(), row.event_id))
        target = next(r for r in revs if r.id == revision_id)
        if target.field == UNDO:
            raise ReviewError(f"revision {revision_id} is an undo; make the change again instead")
        if target.undone_by is not None:
            raise ReviewError(f"revision {revision_id} was already undone by revision {target.undone_by}")
        if target.field == MERGE:
            _undo_merge(s, target, author, reason)
        elif target.field == SPLIT:
            _undo_split(s, target, author, reason)
        tag = {"revision": target.id, "field": target.field}
        rev = _add(s, target.event_id, UNDO, {**tag, "value": target.after}, {**tag, "value": target.before},
                   author, reason)
        if target.field in CORRECTABLE:
            event_row = s.get(EventRow, target.event_id)
            if event_row is not None:
                merging.recompute(s, event_row)  # canonical values again, then the remaining pins
        return rev


def _undo_merge(s: Session, target: Revision, author: str | None, reason: str | None) -> None:
    for mention_ids in (target.before or {}).get("mentions", {}).values():
        present = list(s.scalars(select(MentionRow.id).where(MentionRow.id.in_(mention_ids),
                                                             MentionRow.event_id == target.event_id)))
        if present:
            try:
                merging.force_split(s, present, author, reason or f"undo of revision {target.id}")
            except (KeyError, ValueError) as exc:
                raise ReviewError(f"cannot undo merge: {exc.args[0]}") from None


def _undo_split(s: Session, target: Revision, author: str | None, reason: str | None) -> None:
    mention_ids = (target.before or {}).get("mentions", [])
    current = list(dict.fromkeys(s.scalars(select(MentionRow.event_id).where(MentionRow.id.in_(mention_ids)))))
    source = (target.before or {}).get("event")
    ids = ([source] if source and s.get(EventRow, source) is not None else []) + [e for e in current if e != source]
    if len(ids) < 2:
        raise ReviewError("cannot undo split: its reports are already together")
    others = [r for r in s.scalars(select(RevisionRow).where(RevisionRow.event_id.in_(ids[1:]),
                                                             RevisionRow.field == SPLIT))
              if r.after == target.after and r.id != target.id]
    for r in others:  # the twin record of this split on the new event: undone along with it
        s.add(RevisionRow(event_id=r.event_id, field=UNDO, before={"revision": r.id, "field": SPLIT, "value": r.after},
                          after={"revision": r.id, "field": SPLIT, "value": r.before}, author=author or "analyst",
                          at=utcnow(), reason=reason))
    s.flush()
    s.execute(update(RevisionRow).where(RevisionRow.event_id.in_(ids[1:])).values(event_id=ids[0]))
    s.flush()
    merging.force_merge(s, ids, author, reason or f"undo of revision {target.id}")


__all__ = ["CORRECTABLE", "Revision", "ReviewError", "correct", "false_positive_ids", "history",
           "is_false_positive", "mark_false_positive", "merge", "parse_value", "pins_of", "reapply", "split",
           "undo"]
