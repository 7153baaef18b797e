"""Sitreps over the sample corpus: shape, sources on every statement, trends, a map, inert text."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from sitroom.report import sitrep, staticmap
from sitroom.store import open_store
from sitroom.store.review import mark_false_positive
from tests.web.conftest import build_sample_store

AS_OF = date(2021, 2, 16)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sitrep")
    build_sample_store(folder)
    return folder / "desk.db"


@pytest.fixture
def store(sample_db: Path, tmp_path: Path):
    db = tmp_path / "s.db"
    shutil.copy(sample_db, db)
    s = open_store(f"sqlite:///{db}")
    yield s
    s.close()


@pytest.fixture
def rep(store) -> sitrep.Sitrep:
    return sitrep.build(store, since="7d", country="IQ", as_of=AS_OF)


def test_window_and_headlines_first(rep: sitrep.Sitrep) -> None:
    assert (rep.start, rep.end) == (date(2021, 2, 10), AS_OF)
    assert 1 <= len(rep.headlines) <= sitrep.HEADLINES and rep.others
    assert all(rep.start <= e.event_date <= rep.end for e in rep.events)
    assert max(i.event.fatalities or 0 for i in rep.headlines) >= max(i.event.fatalities or 0 for i in rep.others)


def test_every_statement_has_sources_and_event_id(rep: sitrep.Sitrep) -> None:
    md = sitrep.to_markdown(rep)
    statements = [ln for ln in md.splitlines() if ln.startswith("- ")]
    assert statements and all("Sources:" in ln and "event `" in ln for ln in statements)
    assert md.count("Sources:") == len(rep.events)
    assert all(item.sources for item in rep.headlines + rep.others)


def test_tallies_have_trend_arrows(rep: sitrep.Sitrep) -> None:
    total = rep.tallies[-1]
    assert total.label == "All events" and total.count == len(rep.events)
    assert all(t.arrow in "↑↓→" for t in rep.tallies)
    assert "| trend |" in sitrep.to_markdown(rep)


def test_false_positives_are_left_out(store) -> None:
    before = sitrep.build(store, since="7d", country="IQ", as_of=AS_OF, with_map=False)
    mark_false_positive(store, before.headlines[0].event.id)
    after = sitrep.build(store, since="7d", country="IQ", as_of=AS_OF, with_map=False)
    assert before.headlines[0].event.id not in {e.id for e in after.events}


def test_markdown_writes_the_map_beside_it(rep: sitrep.Sitrep, tmp_path: Path) -> None:
    out = tmp_path / "sitrep.md"
    sitrep.write(rep, "md", out)
    assert (tmp_path / "sitrep.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "![Map of the events](sitrep.png)" in out.read_text()


def test_html_inlines_the_map(rep: sitrep.Sitrep) -> None:
    page = sitrep.to_html(rep)
    assert "data:image/png;base64," in page and "<h2>Key developments</h2>" in page


def test_pdf(rep: sitrep.Sitrep, tmp_path: Path) -> None:
    out = tmp_path / "sitrep.pdf"
    sitrep.write(rep, "pdf", out)
    assert out.read_bytes()[:5] == b"%PDF-"


def test_hostile_report_text_is_inert(store) -> None:
    rep = sitrep.build(store, since="1d", country="IQ", as_of=date(2021, 3, 3), with_map=False)
    assert rep.events
    page, md = sitrep.to_html(rep), sitrep.to_markdown(rep)
    assert "<script>" not in page and "&lt;script&gt;" in page and "<img" not in page
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", None])
def test_only_http_links(url: str | None) -> None:
    assert sitrep._safe_url(url) is None


def test_empty_window(store) -> None:
    rep = sitrep.build(store, since="1d", country="IQ", as_of=date(1999, 1, 1))
    assert rep.events == [] and "No events" in sitrep.to_markdown(rep)


def test_bad_format_and_span(rep: sitrep.Sitrep, store) -> None:
    from sitroom.errors import ConfigError

    with pytest.raises(ConfigError):
        sitrep.write(rep, "docx")
    with pytest.raises(ConfigError):
        sitrep.build(store, since="yesterday")


@pytest.mark.parametrize(("name", "lat", "lon"), [("Baghdad", 33.34, 44.40), ("Erbil", 36.19, 44.01),
                                                  ("Nasiriyah", 31.06, 46.26), ("Ain al-Asad", 33.80, 42.44)])
def test_outlines_put_iraqi_places_inside_iraq(name: str, lat: float, lon: float) -> None:
    from shapely.geometry import Point, shape

    iraq = next(f for f in staticmap.outlines()["features"] if f["properties"]["iso"] == "IQ")
    assert shape(iraq["geometry"]).contains(Point(lon, lat)), name
