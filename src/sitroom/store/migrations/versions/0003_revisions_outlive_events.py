"""Revisions outlive their event: drop revisions.event_id's cascading foreign key to events.

Until 0002, deleting an event row (its last report deleted, or a re-merge leaving it empty) deleted
its whole review history with it.  `event_id` keeps the event's id as a plain indexed column, so the
history is still found under that id, and is back in force if an event with that id returns
(re-ingesting the same report gives the same event id).

Revision ID: 0003
Revises: 0002
Create Date: 2025-03-01
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

log = logging.getLogger("sitroom.store")

# SQLite's foreign key has no name; batch mode names reflected constraints by this convention so it
# can be dropped.  PostgreSQL named it itself (`revisions_event_id_fkey`) and keeps that name.
_NAMING = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}
_SQLITE_FK = "fk_revisions_event_id_events"
_PG_FK = "revisions_event_id_fkey"


def _event_fk_name() -> str | None:
    for fk in sa.inspect(op.get_bind()).get_foreign_keys("revisions"):
        if fk["referred_table"] == "events" and fk["constrained_columns"] == ["event_id"]:
            return fk["name"] or _SQLITE_FK
    return None


def upgrade() -> None:
    name = _event_fk_name()
    if name is None:  # already detached (e.g. by hand): nothing to do
        return
    # batch mode: SQLite copies the table (every revision kept); PostgreSQL gets a plain ALTER.
    with op.batch_alter_table("revisions", naming_convention=_NAMING) as batch:
        batch.drop_constraint(name, type_="foreignkey")


def downgrade() -> None:
    # The old foreign key cannot hold revisions of events that no longer exist: they go, and we say so.
    orphans = sa.text("DELETE FROM revisions WHERE event_id NOT IN (SELECT id FROM events)")
    dropped = op.get_bind().execute(orphans).rowcount
    if dropped:
        log.warning("downgrade to 0002: deleted %d revisions of events that no longer exist", dropped)
    with op.batch_alter_table("revisions", naming_convention=_NAMING) as batch:
        batch.create_foreign_key(_PG_FK, "events", ["event_id"], ["id"], ondelete="CASCADE")
