"""One place name resolved to two gazetteer entries a few dozen km apart: weak evidence, not a veto.

The records are written for these tests: a village attack in Borno whose reports all say "Dalori",
one of them geocoded near Maiduguri, the other to a namesake 35 km away.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from sitroom.geo.distance import haversine_km
from sitroom.merge.cluster import same_incident
from sitroom.merge.decide import Clusterer
from sitroom.merge.places import HOMONYM_KM, MERGE_KM, WEAK_PLACE, place_evidence
from sitroom.model import Event

DAY = date(2016, 1, 30)
NEAR_MAIDUGURI = (11.847, 13.157)
NAMESAKE = (11.653, 13.418)  # about 35 km away


def report(point: tuple[float, float] = NEAR_MAIDUGURI, **kw) -> Event:
    values = dict(
        doc_id="d", event_date=DAY, time_precision=1, event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb", actor1="Boko Haram", country="Nigeria", country_code="NG",
        admin1="Borno State", location="Dalori", latitude=point[0], longitude=point[1], geo_precision=2,
    )
    values.update(kw)
    return Event(**values)


def test_the_two_points_are_beyond_the_merge_radius() -> None:
    assert MERGE_KM < haversine_km(*NEAR_MAIDUGURI, *NAMESAKE) < HOMONYM_KM


def test_one_name_two_near_points_is_weak_evidence_not_a_veto() -> None:
    for precision in (1, 2):
        a, b = report(geo_precision=precision), report(NAMESAKE, geo_precision=precision)
        assert place_evidence(a, b) == place_evidence(b, a) == WEAK_PLACE


def test_same_day_type_and_named_group_merge_across_the_homonym() -> None:
    assert same_incident(report(), report(NAMESAKE, location="DALORI", doc_id="e"))


def test_spelling_variants_of_one_name_count_as_one_name() -> None:
    # location_key folds romanisations and case: "Dalori village" is not folded, but "dalori" is.
    assert place_evidence(report(location="dalori"), report(NAMESAKE)) == WEAK_PLACE


def test_weak_place_alone_needs_corroboration() -> None:
    # No named group on one side and a sister sub-type: the homonym allowance does not carry it.
    loose = report(NAMESAKE, actor1="Unidentified Armed Group (Nigeria)", sub_event_type="Remote explosive/landmine/IED")
    assert not same_incident(report(actor1="Unidentified Armed Group (Nigeria)"), loose)


def test_different_names_beyond_the_merge_radius_stay_a_veto() -> None:
    exact, other = report(geo_precision=1), report(NAMESAKE, location="Mafa", geo_precision=1)
    assert place_evidence(exact, other) is None
    assert not same_incident(exact, other)


def test_one_name_far_apart_is_two_villages() -> None:
    far = (NEAR_MAIDUGURI[0] + 70 / 111.0, NEAR_MAIDUGURI[1])
    assert place_evidence(report(), report(far)) is None


def test_one_name_in_two_provinces_is_two_villages() -> None:
    assert place_evidence(report(), report(NAMESAKE, admin1="Yobe State")) is None


def test_clusterer_joins_the_homonym_reports() -> None:
    c = Clusterer()
    first, _ = c.add(report(doc_id="wire"))
    second, created = c.add(report(NAMESAKE, doc_id="weekly"))
    assert (second, created) == (first, False)


def test_same_town_a_day_apart_still_stays_apart() -> None:
    a = report(notes="Suicide bombers struck Dalori on 30 January.", fatalities=65)
    b = report(NAMESAKE, event_date=date(2016, 1, 31), fatalities=3)
    assert not same_incident(a, b)


@given(st.floats(HOMONYM_KM + 1, 300.0), st.sampled_from([1, 2]))
def test_one_name_beyond_the_homonym_radius_never_merges(km: float, precision: int) -> None:
    far = (NEAR_MAIDUGURI[0] + km / 111.0, NEAR_MAIDUGURI[1])
    assert not same_incident(report(geo_precision=precision), report(far, geo_precision=precision))
