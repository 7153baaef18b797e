"""Running-count statements in reports ("Today's attack was the 21st against US-led coalition
supplies convoys in Iraq in the last seven weeks") as `TallyClaim` records.

A claim is: an ordinal or a count, what is counted (a noun phrase of attack words and targets),
an optional place ("in Iraq") and a window ("in the last seven weeks", "in a week", "this
year").  The as-of date is the report's published date.  The subject is also translated into
a filter (event type, target word, keyword, country) so `analyze.claims` can count the same.
"""

from __future__ import annotations

import re
from datetime import date

from sitroom.ingest.country import country_code
from sitroom.model import Document, Evidence, TallyClaim

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "thirty": 30,
}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}

_ORD = r"(?P<ord>\d{1,4}(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + r")"
_NUM = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>days?|weeks?|fortnights?|months?|years?)"
_WINDOW = (r"(?P<window>(?:in|within|over|during)\s+(?:the\s+)?(?:last|past|previous)\s+" + _NUM + r"\s+" + _UNIT
           + r"|in\s+(?:a|one)\s+(?P<unit1>day|week|fortnight|month|year)"
           + r"|(?:this|so\s+far\s+this)\s+(?P<unit2>week|month|year))")
# "was the 21st (attack) against X in Iraq in the last seven weeks"; "the third rocket attack in a week on Y"
_CLAIM = re.compile(
    r"\b(?:was|is|marks|marked|became|becomes)\s+the\s+" + _ORD
    + r"\s+(?P<subject>[^.;:!?]{0,160}?)\s*" + _WINDOW + r"(?P<tail>[^.;!?]{0,120})",
    re.IGNORECASE)

_TYPE_WORDS = (
    (re.compile(r"\brocket|\bmortar|\bmissile|\bshell", re.I), "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    (re.compile(r"\broadside|\bied\b|\bexplosive device|\bbomb(?:ing)?s?\b(?! attack by)", re.I),
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    (re.compile(r"\bdrone|\bair ?strike", re.I), "Explosions/Remote violence", "Air/drone strike"),
)
_TARGET_WORDS = ("coalition", "convoy", "embassy", "base", "airport", "protester", "checkpoint")
_IN_PLACE = re.compile(r"\bin\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")


def _ordinal(text: str) -> int | None:
    low = text.lower()
    if low in _ORDINALS:
        return _ORDINALS[low]
    digits = re.match(r"\d+", low)
    return int(digits.group()) if digits else None


def _window_days(m: re.Match[str]) -> int | None:
    if m.group("unit1"):
        return _UNIT_DAYS[m.group("unit1").lower()]
    if m.group("unit2"):
        return None  # "this year": a calendar window, not a length; left to the reader
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _NUMBERS.get(n)
    unit = m.group("unit").lower().rstrip("s")
    return count * _UNIT_DAYS[unit] if count else None


def _filter_from(subject: str, tail: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(event_type, sub_event_type, target, keyword) that count what the subject names."""
    event_type = sub_type = None
    for pattern, etype, sub in _TYPE_WORDS:
        if pattern.search(subject):
            event_type, sub_type = etype, sub
            break
    words = f"{subject} {tail}".lower()
    found = [w for w in _TARGET_WORDS if w in words]
    target = "coalition" if "coalition" in found else None
    keyword = next((w for w in found if w != "coalition"), None)
    return event_type, sub_type, target, keyword


def _country(text: str) -> str | None:
    for m in _IN_PLACE.finditer(text):
        code = country_code(m.group(1))
        if code:
            return code
    return None


def extract_tally_claims(doc: Document, as_of: date | None = None) -> list[TallyClaim]:
    """Every running-count statement in `doc`; `as_of` defaults to the published date."""
    out: list[TallyClaim] = []
    for m in _CLAIM.finditer(doc.text):
        count = _ordinal(m.group("ord"))
        if not count or count < 2:  # "the first attack" is not a tally
            continue
        subject = " ".join(m.group("subject").split())
        tail = m.group("tail")
        event_type, sub_type, target, keyword = _filter_from(subject, tail)
        start, end = _sentence_bounds(doc.text, m.start(), m.end())
        out.append(TallyClaim(
            doc_id=doc.id, count=count, subject=subject or "attacks", as_of=as_of or doc.published,
            window_days=_window_days(m), window_text=" ".join(m.group("window").split()),
            event_type=event_type, sub_event_type=sub_type, target=target, keyword=keyword,
            country_code=_country(subject + " " + tail),
            evidence=Evidence(start, end, doc.text[start:end], doc.id),
        ))
    return out


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to its sentence, so the evidence reads as the report wrote it."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return left + 1 if left >= 0 else 0, right
