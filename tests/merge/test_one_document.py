"""One document's incidents stay apart, whatever other reports arrive and in whatever order."""

from __future__ import annotations

from itertools import permutations

from sitroom.merge.decide import Candidate, Clusterer, Decisions, choose
from sitroom.model import Event

from .mopti import report


def clusters(reports: list[Event], decisions: Decisions | None = None) -> list[list[str]]:
    c = Clusterer(decisions)
    for m in reports:
        c.add(m)
    return sorted(sorted(m.doc_id for m in ms) for ms in c.clusters())


# --- one document, one report per event -----------------------------------------------------------

# Two bullets of one weekly: same day, type and city, two districts (points 3 km apart).
HODAN = report("weekly", 0, location="Hodan", latitude=2.03, longitude=45.31, fatalities=276,
               sub_event_type="Remote explosive/landmine/IED", event_type="Explosions/Remote violence",
               country_code="SO", admin1="Banaadir")
MEDINA = report("weekly", 1, location="Medina", latitude=2.01, longitude=45.33, fatalities=2,
                sub_event_type="Remote explosive/landmine/IED", event_type="Explosions/Remote violence",
                country_code="SO", admin1="Banaadir")


def test_a_report_never_joins_an_event_holding_its_own_document() -> None:
    assert choose(MEDINA, [Candidate("E", [HODAN])]) is None


def test_a_reposts_report_never_joins_an_event_holding_its_original() -> None:
    copy = report("blog", 1, **{k: getattr(MEDINA, k) for k in ("location", "latitude", "longitude", "fatalities",
                                                                   "sub_event_type", "event_type", "country_code",
                                                                   "admin1")})
    assert choose(copy, [Candidate("E", [HODAN])]) == "E"  # another document: it may
    assert choose(copy, [Candidate("E", [HODAN])], Decisions(roots={"blog": "weekly"})) is None


def test_an_analysts_merge_overrides_the_one_document_rule() -> None:
    decisions = Decisions.from_rows([("merge", HODAN.id, MEDINA.id)])
    assert choose(MEDINA, [Candidate("E", [HODAN])], decisions) == "E"


def test_a_document_with_two_incidents_keeps_them_apart_when_a_wire_fits_both() -> None:
    wire = report("wire", location="Mogadishu", latitude=2.04, longitude=45.34, fatalities=231,
                  sub_event_type="Remote explosive/landmine/IED", event_type="Explosions/Remote violence",
                  country_code="SO", admin1="Banaadir")
    for order in permutations([HODAN, MEDINA, wire]):
        found = clusters(list(order))
        assert len(found) == 2 and ["weekly", "weekly"] not in found, (order, found)
