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
])
def test_where_the_wounded_went_is_not_the_scene(gazetteer, text):
    assert _place(text, gazetteer) == "Kirkuk"


@pytest.mark.parametrize(("text", "scene"), [
    ("A bomb went off at a hospital in Kirkuk, killing three.", "Kirkuk"),
    ("A soldier died in Samarra when a roadside bomb struck his patrol.", "Samarra"),
])
def test_a_hospital_or_a_death_that_is_the_scene_stays_the_scene(gazetteer, text, scene):
    assert _place(text, gazetteer) == scene
