"""The store joins a report that gives no year to its incident in either order, on every backend."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.model import Evidence
from sitroom.store import Store

from .factories import make_doc, make_event

BOMB = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
            actor1=None, actor2=None, location="Hillah", latitude=32.48, longitude=44.42, admin1="Babil",
            admin2=None, fatalities=4)


def _dated(store: Store, name: str, day: date, **kw) -> None:
    doc = make_doc(f"A roadside bomb in Hillah on {day:%d %B %Y}.", source=f"reports/{name}.txt")
    event = make_event(doc, **{**BOMB, **kw}, event_date=day)
    event.evidence["event_date"] = Evidence(29, 29 + len(f"{day:%d %B %Y}"), f"{day:%d %B %Y}")
    store.add_document(doc, [event])


def _yearless(store: Store, name: str = "wire") -> None:
    doc = make_doc("HILLAH, March 3 (Reuters) - A roadside bomb killed four on Tuesday.", source=f"reports/{name}.txt")
    event = make_event(doc, **BOMB, event_date=None, time_precision=None, date_without_year="--03-03")
    event.evidence["event_date"] = Evidence(55, 65, "on Tuesday")
    store.add_document(doc, [event])


def _groups(store: Store) -> list[list[str]]:
    return sorted(sorted(d.rsplit("/", 1)[-1] for d in e.documents) for e in store.query_events())


@pytest.mark.parametrize("yearless_first", [False, True], ids=["dated-first", "yearless-first"])
def test_a_yearless_wire_joins_its_incident_in_either_order(store: Store, yearless_first: bool) -> None:
    if yearless_first:
        _yearless(store)
    _dated(store, "weekly", date(2021, 3, 2))
    _dated(store, "other_year", date(2019, 3, 2), location="Basra", latitude=30.5, longitude=47.8)
    if not yearless_first:
        _yearless(store)
    assert _groups(store) == [["other_year.txt"], ["weekly.txt", "wire.txt"]]
    joined = next(e for e in store.query_events() if e.report_count == 2)
    assert joined.event_date == date(2021, 3, 2)


def test_a_yearless_wire_of_another_week_stays_apart(store: Store) -> None:
    _dated(store, "weekly", date(2021, 3, 20))
    _yearless(store)
    assert _groups(store) == [["weekly.txt"], ["wire.txt"]]


def test_the_partial_date_is_stored_and_survives_remerge(store: Store) -> None:
    _yearless(store)
    _dated(store, "weekly", date(2021, 3, 2))
    store.remerge()
    assert _groups(store) == [["weekly.txt", "wire.txt"]]
