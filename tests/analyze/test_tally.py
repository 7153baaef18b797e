"""Tallies, trends, claim extraction and checks, provenance, and the thin CLI over them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from sitroom.analyze.claims import check_claims, claim_window
from sitroom.analyze.provenance import provenance, render
from sitroom.analyze.tally import Window, parse_span, tally, trend, window
from sitroom.cli import app
from sitroom.errors import ConfigError
from sitroom.extract.tally import extract_tally_claims
from sitroom.model import Document, Event, Evidence
from sitroom.store import EventFilter, Store, open_store

SEED = ("Today's attack was the 21st against US-led coalition supplies convoys in Iraq in the last seven weeks. "
        "The coalition is yet to address these attacks.")
GREEN = "It was the third rocket attack in a week on sites where US troops are present in Iraq."


@pytest.mark.parametrize(("text", "days"), [("7w", 49), ("10d", 10), ("3m", 90), ("1y", 365), (" 2W ", 14)])
def test_parse_span(text: str, days: int) -> None:
    assert parse_span(text) == days


@pytest.mark.parametrize("text", ["", "7", "w7", "7 weeks", "-1d"])
def test_parse_span_rejects(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_span(text)


def test_since_counts_back_including_as_of() -> None:
    assert window("7d", as_of=date(2021, 2, 22)) == Window(date(2021, 2, 16), date(2021, 2, 22))


def test_window_rejects_reversed_range() -> None:
    with pytest.raises(ConfigError):
        window(start=date(2021, 3, 1), end=date(2021, 2, 1))


@pytest.mark.parametrize(("field", "value"), [
    ("count", 21), ("window_days", 49), ("target", "coalition"), ("keyword", "convoy"), ("country_code", "IQ"),
    ("as_of", date(2021, 2, 10)), ("window_text", "in the last seven weeks"),
])
def test_seed_claim_fields(field: str, value: object) -> None:
    (claim,) = extract_tally_claims(Document(SEED, published=date(2021, 2, 10)))
    assert getattr(claim, field) == value


@pytest.mark.parametrize(("field", "value"), [
    ("count", 3), ("window_days", 7), ("sub_event_type", "Shelling/artillery/missile attack"),
])
def test_rocket_claim_fields(field: str, value: object) -> None:
    (claim,) = extract_tally_claims(Document(GREEN, published=date(2021, 2, 22)))
    assert getattr(claim, field) == value


def test_claim_evidence_is_the_sentence() -> None:
    doc = Document("Intro line.\n" + GREEN)
    (claim,) = extract_tally_claims(doc)
    assert claim.evidence.text == GREEN and doc.text[claim.evidence.start:claim.evidence.end] == GREEN


@pytest.mark.parametrize("text", [
    "It was the first attack of its kind in a week.",  # "first" is not a running count
    "Rockets hit the base on Monday.",
    "The 21st brigade moved north.",
])
def test_no_claim(text: str) -> None:
    assert extract_tally_claims(Document(text)) == []


def _rocket(doc: Document, day: int, start: int = 0, **kw) -> Event:
    values = dict(event_date=date(2021, 2, day), time_precision=1, event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack", country="Iraq", country_code="IQ",
                  location="Erbil", latitude=36.19 + day / 10, longitude=44.01, geo_precision=1,
                  actor2="US-led coalition", notes="rockets hit a base", mention_start=start, mention_end=start + 5)
    values.update(kw)
    return Event(doc_id=doc.id, **values)


@pytest.fixture
def filled(tmp_path) -> Store:
    store = open_store(f"sqlite:///{tmp_path / 't.db'}")
    for day in (2, 9, 16, 20, 22):
        doc = Document(f"report of day {day}", source=f"r{day}.txt", published=date(2021, 2, day))
        store.add_document(doc, [_rocket(doc, day)])
    claim_doc = Document(GREEN, source="claim.txt", published=date(2021, 2, 22))
    store.add_document(claim_doc, [], extract_tally_claims(claim_doc))
    return store


@pytest.mark.parametrize(("since", "expected"), [("1d", 1), ("7d", 3), ("3w", 5)])
def test_tally_counts_events_in_window(filled: Store, since: str, expected: int) -> None:
    assert tally(filled, EventFilter(), window(since, as_of=date(2021, 2, 22))).count == expected


def test_tally_leaves_out_historical(filled: Store) -> None:
    doc = Document("old", source="old.txt")
    filled.add_document(doc, [_rocket(doc, 21, historical=True)])
    assert tally(filled, EventFilter(), window("7d", as_of=date(2021, 2, 22))).count == 3


def _arrest(filled: Store) -> None:
    doc = Document("arrests in Erbil", source="arrests.txt", published=date(2021, 2, 21))
    filled.add_document(doc, [_rocket(doc, 21, event_type="Strategic developments", sub_event_type="Arrests",
                                      location="Sulaymaniyah", latitude=35.56, longitude=45.43)])


def test_tally_leaves_out_strategic_developments_unless_asked(filled: Store) -> None:
    _arrest(filled)
    win = window("7d", as_of=date(2021, 2, 22))
    assert tally(filled, EventFilter(), win).count == 3
    assert tally(filled, EventFilter(), win, include_strategic=True).count == 4
    assert tally(filled, EventFilter(sub_event_type="Arrests"), win).count == 1
    assert tally(filled, EventFilter(event_type="Strategic developments"), win).count == 1


def test_cli_tally_include_strategic(filled: Store, tmp_path) -> None:
    _arrest(filled)
    args = ["tally", "--db", _db(tmp_path), "--since", "7d", "--as-of", "2021-02-22", "--format", "json"]
    assert json.loads(runner.invoke(app, args).stdout)["count"] == 3
    assert json.loads(runner.invoke(app, [*args, "--include-strategic"]).stdout)["count"] == 4


def test_weekly_trend_fills_empty_weeks(filled: Store) -> None:
    events = tally(filled, EventFilter(), Window(None, None)).events
    assert trend(events, "week") == [(date(2021, 2, 1), 1), (date(2021, 2, 8), 1), (date(2021, 2, 15), 2),
                                     (date(2021, 2, 22), 1)]


def test_claim_window_ends_on_as_of(filled: Store) -> None:
    (claim,) = filled.claims()
    assert claim_window(claim) == Window(date(2021, 2, 16), date(2021, 2, 22))


def test_claim_check_sets_db_count_beside_claim(filled: Store) -> None:
    (check,) = check_claims(filled)
    assert (check.claim.count, check.db_count, check.difference) == (3, 3, 0)


def test_provenance_traces_fields_to_reports(filled: Store) -> None:
    doc = Document("Rockets hit Erbil on Feb 22.", source="second.txt", published=date(2021, 2, 22))
    ev = _rocket(doc, 22, fatalities=2)
    ev.evidence["fatalities"] = Evidence(0, 7, "Rockets", doc.id)
    filled.add_document(doc, [ev])
    (event,) = tally(filled, EventFilter(), window("1d", as_of=date(2021, 2, 22))).events
    p = provenance(filled, event.id[:8])
    by_name = {f.name: f for f in p.fields}
    assert by_name["fatalities"].document == "second.txt" and by_name["fatalities"].evidence == "Rockets"
    assert [m.document for m in p.mentions] == ["r22.txt", "second.txt"]
    assert "second.txt" in render(p)


runner = CliRunner()


def _db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 't.db'}"


def test_cli_tally_json(filled: Store, tmp_path) -> None:
    out = runner.invoke(app, ["tally", "--db", _db(tmp_path), "--since", "7d", "--as-of", "2021-02-22",
                              "--format", "json"])
    data = json.loads(out.stdout)
    assert out.exit_code == 0 and data["count"] == 3 and len(data["events"]) == 3


def test_cli_tally_by_month(filled: Store, tmp_path) -> None:
    out = runner.invoke(app, ["tally", "--db", _db(tmp_path), "--by", "month"])
    assert out.exit_code == 0 and "2021-02-01      5" in out.stdout


def test_cli_tally_bad_since_is_clean_error(filled: Store, tmp_path) -> None:
    out = runner.invoke(app, ["tally", "--db", _db(tmp_path), "--since", "soon"])
    assert out.exit_code == 2 and "Traceback" not in out.output


def test_cli_claims(filled: Store, tmp_path) -> None:
    out = runner.invoke(app, ["claims", "--db", _db(tmp_path)])
    assert out.exit_code == 0 and "claim    3  db    3" in out.stdout


def test_cli_show(filled: Store, tmp_path) -> None:
    event = filled.query_events(EventFilter(limit=1))[0]
    out = runner.invoke(app, ["show", "--db", _db(tmp_path), event.id])
    assert out.exit_code == 0 and "mentions:" in out.stdout and "r22.txt" in out.stdout


def test_cli_show_unknown_event(filled: Store, tmp_path) -> None:
    assert runner.invoke(app, ["show", "--db", _db(tmp_path), "zzz"]).exit_code == 2


def test_chart_needs_matplotlib_or_writes_png(filled: Store, tmp_path) -> None:
    png = tmp_path / "t.png"
    out = runner.invoke(app, ["tally", "--db", _db(tmp_path), "--by", "week", "--chart", str(png)])
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert out.exit_code == 2 and "matplotlib" in out.output
    else:
        assert out.exit_code == 0 and png.read_bytes()[:4] == b"\x89PNG"
