"""Points for first-level regions (ADM1) from the ISO 3166-2 subdivision list of the `iso3166-2` package.

Our GeoNames sources name every ADM1 region but give it no point, and the point build.py derives
from a region's towns lands 160-280 km from GeoNames' own for big provinces (Alberta, Ontario,
New South Wales), beyond the 161 km that counts as right.  The `iso3166-2` package (MIT) ships a
point for every ISO 3166-2 subdivision in one JSON file, read here without importing the package
(its import pulls in network clients we never use).

GeoNames admin1 codes are mostly not ISO codes (CA.01 is Alberta, ISO CA-AB), so a subdivision
is matched to a GeoNames admin1 row by country and name: the ISO name and its English other
names ("Anbar (eng)"), with administrative words ("Province", "Governorate") and the Arabic
article optional.  Where names do not meet, an ISO code equal to the GeoNames suffix (US.AL,
US-AL) matches too, provided the two names are still alike: several countries' GeoNames
suffixes are numbers that collide with unrelated numeric ISO codes.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from rapidfuzz import fuzz

from sitroom.geo.distance import haversine_km
from sitroom.geo.names import normalize, skeleton, strip_article

# A few ISO points are plainly wrong (Laayoune-Sakia El Hamra sits on Rabat, Lekoumou 650 km north
# of its towns).  A point farther than this from every town of its region is refused; the genuine
# distances, for the emptiest regions (Nunavut, Tamanrasset, Chukotka, Quebec), stay under 300 km.
MAX_TOWN_KM = 400
AVERAGE_WITHIN_KM = 300  # see combine()
_REMARK = re.compile(r"\s*[\[(][^\])]*[\])]")
_CODE_NAME_LIKENESS = 60  # rapidfuzz ratio that a code-only match's two names must reach
_SKELETON_LIKENESS = 60  # ... that a skeleton match's names must reach (skeletons of short names collide)
_FUZZY_LIKENESS = 85  # ... and that a spelling-only match must reach, clear of the runner-up
# Words that tell a region's kind, not which region: "Ninawa Governorate" is ISO's "Ninawa".
_ADMIN_WORDS = frozenset("governorate province district county parish region municipality oblast state "
                         "prefecture department muhafazat wilayat wilayah krai kray okrug republic of the "
                         "autonomous territory emirate canton voivodeship city atoll island islands".split())
# How a match was made, surest first: when two GeoNames rows claim one subdivision ("Moscow" and
# "Moscow Oblast" both read "Moscow" once "Oblast" goes), only the surer claim keeps it.
METHODS = ("full name", "name", "skeleton", "code", "spelling")


def data_file() -> Path | None:
    """The package's JSON file, found without importing the package; None when not installed."""
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "iso3166-2.json"
    return path if path.exists() else None


def package_version() -> str:
    try:
        return version("iso3166-2")
    except PackageNotFoundError:
        return ""


@cache
def _subdivisions() -> dict[str, dict[str, dict]]:
    path = data_file()
    if path is None:
        return {}
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def name_keys(name: str) -> set[str]:
    """Lookup keys of a region name: normalised, without the article, without administrative words."""
    key = normalize(name)
    out = {key, strip_article(key)}
    words = [w for w in key.split() if w not in _ADMIN_WORDS]
    if words:
        core = " ".join(words)
        out |= {core, strip_article(core)}
    return {k for k in out if k}


def _clean(name: str) -> str:
    """ISO names carry remarks in brackets ("Wales [Cymru GB-CYM]", "... (EH-partial)")."""
    return _REMARK.sub("", name).strip()


def _english_names(entry: dict) -> list[str]:
    """The ISO name plus the other names tagged English ("Anbar (eng)")."""
    names = [_clean(entry["name"])]
    for part in (entry.get("localOtherName") or "").split(","):
        part = part.strip()
        if part.endswith("(eng)"):
            names.append(_clean(part[:-5]))
    return [n for n in names if n]


@dataclass(frozen=True, slots=True)
class _Entry:
    code: str
    point: tuple[float, float]
    top: bool  # a first-level subdivision (no parent), which GeoNames' ADM1 rows mostly are
    full: frozenset[str]  # its names as written (normalised)
    keys: frozenset[str]  # ... and every looser key of them (name_keys)
    skels: frozenset[str]


def _entries(subdivisions: dict[str, dict]) -> list[_Entry]:
    out = []
    for code, e in subdivisions.items():
        if not e.get("latLng"):
            continue
        names = _english_names(e)
        keys = frozenset().union(*(name_keys(n) for n in names))
        out.append(_Entry(code, (round(float(e["latLng"][0]), 4), round(float(e["latLng"][1]), 4)),
                          e.get("parentCode") is None, frozenset(normalize(n) for n in names), keys,
                          frozenset(skeleton(k) for k in keys)))
    return out


def _unique(hits: list[_Entry]) -> _Entry | None:
    """The one hit, preferring first-level subdivisions; None when the name is ambiguous."""
    top = [h for h in hits if h.top] or hits
    return top[0] if len({h.code for h in top}) == 1 else None


def _likeness(keys: set[str], entry: _Entry) -> float:
    return max(fuzz.ratio(a, b) for a in keys for b in entry.keys)


def match(code: str, names: tuple[str, str], entries: list[_Entry]) -> tuple[_Entry, str] | None:
    """The ISO subdivision a GeoNames admin1 row stands for, and how it was matched (METHODS):
    the same name, a shared name key, the romanisation skeleton, an equal code with alike names,
    or the one clearly closest spelling."""
    full = {normalize(n) for n in names}
    keys = set().union(*(name_keys(n) for n in names))
    hit = _unique([e for e in entries if e.full & full])
    if hit:
        return hit, "full name"
    hit = _unique([e for e in entries if e.keys & keys])
    if hit:
        return hit, "name"
    skels = {skeleton(k) for k in keys}
    hit = _unique([e for e in entries if e.skels & skels])
    if hit and _likeness(keys, hit) >= _SKELETON_LIKENESS:
        return hit, "skeleton"
    iso_code = code.replace(".", "-", 1)
    hit = next((e for e in entries if e.code == iso_code), None)
    if hit and _likeness(keys, hit) >= _CODE_NAME_LIKENESS:
        return hit, "code"
    ranked = sorted(((_likeness(keys, e), e.top, e) for e in entries), key=lambda t: t[:2], reverse=True)
    if ranked and ranked[0][0] >= _FUZZY_LIKENESS and (len(ranked) == 1 or ranked[1][0] < ranked[0][0] - 5):
        return ranked[0][2], "spelling"
    return None


def _surest_claims(claims: dict[str, tuple[_Entry, str]]) -> dict[str, _Entry]:
    """Per ISO subdivision, the one GeoNames row whose match is surest; a tie gives it to none."""
    by_entry: dict[str, list[tuple[int, str]]] = {}
    for code, (entry, method) in claims.items():
        by_entry.setdefault(entry.code, []).append((METHODS.index(method), code))
    out = {}
    for rivals in by_entry.values():
        rivals.sort()
        if len(rivals) == 1 or rivals[0][0] < rivals[1][0]:
            out[rivals[0][1]] = claims[rivals[0][1]][0]
    return out


def combine(iso: tuple[float, float], derived: tuple[float, float]) -> tuple[float, float]:
    """A region's point from its ISO point and the one derived from its towns (build.extent_centre).

    Neither is GeoNames' own point, which the news corpora and GeoNames ids are judged by: ISO
    points lean towards the geometric centroid or the main island (Hawaii, Queensland, Punjab
    land 165-245 km from GeoNames'), ours towards where the towns spread (Manitoba, Ontario,
    Alaska: 160-280 km off).  Their errors are unlike, so where the two agree within
    AVERAGE_WITHIN_KM their midpoint is the better estimate.  Measured on the ADM1 readings of the
    three dev corpora (935 mentions), within 161 km of GeoNames: towns 774, ISO 796, midpoint
    819.  Where they disagree more, the towns are what is wrong (Chinese provinces whose towns
    carry mixed codes land 900 km out), and the ISO point, already checked against those towns'
    extent, stands alone."""
    if haversine_km(*iso, *derived) > AVERAGE_WITHIN_KM:
        return iso
    return round((iso[0] + derived[0]) / 2, 4), round((iso[1] + derived[1]) / 2, 4)


def admin1_points(admin1: dict[str, tuple[str, str, str]], towns: dict[str, list[tuple[float, float]]]
                  ) -> tuple[dict[str, tuple[float, float]], Counter]:
    """GeoNames admin1 code -> ISO 3166-2 point for every region matched, and matches per country.

    ``admin1``: code -> (name, ascii name, geonameid); ``towns``: code -> the points of the
    region's towns.  A point farther than MAX_TOWN_KM from every town of its region is refused."""
    data = _subdivisions()
    out: dict[str, tuple[float, float]] = {}
    per_country: Counter = Counter()
    by_country: dict[str, list[_Entry]] = {}
    claims: dict[str, dict[str, tuple[_Entry, str]]] = {}
    for code, (name, ascii_name, _gid) in admin1.items():
        cc = code.split(".")[0]
        if cc not in by_country:
            by_country[cc] = _entries(data.get(cc, {}))
        found = match(code, (name, ascii_name), by_country[cc])
        if found is not None:
            claims.setdefault(cc, {})[code] = found
    for cc, country_claims in claims.items():
        for code, entry in _surest_claims(country_claims).items():
            own = towns.get(code, ())
            if own and min(haversine_km(*entry.point, *t) for t in own) > MAX_TOWN_KM:
                continue
            out[code] = entry.point
            per_country[cc] += 1
    return out, per_country
