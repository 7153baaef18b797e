"""Find date expressions in a sentence and resolve them against the report's published date.

Plain regular expressions rather than a general date parser: the shapes that matter in
conflict reporting are few ("on February 10", "on Tuesday", "yesterday", "last week",
"more than a year ago"), and this runs on every sentence of every report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sitroom.model import PRECISION_DAY, PRECISION_MONTH, PRECISION_WEEK

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3}

_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_N = r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"

# "Fri 26/06 —": a day and month in figures after a weekday, as sitreps date their bullets
_WEEKDAY_FORMS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Monday", "Tuesday",
                  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_NUMERIC_DATE_BEFORE_RE = re.compile(r"(?:^|\n|\bon |\(|\b(?:" + "|".join(_WEEKDAY_FORMS) + r") )$", re.I)

# Ordered: the first pattern that matches a span claims it.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?", re.I)),
    # "on 29 and 30 November 2022", "12-14 March": a span of days is dated by its first
    ("day_month", re.compile(rf"\b{_DAY}\s*(?:and|&|-|–|to)\s*[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"
                             rf"(?:,?\s+{_YEAR})?", re.I)),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR})?", re.I)),
    # "23/05 — Jebleh:" opening a sitrep's bullet, "on 23/05", "(23/05)": day and month in figures;
    # only there, since "3/4 of" and "24/7" are no days
    ("numeric", re.compile(r"(?<![\w/.:])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\d/])")),
    # "On New Year's Day, armed men killed 37": a feast of fixed date is that day
    ("feast", re.compile(rf"\b(?P<feast>New Year['’]?s Day|Christmas Day)\b(?:,?\s+{_YEAR})?", re.I)),
    ("month_year", re.compile(rf"\b(?:in|during|since|by|of|early|late|mid-?)\s+{_MONTH}\s+{_YEAR}\b", re.I)),
    ("month_only", re.compile(rf"\b(?:in|during|by|early|late|mid-?)\s+(?:(?:early|late|mid-?)\s*)?{_MONTH}\b(?!\s*\d)"
                              rf"(?:\s+(?P<which>last|this) year\b)?",
                              re.I)),
    ("weekday", re.compile(r"\b(?:on|last|this|late|early)?\s*(?P<weekday>monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)(?:\s+(?:night|morning|evening|afternoon))?\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night|overnight)\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("ago", re.compile(rf"\b(?P<more>more than |over |nearly |almost |about )?{_N}\s+(?P<unit>day|week|month|year)s?\s+ago\b",
                       re.I)),
    ("last_unit", re.compile(r"\blast (?P<unit>week|month|year)\b(?! \w+ (?:days|weeks|months))", re.I)),
    ("earlier_this", re.compile(r"\bearlier this (?P<unit>week|month|year)\b", re.I)),
    ("year", re.compile(rf"\b(?:in|since|during|of|from)\s+(?:(?:late|early|mid-?)\s*)?{_YEAR}\b", re.I)),
]


# Only the days themselves: an "Eve" is told of a night that spans two dates
_FEASTS = {"new years day": (1, 1), "christmas day": (12, 25)}

_SINCE_BEFORE_RE = re.compile(r"\b(?:since|until|till)\s*(?:the\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets within the sentence text
    end: int
    text: str
    value: date | None  # None when the expression has no year and no published date anchors it
    precision: int
    explicit: bool  # names a calendar date or a relative day, rather than a vague window


def find_dates(sentence: str, published: date | None) -> list[DateMention]:
    """All date expressions in the sentence, left to right, resolved against `published`."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            mention = _resolve(kind, match, published)
            if mention is not None and _SINCE_BEFORE_RE.search(sentence, 0, match.start()):
                # "attacked repeatedly since Monday": a reference point, never the date of what is told
                mention = DateMention(mention.start, mention.end, mention.text, None, mention.precision, explicit=False)
            if mention is not None:
                taken.append(span)
                found.append(mention)
    found.sort(key=lambda m: m.start)
    return found


def _resolve(kind: str, m: re.Match[str], published: date | None) -> DateMention | None:
    text = m.group(0).strip()
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    end = start + len(text)

    def make(value: date | None, precision: int = PRECISION_DAY, explicit: bool = True) -> DateMention:
        return DateMention(start, end, text, value, precision, explicit)

    if text.lower().startswith("since"):
        # "the deadliest blast since 2018": a reference point, never the date of what is told
        return make(None, PRECISION_MONTH, explicit=False)

    if kind == "iso":
        return make(_safe_date(int(m["year"]), int(m["m"]), int(m["d"])))
    if kind in ("month_day", "day_month"):
        month, day = MONTHS[m["month"].lower()], int(m["day"])
        if not 1 <= day <= 31:
            return None
        if m["year"]:
            return make(_safe_date(int(m["year"]), month, day))
        return make(_year_before(published, month, day))
    if kind == "feast":
        month, day = _FEASTS[re.sub(r"['’]", "", m["feast"]).lower()]
        if m["year"]:
            return make(date(int(m["year"]), month, day))
        return make(_year_before(published, month, day)) if published is not None else None
    if kind == "numeric":
        if not _NUMERIC_DATE_BEFORE_RE.search(m.string, 0, m.start()):
            return None  # "3/4 of the town", "24/7": only a line's opening, "on", "(" or a weekday date
        readings = _numeric_readings(int(m["a"]), int(m["b"]))
        if not readings:
            return None
        if published is None:
            return make(None)
        # day first unless that day is not in the week before the report and the other reading is
        dated = [d for month, day in readings if (d := _year_before(published, month, day)) is not None]
        return make(max(dated, key=lambda d: (d <= published + timedelta(days=7), d)) if dated else None)
    if kind == "month_year":
        return make(_safe_date(int(m["year"]), MONTHS[m["month"].lower()], 1), PRECISION_MONTH, explicit=False)
    if kind == "month_only":
        # "in January" in a March report is this January; in a February report, last year's
        if published is None:
            return make(None, PRECISION_MONTH, explicit=False)
        month = MONTHS[m["month"].lower()]
        year = published.year if month <= published.month else published.year - 1
        if m["which"]:  # "in June last year", "in March this year"
            year = published.year - (1 if m["which"].lower() == "last" else 0)
        return make(date(year, month, 1), PRECISION_MONTH, explicit=False)
    if published is None:
        # Relative expressions mean nothing without an anchor: report them without a value.
        return make(None, PRECISION_DAY, explicit=kind in ("weekday", "yesterday", "today"))
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
        if back == 0 and text.lower().startswith("last"):
            back = 7  # "last Monday" in a Monday paper is a week ago; "on Monday" is today
        return make(published - timedelta(days=back))
    if kind == "yesterday":
        return make(published - timedelta(days=1))
    if kind == "today":
        return make(published)
    if kind == "ago":
        n = NUMBER_WORDS.get(m["n"].lower()) or int(m["n"])
        unit = m["unit"].lower()
        if unit == "day":
            return make(published - timedelta(days=n))
        if unit == "week":
            return make(published - timedelta(weeks=n), PRECISION_WEEK, explicit=False)
        if unit == "month":
            return make(_shift_months(published, -n), PRECISION_MONTH, explicit=False)
        return make(_safe_date(published.year - n, published.month, 1), PRECISION_MONTH, explicit=False)
    if kind == "last_unit":
        unit = m["unit"].lower()
        if unit == "week":
            return make(published - timedelta(weeks=1), PRECISION_WEEK, explicit=False)
        if unit == "month":
            return make(_shift_months(published, -1), PRECISION_MONTH, explicit=False)
        return make(date(published.year - 1, 1, 1), PRECISION_MONTH, explicit=False)
    if kind == "earlier_this":
        unit = m["unit"].lower()
        if unit == "week":
            return make(published - timedelta(days=published.weekday()), PRECISION_WEEK, explicit=False)
        if unit == "month":
            return make(published.replace(day=1), PRECISION_MONTH, explicit=False)
        return make(published.replace(month=1, day=1), PRECISION_MONTH, explicit=False)
    if kind == "year":
        return make(date(int(m["year"]), 1, 1), PRECISION_MONTH, explicit=False)
    return None


def _numeric_readings(a: int, b: int) -> list[tuple[int, int]]:
    """(month, day) readings of "a/b": day first (most of the world's usage), then month first."""
    readings = [(b, a), (a, b)] if a != b else [(b, a)]
    return [(month, day) for month, day in readings if _safe_date(2000, month, day) is not None]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_before(published: date | None, month: int, day: int) -> date | None:
    """The most recent such day on or shortly after the published date (reports look back; a
    weekly dated from 28 December may still tell of 2 January)."""
    if published is None:
        return None
    candidates = [c for year in (published.year + 1, published.year, published.year - 1)
                  if (c := _safe_date(year, month, day)) is not None and c <= published + timedelta(days=7)]
    return max(candidates) if candidates else None


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# --- reports that give no year ---------------------------------------------------------------------
# "CAIRO, April 9 (Reuters) - ... on Sunday": a wire with no year and no published date names its
# day but not its year.  The extractor cannot date it; it keeps the day as an ISO 8601 partial date
# ("--04-09") and the merge reads the report in the year of an incident it may belong to.

_MONTH_DAY_PATTERNS = tuple(p for kind, p in PATTERNS if kind in ("month_day", "day_month", "numeric"))
_PARTIAL_RE = re.compile(r"^--(?P<m>[01]\d)-(?P<d>[0-3]\d)$")


def month_day(text: str) -> str | None:
    """The first calendar day `text` names, as "--MM-DD" (its year, if any, is ignored)."""
    found = [m for p in _MONTH_DAY_PATTERNS for m in p.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        if "a" in m.groupdict():
            readings = _numeric_readings(int(m["a"]), int(m["b"]))
            if readings:
                return f"--{readings[0][0]:02d}-{readings[0][1]:02d}"
            continue
        month, day = MONTHS[m["month"].lower()], int(m["day"])
        if _safe_date(2000, month, day) is not None:  # 2000 is a leap year: 29 February is a day
            return f"--{month:02d}-{day:02d}"
    return None


def read_in_year(partial: str, phrase: str | None, year: int) -> date | None:
    """The day a year-less report means, were its day (`partial`, "--MM-DD") in `year`:
    `phrase` ("on Thursday", "yesterday", "April 9") is read against that day, as if the report
    had been published on it; with no phrase, that day itself.  None when the day does not exist
    in that year (29 February)."""
    m = _PARTIAL_RE.match(partial)
    if m is None:
        return None
    anchor = _safe_date(year, int(m["m"]), int(m["d"]))
    if anchor is None:
        return None
    told = next((d.value for d in find_dates(phrase, anchor) if d.explicit and d.value is not None), None) \
        if phrase else None
    return told or anchor
