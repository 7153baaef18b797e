"""The compiled gazetteer at run time: a read-only SQLite file plus small in-memory caches.

Opening costs a few milliseconds (no data is loaded up front); a lookup is one clustered
B-tree probe, and answers are memoised per key because news repeats the same names.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from sitroom import settings
from sitroom.geo.build import ADMIN1_MATCHES_KEY, build, build_signature
from sitroom.geo.names import normalize, skeleton, strip_article
from sitroom.geo.sources import added_sources
from sitroom.model import Place

MAX_CANDIDATES = 40  # per name; the rest are tiny homonyms that never win on population
# rapidfuzz ratio a skeleton hit must reach against the place's own name.  The skeleton folds
# Arabic/Persian romanisation variants, which differ a lot on the surface (Tall 'Afar / Tal Afar,
# Al Fallujah / Falluja); elsewhere the same looseness only finds wrong villages ("Chinese" ->
# Chions, "Helmet" -> Helmetta), so places outside those countries need a near-exact spelling.
_FUZZY_CUTOFF = 75
_FUZZY_CUTOFF_ELSEWHERE = 90
ROMANISED_COUNTRIES = frozenset("IQ SY YE AF LY SO LB PS JO SA IR EG SD SS TN DZ MA MR KW QA BH AE OM PK TD "
                                "ML NE TR IL EH DJ ER".split())
# Names romanised from Indic and Burmese scripts vary in a vowel or two (Rajouri / Rājauri, Poonch /
# Punch), less than Arabic ones do: a middle cutoff lets one vowel differ in a name of seven letters.
_FUZZY_CUTOFF_VOWELS = 85
VOWEL_VARIANT_COUNTRIES = frozenset("IN BD NP LK BT MM".split())


def _fuzzy_cutoff(country_code: str) -> int:
    if country_code in ROMANISED_COUNTRIES:
        return _FUZZY_CUTOFF
    return _FUZZY_CUTOFF_VOWELS if country_code in VOWEL_VARIANT_COUNTRIES else _FUZZY_CUTOFF_ELSEWHERE
_COLUMNS = "p.id, p.name, p.lat, p.lon, p.cc, p.country, p.admin1, p.admin2, p.geonameid, p.feature, " \
           "p.population, p.admin1_code"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry that a name may refer to, with what the resolver needs to rank it."""

    place: Place
    id: int
    admin1_code: str | None
    by_own_name: bool  # matched the place's own name, not an alternate name
    fuzzy: bool = False  # found only through the romanisation skeleton


def default_path() -> Path:
    return settings.home() / "gazetteer.sqlite"


def build_gazetteer(path: Path | str | None = None, extra_csv=(), countries=None) -> Path:
    """Compile the gazetteer file (default: ``settings.home()/gazetteer.sqlite``), with every source
    added by `sitroom gazetteer add` (see sources.py) and any further ``extra_csv`` files."""
    extra = [*added_sources(), *(Path(p) for p in extra_csv)]
    return build(Path(path) if path else default_path(), extra_csv=extra, countries=countries)


class Gazetteer:
    """Name -> candidate places, over the compiled SQLite file."""

    def __init__(self, path: Path | str | None = None, *, auto_build: bool = True) -> None:
        self.path = Path(path) if path else default_path()
        if not self._usable() and auto_build:
            print(f"sitroom: building the gazetteer at {self.path} (once, about half a minute)", file=sys.stderr)
            build_gazetteer(self.path)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._exact: dict[str, tuple[Candidate, ...]] = {}
        self._fuzzy: dict[str, tuple[Candidate, ...]] = {}
        self._countries: dict[str, Candidate | None] = {}

    def _usable(self) -> bool:
        if not self.path.exists():
            return False
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
                row = db.execute("SELECT v FROM meta WHERE k='schema'").fetchone()
        except sqlite3.DatabaseError:
            return False
        return bool(row) and row[0] == build_signature()

    def _rows(self, sql: str, arg: str) -> list[tuple]:
        return self.db.execute(sql, (arg,)).fetchall()

    @staticmethod
    def _candidate(row: tuple, by_own_name: bool, fuzzy: bool = False) -> Candidate:
        pid, name, lat, lon, cc, country, a1, a2, gid, feature, pop, a1code = row[:12]
        place = Place(name=name, latitude=lat, longitude=lon, country_code=cc, country=country, admin1=a1,
                      admin2=a2, geonameid=gid, feature_code=feature, population=pop or 0)
        return Candidate(place, pid, a1code, by_own_name, fuzzy)

    def exact(self, key: str) -> tuple[Candidate, ...]:
        """Candidates whose name or alternate name has this primary key (see names.normalize)."""
        hit = self._exact.get(key)
        if hit is None:
            rows = self._rows(f"SELECT {_COLUMNS}, n.kind FROM names n JOIN places p ON p.id = n.place "
                              f"WHERE n.key = ? ORDER BY p.population DESC LIMIT {MAX_CANDIDATES}", key)
            hit = self._exact[key] = tuple(self._candidate(r, r[12] == 0) for r in rows)
        return hit

    def fuzzy(self, name: str) -> tuple[Candidate, ...]:
        """Candidates sharing the romanisation skeleton, kept only if the spelling is close."""
        hit = self._fuzzy.get(name)
        if hit is not None:
            return hit
        skel = skeleton(name)
        want = strip_article(normalize(name))
        out = []
        if len(skel) >= 2:
            rows = self._rows(f"SELECT {_COLUMNS} FROM skels s JOIN places p ON p.id = s.place "
                              f"WHERE s.skel = ? ORDER BY p.population DESC LIMIT 200", skel)
            for r in rows:
                if fuzz.ratio(want, strip_article(normalize(r[1]))) >= _fuzzy_cutoff(r[4]):
                    out.append(self._candidate(r, True, fuzzy=True))
        hit = self._fuzzy[name] = tuple(out[:MAX_CANDIDATES])
        return hit

    def candidates(self, name: str, fuzzy: bool = True) -> tuple[Candidate, ...]:
        """Exact matches (with and without the Arabic article); else close skeleton matches."""
        key = normalize(name)
        found = self.exact(key)
        if not found:
            bare = strip_article(key)
            if bare != key:
                found = self.exact(bare)
        if not found and fuzzy:
            found = self.fuzzy(name)
        return found

    def has(self, key: str) -> bool:
        return bool(self.exact(key))

    def country(self, code: str) -> Candidate | None:
        """The country (PCLI) entry for an ISO alpha-2 code."""
        code = code.upper()
        if code not in self._countries:
            row = self.db.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.cc = ? AND p.feature = 'PCLI' "
                                  "ORDER BY p.population DESC LIMIT 1", (code,)).fetchone()
            self._countries[code] = self._candidate(row, True) if row else None
        return self._countries[code]

    def continent(self, name: str) -> Candidate | None:
        return next((c for c in self.exact(normalize(name)) if c.place.feature_code == "CONT"), None)

    def place(self, geonameid: str) -> Place | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.geonameid = ? "
                              "ORDER BY p.population DESC LIMIT 1", (geonameid,)).fetchone()
        return self._candidate(row, True).place if row else None

    def info(self) -> dict[str, str]:
        """What the compiled file holds, for `sitroom gazetteer info`."""
        facts = {"path": str(self.path), "size": f"{self.path.stat().st_size / 1e6:.1f} MB"}
        facts.update(dict(self.db.execute("SELECT k, v FROM meta ORDER BY k").fetchall()))
        by_country = facts.pop(ADMIN1_MATCHES_KEY, None)
        if by_country:  # the whole per-country table is too long to show; the biggest gaps say enough
            gaps = sorted(((int(t) - int(m), cc) for cc, v in json.loads(by_country).items()
                           for m, t in [v.split("/")] if m != t), reverse=True)
            facts["admin1 regions left at their towns' centre"] = ", ".join(f"{cc} {n}" for n, cc in gaps[:8])
        facts["countries"] = str(self.db.execute("SELECT COUNT(DISTINCT cc) FROM places").fetchone()[0])
        by_feature = self.db.execute("SELECT COALESCE(feature, '?'), COUNT(*) FROM places GROUP BY 1 "
                                     "ORDER BY 2 DESC LIMIT 8").fetchall()
        facts["top feature codes"] = ", ".join(f"{code} {n}" for code, n in by_feature)
        return facts
