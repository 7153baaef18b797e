"""Spans the gazetteer does not know (venues, streets, institutions): placed at the document's
focus, or at a place named inside them."""

from sitroom.geo.focus import focus
from sitroom.model import Place, Toponym

from .resolving import resolve


def _town(name, admin1, cc="GB", feature="PPL"):
    return Toponym(0, 1, name, Place(name, 1.0, 1.0, cc, admin1=admin1, feature_code=feature))


def test_focus_is_a_town_of_the_main_region_not_the_first_named():
    # The first town named is a stray homonym elsewhere; two names lie in Northern Ireland.
    stray = _town("Republic", "Missouri", cc="US")
    names = [stray, _town("Derry", "Northern Ireland"), _town("Northern Ireland", "Northern Ireland", feature="ADM1")]
    assert focus(names).name == "Derry"


def test_focus_without_a_main_region_is_the_most_named_town():
    names = [_town("Leeds", "England"), _town("Cork", "Munster", cc="IE"), _town("Cork", "Munster", cc="IE")]
    assert focus(names).name == "Cork"


def test_institution_named_after_a_prominent_far_place_keeps_that_place(gazetteer):
    # A story set in Florida quotes a professor at the University of California: California it is.
    text = "Students in Miami and Orlando marched; a professor at the University of California spoke."
    places = resolve(gazetteer, text, "Miami", "Orlando", "University of California")
    assert places["University of California"].name == "California"


def test_street_named_after_a_prominent_far_place_is_at_the_focus(gazetteer):
    text = "Shops on Alexandria Road in Baghdad closed; Baghdad police said so."
    places = resolve(gazetteer, text, "Alexandria Road", "Baghdad")
    assert places["Alexandria Road"].name == "Baghdad"
