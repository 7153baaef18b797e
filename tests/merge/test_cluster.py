"""Merge v1 rules as pure functions: one fact per test."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from sitroom.merge.cluster import (
    MERGE_KM,
    bboxes,
    best_match,
    block_key,
    canonical,
    fatality_range,
    haversine_km,
    location_key,
    match_score,
    same_incident,
    search_window,
    union_sources,
)
from sitroom.model import Event


def ev(**kw) -> Event:
    values = dict(
        doc_id="d", event_date=date(2024, 3, 5), time_precision=1, event_type="Battles",
        sub_event_type="Armed clash", actor1="Military Forces of Iraq", actor2="Islamic State (Iraq)",
        country_code="IQ", location="Mosul", latitude=36.335, longitude=43.119, geo_precision=1,
    )
    values.update(kw)
    return Event(**values)


@pytest.mark.parametrize(("change", "same"), [
    ({}, True),
    ({"event_date": date(2024, 3, 6)}, False),
    ({"event_date": date(2024, 3, 6), "time_precision": 2}, True),
    ({"event_date": date(2024, 3, 7), "time_precision": 3}, False),
    ({"event_date": None}, False),
    ({"event_type": "Riots", "sub_event_type": None}, False),
    ({"sub_event_type": "Government regains territory"}, False),
    ({"sub_event_type": None}, True),
    ({"latitude": 36.45, "longitude": 43.25}, True),  # ~17 km
    ({"latitude": 36.377, "longitude": 42.449, "location": "Tal Afar"}, False),  # ~60 km
    ({"latitude": 36.377, "longitude": 42.449}, False),  # precise points far apart: a homonym
    ({"latitude": None, "longitude": None}, True),  # same name
    ({"latitude": None, "longitude": None, "location": "al-Mawsil"}, True),  # romanisation of Mosul
    ({"latitude": None, "longitude": None, "location": "Tal Afar"}, False),
    ({"latitude": None, "longitude": None, "location": None}, True),  # no place: same day and sub-type
    ({"latitude": None, "longitude": None, "location": None, "sub_event_type": None}, False),
    ({"latitude": 36.9, "longitude": 43.9, "location": "MOSUL", "geo_precision": 3}, True),  # centroid
    ({"country_code": "SY", "latitude": None, "longitude": None}, False),  # another country, nothing to measure
    ({"country_code": "SY", "latitude": 36.45, "longitude": 43.25}, False),  # another country ~17 km off
    ({"country_code": "SY"}, True),  # the very same point: the geocoder put the town across a border
    ({"actor1": "Kurdistan Regional Government"}, False),
    ({"actor1": "military forces of iraq"}, True),
    ({"actor1": None}, True),
    ({"actor1": "Unidentified Armed Group (Iraq)"}, True),
    ({"actor1": "Islamic State (Iraq)", "actor2": "Military Forces of Iraq"}, True),  # swapped pair
    ({"historical": True}, False),
], ids=repr)
def test_same_incident(change: dict, same: bool) -> None:
    assert same_incident(ev(), ev(**change)) is same
    assert same_incident(ev(**change), ev()) is same  # symmetric


def test_historical_mentions_merge_only_with_each_other() -> None:
    assert same_incident(ev(historical=True), ev(historical=True))


def test_score_prefers_the_closer_report() -> None:
    near, far = ev(latitude=36.34, longitude=43.12), ev(latitude=36.45, longitude=43.25)
    assert match_score(ev(), near) > match_score(ev(), far) > 0


def test_best_match_picks_highest_score_or_none() -> None:
    far, near = ev(latitude=36.45, longitude=43.25), ev(latitude=36.34, longitude=43.12)
    assert best_match(ev(), [far, near]) is near
    assert best_match(ev(), [ev(event_type="Riots")]) is None


def test_haversine_known_distance() -> None:
    # Baghdad to Mosul is about 350 km.
    assert haversine_km(33.315, 44.366, 36.335, 43.119) == pytest.approx(352, abs=5)


def _destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    d, b = km / 6371.0088, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


@pytest.mark.parametrize(("lat", "lon"), [(36.0, 43.0), (-60.0, 10.0), (70.0, 179.8), (0.0, -179.95)])
def test_bbox_contains_every_point_within_radius(lat: float, lon: float) -> None:
    boxes = bboxes(lat, lon, MERGE_KM)
    for bearing in range(0, 360, 10):
        p = _destination(lat, lon, MERGE_KM * 0.999, bearing)
        assert haversine_km(lat, lon, *p) < MERGE_KM
        assert any(b.contains(*p) for b in boxes), (bearing, p)


def test_bbox_splits_at_the_antimeridian() -> None:
    boxes = bboxes(0.0, 179.9, 50)
    assert len(boxes) == 2
    assert any(b.contains(0.0, -179.9) for b in boxes) and any(b.contains(0.0, 179.95) for b in boxes)


def test_bbox_near_pole_spans_all_longitudes() -> None:
    (box,) = bboxes(89.9, 10.0, 50)
    assert (box.lat_max, box.lon_min, box.lon_max) == (90.0, -180.0, 180.0) and box.lat_min < 89.5


def test_search_window_is_date_plus_minus_one_and_box() -> None:
    w = search_window(ev())
    assert (w.date_min, w.date_max) == (date(2024, 3, 4), date(2024, 3, 6))
    assert w.boxes[0].contains(36.335, 43.119) and w.location_key == location_key("Mosul") and not w.historical


def test_search_window_none_without_a_date() -> None:
    assert search_window(ev(event_date=None)) is None


def test_search_window_of_a_placeless_report_is_the_whole_day() -> None:
    w = search_window(ev(latitude=None, longitude=None, location=None))
    assert w is not None and w.boxes == () and w.location_key is None


def test_block_key_is_day_and_cell() -> None:
    assert block_key(ev()) == (date(2024, 3, 5), 145, 172)
    assert block_key(ev(latitude=None)) == (date(2024, 3, 5), None, None)


def test_fatalities_follow_the_conservative_rule() -> None:
    assert fatality_range([7, None, 3, 12]) == (3, 3, 12)
    assert fatality_range([None, None]) == (None, None, None)


def test_canonical_values() -> None:
    first = ev(fatalities=7, sources=["Reuters"], location="Mosul", geo_precision=3, claimed_by=None,
               event_date=date(2024, 3, 5), time_precision=2)
    second = ev(fatalities=3, sources=["AFP", "REUTERS"], location="Al-Zuhur", latitude=36.36, longitude=43.16,
                geo_precision=1, claimed_by="Islamic State", claim_channel="Amaq", admin2=None,
                event_date=date(2024, 3, 6), time_precision=1)
    third = ev(fatalities=None, claimed_by="Other group")
    out = canonical([first, second, third])
    assert (out["fatalities"], out["fatalities_low"], out["fatalities_high"]) == (3, 3, 7)
    assert out["sources"] == ["Reuters", "AFP"]
    assert (out["claimed_by"], out["claim_channel"]) == ("Islamic State", "Amaq")
    assert (out["location"], out["latitude"], out["geo_precision"]) == ("Al-Zuhur", 36.36, 1)
    assert (out["event_date"], out["time_precision"]) == (date(2024, 3, 6), 1)


def test_canonical_needs_a_mention() -> None:
    with pytest.raises(ValueError):
        canonical([])


def test_union_sources_keeps_first_spelling_and_order() -> None:
    assert union_sources([["BBC", "Reuters"], ["reuters", " ", "AFP"]]) == ["BBC", "Reuters", "AFP"]


def test_merge_never_spans_more_than_a_day() -> None:
    a = ev(time_precision=3)
    assert not same_incident(a, ev(event_date=a.event_date + timedelta(days=2), time_precision=3))


def test_canonical_place_is_the_one_most_reports_give_among_equally_precise_ones() -> None:
    # a post labelled with the regional capital came first; the wire and the weekly name the village
    label = ev(location="Tahoua", latitude=14.89, longitude=5.27)
    wire = ev(location="Tillia", latitude=16.14, longitude=4.79)
    weekly = ev(location="Tillia", latitude=16.14, longitude=4.80)
    assert canonical([label, wire, weekly])["location"] == "Tillia"
    assert canonical([label, wire])["location"] == "Tahoua"  # a tie: the earliest report
