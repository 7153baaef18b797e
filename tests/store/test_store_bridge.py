"""The store's incremental merge: a later report that links two events folds them into one
(recorded, undoable, independent of ingest order), on every backend."""

from __future__ import annotations

from datetime import date
from itertools import permutations

import pytest

from sitroom.model import Event
from sitroom.store import Store, review

from .factories import make_doc, make_event

MASSACRE = dict(event_date=date(2019, 3, 23), event_type="Violence against civilians", sub_event_type="Attack",
                actor1="Unidentified Armed Group (Mali)", actor2=None, inter1=None, inter2=None, country="Mali",
                country_code="ML", admin1="Mopti", admin2=None, fatalities=None, sources=[])
# A at a city's point and B "near" a town 36 km off share too little to join each other (no veto);
# C, coded at the region, shares a named person with A and the toll with B: it fits both.
REPORTS = {
    "a": dict(location="Mopti", latitude=14.48, longitude=-4.18, geo_precision=1,
              notes="Gunmen killed villagers, the mayor Amadou Barry said."),
    "b": dict(location="Bankass", latitude=14.30, longitude=-3.90, geo_precision=2, fatalities=160,
              notes="Massacre near Bankass: 160 dead."),
    "c": dict(location="Mopti region", latitude=14.56, longitude=-3.77, geo_precision=3, fatalities=160,
              notes="Attack on a village; Amadou Barry counted 160 dead."),
}


def _add(store: Store, name: str, **kw) -> Event:
    doc = make_doc(f"report {name} about the massacre", source=f"reports/{name}.txt")
    ev = make_event(doc, **{**MASSACRE, **REPORTS.get(name, REPORTS["c"]), **kw})
    store.add_document(doc, [ev])
    return ev


def _groups(store: Store) -> list[list[str]]:
    return sorted(sorted(d.rsplit("/", 1)[-1] for d in e.documents) for e in store.query_events())


# --- a report that links two events ---------------------------------------------------------------

def test_the_first_two_reports_stay_apart(store: Store) -> None:
    _add(store, "a")
    _add(store, "b")
    assert _groups(store) == [["a.txt"], ["b.txt"]]


@pytest.mark.parametrize("order", ["abc", "cab", "bca", "acb"])
def test_ingest_order_does_not_change_the_events(store: Store, order: str) -> None:
    for name in order:
        _add(store, name)
    assert _groups(store) == [["a.txt", "b.txt", "c.txt"]]
    (event,) = store.query_events()
    assert event.report_count == 3 and event.fatalities == 160


def test_a_fold_keeps_the_oldest_id_and_is_recorded(store: Store) -> None:
    a = _add(store, "a")
    b = _add(store, "b")
    oldest, other = store.event_of_mention(a.id), store.event_of_mention(b.id)
    c = _add(store, "c")
    assert {store.event_of_mention(m.id) for m in (a, b, c)} == {oldest}
    assert store.get_event(other) is None
    (fold,) = [r for r in review.history(store, oldest) if r.field == "merge"]
    assert fold.author == "merge" and c.id in (fold.reason or "")
    assert fold.before["mentions"] == {other: [b.id]}


def test_a_fold_survives_remerge(store: Store) -> None:
    a = _add(store, "a")
    _add(store, "b")
    _add(store, "c")
    store.remerge()
    assert _groups(store) == [["a.txt", "b.txt", "c.txt"]] and store.query_events()[0].id == store.event_of_mention(a.id)


def test_an_analysts_undo_splits_a_fold_for_good(store: Store) -> None:
    a = _add(store, "a")
    b = _add(store, "b")
    _add(store, "c")
    (fold,) = [r for r in review.history(store, store.event_of_mention(a.id)) if r.field == "merge"]
    review.undo(store, fold.id, author="analyst")
    assert store.event_of_mention(a.id) != store.event_of_mention(b.id)
    store.remerge()
    assert store.event_of_mention(a.id) != store.event_of_mention(b.id)


def test_no_fold_across_an_analysts_split(store: Store) -> None:
    _add(store, "c")
    a = _add(store, "a")
    b = _add(store, "b")
    assert store.event_of_mention(a.id) == store.event_of_mention(b.id)
    review.split(store, [b.id], author="analyst", reason="another massacre")
    _add(store, "d", notes="Amadou Barry: 160 dead in the attack.")  # fits both again
    assert store.event_of_mention(a.id) != store.event_of_mention(b.id)
    store.remerge()
    assert store.event_of_mention(a.id) != store.event_of_mention(b.id)


def test_no_fold_when_two_events_hold_one_documents_reports(store: Store) -> None:
    doc = make_doc("weekly: two massacres in Mopti region", source="reports/weekly.txt")
    store.add_document(doc, [make_event(doc, 0, **{**MASSACRE, **REPORTS["a"]}),
                             make_event(doc, 50, **{**MASSACRE, **REPORTS["b"]})])
    _add(store, "c")
    assert store.stats().events == 2


@pytest.mark.parametrize("order", list(permutations("abc")), ids="".join)
def test_remerge_matches_incremental_ingest(store: Store, order: tuple[str, ...]) -> None:
    for name in order:
        _add(store, name)
    before = _groups(store)
    store.remerge()
    assert _groups(store) == before == [["a.txt", "b.txt", "c.txt"]]
