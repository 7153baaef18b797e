"""Reading events back: the filter, the record a query returns, and the SQL behind them.

The same statements run on SQLite and PostgreSQL: case-insensitive matching uses SQL
`lower()`/`ILIKE` (on SQLite only ASCII letters fold), and `near` is a bounding box on the
indexed latitude/longitude columns refined by an exact haversine distance in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, make_dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session

from sitroom.codebook.acled import EVENT_TYPES, SUB_EVENT_TYPES
from sitroom.errors import ConfigError
from sitroom.merge.cluster import bboxes, haversine_km
from sitroom.model import ACLED_FIELDS, acled_field_specs
from sitroom.store.schema import DocumentRow, EventRow, MentionRow

_IN_CHUNK = 500  # ids per IN (...) list when loading documents for many events

_ACTOR_COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "claimed_by")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `Store.query_events` returns; every criterion is optional and they combine with AND.

    * `event_type` matches `event_type` or `sub_event_type`: an ACLED name exactly, anything else as a
      case-insensitive fragment;
    * `actor` is a substring of actor1/actor2/assoc actors/claimed_by of the event or any mention;
    * `country` is a country name or an ISO 3166-1 alpha-2 code;
    * `near` (lat, lon) with `km` keeps events within that distance (events without coordinates drop);
    * `text` is a substring of notes, location or actors, or of the text of a document mentioning it;
    * `sub_event_type` matches `sub_event_type` only (case-insensitive, whole value);
    * `target` is a substring of actor2/assoc_actor_2 or of the notes of the event or any mention
      (who or what was hit: "coalition", "convoy");
    * `keyword` is a substring of the notes of the event or any of its mentions (the report's own
      sentence, not the whole document).
    """

    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    near: tuple[float, float] | None = None
    km: float = 25.0
    text: str | None = None
    limit: int | None = None
    include_historical: bool = True
    sub_event_type: str | None = None
    target: str | None = None
    keyword: str | None = None
    include_false_positives: bool = False  # events an analyst marked as not real incidents

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"limit must be >= 0, not {self.limit}")
        if self.near is not None:
            lat, lon = self.near
            if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                raise ConfigError(f"near must be (lat, lon) in range, not {self.near}")
            if not self.km > 0:
                raise ConfigError(f"km must be positive, not {self.km}")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"since ({self.since}) is after until ({self.until})")


class _StoredEventMethods:
    __slots__ = ()  # StoredEvent is a slotted dataclass: a base with a __dict__ would give it one

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings, tuples as lists."""
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, date | datetime):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out


# What only a stored (merged) event has, after its ACLED values.
_STORE_FIELDS: list[tuple[str, Any, Any]] = [
    ("report_count", "int", field(default=1)),
    ("fatalities_range", "tuple[int, int] | None", field(default=None)),
    ("documents", "tuple[str, ...]", field(default=())),
    ("sources", "tuple[str, ...]", field(default=())),
    ("mentions", "int", field(default=0)),
    ("updated_at", "datetime | None", field(default=None)),
]

_STORED_EVENT_DOC = """One merged incident as stored: ACLED fields, provenance and the merge's bookkeeping.

    The ACLED fields (`model.ACLED_FIELDS`) are `model.Event`'s, with its types and defaults.
    `fatalities` is ACLED's conservative figure (the lowest reported); `fatalities_range` is
    (low, high) when reports disagree and None when they agree.  `documents` lists the source
    path or URL of every document that mentions the event, in ingest order.
    """

# Built rather than written out so the ACLED fields are `model.Event`'s own definitions (one source):
# id, then model.ACLED_FIELDS in Event's order, then _STORE_FIELDS.
StoredEvent = make_dataclass(
    "StoredEvent", [("id", "str"), *acled_field_specs(), *_STORE_FIELDS],
    bases=(_StoredEventMethods,), frozen=True, slots=True,
    namespace={"__module__": __name__, "__doc__": _STORED_EVENT_DOC},  # make_dataclass(module=) is 3.12+
)


# --- building the statement -----------------------------------------------------------------------

def _ci_equals(column: Any, value: str) -> Any:
    return func.lower(column) == value.strip().lower()


_TYPE_NAMES = frozenset(n.lower() for n in (*EVENT_TYPES, *SUB_EVENT_TYPES))


def _type_matches(column: Any, value: str) -> Any:
    """An ACLED type name matches exactly ("Attack" is not "missile attack"); anything else is a
    case-insensitive fragment ("remote explosive", "protest")."""
    if value.strip().lower() in _TYPE_NAMES:
        return _ci_equals(column, value)
    return column.icontains(value.strip(), autoescape=True)


def _actor_clause(model: Any, needle: str) -> Any:
    return or_(*(getattr(model, c).icontains(needle, autoescape=True) for c in _ACTOR_COLUMNS))


def _near_clause(lat: float, lon: float, km: float) -> Any:
    return or_(*(and_(EventRow.latitude.between(b.lat_min, b.lat_max),
                      EventRow.longitude.between(b.lon_min, b.lon_max))
                 for b in bboxes(lat, lon, km)))


def _text_clause(needle: str) -> Any:
    own = or_(EventRow.notes.icontains(needle, autoescape=True),
              EventRow.location.icontains(needle, autoescape=True),
              _actor_clause(EventRow, needle))
    in_docs = exists(
        select(MentionRow.id)
        .join(DocumentRow, DocumentRow.id == MentionRow.doc_id)
        .where(MentionRow.event_id == EventRow.id, DocumentRow.text.icontains(needle, autoescape=True))
    )
    return or_(own, in_docs)


def _own_or_mentions(needle: str, columns: tuple[str, ...]) -> Any:
    def clause(model: Any) -> Any:
        return or_(*(getattr(model, c).icontains(needle, autoescape=True) for c in columns))

    in_mentions = exists(select(MentionRow.id).where(MentionRow.event_id == EventRow.id, clause(MentionRow)))
    return or_(clause(EventRow), in_mentions)


def build_select(f: EventFilter, exclude_ids: Iterable[str] = ()) -> Select[tuple[EventRow]]:
    """The SQL part of a filter (everything except the exact distance, which needs Python)."""
    stmt = select(EventRow)
    excluded = list(exclude_ids)
    if excluded:
        stmt = stmt.where(EventRow.id.not_in(excluded))
    if f.since is not None:
        stmt = stmt.where(EventRow.event_date >= f.since)
    if f.until is not None:
        stmt = stmt.where(EventRow.event_date <= f.until)
    if f.event_type:
        stmt = stmt.where(or_(_type_matches(EventRow.event_type, f.event_type),
                              _type_matches(EventRow.sub_event_type, f.event_type)))
    if f.actor:
        needle = f.actor.strip()
        in_mentions = exists(select(MentionRow.id).where(MentionRow.event_id == EventRow.id,
                                                         _actor_clause(MentionRow, needle)))
        stmt = stmt.where(or_(_actor_clause(EventRow, needle), in_mentions))
    if f.country:
        stmt = stmt.where(or_(_ci_equals(EventRow.country, f.country), _ci_equals(EventRow.country_code, f.country)))
    if f.admin1:
        stmt = stmt.where(_ci_equals(EventRow.admin1, f.admin1))
    if f.near is not None:
        stmt = stmt.where(_near_clause(f.near[0], f.near[1], f.km))
    if f.text:
        stmt = stmt.where(_text_clause(f.text.strip()))
    if f.sub_event_type:
        stmt = stmt.where(_ci_equals(EventRow.sub_event_type, f.sub_event_type))
    if f.target:
        stmt = stmt.where(_own_or_mentions(f.target.strip(), ("actor2", "assoc_actor_2", "notes")))
    if f.keyword:
        stmt = stmt.where(_own_or_mentions(f.keyword.strip(), ("notes",)))
    if not f.include_historical:
        stmt = stmt.where(EventRow.historical == false())
    stmt = stmt.order_by(EventRow.event_date.desc().nulls_last(), EventRow.created_at.desc(), EventRow.id)
    if f.limit is not None and f.near is None:  # with `near`, the limit applies after the exact distance
        stmt = stmt.limit(f.limit)
    return stmt


def false_positive_ids_in(connection: Any) -> set[str]:
    from sitroom.store.review import false_positive_ids_on  # review builds on this module

    return false_positive_ids_on(connection)


def run_query(session: Session, f: EventFilter) -> list[StoredEvent]:
    """Rows for `f`, newest first, as StoredEvents with their documents."""
    if f.limit == 0:
        return []
    # tallies, exports and listings leave out what an analyst ruled not to be an incident
    excluded = () if f.include_false_positives else false_positive_ids_in(session.connection())
    if f.near is None:
        rows = list(session.scalars(build_select(f, excluded)))
    else:
        lat, lon = f.near
        rows = []
        for row in session.scalars(build_select(f, excluded)):
            if haversine_km(lat, lon, row.latitude, row.longitude) <= f.km:  # type: ignore[arg-type]
                rows.append(row)
                if f.limit is not None and len(rows) >= f.limit:
                    break
    return hydrate(session, rows)


# --- from rows to records -------------------------------------------------------------------------

def _provenance(session: Session, event_ids: Sequence[str]) -> dict[str, tuple[list[str], int]]:
    """event id -> (document sources in ingest order, number of mentions)."""
    out: dict[str, tuple[list[str], int]] = {eid: ([], 0) for eid in event_ids}
    for start in range(0, len(event_ids), _IN_CHUNK):
        chunk = event_ids[start:start + _IN_CHUNK]
        stmt = (select(MentionRow.event_id, DocumentRow.id, DocumentRow.source, DocumentRow.url)
                .join(DocumentRow, DocumentRow.id == MentionRow.doc_id)
                .where(MentionRow.event_id.in_(chunk))
                .order_by(DocumentRow.ingested_at, DocumentRow.id, MentionRow.mention_start))
        for event_id, doc_id, source, url in session.execute(stmt):
            docs, count = out[event_id]
            name = source or url or doc_id
            if name not in docs:
                docs.append(name)
            out[event_id] = (docs, count + 1)
    return out


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; we always wrote UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def to_stored(row: EventRow, documents: Iterable[str], mentions: int) -> StoredEvent:
    values = {name: getattr(row, name) for name in ACLED_FIELDS}
    low, high = row.fatalities_low, row.fatalities_high
    spread = (low, high) if low is not None and high is not None and low != high else None
    return StoredEvent(
        id=row.id, **values, report_count=row.report_count, fatalities_range=spread,
        documents=tuple(documents), sources=tuple(row.sources or ()), mentions=mentions,
        updated_at=_aware(row.updated_at),
    )


def hydrate(session: Session, rows: Sequence[EventRow]) -> list[StoredEvent]:
    prov = _provenance(session, [r.id for r in rows])
    return [to_stored(r, *prov[r.id]) for r in rows]
