"""Reports that give no year: mentions.date_without_year ("--04-09"), indexed.

A wire filed "CAIRO, April 9 (Reuters) -" with no year anywhere has no event_date.  Its day is kept
so the merge can find the incident it reports in any year (`model.Event.date_without_year`).
Existing mentions keep NULL: re-ingesting or `remerge` does not re-extract, so reports stored
before this migration join nothing by their day until they are ingested again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite rebuilds the table; PostgreSQL gets plain ALTERs.
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("date_without_year", sa.String(8), nullable=True))
        batch.create_index("ix_mentions_date_without_year", ["date_without_year"])


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.drop_index("ix_mentions_date_without_year")
        batch.drop_column("date_without_year")
