"""Regions that cities500 gives no town for, and regions split by compass direction.

build.region_rows places an ADM1/ADM2 unit at the extent centre of the cities500 towns that carry
its code.  Nearly half of GeoNames' second-level units carry no such town (22,340 of 47,509 in
the bundled files), among them districts conflict reports name all the time: "Mohmand Agency",
"Lubero", "Nyirangongo", "Alindao".  A report that names one is coded as ACLED codes an unknown
place, at what holds it.  This module adds, at build time:

* ``retire_split_codes``: a retired admin2 code that still carries towns but no name, in an admin1
  whose townless named codes are the parts of one split unit ("Maguindanao del Sur" and "Maguindanao
  del Norte" beside the old Maguindanao's code PH.14.56): the code is named after the stem
  ("Maguindanao"), so region_rows places it at its towns and the towns' admin2 field names it;
* ``claim_namesakes``: a townless unit named like a town of its admin1 (its seat) whose own admin2
  is empty or a retired code takes that town as its member;
* ``townless_admin2_rows``: every other townless admin2 unit, at a town of its own name in its
  admin1 (by that town's alternate name too: "Oicha" is Hyosha's), else at the point of the unit
  it was split from (see above), else at its admin1's point with population 0, so that it never
  outranks a real town by size (only where the admin1 has at most MAX_UNITS_AT_ADMIN1_POINT units,
  see there); feature ADM2 either way, which resolution scores as a region (prior -0.5) and locate
  codes at geo_precision 3;
* ``compass_stem_rows``: the stem of sibling units that differ only by a compass or part word
  ("Kivu" from North and South Kivu, "Darfur" from five states, "Waziristan" from North and South
  Waziristan) at the extent centre of their towns, where the stem names nothing yet in that
  country, nor a country, sea or world region anywhere.  Stems of first-level units span several
  admin1s: feature ADM1 with no admin1 code; stems of second-level units lie in one admin1:
  feature ADM2 with that admin1 and no admin2 code.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from sitroom.geo.build import Row, admin_name_variants, extent_centre
from sitroom.geo.names import keys, normalize
from sitroom.geo.recognize import is_common_word

Codes = dict[str, tuple[str, str, str]]  # code -> (name, ascii name, geonameid), as build.read_admin_codes

ADMIN1_POINT_SOURCE = "geonames (no town: at its admin1's point)"
STEM_SOURCE = "geonames (stem of compass-split regions)"

# Words that tell the parts of a split unit apart: a compass point (English, French, Spanish,
# Portuguese, Indonesian, Arabic as GeoNames romanises it), upper/lower, or a Roman numeral.
_QUALIFIERS = (
    r"(?:north|south)[- ]?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central|"
    r"upper|lower|nord|sud|est|ouest|centre|centrale?|haut|haute|bas|basse|norte|sur|este|oeste|centro|"
    r"del norte|del sur|oriental|occidental|utara|selatan|timur|barat|tengah|"
    r"ash shamaliyah|al janubiyah|ash sharqiyah|al gharbiyah|al wusta|i|ii|iii|iv")
_ANY_QUALIFIER = re.compile(rf"(?:^|[ -])(?:{_QUALIFIERS})(?:[ -]|$)", re.I)
_PREFIXED = re.compile(rf"^({_QUALIFIERS})[ -](.+)$", re.I)
_SUFFIXED = re.compile(rf"^(.+?)[ -]({_QUALIFIERS})$", re.I)
# Stems that are no region's name: words for a kind of unit or land ("Eastern Cape" and "Western
# Cape" share no region called "Cape"), or a connector left over ("Centre-du-Québec").
_GENERIC = frozenset("""
province provinces region regions regional district districts state states county counties zone zones
division municipality governorate department territory area areas coast coastal cape highlands lowlands
islands island isles atoll hill hills river rivers lake lakes valley mountains plains plain desert bay
sea gulf end side downs slave park city town capital metropolitan rural urban subregion council
planning borough shire parish ward aimak okres kabupaten kota powiat gemeente obshtina opstina amphoe muang
huyen markaz
""".split())
_CONNECTOR_START = re.compile(r"^(?:du|de|des|del|de la|da|do|la|le|les|of|the|al|el|and|et|y)\b", re.I)
STEM_MIN_LETTERS = 4
# A townless unit goes to its admin1's point only where the admin1 has at most this many units.  Where
# it has more (Canada's census subdivisions, Jamaica's and Saint Lucia's communities, Cyprus's
# villages: hundreds per province) the units are villages, the admin1's point says little about where
# one lies, and their names are English words and surnames ("Consort", "Legal", "Chaplin" in
# Alberta and Saskatchewan): measured, they cost TR-News end-to-end precision 0.544 -> 0.538 for
# no gain; with this cap 0.543.  Of the 1,334 such units in 33 countries often in conflict news, the
# cap leaves out 62 (Mexico's municipalities, three Colombian ones).
MAX_UNITS_AT_ADMIN1_POINT = 50
# A retired code with fewer towns is a municipality renamed or merged (El Salvador's Quezaltepeque
# beside "La Libertad Norte", "La Libertad Sur", ...), not a province split into parts.
RETIRED_MIN_TOWNS = 3


def _parent(code: str, level: int) -> str:
    return code.split(".")[0] if level == 1 else ".".join(code.split(".")[:2])


def split_qualifier(name: str) -> set[tuple[str, str]]:
    """(stem, qualifier key) pairs of a unit's name: "North Kivu" -> {("Kivu", "north")},
    "Maguindanao del Sur" -> {("Maguindanao", "del sur")}, "South Waziristan Agency" ->
    {("Waziristan", "south")} (admin words go first, see build.admin_name_variants)."""
    out: set[tuple[str, str]] = set()
    if not _ANY_QUALIFIER.search(name):
        return out
    for variant in admin_name_variants(name):
        for pattern, q, s in ((_PREFIXED, 1, 2), (_SUFFIXED, 2, 1)):
            m = pattern.match(variant.strip())
            if m:
                stem = m.group(s).strip(" -")
                if len(admin_name_variants(stem)) == 1:  # "Kabupaten Aceh" of "Kabupaten Aceh Barat": "Aceh" comes too
                    out.add((stem, normalize(m.group(q)).replace("ern", "")))
    return out


def good_stem(stem: str) -> bool:
    """A stem that can be a region's own name: a word of some length, not a common or generic word."""
    key = normalize(stem)
    words = key.split()
    if len(key.replace(" ", "")) < STEM_MIN_LETTERS or not words or _CONNECTOR_START.match(key):
        return False
    if any(w in _GENERIC for w in words) or is_common_word(stem):
        return False
    return not all(_PREFIXED.match(w) or _SUFFIXED.match(w) or re.fullmatch(_QUALIFIERS, w) for w in words)


def split_families(codes: Codes, level: int, only: Iterable[str] | None = None
                   ) -> dict[tuple[str, str], tuple[str, set[str]]]:
    """(parent, stem key) -> (stem as written, member codes): units of one country (level 1) or one
    admin1 (level 2) whose names differ only by a qualifier, at least two distinct ones."""
    wanted = set(only) if only is not None else None
    found: dict[tuple[str, str], tuple[str, dict[str, set[str]]]] = {}
    for code, (name, ascii_name, _) in codes.items():
        if wanted is not None and code not in wanted:
            continue
        pairs = sorted(split_qualifier(name)) + sorted(split_qualifier(ascii_name) - split_qualifier(name))
        for stem, qualifier in pairs:  # the name as written first: it gives the stem's spelling
            if not good_stem(stem):
                continue
            key = (_parent(code, level), normalize(stem))
            _, members = found.setdefault(key, (stem, defaultdict(set)))
            members[qualifier].add(code)
    return {k: (stem, {c for cs in by_q.values() for c in cs}) for k, (stem, by_q) in found.items()
            if len(by_q) >= 2 and len({c for cs in by_q.values() for c in cs}) >= 2}


# ----------------------------------------------------------------------------- retired codes


def retire_split_codes(cities: list[Row], admin2: Codes) -> dict[str, str]:
    """Name retired admin2 codes after the unit they were split into: returns {retired code: the
    split-off codes' stem family key} and adds the retired code to ``admin2`` under the stem.

    In one admin1, the townless named codes that form one split family ("X del Sur", "X del Norte")
    name the retired code that holds most of that admin1's towns without a named code, if it holds
    more than half of them (none of Connecticut's eight old counties beside its nine planning regions
    does) and at least RETIRED_MIN_TOWNS, and the stem names no unit there yet."""
    towns: dict[str, int] = defaultdict(int)
    for c in cities:
        if c.admin2_code:
            towns[c.admin2_code] += 1
    retired: dict[str, dict[str, int]] = defaultdict(dict)
    for code, n in towns.items():
        if code not in admin2:
            retired[_parent(code, 2)][code] = n
    if not retired:
        return {}
    townless = [c for c in admin2 if c not in towns and _parent(c, 2) in retired]
    taken = {(_parent(c, 2), normalize(v)) for c, (n, a, _) in admin2.items() if _parent(c, 2) in retired
             for v in admin_name_variants(n) | admin_name_variants(a)}
    out = {}
    for (parent, key), (stem, members) in sorted(split_families(admin2, 2, townless).items()):
        if (parent, key) in taken:
            continue
        held = retired[parent]
        code = max(held, key=lambda c: (held[c], c))
        if code in admin2 or 2 * held[code] <= sum(held.values()) or held[code] < RETIRED_MIN_TOWNS:
            continue  # already named by another family, no code holds most of the towns, or only a town
        ascii_stem = next((s for m in sorted(members) for s, _ in split_qualifier(admin2[m][1])
                           if normalize(s) == key), stem)
        admin2[code] = (stem, ascii_stem, "")
        out[code] = key
        for m in members:
            out[m] = key
    return out


# ----------------------------------------------------------------------------- townless admin2


_ARTICLE_HEADS = tuple(f"{a}{sep}" for a in ("ash", "adh", "ath") for sep in " -")


class _Heads:
    """A cheap test that a name may have one of some keys (names.keys), to fold only those names:
    normalising the million alternate names of cities500 once more would cost the build seconds.
    A name passes if it opens as a key does, or if folding may change its opening (accents, marks,
    an article, a doubled vowel)."""

    def __init__(self, wanted: Iterable[str]) -> None:
        self.heads = {k[:3] for k in wanted}

    def __call__(self, name: str) -> bool:
        low = name[:6].lower()
        if low[:3] in self.heads or not low.isascii() or not low[:3].isalpha():
            return True
        return "aa" in low or "ii" in low or "uu" in low or low.startswith(_ARTICLE_HEADS)


def _namesakes(cities: list[Row], wanted: dict[str, set[str]]) -> tuple[dict[tuple[str, str], list[Row]],
                                                                       dict[tuple[str, str], list[Row]]]:
    """(admin1 code, name key) -> populated places, by own name and by alternate name, for the
    ``wanted`` keys of each admin1."""
    own: dict[tuple[str, str], list[Row]] = defaultdict(list)
    alt: dict[tuple[str, str], list[Row]] = defaultdict(list)
    heads = {a1: _Heads(ks) for a1, ks in wanted.items()}
    for c in cities:
        maybe = heads.get(c.admin1_code)
        if maybe is None or not c.feature.startswith("P"):
            continue
        keys_here = wanted[c.admin1_code]
        if maybe(c.name) and (k := normalize(c.name)) in keys_here:
            own[(c.admin1_code, k)].append(c)
        for a in c.alt:
            if maybe(a) and (k := normalize(a)) in keys_here:
                alt[(c.admin1_code, k)].append(c)
    return own, alt


def _by_admin1(townless: dict[str, list[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for code, names in townless.items():
        out[_parent(code, 2)].update(names)
    return out


def _townless(cities: list[Row], admin2: Codes) -> tuple[set[str], dict[str, list[str]]]:
    """Admin2 codes that some town carries, and the name keys of each code no town carries."""
    held = {c.admin2_code for c in cities if c.admin2_code}
    return held, {code: _name_keys(n, a) for code, (n, a, _) in admin2.items() if code not in held}


def _name_keys(name: str, ascii_name: str) -> list[str]:
    return sorted({normalize(v) for v in admin_name_variants(name) | admin_name_variants(ascii_name)})


def _best_town(index: dict[tuple[str, str], list[Row]], admin1_code: str, names: list[str]) -> Row | None:
    towns = [t for k in names for t in index.get((admin1_code, k), ())]
    return max(towns, key=lambda t: (t.population, t.geonameid)) if towns else None


def claim_namesakes(cities: list[Row], admin2: Codes) -> int:
    """A townless admin2 unit named as a town of its admin1 (by the town's own name, else by an
    alternate one: "Oicha" is Hyosha's) whose own admin2 is empty or a retired
    (unnamed) code takes that town, its seat, as its member; returns how many towns were claimed.
    (A town that already lies in a named unit keeps it: townless_admin2_rows places the unit there.)"""
    held, townless = _townless(cities, admin2)
    own, alt = _namesakes(cities, _by_admin1(townless))
    claimed = 0
    for code, names in townless.items():
        town = _best_town(own, _parent(code, 2), names) or _best_town(alt, _parent(code, 2), names)
        if town is not None and (not town.admin2_code or town.admin2_code not in admin2):
            town.admin2_code = code
            held.add(code)
            claimed += 1
    return claimed


def townless_admin2_rows(cities: list[Row], admin2: Codes, placed: Iterable[Row],
                         families: dict[str, str] | None = None) -> list[Row]:
    """ADM2 rows for the admin2 units no town carries (see the module docstring for where).

    ``placed`` are the ADM1 and ADM2 rows built from towns (their points anchor these);
    ``families`` maps the parts of a split unit to its stem key (retire_split_codes)."""
    _, townless = _townless(cities, admin2)
    admin1_points: dict[str, tuple[float, float]] = {}
    stem_points: dict[tuple[str, str], tuple[float, float]] = {}
    for r in placed:
        if r.feature == "ADM1" and r.admin1_code:
            admin1_points[r.admin1_code] = (r.lat, r.lon)
        elif r.feature == "ADM2" and families and r.admin2_code in families:
            stem_points[(r.admin1_code, families[r.admin2_code])] = (r.lat, r.lon)
    own, alt = _namesakes(cities, _by_admin1(townless))
    units = Counter(_parent(code, 2) for code in admin2)
    rows = []
    for code, names in townless.items():
        name, ascii_name, gid = admin2[code]
        a1 = _parent(code, 2)
        town = _best_town(own, a1, names) or _best_town(alt, a1, names)
        source = "geonames"
        if town is not None:
            point, population = (town.lat, town.lon), town.population
        elif families and (a1, families.get(code, "")) in stem_points:
            point, population = stem_points[(a1, families[code])], 0
        elif a1 in admin1_points and units[a1] <= MAX_UNITS_AT_ADMIN1_POINT:
            point, population, source = admin1_points[a1], 0, ADMIN1_POINT_SOURCE
        else:
            continue  # its admin1 has no point either, or is too big a place to stand for it
        alts = sorted((admin_name_variants(name) | admin_name_variants(ascii_name)) - {name})
        rows.append(Row(name=name, lat=point[0], lon=point[1], cc=code.split(".")[0], admin1_code=a1,
                        admin2_code=code, geonameid=gid, feature="ADM2", population=population, source=source,
                        alt=alts))
    return rows


# ----------------------------------------------------------------------------- compass stems


def _taken_names(rows: Iterable[Row], wanted: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The ``wanted`` (country code, key) pairs that some row of that country already bears; a
    country, sea or world region bears its names for every country (cc "*")."""
    by_cc: dict[str, set[str]] = defaultdict(set)
    for cc, key in wanted:
        by_cc[cc].add(key)
    every = {key for _, key in wanted}
    heads = {cc: _Heads(ks) for cc, ks in by_cc.items()}
    heads["*"] = _Heads(every)
    out = set()
    for r in rows:
        wide = r.feature in ("PCLI", "CONT", "OCN", "SEA", "GULF", "RGN", "PEN", "PCLH") or not r.cc
        cc = "*" if wide else r.cc
        maybe = heads.get(cc)
        if maybe is None:
            continue
        here = every if wide else by_cc[cc]
        for n in (r.name, *r.alt):
            if maybe(n):
                out.update((cc, k) for k in keys(n) if k in here)
    return out


def compass_stem_rows(cities: list[Row], admin1: Codes, admin2: Codes, rows: Iterable[Row]) -> list[Row]:
    """Regions named by the stem of compass-split siblings, at the extent centre of their towns
    (see the module docstring).  ``rows`` is everything the gazetteer holds so far."""
    families = {1: split_families(admin1, 1), 2: split_families(admin2, 2)}
    taken = _taken_names(rows, {(parent.split(".")[0], key) for fam in families.values() for parent, key in fam})
    members_of: dict[int, dict[str, list[Row]]] = {1: defaultdict(list), 2: defaultdict(list)}
    for c in cities:
        for level, code in ((1, c.admin1_code), (2, c.admin2_code)):
            if code:
                members_of[level][code].append(c)
    out = []
    for level, fam in families.items():
        for (parent, key), (stem, members) in sorted(fam.items()):
            cc = parent.split(".")[0]
            if (cc, key) in taken or ("*", key) in taken:
                continue
            towns = [t for m in sorted(members) for t in members_of[level].get(m, ())]
            point = extent_centre(((t.lat, t.lon) for t in towns), 0.25 if level == 1 else 0.05)
            if point is None:
                continue
            taken.add((cc, key))
            out.append(Row(name=stem, lat=point[0], lon=point[1], cc=cc, admin1_code=parent if level == 2 else "",
                           feature="ADM1" if level == 1 else "ADM2", population=sum(t.population for t in towns),
                           source=STEM_SOURCE))
    return out
