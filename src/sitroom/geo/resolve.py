"""Toponym resolution: pick, for each place-name span, the gazetteer entry it refers to.

Each candidate gets a score from independent pieces of evidence, summed:

* prominence: log population, and feature type (country > region > capital > admin seat > town);
* spelling: matched the place's own name rather than an alternate or a fuzzy skeleton;
* country: the caller's hint, and the countries of the other places in the document, weighted
  by how sure we are of them (a first pass without context supplies them);
* containment: "Alexandria, Louisiana" -- a region or country named right after the name, or
  anywhere in the text, that contains the candidate.

The weights are round numbers chosen so that one strong piece of context (a hint, or the
containing region spelled out) outweighs roughly two orders of magnitude of population.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.geo.demonyms import CONTINENT_BODIES, DEMONYMS
from sitroom.geo.gazetteer import Candidate, Gazetteer
from sitroom.geo.names import normalize
from sitroom.geo.recognize import recognize
from sitroom.model import Place, Toponym

FEATURE_BONUS = {
    "PCLI": 6.0, "CONT": 6.0, "ADM1": 2.5, "PPLC": 3.0, "PPLA": 1.5, "PPLA2": 0.8, "PPLA3": 0.3,
    "ADM2": -0.5, "PPLX": -1.0, "MILB": 1.0, "AIRP": 0.5,
}
W_OWN_NAME = 1.0
W_FUZZY = -1.5
W_HINT = 4.0
W_DOC_COUNTRY = 3.0
W_CONTAINER_NEXT = 6.0  # "X, Louisiana"
W_CONTAINER_DOC = 2.0  # the region is named somewhere in the text
W_REGION_SHADOWED = -4.0  # "Kirkuk" alone is the city, not the province of the same name
W_REGION_NAMED = 4.0  # "Kirkuk province": now the region is meant
W_FEATURE_NAMED = 5.0  # "the Gara mountains", "Ain al-Asad air base": the kind of place is said
# A noun right after a name says what kind of place it is; GeoNames feature codes of that kind.
_FEATURE_CUES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"\s+(?:mountains?|mount|range|hills?|heights|peak)\b", re.I), frozenset({"MT", "MTS", "HLL", "HLLS", "PK", "RDGE"})),
    (re.compile(r"\s+(?:valley|wadi)\b", re.I), frozenset({"VAL", "WAD"})),
    (re.compile(r"\s+(?:river|stream)\b", re.I), frozenset({"STM"})),
    (re.compile(r"\s+(?:lake|reservoir)\b", re.I), frozenset({"LK", "RSV"})),
    (re.compile(r"\s+(?:dam)\b", re.I), frozenset({"DAM"})),
    (re.compile(r"\s+(?:air ?base|airbase|base|camp|barracks)\b", re.I), frozenset({"MILB", "AIRB", "CMP", "INSM"})),
    (re.compile(r"\s+(?:airport|airfield)\b", re.I), frozenset({"AIRP", "AIRF", "AIRB"})),
)
_REGION_WORD = re.compile(r"\s*(?:province|governorate|region|state|district|county|oblast|prefecture|"
                          r"department|parish|muhafazat)\b", re.I)
# Words around a name that the gazetteer does not carry: "northern Iraq", "Nineveh province".
_AFFIX = re.compile(r"^(?:(?:the\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
                    r"south-?west)(?:ern)?\s+)|\s+(?:province|governorate|region|city|town|village|district|"
                    r"county|area|countryside|outskirts)$", re.I)
_NEXT_CONTAINER = re.compile(r"\s*,\s*(?:the\s+)?([A-Z][\w'’.\- ]{1,40}?)"
                             r"(?=[,.;:)\n]|\s+(?:on|in|and|at|where|was|is)\b|$)")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def prior(c: Candidate) -> float:
    """Context-free plausibility of a candidate."""
    p = c.place
    score = math.log10(p.population + 10) + FEATURE_BONUS.get(p.feature_code or "", 0.0)
    if c.by_own_name:
        score += W_OWN_NAME
    if c.fuzzy:
        score += W_FUZZY
    return score


@dataclass(slots=True)
class Context:
    """What the document as a whole says about where it is."""

    hint: str | None
    countries: Counter  # country code -> weight
    admin1: set[str]  # admin1 codes ("US.LA") named in the text


def _container_after(text: str, end: int, gz: Gazetteer) -> tuple[set[str], set[str]]:
    """Country codes and admin1 codes named right after a name: "Alexandria, Louisiana"."""
    m = _NEXT_CONTAINER.match(text, end)
    if not m:
        return set(), set()
    ccs, a1s = set(), set()
    for c in gz.candidates(m.group(1).strip(), fuzzy=False):
        if c.place.feature_code == "PCLI":
            ccs.add(c.place.country_code)
        elif c.place.feature_code == "ADM1" and c.admin1_code:
            a1s.add(c.admin1_code)
    return ccs, a1s


def score(c: Candidate, ctx: Context, near: tuple[set[str], set[str]]) -> float:
    s = prior(c)
    cc = c.place.country_code
    if cc and ctx.hint and cc == ctx.hint:
        s += W_HINT
    if cc and ctx.countries:
        s += W_DOC_COUNTRY * ctx.countries.get(cc, 0.0) / max(ctx.countries.values())
    if cc in near[0] or (c.admin1_code and c.admin1_code in near[1]):
        s += W_CONTAINER_NEXT
    elif c.admin1_code and c.admin1_code in ctx.admin1 and c.place.feature_code != "ADM1":
        s += W_CONTAINER_DOC
    return s


def _context(cands: list[tuple[Candidate, ...]], hint: str | None) -> Context:
    """First pass: each span votes for the countries of its best context-free candidate."""
    countries: Counter = Counter()
    admin1: set[str] = set()
    for cs in cands:
        if not cs:
            continue
        ranked = sorted(cs, key=prior, reverse=True)
        best = ranked[0]
        margin = prior(best) - prior(ranked[1]) if len(ranked) > 1 else 3.0
        if best.place.country_code:
            countries[best.place.country_code] += min(1.0, 0.25 + margin / 4)
        if best.place.feature_code == "ADM1" and best.admin1_code and margin > 1:
            admin1.add(best.admin1_code)
    return Context(hint.upper() if hint else None, countries, admin1)


def _demonym_candidates(name: str, gz: Gazetteer) -> tuple[Candidate, ...]:
    """"Chinese" -> China, "European Union" -> Europe: the country or continent an adjective names."""
    key = normalize(name)
    target = DEMONYMS.get(key) or CONTINENT_BODIES.get(key)
    if target is None and key.endswith("s"):
        target = DEMONYMS.get(key[:-1])
    if target is None:
        return ()
    found = gz.continent(target[1:]) if target.startswith("@") else gz.country(target)
    return (found,) if found else ()


def span_candidates(name: str, gz: Gazetteer) -> tuple[Candidate, ...]:
    """Candidates for a span's text; failing that, for it without direction or admin words."""
    name = name.strip(" .,;:\"'()")
    found = _demonym_candidates(name, gz) or gz.candidates(name)
    while not found:
        shorter = _AFFIX.sub("", name, count=1).strip()
        if shorter == name or not shorter:
            break
        name = shorter
        found = gz.candidates(name)
    return found


def _with_expected_country(name: str, cs: tuple[Candidate, ...], wanted: set[str],
                           gz: Gazetteer) -> tuple[Candidate, ...]:
    """If the text says which country and no exact candidate lies there, add close spellings there.

    "Al Iskandariyah, Iraq": the exact key is an alternate name of Alexandria, Egypt, while the
    Iraqi town is spelt differently in GeoNames and only the romanisation skeleton finds it.
    """
    if not wanted or any(c.place.country_code in wanted for c in cs):
        return cs
    extra = tuple(c for c in gz.fuzzy(name.strip(" .,;:\"'()")) if c.place.country_code in wanted)
    return cs + extra


def _shadowed_regions(cs: Sequence[Candidate]) -> set[int]:
    """Ids of regions that share the name with a town inside them, or with their country's capital
    ("Washington" is the capital before the state): the town is meant unless the text says otherwise."""
    towns = {c.admin1_code for c in cs if (c.place.feature_code or "").startswith("PPL")}
    capitals = {c.place.country_code for c in cs if c.place.feature_code == "PPLC"}
    return {c.id for c in cs if c.place.feature_code in ("ADM1", "ADM2")
            and (c.admin1_code in towns or c.place.country_code in capitals)}


def _inner_candidates(name: str, gz: Gazetteer) -> tuple[Candidate, ...]:
    """A place named inside a longer name: "Manila Cathedral" -> Manila, "Cavan Institute" -> Cavan.

    Facilities, streets and institutions are rarely in the gazetteer, but most carry the name of
    the town or region they are in, which is within a few kilometres of them."""
    for m in recognize(name, gz):
        found = span_candidates(m.text, gz)
        if found:
            return found
    return ()


def _focus(toponyms: Sequence[Toponym]) -> Place | None:
    """The place a document is mostly about: its most often named town or region (first named on a
    tie), else its most often named country."""
    local: Counter = Counter()
    wide: Counter = Counter()
    for t in toponyms:
        if t.place is None:
            continue
        bucket = wide if t.place.feature_code in ("PCLI", "CONT") else local
        bucket[(t.place.name, t.place.latitude, t.place.longitude)] += 1
    best = local or wide
    if not best:
        return None
    key = best.most_common(1)[0][0]
    return next(t.place for t in toponyms if t.place and (t.place.name, t.place.latitude, t.place.longitude) == key)


def _feature_named(text: str, end: int) -> frozenset[str]:
    for cue, codes in _FEATURE_CUES:
        if cue.match(text, end):
            return codes
    return frozenset()


def resolve_spans(text: str, spans: Sequence[Span], gz: Gazetteer, country_hint: str | None = None,
                  guess_unknown: bool = True) -> list[Toponym]:
    """Resolve exactly the given spans.

    A span whose name is not in the gazetteer (a street, a building, a venue) is placed, if
    ``guess_unknown``, at a place named inside it, else at the document's focus (see _focus):
    the caller said it is a place, and in news such places lie in the town the story is about.
    Otherwise, or when the document names no place at all, it keeps place None."""
    cands = [span_candidates(text[s.start:s.end], gz) or _inner_candidates(text[s.start:s.end], gz)
             for s in spans]
    ctx = _context(cands, country_hint)
    out = []
    for s, cs in zip(spans, cands, strict=True):
        best = None
        near = _container_after(text, s.end, gz) if cs else (set(), set())
        cs = _with_expected_country(text[s.start:s.end], cs, near[0] | ({ctx.hint} if ctx.hint else set()), gz)
        if cs:
            region_named = bool(_REGION_WORD.match(text, s.end)) or bool(_REGION_WORD.search(text[s.start:s.end]))
            shadowed = set() if region_named else _shadowed_regions(cs)

            kinds = _feature_named(text, s.end)

            def total(c: Candidate, near=near, shadowed=shadowed, region_named=region_named, kinds=kinds) -> float:
                s = score(c, ctx, near) + (W_REGION_SHADOWED if c.id in shadowed else 0.0)
                if region_named and c.place.feature_code in ("ADM1", "ADM2"):
                    s += W_REGION_NAMED
                if c.place.feature_code in kinds:
                    s += W_FEATURE_NAMED
                return s

            best = max(cs, key=total).place
        out.append(Toponym(s.start, s.end, text[s.start:s.end], best))
    if guess_unknown and any(t.place is None for t in out):
        focus = _focus(out)
        out = [t if t.place is not None or focus is None else Toponym(t.start, t.end, t.text, focus) for t in out]
    return out
