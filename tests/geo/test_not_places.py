"""Names that read as a place but name something else: an armed group, a river or a valley, or the
first or last part of a longer (Spanish, French ...) name the gazetteer lacks; and names placed by
the regions named after them ("the hamlet X, district of Y, province of Z"; "X, Balochistan").

These use the full gazetteer (the regional test build lacks Somalia, Peru, Pakistan ...).
"""

import pytest

from sitroom import geo
from sitroom.geo import locate
from sitroom.geo.home import home_country
from sitroom.geo.notplaces import names_group


@pytest.fixture(scope="module")
def gz():
    return geo.get_gazetteer()


def _at(text, gz, hint=None):
    return locate(text, 0, len(text), hint, gz)


# --- armed groups -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Fighters of al-Shabaab overran the base at dawn", "al-Shabaab"),
    ("Shabaab gunmen stormed a restaurant", "Shabaab"),
    ("an attack claimed by Al Shabab's media wing", "Al Shabab"),
])
def test_an_armed_groups_name_is_no_place(text, name):
    start = text.index(name)
    assert names_group(text, start, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("militants of the Balochistan Liberation Army", "Balochistan"),  # a group named for its province
    ("gunmen stormed a hotel in Mogadishu", "Mogadishu"),
])
def test_a_place_word_is_no_groups_name(text, name):
    start = text.index(name)
    assert not names_group(text, start, start + len(name))


def test_a_groups_name_places_no_event_and_votes_for_no_country(gz):
    text = "Al-Shabaab fighters set off two car bombs and stormed a seaside restaurant late on Friday."
    assert _at(text, gz) is None  # not Shabab, a village in Iran


def test_a_countrys_own_institutions_say_which_country_a_report_is_about(gz):
    text = ("Somali police said the gunmen of al-Shabaab had held the restaurant for six hours. "
            "Families waited at Madina hospital for news of the wounded.")
    # "Madina" is read as Medina in Saudi Arabia; the police say the report is Somali, so the hospital
    # named for the holy city is no scene abroad
    assert home_country(text, [], gz) == "SO"
    assert _at(text, gz) is None


def test_armies_and_troops_do_not_say_which_country_a_report_is_about(gz):
    assert home_country("Kenyan troops said they had repelled the raid.", [], gz) is None
