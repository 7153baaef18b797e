"""The event store: open (and migrate) a database, add documents, query events.

One transaction per document: the document row, its mentions, and each mention's place in
an event (`sitroom.merge`, run by `store.merging`) commit together or not at all, so a killed
run resumes with nothing lost or doubled, and adding a document twice changes nothing.

Near-duplicates (`sitroom.ingest.repost`): each document's MinHash is stored; the LSH index is
rebuilt from the store on first use, so detection is incremental across runs.  A repost links
to the earliest version (`documents.repost_of`) and its reports join the original's events
(recorded as merge decisions by "repost", so a re-merge keeps them there): a mention, no event.

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
from sqlalchemy import Engine, create_engine, delete, event, func, or_, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from sitroom.errors import ConfigError, SitroomError
from sitroom.ingest.repost import RepostIndex, is_repost, signature
from sitroom.model import ACLED_FIELDS, Document, Event, Evidence, TallyClaim
from sitroom.settings import database_url
from sitroom.store import merging
from sitroom.store.queries import EventFilter, StoredEvent, hydrate, run_query
from sitroom.store.schema import DocumentRow, EventRow, MentionRow, TallyClaimRow, utcnow

log = logging.getLogger("sitroom.store")

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_MS = 30_000
_PG_DAY_LOCK = 0x5172  # advisory lock class for "merge block of one day"
_MENTION_FIELDS = (*ACLED_FIELDS, "date_without_year", "mention_start", "mention_end")  # sources, evidence, warnings: own columns


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
    repost_of: str | None = None  # the earliest stored version, when this is a near-duplicate


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


def _span(text_: str, ev: Event) -> str:
    return text_[ev.mention_start:ev.mention_end] if ev.mention_end > ev.mention_start else ev.notes


def _twin_mention(span: str, orig_text: str, theirs: Sequence[MentionRow], lead: str | None = None) -> MentionRow | None:
    """The original's mention whose text the repost's mention repeats (most shared words wins); else
    the one whose telling holds the repost's lead sentence: one copy may tell an incident over more
    sentences than the other (a blogger's note above it), but both tell it from the same lead."""
    words = set(span.casefold().split())
    if not words:
        return None
    best, best_share = None, 0.0
    for m in theirs:
        other = set(orig_text[m.mention_start:m.mention_end].casefold().split()) or set((m.notes or "").casefold().split())
        share = len(words & other) / len(words)
        if share > best_share:
            best, best_share = m, share
    if best_share >= 0.8:
        return best
    at = orig_text.find(lead.strip()) if lead and len(lead.strip()) >= 40 else -1
    if at < 0:
        return None
    holding = [m for m in theirs if m.mention_start <= at < m.mention_end]
    return holding[0] if len(holding) == 1 else None


def _claim_row(c: TallyClaim) -> TallyClaimRow:
    return TallyClaimRow(
        id=c.id, doc_id=c.doc_id, count=c.count, subject=c.subject, as_of=c.as_of, window_days=c.window_days,
        window_text=c.window_text, event_type=c.event_type, sub_event_type=c.sub_event_type, target=c.target,
        keyword=c.keyword, country_code=c.country_code, evidence=c.evidence.to_dict() if c.evidence else None,
    )


def _row_to_claim(r: TallyClaimRow) -> TallyClaim:
    return TallyClaim(
        doc_id=r.doc_id, count=r.count, subject=r.subject, as_of=r.as_of, window_days=r.window_days,
        window_text=r.window_text, event_type=r.event_type, sub_event_type=r.sub_event_type, target=r.target,
        keyword=r.keyword, country_code=r.country_code,
        evidence=Evidence.from_dict(r.evidence) if r.evidence else None, id=r.id,
    )


def _row_to_document(r: DocumentRow) -> Document:
    return Document(text=r.text, id=r.id, source=r.source, external_id=r.external_id, published=r.published,
                    title=r.title, url=r.url, outlet=r.outlet, country_hint=r.country_hint,
                    input_format=r.input_format)


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
        self._reposts: RepostIndex | None = None  # built from stored signatures on first use

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

    def add_document(self, doc: Document, events: Sequence[Event],
                     claims: Sequence[TallyClaim] = ()) -> AddResult:
        """Store a document, its event mentions and tally claims in one transaction, merging each mention.

        A document already stored is skipped (nothing changes).  Any failure rolls back the
        whole document, so it is either fully stored or not at all.
        """
        foreign = [e.id for e in events if e.doc_id != doc.id] + [c.id for c in claims if c.doc_id != doc.id]
        if foreign:
            raise StoreError(f"document {doc.id}: records {foreign[:3]} belong to another document")
        if len({e.id for e in events}) != len(events):
            raise StoreError(f"document {doc.id}: two mentions share an id (same span twice?)")
        if self.has_document(doc.id):
            return AddResult(doc.id, skipped=True)
        sig = signature(doc.text)
        try:
            with Session(self._writer, autoflush=False) as s, s.begin():
                if s.get(DocumentRow, doc.id) is not None:  # another writer got here first
                    return AddResult(doc.id, skipped=True)
                self._lock_days(s, events)
                original = self._original_of(s, doc, sig)
                s.add(DocumentRow(
                    id=doc.id, source=doc.source, external_id=doc.external_id, published=doc.published,
                    title=doc.title, url=doc.url, outlet=doc.outlet, country_hint=doc.country_hint,
                    input_format=doc.input_format, text=doc.text, ingested_at=utcnow(),
                    repost_of=original, signature=sig,
                ))
                s.flush()
                if original is not None:
                    self._link_repost_mentions(s, doc, events, original)
                else:  # an older text than stored copies: its reports are their reports' originals
                    for copy in s.scalars(select(DocumentRow.id).where(DocumentRow.repost_of == doc.id)
                                          .order_by(DocumentRow.id)).all():
                        self._link_repost_mentions(s, doc, events, copy)
                new = merged = 0
                event_ids: list[str] = []
                for ev in events:
                    event_id, created = self._attach(s, doc.id, ev)
                    new, merged = new + created, merged + (not created)
                    event_ids.append(event_id)
                for claim in claims:
                    s.merge(_claim_row(claim))
                result = AddResult(doc.id, False, len(events), new, merged, tuple(event_ids), original)
        except IntegrityError:
            if self.has_document(doc.id):  # lost a race with a concurrent writer: same outcome
                return AddResult(doc.id, skipped=True)
            raise
        if self._reposts is not None:
            self._reposts.add(doc.id, sig)
        return result

    # -- reposts --

    def _repost_index(self, s: Session) -> RepostIndex:
        if self._reposts is None:
            index = RepostIndex()
            index.add_all(s.execute(select(DocumentRow.id, DocumentRow.signature)))
            self._reposts = index
        return self._reposts

    def _original_of(self, s: Session, doc: Document, sig: list[int]) -> str | None:
        """The earliest stored version of `doc`'s text, or None.  Follows repost chains to the root."""
        found: list[DocumentRow] = []
        for cand_id in self._repost_index(s).candidates(sig):
            row = s.get(DocumentRow, cand_id)
            if row is not None and is_repost(doc.text, row.text):
                found.append(s.get(DocumentRow, row.repost_of) if row.repost_of else row)  # type: ignore[arg-type]
        if not found:
            return None
        earliest = min(found, key=lambda r: (r.published or date.max, r.ingested_at, r.id))
        if doc.published is not None and earliest.published is not None and doc.published < earliest.published:
            # The new text is older than every stored copy: it becomes the original.
            roots = [r.id for r in found]
            s.execute(update(DocumentRow).where(or_(DocumentRow.id.in_(roots), DocumentRow.repost_of.in_(roots)))
                      .values(repost_of=doc.id))
            return None
        return earliest.id

    def _link_repost_mentions(self, s: Session, doc: Document, events: Sequence[Event], original: str) -> None:
        """A repost's report of something the original reports joins the original's event.

        Recorded as a merge decision (author "repost") so the rule also holds after a re-merge.
        Also called the other way round, when the original arrives after its copies (`original`
        is then a stored copy): each report of one document joins its twin in the other, and
        only there, since the merge keeps a document's (and its reposts') reports apart.
        """
        theirs = list(s.scalars(select(MentionRow).where(MentionRow.doc_id == original)))
        if not theirs:
            return
        orig_text = s.get(DocumentRow, original).text  # type: ignore[union-attr]
        pairs = []
        for ev in events:
            twin = _twin_mention(_span(doc.text, ev), orig_text, theirs, ev.notes)
            if twin is not None:
                pairs.append((twin.id, ev.id))
        merging.record(s, "merge", pairs, "repost", f"near-duplicate of {original}")

    # -- merging --

    def _lock_days(self, s: Session, events: Sequence[Event]) -> None:
        """PostgreSQL: serialise writers whose mentions could merge (same day +-1), in a fixed order."""
        if self.dialect != "postgresql":
            return
        days = sorted({d.toordinal() + k for d in (e.event_date for e in events) if d for k in (-1, 0, 1)})
        for day in days:
            s.execute(text("SELECT pg_advisory_xact_lock(:c, :o)"), {"c": _PG_DAY_LOCK, "o": day})

    def _attach(self, s: Session, doc_id: str, ev: Event) -> tuple[str, bool]:
        """Insert the mention into the best-matching event or a new one: (event id, created?).

        A mention that links events of its block folds them into one (`merging.bridge`)."""
        return merging.attach(s, ev, _mention_row(ev, doc_id, ""))

    def merge_events(self, event_ids: Sequence[str], author: str | None = None, reason: str | None = None) -> str:
        """Analyst: these events are one incident.  Returns the surviving id (the first)."""
        if len(event_ids) < 2:
            raise StoreError("merge needs two or more events")
        with Session(self._writer, autoflush=False) as s, s.begin():
            try:
                return merging.force_merge(s, list(event_ids), author, reason)
            except KeyError as exc:
                raise StoreError(str(exc.args[0])) from None

    def split_mentions(self, mention_ids: Sequence[str], author: str | None = None, reason: str | None = None) -> str:
        """Analyst: these reports are a different incident from the rest of their event.  Returns the new id."""
        with Session(self._writer, autoflush=False) as s, s.begin():
            try:
                return merging.force_split(s, list(mention_ids), author, reason)
            except (KeyError, ValueError) as exc:
                raise StoreError(str(exc.args[0])) from None

    def remerge(self) -> merging.RemergeResult:
        """Re-cluster every report from scratch with the current rules and all analyst decisions."""
        with Session(self._writer, autoflush=False) as s, s.begin():
            return merging.remerge(s)

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and its reports (e.g. to re-ingest it); its events are recomputed."""
        with Session(self._writer, autoflush=False) as s, s.begin():
            row = s.get(DocumentRow, doc_id)
            if row is None:
                return False
            touched = set(s.scalars(select(MentionRow.event_id).where(MentionRow.doc_id == doc_id)))
            s.execute(delete(MentionRow).where(MentionRow.doc_id == doc_id))
            s.execute(delete(TallyClaimRow).where(TallyClaimRow.doc_id == doc_id))
            s.execute(update(DocumentRow).where(DocumentRow.repost_of == doc_id).values(repost_of=None))
            s.delete(row)
            s.flush()
            for event_id in sorted(touched):
                event_row = s.get(EventRow, event_id)
                if event_row is not None:
                    merging.recompute(s, event_row)
        self._reposts = None  # LSH has no cheap removal: rebuild on next use
        return True

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

    def document(self, doc_id: str) -> Document | None:
        with Session(self.engine) as s:
            row = s.get(DocumentRow, doc_id)
            return _row_to_document(row) if row is not None else None

    def documents_of(self, doc_ids: Sequence[str]) -> dict[str, DocumentRow]:
        """Document rows (detached) by id: source, outlet, published, repost_of, text."""
        with Session(self.engine, expire_on_commit=False) as s:
            rows = list(s.scalars(select(DocumentRow).where(DocumentRow.id.in_(list(doc_ids)))))
            s.expunge_all()
            return {r.id: r for r in rows}

    def repost_of(self, doc_id: str) -> str | None:
        with Session(self.engine) as s:
            return s.scalar(select(DocumentRow.repost_of).where(DocumentRow.id == doc_id))

    def event_of_mention(self, mention_id: str) -> str | None:
        with Session(self.engine) as s:
            return s.scalar(select(MentionRow.event_id).where(MentionRow.id == mention_id))

    def resolve_event_id(self, prefix: str) -> str | None:
        """The event whose id is `prefix` or starts with it (None if none or ambiguous)."""
        with Session(self.engine) as s:
            if s.get(EventRow, prefix) is not None:
                return prefix
            ids = list(s.scalars(select(EventRow.id).where(EventRow.id.startswith(prefix, autoescape=True)).limit(2)))
            return ids[0] if len(ids) == 1 else None

    def claims(self) -> list[TallyClaim]:
        """Every stored tally claim, oldest as-of date first."""
        with Session(self.engine) as s:
            rows = s.scalars(select(TallyClaimRow).order_by(TallyClaimRow.as_of.nulls_last(), TallyClaimRow.id))
            return [_row_to_claim(r) for r in rows]

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
