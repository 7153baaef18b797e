"""Document context in resolution: names resolved together, abbreviations, seas and regions,
and facility names placed by the story's focus."""

import pytest

from sitroom.geo import geoparse
from sitroom.geo.build import extent_centre

from .resolving import resolve, spans


def test_towns_named_together_pull_a_homonym_to_their_state(gazetteer):
    # Local news: London, Kentucky, among its neighbours, not the British capital.
    text = "Fire crews from Corbin and Somerset were sent to London on Sunday night."
    places = resolve(gazetteer, text, "Corbin", "Somerset", "London")
    assert (places["London"].country_code, places["London"].admin1) == ("US", "Kentucky")


def test_repeated_mentions_do_not_outvote_the_other_names(gazetteer):
    text = "London police said. London officials said. London was quiet. Corbin and Somerset crews helped."
    given = [(i, i + 6) for i in range(len(text)) if text.startswith("London", i)]
    given += spans(text, "Corbin", "Somerset")
    places = {t.text: t.place for t in geoparse(text, spans=given, gazetteer=gazetteer)}
    assert places["London"].admin1 == "Kentucky"


def test_a_lone_homonym_stays_the_prominent_place(gazetteer):
    places = resolve(gazetteer, "Talks opened in London on Monday.", "London")
    assert places["London"].country_code == "GB"


@pytest.mark.parametrize(("text", "abbrev", "state"), [
    ("Flooding hit Glasgow, Ky., on Monday.", "Ky.", "Kentucky"),
    ("A tornado struck Joplin, Mo. on Sunday.", "Mo.", "Missouri"),
    ("Police in Austin, TX said.", "TX", "Texas"),
])
def test_state_abbreviation_resolves_to_the_state(gazetteer, text, abbrev, state):
    place = resolve(gazetteer, text, abbrev)[abbrev]
    assert (place.feature_code, place.name) == ("ADM1", state)


def test_state_abbreviation_after_a_comma_steers_the_town(gazetteer):
    place = resolve(gazetteer, "Flooding hit Glasgow, Ky., on Monday.", "Glasgow")["Glasgow"]
    assert (place.country_code, place.admin1) == ("US", "Kentucky")


@pytest.mark.parametrize(("name", "feature"), [
    ("Indian Ocean", "OCN"), ("Soviet Union", "PCLH"), ("Middle East", "RGN"), ("Eastern Ghouta", "RGN"),
])
def test_seas_regions_and_historic_states_resolve(gazetteer, name, feature):
    text = f"Reports from the {name} continued."
    assert resolve(gazetteer, text, name)[name].feature_code == feature


def test_facility_named_after_a_far_homonym_is_placed_at_the_focus(gazetteer):
    text = "Gunmen attacked the Cairo Cafe in Baghdad on Friday, Baghdad police said."
    given = spans(text, "Cairo Cafe", "Baghdad") + [(text.rindex("Baghdad"), text.rindex("Baghdad") + 7)]
    places = {t.text: t.place for t in geoparse(text, spans=given, gazetteer=gazetteer)}
    assert places["Cairo Cafe"].name == "Baghdad"


def test_facility_named_after_a_nearby_town_keeps_that_town(gazetteer):
    text = "The Mosul University hospital was hit; Erbil and Baghdad sent doctors."
    places = resolve(gazetteer, text, "Mosul University", "Erbil", "Baghdad")
    assert places["Mosul University"].name == "Mosul"


def test_extent_centre_is_the_middle_of_the_area_not_of_the_towns():
    # Many towns crowd one corner of a square region; the centre stays near the square's middle.
    towns = [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0), (10.0, 10.0)] + [(0.5 + i / 100, 0.5) for i in range(50)]
    lat, lon = extent_centre(towns, 0.25)
    assert 3.5 < lat < 6.5 and 3.5 < lon < 6.5


def test_extent_centre_across_the_antimeridian():
    lat, lon = extent_centre([(-17.0, 179.5), (-18.0, -179.5), (-16.0, 179.0)], 0.25)
    assert abs(lon) > 178 and -18 < lat < -16


def test_extent_centre_of_nothing_is_none():
    assert extent_centre([], 0.25) is None
