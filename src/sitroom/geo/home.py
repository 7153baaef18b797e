"""Which country a report without a country hint is about, and names its own words contradict.

A Telegram post or a news page often carries no hint.  Counting every resolved name once lets
stray homonyms decide: "Pentecost" (a hamlet in Pennsylvania) and "Juma" (Yuma, Arizona) tie
with the Nigerian or Afghan town the post is about, and "Sa'ada" read as Sada in Mayotte
outvotes the title's "Yemen".  So each reading votes with a weight that says how sure it is:

* read by the place's own name rather than by some alternate name (Forest City is also called
  "Pentecost"), and spelt as written rather than by the romanisation skeleton;
* a country, a province, a capital or a city of 100,000 rather than a village;
* standing in the title or in a line's label ("OWO, ONDO STATE | ...", "Kismaayo | ..."), where
  the writer names the scene on purpose;

and an adjective of nationality before a place noun ("the northern Yemeni province of") votes
for its country outright, as does a script written in one country only (Thai, Burmese, Khmer,
Ge'ez, Hebrew, Georgian, Armenian, Sinhala...); one before a country's own institutions ("Somali
security forces", "the Afghan government") votes once, like a place (an army or troops may fight
abroad, so they do not).  A tie names no country.

Contradicted names: "SOLHAN (Yagha)", "X, Ondo State" or "the district of X, province of Y" say
which region holds the name.  When the name's reading lies outside that region (the only Solhan
the gazetteer has is in Turkey, while Yagha is a province of Burkina Faso), the reading is wrong:
the name is a place the gazetteer lacks, and it is coded ACLED-style at the region that holds it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sitroom.geo.demonyms import DEMONYMS
from sitroom.geo.doubtful import spelled_out
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.names import normalize
from sitroom.geo.resolve import span_candidates
from sitroom.model import Place

W_OWN_NAME = 1.0  # read by the place's own name
W_ALTERNATE = 0.5  # read only by an alternate name
W_LOOSE = 0.25  # read only through the romanisation skeleton
W_PROMINENT = 1.0
W_LABEL = 1.5  # in the title or a line's label
W_DEMONYM = 2.0  # "the Yemeni province of ..."
W_DATELINE = 1.0  # in the dateline: where the story was filed
W_NATIONAL_BODY = 1.0  # "Somali security forces" (once per country)
PROMINENT_POPULATION = 100_000
_PROMINENT = frozenset({"PCLI", "ADM1", "PPLC", "PPLA"})
_REGIONS = frozenset({"PCLI", "ADM1", "ADM2"})

# "Yemeni province", "a Syrian border town", "the Iraqi city of": whose place the noun is
_DEMONYM_PLACE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:(?:border|frontier|northern|southern|eastern|"
                            r"western|central|coastal|mountain|desert|capital)\s+)?(?:province|governorate|city|town|"
                            r"village|region|district|capital|port|state|county|oblast|prefecture)\b")
# "Somali security forces", "the Nigerian police", "the Afghan government": a country's own
# institutions, which act at home (an army or troops may fight abroad, so they say nothing)
_NATIONAL_BODY = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:security\s+forces|police|government|authorities)\b")
# A line's label: the words before " | " or ":" that open a line ("OWO, ONDO STATE | Gunmen ...")
_LABEL = re.compile(r"^[^\w\n]*([^\n|:]{2,60}?)\s*[|:]", re.M)
TITLE_MAX = 150  # a first line this short, followed by more text, is a title ...
# ... unless it is a dateline ("ANKARA, Feb. 14, 2021 —", "KUNDUZ (AP) —"): where the story was
# filed, which is often not where it happened
_DATELINE = re.compile(r"^\s*[A-Z][A-Z'’. -]+(?:,|\s*\()")
# "X (Y)" / "X, Y": the name right after, in brackets or after a comma, holds X -- unless the
# comma is one of a list ("Kirkuk, Nineveh and Anbar")
_BRACKET_GAP = re.compile(r"\s*\(\s*")
_COMMA_GAP = re.compile(r"\s*,\s*")
# "district of X, province of Y", "X, in the department of Y": the unit word said before the holder
_UNIT_GAP = re.compile(r"\s*,\s*(?:in\s+)?(?:the\s+)?(?:province|department|region|governorate|state|prefecture)\s+of\s+"
                       r"(?:the\s+)?", re.I)
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|&)\s*$")
_LIST_AFTER = re.compile(r"\s*(?:,|and\b|or\b|&)\s*[A-Z]")


def _labels(text: str) -> list[tuple[int, int]]:
    spans = [m.span(1) for m in _LABEL.finditer(text)]
    first = text.split("\n", 1)
    if len(first) == 2 and first[1].strip() and len(first[0]) <= TITLE_MAX and not _DATELINE.match(first[0]):
        spans.append((0, len(first[0])))
    return spans


def _own_name(name: str, place: Place, gazetteer: Gazetteer) -> bool:
    """Read by the place's own name, or a short form of it ("Gara" for Gara Mountain)."""
    if f" {normalize(name)} " in f" {normalize(place.name)} ":
        return True
    return any(c.by_own_name and c.place.geonameid == place.geonameid and c.place.name == place.name
               for c in span_candidates(name, gazetteer, fuzzy=False))


def _dateline_end(text: str) -> int:
    """End of a dateline opening the text ("ANKARA, Feb. 14, 2021 —"), else 0: the filing city
    says where the reporter sat, not surely what the story is about."""
    first = text.split("\n", 1)[0]
    return len(first) if len(first) <= TITLE_MAX and _DATELINE.match(first) else 0


def vote_weight(t, in_label: bool, gazetteer: Gazetteer) -> float:
    """How much one resolved mention says about the report's country (see the module docstring)."""
    place = t.place
    own = spelled_out(t, gazetteer) and _own_name(t.text, place, gazetteer)
    # a word of three letters matches some town's alternate name somewhere ("Sor" is one of Tyre's)
    w = W_OWN_NAME if own else W_ALTERNATE if spelled_out(t, gazetteer) and len(t.text) > 3 else W_LOOSE
    # a big place read only by an alternate name is the stray homonym this vote guards against
    # ("Or Sor volunteers" read as Tyre, whose names include "Sor"): only its own name makes it prominent
    if own and ((place.feature_code or "") in _PROMINENT or place.population >= PROMINENT_POPULATION):
        w += W_PROMINENT
    if in_label:
        w += W_LABEL
    return w


def home_country(text: str, readings: Sequence, gazetteer: Gazetteer,
                 skip: frozenset[str] = frozenset()) -> str | None:
    """The country the report is about, voted from its resolved mentions (``readings``: Toponyms
    with a place; metonyms and seats such as "Ankara said" left out) and its demonyms; None on a tie.  Names in ``skip`` (keys,
    see contradicted) do not vote."""
    labels = _labels(text)
    filed = _dateline_end(text)
    votes: Counter = Counter()
    for t in readings:
        if normalize(t.text) in skip or not t.place.country_code:
            continue
        if t.start < filed:  # a filing place says little, but "KABUL, Afghanistan" is still a hint
            votes[t.place.country_code] += W_DATELINE
            continue
        in_label = any(s <= t.start and t.end <= e for s, e in labels)
        votes[t.place.country_code] += vote_weight(t, in_label, gazetteer)
    for m in _DEMONYM_PLACE.finditer(text):
        cc = DEMONYMS.get(m.group(1).lower())
        if cc:
            votes[cc] += W_DEMONYM
    for cc in {DEMONYMS.get(m.group(1).lower()) for m in _NATIONAL_BODY.finditer(text)} - {None}:
        votes[cc] += W_NATIONAL_BODY
    script = national_script(text)
    if script is not None:
        votes[script] += W_DEMONYM
    if not votes:
        return None
    (best, n), *rest = votes.most_common(2) + [(None, 0.0)]
    return best if n > rest[0][1] else None


# Scripts written in one country only: a post labelled "ยะลา |" is from Thailand whatever else it names.
# (Arabic, Cyrillic, Latin, Tamil and the like are shared by many countries and say nothing.)
_NATIONAL_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0E00, 0x0E7F, "TH"), (0x0E80, 0x0EFF, "LA"), (0x1000, 0x109F, "MM"), (0x1780, 0x17FF, "KH"),
    (0x1200, 0x137F, "ET"), (0x0590, 0x05FF, "IL"), (0x10A0, 0x10FF, "GE"), (0x0530, 0x058F, "AM"),
    (0x0D80, 0x0DFF, "LK"), (0x0980, 0x09FF, "BD"), (0x0A00, 0x0A7F, "IN"), (0x0A80, 0x0AFF, "IN"),
)
SCRIPT_MIN_LETTERS = 3


_SCRIPT_CHAR_RE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi, _ in _NATIONAL_SCRIPTS) + "]")


def national_script(text: str) -> str | None:
    """The country whose own script the text uses (at least a word of it), else None."""
    counts: Counter = Counter()
    for ch in _SCRIPT_CHAR_RE.findall(text):  # one pass in C; only the rare letters reach Python
        code = ord(ch)
        counts[next(cc for lo, hi, cc in _NATIONAL_SCRIPTS if lo <= code <= hi)] += 1
    if not counts:
        return None
    cc, n = counts.most_common(1)[0]
    return cc if n >= SCRIPT_MIN_LETTERS else None


def _holds(holder: Place, place: Place) -> bool:
    if holder.country_code != place.country_code:
        return False
    if holder.feature_code == "PCLI":
        return True
    if holder.admin1 != place.admin1:
        return False
    return holder.feature_code == "ADM1" or holder.admin2 == place.admin2


def contradicted(text: str, readings: Sequence) -> dict[str, Place]:
    """Names whose reading lies outside the region that the text says holds them: name key -> that
    region ("SOLHAN (Yagha)": Solhan, Turkey, is not in Yagha, Burkina Faso)."""
    ordered = sorted(readings, key=lambda t: t.start)
    out: dict[str, Place] = {}
    for t, nxt in zip(ordered, ordered[1:], strict=False):
        holder = nxt.place
        if (holder.feature_code or "") not in _REGIONS or (t.place.feature_code or "") in _REGIONS:
            continue
        if _COMMA_GAP.fullmatch(text, t.end, nxt.start):
            if _LIST_BEFORE.search(text, max(0, t.start - 6), t.start) or _LIST_AFTER.match(text, nxt.end):
                continue
        elif not (_BRACKET_GAP.fullmatch(text, t.end, nxt.start) or _UNIT_GAP.fullmatch(text, t.end, nxt.start)):
            continue
        if _holds(holder, t.place):
            continue
        out[normalize(t.text)] = holder
    return out
