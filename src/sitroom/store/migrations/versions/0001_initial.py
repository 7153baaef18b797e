"""Initial schema: documents, mentions, events, revisions, merge_decisions.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

log = logging.getLogger("sitroom.store")
JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def _acled_columns() -> list[sa.Column]:
    return [
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=True),
        sa.Column("event_type", sa.String(64), nullable=True),
        sa.Column("sub_event_type", sa.String(64), nullable=True),
        sa.Column("actor1", sa.Text(), nullable=True),
        sa.Column("assoc_actor_1", sa.Text(), nullable=True),
        sa.Column("actor2", sa.Text(), nullable=True),
        sa.Column("assoc_actor_2", sa.Text(), nullable=True),
        sa.Column("inter1", sa.String(64), nullable=True),
        sa.Column("inter2", sa.String(64), nullable=True),
        sa.Column("claimed_by", sa.Text(), nullable=True),
        sa.Column("claim_channel", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("country_code", sa.String(8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("admin2", sa.Text(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=True),
        sa.Column("geonameid", sa.String(32), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("injuries", sa.Integer(), nullable=True),
        sa.Column("sources", JSONType, nullable=False),
        sa.Column("historical", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    ]


def _enable_postgis() -> None:
    """PostGIS when the server has it and we may create it; bbox queries work without it."""
    bind = op.get_bind()
    available = bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).first()
    if available is None:
        log.info("PostGIS is not installed on this server; continuing without it")
        return
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    except sa.exc.DBAPIError as exc:  # e.g. no privilege to create extensions
        log.warning("could not enable PostGIS (%s); continuing without it", exc.orig)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _enable_postgis()

    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("country_hint", sa.String(8), nullable=True),
        sa.Column("input_format", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "events",
        *_acled_columns(),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("location_key", sa.Text(), nullable=True),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_country_code", "events", ["country_code"])
    op.create_index("ix_events_admin1", "events", ["admin1"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_sub_event_type", "events", ["sub_event_type"])
    op.create_index("ix_events_lat_lon", "events", ["latitude", "longitude"])
    op.create_index("ix_events_location_key", "events", ["location_key"])
    op.create_table(
        "mentions",
        *_acled_columns(),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id"), nullable=False),
        sa.Column("evidence", JSONType, nullable=False),
        sa.Column("mention_start", sa.Integer(), nullable=False),
        sa.Column("mention_end", sa.Integer(), nullable=False),
        sa.Column("warnings", JSONType, nullable=False),
    )
    op.create_index("ix_mentions_doc_id", "mentions", ["doc_id"])
    op.create_index("ix_mentions_event_id", "mentions", ["event_id"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("before", JSONType, nullable=True),
        sa.Column("after", JSONType, nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
    )
    op.create_index("ix_revisions_event_id", "revisions", ["event_id"])
    op.create_table(
        "merge_decisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("mention_id", sa.String(64), nullable=False),
        sa.Column("other_mention_id", sa.String(64), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
    )
    op.create_index("ix_merge_decisions_mention_id", "merge_decisions", ["mention_id"])
    op.create_index("ix_merge_decisions_other_mention_id", "merge_decisions", ["other_mention_id"])


def downgrade() -> None:
    for table in ("merge_decisions", "revisions", "mentions", "events", "documents"):
        op.drop_table(table)
