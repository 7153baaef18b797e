"""The event store's tables, one set of models for SQLite and PostgreSQL.

* `documents`: one row per ingested report, keyed by content hash (ingest is idempotent).
* `mentions`: one row per extracted `model.Event`, exactly as the extractor produced it.
* `events`: the merged incident: canonical ACLED values computed from its mentions.
* `revisions`: analyst edits to an event (the extractor's mentions are never changed).  Not tied to
  the event row by a foreign key (0003): an audit trail outlives the event it is about.
* `merge_decisions`: forced merges and splits, keyed by mention ids so they survive re-ingest.
* `tally_claims` (0002): running counts reports state, to set beside the store's own count.

Bounding-box queries use the plain `latitude`/`longitude` columns (a composite index), so the
same query code runs on both backends; PostGIS is enabled on PostgreSQL for later use.
The migrations (`0001_initial.py`, `0002_reposts_claims.py`, `0003_revisions_outlive_events.py`,
`0004_date_without_year.py`) must create exactly these tables; a test compares the two.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    country_hint: Mapped[str | None] = mapped_column(String(8))
    input_format: Mapped[str] = mapped_column(String(32), default="text")
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # 0002: near-duplicate detection.  `repost_of` is the earliest stored version of this text;
    # `signature` is its MinHash (a list of ints) so the LSH index can be rebuilt on open.
    repost_of: Mapped[str | None] = mapped_column(String(64))
    signature: Mapped[list[int] | None] = mapped_column(JSONType)

    __table_args__ = (Index("ix_documents_repost_of", "repost_of"),)


class _AcledColumns:
    """The ACLED-named fields shared by a mention and an event."""

    event_date: Mapped[date | None] = mapped_column(Date)
    time_precision: Mapped[int | None] = mapped_column(Integer)
    event_type: Mapped[str | None] = mapped_column(String(64))
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    actor1: Mapped[str | None] = mapped_column(Text)
    assoc_actor_1: Mapped[str | None] = mapped_column(Text)
    actor2: Mapped[str | None] = mapped_column(Text)
    assoc_actor_2: Mapped[str | None] = mapped_column(Text)
    inter1: Mapped[str | None] = mapped_column(String(64))
    inter2: Mapped[str | None] = mapped_column(String(64))
    claimed_by: Mapped[str | None] = mapped_column(Text)
    claim_channel: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    country_code: Mapped[str | None] = mapped_column(String(8))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    geonameid: Mapped[str | None] = mapped_column(String(32))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    injuries: Mapped[int | None] = mapped_column(Integer)
    sources: Mapped[list[str]] = mapped_column(JSONType, default=list)
    historical: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    notes: Mapped[str] = mapped_column(Text, default="")


class EventRow(_AcledColumns, Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    location_key: Mapped[str | None] = mapped_column(Text)  # normalised location, for merge blocking
    report_count: Mapped[int] = mapped_column(Integer, default=1)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (
        Index("ix_events_event_date", "event_date"),
        Index("ix_events_country_code", "country_code"),
        Index("ix_events_admin1", "admin1"),
        Index("ix_events_event_type", "event_type"),
        Index("ix_events_sub_event_type", "sub_event_type"),
        Index("ix_events_lat_lon", "latitude", "longitude"),
        Index("ix_events_location_key", "location_key"),
    )


class MentionRow(_AcledColumns, Base):
    __tablename__ = "mentions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # model.Event.id
    doc_id: Mapped[str] = mapped_column(String(64), ForeignKey("documents.id", ondelete="CASCADE"))
    event_id: Mapped[str] = mapped_column(String(64), ForeignKey("events.id"))
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    mention_start: Mapped[int] = mapped_column(Integer, default=0)
    mention_end: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # 0004: the day of a report that gives no year ("--04-09"), so the merge can find the incident
    # it belongs to in any year (`model.Event.date_without_year`).
    date_without_year: Mapped[str | None] = mapped_column(String(8))

    __table_args__ = (
        Index("ix_mentions_doc_id", "doc_id"),
        Index("ix_mentions_event_id", "event_id"),
        Index("ix_mentions_date_without_year", "date_without_year"),
    )


class RevisionRow(Base):
    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # The id of the event the revision is about, deliberately no foreign key: deleting the event (its
    # last report deleted, a re-merge emptying it) must not delete its history, which is found again
    # under this id if the event comes back (the same report gives the same event id).
    event_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(64))
    before: Mapped[Any] = mapped_column(JSONType, nullable=True)
    after: Mapped[Any] = mapped_column(JSONType, nullable=True)
    author: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_revisions_event_id", "event_id"),)


class MergeDecisionRow(Base):
    __tablename__ = "merge_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(16))  # "merge" or "split"
    mention_id: Mapped[str] = mapped_column(String(64))
    other_mention_id: Mapped[str] = mapped_column(String(64))
    author: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_merge_decisions_mention_id", "mention_id"),
        Index("ix_merge_decisions_other_mention_id", "other_mention_id"),
    )


class TallyClaimRow(Base):
    __tablename__ = "tally_claims"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(64), ForeignKey("documents.id", ondelete="CASCADE"))
    count: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(Text)
    as_of: Mapped[date | None] = mapped_column(Date)
    window_days: Mapped[int | None] = mapped_column(Integer)
    window_text: Mapped[str] = mapped_column(Text, default="")
    event_type: Mapped[str | None] = mapped_column(String(64))
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(Text)
    keyword: Mapped[str | None] = mapped_column(Text)
    country_code: Mapped[str | None] = mapped_column(String(8))
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    __table_args__ = (Index("ix_tally_claims_doc_id", "doc_id"),)
