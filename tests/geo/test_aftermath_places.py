"""Places the victims were taken to or died in, after the act, are not its scene."""

import pytest

from sitroom.geo import locate


def _place(text, gz, hint="IQ"):
    loc = locate(text, 0, len(text), hint, gz)
    return loc.named_as if loc else None


@pytest.mark.parametrize("text", [
    "A car bomb hit a checkpoint in Kirkuk on Sunday; more of the wounded later died in hospitals in Kirkuk, Tikrit and Baiji.",
    "Mortar rounds struck a market in Kirkuk, and the wounded were airlifted to Tikrit.",
    "Shelling hit a school in Kirkuk; eleven children were rushed to a hospital in Tuz Khurmatu.",
    "A truck bomb hit Kirkuk; many of the wounded were taken across the border to hospitals in Tikrit.",
    "A blast hit a shrine in Kirkuk tonight; the injured are being sent to Tikrit and Baiji.",
    "Gunmen attacked a village in Kirkuk province, and more than 2,000 people have fled, mostly to Tikrit.",
    "Attaque ce matin contre un marché à Kirkuk. Blessés évacués vers Tikrit.",
    "Rockets hit a base near Kirkuk; dozens of wounded were taken to al-Dour and Tikrit.",
    "Insurgents stormed Kirkuk. Boats carrying hundreds of survivors reached the provincial capital, Tikrit.",
])
def test_where_the_wounded_went_is_not_the_scene(gazetteer, text):
    assert _place(text, gazetteer) == "Kirkuk"


@pytest.mark.parametrize(("text", "scene"), [
    ("A bomb went off at a hospital in Kirkuk, killing three.", "Kirkuk"),
    ("A soldier died in Samarra when a roadside bomb struck his patrol.", "Samarra"),
])
def test_a_hospital_or_a_death_that_is_the_scene_stays_the_scene(gazetteer, text, scene):
    assert _place(text, gazetteer) == scene


@pytest.mark.parametrize("text", [
    "A bomb hit a bus in Kirkuk on Friday, killing pilgrims returning from ceremonies in Karbala.",
    "Gunmen ambushed a convoy heading to Baghdad near Kirkuk.",
    "A roadside bomb struck soldiers on their way back from Tikrit in Kirkuk.",
])
def test_where_the_victims_were_travelling_from_or_to_is_not_the_scene(gazetteer, text):
    assert _place(text, gazetteer) == "Kirkuk"


def test_where_the_victims_were_travelling_is_the_place_when_the_sentence_names_no_other(gazetteer):
    assert _place("A bomb hit a bus of pilgrims heading to Karbala.", gazetteer) == "Karbala"


def test_a_town_is_no_country_or_province_read_loosely(gazetteer):
    # "Shomali" is close to "Somalia", but "the town of" says it is a settlement: an unlisted one
    loc = locate("A truck bomb exploded in the town of Shomali, in Babil province, on Thursday.", 0, 73, "IQ", gazetteer)
    assert loc.place.name == "Shomali" and loc.place.country_code == "IQ" and loc.place.admin1 == "Bābil"


@pytest.mark.parametrize("text", [
    "Special forces arrived from Baghdad and fought the attackers for two hours.",
    "The bus had set out from the town of Baqubah with families on a day trip.",
])
def test_where_people_came_from_is_never_the_scene(gazetteer, text):
    assert _place(text, gazetteer) is None



def test_every_country_of_a_list_the_victims_came_from_is_not_the_scene(gazetteer):
    text = ("Eleven of the dead of the bombing in Kirkuk were foreign nationals, among them visitors from Jordan, "
            "Egypt, France and Syria.")
    assert _place(text, gazetteer) == "Kirkuk"


@pytest.mark.parametrize("text", [
    "Villavicencio, 59, had just climbed into a pickup outside the school when a gunman fired.",
    "My take: here in Cuenca things are calm.",
])
def test_a_person_with_his_age_and_the_writers_own_town_are_no_scene(gazetteer, text):
    assert _place(text, gazetteer, hint="EC") is None


def test_the_body_of_a_named_man_is_no_place(gazetteer):
    from sitroom.geo import recognize

    text = "Lawyers had gone to the hospital after the body of Bilal Anwar Kasi, the bar's president, was brought in."
    assert [text[m.start:m.end] for m in recognize(text, gazetteer)] == []


@pytest.mark.parametrize("text", [
    'Gunmen fired rockets at the passenger boat, the "Tikrit", on the river near Kirkuk.',
    "Le bateau Tikrit a été attaqué près de Kirkuk ce matin.",
])
def test_a_vessel_named_after_a_town_is_no_scene(gazetteer, text):
    assert _place(text, gazetteer) == "Kirkuk"
