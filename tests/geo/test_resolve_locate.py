import pytest

from sitroom.geo import geoparse, locate
from sitroom.model import GEO_EXACT, GEO_NEAR, GEO_REGION


def _names(text, gz, **kw):
    return {t.text: t.place for t in geoparse(text, gazetteer=gz, **kw)}


def test_homonym_resolved_by_named_state(gazetteer):
    places = _names("Flooding hit Alexandria, Louisiana, on Monday.", gazetteer)
    assert places["Alexandria"].country_code == "US"


def test_homonym_defaults_to_prominent_place(gazetteer):
    places = _names("Protesters gathered in Alexandria and Cairo.", gazetteer)
    assert places["Alexandria"].country_code == "EG"


def test_homonym_resolved_by_document_countries(gazetteer):
    text = "Storms swept Texas. In Paris, Texas, roofs were torn off; Dallas was spared."
    places = _names(text, gazetteer)
    assert places["Paris"].country_code == "US"


def test_country_hint_steers_resolution(gazetteer):
    (t,) = geoparse("Hit", spans=[(0, 3)], country_hint="IQ", gazetteer=gazetteer)
    assert t.place.country_code == "IQ"


def test_given_span_without_match_stays_unresolved(gazetteer):
    (t,) = geoparse("Qzxv was quiet.", spans=[(0, 4)], gazetteer=gazetteer)
    assert t.place is None and (t.start, t.end) == (0, 4)


def test_city_preferred_over_same_name_province(gazetteer):
    assert _names("A bomb exploded in Kirkuk.", gazetteer)["Kirkuk"].feature_code != "ADM1"


def test_province_when_province_is_said(gazetteer):
    assert _names("Fighting spread across Kirkuk province.", gazetteer)["Kirkuk"].feature_code == "ADM1"


def test_demonyms_are_not_toponyms(gazetteer):
    assert "Iraqi" not in _names("Iraqi forces and Syrian troops met.", gazetteer)


def test_stop_words_are_not_toponyms(gazetteer):
    assert not _names("Police said on Monday in March that President Bill spoke.", gazetteer)


def _locate(text, gz, hint="IQ"):
    return locate(text, 0, len(text), hint, gz)


def test_yusufiya_road_beats_the_capital(gazetteer):
    text = ("An explosive device targeted a convoy on the Yusufiya road south of the capital, "
            "Baghdad, wounding two.")
    loc = _locate(text, gazetteer)
    assert loc.place.name == "Al Yusufiyah"
    assert loc.geo_precision == GEO_NEAR


def test_south_of_city_is_near(gazetteer):
    loc = _locate("Gunmen attacked a checkpoint south of Baghdad.", gazetteer)
    assert (loc.place.name, loc.geo_precision) == ("Baghdad", GEO_NEAR)


def test_distance_and_bearing_move_the_point(gazetteer):
    loc = _locate("A rocket fell 20 km north of Mosul overnight.", gazetteer)
    assert loc.geo_precision == GEO_NEAR
    assert loc.place.latitude == pytest.approx(36.335 + 0.18, abs=0.03)


@pytest.mark.parametrize("phrase", ["the outskirts of", "near", "the countryside of"])
def test_vicinity_phrases_are_near(gazetteer, phrase):
    loc = _locate(f"Clashes broke out in {phrase} Fallujah.", gazetteer)
    assert loc.place.name == "Al Fallūjah" and loc.geo_precision == GEO_NEAR


def test_named_town_is_exact(gazetteer):
    loc = _locate("A car bomb exploded in Tikrit.", gazetteer)
    assert loc.geo_precision == GEO_EXACT


def test_province_only_is_region(gazetteer):
    loc = _locate("Militants attacked a patrol in Anbar province.", gazetteer)
    assert (loc.place.feature_code, loc.geo_precision) == ("ADM1", GEO_REGION)


def test_country_only_is_region(gazetteer):
    loc = _locate("Drone strikes were reported in Iraq.", gazetteer)
    assert (loc.place.feature_code, loc.geo_precision) == ("PCLI", GEO_REGION)


def test_metonym_is_not_the_event_place(gazetteer):
    loc = _locate("The Baghdad government said an IED struck a patrol in Samarra.", gazetteer)
    assert loc.place.name.startswith("S")


def test_outlet_seat_is_not_the_event_place(gazetteer):
    text = "An official told the Erbil-based Rudaw that a drone hit Tikrit."
    assert _locate(text, gazetteer).place.name.startswith("Tikr")


def test_nothing_resolvable_gives_none(gazetteer):
    assert _locate("Nothing happened to anyone today.", gazetteer) is None


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Syrian troops advanced.", "Syrian", "SY"),
    ("Iraqi officials said so.", "Iraqi", "IQ"),
    ("The French minister arrived.", "French", "FR"),
])
def test_given_demonym_span_resolves_to_its_country(gazetteer, text, word, country):
    start = text.index(word)
    (t,) = geoparse(text, [(start, start + len(word))], gazetteer=gazetteer)
    assert t.place is not None and t.place.feature_code == "PCLI" and t.place.country_code == country


def test_facility_span_takes_the_town_in_its_name(gazetteer):
    text = "Crowds gathered at the Mosul University gates."
    start = text.index("Mosul")
    (t,) = geoparse(text, [(start, start + len("Mosul University"))], gazetteer=gazetteer)
    assert t.place is not None and t.place.name == "Mosul"


def test_unknown_span_takes_the_document_focus(gazetteer):
    text = "A blast hit Kirkuk. Police closed Zorblax Street in Kirkuk."
    spans = [(text.index("Kirkuk"), text.index("Kirkuk") + 6), (text.index("Zorblax"), text.index(" in K"))]
    _, street = geoparse(text, spans, gazetteer=gazetteer)
    assert street.place is not None and street.place.name == "Kirkuk"


def test_capital_beats_the_region_of_the_same_name(gazetteer):
    text = "Officials in Washington denied it."
    (t,) = geoparse(text, [(13, 23)], gazetteer=gazetteer)
    assert t.place is not None and t.place.feature_code == "PPLC"


def test_countries_sit_at_geonames_points(gazetteer):
    iraq = gazetteer.country("IQ")
    assert iraq is not None and (iraq.place.latitude, iraq.place.longitude) == (33.0, 44.0)


def test_fuzzy_spelling_outside_romanised_countries_needs_a_near_match(gazetteer):
    assert not [c for c in gazetteer.fuzzy("Helmet") if c.place.country_code == "US"]



def test_a_village_the_gazetteer_lacks_is_coded_at_the_nearest_named_town(gazetteer):
    text = "A bomb hit a police patrol in Qaryat Zzyzx, south Baghdad, on Monday."
    loc = locate(text, 0, len(text), "IQ", gazetteer)
    assert loc is not None
    assert loc.place.name == "Qaryat Zzyzx"
    assert loc.geo_precision == GEO_NEAR
    assert loc.place.country_code == "IQ"
    assert abs(loc.place.latitude - 33.34) < 0.2


def test_a_kind_of_place_noun_picks_the_matching_feature(gazetteer):
    places = _names("Troops moved into the Gara mountains of Duhok province.", gazetteer)
    assert places["Gara"].country_code == "IQ"


def test_a_named_village_with_no_known_place_nearby_is_coded_at_the_country_with_precision_3(gazetteer):
    text = "A bomb exploded in the village of Qaryat Zzyzx, killing four people."
    loc = locate(text, 0, len(text), "IQ", gazetteer)
    assert loc is not None
    assert (loc.place.name, loc.place.country_code, loc.geo_precision) == ("Qaryat Zzyzx", "IQ", GEO_REGION)


def test_a_name_does_not_run_across_a_full_stop(gazetteer):
    names = _names("Six people were killed in Qamishli. A car bomb exploded near a checkpoint.", gazetteer)
    assert "Qamishli" in names and all(". " not in n for n in names)


@pytest.mark.parametrize("text", ["Civilians fled Mosul's Old City.", "A bomb went off in Iraq’s Mosul city."])
def test_a_possessive_does_not_hide_the_name(gazetteer, text):
    assert "Mosul" in _names(text, gazetteer)


def test_a_possessive_country_before_a_town_does_not_make_a_personal_name(gazetteer):
    text = "Three people were hurt when a bomb went off in Iraq's Mosul city."
    loc = locate(text, 0, len(text), "IQ", gazetteer)
    assert loc is not None and loc.place.name == "Mosul"


def test_a_title_case_headline_does_not_turn_a_capital_into_a_surname(gazetteer):
    text = "ISIS Claims Double Suicide Attack In Central Baghdad\n\nTwo bombers struck a market in central Baghdad."
    start = text.index("Two")
    loc = locate(text, start, len(text), None, gazetteer)
    assert loc is not None and loc.place.name == "Baghdad"


def test_a_region_named_right_after_a_town_it_holds_is_the_region_though_a_town_shares_its_name(gazetteer):
    # Kirkuk alone is the city; "Dibis, Kirkuk" names the province that holds Dibis
    places = _names("Gunmen attacked a checkpoint in Dibis, Kirkuk on Friday.", gazetteer)
    assert places["Kirkuk"].feature_code == "ADM1"
    assert _names("Gunmen attacked a checkpoint in Kirkuk on Friday.", gazetteer)["Kirkuk"].feature_code != "ADM1"
