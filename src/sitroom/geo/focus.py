"""Placing spans the gazetteer does not know by name (streets, buildings, venues, institutions).

The caller said such a span is a place, and in news it almost always lies in the town the story
is about -- the document's focus -- or in the place named inside it ("University of Alberta").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sitroom.geo.distance import haversine_km
from sitroom.model import Place, Toponym

# How a span was placed: by its own name, by a place named inside it, or by a place named inside it
# as the seat of an institution ("University of Alberta").
OWN_NAME, INNER, INSTITUTION = 0, 1, 2
# A place named inside a facility's name is trusted only this close to the focus: inside such a
# name a word is often a homonym far away ("Royal Street" -> Royal City, "Cairo Cafe" in Baghdad).
INNER_MAX_KM = 500.0
# Institutions, on the other hand, carry the name of their seat, however far from the story:
# "University of California", "Bank of Japan", "Colorado State University", "Delhi High Court".
# (Not embassies and consulates: they stand in another country's capital.)
_INSTITUTION_BEFORE = re.compile(r"\b(?:university|bank|college|institute|government|parliament|province|"
                                 r"state|republic|city|port|council|chambers?|museum|county|district)\s+of\s+"
                                 r"(?:the\s+)?$", re.I)
_INSTITUTION_AFTER = re.compile(r"\s+(?:state\s+)?(?:university|college|polytechnic|high\s+court|supreme\s+court|"
                                r"court|police|council|assembly|parliament|government|(?:international\s+)?airport|"
                                r"port|chambers?|stock\s+exchange|city\s+hall|metro|transit)\b", re.I)
# ... as long as the seat is a place everyone knows; the small one is more often a person or a saint
# ("Loyola University", "Pearson International Airport", "University of St. Thomas").
PROMINENT_POPULATION = 100_000
_PROMINENT_FEATURES = frozenset({"PCLI", "CONT", "ADM1", "PPLC", "PPLA"})
# Features that name an area, not a town; the focus is a town inside the story's main region.
_WIDE = frozenset({"PCLI", "CONT", "ADM1", "OCN", "SEA", "GULF", "RGN", "PEN", "PCLH"})


def _key(p: Place) -> tuple[str, float, float]:
    return p.name, p.latitude, p.longitude


def _main_region(places: Sequence[Place]) -> str | None:
    """The state/province most of the document's mentions lie in (a named region counts for
    itself), or None when no region has at least two mentions."""
    votes = Counter(f"{p.country_code}.{p.admin1}" for p in places if p.admin1 and p.feature_code not in
                    ("PCLI", "CONT"))
    if not votes:
        return None
    region, n = votes.most_common(1)[0]
    return region if n >= 2 else None


def focus(toponyms: Sequence[Toponym]) -> Place | None:
    """The place a document is mostly about: its most often named town inside the state/province
    most of its names lie in (first named on a tie); else its most often named town; else its most
    often named region or country.  Requiring the main region keeps one misread homonym ("Republic",
    a Missouri village, in a story about Derry) from becoming the focus."""
    places = [t.place for t in toponyms if t.place is not None]
    if not places:
        return None
    region = _main_region(places)
    towns = [p for p in places if p.feature_code not in _WIDE]
    in_region = [p for p in towns if f"{p.country_code}.{p.admin1}" == region]
    pool = in_region or towns or places
    counts = Counter(_key(p) for p in pool)
    best = max(counts.values())
    return next(p for p in pool if counts[_key(p)] == best)


def institution_of(name: str, start: int, end: int) -> bool:
    """True if the place at name[start:end] is named as an institution's seat (see above)."""
    return bool(_INSTITUTION_BEFORE.search(name[:start]) or _INSTITUTION_AFTER.match(name, end))


def prominent(p: Place) -> bool:
    """A country, a state/province, a capital, or a city (a county's population is its towns' summed)."""
    if p.feature_code in _PROMINENT_FEATURES:
        return True
    return (p.feature_code or "").startswith("PPL") and p.population >= PROMINENT_POPULATION


def guess_unknown(out: list[Toponym], how: list[int]) -> list[Toponym]:
    """Place the spans the gazetteer does not know by name (``how`` is INNER or INSTITUTION): at the
    place named inside them when they are its institution or it lies within INNER_MAX_KM of the
    document's focus, else at the focus."""
    centre = focus([t for t, h in zip(out, how, strict=True) if h == OWN_NAME])
    if centre is None:
        return out
    result = []
    for t, h in zip(out, how, strict=True):
        seat = h == INSTITUTION and t.place is not None and prominent(t.place)
        far = t.place is None or (h != OWN_NAME and not seat and _km(t.place, centre) > INNER_MAX_KM)
        result.append(Toponym(t.start, t.end, t.text, centre) if far else t)
    return result


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
