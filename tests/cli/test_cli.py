"""The command line as a user drives it: contract output, bad input, idempotent ingest, queries."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitroom.cli import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reports"
CONVOY = ("On February 10, an explosive device struck a supply convoy of the US-led coalition on the Yusufiya road "
          "south of Baghdad, a security source told al-Ain TV. Nobody was hurt. Saraya Qasim al-Jabbarin claimed "
          "responsibility on Telegram.")

runner = CliRunner()


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_jsonl_contract():
    line = json.dumps({"id": "doc-1", "text": CONVOY, "published": "2021-02-10", "country": "IQ"})
    result = run("extract", "--input-format", "jsonl", "--format", "jsonl", stdin=line + "\n")
    assert result.exit_code == 0, result.output
    events = jsonl(result.stdout)
    assert len(events) == 1
    event = events[0]
    assert event["doc_id"] == "doc-1"
    assert event["event_date"] == "2021-02-10"
    assert event["sub_event_type"] == "Remote explosive/landmine/IED"
    assert event["event_type"] == "Explosions/Remote violence"
    assert event["claimed_by"] == "Saraya Qasim al-Jabbarin"
    assert event["country_code"] == "IQ"
    assert event["fatalities"] == 0
    for name in ("event_date", "sub_event_type", "claimed_by", "location", "fatalities"):
        span = event["evidence"][name]
        assert CONVOY[span["start"]:span["end"]] == span["text"]


def test_extract_bad_json_line_is_reported_and_the_rest_go_through():
    good = json.dumps({"id": "ok", "text": CONVOY, "published": "2021-02-10"})
    result = run("extract", "--input-format", "jsonl", "--format", "jsonl", stdin="{not json\n" + good + "\n")
    assert result.exit_code == 0
    assert [e["doc_id"] for e in jsonl(result.stdout)] == ["ok"]
    assert ":1:" in result.stderr or "line 1" in result.stderr


def test_extract_only_bad_input_exits_nonzero(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("extract", str(empty))
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr


def test_extract_csv_has_a_header_and_one_row(tmp_path: Path):
    report = tmp_path / "r.txt"
    report.write_text(CONVOY)
    result = run("extract", str(report), "--format", "csv", "--published", "2021-02-10")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1 and rows[0]["sub_event_type"] == "Remote explosive/landmine/IED"


def test_extract_rejects_a_bad_published_date(tmp_path: Path):
    report = tmp_path / "r.txt"
    report.write_text(CONVOY)
    result = run("extract", str(report), "--published", "10/02/2021")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_geoparse_contract_with_given_spans():
    text = "Rockets hit Erbil and Baghdad."
    line = json.dumps({"id": "g1", "text": text, "toponyms": [{"start": 12, "end": 17}]})
    result = run("geoparse", "--input-format", "jsonl", "--format", "jsonl", stdin=line + "\n")
    assert result.exit_code == 0, result.output
    (doc,) = jsonl(result.stdout)
    assert doc["id"] == "g1"
    assert [(t["start"], t["end"]) for t in doc["toponyms"]] == [(12, 17)]
    assert doc["toponyms"][0]["country_code"] == "IQ"


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return str(tmp_path / "events.db")


def test_ingest_is_idempotent_and_events_are_queryable(db: str):
    first = run("ingest", str(FIXTURES), "--db", db)
    assert first.exit_code == 0, first.output
    listed = jsonl(run("events", "--db", db, "--format", "jsonl").stdout)
    again = run("ingest", str(FIXTURES), "--db", db)
    assert again.exit_code == 0
    assert "0 documents added" in again.stderr
    assert len(jsonl(run("events", "--db", db, "--format", "jsonl").stdout)) == len(listed)
    assert listed, "the fixture reports hold events"


def test_events_filters(db: str):
    run("ingest", str(FIXTURES), "--db", db)
    everything = jsonl(run("events", "--db", db, "--format", "jsonl").stdout)
    iraq = jsonl(run("events", "--db", db, "--format", "jsonl", "--country", "IQ").stdout)
    near_baghdad = jsonl(run("events", "--db", db, "--format", "jsonl", "--near", "33.34,44.40", "--km", "60").stdout)
    since = jsonl(run("events", "--db", db, "--format", "jsonl", "--since", "2021-02-15").stdout)
    assert 0 < len(iraq) <= len(everything)
    assert all(e["country_code"] == "IQ" for e in iraq)
    assert all(e["event_date"] >= "2021-02-15" for e in since if e["event_date"])
    assert len(near_baghdad) < len(everything)


def test_events_bad_near_is_a_usage_error(db: str):
    result = run("events", "--db", db, "--near", "baghdad")
    assert result.exit_code == 2
    assert "LAT,LON" in result.output


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "jsonl"])
def test_export_formats(db: str, tmp_path: Path, fmt: str):
    run("ingest", str(FIXTURES), "--db", db)
    out = tmp_path / f"out.{fmt}"
    result = run("export", "--db", db, "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    body = out.read_text()
    if fmt == "geojson":
        data = json.loads(body)
        assert data["type"] == "FeatureCollection" and data["features"]
    elif fmt == "acled-csv":
        rows = list(csv.DictReader(io.StringIO(body)))
        assert rows and "event_date" in rows[0] and "sub_event_type" in rows[0]
    else:
        assert jsonl(body)
