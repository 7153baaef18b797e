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
# French and Spanish names, for posts from the Sahel, Central Africa and Latin America
MONTHS_FR_ES = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8, "septiembre": 9,
    "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
MONTHS.update(MONTHS_FR_ES)
WEEKDAYS.update({"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
                 "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
                 "sabado": 5, "domingo": 6})
_UNITS_FR_ES = {"jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month", "an": "year",
                "ans": "year", "année": "year", "années": "year", "día": "day", "días": "day", "dia": "day", "dias": "day",
                "semana": "week", "semanas": "week", "mes": "month", "meses": "month", "año": "year", "años": "year"}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3}
NUMBER_WORDS.update({"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "quelques": 3, "plusieurs": 3,
                     "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "unos": 3, "unas": 3, "varios": 3,
                     "varias": 3})

_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_N = r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"
_MONTH_FR_ES = (r"(?P<month>janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
                r"decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)")
_WEEKDAY_FR_ES = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo"

# "Fri 26/06 —": a day and month in figures after a weekday, as sitreps date their bullets
_WEEKDAY_FORMS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Monday", "Tuesday",
                  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_WEEKDAY_BEFORE_RE = re.compile(r"\b(?:" + "|".join(_WEEKDAY_FORMS) + r")\.?,?\s+$", re.I)
_NUMERIC_DATE_BEFORE_RE = re.compile(r"(?:^|\n|\bon |\(|\b(?:" + "|".join(_WEEKDAY_FORMS) + r") )$", re.I)

_FR_ES_PATTERNS: set[re.Pattern[str]] = set()


def _fr_es(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A French or Spanish shape, tried only in a sentence with one of their words (`_ROMANCE_CUES`)."""
    _FR_ES_PATTERNS.add(pattern)
    return pattern


# Ordered: the first pattern that matches a span claims it.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?", re.I)),
    # "on 29 and 30 November 2022", "12-14 March": a span of days is dated by its first
    ("day_month", re.compile(rf"\b{_DAY}\s*(?:and|&|-|–|to)\s*[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"
                             rf"(?:,?\s+{_YEAR})?", re.I)),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR})?", re.I)),
    # "le 7 mars 2019", "1er août", "el 9 de abril de 2016"
    ("day_month", _fr_es(re.compile(rf"\b(?P<day>[0-3]?\d)(?:er|º|°)?\s+(?:de\s+)?{_MONTH_FR_ES}\b(?:,?\s+(?:de\s+|del\s+)?{_YEAR})?",
                             re.I))),
    # "23/05 — Jebleh:" opening a sitrep's bullet, "on 23/05", "(23/05)": day and month in figures;
    # only there, since "3/4 of" and "24/7" are no days
    ("numeric", re.compile(r"(?<![\w/.:])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\d/])")),
    # "Tue 27.10  Barda district: ...": day.month after a weekday, as European sitreps write it
    ("numeric_dotted", re.compile(r"(?<![\w/.:,])(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)(?!\d|\.\d)")),
    # "On New Year's Day, armed men killed 37": a feast of fixed date is that day
    ("feast", re.compile(rf"\b(?P<feast>New Year['’]?s Day|Christmas Day)\b(?:,?\s+{_YEAR})?", re.I)),
    ("month_year", re.compile(rf"\b(?:in|during|since|by|of|early|late|mid-?)\s+{_MONTH}\s+{_YEAR}\b", re.I)),
    ("month_year", _fr_es(re.compile(rf"\b(?:en|début|fin|mi-|courant|durant|a principios de|a finales de|a fines de|a mediados de)\s*"
                              rf"{_MONTH_FR_ES}\s+(?:de\s+|del\s+)?{_YEAR}\b", re.I))),
    ("month_only", re.compile(rf"\b(?:in|during|by|early|late|mid-?|last)\s+(?:(?:early|late|mid-?)\s*)?{_MONTH}\b(?!\s*\d)"
                              rf"(?:\s+(?P<which>last|this) year\b)?",
                              re.I)),
    ("weekday", re.compile(r"\b(?:on|last|this|late|early)?\s*(?P<weekday>monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)(?:\s+(?:night|morning|evening|afternoon))?\b", re.I)),
    # "dans la nuit de samedi à dimanche", "la noche del sábado al domingo": the night is dated by the day it ran into
    ("weekday", _fr_es(re.compile(rf"\b(?:dans\s+)?la\s+(?:nuit|noche)\s+(?:de|du|del)\s+(?:{_WEEKDAY_FR_ES})\s+(?:à|au|al|a)\s+"
                           rf"(?P<weekday>{_WEEKDAY_FR_ES})\b", re.I))),
    # "mardi soir", "le pasado martes", "el domingo por la noche" ("Santo Domingo" is a place)
    ("weekday", _fr_es(re.compile(rf"\b(?:(?:le|ce|el|este|el pasado|la madrugada del|la noche del|la nuit de)\s+)?"
                           rf"(?<!Santo )(?<!santo )(?P<weekday>{_WEEKDAY_FR_ES})(?:\s+(?:soir|matin|après-midi|dernier|passé|pasado|"
                           rf"(?:por|en) la (?:mañana|tarde|noche|madrugada)))?\b", re.I))),
    ("yesterday", re.compile(r"\b(?:yesterday|last night|overnight)\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("two_days", _fr_es(re.compile(r"\b(?:avant-hier|avant hier|anteayer|antier|antes de ayer)\b", re.I))),
    ("yesterday", _fr_es(re.compile(r"\b(?:hier(?:\s+(?:soir|matin|après-midi|dans la (?:soirée|matinée|nuit)))?|la nuit dernière|"
                             r"anoche|ayer(?:\s+(?:por|en) la (?:mañana|tarde|noche|madrugada))?|la noche del? ayer)\b", re.I))),
    # "cette nuit" in a morning's post is the night just gone, mostly its hours after midnight ("vers 1h du
    # matin"): the day of the post, where "la nuit dernière" and "anoche" are the evening before
    ("today", _fr_es(re.compile(r"\b(?:aujourd['’]hui|cette nuit|ce matin|cet après-midi|ce soir|en fin de matinée|hoy|esta (?:mañana|tarde|"
                         r"noche|madrugada)|este mediodía)(?!\w)", re.I))),
    ("ago", _fr_es(re.compile(r"\b(?:il y a|hace)\s+(?P<n>\d+|une?|deux|trois|quatre|cinq|quelques|plusieurs|una?|dos|tres|cuatro|cinco|"
                       r"unos|unas|varios|varias)\s+(?P<unit>jours?|semaines?|mois|ans|années?|an|d[ií]as?|semanas?|mes(?:es)?|"
                       r"años?)\b", re.I))),
    ("last_unit", _fr_es(re.compile(r"\b(?:la (?P<unit>semaine) (?:dernière|passée)|le (?P<unit2>mois) (?:dernier|passé)|"
                             r"l['’](?P<unit3>an|année) (?:dernière?|passée?)|(?:la|el) (?P<unit4>semana|mes|año) pasad[oa])\b", re.I))),
    ("ago", re.compile(rf"\b(?P<more>more than |over |nearly |almost |about )?{_N}\s+(?P<unit>day|week|month|year)s?\s+ago\b",
                       re.I)),
    ("last_unit", re.compile(r"\blast (?P<unit>week|month|year)\b(?! \w+ (?:days|weeks|months))", re.I)),
    ("earlier_this", re.compile(r"\bearlier this (?P<unit>week|month|year)\b", re.I)),
    ("year", re.compile(rf"\b(?:in|since|during|of|from)\s+(?:(?:late|early|mid-?)\s*)?{_YEAR}\b", re.I)),
]


# Only the days themselves: an "Eve" is told of a night that spans two dates
_FEASTS = {"new years day": (1, 1), "christmas day": (12, 25)}

_SINCE_BEFORE_RE = re.compile(r"\b(?:since|until|till|depuis|jusqu['’]au|jusqu['’]à|desde|hasta)\s*(?:the\s+|le\s+|el\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets within the sentence text
    end: int
    text: str
    value: date | None  # None when the expression has no year and no published date anchors it
    precision: int
    explicit: bool  # names a calendar date or a relative day, rather than a vague window


# Every French or Spanish date expression holds one of these words: a sentence without any is spared
# their patterns (reports are mostly English, and dates are read in every sentence)
_ROMANCE_CUES = frozenset(MONTHS_FR_ES) | frozenset(WEEKDAYS) - {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                                  "saturday", "sunday"} | frozenset(
    "hier ayer antier anteayer anoche nuit aujourd matin matinée après soir hoy mañana tarde noche madrugada mediodía "
    "il hace dernière dernier passée passé pasado pasada".split())
_WORDS_RE = re.compile(r"[^\W\d_]+")



def find_dates(sentence: str, published: date | None) -> list[DateMention]:
    """All date expressions in the sentence, left to right, resolved against `published`."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    romance = not _ROMANCE_CUES.isdisjoint(_WORDS_RE.findall(sentence.lower()))
    for kind, pattern in PATTERNS:
        if not romance and pattern in _FR_ES_PATTERNS:
            continue
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
    if kind in ("numeric", "numeric_dotted"):
        before = _WEEKDAY_BEFORE_RE if kind == "numeric_dotted" else _NUMERIC_DATE_BEFORE_RE
        if not before.search(m.string, 0, m.start()):
            return None  # "3/4 of the town", "24/7", "1.5 million": only a line's opening, "on", "(" or a weekday date
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
        if text.lower().startswith("last") and month == published.month:
            year -= 1  # "last July" in a July paper is a year ago
        which = m.groupdict().get("which")
        if which:  # "in June last year", "in March this year"
            year = published.year - (1 if which.lower() == "last" else 0)
        return make(date(year, month, 1), PRECISION_MONTH, explicit=False)
    if published is None:
        # Relative expressions mean nothing without an anchor: report them without a value.
        return make(None, PRECISION_DAY, explicit=kind in ("weekday", "yesterday", "today", "two_days"))
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
        if back == 0 and text.lower().startswith("last"):
            back = 7  # "last Monday" in a Monday paper is a week ago; "on Monday" is today
        return make(published - timedelta(days=back))
    if kind == "yesterday":
        return make(published - timedelta(days=1))
    if kind == "two_days":
        return make(published - timedelta(days=2))
    if kind == "today":
        return make(published)
    if kind == "ago":
        n = NUMBER_WORDS.get(m["n"].lower()) or int(m["n"])
        unit = _UNITS_FR_ES.get(m["unit"].lower(), m["unit"].lower())
        if unit == "day":
            return make(published - timedelta(days=n))
        if unit == "week":
            return make(published - timedelta(weeks=n), PRECISION_WEEK, explicit=False)
        if unit == "month":
            return make(_shift_months(published, -n), PRECISION_MONTH, explicit=False)
        return make(_safe_date(published.year - n, published.month, 1), PRECISION_MONTH, explicit=False)
    if kind == "last_unit":
        raw = next(u for u in (m.groupdict().get(g) for g in ("unit", "unit2", "unit3", "unit4")) if u)
        unit = {"semaine": "week", "semana": "week", "mois": "month", "mes": "month", "an": "year", "année": "year",
                "año": "year"}.get(raw.lower(), raw.lower())
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

_MONTH_DAY_PATTERNS = tuple(p for kind, p in PATTERNS if kind in ("month_day", "day_month", "numeric", "numeric_dotted"))
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
