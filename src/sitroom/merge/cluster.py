"""Merge: decide whether two reports describe one incident, and what the incident's values are.

Pure functions over "Event-like" objects: anything with the attributes of `sitroom.model.Event`
(an Event, a stored mention row, a stored event row).  No database here: the store turns
`search_window()` into an indexed candidate query (date +-1 day x bounding boxes), so the merge
never scans all events, and calls `match_score()` / `canonical()` on what comes back.

The decision weighs evidence (`merge.evidence`): ACLED's unit is one day, one place, one actor
pair, one type, but reports of one incident disagree on each of them a little (a day off, a
sister sub-type, a nearby town or only the province, another spelling of the group), so each
dimension scores how well the two agree and contradictions veto; see that module for the rules.

Canonical values follow ACLED's conservative rule for fatalities (the lowest specific figure any
report gives, keeping the low-high range; a vague "dozens" yields to a specific figure), take the
most specific sub-type (`merge.values`), the union of sources, the first claim, and the most
precise location.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Protocol

from sitroom.geo.distance import EARTH_RADIUS_KM, haversine_km  # noqa: F401 - re-exported for merge users
from sitroom.merge.evidence import MAX_TOTAL, actor_key, date_is_relative, dates_conflict, weigh  # noqa: F401
from sitroom.merge.places import (  # noqa: F401 - re-exported: the store keys events by location_key
    MERGE_KM,
    REGION_KM,
    has_place,
    has_specific_place,
    is_country_level,
    location_key,
)
from sitroom.merge.values import figure_range, sub_type_source
from sitroom.merge.yearless import month_days_around, partial_day, partials_around

COUNTRY_KM = 1500.0
"""A report known only by its country may be one incident with any report in that country."""
CELL_DEGREES = 0.25
"""Size of the coarse lat/lon cell in the blocking key (about 28 km of latitude)."""
KM_PER_DEGREE_LAT = 2 * math.pi * EARTH_RADIUS_KM / 360 / 1.001  # on the haversine sphere, 0.1% margin

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
    """Where merge candidates for one report can be: a date range and (if it has coordinates) boxes.

    A report with no year (`merge.yearless`) has no date range: its partners are the events on
    `month_days` of any year.  Either kind of report also looks at undated events that hold a
    year-less report of one of `partials` ("--MM-DD").
    """

    date_min: date | None
    date_max: date | None
    boxes: tuple[BBox, ...]
    location_key: str | None
    historical: bool
    month_days: tuple[tuple[int, int], ...] = ()
    partials: tuple[str, ...] = ()


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

def block_key(e: EventLike) -> tuple[date | None, int | None, int | None]:
    """(event_date, coarse cell): reports in different blocks (beyond neighbours) never merge."""
    if e.latitude is None or e.longitude is None:
        return (e.event_date, None, None)
    return (e.event_date, math.floor(e.latitude / CELL_DEGREES), math.floor(e.longitude / CELL_DEGREES))


def search_window(e: EventLike, km: float = MERGE_KM) -> SearchWindow | None:
    """The indexed query that finds every possible merge partner of `e` (None: `e` cannot merge).

    A report without any place gets a window with no boxes and no key: the whole day block
    (the caller narrows it by country).  Boxes reach `REGION_KM`, not just `km`: a partner coded
    at its province's centroid (geo_precision 3) or "near" a town can be that far and still be
    one incident.  A partner known only by its country sits at the country's point, so that point
    is searched too; a report known only by its country searches its whole country.
    """
    partial = partial_day(e)
    if e.event_date is None and partial is None:
        return None
    has_point = e.latitude is not None and e.longitude is not None
    key = location_key(e.location)
    boxes: tuple[BBox, ...] = ()
    if has_point:
        radius = COUNTRY_KM if is_country_level(e) else max(km, REGION_KM)
        boxes = bboxes(e.latitude, e.longitude, radius)  # type: ignore[arg-type]
        country = country_point(getattr(e, "country_code", None))
        if country is not None and not any(b.contains(*country) for b in boxes):
            boxes += bboxes(*country, 1.0)
    if partial is not None:
        return SearchWindow(None, None, boxes, key, bool(e.historical), tuple(month_days_around(partial)), (partial,))
    one_day = timedelta(days=1)
    return SearchWindow(e.event_date - one_day, e.event_date + one_day, boxes, key, bool(e.historical),
                        partials=tuple(partials_around(e.event_date)))


@lru_cache(maxsize=512)
def country_point(code: str | None) -> tuple[float, float] | None:
    """The gazetteer's point for a country: where the geocoder puts reports known only by country."""
    if not code:
        return None
    try:
        from sitroom.geo import get_gazetteer  # the gazetteer opens a database: only when asked

        found = get_gazetteer().country(code)
    except Exception:  # noqa: BLE001 - no gazetteer here: the window only loses country-level partners
        return None
    return (found.place.latitude, found.place.longitude) if found else None


# --- the decision ---------------------------------------------------------------------------------

def match_score(a: EventLike, b: EventLike, km: float = MERGE_KM) -> float:
    """How likely `a` and `b` report one incident: 0.0 means they must not merge, else (0, 1]."""
    w = weigh(a, b, km)
    if w is None or not w.same:
        return 0.0
    return min(1.0, w.total / MAX_TOTAL)


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
    """The mention with the most precise place: lowest geo_precision, coordinates before none, then the
    place most reports put it at (a post labelled with the regional capital beside a wire and a weekly
    that name the village), then the earliest report."""
    ranked = [
        (getattr(m, "geo_precision", None) or 9, 0 if m.latitude is not None else 1, -_support(m, mentions), i)
        for i, m in enumerate(mentions) if m.location or m.latitude is not None
    ]
    return mentions[min(ranked)[3]] if ranked else None


def _support(m: Any, mentions: Sequence[Any]) -> int:
    """How many of the reports put the incident within MERGE_KM of `m`'s point (or under its name)."""
    if m.latitude is None or m.longitude is None:
        key = location_key(m.location)
        return sum(1 for o in mentions if key is not None and location_key(o.location) == key)
    return sum(1 for o in mentions if o.latitude is not None and o.longitude is not None
               and haversine_km(m.latitude, m.longitude, o.latitude, o.longitude) <= MERGE_KM)


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
    # Type: the most specific sub-type (it implies the type; see merge.values), else the first type.
    typed = sub_type_source(mentions) or _first_with(mentions, "event_type") or mentions[0]
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
    # Tolls: the lowest specific figure; vague amounts ("dozens") only when no report is specific.
    out["fatalities"], out["fatalities_low"], out["fatalities_high"] = figure_range(mentions, "fatalities")
    out["injuries"] = figure_range(mentions, "injuries")[0]
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


def _norm(value: str | None) -> str:
    return " ".join(value.casefold().split()) if value else ""


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
