import io
import json

from sitroom.geo import geoparse_stream


def test_stream_contract_with_a_bad_line(gazetteer):
    lines = [
        json.dumps({"id": "a", "text": "Shelling hit Mosul and Erbil."}),
        "{not json",
        json.dumps({"id": "b", "text": "Baghdad is large.", "toponyms": [{"start": 0, "end": 7}]}),
    ]
    out, err = io.StringIO(), io.StringIO()
    bad = geoparse_stream(lines, out, err, gazetteer)
    assert bad == 1
    assert "line 2" in err.getvalue()
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert {t["text"] for t in rows[0]["toponyms"]} == {"Mosul", "Erbil"}
    top = rows[1]["toponyms"][0]
    assert (top["start"], top["end"], top["name"], top["country_code"]) == (0, 7, "Baghdad", "IQ")
    assert set(top) >= {"lat", "lon", "geonameid", "feature_code"}


def test_unresolved_given_span_keeps_offsets(gazetteer):
    out = io.StringIO()
    geoparse_stream([json.dumps({"id": "c", "text": "Xqzzy.", "toponyms": [{"start": 0, "end": 5}]})],
                    out, io.StringIO(), gazetteer)
    (top,) = json.loads(out.getvalue())["toponyms"]
    assert (top["start"], top["end"], top["lat"], top["lon"]) == (0, 5, None, None)
