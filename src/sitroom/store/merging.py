"""The merge as the store runs it: candidates from an indexed block query, analyst decisions,
forced merges and splits, and re-merging everything.  Session-level functions; `Store` wraps them.

Blocking: a report's candidates come from one indexed query (event_date within a day either
side x a bounding box or the folded location name; a placeless report: the day and country),
so each report costs O(log n) lookups plus the few events in its block, and ingest is n log n.
A report with no year (`merge.yearless`) is blocked on the same days of any year instead.

A report that links events of its block (`merge.decide.bridged`) folds them into the oldest
one, as an analyst's merge does (mentions and revision history move, the oldest id stays), and
the fold is a "merge" revision by author "merge" naming the report, so the event's history
explains it and an analyst's undo splits it again (recording split decisions that hold).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, extract, or_, select, update
from sqlalchemy.orm import Session

from sitroom.merge.cluster import SearchWindow, canonical, location_key, search_window
from sitroom.merge.decide import Candidate, Clusterer, Decisions, bridged, choose
from sitroom.store.schema import DocumentRow, EventRow, MentionRow, MergeDecisionRow, RevisionRow, utcnow

BRIDGE_AUTHOR = "merge"
"""The author of the revision that records a fold by a linking report (analysts sign their own)."""

MENTION_ORDER = (DocumentRow.ingested_at, DocumentRow.id, MentionRow.mention_start, MentionRow.id)


@dataclass(frozen=True, slots=True)
class RemergeResult:
    mentions: int
    events_before: int
    events_after: int


# --- decisions ------------------------------------------------------------------------------------

def decisions_for(s: Session, mention_ids: Iterable[str], doc_ids: Iterable[str] = ()) -> Decisions:
    """The decisions about these reports, and which of these documents are reposts of which."""
    ids = list(mention_ids)
    out = Decisions()
    if ids:
        rows = s.execute(select(MergeDecisionRow.action, MergeDecisionRow.mention_id, MergeDecisionRow.other_mention_id)
                         .where(or_(MergeDecisionRow.mention_id.in_(ids), MergeDecisionRow.other_mention_id.in_(ids)))
                         .order_by(MergeDecisionRow.id))
        out = Decisions.from_rows(rows)
    docs = list(set(doc_ids))
    if docs:
        out.roots = dict(s.execute(select(DocumentRow.id, DocumentRow.repost_of)
                                   .where(DocumentRow.id.in_(docs), DocumentRow.repost_of.is_not(None))).all())
    return out


def all_decisions(s: Session) -> Decisions:
    rows = s.execute(select(MergeDecisionRow.action, MergeDecisionRow.mention_id, MergeDecisionRow.other_mention_id)
                     .order_by(MergeDecisionRow.id))
    out = Decisions.from_rows(rows)
    out.roots = dict(s.execute(select(DocumentRow.id, DocumentRow.repost_of)
                               .where(DocumentRow.repost_of.is_not(None))).all())
    return out


def record(s: Session, action: str, pairs: Iterable[tuple[str, str]], author: str | None, reason: str | None) -> int:
    n = 0
    for a, b in pairs:
        s.add(MergeDecisionRow(action=action, mention_id=a, other_mention_id=b, author=author, at=utcnow(),
                               reason=reason))
        n += 1
    s.flush()
    return n


# --- attaching one report -------------------------------------------------------------------------

def event_mentions(s: Session, event_ids: Sequence[str]) -> dict[str, list[MentionRow]]:
    out: dict[str, list[MentionRow]] = defaultdict(list)
    if not event_ids:
        return out
    stmt = (select(MentionRow).join(DocumentRow, DocumentRow.id == MentionRow.doc_id)
            .where(MentionRow.event_id.in_(list(event_ids))).order_by(*MENTION_ORDER))
    for m in s.scalars(stmt):
        out[m.event_id].append(m)
    return out


def candidates(s: Session, ev: object) -> list[Candidate]:
    """Events in `ev`'s block, each with its reports, oldest event first."""
    window = search_window(ev)  # type: ignore[arg-type]
    if window is None:
        return []
    code = getattr(ev, "country_code", None)
    # an event with no point (no place, or a name the gazetteer lacks: "Ndu" beside "Ngarbuh, North-West")
    # may be the same incident wherever in the country: the place evidence decides, not the block
    unpointed = EventRow.latitude.is_(None)
    if code:
        unpointed = and_(unpointed, or_(EventRow.country_code.is_(None), EventRow.country_code == code))
    place = [and_(EventRow.latitude.between(b.lat_min, b.lat_max), EventRow.longitude.between(b.lon_min, b.lon_max))
             for b in window.boxes]
    if window.location_key is not None:
        place.append(EventRow.location_key == window.location_key)
    where = [_when(window), EventRow.historical == window.historical]
    if window.boxes:
        where.append(or_(*place, unpointed))
    if code and not window.boxes:
        # a report with no point is blocked on its country; one with a point on its boxes, which also
        # reach a town the geocoder put across a border (`merge.places.BORDER_KM`)
        where.append(or_(EventRow.country_code.is_(None), EventRow.country_code == code))
    rows = list(s.scalars(select(EventRow.id).where(*where).order_by(EventRow.created_at, EventRow.id)))
    by_event = event_mentions(s, rows)
    return [Candidate(eid, by_event[eid]) for eid in rows if by_event.get(eid)]


def _when(window: SearchWindow) -> ColumnElement[bool]:
    """The date half of the block: a day either side, or (a report with no year) the same days of
    any year; and undated events that hold a year-less report of one of those days."""
    if window.date_min is not None and window.date_max is not None:
        dated = EventRow.event_date.between(window.date_min, window.date_max)
    else:
        month, day = extract("month", EventRow.event_date), extract("day", EventRow.event_date)
        dated = or_(*(and_(month == m, day == d) for m, d in window.month_days))
    if not window.partials:
        return dated
    yearless = select(MentionRow.event_id).where(MentionRow.date_without_year.in_(window.partials))
    return or_(dated, and_(EventRow.event_date.is_(None), EventRow.id.in_(yearless)))


def forced_target(s: Session, ev: object, decisions: Decisions) -> str | None:
    """The event of a report an analyst merged `ev` with, if that report is stored."""
    others = sorted(decisions.merged_with(ev.id))  # type: ignore[attr-defined]
    if not others:
        return None
    return s.scalar(select(MentionRow.event_id).where(MentionRow.id.in_(others)).order_by(MentionRow.id).limit(1))


def new_event(s: Session, event_id: str, historical: bool) -> EventRow:
    row = EventRow(id=event_id, report_count=0, created_at=utcnow(), sources=[], historical=historical,
                   confidence=0.0, notes="")
    s.add(row)
    s.flush()
    return row


def _doc_ids(ev: object, cands: Sequence[Candidate]) -> list[str]:
    return [ev.doc_id, *(m.doc_id for c in cands for m in c.mentions)]  # type: ignore[attr-defined]


def attach(s: Session, ev: object, row: MentionRow) -> tuple[str, bool]:
    """Store the report `ev` (as `row`) in the event it joins, or a new one: (event id, created?).

    When it links other events of its block, they are folded into one (`bridge`).
    """
    cands = candidates(s, ev)
    decisions = decisions_for(s, [ev.id], _doc_ids(ev, cands))  # type: ignore[attr-defined]
    target_id = forced_target(s, ev, decisions) or choose(ev, cands, decisions)
    created = target_id is None
    if target_id is None:
        event_id = new_event(s, ev.id, bool(ev.historical)).id  # type: ignore[attr-defined]
    else:
        event_id = bridge(s, ev, target_id, cands, decisions)
    row.event_id = event_id
    s.add(row)
    s.flush()
    recompute(s, s.get(EventRow, event_id))  # type: ignore[arg-type]
    return event_id, created


def bridge(s: Session, ev: object, target_id: str, cands: Sequence[Candidate], decisions: Decisions) -> str:
    """Fold the events `ev` links to `target_id` into the oldest of them; returns that event's id.

    Called before `ev`'s own row is stored.  The cheap pass (decisions about `ev` only) rules out
    almost every report; only a possible link loads the decisions about every report involved.
    """
    target = next((c for c in cands if c.event_id == target_id), None)
    if target is None:
        target = Candidate(target_id, event_mentions(s, [target_id]).get(target_id, []))
    if not bridged(ev, target, cands, decisions):
        return target_id
    involved = [m.id for c in [target, *cands] for m in c.mentions] + [ev.id]  # type: ignore[attr-defined]
    full = decisions_for(s, involved, _doc_ids(ev, [target, *cands]))
    linked = bridged(ev, target, cands, full)
    if not linked:
        return target_id
    order = [c.event_id for c in cands]
    ids = sorted([target_id, *linked], key=lambda eid: order.index(eid) if eid in order else -1)
    return fold(s, ids, f"report {ev.id} links these events")  # type: ignore[attr-defined]


def fold(s: Session, event_ids: Sequence[str], reason: str) -> str:
    """Make the events one under the first id: their reports and revision history move to it, and a
    "merge" revision records what came from where (so an analyst can undo it).  No merge decision:
    the rules made this merge, and a re-merge makes it again (or not, if the rules change)."""
    keep, rest = event_ids[0], list(event_ids[1:])
    by_event = event_mentions(s, rest)
    moved = {eid: [m.id for m in by_event.get(eid, [])] for eid in rest}
    s.execute(update(RevisionRow).where(RevisionRow.event_id.in_(rest)).values(event_id=keep))
    s.execute(update(MentionRow).where(MentionRow.event_id.in_(rest)).values(event_id=keep))
    s.flush()
    s.execute(delete(EventRow).where(EventRow.id.in_(rest)))
    s.add(RevisionRow(event_id=keep, field="merge", before={"events": list(event_ids), "mentions": moved},
                      after={"event": keep}, author=BRIDGE_AUTHOR, at=utcnow(), reason=reason))
    s.flush()
    return keep


def recompute(s: Session, row: EventRow) -> None:
    """Canonical values from the event's reports; an event left with no report is deleted."""
    mentions = event_mentions(s, [row.id]).get(row.id, [])
    if not mentions:
        s.delete(row)
        s.flush()
        return
    for name, value in canonical(mentions).items():
        setattr(row, name, value)
    row.location_key = location_key(row.location)
    row.report_count = len({m.doc_id for m in mentions})
    row.updated_at = utcnow()
    s.flush()


# --- analyst operations ---------------------------------------------------------------------------

def force_merge(s: Session, event_ids: Sequence[str], author: str | None, reason: str | None) -> str:
    """Fold every event into the first; record merge decisions so re-merging keeps them together."""
    rows = [s.get(EventRow, eid) for eid in event_ids]
    missing = [eid for eid, r in zip(event_ids, rows, strict=True) if r is None]
    if missing:
        raise KeyError(f"no such event: {', '.join(missing)}")
    keep = event_ids[0]
    by_event = event_mentions(s, list(event_ids))
    anchor = by_event[keep][0].id
    pairs = [(anchor, m.id) for eid in event_ids[1:] for m in by_event[eid]]
    record(s, "merge", pairs, author, reason)
    for eid in event_ids[1:]:
        s.execute(update(MentionRow).where(MentionRow.event_id == eid).values(event_id=keep))
    s.flush()
    for eid in event_ids[1:]:
        s.execute(delete(EventRow).where(EventRow.id == eid))
    recompute(s, s.get(EventRow, keep))  # type: ignore[arg-type]
    return keep


def force_split(s: Session, mention_ids: Sequence[str], author: str | None, reason: str | None) -> str:
    """Move reports out of their event into a new one; record split decisions against the rest."""
    moving = list(s.scalars(select(MentionRow).where(MentionRow.id.in_(list(mention_ids)))))
    if len(moving) != len(set(mention_ids)):
        raise KeyError("no such mention: " + ", ".join(sorted(set(mention_ids) - {m.id for m in moving})))
    sources = {m.event_id for m in moving}
    if len(sources) != 1:
        raise ValueError("split takes reports of one event")
    source_id = sources.pop()
    staying = [m for m in event_mentions(s, [source_id])[source_id] if m.id not in set(mention_ids)]
    if not staying:
        raise ValueError("a split must leave at least one report in the event")
    record(s, "split", [(a.id, b.id) for a in moving for b in staying], author, reason)
    new_id = sorted(m.id for m in moving)[0]
    if s.get(EventRow, new_id) is not None:  # the event is named after this report: rename the rest
        new_id = "split-" + new_id
    new_event(s, new_id, bool(moving[0].historical))
    s.execute(update(MentionRow).where(MentionRow.id.in_([m.id for m in moving])).values(event_id=new_id))
    s.flush()
    recompute(s, s.get(EventRow, source_id))  # type: ignore[arg-type]
    recompute(s, s.get(EventRow, new_id))  # type: ignore[arg-type]
    return new_id


def remerge(s: Session) -> RemergeResult:
    """Cluster every stored report again from scratch (after a rule change), keeping decisions.

    Event ids stay those of each cluster's first report, so unchanged incidents keep their ids.
    """
    mentions = list(s.scalars(select(MentionRow).join(DocumentRow, DocumentRow.id == MentionRow.doc_id)
                              .order_by(*MENTION_ORDER)))
    before = len(list(s.scalars(select(EventRow.id))))
    clusterer = Clusterer(all_decisions(s))
    for m in mentions:
        clusterer.add(m)
    targets = {m.id: clusterer.event_of[m.id] for m in mentions}
    for eid in dict.fromkeys(targets.values()):
        if s.get(EventRow, eid) is None:
            new_event(s, eid, bool(clusterer.events[eid][0].historical))
    for m in mentions:
        m.event_id = targets[m.id]
    s.flush()
    for row in list(s.scalars(select(EventRow))):
        recompute(s, row)
    return RemergeResult(len(mentions), before, len(clusterer.clusters()))
