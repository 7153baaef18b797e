"""Event location: which named place, in one sentence or bullet, is where the event happened.

Rules, in the order they matter:

1. Mentions that are not event places are dropped: metonyms ("the Baghdad government"),
   seats of speakers and outlets ("the UAE-based al-Ain TV", "told Baghdad Today", "Iranian
   head of ..."), and anything recognised inside a quoted outlet name; names that stand for a
   facility, a trip or a meeting abroad (offstage.py); an armed group's name ("al-Shabaab"), and
   a river's or a valley's read as a town ("the Mantaro river") (notplaces.py).
2. Each remaining mention gets a precision: a town is 1; a town qualified by a relative phrase
   ("south of X", "20 km north of X", "near X", "the outskirts of X", "southern X", "the X road")
   is 2 (with the point moved by the stated distance and bearing when there is one); a region
   or a country is 3, and so is an island read as its main town ("the island of Basilan").
3. The most specific place wins: towns before regions before countries; among towns, one that
   is not merely the anchor of a relative phrase ("south of the capital, Baghdad") before one
   that is; then the smaller (more local) place; then the first named ("the hamlet of X,
   district of Y, province of Z": a chain names its smallest unit first).
4. A barangay ("Brgy. Colonia") is a village of the city named with it or labelling the post: a
   homonym far from that city gives way to it (barangay.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sitroom.geo.barangay import barangay_reading, unlisted_barangays
from sitroom.geo.demonyms import DEMONYMS
from sitroom.geo.distance import haversine_km
from sitroom.geo.doubtful import full_name, is_doubtful
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.home import contradicted, home_country
from sitroom.geo.names import normalize
from sitroom.geo.notplaces import names_group, names_river_or_valley
from sitroom.geo.offstage import names_facility, trip_called_off, trip_to, venue_before
from sitroom.geo.quarters import held_places
from sitroom.geo.recognize import is_common_word, recognize, region_after_holds
from sitroom.geo.resolve import Span, resolve_spans
from sitroom.model import GEO_EXACT, GEO_NEAR, GEO_REGION, Place, Toponym

ABROAD_MIN_POPULATION = 100_000
_REGION_FEATURES = {"PCLI", "CONT", "ADM1", "ADM2"}
# Valleys, mountains and the like: a place of its own, but never a point; always "near" (2).
_AREA_FEATURES = {"MT", "MTS", "HLL", "HLLS", "WAD", "VAL", "RDGE", "PLN", "DSRT"}
_BEARINGS = {"north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135, "south-east": 135,
             "south": 180, "southwest": 225, "south-west": 225, "west": 270, "northwest": 315, "north-west": 315}
_DIRS = "|".join(sorted((re.escape(k) for k in _BEARINGS), key=len, reverse=True))
_UNIT_KM = {"km": 1.0, "kms": 1.0, "kilometers": 1.0, "kilometres": 1.0, "kilometer": 1.0, "kilometre": 1.0,
            "miles": 1.609, "mile": 1.609, "mi": 1.609}
_UNITS = "|".join(sorted(_UNIT_KM, key=len, reverse=True))
# "... 20 km north of [the city of] X" / "south of X" / "southwest of the capital, X"
_RELATIVE = re.compile(rf"(?:(\d+(?:\.\d+)?)\s*-?\s*({_UNITS})\.?\s+(?:\(\s*[\d.]+\s*\w+\s*\)\s+)?)?"
                       rf"({_DIRS})(?:ern)?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:of\s+)?(?:the\s+)?,?\s*$", re.I)
_NEAR = re.compile(r"\b(?:near|nearby|close\s+to|outside(?:\s+of)?|around|on\s+the\s+(?:outskirts|edge|road\s+to)|"
                   r"(?:outskirts|countryside|suburbs?|vicinity|environs|periphery|edges?|rural\s+areas?|"
                   r"area|areas|districts?|neighbou?rhoods?|villages?)\s+(?:of|around|near)|"
                   rf"(?:{_DIRS})(?:ern)?|(?:{_DIRS})\s*-?\s*central|central|downtown|rural|"
                   # "Mount Sinjar", "Lake Mosul": the mountain or lake by the town of that name
                   r"mount|mt\.?|lake)\s+(?:the\s+)?$", re.I)
# "(Khanabad bandar)", "Kabul chowk": a quarter named for the town its road leads to, so only a
# reference point when the sentence also names the town it lies in ("... in Kunduz city")
_QUARTER_NEXT = re.compile(r"[\s-]+(?:bandar|chowk|darwaza)\b", re.I)
_ROAD_NEXT = re.compile(r"[\s-]+(?:road|highway|motorway|expressway|checkpoint|bridge|crossing|junction|"
                        r"neighbou?rhood|district|suburb|outskirts|countryside|area|airport|base|dam|lake|reservoir)\b", re.I)
_ISLAND_BEFORE = re.compile(r"\bislands?\s+of\s+(?:the\s+)?$", re.I)
_ISLAND_AFTER = re.compile(r"\s+(?i:islands?)\b")
# the seat of a speaker or an outlet, not the event's place
_SEAT_BEFORE = re.compile(r"(?:\btold\s+(?:the\s+)?|\b(?:head|chief|minister|ambassador|envoy|spokesman|"
                          r"spokesperson|official|president|leader)\s+of\s+(?:the\s+)?"
                          # "told reporters in Damascus", "a news conference in Kabul": where it was told
                          r"|\b(?:told|briefed|addressed)\s+(?:reporters|journalists|the press|the media|a news conference|"
                          r"a press conference|diplomats|parliament)\s+in\s+|\b(?:news|press)\s+(?:conference|briefing)\s+in\s+)$",
                          re.I)
_SEAT_AFTER = re.compile(r"^(?:-based|\s+based|'s\s+(?:foreign|interior|defen[cs]e)|"
                         # an outlet's name is capitalised: "Iraq Today", never "Bannang Sata today"
                         r"(?-i:\s+(?:TV|Today|News|Times|Post|Radio|Channel|Agency|Press))\b|\s+(?:has\s+|had\s+)?(?:said|says|announced|denied|"
                         r"accused|claimed|warned|stated|insisted|blamed|condemned|responded|retaliated)\b)", re.I)


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: the place, ACLED's geo_precision, and the evidence span."""

    place: Place
    geo_precision: int
    start: int
    end: int
    text: str
    named_as: str = ""  # the place's own name as the report spells it ("Azaz" for I‘zāz)


def offset_point(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) on a bearing (spherical earth; fine at these distances)."""
    r = km / 6371.0
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 4), round(math.degrees(l2), 4)


@dataclass(frozen=True, slots=True)
class _Option:
    location: Location
    is_anchor: bool  # only the reference point of a relative phrase


def _is_seat(text: str, t: Toponym) -> bool:
    before = text[max(0, t.start - 40):t.start]
    return bool(_SEAT_BEFORE.search(before) or _SEAT_AFTER.match(text[t.end:t.end + 20]))


def _option(text: str, t: Toponym, lo: int) -> _Option:
    """Precision and point for one resolved mention, reading the words around it."""
    place = t.place
    assert place is not None
    before = text[max(lo, t.start - 80):t.start]
    start = t.start
    if (place.feature_code or "") in _REGION_FEATURES:
        return _Option(Location(place, GEO_REGION, t.start, t.end, t.text, t.text), False)
    if (place.feature_code or "") in _AREA_FEATURES:
        return _Option(Location(place, GEO_NEAR, t.start, t.end, t.text, t.text), False)
    if (place.feature_code or "").startswith("PPL") and (_ISLAND_BEFORE.search(before) or _ISLAND_AFTER.match(text, t.end)):
        # "the island of Basilan", "the Sulu islands": an island's many towns, read at its main one
        return _Option(Location(place, GEO_REGION, t.start, t.end, t.text, t.text), False)
    rel = _RELATIVE.search(before)
    if rel:
        start = t.start - len(before) + rel.start()
        if rel.group(1):
            km = float(rel.group(1)) * _UNIT_KM[rel.group(2).lower()]
            lat, lon = offset_point(place.latitude, place.longitude, km, _BEARINGS[rel.group(3).lower()])
            place = Place(place.name, lat, lon, place.country_code, place.country, place.admin1, place.admin2,
                          place.geonameid, place.feature_code, place.population)
        return _Option(Location(place, GEO_NEAR, start, t.end, text[start:t.end], t.text), True)
    near = _NEAR.search(before)
    if near:
        start = t.start - len(before) + near.start()
        return _Option(Location(place, GEO_NEAR, start, t.end, text[start:t.end], t.text), True)
    if _QUARTER_NEXT.match(text, t.end):
        return _Option(Location(place, GEO_NEAR, t.start, t.end, t.text, t.text), True)
    if _ROAD_NEXT.match(text, t.end):
        return _Option(Location(place, GEO_NEAR, t.start, t.end, t.text, t.text), False)
    return _Option(Location(place, GEO_EXACT, t.start, t.end, t.text, t.text), False)


def _rank(o: _Option, home: str | None) -> tuple:
    """Places in the report's own country first; then towns before regions before countries;
    then a town named for itself before the anchor of a relative phrase; then the smaller place;
    then the one named first."""
    loc = o.location
    # named as the scene, coded at its anchor (a "PPL" made up above; a region of the gazetteer without
    # a GeoNames id, such as "Darfur" or "Nineveh Governorate", is no such place)
    unlisted = loc.place.geonameid is None and loc.place.feature_code == "PPL" and not o.is_anchor
    kind = {"PCLI": 3, "CONT": 4}.get(loc.place.feature_code or "",
                                       2 if loc.geo_precision == GEO_REGION and not unlisted else 0)
    abroad = home is not None and loc.place.country_code != home
    # last, the first named: a chain names its smallest unit first ("the hamlet X, district of Y")
    return (abroad, kind, o.is_anchor, loc.place.population, loc.start)


# (a Romance name's joiners inside it: "San Miguel del Ene", "Vizcatan del Ene")
_NAME = (r"(?:(?:al|el|ad|ar|as|at|an|az)-)?[A-Z][\w'’-]+(?:[ -](?:(?:de|del|da|do|dos|das|du|des|di|della) (?:(?:la|los|las|le|les) )?)?"
         r"(?:(?:al|el|ad|ar|as|at|an|az)-)?[A-Z][\w'’-]+){0,3}")
# Words that mark a capitalised name as a place even when the gazetteer does not know it.
_UNLISTED = (
    # "the place known as X", "a hamlet called X": a settlement, more precise than its district named after it
    re.compile(rf"\b(?:place|locality|village|town|hamlet|settlement|community|area) (?:known as|called|named) "
               rf"(?:the )?(?P<name>{_NAME})"),
    re.compile(rf"\b(?:village|town|hamlet|neighbou?rhood|district|suburb|area|camp|region) of (?:the )?(?P<name>{_NAME})"),
    re.compile(rf"\b(?P<name>{_NAME}) (?i:village|neighbou?rhood|district|suburb|camp|area)\b"),
    # a lake, mountain or dam: the kind word is part of the name ("Lake Tharthar", "Badush Dam")
    re.compile(rf"\b(?P<name>(?:Lake|Mount|Mt\.) {_NAME})"),
    re.compile(rf"\b(?P<name>{_NAME} (?:Dam|Lake|Reservoir|Mountains?))\b"),
    re.compile(rf"\b(?:in|near|at) (?P<name>{_NAME}),? (?:in |near )?(?:the )?(?:north|south|east|west|central|northern|southern|"
               rf"eastern|western)(?:east|west)?(?:ern)? (?:of )?(?:the )?[A-Z]"),
    re.compile(rf"\b(?:in|near|at) (?P<name>{_NAME}),? (?:in|of) (?:the )?[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)? "
               rf"(?:province|governorate|district|region)\b"),
    # "in Ogossagou, a village in the Mopti region": the apposition says what and where it is
    re.compile(rf"\b(?:in|near|at) (?P<name>{_NAME}), an? (?:small |remote |Fulani |Kurdish |Christian |farming )?"
               rf"(?:village|town|hamlet|settlement|district|suburb|neighbou?rhood|camp) (?:in|of|near|outside|north|south|"
               rf"east|west)\b"),
)


def _country_anchor(home: str | None, gazetteer: Gazetteer) -> list[_Option]:
    """The report's country, to anchor "the village of X" when the sentence names no known place."""
    country = gazetteer.country(home) if home else None
    return [_Option(Location(country.place, GEO_REGION, 0, 0, ""), False)] if country else []


def _unlisted_places(text: str, start: int, end: int, options: list[_Option], gazetteer: Gazetteer,
                     known: Sequence[_Option] = ()) -> list[_Option]:
    """Villages and neighbourhoods the gazetteer lacks, coded as ACLED does: their own name at the
    point of the nearest place the sentence does resolve (``options``), with geo_precision 2 (3 when
    that place is only a province or country).  ``known`` are other readings of the sentence (abroad
    ones too): a name among them is not unlisted."""
    anchors = [o for o in options if o.location.geo_precision != GEO_REGION] or options
    if not anchors:
        return []
    found = []
    for pattern in _UNLISTED:
        for m in pattern.finditer(text, start, end):
            name_start, name_end = m.span("name")
            name = m.group("name")
            owner = _POSSESSIVE.match(name)
            if owner:
                # "Indian Kashmir's Rajouri district": the owner is where the place lies, not its name
                name_start, name = name_start + owner.end(), name[owner.end():]
            if is_common_word(name):
                continue  # "a mixed Sunni-Shiite area", "the Iraqi province": no place name
            if any(o.location.start < name_end and name_start < o.location.end for o in (*options, *known)):
                continue  # the gazetteer knows it after all
            named_in_phrase = [o for o in options if m.start() <= o.location.start and o.location.end <= m.end()
                               and not (name_start <= o.location.start < name_end)]
            chosen = (named_in_phrase or [min(anchors, key=lambda o: abs(o.location.start - name_start))])[0]
            anchor = _region_of_same_name(chosen, gazetteer)
            demonym = _DEMONYM_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if demonym and DEMONYMS.get(demonym.group(1).lower(), anchor.country_code) != anchor.country_code:
                continue  # "the Syrian town of Kobani" in a story from Turkey: no village of the anchor's country
            if any(c.place.country_code == anchor.country_code for c in gazetteer.candidates(name, fuzzy=False)):
                continue  # a known place of that country: resolution had its chance
            place = Place(name, anchor.latitude, anchor.longitude, anchor.country_code, anchor.country,
                          anchor.admin1, anchor.admin2, None, "PPL", 0)
            # (a name held by a region the text names, coded at that region, anchors at its precision)
            precision = GEO_REGION if (anchor.feature_code or "") in _REGION_FEATURES or (
                anchor.geonameid is None and chosen.location.geo_precision == GEO_REGION) else GEO_NEAR
            found.append(_Option(Location(place, precision, name_start, name_end, name, name), False))
    return found


def _region_of_same_name(anchor: _Option, gazetteer: Gazetteer) -> Place:
    """A village "in Sagaing" or "in Idlib" lies somewhere in the province of that name, not at the
    provincial capital that shares it: a plain mention of a seat whose province bears the same
    name anchors an unlisted place at the province (geo_precision 3).  "near Idlib" keeps the town."""
    loc = anchor.location
    place = loc.place
    if anchor.is_anchor or loc.geo_precision != GEO_EXACT or not (place.feature_code or "").startswith("PPLA"):
        return place
    for c in gazetteer.candidates(loc.named_as or loc.text, fuzzy=False):
        if c.place.feature_code == "ADM1" and c.place.country_code == place.country_code and c.place.admin1 == place.admin1:
            return c.place
    return place


# "the Syrian town of X", "a Turkish border village": the country the place phrase itself names
_DEMONYM_BEFORE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:(?:border|frontier|northern|southern|eastern|"
                             r"western|central|coastal|mountain|desert)\s+)?$")


# "Indian Kashmir's ", "Nigeria's ": a possessive owner before the name proper
_POSSESSIVE = re.compile(r".*['’]s\s+(?=[A-Z])")


# "in X", "the village of X": said to be a place, not an organisation ("militants from Tribal Hashid")
_PLACE_CUE = re.compile(r"\b(?:in|near|at|outside|around|(?:town|city|village|area|district|suburb|"
                        r"neighbou?rhood) of)\s+(?:the\s+)?$", re.I)


_ORIGIN_BEFORE = re.compile(r"\b(?i:passengers|travell?ers|workers|labou?rers|pilgrims|migrants|people|students|tourists|"
                            r"visitors|natives|families|men|women|truckers|drivers|settlers|nationals|citizens)\s+(?:\w+\s+)?(?:from|of)\s+"
                            # "visitors from China, Hong Kong, Malaysia, Singapore and Indonesia": the whole list
                            r"(?:the\s+)?(?:(?:[a-z]+\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,?\s+(?:and\s+)?){0,6}"
                            r"(?:[a-z]+\s+)?$")
# "pilgrims returning from ceremonies in Karbala", "gendarmes arrived from Abidjan": where people came
# from is not the scene; "a convoy heading to Mosul": where they were going is, only when the sentence
# names no other place
_TRAVEL_FROM_BEFORE = re.compile(
    r"\b(?:returning|returned|coming|came|travell?(?:ing|ed)|set(?:ting)? out|depart(?:ed|ing)|left|leaving|"
    r"arriv(?:ed|ing)|sent|deployed|dispatched|flown in|on (?:their|his|her|its) way(?: home| back)?|"
    r"(?:were |was )?(?:fired|launched))\s+"
    r"(?:home\s+|back\s+)?from\s+(?:the\s+)?(?:[a-z'’-]+\s+){0,3}?(?:(?:in|at|of)\s+(?:the\s+)?)?$")
_TRAVEL_TO_BEFORE = re.compile(
    r"\b(?:travell?(?:ing|ed)|heading|headed|bound|en route|on (?:their|his|her|its) way|making (?:their|his|her|its) way)"
    # "travelling from Gwadar to Karachi": the destination after the origin
    r"\s+(?:home\s+|back\s+)?(?:from\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+)?(?:to|for|towards?)\s+(?:the\s+)?(?:[a-z'’-]+\s+){0,3}?(?:(?:in|at|of)\s+(?:the\s+)?)?$")
_SETTLEMENT_NAME = re.compile(rf"\b(?:town|village|hamlet|settlement) of (?:the )?(?P<name>{_NAME}),? (?:in|of) (?:the )?[A-Z]")
# "the town of X", "the district of X": the words before a name that say it is a settlement
SETTLEMENT_BEFORE = re.compile(r"\b(?:town|village|hamlet|city|settlement|district|neighbou?rhood|suburb) of\s+(?:the\s+)?$",
                               re.I)


_FACILITY_AFTER = re.compile(r"\s+(?:shrine|temple|pagoda|mosque|church|cathedral|monastery|market|mall|hotel|junction|"
                             r"intersection|square|pier|bridge|stadium)\b", re.I)
_FACILITY_FAR_KM = 300.0


def _facility_named_from_afar(text: str, t: Toponym, named: Sequence[Toponym]) -> bool:
    """"the Erawan shrine" in a story about Bangkok: a small town of that name 400 km off is no reading
    of a site named for a deity, a saint or a person, when every other place the story names lies far
    from it (it is then coded as an unlisted site at the place the sentence is near)."""
    place = t.place
    if place is None or place.population >= 100_000 or not _FACILITY_AFTER.match(text, t.end):
        return False
    others = [o.place for o in named if o.place is not None and o.place.country_code == place.country_code
              and o.text != t.text and (o.place.feature_code or "") not in ("PCLI", "CONT")]
    return bool(others) and all(haversine_km(place.latitude, place.longitude, o.latitude, o.longitude) > _FACILITY_FAR_KM
                                for o in others)


def _loose_reading_of_a_settlement(text: str, t: Toponym, gazetteer: Gazetteer, home: str | None) -> bool:
    """"the town of Shomali" read loosely as Somalia, "the town of El Adde" in a Somali story as Aden: a
    town is no country or province, nor a city abroad, so a spelling the gazetteer holds only
    approximately is an unlisted place of the story's country, not that region or that city."""
    if t.place is None:
        return False
    code = t.place.feature_code or ""
    key = normalize(t.text)
    if gazetteer.exact(key):
        return False
    if code.startswith(("PCL", "ADM")):
        return bool(SETTLEMENT_BEFORE.search(text, max(0, t.start - 25), t.start)) or key in _settlements_named(text)
    # a city abroad only where the story itself puts the town in a region ("the town of El Adde in Gedo region")
    return home is not None and t.place.country_code != home and key in _settlements_named(text)


@lru_cache(maxsize=8)
def _settlements_named(text: str) -> frozenset[str]:
    """Names the text calls a town or village somewhere ("the town of El Adde"): the same name read
    loosely elsewhere in it ("elders in El Adde") is that settlement too, one place per story."""
    return frozenset(normalize(m.group("name")) for m in _SETTLEMENT_NAME.finditer(text))


# "the wounded were taken to Erbil", "died in hospitals in Kirkuk, Tikrit and Baiji": where victims were
# treated or moved to, after the act, not its scene (a list of such places counts as one)
# A blogger reposting a story says where they are ("Here in Cuenca things are calm"); a name with an
# age after it is a person ("Villavicencio, 59, had just climbed into a pickup")
_WRITER_HERE_BEFORE = re.compile(r"\b(?:here|we|I)\s+(?:in|at)\s+$", re.I)
_PERSON_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,2},\s")
# A vessel named after a town ("the passenger boat \"Tombouctou\"", "le bateau Tombouctou"), or any name set in quotes
_VESSEL_BEFORE = re.compile(r"\b(?:boat|ship|vessel|ferry|steamer|barge|bateau|navire|barco|buque)\s+(?:called\s+|named\s+|the\s+)?"
                            r"[\"“]?$", re.I)


def _named_thing(text: str, start: int, end: int) -> bool:
    """The name is a thing's, not a place's: set in quotes, or a vessel's."""
    quoted = start > 0 and text[start - 1] in "\"“" and text[end:end + 1] in ("\"", "”")
    return quoted or bool(_VESSEL_BEFORE.search(text, max(0, start - 30), start))


_AFTERMATH_BEFORE = re.compile(
    r"\b(?:(?:died|treated|admitted|recovering|hospitali[sz]ed|taken|rushed|evacuated|airlifted|transferred|flown|brought|"
    r"moved)\s+(?:later\s+|there\s+)?(?:by (?:helicopter|air|road|ambulance|boat|plane)\s+)?(?:across the (?:border|river|frontier)\s+)?(?:in|to|at)\s+(?:(?:a|the|two|three|several)\s+)?(?:[A-Za-z'’-]+\s+){0,3}?"
    r"(?:hospitals?|clinics?|morgues?|mortuar(?:y|ies)|medical (?:centres?|centers?|facilit(?:y|ies)))\s+(?:in|at)|"
    r"(?:taken|rushed|evacuated|airlifted|transferred|flown|sent|moved)\s+(?:later\s+)?"
    # "flown by helicopter to", "evacuated by road to"
    r"(?:by (?:helicopter|air|road|ambulance|boat|plane)\s+)?(?:across the (?:border|river|frontier)\s+)?to|"
    # "over 16,000 people have fled, mostly to Dori": where the survivors went
    r"(?:fled|flee(?:ing)?|escaped|displaced)\s*,?\s+(?:(?:mostly|mainly|largely|many|some|most of them)\s*,?\s+)?(?:to|towards?|into)|"
    # "boats carrying hundreds of survivors reached the provincial capital, Pemba"
    r"\b(?:survivors|the displaced|displaced people|evacuees|refugees)\b[^.;]{0,40}?\b(?:reached|arrived (?:in|at))\s+"
    r"(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:capital|city|town|port)?,?|"
    # French and Spanish: "blessés évacués vers Kaya", "trasladados a Cali", "ont fui vers Dori"
    r"(?i:(?:évacué|transporté|transféré|conduit|réfugié|evacuad|trasladad|llevad|refugiad)[eoa]?s?|fui|huyeron|huido)"
    r"\s+(?:(?:à|a|al|en)\s+l['’]hôpital\s+de|vers|à|a|hacia|hasta|al))"
    r"\s+(?:the\s+)?(?:(?:city|town) of\s+)?"
    # ("taken to al-Houta and Aden": an Arabic article before the name)
    r"(?:(?:al|el|ad|as|an|ar|at|az)-)?(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,?\s+(?:and\s+)?){0,4}$")
# "in eastern Syria", "of Syria" place what precedes in that country; "bordering Syria" does not
_IN_COUNTRY = re.compile(r"(?:(?<!from )\b(?:in|inside|of|across)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?|"
                         r"\(\s*)$", re.I)  # "... (Syria)" too


def _doubtful_as_unlisted(text: str, spans: list[tuple[int, int]], unlisted: list[_Option],
                          anchors: list[_Option], elsewhere: list[Toponym]) -> list[_Option]:
    """Names whose only reading was a doubtful loose spelling (see doubtful.py) and that the text
    calls a place, coded as unlisted places at the nearest anchor of the sentence, or, when the
    sentence has only a country, at the nearest place ``elsewhere`` in the report ("in Amil" in a
    story about Baghdad); unless an unlisted-place pattern already took them."""
    out = []
    for s, e in spans:
        if not _PLACE_CUE.search(text[max(0, s - 30):s]):
            continue
        if not anchors or any(u.location.start < e and s < u.location.end for u in unlisted):
            continue
        local = [o.location for o in anchors if o.location.place.feature_code != "PCLI"] or \
            [Location(t.place, GEO_EXACT, t.start, t.end, t.text) for t in elsewhere if t.place] or \
            [o.location for o in anchors]
        anchor = min(local, key=lambda loc: abs(loc.start - s)).place
        name = text[s:e]
        place = Place(name, anchor.latitude, anchor.longitude, anchor.country_code, anchor.country,
                      anchor.admin1, anchor.admin2, None, "PPL", 0)
        precision = GEO_REGION if (anchor.feature_code or "") in _REGION_FEATURES else GEO_NEAR
        out.append(_Option(Location(place, precision, s, e, name, name), False))
    return out


@lru_cache(maxsize=8)
def _scene(text: str, country_hint: str | None, gazetteer: Gazetteer) -> tuple[str | None, dict[str, Place]]:
    """The report's country (its hint, else voted: see home.py) and the names whose reading the
    text contradicts (home.contradicted), once per document."""
    readings = [t for m, t in _document_toponyms(text, country_hint, gazetteer) if t.place is not None and not m.is_metonym]
    wrong = {k: region for k, region in contradicted(text, readings).items() if not _joins_units(region)}
    if country_hint:
        return country_hint.upper(), wrong
    places = [t for t in readings if not _is_seat(text, t)]
    return home_country(text, places, gazetteer, skip=frozenset(wrong)), wrong


def _joins_units(region: Place) -> bool:
    """A region made of several units of its level ("Darfur" of five states, "Waziristan" of two
    districts: geo/townless.py) has no admin code of its own, so it cannot tell that a town named
    with it ("Nyala, Darfur") lies outside it."""
    code = region.feature_code or ""
    return (code == "ADM1" and not region.admin1) or (code == "ADM2" and not region.admin2)


def _held_option(t: Toponym, holder: Place) -> _Option:
    """A name read outside the region the text puts it in: a place the gazetteer lacks, coded at
    that region (geo_precision 3), as ACLED codes an unknown village at its district."""
    place = Place(t.text, holder.latitude, holder.longitude, holder.country_code, holder.country,
                  holder.admin1, holder.admin2 if holder.feature_code == "ADM2" else None, None, "PPL", 0)
    return _Option(Location(place, GEO_REGION, t.start, t.end, t.text, t.text), False)


def _quarter_option(t: Toponym, place: Place, listed: bool) -> _Option:
    """A name the text puts inside a town or region (quarters.py): its reading there, or the holder."""
    if listed:
        return _Option(Location(place, GEO_EXACT, t.start, t.end, t.text, t.text), False)
    region = (place.feature_code or "") in _REGION_FEATURES
    coded = Place(t.text, place.latitude, place.longitude, place.country_code, place.country, place.admin1,
                  place.admin2, None, "PPL", 0)
    return _Option(Location(coded, GEO_REGION if region else GEO_NEAR, t.start, t.end, t.text, t.text), False)


@lru_cache(maxsize=8)
def _held(text: str, country_hint: str | None, gazetteer: Gazetteer) -> dict:
    readings = [t for m, t in _document_toponyms(text, country_hint, gazetteer) if t.place is not None and not m.is_metonym]
    return held_places(text, readings, gazetteer)


@lru_cache(maxsize=8)
def _document_toponyms(text: str, country_hint: str | None, gazetteer: Gazetteer) -> tuple:
    """Recognise and resolve once per document: every sentence of it asks for its place."""
    # an armed group's name ("al-Shabaab") is no place, whatever village bears it (notplaces.py)
    mentions = [m for m in recognize(text, gazetteer, skip_person_names=True) if not names_group(text, m.start, m.end)]
    toponyms = resolve_spans(text, [Span(m.start, m.end) for m in mentions], gazetteer, country_hint,
                             guess_unknown=False)
    # a river's or a valley's name ("the Mantaro river") read as a town is no place of the report
    return tuple((m, t) for m, t in zip(mentions, toponyms, strict=True)
                 if not (t.place is not None and (t.place.feature_code or "").startswith("PPL")
                         and names_river_or_valley(text, t.end)))


def locate(text: str, start: int, end: int, country_hint: str | None, gazetteer: Gazetteer,
           exclude: Sequence[tuple[int, int]] = ()) -> Location | None:
    """The event place in ``text[start:end]`` (the whole text gives context), or None.

    ``exclude`` lists spans that are known not to be places, such as actor names
    ("Saraya Awliya al-Dam", "NATO"), whose words may collide with villages."""
    options, doubtful, travel, barangays = [], [], [], []
    resolved = _document_toponyms(text, country_hint, gazetteer)
    home, wrong = _scene(text, country_hint, gazetteer)
    held = _held(text, country_hint, gazetteer)
    named = [t for m, t in resolved if t.place is not None and not m.is_metonym and normalize(t.text) not in wrong]
    # places of the report's country outside regions-wide names: anchors for doubtful names
    local = [t for t in named if t.place.country_code == home and t.place.feature_code not in ("PCLI", "CONT")
             and not is_doubtful(t, named, home, gazetteer)]
    # "near Abu Kamal in eastern Syria": a reading in a country the sentence itself names is no stray
    said_here = {t.place.country_code for m, t in resolved
                 if t.place is not None and t.place.feature_code == "PCLI" and start <= t.start and t.end <= end
                 and _IN_COUNTRY.search(text, max(0, t.start - 40), t.start)}
    for m, t in resolved:
        if t.place is None or m.is_metonym or not (start <= t.start and t.end <= end) or _is_seat(text, t):
            continue
        if any(t.start < e and s < t.end for s, e in exclude):
            continue
        if _ORIGIN_BEFORE.search(text, max(0, t.start - 120), t.start):
            continue  # "gunmen shot passengers from Punjab": where the victims came from
        if _AFTERMATH_BEFORE.search(text, max(0, t.start - 100), t.start):
            continue
        if _WRITER_HERE_BEFORE.search(text, max(0, t.start - 20), t.start) or _PERSON_AGE_AFTER.match(text, t.end):
            continue  # "Here in Cuenca things are calm": where the writer is; "Villavicencio, 59,": a person
        if _named_thing(text, t.start, t.end):
            continue  # 'the boat, the "Tombouctou"', "le bateau Tombouctou": a vessel's name
        if _loose_reading_of_a_settlement(text, t, gazetteer, home):
            continue  # left to the unlisted-place patterns below
        if _TRAVEL_FROM_BEFORE.search(text, max(0, t.start - 60), t.start) or trip_called_off(text, t.start):
            continue
        abroad = home is not None and t.place.country_code != home and t.place.country_code not in said_here
        if abroad and (venue_before(text, t.start) or names_facility(text, t.start, t.end)):
            # "peace talks in Doha", "the UN General Assembly in New York": a venue abroad; "outside
            # Madina and Erdogan hospitals" in a story from Mogadishu: hospitals named for a person or a
            # holy city, not that city abroad
            continue
        if _TRAVEL_TO_BEFORE.search(text, max(0, t.start - 60), t.start) or trip_to(text, t.start):
            travel.append(_option(text, t, start))
            continue
        if normalize(t.text) in wrong:
            options.append(_held_option(t, wrong[normalize(t.text)]))
            continue
        if normalize(t.text) in held:
            options.append(_quarter_option(t, *held[normalize(t.text)]))
            continue
        barangay = barangay_reading(text, t, named, gazetteer)
        if barangay is not None:
            place, listed = barangay  # "Brgy. Colonia" of Lamitan City, not a Colonia 400 km off
            barangays.append(_Option(Location(place, GEO_EXACT if listed else GEO_NEAR, t.start, t.end, t.text, t.text), False))
            continue
        if (t.place.country_code not in said_here and is_doubtful(t, named, home, gazetteer)
                and not region_after_holds(text, t.end, [t.place], gazetteer)) \
                or _facility_named_from_afar(text, t, named):
            doubtful.append(full_name(text, t.start, t.end))  # coded below as an unlisted place
            continue
        options.append(_option(text, t, start))
    # A village abroad in a report about another country is far likelier a misread name than the
    # scene ("Ayash in Deir ez-Zor" is not Ayaş in Mersin): only notable places abroad stay --
    # unless the sentence itself names the other country ("near Abu Kamal in eastern Syria").
    named_here = {home} | {o.location.place.country_code for o in options if o.location.place.feature_code == "PCLI"}
    options = [o for o in options if home is None or o.location.place.country_code in named_here
               or o.location.place.population >= ABROAD_MIN_POPULATION
               or (o.location.place.feature_code or "") in ("PCLI", "PPLC", "ADM1")]
    # a barangay is placed by the city the text names with it, wherever the report seems to be
    options += barangays
    # An unlisted place is anchored in the report's own country: "Rabia district bordering Syria"
    # is in Iraq, not at Syria's centre.
    # ... unless the sentence places itself in another country ("Al-Hasakah (Syria): ... in the
    # Ghweiran neighbourhood" in an Iraq summary): then it is anchored there.
    # (only where it names a place there too: "missiles launched from inside Iran at Erbil" is in Erbil)
    abroad_here = {c for c in said_here - {home}
                   if any(o.location.place.country_code == c and o.location.place.feature_code != "PCLI" for o in options)}
    anchors = ([o for o in options if o.location.place.country_code in abroad_here]
               or [o for o in options if home is None or o.location.place.country_code == home]
               or _country_anchor(home, gazetteer) or options)
    # a name read only as a place abroad ("Medina district" in Mogadishu) may still be an unlisted local one
    local_readings = [o for o in options if home is None or o.location.place.country_code in said_here | {home}]
    unlisted = _unlisted_places(text, start, end, anchors, gazetteer, known=local_readings)
    options += unlisted + _doubtful_as_unlisted(text, doubtful, unlisted, anchors, local)
    options += [_Option(Location(place, GEO_NEAR, s, e, place.name, place.name), False)
                for s, e, place in unlisted_barangays(text, start, end, [t for _, t in resolved if t.place is not None])
                if not any(o.location.start < e and s < o.location.end for o in options)]
    options = options or travel
    if not options:
        return None
    # a sentence that places itself in one other country is "at home" there
    sentence_home = next(iter(abroad_here)) if len(abroad_here) == 1 else home
    return min(options, key=lambda o: _rank(o, sentence_home)).location
