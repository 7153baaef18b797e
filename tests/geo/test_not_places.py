"""Names that read as a place but name something else: an armed group, a river or a valley, or the
first or last part of a longer (Spanish, French ...) name the gazetteer lacks; and names placed by
the regions named after them ("the hamlet X, district of Y, province of Z"; "X, Balochistan").

These use the full gazetteer (the regional test build lacks Somalia, Peru, Pakistan ...).
"""

import pytest

from sitroom import geo
from sitroom.geo import locate
from sitroom.geo.home import home_country
from sitroom.geo.notplaces import names_group, names_river_or_valley
from sitroom.geo.recognize import recognize


@pytest.fixture(scope="module")
def gz():
    return geo.get_gazetteer()


def _at(text, gz, hint=None):
    return locate(text, 0, len(text), hint, gz)


def _names(text, gz):
    return [m.text for m in recognize(text, gz, skip_person_names=True)]


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


# --- rivers and valleys -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("boats on the Juba river were searched", "Juba"),
    ("the Tana and Athi rivers burst their banks", "Tana"),
    ("the Pech and Korengal valleys", "Pech"),
    ("farms in the Huallaga, Pachitea and Ucayali river valleys", "Huallaga"),
    ("along the Juba River valley", "Juba"),
])
def test_a_name_before_river_or_valley_names_a_river_or_valley(text, name):
    start = text.index(name)
    assert names_river_or_valley(text, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("a bomb went off in Juba on Friday", "Juba"),
    ("in Juba and the river towns nearby", "Juba"),
])
def test_a_town_named_apart_from_a_river(text, name):
    start = text.index(name)
    assert not names_river_or_valley(text, start + len(name))


def test_a_river_is_no_town_of_its_name(gz):
    loc = _at("Insurgents ambushed a supply boat on the Juba river near Jilib, officials said.", gz, "SO")
    assert loc is not None and loc.named_as == "Jilib"  # not Juba, the capital of South Sudan


def test_river_valleys_named_in_a_list_are_no_towns(gz):
    loc = _at("Coca growers clashed with police at Pichari, where the Apurimac and Mantaro rivers meet.", gz, "PE")
    assert loc is not None and loc.named_as == "Pichari"


def test_a_valley_named_for_a_district_keeps_the_district(gz):
    loc = _at("Militants torched a girls' school in the Swat valley overnight.", gz, "PK")
    assert loc is not None and loc.named_as == "Swat" and loc.place.feature_code == "ADM2"


# --- longer Romance names ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Soldiers reached Santa Teresa del Mantaro on foot.",  # neither Santa Teresa nor Mantaro
    "Gunmen burned the school of Santa Rosa del Tambo overnight.",
])
def test_a_longer_name_is_neither_its_first_nor_its_last_part(gz, text):
    assert _names(text, gz) == []


@pytest.mark.parametrize(("text", "names"), [
    ("Students of the Universidad de Antioquia marched.", ["Antioquia"]),  # a province by its own name
    ("pigs died in Santa Maria, Davao del Sur, last week", ["Santa Maria", "Davao"]),  # a part of Davao
    ("a column entered San Vicente del Caguán at noon", ["San Vicente del Caguán"]),  # listed whole
])
def test_a_longer_name_keeps_a_listed_whole_a_region_and_a_compass_part(gz, text, names):
    assert _names(text, gz) == names


@pytest.mark.parametrize("district", [
    "Anapati",  # a district the gazetteer lacks
    "Pangoa",  # read as a village of that name in Cuzco, outside the province the chain names
])
def test_an_unlisted_hamlet_in_a_chain_of_units_is_placed_in_its_province(gz, district):
    text = ("Troops found eight bodies in the hamlet known as Santa Teresa del Mantaro, district of "
            f"{district}, province of Satipo, department of Junin, on Monday.")
    loc = _at(text, gz, "PE")
    assert loc is not None and loc.named_as == "Santa Teresa del Mantaro"
    assert loc.place.admin2 == "Provincia de Satipo" and loc.geo_precision == 3


def test_a_district_read_outside_the_province_named_after_it_is_placed_in_that_province(gz):
    loc = _at("Soldiers were ambushed in the district of Pangoa, province of Satipo, on Monday.", gz, "PE")
    assert loc is not None and loc.named_as == "Pangoa" and loc.place.admin2 == "Provincia de Satipo"


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Police patrols were doubled in the province of Satipo.", "Satipo", "ADM2"),
    ("a curfew in the department of Junin", "Junin", "ADM1"),
    ("a curfew in Satipo", "Satipo", "PPLA3"),
])
def test_a_region_word_before_a_name_says_it_is_the_region(gz, text, name, code):
    start = text.index(name)
    (t,) = geo.geoparse(text, spans=[(start, start + len(name))], gazetteer=gz)
    assert t.place.feature_code == code


def test_where_the_wounded_were_flown_is_no_scene(gz):
    text = "Four police officers were wounded near Pichari and flown by helicopter to a hospital in Lima."
    loc = _at(text, gz, "PE")
    assert loc is not None and loc.named_as == "Pichari"


# --- "X, Y": a loose spelling placed by the region after it ---------------------------------------

def test_a_loose_spelling_inside_the_region_named_after_it_is_a_place(gz):
    text = "* 03/05 (Fri) | Killa Abdulla, Balochistan | A grenade hit a polling station."
    assert _names(text, gz) == ["Killa Abdulla", "Balochistan"]
    loc = _at(text, gz)
    assert loc is not None and loc.named_as == "Killa Abdulla" and loc.geo_precision == 1  # not the province


@pytest.mark.parametrize("text", [
    "* 03/05 (Fri) | Killa Abdulla, Punjab | A grenade hit a polling station.",  # Qila Abdullah is not in Punjab
    "Killa Abdulla, Balochistan government spokesman, said the polls would go ahead.",  # a person and his title
])
def test_a_loose_spelling_is_no_place_where_the_region_after_it_does_not_hold_it(gz, text):
    assert "Killa Abdulla" not in _names(text, gz)
