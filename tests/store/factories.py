"""Small builders for store tests: documents and events with sensible defaults."""

from __future__ import annotations

import itertools
from datetime import date

from sqlalchemy import delete
from sqlalchemy.orm import Session

from sitroom.model import Document, Event
from sitroom.store import Store
from sitroom.store.schema import DocumentRow, EventRow, MentionRow, MergeDecisionRow, RevisionRow, TallyClaimRow


def wipe(store: Store) -> None:
    """Empty every table (faster than a new schema; used between hypothesis examples)."""
    with Session(store.engine) as s, s.begin():
        for model in (TallyClaimRow, MergeDecisionRow, RevisionRow, MentionRow, EventRow, DocumentRow):
            s.execute(delete(model))


_counter = itertools.count()


def make_doc(text: str | None = None, source: str | None = None, **kw) -> Document:
    n = next(_counter)
    return Document(text=text or f"report number {n}", source=source or f"reports/r{n}.txt", **kw)


def make_event(doc: Document, start: int = 0, **kw) -> Event:
    """A battle in Mosul on 2024-03-05 unless told otherwise."""
    values = dict(
        event_date=date(2024, 3, 5), time_precision=1, event_type="Battles", sub_event_type="Armed clash",
        actor1="Military Forces of Iraq", actor2="Islamic State (Iraq)", inter1="State forces", inter2="Rebel group",
        country="Iraq", country_code="IQ", admin1="Nineveh", admin2="Mosul", location="Mosul",
        latitude=36.335, longitude=43.119, geo_precision=1, fatalities=4, sources=["Reuters"],
        notes="Clashes in Mosul.",
    )
    values.update(kw)
    return Event(doc_id=doc.id, mention_start=start, mention_end=start + 10, **values)


