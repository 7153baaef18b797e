"""Guess a report's publication date from its first lines, and parse explicit date fields.

`published_from_header` only accepts a full date (day, month and year) near the top of a text:
a dateline ("BAGHDAD, Feb. 10, 2021 —"), a label ("Published: 2021-02-10") or a date line
("10 February 2021").  `published_from_footer` reads a date line closing the story instead.  A date without a year is never guessed here: "On February 10, ..." in
the lead tells us the event day, not the publication day.  Fast regexes do the work;
dateparser is only consulted for a labelled line ("Published: ...") the regexes cannot read.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

HEADER_LINES = 6  # non-empty lines searched from the top
DATELINE_REACH = 80  # in a long line, the date must start this close to the line start
SHORT_LINE = 120  # a line this short may carry its date anywhere

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
    # francophone sitreps date their headers in French ("3 - 9 octobre 2022")
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2021-02-10, 2021/02/10, 2021-02-10T08:00
    re.compile(r"(?<!\d)" + _YEAR + r"[-/.](?P<nmonth>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # February 10, 2021 / Feb. 10th 2021
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    # 10 February 2021 / 10th of Feb., 2021
    re.compile(r"\b" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    # 10.02.2021 (day first, the common European numeric form)
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<nmonth>[01]?\d)\." + _YEAR + r"(?!\d)"),
    # 25/12/2021 or 12/25/2021 only when unambiguous (one part above 12)
    re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/" + _YEAR + r"(?!\d)"),
)
_LABEL = re.compile(
    r"^\W*(?:published|posted|updated|date|dated|last updated|first published)\b\s*(?:on|at)?\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_NUMERIC_ONLY = re.compile(r"[\d\s/.\-:,TZ+]+")


def _plausible(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if found.year < 1900 or found > date.today() + timedelta(days=366):
        return None
    return found


def _from_match(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            return _plausible(year, b, a)
        if b > 12 >= a:
            return _plausible(year, a, b)
        return None  # 03/04/2021: day-first or month-first? Don't guess.
    if groups.get("nmonth") is not None:
        month = int(groups["nmonth"])
    else:
        month = _MONTHS[groups["month"].lower()]
    return _plausible(year, month, int(groups["day"]))


def find_date(line: str, reach: int | None = None) -> date | None:
    """The first full date in `line` (starting within `reach` characters, if given)."""
    best: tuple[int, date] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(line):
            if reach is not None and m.start() > reach:
                break
            found = _from_match(m)
            if found is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), found)
                break
    return best[1] if best else None


def _dateparser_full(value: str) -> date | None:
    if _NUMERIC_ONLY.fullmatch(value):
        return None  # all-number dates the regexes could not read are ambiguous (03/04/2021)
    import dateparser  # slow to import; only needed for unusual labelled dates

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(value[:80], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    return _plausible(parsed.year, parsed.month, parsed.day)


def published_from_header(text: str, max_lines: int = HEADER_LINES) -> date | None:
    """A full publication date (with year) found in the first `max_lines` non-empty lines, or None."""
    seen = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > max_lines:
            break
        reach = None if len(line) <= SHORT_LINE else DATELINE_REACH
        found = find_date(line, reach)
        if found is not None:
            return found
        label = _LABEL.match(line)
        if label and len(line) <= SHORT_LINE and re.search(r"\d{4}", label["rest"]):
            found = _dateparser_full(label["rest"])
            if found is not None:
                return found
    return None


FOOTER_LINES = 3  # non-empty lines searched from the bottom
DATE_LINE = 40  # a closing line this short that holds a full date is the story's date line


def published_from_footer(text: str, max_lines: int = FOOTER_LINES) -> date | None:
    """A date line closing the story ("Oct. 8, 2021", "Published: 8 October 2021"), as some agencies'
    pages print it below the text, or None.  Only a line that is little more than the date (or a
    labelled one) counts: a date inside the story's last sentence is the event's, not the report's."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][-max_lines:]
    for line in reversed(lines):
        label = _LABEL.match(line)
        if len(line) <= DATE_LINE or (label and len(line) <= SHORT_LINE):
            found = find_date(line)
            if found is None and label and re.search(r"\d{4}", label["rest"]):
                found = _dateparser_full(label["rest"])
            if found is not None:
                return found
    return None


def parse_date_value(value: object) -> date | None:
    """Read an explicit date field (JSONL `published`): ISO date or datetime, or a full written date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = find_date(text)
    if found is not None:
        return found
    if re.search(r"\d{4}", text):
        return _dateparser_full(text)
    return None
