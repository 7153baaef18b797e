"""Names that stand for a facility, a street, a trip or a meeting abroad are not the event's scene.

These use the full gazetteer (the regional test build lacks Somalia, Kenya, Lebanon, Afghanistan ...).
"""

import pytest

from sitroom import geo
from sitroom.geo import locate
from sitroom.geo.offstage import names_facility, names_street, trip_called_off, trip_to, venue_before
from sitroom.geo.recognize import recognize


@pytest.fixture(scope="module")
def gz():
    return geo.get_gazetteer()


def _at(text, gz, hint=None):
    return locate(text, 0, len(text), hint, gz)


def _named(text, gz, hint=None):
    loc = _at(text, gz, hint)
    return loc.named_as if loc else None


# --- facilities ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Doctors at Madina hospital said", "Madina"),
    ("outside Madina and Keysaney hospitals", "Madina"),
    ("at the Daynile, Madina and Erdogan hospitals", "Daynile"),
    ("staff of Kenyatta National Hospital", "Kenyatta"),
    ("pupils of Jowhar and Balcad schools", "Jowhar"),
    ("fans at Konyo Konyo stadium", "Konyo Konyo"),
])
def test_a_name_before_a_facility_word_names_the_facility(text, name):
    start = text.index(name)
    assert names_facility(text, start, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("in Madina, where hospitals were full", "Madina"),
    ("in Madina and the schools nearby", "Madina"),
    ("troops in Jowhar and Balcad on Monday", "Jowhar"),
    ("shot dead at an Istanbul hotel", "Istanbul"),  # a hotel in Istanbul
])
def test_a_name_that_is_no_part_of_a_facility_name(text, name):
    start = text.index(name)
    assert not names_facility(text, start, start + len(name))


@pytest.mark.parametrize("text", [
    "Crowds of relatives gathered at Madina and Daynile hospitals late on Friday.",
    "Doctors at Madina hospital said nine of the wounded were children.",
])
def test_a_hospital_named_like_a_city_abroad_is_no_scene(gz, text):
    loc = _at(text, gz, "SO")
    assert loc is None or loc.place.country_code == "SO"


def test_a_hospital_named_for_a_city_abroad_leaves_the_scene_to_the_local_place(gz):
    text = "After the blast in Baidoa, relatives crowded outside Madina and Erdogan hospitals."
    assert _named(text, gz, "SO") == "Baidoa"


def test_a_hospital_named_for_a_town_of_the_story_still_places_it(gz):
    assert _named("A bomb exploded outside Kirkuk and Azadi hospitals on Monday.", gz, "IQ") == "Kirkuk"


def test_a_hotel_in_a_city_abroad_is_still_in_that_city(gz):
    assert _named("Gunmen shot dead an exiled opposition figure at an Istanbul hotel on Friday.", gz, "SY") == "Istanbul"


# --- streets ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("a bar on Riverside Drive in", "Riverside"),
    ("the offices at 22 Riverside Road, Westlands", "Riverside"),
    ("a car bomb on Haifa Street in central Baghdad", "Haifa"),
    ("shops along Kampala Avenue were shut", "Kampala"),
    ("un engin a explosé rue de Paris, à Bamako", "Paris"),
    ("un ataque en la avenida Bogotá de Cúcuta", "Bogotá"),
])
def test_a_name_in_an_address_is_a_street(text, name):
    start = text.index(name)
    assert names_street(text, start, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("gunmen ambushed a convoy on the Kirkuk Road", "Kirkuk"),  # a road named for the town it leads to
    ("the army's Mosul drive stalled", "Mosul"),  # an offensive, not an address
    ("Heavy Mosul street fighting went on", "Mosul"),
    ("Car Bomb On Mosul Street Kills Five", "Mosul"),  # a headline's title case
    ("killed 14 Mosul residents", "Mosul"),
])
def test_a_town_beside_a_street_word_that_is_no_address(text, name):
    start = text.index(name)
    assert not names_street(text, start, start + len(name))


def test_a_street_is_not_recognised_as_a_town(gz):
    text = "Gunmen stormed an office block at 22 Riverside Road, Westlands, and traffic on Waiyaki Way stopped."
    names = {m.text for m in recognize(text, gz, skip_person_names=True)}
    assert "Riverside" not in names and "Way" not in names


@pytest.mark.parametrize(("text", "hint", "scene"), [
    ("Gunmen stormed an office block at 22 Riverside Road, Westlands, on Tuesday afternoon.", None, None),
    ("A grenade was thrown at a bar on Riverside Drive in Nairobi.", None, "Nairobi"),
    ("A car bomb exploded on Haifa Street on Monday.", "IQ", None),
    ("A car bomb exploded on Haifa Street in central Baghdad.", "IQ", "Baghdad"),
])
def test_the_scene_of_an_address_is_the_town_it_is_in(gz, text, hint, scene):
    assert _named(text, gz, hint) == scene


# --- trips and meetings -------------------------------------------------------------------------

def test_trip_and_venue_cues():
    text = "The minister, who called off a visit to the NATO summit in Brussels, spoke."
    assert trip_called_off(text, text.index("Brussels"))
    assert venue_before(text, text.index("Brussels"))
    text = "who postponed his trip to Cairo"
    assert trip_called_off(text, text.index("Cairo"))
    assert trip_to("on a visit to Kandahar", len("on a visit to "))
    # a clause after the destination: the later place is no part of the trip
    text = "He cancelled his trip to Paris after a bomb exploded in Kabul"
    assert not trip_called_off(text, text.index("Kabul"))


@pytest.mark.parametrize(("text", "hint"), [
    ("The foreign minister, who called off a visit to the NATO summit in Brussels, condemned the raid.", "LB"),
    ("The premier, who scrapped a trip to the UN General Assembly in New York, condemned the raid.", "LB"),
    ("Peace talks in Doha stalled after the attack.", "AF"),
])
def test_a_trip_not_made_or_a_meeting_abroad_is_no_scene(gz, text, hint):
    assert _at(text, gz, hint) is None


@pytest.mark.parametrize(("text", "hint", "scene"), [
    ("The president, who is attending the UN General Assembly in New York, condemned the raid on Tyre.", "LB", "Tyre"),
    ("On a visit to Kabul, the minister condemned the bombing in Jalalabad.", "AF", "Jalalabad"),
    # where someone went is the scene when the sentence names no other place
    ("During a visit to Kandahar, the governor's convoy was hit by a roadside bomb.", "AF", "Kandahar"),
    # a meeting at home may well be the scene
    ("A bomb exploded at a tribal meeting in Ramadi.", "IQ", "Ramadi"),
])
def test_the_scene_beside_a_trip_or_a_meeting(gz, text, hint, scene):
    assert _named(text, gz, hint) == scene
