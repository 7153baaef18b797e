"""ADM1 points from the iso3166-2 package: matching GeoNames admin1 rows to ISO subdivisions."""

import json

import pytest

from sitroom.geo import build, subdivisions
from sitroom.geo.distance import haversine_km as km


def iso_point(cc: str, code: str) -> tuple[float, float]:
    with subdivisions.data_file().open(encoding="utf-8") as f:
        lat, lon = json.load(f)[cc][code]["latLng"]
    return lat, lon


def test_package_data_is_installed():
    assert subdivisions.data_file() is not None
    assert subdivisions.package_version()


def test_rows_match_by_name_english_other_name_and_code():
    admin1 = {
        "CA.01": ("Alberta", "Alberta", ""),  # GeoNames' code is not ISO's (CA-AB): by name
        "IQ.01": ("Al Anbar", "Al Anbar", ""),  # ISO writes "Al Anbār"
        "SY.07": ("Deir ez-Zor", "Deir ez-Zor", ""),  # ISO "Dayr az Zawr": by romanisation skeleton
        "US.TX": ("Texas", "Texas", ""),
    }
    points, per_country = subdivisions.admin1_points(admin1, towns={})
    assert points["CA.01"] == iso_point("CA", "CA-AB")
    assert points["IQ.01"] == iso_point("IQ", "IQ-AN")
    assert points["SY.07"] == iso_point("SY", "SY-DY")
    assert points["US.TX"] == iso_point("US", "US-TX")
    assert per_country["CA"] == 1 and per_country["IQ"] == 1


def test_a_point_far_from_all_the_regions_towns_is_refused():
    lat, lon = iso_point("CA", "CA-AB")
    far_towns = {"CA.01": [(lat - 8, lon)]}  # ~890 km south of the ISO point
    points, _ = subdivisions.admin1_points({"CA.01": ("Alberta", "Alberta", "")}, far_towns)
    assert "CA.01" not in points


def test_of_two_rows_claiming_one_subdivision_the_surer_keeps_it():
    # Without "Oblast" both read "Moscow"; the city's own name is the surer claim.
    admin1 = {"RU.48": ("Moscow", "Moscow", ""), "RU.47": ("Moscow Oblast", "Moscow Oblast", "")}
    points, _ = subdivisions.admin1_points(admin1, towns={})
    assert "RU.48" in points and points.get("RU.47") != points["RU.48"]


def test_combine_averages_agreeing_points_and_keeps_iso_otherwise():
    assert subdivisions.combine((50.0, 10.0), (51.0, 10.0)) == (50.5, 10.0)
    assert subdivisions.combine((50.0, 10.0), (30.0, 10.0)) == (50.0, 10.0)


@pytest.fixture(scope="module")
def canada_regions():
    cities = [c for c in build.read_cities() if c.cc == "CA"]
    admin1 = {k: v for k, v in build.read_admin_codes(build.DATA / "admin1CodesASCII.txt").items()
              if k.startswith("CA.")}
    points, facts = build.iso_admin1_points(cities, admin1)
    return {r.name: r for r in build.region_rows(cities, admin1, 1, points)}, facts


@pytest.mark.parametrize(("name", "code"), [("Alberta", "CA-AB"), ("Ontario", "CA-ON"), ("Manitoba", "CA-MB")])
def test_big_provinces_sit_near_the_iso_point(canada_regions, name, code):
    rows, _ = canada_regions
    row = rows[name]
    assert km(row.lat, row.lon, *iso_point("CA", code)) <= subdivisions.AVERAGE_WITHIN_KM / 2


def test_build_summary_counts_matches_per_country(canada_regions):
    _, facts = canada_regions
    assert json.loads(facts[build.ADMIN1_MATCHES_KEY])["CA"] == "13/13"


def test_compiled_gazetteer_places_a_governorate_near_the_iso_point(gazetteer):
    (anbar,) = [c for c in gazetteer.candidates("Anbar") if c.place.feature_code == "ADM1"]
    assert km(anbar.place.latitude, anbar.place.longitude, *iso_point("IQ", "IQ-AN")) <= 150
    info = gazetteer.info()
    assert "admin1 points from ISO 3166-2" in info
