"""A barangay ("Brgy. X", "Barangay X") is a village of the city named with it or labelling the post.

These use the full gazetteer (the regional test build lacks the Philippines).
"""

import pytest

from sitroom import geo
from sitroom.geo import locate
from sitroom.geo.distance import haversine_km
from sitroom.geo.recognize import recognize
from sitroom.model import GEO_EXACT, GEO_NEAR

LAMITAN = (6.65, 122.13)
DAVAO = (7.07, 125.61)
ZAMBOANGA = (6.91, 122.07)


@pytest.fixture(scope="module")
def gz():
    return geo.get_gazetteer()


def _at(text, gz, hint="PH"):
    loc = locate(text, 0, len(text), hint, gz)
    assert loc is not None
    return loc


def _km(loc, point):
    return haversine_km(loc.place.latitude, loc.place.longitude, *point)


@pytest.mark.parametrize("hint", ["PH", None])
def test_a_barangay_homonym_far_from_the_labelled_city_loses_to_that_city(gz, hint):
    # the gazetteer's Colonias lie by Lamitan and in the Visayas, none in Davao City
    loc = _at("DAVAO CITY | A grenade went off in Brgy. Colonia late on Saturday, wounding four.", gz, hint)
    assert loc.named_as == "Colonia" and loc.place.country_code == "PH"
    assert _km(loc, DAVAO) < 10 and loc.geo_precision == GEO_NEAR


@pytest.mark.parametrize("text", [
    "Soldiers clashed with gunmen in Barangay Colonia in Davao City on Friday.",
    "Gunmen shot a village chief in Barangay Colonia, Davao City, on Monday.",
])
def test_the_city_named_right_after_the_barangay_holds_it(gz, text):
    for hint in ("PH", None):
        loc = _at(text, gz, hint)
        assert loc.named_as == "Colonia" and _km(loc, DAVAO) < 10


def test_a_barangay_listed_by_its_city_keeps_its_own_point(gz):
    loc = _at("Soldiers clashed with gunmen in Barangay Colonia, Lamitan City, on Friday.", gz)
    assert loc.named_as == "Colonia" and loc.geo_precision == GEO_EXACT and _km(loc, LAMITAN) < 10


def test_a_barangay_the_gazetteer_lacks_is_coded_at_its_city(gz):
    loc = _at("ZAMBOANGA CITY | Two men were shot dead in Brgy. Sampaguitan overnight.", gz)
    assert loc.named_as == "Sampaguitan" and loc.geo_precision == GEO_NEAR and _km(loc, ZAMBOANGA) < 10


def test_the_word_barangay_is_no_place(gz):
    names = {m.text for m in recognize("MARAWI CITY | Firefight in Brgy. Bangon this morning.", gz, skip_person_names=True)}
    assert not names & {"Brgy", "Brgy.", "Barangay"}
