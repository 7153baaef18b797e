"""The desk's filter: query parameters -> a store query plus the filters SQL does not know.

The same parameters drive the map, the timeline, the list and the JSON/GeoJSON/CSV endpoints,
and the desk keeps them in the page URL so a view can be shared.  A bad value is a `FilterError`
(400) that names the parameter and says what would be accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitroom.errors import SitroomError
from sitroom.store import EventFilter, StoredEvent

MAX_LIMIT = 10_000
PARAMS: dict[str, str] = {
    "since": "first day, YYYY-MM-DD (inclusive)",
    "until": "last day, YYYY-MM-DD (inclusive)",
    "type": "ACLED event type or sub-event type (whole value, any case)",
    "sub_type": "ACLED sub-event type",
    "actor": "part of an actor's name (actor1/2, associated actors, claimant)",
    "country": "country name or ISO 3166-1 alpha-2 code",
    "admin1": "first-level administrative division (e.g. Baghdad)",
    "q": "free text: in notes, location, actors or the reports' text",
    "claimed": "1: only events someone claimed",
    "min_fatalities": "at least this many fatalities (integer >= 0)",
    "historical": "1: include background mentions of past events",
    "false_positives": "1: include events an analyst marked as false positives",
    "limit": f"at most this many events (1..{MAX_LIMIT})",
}
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"", "0", "false", "no", "off"}


class FilterError(SitroomError):
    """A query parameter has a value the desk cannot use."""


@dataclass(frozen=True, slots=True)
class DeskFilter:
    query: EventFilter = field(default_factory=EventFilter)
    claimed_only: bool = False
    min_fatalities: int | None = None
    include_false_positives: bool = False
    limit: int | None = None

    def keep(self, e: StoredEvent, false_positives: set[str]) -> bool:
        if self.claimed_only and not e.claimed_by:
            return False
        if self.min_fatalities is not None and (e.fatalities or 0) < self.min_fatalities:
            return False
        return self.include_false_positives or e.id not in false_positives


def _date(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{name}={value!r} is not a date: use YYYY-MM-DD") from None


def _bool(name: str, value: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise FilterError(f"{name}={value!r}: use 1 or 0")


def _int(name: str, value: str, lo: int, hi: int | None = None) -> int:
    try:
        n = int(value)
    except ValueError:
        raise FilterError(f"{name}={value!r} is not a whole number") from None
    if n < lo or (hi is not None and n > hi):
        raise FilterError(f"{name}={n} is out of range ({lo}..{hi if hi is not None else ''})")
    return n


def parse(params: Mapping[str, str]) -> DeskFilter:
    """Build the filter from query parameters; empty values mean "no filter"."""
    p = {k: v.strip() for k, v in params.items() if k in PARAMS and v is not None and v.strip() != ""}
    since = _date("since", p["since"]) if "since" in p else None
    until = _date("until", p["until"]) if "until" in p else None
    if since and until and since > until:
        raise FilterError(f"since ({since}) is after until ({until})")
    for name in ("type", "sub_type", "actor", "country", "admin1", "q"):
        if len(p.get(name, "")) > 200:
            raise FilterError(f"{name} is too long (200 characters at most)")
    query = EventFilter(
        since=since, until=until, event_type=p.get("type"), sub_event_type=p.get("sub_type"), actor=p.get("actor"),
        country=p.get("country"), admin1=p.get("admin1"), text=p.get("q"),
        include_historical=_bool("historical", p["historical"]) if "historical" in p else False,
        include_false_positives=_bool("false_positives", p["false_positives"]) if "false_positives" in p else False,
    )
    return DeskFilter(
        query=query,
        claimed_only=_bool("claimed", p["claimed"]) if "claimed" in p else False,
        min_fatalities=_int("min_fatalities", p["min_fatalities"], 0) if "min_fatalities" in p else None,
        include_false_positives=_bool("false_positives", p["false_positives"]) if "false_positives" in p else False,
        limit=_int("limit", p["limit"], 1, MAX_LIMIT) if "limit" in p else None,
    )


def run(store: Any, f: DeskFilter, false_positives: set[str]) -> list[StoredEvent]:
    """Events for the filter, newest first."""
    events = [e for e in store.query_events(f.query) if f.keep(e, false_positives)]
    return events[:f.limit] if f.limit is not None else events
