"""An island named as such is a region of many towns, even where the gazetteer reads it as its main town.

These use the full gazetteer (the regional test build lacks the Philippines and Tanzania).
"""

import pytest

from sitroom import geo
from sitroom.geo import locate
from sitroom.model import GEO_EXACT, GEO_NEAR, GEO_REGION


@pytest.fixture(scope="module")
def gz():
    return geo.get_gazetteer()


def _at(text, gz, hint):
    loc = locate(text, 0, len(text), hint, gz)
    assert loc is not None
    return loc


@pytest.mark.parametrize(("text", "hint"), [
    ("A bomb exploded at a market on the island of Basilan on Monday.", "PH"),
    ("Troops clashed with gunmen in the Sulu islands.", "PH"),
    ("Riots broke out on the island of Zanzibar.", "TZ"),
])
def test_an_island_is_coded_as_a_region(gz, text, hint):
    assert _at(text, gz, hint).geo_precision == GEO_REGION


def test_a_village_named_with_the_island_is_the_scene(gz):
    loc = _at("A van blew up on the island of Basilan, at a checkpoint in the village of Colonia near Lamitan City.", gz, "PH")
    assert loc.named_as == "Colonia" and loc.geo_precision == GEO_NEAR


@pytest.mark.parametrize(("text", "hint", "name"), [
    ("Soldiers were killed in Isabela City on Basilan island.", "PH", "Isabela City"),
    ("A grenade exploded in Zanzibar town.", "TZ", "Zanzibar"),
])
def test_a_town_of_the_island_stays_a_town(gz, text, hint, name):
    loc = _at(text, gz, hint)
    assert loc.named_as == name and loc.geo_precision == GEO_EXACT
