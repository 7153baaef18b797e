"""`sitroom show`: every field with its source, and the corrections and merges that shaped the event."""

from __future__ import annotations

from datetime import date

from sitroom.analyze.provenance import provenance, render
from sitroom.model import Document, Event, Evidence
from sitroom.store import open_store, review


def _stored_event(store):
    text = "Gunmen killed two policemen at a checkpoint in Kirkuk on Monday."
    doc = Document(text=text, published=date(2021, 3, 2), source="reports/kirkuk.txt")
    event = Event(doc_id=doc.id, event_date=date(2021, 3, 1), event_type="Battles", sub_event_type="Armed clash",
                  location="Kirkuk", latitude=35.47, longitude=44.39, country_code="IQ", fatalities=2)
    event.evidence["fatalities"] = Evidence(7, 24, text[7:24], doc.id)
    store.add_document(doc, [event])
    return store.query_events()[0].id


def test_show_lists_the_analysts_corrections_with_who_and_why():
    store = open_store("sqlite://")
    event_id = _stored_event(store)
    review.correct(store, event_id, "fatalities", 3, author="amira", reason="hospital figure")
    p = provenance(store, event_id)
    assert [(r.field, r.before, r.after, r.author) for r in p.history] == [("fatalities", 2, 3, "amira")]
    text = render(p)
    assert "history:" in text and "amira: fatalities 2 -> 3" in text and "hospital figure" in text
    assert p.to_dict()["history"][0]["reason"] == "hospital figure"


def test_an_event_nobody_touched_shows_no_history():
    store = open_store("sqlite://")
    p = provenance(store, _stored_event(store))
    assert p.history == [] and "history:" not in render(p)
