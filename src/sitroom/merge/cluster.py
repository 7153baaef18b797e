"""Merge v1: decide whether two reports describe one incident, and what the incident's values are.

Pure functions over "Event-like" objects: anything with the attributes of `sitroom.model.Event`
(an Event, a stored mention row, a stored event row).  No database here: the store turns
`search_window()` into an indexed candidate query (date +-1 day x bounding box), so the merge
never scans all events, and calls `match_score()` / `canonical()` on what comes back.

Rules (ACLED's unit is one day, one place, one actor pair, one type):

* dates: the same `event_date`; within one day when either report has `time_precision` > 1,
  or when either date was resolved from a relative phrase ("on Wednesday", "last night") and
  the sub-type and place agree (weekday arithmetic against a publication date is often a day off);
* type: the same `event_type`; sub-types may differ when one is unknown, or when they are an
  often-confused pair (suicide bomb / IED, air strike / shelling) on the same day in one place;
* place: within `MERGE_KM` when both have coordinates, otherwise (or when one point is only a
  region centroid, geo_precision 3) the same location name after `geo.names.skeleton` (which
  folds romanisation variants); countries must not contradict.  A report with no place at all
  may join an event of the same day and sub-type only (the caller also requires that exactly
  one event qualifies, see `merge.decide`);
* actors: `actor1` must not contradict (an "Unidentified ..." actor contradicts nobody; a
  swapped pair in a battle is not a contradiction; "Islamic State (ISIL)" and "Islamic State
  (Iraq)" are one actor: the parenthesised scope is ignored);
* historical mentions never merge with current ones (they merge only among themselves).

Canonical values follow ACLED's conservative rule for fatalities (the lowest figure any report
gives, keeping the low-high range), take the union of sources, the first claim, and the most
precise location.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from sitroom.geo.distance import EARTH_RADIUS_KM, haversine_km  # noqa: F401 - re-exported for merge users
from sitroom.geo.names import normalize, skeleton

MERGE_KM = 25.0
"""Two reports further apart than this (with coordinates) are different incidents."""
CELL_DEGREES = 0.25
"""Size of the coarse lat/lon cell in the blocking key (about 28 km of latitude)."""
KM_PER_DEGREE_LAT = 2 * math.pi * EARTH_RADIUS_KM / 360 / 1.001  # on the haversine sphere, 0.1% margin

PLACELESS_SCORE = 0.3
"""Place score for a report that names no place: enough to join a unique same-day match, never to win."""
SOFT_DAY_SCORE = 0.4
"""Date score for a one-day gap where one date came from a relative phrase."""
CONFUSED_SUB_TYPES: tuple[frozenset[str], ...] = (
    frozenset({"suicide bomb", "remote explosive/landmine/ied", "grenade"}),
    frozenset({"air/drone strike", "shelling/artillery/missile attack"}),
)
"""Sub-types reports of one incident often disagree on (a "blast" later called a suicide bombing)."""
_ABSOLUTE_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\d{4}-\d{1,2}-\d{1,2}|\b\d{1,2}/\d{1,2}\b", re.IGNORECASE)

_GENERIC_PLACE_WORDS = re.compile(
    r"\b(?:international|air ?base|base|airport|market|square|camp|city|district|province|governorate)\b")

_POINT_FIELDS = ("location", "latitude", "longitude", "geo_precision", "geonameid")
_AREA_FIELDS = ("country", "country_code", "admin1", "admin2")
_FIRST_FIELDS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "inter1", "inter2")


class EventLike(Protocol):
    """The attributes the merge reads (an Event, a mention row or an event row all have them)."""

    event_date: date | None
    time_precision: int | None
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    country_code: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    historical: bool


@dataclass(frozen=True, slots=True)
class BBox:
    """A latitude/longitude box; `lon_min > lon_max` never happens (boxes split at the antimeridian)."""

    lat_min: float
    lat_max: float
    lon_min: float
    lon_max: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.lat_min <= lat <= self.lat_max and self.lon_min <= lon <= self.lon_max


@dataclass(frozen=True, slots=True)
class SearchWindow:
    """Where merge candidates for one report can be: a date range and (if it has coordinates) boxes."""

    date_min: date
    date_max: date
    boxes: tuple[BBox, ...]
    location_key: str | None
    historical: bool


# --- geometry -------------------------------------------------------------------------------------


def bboxes(lat: float, lon: float, km: float) -> tuple[BBox, ...]:
    """Boxes that contain every point within `km` of (lat, lon): a prefilter for an exact distance.

    Near a pole the box spans all longitudes; across the antimeridian it is split in two.
    """
    dlat = km / KM_PER_DEGREE_LAT
    lat_min, lat_max = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    cos_lat = math.cos(math.radians(max(abs(lat_min), abs(lat_max))))
    if lat_min <= -90.0 or lat_max >= 90.0 or cos_lat < 1e-6:
        return (BBox(lat_min, lat_max, -180.0, 180.0),)
    dlon = km / (KM_PER_DEGREE_LAT * cos_lat)
    if dlon >= 180.0:
        return (BBox(lat_min, lat_max, -180.0, 180.0),)
    lon_min, lon_max = lon - dlon, lon + dlon
    if lon_min < -180.0:
        return (BBox(lat_min, lat_max, -180.0, lon_max), BBox(lat_min, lat_max, lon_min + 360.0, 180.0))
    if lon_max > 180.0:
        return (BBox(lat_min, lat_max, lon_min, 180.0), BBox(lat_min, lat_max, -180.0, lon_max - 360.0))
    return (BBox(lat_min, lat_max, lon_min, lon_max),)


# --- blocking -------------------------------------------------------------------------------------

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


def has_place(e: EventLike) -> bool:
    return (e.latitude is not None and e.longitude is not None) or location_key(e.location) is not None


def block_key(e: EventLike) -> tuple[date | None, int | None, int | None]:
    """(event_date, coarse cell): reports in different blocks (beyond neighbours) never merge."""
    if e.latitude is None or e.longitude is None:
        return (e.event_date, None, None)
    return (e.event_date, math.floor(e.latitude / CELL_DEGREES), math.floor(e.longitude / CELL_DEGREES))


def search_window(e: EventLike, km: float = MERGE_KM) -> SearchWindow | None:
    """The indexed query that finds every possible merge partner of `e` (None: `e` cannot merge).

    A report without any place gets a window with no boxes and no key: the whole day block
    (the caller narrows it by country).
    """
    if e.event_date is None:
        return None
    has_point = e.latitude is not None and e.longitude is not None
    key = location_key(e.location)
    boxes = bboxes(e.latitude, e.longitude, km) if has_point else ()  # type: ignore[arg-type]
    one_day = timedelta(days=1)
    return SearchWindow(e.event_date - one_day, e.event_date + one_day, boxes, key, bool(e.historical))


# --- the decision ---------------------------------------------------------------------------------

def _norm(value: str | None) -> str:
    return " ".join(value.casefold().split()) if value else ""


def _unidentified(actor: str) -> bool:
    return actor.startswith("unidentified") or actor.startswith("unknown")


_SCOPE = re.compile(r"\s*\([^)]*\)")


_STATE = re.compile(r"^(?:government|military forces|police forces|counter terrorism service|security forces)"
                    r"\b.*\bof (?:the )?(.+)$")


def actor_key(value: str | None) -> str:
    """An actor name without its parenthesised scope: "Islamic State (ISIL)" -> "islamic state".

    A country's state forces are one side whichever branch a report names ("Government of
    Iraq", "Counter Terrorism Service of Iraq"): they key as "state forces of iraq".
    """
    key = _norm(_SCOPE.sub("", value)) if value else ""
    state = _STATE.match(key)
    return f"state forces of {state.group(1)}" if state else key


def _actors_compatible(a: Any, b: Any) -> bool:
    a1, b1 = actor_key(a.actor1), actor_key(b.actor1)
    if not a1 or not b1 or a1 == b1 or _unidentified(a1) or _unidentified(b1):
        return True
    # A battle reported from the other side: actor1 and actor2 swapped.
    return a1 == actor_key(getattr(b, "actor2", None)) and b1 == actor_key(getattr(a, "actor2", None))


def _evidence_text(e: Any, name: str) -> str | None:
    ev = (getattr(e, "evidence", None) or {}).get(name)
    if ev is None:
        return None
    return ev.get("text") if isinstance(ev, dict) else getattr(ev, "text", None)


def date_is_relative(e: Any) -> bool:
    """True when the date was read from a relative phrase ("on Wednesday", "yesterday") or, with
    no date span at all, taken from the publication date (a post about "last night").

    A record with no evidence of any kind (typed in, or a test) is taken at its word.
    """
    evidence = getattr(e, "evidence", None) or {}
    if not evidence:
        return False
    text = _evidence_text(e, "event_date")
    return text is None or _ABSOLUTE_DATE.search(text) is None


def _dates_compatible(a: EventLike, b: EventLike) -> float:
    """1.0 for the same day, 0.5 for a day apart where allowed, 0.0 otherwise."""
    if a.event_date is None or b.event_date is None:
        return 0.0
    gap = abs((a.event_date - b.event_date).days)
    if gap == 0:
        return 1.0
    if gap != 1:
        return 0.0
    if (a.time_precision or 1) > 1 or (b.time_precision or 1) > 1:
        return 0.5
    # Only the later date may be the relative one: a "last night" post resolved against the
    # next morning's publication date lands a day late, never a day early.
    later = a if a.event_date > b.event_date else b
    return SOFT_DAY_SCORE if date_is_relative(later) else 0.0


def dates_conflict(a: EventLike, b: EventLike) -> bool:
    """Both reports state an absolute day (precision 1) and the days differ: not one incident."""
    if a.event_date is None or b.event_date is None or a.event_date == b.event_date:
        return False
    if (a.time_precision or 1) > 1 or (b.time_precision or 1) > 1:
        return False
    return not date_is_relative(a) and not date_is_relative(b)


def _types_compatible(a: EventLike, b: EventLike) -> float:
    """1.0 same sub-type, 0.8 one unknown, 0.5 an often-confused pair, 0.0 otherwise."""
    if _norm(a.event_type) != _norm(b.event_type):
        return 0.0
    sa, sb = _norm(a.sub_event_type), _norm(b.sub_event_type)
    if sa and sb:
        if sa == sb:
            return 1.0
        return 0.5 if any(sa in g and sb in g for g in CONFUSED_SUB_TYPES) else 0.0
    return 0.8


def _place_score(a: EventLike, b: EventLike, km: float) -> float:
    ca, cb = (a.country_code or "").upper(), (b.country_code or "").upper()
    if ca and cb and ca != cb:
        return 0.0
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        dist = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if dist <= km:
            return 1.0 - 0.5 * dist / km
        # Two precise points far apart are two places, even with one name (homonymous villages);
        # a region-level point (geo_precision 3) is only a centroid, so the name may still decide.
        if (getattr(a, "geo_precision", None) or 0) < 3 and (getattr(b, "geo_precision", None) or 0) < 3:
            return 0.0
    ka, kb = location_key(a.location), location_key(b.location)
    if ka is not None and ka == kb:
        return 0.75
    if not has_place(a) or not has_place(b):
        return PLACELESS_SCORE
    return 0.0


def match_score(a: EventLike, b: EventLike, km: float = MERGE_KM) -> float:
    """How likely `a` and `b` report one incident: 0.0 means they must not merge, else (0, 1].

    The looser allowances (a relative date a day off, a confused sub-type pair, no place) each
    need the other dimensions to agree fully, so two of them never combine into a merge.
    """
    if bool(a.historical) != bool(b.historical):
        return 0.0
    day, kind, place = _dates_compatible(a, b), _types_compatible(a, b), _place_score(a, b, km)
    if min(day, kind, place) == 0.0 or not _actors_compatible(a, b):
        return 0.0
    if day == SOFT_DAY_SCORE and (kind < 1.0 or place <= PLACELESS_SCORE):
        return 0.0
    if kind == 0.5 and (day < 1.0 or place <= PLACELESS_SCORE):
        return 0.0
    if place == PLACELESS_SCORE and (day < 1.0 or kind < 1.0):
        return 0.0
    actor_bonus = 1.0 if actor_key(a.actor1) and actor_key(a.actor1) == actor_key(b.actor1) else 0.8
    return day * kind * place * actor_bonus


def same_incident(a: EventLike, b: EventLike, km: float = MERGE_KM) -> bool:
    """True when two reports describe one incident under the merge v1 rules."""
    return match_score(a, b, km) > 0.0


def best_match(e: EventLike, candidates: Iterable[Any], km: float = MERGE_KM) -> Any | None:
    """The candidate `e` should join (highest score; ties go to the first), or None."""
    best, best_score = None, 0.0
    for cand in candidates:
        score = match_score(e, cand, km)
        if score > best_score:
            best, best_score = cand, score
    return best


# --- canonical values -----------------------------------------------------------------------------

def _first(mentions: Sequence[Any], name: str) -> Any:
    """The first non-empty value; if every report leaves it empty, the first report's own value."""
    for m in mentions:
        value = getattr(m, name, None)
        if value not in (None, ""):
            return value
    return getattr(mentions[0], name, None)


def _most_precise_place(mentions: Sequence[Any]) -> Any | None:
    """The mention with the most precise place: lowest geo_precision, coordinates before none."""
    ranked = [
        (getattr(m, "geo_precision", None) or 9, 0 if m.latitude is not None else 1, i)
        for i, m in enumerate(mentions) if m.location or m.latitude is not None
    ]
    return mentions[min(ranked)[2]] if ranked else None


def fatality_range(values: Iterable[int | None]) -> tuple[int | None, int | None, int | None]:
    """(canonical, low, high): ACLED's conservative rule takes the lowest reported figure."""
    reported = [v for v in values if v is not None]
    if not reported:
        return None, None, None
    return min(reported), min(reported), max(reported)


def canonical(mentions: Sequence[Any]) -> dict[str, Any]:
    """The incident's values from its mentions, given in report order (earliest first).

    Returns the event columns: ACLED fields plus `fatalities_low`, `fatalities_high`, `sources`.
    """
    if not mentions:
        raise ValueError("canonical() needs at least one mention")
    out: dict[str, Any] = {}
    # Date: the most precise report (lowest time_precision), earliest report on ties.
    dated = [(m.time_precision or 9, i) for i, m in enumerate(mentions) if m.event_date is not None]
    date_src = mentions[min(dated)[1]] if dated else mentions[0]
    out["event_date"], out["time_precision"] = date_src.event_date, date_src.time_precision
    # Type: the first report that gives a sub-type (it implies the type), else the first type.
    typed = _first_with(mentions, "sub_event_type") or _first_with(mentions, "event_type") or mentions[0]
    out["event_type"], out["sub_event_type"] = typed.event_type, typed.sub_event_type
    for name in _FIRST_FIELDS:
        out[name] = _first(mentions, name)
    claim = _first_with(mentions, "claimed_by")
    out["claimed_by"] = claim.claimed_by if claim else mentions[0].claimed_by
    channel = getattr(claim, "claim_channel", None) if claim else None
    out["claim_channel"] = channel or _first(mentions, "claim_channel")
    # Place: the most precise report's point; its admin units, else the first report that names them.
    place = _most_precise_place(mentions)
    for name in _POINT_FIELDS:
        out[name] = getattr(place, name, None) if place is not None else _first(mentions, name)
    for name in _AREA_FIELDS:
        value = getattr(place, name, None) if place is not None else None
        out[name] = value if value not in (None, "") else _first(mentions, name)
    out["fatalities"], out["fatalities_low"], out["fatalities_high"] = fatality_range(
        getattr(m, "fatalities", None) for m in mentions)
    out["injuries"] = fatality_range(getattr(m, "injuries", None) for m in mentions)[0]
    out["sources"] = union_sources(getattr(m, "sources", None) or [] for m in mentions)
    out["historical"] = bool(mentions[0].historical)
    out["confidence"] = max(float(getattr(m, "confidence", 0.0) or 0.0) for m in mentions)
    out["notes"] = _first(mentions, "notes") or ""
    return out


def _first_with(mentions: Sequence[Any], name: str) -> Any | None:
    for m in mentions:
        if getattr(m, name, None) not in (None, ""):
            return m
    return None


def union_sources(lists: Iterable[Iterable[str]]) -> list[str]:
    """Every source once, in the order first seen (case-insensitive duplicates dropped)."""
    seen: set[str] = set()
    out: list[str] = []
    for sources in lists:
        for source in sources:
            key = _norm(source)
            if key and key not in seen:
                seen.add(key)
                out.append(source)
    return out
