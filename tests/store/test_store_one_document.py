"""The store's incremental merge: one document's incidents (and its reposts') stay apart, on every backend."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.model import Document, Event
from sitroom.store import Store

from .factories import make_doc, make_event


def _groups(store: Store) -> list[list[str]]:
    return sorted(sorted(d.rsplit("/", 1)[-1] for d in e.documents) for e in store.query_events())


# --- one document, one report per event -----------------------------------------------------------

BOMB = dict(event_date=date(2017, 10, 14), event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED", actor1="Al Shabaab", actor2=None, country="Somalia",
            country_code="SO", admin1="Banaadir", admin2=None, geo_precision=1, sources=[])


def _weekly() -> tuple[Document, list[Event]]:
    doc = make_doc("14 Oct, Hodan district: a truck bomb. Medina district: a smaller VBIED later.",
                   source="reports/weekly.txt")
    return doc, [make_event(doc, 0, **BOMB, location="Hodan", latitude=2.03, longitude=45.31, fatalities=276),
                 make_event(doc, 40, **BOMB, location="Medina", latitude=2.01, longitude=45.33, fatalities=2)]


def test_a_documents_two_incidents_stay_two_events(store: Store) -> None:
    doc, events = _weekly()
    result = store.add_document(doc, events)
    assert result.new_events == 2 and len(set(result.event_ids)) == 2


def test_a_wire_fitting_both_incidents_of_a_weekly_joins_one_and_links_nothing(store: Store) -> None:
    store.add_document(*_weekly())
    wire = make_doc("MOGADISHU: a truck bomb killed 231 people.", source="reports/wire.txt")
    store.add_document(wire, [make_event(wire, **BOMB, location="Mogadishu", latitude=2.04, longitude=45.34,
                                         fatalities=231)])
    assert _groups(store) == [["weekly.txt"], ["weekly.txt", "wire.txt"]]
    assert sorted(e.fatalities for e in store.query_events()) == [2, 231]


def test_a_documents_two_incidents_stay_apart_after_remerge(store: Store) -> None:
    store.add_document(*_weekly())
    store.remerge()
    assert store.stats().events == 2


def test_an_analyst_may_still_merge_a_documents_two_incidents(store: Store) -> None:
    doc, events = _weekly()
    first, second = store.add_document(doc, events).event_ids
    store.merge_events([first, second], author="analyst")
    store.remerge()
    assert store.stats().events == 1


# --- reposts: copies of one document's reports ----------------------------------------------------

STORY = ("A roadside bomb hit a police patrol in Hodan district of Mogadishu on Saturday morning, killing "
         "three officers, witnesses said. Later the same afternoon a car bomb exploded outside a hotel in "
         "Medina district, killing two guards, police said. Al Shabaab claimed both attacks in statements.")
REPOST = "Posted by a reader, 15 October\n\n" + STORY + "\n\nTags: Somalia\nLeave a comment"


def _story(text: str, published: date) -> tuple[Document, list[Event]]:
    doc = make_doc(text, published=published)
    first, second = text.index("A roadside"), text.index("Later the same")
    events = [make_event(doc, first, **BOMB, location="Hodan", latitude=2.03, longitude=45.31, fatalities=3),
              make_event(doc, second, **BOMB, location="Medina", latitude=2.01, longitude=45.33, fatalities=2)]
    events[0].mention_end, events[1].mention_end = second - 1, text.index(" Al Shabaab claimed")
    return doc, events


@pytest.mark.parametrize("copy_first", [False, True], ids=["original-first", "copy-first"])
def test_each_report_of_a_repost_joins_its_twin_and_only_it(store: Store, copy_first: bool) -> None:
    original, copy = _story(STORY, date(2017, 10, 14)), _story(REPOST, date(2017, 10, 15))
    for doc, events in ([copy, original] if copy_first else [original, copy]):
        store.add_document(doc, events)
    assert store.repost_of(copy[0].id) == original[0].id
    events = store.query_events()
    assert sorted((e.fatalities, e.report_count) for e in events) == [(2, 2), (3, 2)]
    for (mine, twin) in zip(original[1], copy[1], strict=True):
        assert store.event_of_mention(mine.id) == store.event_of_mention(twin.id)
