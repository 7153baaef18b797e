"""Toponym resolution: pick, for each place-name span, the gazetteer entry it refers to.

Each candidate gets a score from independent pieces of evidence, summed:

* prominence: log population, and feature type (country > region > capital > admin seat > town);
* spelling: matched the place's own name rather than an alternate or a fuzzy skeleton;
* country and admin1: the caller's hint, and the countries and states/provinces of the *other*
  names of the document (each distinct name votes once, weighted by how sure we are of it; a
  context-free pass first, then re-votes with the context-aware picks);
* coherence: other names with a plausible reading within ~80 km ("Edmonton" with "Enfield" is the
  London suburb, "London" with "St. Thomas" the Ontario city);
* containment: "Alexandria, Louisiana" -- a region or country named right after the name, or
  anywhere in the text, that contains the candidate.

The weights are round numbers chosen so that one strong piece of context (a hint, or the
containing region spelled out) outweighs roughly two orders of magnitude of population.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sitroom.geo import focus
from sitroom.geo.demonyms import CONTINENT_BODIES, DEMONYMS, REGION_DEMONYMS
from sitroom.geo.gazetteer import Candidate, Gazetteer
from sitroom.geo.names import normalize
from sitroom.geo.recognize import recognize
from sitroom.model import Toponym

FEATURE_BONUS = {
    "PCLI": 6.0, "CONT": 6.0, "ADM1": 2.5, "PPLC": 3.0, "PPLA": 1.5, "PPLA2": 0.8, "PPLA3": 0.3,
    "ADM2": -0.5, "PPLX": -1.0, "MILB": 1.0, "AIRP": 0.5,
    # seas and world regions (data/regions.csv): named in news as often as countries, no population
    # (log population is 1 for them, so these put them level with a mid-sized country)
    "OCN": 9.0, "SEA": 8.0, "GULF": 8.0, "RGN": 8.0, "PEN": 8.0, "PCLH": 9.0,
}
W_OWN_NAME = 1.0
# Matched only by an alternate name while another place bears the name as its own: cities500's
# alternate names are noisy (Dayton carries "Venice", Casablanca "White House"), and news means
# the place called so.
W_ALT_ONLY = -2.0
W_FUZZY = -1.5
W_HINT = 4.0
W_DOC_COUNTRY = 3.0
W_CONTAINER_NEXT = 6.0  # "X, Louisiana"
W_CONTAINER_DOC = 2.0  # the region is named somewhere in the text
W_REGION_SHADOWED = -4.0  # "Kirkuk" alone is the city, not the province of the same name
W_REGION_NAMED = 4.0  # "Kirkuk province": now the region is meant
W_FEATURE_NAMED = 5.0  # "the Gara mountains", "Ain al-Asad air base": the kind of place is said
W_DOC_ADMIN1 = 2.0  # other names of the document lie in the candidate's state/province (local news)
# Other names' votes for a state/province reach full weight at this many (sure) names: one
# Los Angeles in a story does not make a hamlet called London, California outrank the capital
# named in passing ("an artist based in London"); three Missouri towns do make Monroe County Missouri's.
ADMIN1_FULL_VOTES = 2.0
# Other names of the text read as states/provinces of one country ("Alabama, Florida and Georgia"):
# a name that may be one of them or something else (Georgia the country) is likelier one of them.
W_SIBLING_REGIONS = 2.0
W_CONTAINER_PREV = 5.0  # "Tacoma, Washington": the region that holds the town named just before
W_COHERENCE = 1.5  # per other name with a plausible reading near the candidate
COHERENCE_CAP = 3.0
_COHERENCE_TOP = 6  # readings per name that take part in the coherence term
_COHERENCE_DEG2 = 0.75 ** 2  # "near": within ~80 km (degrees, longitude scaled by cos(latitude))
COHERENCE_DECAY = 3.0  # a partner reading this many points below its name's best counts 1/e
_NO_COHERENCE = frozenset({"PCLI", "CONT", "ADM1", "OCN", "SEA", "GULF", "RGN", "PEN", "PCLH"})
CONTEXT_PASSES = 2  # re-vote with the context-aware picks this many times
# Abbreviations of US states, Canadian provinces and Australian states as newspapers write them
# (AP style and postal codes): "Glasgow, Ky.", "Regina, Sask.", "Austin, TX".  Matched as
# written, with case and dots, and only for a whole span or right after a comma.
_US_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "Penn.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wisc.": "Wisconsin",
    "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}
_US_POSTAL = ("AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|"
              "FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|"
              "LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|"
              "MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|"
              "NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|"
              "RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|"
              "VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming|DC District of Columbia")
_CA_PROVINCES = {
    "Alta.": "Alberta", "B.C.": "British Columbia", "Man.": "Manitoba", "N.B.": "New Brunswick",
    "Nfld.": "Newfoundland and Labrador", "N.L.": "Newfoundland and Labrador", "N.S.": "Nova Scotia",
    "Ont.": "Ontario", "P.E.I.": "Prince Edward Island", "Que.": "Quebec", "Sask.": "Saskatchewan",
    "N.W.T.": "Northwest Territories", "Y.T.": "Yukon", "AB": "Alberta", "BC": "British Columbia",
    "ON": "Ontario", "QC": "Quebec", "SK": "Saskatchewan", "MB": "Manitoba", "NS": "Nova Scotia",
    "NB": "New Brunswick", "PEI": "Prince Edward Island",
}
_AU_STATES = {
    "NSW": "New South Wales", "Qld": "Queensland", "QLD": "Queensland", "Vic.": "Victoria",
    "Tas.": "Tasmania", "ACT": "Australian Capital Territory", "NT": "Northern Territory",
    "WA": "Western Australia", "SA": "South Australia",
}
REGION_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    **{k: ("US", v) for k, v in _US_STATES.items()},
    **{code: ("US", name) for code, name in (p.split(" ", 1) for p in _US_POSTAL.split("|"))},
    **{k: ("CA", v) for k, v in _CA_PROVINCES.items()},
    **{k: ("AU", v) for k, v in _AU_STATES.items() if k not in ("WA", "SA")},  # postal WA/SA are US/.. too
}
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
# ("Jebleh (Latakia gov.)": a summary's abbreviation for the governorate)
_REGION_WORD = re.compile(r"\s*(?:gov\.|prov\.|(?:province|governorate|region|state|district|county|oblast|prefecture|"
                          r"department|parish|muhafazat|cercle|sub-?prefecture|commune|wilaya)\b)", re.I)
# "the province of Satipo", "department of Junin", "la provincia de Satipo": the region word before
# the name ("district of" is left out: "the Karrada district of Baghdad" names the city)
_REGION_WORD_BEFORE = re.compile(r"\b(?:province|provincia|department|d[ée]partement|departamento|governorate|region|"
                                 r"r[ée]gion|state|prefecture|pr[ée]fecture|oblast|wilaya)\s+(?:of|de|del|du|de\s+la)\s+"
                                 r"(?:the\s+)?$", re.I)
# Words around a name that the gazetteer does not carry: "northern Iraq", "Nineveh province".
_AFFIX = re.compile(r"^(?:(?:the\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
                    r"south-?west)(?:ern)?\s+)|\s+(?:province|governorate|region|state|city|town|village|district|"
                    r"county|area|countryside|outskirts)$", re.I)
_ABBREVIATION_AFTER = re.compile(r"\s*,\s*((?:[A-Z][a-z]{0,4}\.){1,3}|[A-Z]{2,3}|Qld)(?=[\s,;:)]|$)")
_COMMA_ONLY = re.compile(r"\s*,\s*")
_LIST_NEXT = re.compile(r"\s+(?:and|or|&)\s+[A-Z]")
_BRACKET_CONTAINER = re.compile(r"\s*\(\s*([A-Z][\w'’.\- ]{1,40}?)(?:\s+(?:gov\.|prov\.|province|governorate|region|"
                                r"district|state))?\s*\)")
# "the northern Yemeni province of", "a Syrian border town called": whose place the name is
_DEMONYM_PLACE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:border|frontier|northern|southern|eastern|western|central|"
                                   r"coastal|mountain|desert)\s+)?(?:province|governorate|city|town|village|region|"
                                   r"district|capital|port)\s+(?:of|called|named)\s+(?:the\s+)?$")
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
    """What the rest of the document says about where it is: weighted votes of the other names."""

    hint: str | None
    countries: Counter  # country code -> weight
    admin1: Counter  # admin1 code ("US.LA") -> weight
    named_admin1: set[str]  # admin1 regions named in the text
    regions: Counter = field(default_factory=Counter)  # country code -> weight of names read as its ADM1s


def _container_after(text: str, start: int, end: int, gz: Gazetteer) -> tuple[set[str], set[str]]:
    """Country codes and admin1 codes named right after a name ("Alexandria, Louisiana", "Solhan
    (Yagha)"; a district holds its province's admin1 code), or said by an adjective of nationality
    before it ("the northern Yemeni province of Sa'ada")."""
    abbrev = _ABBREVIATION_AFTER.match(text, end)
    found = _abbreviation_candidates(abbrev.group(1), gz) if abbrev else ()
    m = None if found else (_NEXT_CONTAINER.match(text, end) or _BRACKET_CONTAINER.match(text, end))
    if m:
        found = gz.candidates(m.group(1).strip(), fuzzy=False)
    ccs, a1s = set(), set()
    for c in found:
        if c.place.feature_code == "PCLI":
            ccs.add(c.place.country_code)
        elif c.place.feature_code in ("ADM1", "ADM2") and c.admin1_code:
            a1s.add(c.admin1_code)
    demonym = _DEMONYM_PLACE_BEFORE.search(text, max(0, start - 60), start)
    if demonym and DEMONYMS.get(demonym.group(1).lower()):
        ccs.add(DEMONYMS[demonym.group(1).lower()])
    return ccs, a1s


def _context_score(c: Candidate, ctx: Context) -> float:
    """Evidence from the other names of the document (see Context)."""
    s = 0.0
    if c.admin1_code and ctx.admin1 and c.place.feature_code not in ("PCLI", "CONT"):
        s += W_DOC_ADMIN1 * min(1.0, ctx.admin1.get(c.admin1_code, 0.0) / ADMIN1_FULL_VOTES)
    if c.admin1_code and c.admin1_code in ctx.named_admin1 and c.place.feature_code != "ADM1":
        s += W_CONTAINER_DOC
    cc = c.place.country_code
    if cc and ctx.countries:
        s += W_DOC_COUNTRY * ctx.countries.get(cc, 0.0) / max(ctx.countries.values())
    if c.place.feature_code == "ADM1" and cc in ctx.regions:
        s += W_SIBLING_REGIONS * min(1.0, ctx.regions[cc] / ADMIN1_FULL_VOTES)
    return s


def score(c: Candidate, ctx: Context, near: tuple[set[str], set[str]]) -> float:
    s = prior(c) + _context_score(c, ctx)
    cc = c.place.country_code
    if cc and ctx.hint and cc == ctx.hint:
        s += W_HINT
    if cc in near[0] or (c.admin1_code and c.admin1_code in near[1]):
        s += W_CONTAINER_NEXT
    return s


@dataclass(slots=True)
class _Vote:
    """What one distinct name, as currently resolved, says about the document's whereabouts."""

    country: str | None
    admin1: str | None
    weight: float
    is_region: bool = False  # read as a state/province (ADM1)


def _vote(ranked: Sequence[tuple[float, Candidate]]) -> _Vote:
    """The best candidate's country and admin1, weighted by its margin over the runner-up."""
    (top, best), rest = ranked[0], ranked[1:]
    margin = top - rest[0][0] if rest else 3.0
    # A region named ("Ohio") is already context through named_admin1; only places inside one vote for it.
    wide = best.place.feature_code in _NO_COHERENCE
    return _Vote(best.place.country_code, None if wide else best.admin1_code, min(1.0, 0.25 + margin / 4),
                 best.place.feature_code == "ADM1")


def _context_without(votes: dict[str, _Vote], key: str, hint: str | None, named: set[str]) -> Context:
    """Leave-one-out: a name's own (repeated) mentions do not vote for its own reading."""
    countries: Counter = Counter()
    admin1: Counter = Counter()
    regions: Counter = Counter()
    for k, v in votes.items():
        if k == key:
            continue
        if v.country:
            countries[v.country] += v.weight
            if v.is_region:
                regions[v.country] += v.weight
        if v.admin1:
            admin1[v.admin1] += v.weight
    return Context(hint, countries, admin1, named, regions)


def _coherence(cands: dict[str, list[tuple[float, Candidate]]]) -> dict[int, float]:
    """Candidate id -> how many *other* names have a plausible reading close by.

    "Edmonton" and "Enfield" are each a big Canadian town, but a London suburb and its
    neighbour 3 km away: places named together lie together.  Only each name's few most
    plausible readings take part, and a partner counts less the less plausible it is."""
    tops = {k: sorted(v, key=lambda t: t[0], reverse=True)[:_COHERENCE_TOP] for k, v in cands.items()}
    out: dict[int, float] = {}
    for k, mine in tops.items():
        for _, c in mine:
            lat, lon = c.place.latitude, c.place.longitude
            coslat = math.cos(math.radians(lat))
            total = 0.0
            for k2, theirs in tops.items():
                if k2 == k or not theirs:
                    continue
                best_prior = theirs[0][0]
                support = 0.0
                for p2, c2 in theirs:
                    if c2.id == c.id or c2.place.feature_code in _NO_COHERENCE:
                        continue
                    dy = c2.place.latitude - lat
                    dx = (c2.place.longitude - lon) * coslat
                    if dy * dy + dx * dx <= _COHERENCE_DEG2:
                        support = max(support, math.exp((p2 - best_prior) / COHERENCE_DECAY))
                total += support
            out[c.id] = total
    return out


def _abbreviation_candidates(name: str, gz: Gazetteer) -> tuple[Candidate, ...]:
    """"Ky." -> Kentucky, "Sask." -> Saskatchewan: the region an abbreviation stands for."""
    found = REGION_ABBREVIATIONS.get(name.strip())
    if found is None:
        return ()
    cc, full = found
    return tuple(c for c in gz.candidates(full, fuzzy=False)
                 if c.place.feature_code == "ADM1" and c.place.country_code == cc)[:1]


def _demonym_candidates(name: str, gz: Gazetteer) -> tuple[Candidate, ...]:
    """"Chinese" -> China, "European Union" -> Europe, "Texan" -> Texas: the country, continent or
    region an adjective names."""
    key = normalize(name)
    region = REGION_DEMONYMS.get(key)
    if region:
        cc, region_name = region.split(":", 1)
        found = tuple(c for c in gz.candidates(region_name, fuzzy=False)
                      if c.place.feature_code == "ADM1" and c.place.country_code == cc)[:1]
        if found:
            return found
    target = DEMONYMS.get(key) or CONTINENT_BODIES.get(key)
    if target is None and key.endswith("s"):
        target = DEMONYMS.get(key[:-1])
    if target is None:
        return ()
    found = gz.continent(target[1:]) if target.startswith("@") else gz.country(target)
    return (found,) if found else ()


def span_candidates(name: str, gz: Gazetteer, fuzzy: bool = True) -> tuple[Candidate, ...]:
    """Candidates for a span's text; failing that, for it without direction or admin words.
    ``fuzzy=False``: only places that bear the name as spelt (no romanisation-skeleton matches)."""
    found = _abbreviation_candidates(name.strip(" ,;:\"'()"), gz)
    name = name.strip(" .,;:\"'()")
    found = found or _demonym_candidates(name, gz) or gz.candidates(name, fuzzy=fuzzy)
    while not found:
        shorter = _AFFIX.sub("", name, count=1).strip()
        if shorter == name or not shorter:
            break
        name = shorter
        found = gz.candidates(name, fuzzy=fuzzy)
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


def _alternate_only(name: str, cs: Sequence[Candidate]) -> set[int]:
    """Ids of candidates matched only by an unrelated alternate name (a translation or a nickname:
    Dayton's "Venice", Casablanca's "White House") while another candidate bears the name as its
    own.  A short form of the place's own name ("Newcastle" for Newcastle upon Tyne, "New York" for
    New York City) is no such noise, nor are the curated aliases of seas, regions and countries."""
    if not any(c.by_own_name and not c.fuzzy for c in cs):
        return set()
    key = f" {normalize(name)} "
    return {c.id for c in cs if not c.by_own_name and not c.fuzzy and c.place.feature_code not in _NO_COHERENCE
            and key not in f" {normalize(c.place.name)} "}


def _inner_candidates(name: str, gz: Gazetteer) -> tuple[tuple[Candidate, ...], bool]:
    """A place named inside a longer name: "Manila Cathedral" -> Manila, "Cavan Institute" -> Cavan;
    and whether the name says the place is the institution's own (focus.institution_of).

    Facilities, streets and institutions are rarely in the gazetteer, but most carry the name of
    the town or region they are in, which is within a few kilometres of them."""
    for m in recognize(name, gz):
        found = span_candidates(m.text, gz)
        if found:
            return found, focus.institution_of(name, m.start, m.end)
    return (), False


def _feature_named(text: str, end: int) -> frozenset[str]:
    for cue, codes in _FEATURE_CUES:
        if cue.match(text, end):
            return codes
    return frozenset()


def _local_bonus(text: str, s: Span, cs: Sequence[Candidate], near: tuple[set[str], set[str]]) -> dict[int, float]:
    """Candidate id -> evidence from the words right around this one mention (region or feature named)."""
    region_named = bool(_REGION_WORD.match(text, s.end)) or bool(_REGION_WORD.search(text[s.start:s.end]))
    # "the province of Satipo": not the town of that name in a country that has such a region
    # (a region abroad is not lifted: "the Yemeni province of Sa'ada" is no commune of Mayotte)
    region_before = bool(_REGION_WORD_BEFORE.search(text, max(0, s.start - 30), s.start))
    with_region = {c.place.country_code for c in cs if c.place.feature_code in ("ADM1", "ADM2")} if region_before else set()
    shadowed = set() if region_named or region_before else _shadowed_regions(cs)
    kinds = _feature_named(text, s.end)
    alt_only = _alternate_only(text[s.start:s.end].strip(" .,;:\"'()"), cs)
    out = {}
    for c in cs:
        b = W_REGION_SHADOWED if c.id in shadowed else 0.0
        if c.id in alt_only:
            b += W_ALT_ONLY
        if region_named and c.place.feature_code in ("ADM1", "ADM2"):
            b += W_REGION_NAMED
        if c.place.country_code in with_region and (c.place.feature_code or "").startswith("PPL"):
            b -= W_REGION_NAMED
        if c.place.feature_code in kinds:
            b += W_FEATURE_NAMED
        out[c.id] = b
    return out


def _named_admin1(cands: Sequence[Sequence[Candidate]]) -> set[str]:
    """Admin1 regions the text names unambiguously ("... in Louisiana")."""
    out = set()
    for cs in cands:
        if not cs:
            continue
        ranked = sorted(cs, key=prior, reverse=True)
        best = ranked[0]
        margin = prior(best) - prior(ranked[1]) if len(ranked) > 1 else 3.0
        if best.place.feature_code == "ADM1" and best.admin1_code and margin > 1:
            out.add(best.admin1_code)
    return out


def _held_by_previous(text: str, keys: Sequence[str], spans: Sequence[Span],
                      cands: Sequence[Sequence[Candidate]]) -> dict[str, set[str]]:
    """Per name: the countries and admin1 codes of the readings of a name written right before one
    of its mentions, comma-separated ("Tacoma, Washington"; "Bronx, New York").  Such a second name
    is the region that holds the first, so its reading that contains one of them is meant -- in
    every mention: the story has said which Washington it is about."""
    order = sorted(range(len(spans)), key=lambda i: spans[i].start)
    out: dict[str, set[str]] = {}
    comma = [False] + [bool(_COMMA_ONLY.fullmatch(text, spans[a].end, spans[b].start)) for a, b in zip(order, order[1:], strict=False)]
    for n in range(1, len(order)):
        a, b = order[n - 1], order[n]
        # A list is no pair: "Washington, New York and Boston", "Ohio, Iowa, Texas".
        if not comma[n] or comma[n - 1] or _LIST_NEXT.match(text, spans[b].end):
            continue
        out.setdefault(keys[b], set()).update(code for c in cands[a] if c.place.feature_code not in _NO_COHERENCE
                                              for code in (c.place.country_code, c.admin1_code) if code)
    return out


def _holds(c: Candidate, inside: Collection[str]) -> float:
    if not inside:
        return 0.0
    if c.place.feature_code == "ADM1" and c.admin1_code in inside:
        # "Mazar-i-Sharif, Balkh": the province, though a town of that name usually shadows it
        return W_CONTAINER_PREV - W_REGION_SHADOWED
    if c.place.feature_code == "PCLI" and c.place.country_code in inside:
        return W_CONTAINER_PREV
    return 0.0


def resolve_spans(text: str, spans: Sequence[Span], gz: Gazetteer, country_hint: str | None = None,
                  guess_unknown: bool = True) -> list[Toponym]:
    """Resolve exactly the given spans.

    Mentions of one name (normalised) share one reading.  Each name is scored on its own
    evidence (prior, local words) plus the document context: the other names' countries and
    admin1 regions as currently resolved (a context-free pass first, then CONTEXT_PASSES
    re-votes) and the coherence term (other names with a plausible reading nearby).

    A span whose name is not in the gazetteer (a street, a building, a venue) is placed at a
    place named inside it; if ``guess_unknown``, at the document's focus (see focus.focus) instead when
    there is none or it lies far from the focus (see focus.guess_unknown): the caller said it is a place,
    and in news such places lie in the town the story is about.  Otherwise, or when the document
    names no place at all, it keeps place None."""
    hint = country_hint.upper() if country_hint else None
    own = [span_candidates(text[s.start:s.end], gz) for s in spans]
    inner = [focus.OWN_NAME if cs else focus.INNER for cs in own]
    cands = list(own)
    for i, (s, cs) in enumerate(zip(spans, own, strict=True)):
        if not cs:
            cands[i], institution = _inner_candidates(text[s.start:s.end], gz)
            inner[i] = focus.INSTITUTION if institution else focus.INNER
    # an adjective ("English", "Texan") says whose, not where: it names no region as a container
    named = _named_admin1([cs for s, cs in zip(spans, cands, strict=True)
                           if normalize(text[s.start:s.end]) not in REGION_DEMONYMS])
    # Per mention: its candidates with their context-free score (prior + hint + local words).
    static: list[list[tuple[float, Candidate]]] = []
    keys = [normalize(text[s.start:s.end]) for s in spans]
    held = _held_by_previous(text, keys, spans, cands)
    # what holds a name, said at one of its mentions, holds it at all ("the Yemeni province of
    # Sa'ada" ... "Sa'ada city"; "Alexandria, Louisiana" ... "Alexandria")
    nears: dict[str, tuple[set[str], set[str]]] = {}
    for s, k, cs in zip(spans, keys, cands, strict=True):
        if cs:
            ccs, a1s = _container_after(text, s.start, s.end, gz)
            held_in = nears.setdefault(k, (set(), set()))
            held_in[0].update(ccs)
            held_in[1].update(a1s)
    for s, k, cs in zip(spans, keys, cands, strict=True):
        near = nears.get(k, (set(), set()))
        cs = _with_expected_country(text[s.start:s.end], cs, near[0] | ({hint} if hint else set()), gz)
        local = _local_bonus(text, s, cs, near)
        empty = Context(hint, Counter(), Counter(), set())
        static.append([(score(c, empty, near) + local[c.id] + _holds(c, held.get(k, ())), c) for c in cs])
    by_key: dict[str, list[tuple[float, Candidate]]] = {}
    for k, sc in zip(keys, static, strict=True):
        if sc and k not in by_key:
            by_key[k] = sc
    coherence = _coherence(by_key)
    votes = {k: _vote(sorted(sc, key=lambda t: t[0], reverse=True)) for k, sc in by_key.items()}

    def ranked(k: str, sc: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
        ctx = _context_without(votes, k, None, named)
        out = []
        for base, c in sc:
            v = base + _context_score(c, ctx)
            if c.place.feature_code not in _NO_COHERENCE:
                v += min(COHERENCE_CAP, W_COHERENCE * coherence.get(c.id, 0.0))
            out.append((v, c))
        return sorted(out, key=lambda t: t[0], reverse=True)

    for _ in range(CONTEXT_PASSES):
        votes = {k: _vote(ranked(k, sc)) for k, sc in by_key.items()}
    out = []
    for s, k, sc in zip(spans, keys, static, strict=True):
        best = ranked(k, sc)[0][1].place if sc else None
        out.append(Toponym(s.start, s.end, text[s.start:s.end], best))
    return focus.guess_unknown(out, inner) if guess_unknown else out
