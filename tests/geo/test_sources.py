"""`sitroom gazetteer add`: GeoNames dumps and analysts' CSVs, with small files written here."""

import zipfile

import pytest

from sitroom.geo import sources
from sitroom.geo.build import build
from sitroom.geo.gazetteer import Gazetteer

# One village, one ADM1 with GeoNames' own point, and an undersea feature that must be skipped.
DUMP = "\n".join([
    "9990001\tQaryat al Ikhtibar\tQaryat al Ikhtibar\tIkhtibar,Al-Ikhtibar,قرية الاختبار\t33.21\t44.31\tP\tPPL\tIQ\t\t07"
    "\t\t\t\t800\t\t35\tAsia/Baghdad\t2020-01-01",
    "99237\tRepublic of Iraq\tRepublic of Iraq\tIraq\t33.0\t44.0\tA\tPCLI\tIQ\t\t00\t\t\t\t38433600\t\t73\t"
    "Asia/Baghdad\t2020-01-01",
    "9990002\tTest Deep\tTest Deep\t\t30.0\t49.0\tU\tDEPU\tIQ\t\t\t\t\t\t0\t\t-50\t\t2020-01-01",
]) + "\n"
PLACES = "name,aliases,lat,lon,country,admin1,feature type\n" \
         "Checkpoint Nimr,Nimr checkpoint|CP Nimr,33.05,44.25,IQ,Baghdad,CTRL\n"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SITROOM_HOME", str(tmp_path / "home"))
    return tmp_path


def test_geonames_dump_is_read(home):
    path = home / "IQ.txt"
    path.write_text(DUMP, encoding="utf-8")
    rows = sources.read_source(path, {})
    assert [r.name for r in rows] == ["Qaryat al Ikhtibar", "Republic of Iraq"]  # undersea skipped
    village = rows[0]
    assert (village.cc, village.admin1_code, village.feature, village.population) == ("IQ", "IQ.07", "PPL", 800)
    assert "قرية الاختبار" in village.alt


def test_zipped_dump_is_read(home):
    path = home / "IQ.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("IQ.txt", DUMP)
    assert sources.detect_format(path) == "geonames"
    assert len(sources.read_source(path, {})) == 2


def test_place_csv_is_read(home):
    path = home / "mine.csv"
    path.write_text(PLACES, encoding="utf-8")
    (row,) = sources.read_source(path, {("IQ", "baghdad"): "IQ.07"})
    assert (row.name, row.cc, row.admin1_code, row.feature) == ("Checkpoint Nimr", "IQ", "IQ.07", "CTRL")
    assert row.alt == ["Nimr checkpoint", "CP Nimr"]


@pytest.mark.parametrize("content", ["just some text\n", "name,lat,lon\nX,abc,44\n", "a\tb\tc\n"])
def test_bad_files_are_refused_with_a_reason(home, content):
    path = home / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(sources.SourceError, match="bad.csv"):
        sources.add_source(path)
    assert sources.added_sources() == []


def test_added_sources_are_kept_and_built_in(home):
    for name, text in (("IQ.txt", DUMP), ("mine.csv", PLACES)):
        (home / name).write_text(text, encoding="utf-8")
        sources.add_source(home / name)
    kept = sources.added_sources()
    assert [p.name for p in kept] == ["IQ.txt", "mine.csv"]
    gz = Gazetteer(build(home / "gz.sqlite", extra_csv=kept, countries=["IQ"]), auto_build=False)
    assert gz.candidates("Ikhtibar")[0].place.name == "Qaryat al Ikhtibar"
    assert gz.candidates("Nimr checkpoint")[0].place.feature_code == "CTRL"
    iraq = gz.country("IQ")
    assert iraq is not None and iraq.place.geonameid == "99237"  # the dump's row replaced ours, not doubled
    assert "IQ.txt" in gz.info()["added sources"]
