"""A place the text puts inside a named city or region, when its gazetteer reading lies elsewhere.

A quarter or a village is often a homonym of a better-known town far away: "Jacarezinho, a favela
in Rio de Janeiro" is no town of Paraná, "the Ortaköy district" of an Istanbul story no village of
Aksaray, "El Aguaje, a village in the municipality of Aguililla" no El Aguaje of Guerrero.  When the
text ties a name to its holder -- an apposition ("X, a village in Y"), a kind word with "of/in"
("the X district of Y"), a possessive ("eastern Y's X district"), a bracket after a unit word
("municipality of Y (X)"), or, for a quarter word with no holder said, the city the story is about --
a reading of the name inside the holder wins; without one the name is coded at the holder
(geo_precision 2 at a town, 3 at a region), as ACLED codes a quarter at its city.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitroom.geo.distance import haversine_km
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.names import normalize
from sitroom.model import Place, Toponym

WITHIN_KM = 25.0  # a reading this close to the holder town lies in it
_REGIONS = frozenset({"ADM1", "ADM2", "ADM3"})
_TOWN_MIN_POPULATION = 50_000  # a story's city, for a quarter named with no holder
_QUARTER = r"(?:favela|neighbou?rhood|district|quarter|suburb|township|slum|community|commune|barrio|colonia|sector|area)"
_KIND = rf"(?:{_QUARTER}|village|hamlet|town|settlement|locality|rancho|ranch|ranchería)"
_HOLDER_UNIT = r"(?:(?:the\s+)?(?:municipality|district|city|town|province|state|region|county|department|commune)\s+of\s+)?"
# "X, a village in the municipality of Y", "X, a favela in Y's North Zone"
_APPOSITION = re.compile(rf"\s*,\s+(?:a|an|the)\s+(?:(?:small|poor|remote|rural|northern|southern|eastern|western|"
                         rf"central|working-class|densely\s+populated|sprawling)\s+)*{_KIND}\s+"
                         rf"(?:in|of|on\s+the\s+outskirts\s+of|near|outside)\s+{_HOLDER_UNIT}$", re.I)
# "the X district of Y", "the X neighbourhood in Y", "X district (east Y)"
_KIND_OF = re.compile(rf"\s+{_QUARTER}\s+(?:(?:of|in)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?|"
                      rf"\(\s*(?:(?:north|south|east|west|central)\w*\s+)?)$", re.I)
# "eastern Baghdad's al-Mashtal district", "Y's X"
_POSSESSIVE_AFTER = re.compile(r"['’]s\s+$")
# "Michoacán, municipality of Aguililla (El Aguaje)": the bracket holds the smaller place
_BRACKET = re.compile(r"\s*\(\s*$")
_UNIT_BEFORE = re.compile(r"\b(?:municipality|district|city|town|commune|county)\s+of\s+$", re.I)
_QUARTER_NEXT = re.compile(rf"\s+{_QUARTER}\b", re.I)
_QUARTER_BEFORE = re.compile(rf"\b(?:the\s+)?{_QUARTER}\s+of\s+$", re.I)


def _is_region(p: Place) -> bool:
    return (p.feature_code or "") in _REGIONS


def _linked_holder(text: str, t: Toponym, ordered: Sequence[Toponym]) -> Toponym | None:
    """The named place the text says holds ``t``, if any."""
    i = next(k for k, u in enumerate(ordered) if u is t)
    nxt = ordered[i + 1] if i + 1 < len(ordered) else None
    prev = ordered[i - 1] if i > 0 else None
    if nxt is not None and nxt.start - t.end < 120:
        gap = text[t.end:nxt.start]
        if _APPOSITION.match(gap) or _KIND_OF.match(gap):
            return nxt
    if prev is not None and t.start - prev.end < 40:
        gap = text[prev.end:t.start]
        # the bracket only after a unit word: "Aleppo (Efrin)" names the province, read as its city
        if _POSSESSIVE_AFTER.fullmatch(gap) or (_BRACKET.fullmatch(gap) and _is_region_or_town(prev)
                                                 and _UNIT_BEFORE.search(text, max(0, prev.start - 30), prev.start)):
            return prev
        # "Baghdad, al-Mashtal district": a quarter named after its city
        if re.fullmatch(r"\s*,\s*", gap) and _QUARTER_NEXT.match(text, t.end) and not _is_region(prev.place):
            return prev
    return None


def _is_region_or_town(u: Toponym) -> bool:
    return _is_region(u.place) or (u.place.feature_code or "").startswith("PPL")


def _story_city(t: Toponym, ordered: Sequence[Toponym]) -> Toponym | None:
    """The city a story names last before a quarter it names with no holder ("the Faladie district")."""
    before = [u for u in ordered if u.end <= t.start and u.place.country_code == t.place.country_code
              and (u.place.feature_code or "") in ("PPLC", "PPLA", "PPLA2", "PPL")
              and u.place.population >= _TOWN_MIN_POPULATION]
    return before[-1] if before else None


def _inside(p: Place, holder: Place) -> bool:
    if _is_region(holder):
        if holder.feature_code == "ADM1":
            return bool(holder.admin1) and p.admin1 == holder.admin1 and p.country_code == holder.country_code
        return bool(holder.admin2) and p.admin2 == holder.admin2 and p.country_code == holder.country_code
    return haversine_km(p.latitude, p.longitude, holder.latitude, holder.longitude) <= WITHIN_KM


def held_places(text: str, readings: Sequence[Toponym], gazetteer: Gazetteer) -> dict[str, tuple[Place, bool]]:
    """Name key -> (place, listed): the reading of a name inside the place the text says holds it
    (listed), or the holder itself when the gazetteer has no reading there (not listed)."""
    ordered = sorted((t for t in readings if t.place is not None), key=lambda t: t.start)
    out: dict[str, tuple[Place, bool]] = {}
    for t in ordered:
        code = t.place.feature_code or ""
        if not code.startswith("PPL") or code == "PPLC":
            continue
        holder = _linked_holder(text, t, ordered)
        if holder is None and code == "PPL" and (_QUARTER_NEXT.match(text, t.end) or _QUARTER_BEFORE.search(text, max(0, t.start - 30), t.start)):
            holder = _story_city(t, ordered)
        if holder is None or holder.place is t.place or normalize(holder.text) == normalize(t.text):
            continue
        h = holder.place
        if not (_is_region(h) or (h.feature_code or "").startswith("PPL")) or _inside(t.place, h):
            continue
        key = normalize(t.text)
        inside = [c.place for c in gazetteer.candidates(t.text) if _inside(c.place, h)
                  and (c.place.feature_code or "").startswith("PPL")]
        if inside:
            out[key] = (max(inside, key=lambda p: p.population), True)
        else:
            out[key] = (h, False)
    return out
