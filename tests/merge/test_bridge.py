"""A report that links two events makes them one, so the events do not depend on the order reports arrive in."""

from __future__ import annotations

from itertools import permutations

import pytest

from sitroom.merge.decide import Candidate, Clusterer, Decisions, bridged
from sitroom.model import Event

from .mopti import report

# A at a city's point; B "near" a town 36 km off: too little in common to join each other (no veto).
# C, coded at the region, shares a named person with A and the toll with B: it fits both.
A = report("a", location="Mopti", latitude=14.48, longitude=-4.18,
           notes="Gunmen killed villagers, the mayor Amadou Barry said.")
B = report("b", location="Bankass", latitude=14.30, longitude=-3.90, geo_precision=2, fatalities=160,
           notes="Massacre near Bankass: 160 dead.")
C = report("c", location="Mopti region", latitude=14.56, longitude=-3.77, geo_precision=3, fatalities=160,
           notes="Attack on a village; Amadou Barry counted 160 dead.")


def clusters(reports: list[Event], decisions: Decisions | None = None) -> list[list[str]]:
    c = Clusterer(decisions)
    for m in reports:
        c.add(m)
    return sorted(sorted(m.doc_id for m in ms) for ms in c.clusters())


# --- bridging -------------------------------------------------------------------------------------

def test_the_linking_report_is_what_joins_the_first_two() -> None:
    assert clusters([A, B]) == [["a"], ["b"]]


@pytest.mark.parametrize("order", list(permutations([A, B, C])), ids=lambda o: "".join(m.doc_id for m in o))
def test_the_order_of_arrival_does_not_change_the_events(order: tuple[Event, ...]) -> None:
    assert clusters(list(order)) == [["a", "b", "c"]]


def test_bridged_events_keep_the_oldest_id_and_report_order() -> None:
    c = Clusterer()
    first, _ = c.add(A)
    c.add(B)
    assert c.add(C) == (first, False)
    assert [m.doc_id for m in c.events[first]] == ["a", "b", "c"] and set(c.event_of.values()) == {first}


def test_no_bridge_between_events_whose_reports_veto_each_other() -> None:
    # B at a precise point 87 km from A: two places, whatever C says.
    far = report("b", location="Bankass", latitude=14.08, longitude=-3.52, fatalities=160,
                 notes="Massacre in Bankass: 160 dead.")
    assert len(clusters([A, far, C])) == 2


def test_no_bridge_between_two_reports_of_one_document() -> None:
    a2, b2 = report("weekly", 0, **_place(A)), report("weekly", 1, **_place(B))
    assert len(clusters([a2, b2, C])) == 2


def test_no_bridge_across_an_analysts_split() -> None:
    decisions = Decisions.from_rows([("split", A.id, B.id)])
    assert len(clusters([A, B, C], decisions)) == 2
    assert len(clusters([C, A, B], decisions)) == 2


def test_a_placeless_report_links_nothing() -> None:
    placeless = report("c", location=None, latitude=None, longitude=None, geo_precision=None, admin1=None,
                       fatalities=160, notes=C.notes)
    assert bridged(placeless, Candidate("A", [A]), [Candidate("A", [A]), Candidate("B", [B])]) == []


# D is told with no place (only the country) and shares an actor and the toll with the placed reports
# E (a city) and F (the same city by another spelling); F alone is too thin to join E by its place.
BOMB = dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb")
D = report("d", location=None, latitude=None, longitude=None, geo_precision=None, admin1=None, fatalities=37,
           actor1="Al-Shabaab", notes="The toll of the beach attack rose to 37.", **BOMB)
E = report("e", location="Mogadishu", latitude=2.04, longitude=45.34, fatalities=37, actor1="Al-Shabaab",
           notes="Al-Shabaab gunmen and a suicide bomber attacked a beach; 37 dead.", **BOMB)
F = report("f", location="Muqdisho", latitude=2.04, longitude=45.34, event_type="Explosions/Remote violence",
           sub_event_type="Remote explosive/landmine/IED", notes="Blast on the beach tonight.")


@pytest.mark.parametrize("order", list(permutations([D, E, F])), ids=lambda o: "".join(m.doc_id for m in o))
def test_an_event_of_placeless_reports_is_linked_where_it_has_one_home(order: tuple[Event, ...]) -> None:
    assert clusters(list(order)) == [["d", "e", "f"]]


def test_an_event_of_placeless_reports_is_not_linked_where_another_event_could_hold_it() -> None:
    elsewhere = report("g", location="Kismayo", latitude=-0.36, longitude=42.55, actor1="Al-Shabaab",
                       notes="A suicide bomber struck a hotel in Kismayo.", **BOMB)
    assert bridged(E, Candidate("F", [F]), [Candidate("F", [F]), Candidate("D", [D]), Candidate("G", [elsewhere])]) == []
    assert bridged(E, Candidate("F", [F]), [Candidate("F", [F]), Candidate("D", [D])]) == ["D"]


def test_bridged_only_looks_at_the_candidates_given() -> None:
    assert bridged(C, Candidate("A", [A]), [Candidate("A", [A]), Candidate("B", [B])]) == ["B"]
    assert bridged(C, Candidate("A", [A]), [Candidate("A", [A])]) == []


def _place(e: Event) -> dict:
    return {k: getattr(e, k) for k in ("location", "latitude", "longitude", "geo_precision", "fatalities", "notes")}
