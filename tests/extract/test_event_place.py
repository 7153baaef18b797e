"""Where an incident is placed, from the sentences that tell it."""

from __future__ import annotations

from datetime import date

from sitroom.extract import extract_events
from sitroom.model import Document


def events(text: str, published: date = date(2022, 6, 3)):
    return [e for e in extract_events(Document(text=text, published=published)) if not e.historical]


def test_a_village_the_gazetteer_lacks_is_never_put_at_its_countrys_centre():
    (event,) = events("Gunmen killed two farmers in the village of Qelbuvo in India on Monday.")
    assert event.location == "Qelbuvo" and event.country_code == "IN"
    assert (event.latitude, event.longitude) == (None, None)
    assert any("Qelbuvo is not in the gazetteer" in w for w in event.warnings)
