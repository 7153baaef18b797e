"""Alembic environment for the sitroom store (configured from code: see `sitroom.store.db`).

`open_store()` passes its own connection in `config.attributes["connection"]`; the `alembic`
command line can also be used with `-x url=...` or `sqlalchemy.url` set on the config.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from sitroom.store.schema import Base

config = context.config
target_metadata = Base.metadata
# Any 64-bit number unique to "sitroom migrations": concurrent upgrades on PostgreSQL queue up.
_PG_LOCK = 0x517200D0_0001


def _url() -> str:
    return context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url") or ""


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)
    else:
        engine = create_engine(_url())
        with engine.connect() as conn:
            _run(conn)
        engine.dispose()
