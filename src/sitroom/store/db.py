"""The event store: open (and migrate) a database, add documents, query events.

One transaction per document: the document row, its mentions, and each mention's place in
an event (merge v1, `sitroom.merge.cluster`) commit together or not at all, so a killed run
resumes with nothing lost or doubled, and adding a document twice changes nothing.

SQLite runs in WAL mode (one writer, many readers) with foreign keys on and a busy timeout;
write transactions start with BEGIN IMMEDIATE so two writers queue instead of failing.
On PostgreSQL, writers take transaction-scoped advisory locks on the days they touch, so two
workers cannot both create the same incident.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, and_, create_engine, event, func, or_, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from sitroom.errors import ConfigError, SitroomError
from sitroom.merge.cluster import best_match, canonical, location_key, search_window
from sitroom.model import Document, Event, Evidence
from sitroom.settings import database_url
from sitroom.store.queries import EventFilter, StoredEvent, hydrate, run_query
from sitroom.store.schema import DocumentRow, EventRow, MentionRow, utcnow

log = logging.getLogger("sitroom.store")

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_MS = 30_000
_PG_DAY_LOCK = 0x5172  # advisory lock class for "merge block of one day"
_MENTION_FIELDS = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "actor2", "assoc_actor_2", "inter1", "inter2", "claimed_by", "claim_channel", "country",
    "country_code", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "geonameid", "fatalities", "injuries", "historical", "confidence", "notes",
    "mention_start", "mention_end",
)


class StoreError(SitroomError):
    """The store cannot do what was asked (bad document, unreachable or unmigrated database)."""


@dataclass(frozen=True, slots=True)
class AddResult:
    """What `Store.add_document` did with one document."""

    doc_id: str
    skipped: bool  # the document was already stored: nothing changed
    mentions: int = 0
    new_events: int = 0
    merged: int = 0  # mentions attached to an event that already existed
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoreStats:
    documents: int
    mentions: int
    events: int

    def to_dict(self) -> dict[str, int]:
        return {"documents": self.documents, "mentions": self.mentions, "events": self.events}


# --- engine and migrations ------------------------------------------------------------------------

def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    memory = parsed.database in (None, "", ":memory:")
    if not memory:
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False}}
    if memory:
        kwargs["poolclass"] = StaticPool  # one shared connection, else every connection is a new database
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("sitroom_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    """An Alembic config for the packaged migrations (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema to `revision` (idempotent)."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.connect().execution_options(sitroom_write=True) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()


def open_store(url: str | None = None) -> Store:
    """Open the store at `url` (default: the `database_url` setting), creating or upgrading its schema."""
    resolved = database_url(url)
    if not resolved.startswith(("sqlite", "postgresql")):
        raise ConfigError(f"unsupported database URL {resolved!r}: use sqlite:///path or postgresql+psycopg://...")
    engine = make_engine(resolved)
    upgrade(engine)
    return Store(engine)


# --- the store ------------------------------------------------------------------------------------

def _mention_row(ev: Event, doc_id: str, event_id: str) -> MentionRow:
    values = {name: getattr(ev, name) for name in _MENTION_FIELDS}
    values["historical"] = bool(values["historical"])
    values["confidence"] = float(values["confidence"] or 0.0)
    values["notes"] = values["notes"] or ""
    return MentionRow(
        id=ev.id, doc_id=doc_id, event_id=event_id, sources=list(ev.sources), warnings=list(ev.warnings),
        evidence={name: e.to_dict() for name, e in ev.evidence.items()}, **values,
    )


def _mention_to_event(row: MentionRow) -> Event:
    values = {name: getattr(row, name) for name in _MENTION_FIELDS}
    return Event(
        doc_id=row.doc_id, id=row.id, sources=list(row.sources or []), warnings=list(row.warnings or []),
        evidence={k: Evidence.from_dict(v) for k, v in (row.evidence or {}).items()}, **values,
    )


class Store:
    """A migrated database.  Thread-safe for readers; write through one `Store` per process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(sitroom_write=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --

    def has_document(self, doc_id: str) -> bool:
        with Session(self.engine) as s:
            return s.get(DocumentRow, doc_id) is not None

    def add_document(self, doc: Document, events: Sequence[Event]) -> AddResult:
        """Store a document and its event mentions in one transaction, merging each mention.

        A document already stored is skipped (nothing changes).  Any failure rolls back the
        whole document, so it is either fully stored or not at all.
        """
        foreign = [e.id for e in events if e.doc_id != doc.id]
        if foreign:
            raise StoreError(f"document {doc.id}: events {foreign[:3]} belong to another document")
        if len({e.id for e in events}) != len(events):
            raise StoreError(f"document {doc.id}: two mentions share an id (same span twice?)")
        if self.has_document(doc.id):
            return AddResult(doc.id, skipped=True)
        try:
            with Session(self._writer, autoflush=False) as s, s.begin():
                if s.get(DocumentRow, doc.id) is not None:  # another writer got here first
                    return AddResult(doc.id, skipped=True)
                self._lock_days(s, events)
                s.add(DocumentRow(
                    id=doc.id, source=doc.source, external_id=doc.external_id, published=doc.published,
                    title=doc.title, url=doc.url, outlet=doc.outlet, country_hint=doc.country_hint,
                    input_format=doc.input_format, text=doc.text, ingested_at=utcnow(),
                ))
                s.flush()
                new = merged = 0
                event_ids: list[str] = []
                for ev in events:
                    event_id, created = self._attach(s, doc.id, ev)
                    new, merged = new + created, merged + (not created)
                    event_ids.append(event_id)
                return AddResult(doc.id, False, len(events), new, merged, tuple(event_ids))
        except IntegrityError:
            if self.has_document(doc.id):  # lost a race with a concurrent writer: same outcome
                return AddResult(doc.id, skipped=True)
            raise

    def _lock_days(self, s: Session, events: Sequence[Event]) -> None:
        """PostgreSQL: serialise writers whose mentions could merge (same day +-1), in a fixed order."""
        if self.dialect != "postgresql":
            return
        days = sorted({d.toordinal() + k for d in (e.event_date for e in events) if d for k in (-1, 0, 1)})
        for day in days:
            s.execute(text("SELECT pg_advisory_xact_lock(:c, :o)"), {"c": _PG_DAY_LOCK, "o": day})

    def _candidates(self, s: Session, ev: Event) -> list[EventRow]:
        window = search_window(ev)
        if window is None:
            return []
        place = [and_(EventRow.latitude.between(b.lat_min, b.lat_max), EventRow.longitude.between(b.lon_min, b.lon_max))
                 for b in window.boxes]
        if window.location_key is not None:
            place.append(EventRow.location_key == window.location_key)
        stmt = (select(EventRow)
                .where(EventRow.event_date.between(window.date_min, window.date_max),
                       EventRow.historical == window.historical, or_(*place))
                .order_by(EventRow.created_at, EventRow.id))
        return list(s.scalars(stmt))

    def _attach(self, s: Session, doc_id: str, ev: Event) -> tuple[str, bool]:
        """Insert the mention into the best-matching event or a new one: (event id, created?)."""
        target = best_match(ev, self._candidates(s, ev))
        created = target is None
        if target is None:
            target = EventRow(id=ev.id, report_count=0, created_at=utcnow(), sources=[],
                              historical=bool(ev.historical), confidence=0.0, notes="")
            s.add(target)
            s.flush()
        s.add(_mention_row(ev, doc_id, target.id))
        s.flush()
        self._recompute(s, target)
        return target.id, created

    def _recompute(self, s: Session, row: EventRow) -> None:
        stmt = (select(MentionRow).join(DocumentRow, DocumentRow.id == MentionRow.doc_id)
                .where(MentionRow.event_id == row.id)
                .order_by(DocumentRow.ingested_at, DocumentRow.id, MentionRow.mention_start, MentionRow.id))
        mentions = list(s.scalars(stmt))
        for name, value in canonical(mentions).items():
            setattr(row, name, value)
        row.location_key = location_key(row.location)
        row.report_count = len({m.doc_id for m in mentions})
        row.updated_at = utcnow()
        s.flush()

    # -- reading --

    def query_events(self, f: EventFilter | None = None) -> list[StoredEvent]:
        with Session(self.engine) as s:
            return run_query(s, f or EventFilter())

    def get_event(self, event_id: str) -> StoredEvent | None:
        with Session(self.engine) as s:
            row = s.get(EventRow, event_id)
            return hydrate(s, [row])[0] if row is not None else None

    def mentions(self, event_id: str) -> list[Event]:
        """Every report of an event, as the extractor produced it, in ingest order."""
        with Session(self.engine) as s:
            stmt = (select(MentionRow).join(DocumentRow, DocumentRow.id == MentionRow.doc_id)
                    .where(MentionRow.event_id == event_id)
                    .order_by(DocumentRow.ingested_at, DocumentRow.id, MentionRow.mention_start, MentionRow.id))
            return [_mention_to_event(m) for m in s.scalars(stmt)]

    def newest(self, n: int = 10) -> list[StoredEvent]:
        return self.query_events(EventFilter(limit=n))

    def counts_by_type(self) -> dict[str | None, int]:
        """Events per event_type, most frequent first (None: not typed)."""
        with Session(self.engine) as s:
            n = func.count(EventRow.id)
            rows = s.execute(select(EventRow.event_type, n).group_by(EventRow.event_type)
                             .order_by(n.desc(), EventRow.event_type))
            return {t: c for t, c in rows}

    def counts_by_sub_type(self) -> dict[tuple[str | None, str | None], int]:
        """Current (not historical) events per (event_type, sub_event_type), most frequent first."""
        with Session(self.engine) as s:
            n = func.count(EventRow.id)
            rows = s.execute(select(EventRow.event_type, EventRow.sub_event_type, n)
                             .where(EventRow.historical.is_(False))
                             .group_by(EventRow.event_type, EventRow.sub_event_type)
                             .order_by(n.desc(), EventRow.event_type, EventRow.sub_event_type))
            return {(t, sub): c for t, sub, c in rows}

    def stats(self) -> StoreStats:
        with Session(self.engine) as s:
            def count(model: Any) -> int:
                return s.scalar(select(func.count()).select_from(model)) or 0
            return StoreStats(count(DocumentRow), count(MentionRow), count(EventRow))

    def event_dates(self) -> tuple[date | None, date | None]:
        """(earliest, latest) event_date in the store."""
        with Session(self.engine) as s:
            lo, hi = s.execute(select(func.min(EventRow.event_date), func.max(EventRow.event_date))).one()
            return lo, hi


__all__ = ["AddResult", "Store", "StoreError", "StoreStats", "alembic_config", "open_store", "upgrade"]
