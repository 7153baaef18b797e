"""Score extraction against tests/fixtures/reports/gold.json (our own corpus and fixtures).

    .venv/bin/python -m tests.e2e.goldscore        # prints per-field accuracy and the misses
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitroom import workflow
from sitroom.errors import InputError
from sitroom.model import Document, Event

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "fixtures" / "reports" / "gold.json"


@dataclass
class Score:
    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def rate(self, name: str) -> float:
        n = self.counts[f"{name}_n"]
        return self.counts[f"{name}_ok"] / n if n else math.nan

    def check(self, name: str, ok: bool, detail: str) -> None:
        self.counts[f"{name}_n"] += 1
        self.counts[f"{name}_ok"] += bool(ok)
        if not ok:
            self.misses.append(f"{name}: {detail}")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def extracted_by_key() -> dict[tuple[str, str | None], list[Event]]:
    """Events per (file, JSONL id) for every file the gold names."""
    gold = json.loads(GOLD.read_text())
    files = sorted({g["file"] for g in gold})
    out: dict[tuple[str, str | None], list[Event]] = defaultdict(list)
    for item in workflow.read([str(ROOT / f) for f in files]):
        if isinstance(item, InputError):
            raise item
        assert isinstance(item, Document)
        path = str(Path(item.source.rsplit(":", 1)[0] if item.external_id else item.source).resolve())
        rel = str(Path(path).relative_to(ROOT))
        out[(rel, item.external_id)].extend(e for e in _extract(item) if not e.historical)
    return out


def _extract(doc: Document) -> list[Event]:
    from sitroom.extract import extract_events

    return extract_events(doc)


def score() -> Score:
    gold = json.loads(GOLD.read_text())
    found = extracted_by_key()
    result = Score()
    by_doc: dict[tuple[str, str | None], list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[(g["file"], g.get("line_id"))].append(g)
    for key, expected in by_doc.items():
        events = list(found.get(key, []))
        label = f"{Path(key[0]).name}{'#' + key[1] if key[1] else ''}"
        if any(g.get("no_event") for g in expected):
            result.check("no_event_doc_clean", not events, f"{label}: {[e.sub_event_type for e in events]}")
            continue
        for g in (g for g in expected if not g.get("historical")):
            _score_event(result, label, g, events)
    return result


def _score_event(result: Score, label: str, g: dict, events: list[Event]) -> None:
    if g["event_date"] is None:
        # a report with no year and no published date: the date must stay unknown, not be guessed
        result.check("undated_stays_null", bool(events) and all(e.event_date is None for e in events),
                     f"{label}: {[str(e.event_date) for e in events]}")
        return
    want = date.fromisoformat(g["event_date"])
    same_day = [e for e in events if e.event_date and abs((e.event_date - want).days) <= 1]
    result.check("found", bool(same_day), f"{label}: {g['sub_event_type']} on {want}")
    if not same_day:
        return
    typed = [e for e in same_day if e.sub_event_type == g["sub_event_type"]]
    e = (typed or same_day)[0]
    if typed:
        events.remove(e)
    result.check("sub_event_type", e.sub_event_type == g["sub_event_type"],
                 f"{label}: {e.sub_event_type} != {g['sub_event_type']}")
    result.check("event_date", e.event_date == want, f"{label}: {e.event_date} != {want}")
    if g.get("lat") is not None:
        near = e.latitude is not None and _km(e.latitude, e.longitude, g["lat"], g["lon"]) <= 25
        result.check("place_25km", near, f"{label}: {e.location} != {g.get('location')}")
    if g.get("fatalities") is not None:
        result.check("fatalities", e.fatalities == g["fatalities"], f"{label}: {e.fatalities} != {g['fatalities']}")
    if g.get("claimed_by"):
        first = g["claimed_by"].split()[0].lower()
        result.check("claimed_by", bool(e.claimed_by) and first in e.claimed_by.lower(),
                     f"{label}: {e.claimed_by} != {g['claimed_by']}")


def main() -> None:
    result = score()
    for name in ("found", "sub_event_type", "event_date", "place_25km", "fatalities", "claimed_by",
                 "no_event_doc_clean", "undated_stays_null"):
        print(f"{name:20s} {result.rate(name):.3f}  (n={result.counts[name + '_n']})")
    for miss in result.misses:
        print("  miss", miss)


if __name__ == "__main__":
    main()
