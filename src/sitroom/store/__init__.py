"""The event store: SQLAlchemy schema, Alembic migrations, the Store API and its queries."""

from sitroom.store import review as _review  # noqa: F401 - its listener keeps analyst corrections on every write
from sitroom.store.db import AddResult, Store, StoreError, StoreStats, open_store
from sitroom.store.queries import EventFilter, StoredEvent

__all__ = ["AddResult", "EventFilter", "Store", "StoreError", "StoreStats", "StoredEvent", "open_store"]
