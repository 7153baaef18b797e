"""Homonyms weighed against the document: how far context may pull a name away from the place
everyone means, and which alternate names count."""

from sitroom.geo import geoparse

from .resolving import resolve, spans


def test_one_town_of_a_state_does_not_pull_a_world_city_there(gazetteer):
    # A Californian story mentions London in passing: a hamlet called London, California exists,
    # but one Los Angeles and a named California are not enough to prefer it.
    text = ("The gallery in Los Angeles, California, showed a painter who is based in London. "
            "Critics in Los Angeles liked it.")
    places = resolve(gazetteer, text, "Los Angeles", "California", "London")
    assert places["London"].country_code == "GB"


def test_several_towns_of_a_state_pull_a_county_there(gazetteer):
    # Local news: three towns of Missouri and the state named make "Monroe County" Missouri's,
    # although more populous Monroe Counties exist elsewhere.
    text = ("A driver from Paris was arrested in Monroe County after a crash near Holliday. "
            "He was taken to a hospital in Columbia, Missouri.")
    places = resolve(gazetteer, text, "Paris", "Monroe County", "Holliday", "Columbia", "Missouri")
    assert places["Monroe County"].admin1 == "Missouri"


def test_an_unrelated_alternate_name_yields_to_the_place_called_so(gazetteer):
    # GeoNames lists "Venice" among Dayton's alternate names; a place named Venice is meant.
    places = resolve(gazetteer, "The Venice council met on Tuesday.", "Venice")
    assert places["Venice"].name == "Venice"


def test_a_short_form_of_the_own_name_still_counts(gazetteer):
    # "New York" is New York City's alternate name and the state's own: the city is meant.
    places = resolve(gazetteer, "She flew to New York on Friday.", "New York")
    assert places["New York"].feature_code != "ADM1"


def test_states_named_together_keep_a_homonym_among_them(gazetteer):
    # "Georgia" among US states is the state, not the country.
    text = "Cases were reported in Alabama, Florida, Georgia and Tennessee."
    places = resolve(gazetteer, text, "Alabama", "Florida", "Georgia", "Tennessee")
    assert (places["Georgia"].country_code, places["Georgia"].feature_code) == ("US", "ADM1")


def test_region_after_a_town_and_a_comma_is_the_one_holding_it(gazetteer):
    # "Tacoma, Washington": the state that holds Tacoma, not the capital; and every other mention
    # of the name in the story shares that reading.
    text = "A baker in Tacoma, Washington shared her recipes. Washington has many bakers."
    given = spans(text, "Tacoma", "Washington")
    second = text.rindex("Washington")
    given.append((second, second + len("Washington")))
    out = geoparse(text, spans=given, gazetteer=gazetteer)
    assert [t.place.feature_code for t in out if t.text == "Washington"] == ["ADM1", "ADM1"]


def test_a_list_of_towns_is_no_town_and_region_pair(gazetteer):
    text = "After stops in Washington, New York and Boston, the delegation flew home."
    places = resolve(gazetteer, text, "Washington", "New York", "Boston")
    assert places["New York"].feature_code != "ADM1"


def test_a_regional_adjective_stands_for_its_region(gazetteer):
    text = "The English coast and Texan ranches were hit; Washington sent aid."
    places = resolve(gazetteer, text, "English", "Texan", "Washington")
    assert (places["English"].name, places["English"].feature_code) == ("England", "ADM1")
    assert (places["Texan"].name, places["Texan"].feature_code) == ("Texas", "ADM1")
    # the adjective names no container: Washington stays the capital, not a village in England
    assert places["Washington"].country_code == "US"
