"""Reposts and tally claims: documents.repost_of + signature, the tally_claims table.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    # batch mode: SQLite rebuilds the table; PostgreSQL gets plain ALTERs.
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("repost_of", sa.String(64), nullable=True))
        batch.add_column(sa.Column("signature", JSONType, nullable=True))
        batch.create_index("ix_documents_repost_of", ["repost_of"])
    op.create_table(
        "tally_claims",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("window_days", sa.Integer(), nullable=True),
        sa.Column("window_text", sa.Text(), nullable=False),
        sa.Column("event_type", sa.String(64), nullable=True),
        sa.Column("sub_event_type", sa.String(64), nullable=True),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("keyword", sa.Text(), nullable=True),
        sa.Column("country_code", sa.String(8), nullable=True),
        sa.Column("evidence", JSONType, nullable=True),
    )
    op.create_index("ix_tally_claims_doc_id", "tally_claims", ["doc_id"])


def downgrade() -> None:
    op.drop_index("ix_tally_claims_doc_id", "tally_claims")
    op.drop_table("tally_claims")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_repost_of")
        batch.drop_column("signature")
        batch.drop_column("repost_of")
