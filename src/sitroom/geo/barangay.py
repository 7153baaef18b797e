"""Villages of a Philippine city: "Brgy. Colonia", "Barangay Tukanalipao", "Sitio Lumbang".

A barangay (and a sitio or purok inside one) is a village or a quarter of a city or municipality.
Its name is often a common one -- the gazetteer holds several Colonias in the Philippines -- and the
city it belongs to is named with it: right after it ("Brgy. Colonia, Lamitan City", "Barangay Colonia
in Lamitan") or as the label the post opens with ("LAMITAN CITY | ... sa Brgy. Colonia").  A reading
of the name far from that city is a homonym: the barangay of that name near the city is meant, or,
when the gazetteer has none, a place it lacks, coded at the city (geo_precision 2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitroom.geo.distance import haversine_km
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.names import normalize
from sitroom.model import Place, Toponym

# A city or municipality spans a few tens of kilometres (Davao City ~50 km across): a barangay of
# it lies within this distance of the city's point.
BARANGAY_KM = 40.0
_BARANGAY_WORD = r"(?i:brgy|bgy|barangay|barrio|sitio|purok)\.?"
BARANGAY_BEFORE = re.compile(rf"\b{_BARANGAY_WORD}\s+$")
_NAME = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}"
_BARANGAY_NAME = re.compile(rf"\b{_BARANGAY_WORD}\s+(?P<name>{_NAME})")
# the city named right after the barangay: "Brgy. Colonia, Lamitan City", "Barangay X in Lamitan", "sa bayan ng X"
_CITY_NEXT = re.compile(r"\s*(?:,|\b(?:in|of|sa|ng|at)\b)\s*(?:the\s+)?(?i:(?:city|town|municipality|bayan|lungsod)\s+(?:of|ng)\s+)?$")
# a post's label: a name opening a line, then "|" or ":" ("LAMITAN CITY | ...")
_LABEL_BEFORE = re.compile(r"(?:\A|\n)[\s•*#-]*$")
_LABEL_AFTER = re.compile(r"\s*[|:]")


def _is_town(p: Place | None) -> bool:
    return p is not None and (p.feature_code or "").startswith("PPL")


def city_of(text: str, start: int, end: int, named: Sequence[Toponym]) -> Place | None:
    """The city a barangay at text[start:end] belongs to: a town named right after it, else the
    nearest line label before it that is a town."""
    after = sorted((t for t in named if t.start >= end and t.start - end <= 40 and _is_town(t.place)), key=lambda t: t.start)
    if after and _CITY_NEXT.fullmatch(text, end, after[0].start):
        return after[0].place
    labels = [t for t in named if t.end <= start and _is_town(t.place)
              and _LABEL_BEFORE.search(text, max(0, t.start - 8), t.start) and _LABEL_AFTER.match(text, t.end)]
    return labels[-1].place if labels else None


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _unlisted_at(name: str, city: Place) -> Place:
    return Place(name, city.latitude, city.longitude, city.country_code, city.country, city.admin1, city.admin2,
                 None, "PPL", 0)


def barangay_reading(text: str, t: Toponym, named: Sequence[Toponym], gazetteer: Gazetteer) -> tuple[Place, bool] | None:
    """For a name read after "Brgy." / "Barangay" far from the city it belongs to: the place meant
    and whether it is listed (a namesake near the city) -- else None (no barangay, no city, or the
    reading lies by the city already)."""
    if t.place is None or not BARANGAY_BEFORE.search(text, max(0, t.start - 12), t.start):
        return None
    city = city_of(text, t.start, t.end, named)
    if city is None or _km(t.place, city) <= BARANGAY_KM:
        return None
    near = [c.place for c in gazetteer.candidates(t.text, fuzzy=False) if _is_town(c.place) and _km(c.place, city) <= BARANGAY_KM]
    if near:
        return min(near, key=lambda p: _km(p, city)), True
    return _unlisted_at(t.text, city), False


def unlisted_barangays(text: str, start: int, end: int, named: Sequence[Toponym]) -> list[tuple[int, int, Place]]:
    """Barangays in text[start:end] the gazetteer does not know ("Brgy. Tumahubong"), coded at the
    city they belong to: (start, end, place) each."""
    out = []
    for m in _BARANGAY_NAME.finditer(text, start, end):
        s, e = m.span("name")
        if any(t.start < e and s < t.end for t in named) or not normalize(m.group("name")):
            continue
        city = city_of(text, s, e, named)
        if city is not None:
            out.append((s, e, _unlisted_at(m.group("name"), city)))
    return out
