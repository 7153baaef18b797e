"""Analysts' own gazetteer sources: GeoNames dumps and place lists, kept under settings.home().

`sitroom gazetteer add FILE` checks the file, copies it to ``settings.home()/gazetteer-sources/``
and rebuilds; every later build (an upgrade changes the build signature) reads that folder again,
so added places survive rebuilds.  Two formats:

* a GeoNames dump in the standard 19-column tab-separated format (a country file such as IQ.txt,
  allCountries.txt, or either zipped);
* a CSV of places with a header: ``name, aliases, lat, lon, country, admin1, feature type``
  (``aliases`` separated by "|"; ``country`` an ISO alpha-2 code; ``country_code``,
  ``feature_code``/``feature``/``type``, ``admin2`` and ``source`` are accepted too).
"""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

from sitroom import settings
from sitroom.geo.build import Row, keep_name

GEONAMES_COLUMNS = 19
# Feature classes worth a lookup in news: populated places, regions, spots (bases, checkpoints,
# airports), terrain, areas, water, roads.  Undersea (U) and vegetation (V) names are skipped.
_KEEP_CLASSES = frozenset("PASTLHR")


class SourceError(ValueError):
    """A file that is neither a GeoNames dump nor a place CSV, or has a bad row (with its line)."""


def sources_dir() -> Path:
    return settings.home() / "gazetteer-sources"


def added_sources() -> list[Path]:
    folder = sources_dir()
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def _text_lines(path: Path) -> Iterator[str]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            inner = [n for n in z.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not inner:
                raise SourceError(f"{path}: zip holds no .txt GeoNames dump")
            with z.open(inner[0]) as f:
                yield from io.TextIOWrapper(f, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as f:
        yield from f


def detect_format(path: Path) -> str:
    """"geonames" or "csv", judged by the first non-empty line."""
    for line in _text_lines(path):
        if line.strip():
            if line.count("\t") == GEONAMES_COLUMNS - 1:
                return "geonames"
            header = {h.strip().lower() for h in next(csv.reader([line]))}
            if {"name", "lat", "lon"} <= header:
                return "csv"
            break
    raise SourceError(f"{path}: neither a 19-column GeoNames dump nor a CSV with name, lat, lon columns")


def read_geonames_dump(path: Path) -> list[Row]:
    rows = []
    for n, line in enumerate(_text_lines(path), 1):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != GEONAMES_COLUMNS:
            if line.strip():
                raise SourceError(f"{path}:{n}: {len(parts)} columns, a GeoNames dump has {GEONAMES_COLUMNS}")
            continue
        gid, name, _ascii, alts, lat, lon, fclass, fcode, cc, _cc2, a1, a2 = parts[:12]
        if fclass not in _KEEP_CLASSES:
            continue
        try:
            rows.append(Row(name=name, lat=float(lat), lon=float(lon), cc=cc, geonameid=gid,
                            admin1_code=f"{cc}.{a1}" if a1 and a1 != "00" else "",
                            admin2_code=f"{cc}.{a1}.{a2}" if a1 and a2 else "", feature=fcode or fclass,
                            population=int(parts[14] or 0), source=f"geonames dump: {path.name}",
                            alt=[a for a in alts.split(",") if keep_name(a)]))
        except ValueError as exc:
            raise SourceError(f"{path}:{n}: {exc}") from exc
    return rows


def _field(r: dict, *names: str) -> str:
    for n in names:
        if r.get(n):
            return r[n].strip()
    return ""


def read_place_csv(path: Path, admin1_by_name: dict[tuple[str, str], str]) -> list[Row]:
    """An analyst's (or our supplement's) place list; admin1 given by name is mapped to its code."""
    from sitroom.geo.names import normalize

    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        reader.fieldnames = [h.strip().lower().replace(" ", "_") for h in reader.fieldnames or ()]
        for n, r in enumerate(reader, 2):
            cc = _field(r, "country_code", "country").upper()
            try:
                lat, lon = float(r["lat"]), float(r["lon"])
            except (TypeError, ValueError) as exc:
                raise SourceError(f"{path}:{n}: bad lat/lon ({exc})") from exc
            if not _field(r, "name") or not -90 <= lat <= 90 or not -180 <= lon <= 180:
                raise SourceError(f"{path}:{n}: a row needs a name and lat/lon within range")
            rows.append(Row(name=_field(r, "name"), lat=lat, lon=lon, cc=cc,
                            admin1_code=admin1_by_name.get((cc, normalize(_field(r, "admin1"))), ""),
                            feature=_field(r, "feature_code", "feature_type", "feature", "type") or "PPL",
                            source=f"{path.name}: {_field(r, 'source')}".rstrip(": "),
                            alt=[a.strip() for a in _field(r, "aliases").split("|") if a.strip()]))
    return rows


def read_source(path: Path, admin1_by_name: dict[tuple[str, str], str]) -> list[Row]:
    if detect_format(path) == "geonames":
        return read_geonames_dump(path)
    return read_place_csv(path, admin1_by_name)


def add_source(path: Path | str) -> Path:
    """Check ``path`` reads as a source, then keep a copy under sources_dir(); returns the copy."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    rows = read_source(path, {})
    if not rows:
        raise SourceError(f"{path}: no places in it")
    folder = sources_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    shutil.copyfile(path, target)
    return target
