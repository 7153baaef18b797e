"""Tallies and trends: how many incidents match a filter in a window, and how that moves.

Counts are of merged events (one row per real incident), never of reports, and leave out
historical background mentions and strategic developments unless asked.  The window is inclusive
at both ends.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitroom.codebook.acled import STRATEGIC
from sitroom.errors import ConfigError
from sitroom.store.queries import EventFilter, StoredEvent

_SINCE = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$", re.IGNORECASE)
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}
BUCKETS = ("week", "month")


@dataclass(frozen=True, slots=True)
class Window:
    start: date | None
    end: date | None

    def to_dict(self) -> dict[str, str | None]:
        return {"from": self.start.isoformat() if self.start else None,
                "to": self.end.isoformat() if self.end else None}


@dataclass(frozen=True, slots=True)
class TallyResult:
    count: int
    events: list[StoredEvent]
    window: Window

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "window": self.window.to_dict(), "events": [e.to_dict() for e in self.events]}


def parse_span(text: str) -> int:
    """Days in "7w", "10d", "3m" (30-day months), "1y"."""
    m = _SINCE.match(text or "")
    if not m:
        raise ConfigError(f"--since {text!r}: use a number and d, w, m or y (e.g. 7w)")
    return int(m.group(1)) * _UNIT_DAYS[m.group(2).lower()]


def window(since: str | None = None, start: date | None = None, end: date | None = None,
           as_of: date | None = None) -> Window:
    """The inclusive window: `since` counts back from `as_of` (default today) including that day."""
    if since is not None:
        if start is not None:
            raise ConfigError("give --since or --from, not both")
        last = end or as_of or date.today()
        return Window(last - timedelta(days=parse_span(since) - 1), last)
    if start and end and start > end:
        raise ConfigError(f"--from {start} is after --to {end}")
    return Window(start, end)


def tally(store: Any, f: EventFilter, win: Window, include_historical: bool = False,
          include_strategic: bool = False) -> TallyResult:
    """Events matching `f` within `win` (the filter's own dates are replaced by the window).

    Strategic developments (arrests, agreements, troop movements, a found arms cache) are left out
    unless asked for (`include_strategic`, or a type filter that names them): ACLED records them for
    context and warns that they are not coded systematically, so they are no count of incidents.
    """
    query = replace(f, since=win.start, until=win.end, limit=None, include_historical=include_historical)
    events = store.query_events(query)
    if not (include_strategic or f.event_type or f.sub_event_type):
        events = [e for e in events if e.event_type != STRATEGIC]
    return TallyResult(len(events), events, win)


def bucket_start(d: date, by: str) -> date:
    if by == "week":
        return d - timedelta(days=d.weekday())  # ISO weeks start on Monday
    if by == "month":
        return d.replace(day=1)
    raise ConfigError(f"--by {by!r}: use week or month")


def _next(d: date, by: str) -> date:
    if by == "week":
        return d + timedelta(days=7)
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def trend(events: list[StoredEvent], by: str, win: Window | None = None) -> list[tuple[date, int]]:
    """(period start, events) for every period from the first to the last, empty periods included."""
    dated = [e.event_date for e in events if e.event_date is not None]
    lo = win.start if win and win.start else (min(dated) if dated else None)
    hi = win.end if win and win.end else (max(dated) if dated else None)
    if lo is None or hi is None:
        return []
    counts = Counter(bucket_start(d, by) for d in dated)
    out, cur = [], bucket_start(lo, by)
    while cur <= hi:
        out.append((cur, counts.get(cur, 0)))
        cur = _next(cur, by)
    return out


def write_chart(rows: list[tuple[date, int]], path: Path, title: str = "Events") -> Path:
    """A bar chart PNG of a trend table.  matplotlib is imported only here (optional dependency)."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display needed
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ConfigError("--chart needs matplotlib: pip install matplotlib") from exc
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.bar([d.isoformat() for d, _ in rows], [n for _, n in rows], color="#8a2a2a")
    ax.set_title(title)
    ax.set_ylabel("events")
    ax.tick_params(axis="x", labelrotation=60, labelsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
