"""Exports parse back: ACLED CSV, GeoJSON, JSON lines."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import pytest

from sitroom.errors import ConfigError
from sitroom.model import Document, Event
from sitroom.report.export import ACLED_COLUMNS, EXPORTERS, disorder_type, export_events, interaction
from sitroom.store import StoredEvent, open_store

STRIKE = StoredEvent(
    id="e1", event_date=date(2024, 2, 20), time_precision=1, event_type="Explosions/Remote violence",
    sub_event_type="Air/drone strike", actor1="Military Forces of Israel", inter1="State forces",
    actor2="Civilians (Syria)", inter2="Civilians", country="Syria", country_code="SY", admin1="Damascus",
    admin2="Damascus", location="Mezzeh", latitude=33.5, longitude=36.25, geo_precision=2, fatalities=2,
    notes='A car was hit, "two" killed.', report_count=2, fatalities_range=(2, 4),
    documents=("a.txt", "https://x.org/b"), sources=("Reuters", "SANA"), mentions=2,
    updated_at=datetime(2024, 2, 21, 12, 0, tzinfo=UTC),
)
NOWHERE = StoredEvent(id="e2", event_date=date(2024, 2, 21), event_type="Protests", sub_event_type="Peaceful protest",
                      inter1="Protesters", country="Iraq", country_code="IQ")


def export(events, fmt: str) -> tuple[str, object]:
    out = io.StringIO()
    result = export_events(events, fmt, out)
    return out.getvalue(), result


def test_acled_csv_header_is_acleds() -> None:
    text, _ = export([STRIKE], "acled-csv")
    assert next(csv.reader(io.StringIO(text))) == list(ACLED_COLUMNS)
    assert len(ACLED_COLUMNS) == 31


@pytest.mark.parametrize(("column", "value"), [
    ("event_id_cnty", "e1"), ("event_date", "2024-02-20"), ("year", "2024"), ("time_precision", "1"),
    ("disorder_type", "Political violence"), ("sub_event_type", "Air/drone strike"),
    ("interaction", "State forces-Civilians"), ("civilian_targeting", "Civilian targeting"),
    ("iso", "760"), ("region", ""), ("country", "Syria"), ("admin3", ""), ("location", "Mezzeh"),
    ("latitude", "33.5"), ("longitude", "36.25"), ("geo_precision", "2"), ("source", "Reuters; SANA"),
    ("notes", 'A car was hit, "two" killed.'), ("fatalities", "2"), ("tags", ""),
    ("timestamp", str(int(datetime(2024, 2, 21, 12, tzinfo=UTC).timestamp()))),
])
def test_acled_csv_values(column: str, value: str) -> None:
    text, result = export([STRIKE, NOWHERE], "acled-csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0][column] == value
    assert result.written == 2


def test_acled_csv_leaves_unknowns_empty() -> None:
    text, _ = export([NOWHERE], "acled-csv")
    row = next(csv.DictReader(io.StringIO(text)))
    assert (row["latitude"], row["fatalities"], row["actor1"], row["interaction"]) == ("", "", "", "Protesters only")


def test_geojson_parses_back_and_skips_events_without_coordinates() -> None:
    text, result = export([STRIKE, NOWHERE], "geojson")
    data = json.loads(text)
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.25, 33.5]}
    assert feature["properties"]["fatalities_range"] == [2, 4]
    assert feature["properties"]["documents"] == ["a.txt", "https://x.org/b"]
    assert (result.written, result.skipped) == (1, 1)


def test_jsonl_one_event_per_line() -> None:
    text, result = export([STRIKE, NOWHERE], "jsonl")
    lines = [json.loads(line) for line in text.splitlines()]
    assert [d["id"] for d in lines] == ["e1", "e2"] and result.written == 2
    assert lines[0] == STRIKE.to_dict()


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_empty_export_is_valid(fmt: str) -> None:
    text, result = export([], fmt)
    assert result.written == 0
    if fmt == "geojson":
        assert json.loads(text)["features"] == []


def test_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown export format 'xlsx'"):
        export([STRIKE], "xlsx")


@pytest.mark.parametrize(("etype", "sub", "expected"), [
    ("Battles", "Armed clash", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Riots", None, ""),
    ("Strategic developments", "Arrests", "Strategic developments"),
    (None, None, ""),
])
def test_disorder_type(etype, sub, expected) -> None:
    assert disorder_type(etype, sub) == expected


def test_interaction_empty_without_actor_types() -> None:
    assert interaction(None, "Civilians") == ""


def test_export_from_a_store(tmp_path) -> None:
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        doc = Document(text="Clashes in Mosul.", source="mosul.txt")
        store.add_document(doc, [Event(doc_id=doc.id, event_date=date(2024, 3, 5), event_type="Battles",
                                       location="Mosul", latitude=36.3, longitude=43.1, country_code="IQ")])
        text, _ = export(store.query_events(), "acled-csv")
    row = next(csv.DictReader(io.StringIO(text)))
    assert (row["event_type"], row["iso"], row["location"]) == ("Battles", "368", "Mosul")


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-cmd", "'-cmd"), ("Baghdad", "Baghdad"), (-80.5, -80.5), (3, 3), (None, None),
])
def test_csv_cells_never_run_as_formulas(value, expected):
    from sitroom.report.export import spreadsheet_safe

    assert spreadsheet_safe(value) == expected
