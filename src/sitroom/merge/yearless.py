"""Reports that give no year: reading them in the year of the incident they may belong to.

"CAIRO, April 9 (Reuters) - Two bombs struck Coptic churches on Sunday" has no year and no
published date, so the extractor leaves it undated and keeps its day, "--04-09"
(`model.Event.date_without_year`), and the phrase that dates the act (its `event_date` evidence).
Beside a dated report of 9 April 2017 it is read as if filed on 9 April 2017 ("on Sunday" is then
that day), and the merge weighs the two as any pair.  The year is the other report's, or the one
either side of it (a report filed on 2 January of a strike on 31 December).

Only the day is borrowed: place, type and the rest must agree as for any pair, so a year-less
report of a bombing in one city on 9 April does not join another year's 9 April elsewhere.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sitroom.extract.dates import read_in_year
from sitroom.merge.details import evidence_text
from sitroom.model import PRECISION_DAY

LOOKBACK_DAYS = 7
"""A weekday in a year-less report ("on Thursday") is one of the week before its day."""
_LEAP_YEAR = 2000
"""A year that has every day (29 February too), for arithmetic on days without a year."""
_WEEKDAY_YEARS = range(_LEAP_YEAR, _LEAP_YEAR + 8)
"""Two year-less reports are read in the year in which they agree best: "on Tuesday" and "yesterday"
in two wires of 3 March are one day only in a year whose 3 March is a Wednesday, and these years
give 3 March every weekday."""


class ReadInYear:
    """A year-less report seen with the day it means in one year; every other attribute is the report's."""

    __slots__ = ("_report", "event_date", "time_precision")

    def __init__(self, report: Any, day: date) -> None:
        self._report = report
        self.event_date = day
        self.time_precision = PRECISION_DAY

    def __getattr__(self, name: str) -> Any:
        return getattr(self._report, name)


def partial_day(e: Any) -> str | None:
    """The "--MM-DD" of a report that has no year (None for a dated one, or one with no day at all)."""
    return getattr(e, "date_without_year", None) if e.event_date is None else None


def read_as(e: Any, year: int) -> ReadInYear | None:
    day = read_in_year(e.date_without_year, evidence_text(e, "event_date"), year)
    return ReadInYear(e, day) if day is not None else None


def in_common_year(a: Any, b: Any) -> tuple[Any, Any]:
    """`a` and `b`, each year-less one read in the year that puts it nearest the other's day.

    Two year-less reports are both read in the year in which they agree best; a pair without a
    year-less report, or with nothing to borrow a year from, is returned as it is."""
    pa, pb = partial_day(a), partial_day(b)
    if pa is None and pb is None:
        return a, b
    if pa is not None and pb is not None:
        readings = [(ra, rb) for year in _WEEKDAY_YEARS
                    if (ra := read_as(a, year)) is not None and (rb := read_as(b, year)) is not None]
        return min(readings, key=lambda r: abs((r[0].event_date - r[1].event_date).days), default=(a, b))
    if pa is not None and b.event_date is not None:
        return (_nearest(a, b.event_date) or a), b
    if pb is not None and a.event_date is not None:
        return a, (_nearest(b, a.event_date) or b)
    return a, b


def _nearest(e: Any, day: date) -> ReadInYear | None:
    readings = [r for year in (day.year - 1, day.year, day.year + 1) if (r := read_as(e, year)) is not None]
    return min(readings, key=lambda r: abs((r.event_date - day).days), default=None)


def month_days_around(partial: str) -> list[tuple[int, int]]:
    """(month, day) of every day a dated partner of a year-less report of `partial` may have:
    the week before it (a weekday it names) to the day after (an overnight attack)."""
    anchor = date(_LEAP_YEAR, int(partial[2:4]), int(partial[5:7]))
    days = (anchor + timedelta(days=k) for k in range(-LOOKBACK_DAYS, 2))
    return [(d.month, d.day) for d in days]


def partials_around(day: date) -> list[str]:
    """The "--MM-DD" of every year-less report that may tell of an incident on `day` (the inverse
    of `month_days_around`)."""
    days = (day + timedelta(days=k) for k in range(-1, LOOKBACK_DAYS + 1))
    return [f"--{d.month:02d}-{d.day:02d}" for d in days]
