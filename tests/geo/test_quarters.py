"""A place the text puts inside a named town or region (geo/quarters.py): its reading there wins,
else it is coded at the holder, not at a homonym far away."""

from sitroom.geo import locate
from sitroom.geo.distance import haversine_km


def _at(gazetteer, text: str, hint: str | None = None):
    return locate(text, 0, len(text), hint, gazetteer)


def test_a_neighbourhood_of_a_city_is_coded_at_the_city(gazetteer):
    text = "Two men were shot dead on Friday in Alexandria, a poor neighbourhood in Chicago's West Side."
    loc = _at(gazetteer, text, "US")
    assert loc is not None and loc.place.country_code == "US"
    assert haversine_km(loc.place.latitude, loc.place.longitude, 41.85, -87.65) < 25
    assert loc.geo_precision == 2


def test_a_homonym_inside_the_named_state_wins(gazetteer):
    text = "Gunmen killed three guards on Monday in Springfield, a town in the state of Missouri."
    loc = _at(gazetteer, text, "US")
    assert loc is not None and loc.place.admin1 == "Missouri" and loc.geo_precision == 1


def test_a_quarter_named_with_its_city_in_the_possessive_is_coded_at_the_city(gazetteer):
    text = "A drone struck a car in eastern Baghdad's Springfield quarter on Tuesday, killing two men."
    loc = _at(gazetteer, text, "IQ")
    assert loc is not None and loc.place.country_code == "IQ"
    assert haversine_km(loc.place.latitude, loc.place.longitude, 33.34, 44.40) < 25


def test_a_place_far_from_the_named_city_without_a_quarter_word_is_kept(gazetteer):
    text = "Troops left Baghdad on Monday and clashed with gunmen in Mosul."
    loc = _at(gazetteer, text, "IQ")
    assert loc is not None and loc.place.name == "Mosul"
