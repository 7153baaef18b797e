"""Each EventFilter criterion, on a small store of distinct incidents (both backends)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sitroom.errors import ConfigError
from sitroom.model import ACLED_FIELDS, Event
from sitroom.store import EventFilter, Store, StoredEvent

from .factories import make_doc, make_event

# name -> (document text, event fields).  Every incident is distinct from the others.
INCIDENTS: dict[str, tuple[str, dict]] = {
    "mosul": ("Iraqi forces fought IS fighters in Mosul.", dict(event_date=date(2024, 3, 5))),
    "basra": ("Protesters gathered outside the governorate building in Basra.", dict(
        event_date=date(2024, 3, 7), event_type="Protests", sub_event_type="Peaceful protest",
        actor1="Protesters (Iraq)", actor2=None, inter1="Protesters", inter2=None, admin1="Basra",
        admin2="Basra", location="Basra", latitude=30.508, longitude=47.783, fatalities=0,
        notes="Demonstrators demanded electricity.")),
    "damascus": ("A drone struck a car near Damascus; the strike was claimed online.", dict(
        event_date=date(2024, 2, 20), event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of Israel", actor2=None, assoc_actor_1="Unit 8200", country="Syria",
        country_code="SY", admin1="Damascus", admin2="Damascus", location="Mezzeh", latitude=33.50,
        longitude=36.25, claimed_by="Saraya Awliya al-Dam", fatalities=2, notes="A car was hit.")),
    "erbil": ("Rockets hit an airbase near Erbil. The airport was closed.", dict(
        event_date=date(2024, 1, 15), event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", actor1="Unidentified Armed Group (Iraq)",
        actor2=None, admin1="Erbil", admin2="Erbil", location="Erbil", latitude=36.19, longitude=44.01,
        fatalities=None, notes="Rockets struck the base.")),
    "soleimani": ("Recalling the 2020 killing of Soleimani at Baghdad airport.", dict(
        event_date=date(2020, 1, 3), event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of the United States", actor2=None, admin1="Baghdad", admin2="Karkh",
        location="Baghdad International Airport", latitude=33.26, longitude=44.23, historical=True,
        fatalities=10, notes="Background.")),
}


@pytest.fixture
def populated(store: Store) -> dict[str, str]:
    """Store every incident; return name -> event id."""
    ids = {}
    for name, (text, fields) in INCIDENTS.items():
        doc = make_doc(text, source=f"reports/{name}.txt")
        result = store.add_document(doc, [make_event(doc, **fields)])
        ids[name] = result.event_ids[0]
    return ids


def names(store: Store, populated: dict[str, str], f: EventFilter) -> list[str]:
    by_id = {v: k for k, v in populated.items()}
    return [by_id[e.id] for e in store.query_events(f)]


@pytest.mark.parametrize(("f", "expected"), [
    (EventFilter(), ["basra", "mosul", "damascus", "erbil", "soleimani"]),
    (EventFilter(limit=2), ["basra", "mosul"]),
    (EventFilter(limit=0), []),
    (EventFilter(since=date(2024, 3, 5)), ["basra", "mosul"]),
    (EventFilter(until=date(2024, 2, 20)), ["damascus", "erbil", "soleimani"]),
    (EventFilter(since=date(2024, 1, 1), until=date(2024, 2, 29)), ["damascus", "erbil"]),
    (EventFilter(event_type="explosions/remote violence"), ["damascus", "erbil", "soleimani"]),
    (EventFilter(event_type="AIR/DRONE STRIKE"), ["damascus", "soleimani"]),
    (EventFilter(event_type="Air"), ["damascus", "soleimani"]),  # not an ACLED name: a fragment matches
    (EventFilter(event_type="drone"), ["damascus", "soleimani"]),
    (EventFilter(event_type="Attack"), []),  # an ACLED name matches exactly, not "... missile attack"
    (EventFilter(actor="islamic state"), ["mosul"]),
    (EventFilter(actor="unit 82"), ["damascus"]),  # associated actor
    (EventFilter(actor="awliya"), ["damascus"]),  # claimed_by
    (EventFilter(actor="100%"), []),  # LIKE wildcards are literal
    (EventFilter(country="syria"), ["damascus"]),
    (EventFilter(country="IQ"), ["basra", "mosul", "erbil", "soleimani"]),
    (EventFilter(country="sy"), ["damascus"]),
    (EventFilter(admin1="nineveh"), ["mosul"]),
    (EventFilter(near=(36.3, 43.1), km=10), ["mosul"]),
    (EventFilter(near=(36.3, 43.6), km=100), ["mosul", "erbil"]),
    (EventFilter(near=(36.3, 43.6), km=100, limit=1), ["mosul"]),
    (EventFilter(near=(36.335, 43.119), km=1), ["mosul"]),
    (EventFilter(text="electricity"), ["basra"]),  # notes
    (EventFilter(text="mezzeh"), ["damascus"]),  # location
    (EventFilter(text="airport was closed"), ["erbil"]),  # only in the document text
    (EventFilter(text="ISLAMIC"), ["mosul"]),  # actors
    (EventFilter(include_historical=False, event_type="Air/drone strike"), ["damascus"]),
    (EventFilter(country="Iraq", event_type="Protests", since=date(2024, 3, 1)), ["basra"]),
], ids=lambda v: repr(v) if not isinstance(v, EventFilter) else None)
def test_filter(store: Store, populated: dict[str, str], f: EventFilter, expected: list[str]) -> None:
    assert names(store, populated, f) == expected


def test_near_uses_exact_distance_not_the_box(store: Store, populated: dict[str, str]) -> None:
    # Mosul (36.335, 43.119) is inside the box corner of a 20 km query from ~19 km away on both axes,
    # but ~26 km away in a straight line.
    lat, lon = 36.335 - 0.17, 43.119 - 0.21
    assert names(store, populated, EventFilter(near=(lat, lon), km=20)) == []
    assert names(store, populated, EventFilter(near=(lat, lon), km=30)) == ["mosul"]


def test_newest(store: Store, populated: dict[str, str]) -> None:
    assert [e.id for e in store.newest(2)] == [populated["basra"], populated["mosul"]]


def test_undated_events_sort_last(store: Store, populated: dict[str, str]) -> None:
    doc = make_doc()
    store.add_document(doc, [make_event(doc, event_date=None, location="Kirkuk", latitude=35.47, longitude=44.39)])
    assert store.query_events()[-1].event_date is None


def test_counts_by_type(store: Store, populated: dict[str, str]) -> None:
    assert store.counts_by_type() == {"Explosions/Remote violence": 3, "Battles": 1, "Protests": 1}


def test_stats(store: Store, populated: dict[str, str]) -> None:
    assert store.stats().to_dict() == {"documents": 5, "mentions": 5, "events": 5}


def test_get_event_carries_provenance(store: Store, populated: dict[str, str]) -> None:
    event = store.get_event(populated["damascus"])
    assert event is not None
    assert event.documents == ("reports/damascus.txt",)
    assert (event.sources, event.mentions, event.report_count) == (("Reuters",), 1, 1)
    assert store.get_event("nope") is None


def test_to_dict_is_json_ready(store: Store, populated: dict[str, str]) -> None:
    import json

    data = store.get_event(populated["mosul"]).to_dict()
    assert data["event_date"] == "2024-03-05" and data["documents"] == ["reports/mosul.txt"]
    json.dumps(data)


def test_stored_event_takes_its_acled_fields_from_event() -> None:
    """One definition: the record's order is the published one (id, ACLED fields, store fields), and each ACLED
    field has Event's type and default."""
    stored = {f.name: f for f in dataclasses.fields(StoredEvent)}
    assert list(stored) == ["id", *ACLED_FIELDS, "report_count", "fatalities_range", "documents", "sources",
                            "mentions", "updated_at"]
    assert "doc_id" not in stored and "evidence" not in stored
    for f in dataclasses.fields(Event):
        if f.name in ACLED_FIELDS:
            assert (stored[f.name].type, stored[f.name].default) == (f.type, f.default), f.name
    event = StoredEvent(id="e1", fatalities=3, documents=("a.txt",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.fatalities = 4  # type: ignore[misc]
    assert not hasattr(event, "__dict__") and hash(event) == hash(StoredEvent(id="e1", fatalities=3, documents=("a.txt",)))


@pytest.mark.parametrize("kwargs", [
    dict(limit=-1), dict(near=(91.0, 0.0)), dict(near=(0.0, 0.0), km=0),
    dict(since=date(2024, 2, 1), until=date(2024, 1, 1)),
])
def test_bad_filter_is_a_config_error(kwargs: dict) -> None:
    with pytest.raises(ConfigError):
        EventFilter(**kwargs)
