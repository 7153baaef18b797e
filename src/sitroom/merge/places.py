"""Place evidence for the merge: do two reports put the incident in places that can be one?

Reports of one incident rarely agree on the place to the metre.  One names the town, one the
village next to it, one only the province ("in Kirkuk province", geo_precision 3), one only the
country because its place is missing from the gazetteer.  So the place is weighed, not matched:

* two points within `MERGE_KM`: strong (closer is stronger);
* the same location name (after `geo.names.skeleton`, which folds romanisations): strong;
* containment that respects geo_precision: a region-level point (precision 3) and a place
  inside that region, a "near X" point (precision 2) a little beyond `MERGE_KM`, two reports in
  one admin1 where either is imprecise, a name that is the other's admin1 or admin2: weak;
  weak evidence must be corroborated by the other dimensions before two reports merge;
* no place, or only the country: neutral (the caller also requires a unique match);
* one name at two points up to `HOMONYM_KM` apart in one admin1 ("Dalori" read as two gazetteer
  entries 35 km apart): weak; same-name villages a few dozen km apart are a known gazetteer
  ambiguity, so the points do not veto, but the other dimensions must corroborate;
* two precise points far apart, or different countries: a veto (distinct incidents).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sitroom.geo.distance import haversine_km
from sitroom.geo.names import normalize, skeleton

MERGE_KM = 25.0
"""Two precise reports further apart than this (with coordinates) are different incidents."""
NEAR_KM = 2 * MERGE_KM
"""How far a "near X" point (geo_precision 2) may be from the other report and still be weak evidence."""
HOMONYM_KM = NEAR_KM
"""Two points of one location name this close (beyond `MERGE_KM`) may be one place resolved to two
gazetteer entries: weak evidence, not a veto.  Further apart, one name is two places."""
BORDER_KM = 10.0
"""Two precise points this close are one place even when the geocoder put them in two countries."""
REGION_KM = 150.0
"""A region-level point (geo_precision 3) is a centroid: a place this far from it can lie inside."""

STRONG_PLACE = 2.0
SAME_NAME = 1.75
WEAK_PLACE = 0.25
PROVINCE_PLACE = 0.75
"""One report is coded at the province the other's town lies in ("Sahel region" and "Sebba"): how reports
told at two precisions agree, a little stronger than mere proximity to a centroid."""
NAMED_IN_TELLING = 1.25
"""One report's place is named in the other's lead sentence, which is coded at a place next to it ("108 killed
in Taldou, a village in the al-Houla area" coded at al-Houla): nearly a shared name."""
NO_PLACE = 1.0
UNPLACED = -0.5
"""Places that can be neither measured nor matched (another name, a centroid): they must be corroborated."""
"""A report with no place (or only its country) is neutral-to-weak: it may join only a unique match."""

_GENERIC_PLACE_WORDS = re.compile(
    # GeoNames' French and Spanish unit names first: "Province du Sanmatenga", "Departamento de Antioquia"
    r"\b(?:(?:province|prefecture|departement|commune|region|provincia|departamento|municipio|distrito)\s+"
    r"(?:du|de la|de l|des|de|d|del)|"
    r"international|air ?base|base|airport|market|square|camp|city|district|province|governorate)\b")


def location_key(name: str | None) -> str | None:
    """The location name folded for comparison when coordinates are missing (None for no name).

    `skeleton` folds romanisation variants (Yusufiya / Yusufiyah / al-Yusufiyah); generic words
    ("air base", "market", "international airport") go first, so "Ain al-Asad air base" and
    "Ayn al-Asad" meet.  A one-letter skeleton says too little: the normalised name stands in.
    """
    if not name or not name.strip():
        return None
    bare = _GENERIC_PLACE_WORDS.sub(" ", normalize(name)).strip() or normalize(name)
    key = skeleton(bare)
    return key if len(key) >= 2 else (normalize(name) or None)


def _has_point(e: Any) -> bool:
    return e.latitude is not None and e.longitude is not None


def has_place(e: Any) -> bool:
    return _has_point(e) or location_key(e.location) is not None


def is_country_level(e: Any) -> bool:
    """The report names only its country ("in northern Iraq" coded at Iraq's centroid).

    Such a point says nothing about where in the country the incident was, so it weighs like no place.
    """
    key = location_key(e.location)
    if key is None:
        return False
    country = getattr(e, "country", None)
    return key == location_key(country) or (key == location_key(getattr(e, "country_code", None))
                                            and (getattr(e, "geo_precision", None) or 0) >= 3)


def has_specific_place(e: Any) -> bool:
    """A place below the country: a report with only a country competes like a placeless one."""
    return has_place(e) and not is_country_level(e)


def _precision(e: Any) -> int:
    return getattr(e, "geo_precision", None) or 1


def _admin_keys(e: Any) -> set[str]:
    keys = {location_key(getattr(e, name, None)) for name in ("admin1", "admin2")}
    keys.discard(None)
    return keys  # type: ignore[return-value]


def _contained(a: Any, b: Any, dist: float | None) -> bool:
    """One report's place can lie inside the other's (region, "near", same admin1, admin name)."""
    pa, pb = _precision(a), _precision(b)
    if _admin1_differ(a, b):
        return False  # a province-level point is near the next province's towns too, but not around them
    a1, b1 = location_key(getattr(a, "admin1", None)), location_key(getattr(b, "admin1", None))
    if dist is not None:
        if max(pa, pb) == 1:
            return False  # two exact points further apart than MERGE_KM are two places, whatever the names
        if max(pa, pb) >= 3 and dist <= REGION_KM:
            return True
        if max(pa, pb) == 2 and dist <= NEAR_KM:
            return True
    ka, kb = location_key(a.location), location_key(b.location)
    # "a Kirkuk raid" beside "Wadi al-Shay, Kirkuk province": the name is the other's province.
    if (ka is not None and ka in _admin_keys(b)) or (kb is not None and kb in _admin_keys(a)):
        return True
    return a1 is not None and a1 == b1 and max(pa, pb) >= 2


def place_evidence(a: Any, b: Any, km: float = MERGE_KM) -> float | None:
    """Evidence (higher is stronger) that `a` and `b` happened in one place; None vetoes the merge."""
    ca, cb = (a.country_code or "").upper(), (b.country_code or "").upper()
    dist = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) if _has_point(a) and _has_point(b) else None
    if ca and cb and ca != cb and not (dist is not None and dist <= BORDER_KM and max(_precision(a), _precision(b)) < 3):
        # two countries are two incidents -- unless the points nearly touch across a border (Qamishli
        # and Nusaybin): then one geocoder took the town on the wrong side
        return None
    if not has_specific_place(a) or not has_specific_place(b):
        return NO_PLACE
    if dist is not None and dist <= km:
        return STRONG_PLACE - dist / km
    ka = location_key(a.location)
    if ka is not None and ka == location_key(b.location):
        if dist is None or max(_precision(a), _precision(b)) >= 3:
            return SAME_NAME
        # One name, two precise points: the gazetteer may hold the place twice a few dozen km
        # apart (the report's context picks the entry), so near points are one place read two ways;
        # far apart, or in two provinces, they are homonymous villages.
        return WEAK_PLACE if dist <= HOMONYM_KM and not _admin1_differ(a, b) else None
    if _names_the_others_province(a, b):
        return PROVINCE_PLACE
    loose = dist is None or max(_precision(a), _precision(b)) >= 2  # two exact points far apart are two places
    if loose and not _admin1_differ(a, b) and (_told_in(a.location, b) or _told_in(b.location, a)):
        return NAMED_IN_TELLING
    if _contained(a, b, dist):
        return WEAK_PLACE
    # A region-level point (precision 3) may be the centroid of the country, not of the province,
    # and a name with no point cannot be measured: with no contradiction of admin units, neither
    # helps nor rules out.  Only two measured places (or two provinces) contradict each other.
    if (dist is None or max(_precision(a), _precision(b)) >= 3) and not _admin1_differ(a, b):
        return UNPLACED
    return None


def _names_the_others_province(a: Any, b: Any) -> bool:
    """One report's place is a region (precision 3) whose name is the other's admin1 or admin2
    ("Sanmatenga" beside a point in "Province du Sanmatenga")."""
    for region, town in ((a, b), (b, a)):
        key = location_key(region.location)
        if _precision(region) >= 3 and key is not None and key in _admin_keys(town) and _precision(town) < 3:
            return True
    return False


def _admin1_differ(a: Any, b: Any) -> bool:
    a1, b1 = location_key(getattr(a, "admin1", None)), location_key(getattr(b, "admin1", None))
    return a1 is not None and b1 is not None and a1 != b1


_CAPITALISED_RUN = re.compile(r"(?:(?:al|el|ad|as|ash|an|ar|az)-)?[A-Z][\w'’-]+(?:[ -](?:(?:al|el)-)?[A-Z][\w'’-]+){0,2}")


def _told_in(name: str | None, e: Any) -> bool:
    """The place name is one of the names in `e`'s lead sentence (its notes), romanisations folded."""
    notes = getattr(e, "notes", None)
    key = location_key(name) if name and len(name.strip()) >= 4 else None
    return bool(key and notes) and key in _place_keys(notes)


@lru_cache(maxsize=4096)
def _place_keys(text: str) -> frozenset[str]:
    keys = set()
    for run in _CAPITALISED_RUN.findall(text):
        words = run.split()
        for n in range(1, len(words) + 1):  # "Taldou" in "Taldou Friday": every leading part of a run
            if (key := location_key(" ".join(words[:n]))) is not None:
                keys.add(key)
    return frozenset(keys)
