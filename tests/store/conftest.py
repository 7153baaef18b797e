"""One `store` fixture, parametrised over SQLite (always) and PostgreSQL (when configured).

The PostgreSQL tier runs against SITROOM_TEST_DATABASE_URL, e.g.
postgresql+psycopg://postgres@127.0.0.1:54329/sitroom_test; each test starts from an empty
schema (tables dropped, then migrated again by `open_store`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text

from sitroom.model import Document, Event
from sitroom.store import Store, open_store

from .factories import make_doc, make_event

PG_ENV = "SITROOM_TEST_DATABASE_URL"
PG_SKIP = f"PostgreSQL tier: set {PG_ENV}=postgresql+psycopg://user@host:port/db to run it"
_TABLES = ("tally_claims", "merge_decisions", "revisions", "mentions", "events", "documents", "alembic_version")


def pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS " + ", ".join(_TABLES) + " CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = pg_url()
    if url is None:
        pytest.skip(PG_SKIP)
    reset_postgres(url)
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def add(store: Store) -> Callable[..., tuple[Document, list[Event]]]:
    """add(**event_fields) stores a one-mention document and returns (doc, [event])."""

    def _add(text: str | None = None, source: str | None = None, **kw) -> tuple[Document, list[Event]]:
        doc = make_doc(text, source)
        events = [make_event(doc, **kw)]
        store.add_document(doc, events)
        return doc, events

    return _add
