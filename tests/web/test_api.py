"""Every API endpoint, with good and bad parameters: bad input is a clear 4xx, never a 500."""

from __future__ import annotations

import csv
import io

import pytest

from sitroom.store import Store

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Sitroom-Author": "tester"}


def first_event(client) -> dict:
    return client.get("/api/events", params={"country": "IQ", "limit": 1}).json()["events"][0]


def test_events_json_lists_current_events(client) -> None:
    body = client.get("/api/events").json()
    assert body["count"] == len(body["events"]) > 10
    assert not any(e["historical"] for e in body["events"])


@pytest.mark.parametrize(("params", "check"), [
    ({"since": "2021-02-01", "until": "2021-02-28"}, lambda e: "2021-02-01" <= e["event_date"] <= "2021-02-28"),
    ({"type": "Battles"}, lambda e: e["event_type"] == "Battles"),
    ({"sub_type": "Air/drone strike"}, lambda e: e["sub_event_type"] == "Air/drone strike"),
    ({"claimed": "1"}, lambda e: bool(e["claimed_by"])),
    ({"min_fatalities": "5"}, lambda e: (e["fatalities"] or 0) >= 5),
    ({"country": "IQ"}, lambda e: e["country_code"] == "IQ"),
    ({"admin1": "Erbil"}, lambda e: e["admin1"] == "Erbil"),
    ({"actor": "Awliya"}, lambda e: "Awliya" in (e["actor1"] or "") + (e["claimed_by"] or "")),
    ({"historical": "1"}, lambda e: True),
])
def test_events_filters(client, params: dict, check) -> None:
    events = client.get("/api/events", params=params).json()["events"]
    assert events and all(check(e) for e in events)


def test_free_text_searches_report_text(client) -> None:
    events = client.get("/api/events", params={"q": "Karrada"}).json()["events"]
    assert [e["location"] for e in events] == ["Karrada"]


def test_limit(client) -> None:
    assert client.get("/api/events", params={"limit": 3}).json()["count"] == 3


@pytest.mark.parametrize(("params", "message"), [
    ({"since": "yesterday"}, "YYYY-MM-DD"),
    ({"until": "2021-13-01"}, "YYYY-MM-DD"),
    ({"since": "2021-03-01", "until": "2021-02-01"}, "after"),
    ({"min_fatalities": "many"}, "whole number"),
    ({"min_fatalities": "-1"}, "out of range"),
    ({"claimed": "perhaps"}, "use 1 or 0"),
    ({"limit": "0"}, "out of range"),
    ({"limit": "999999"}, "out of range"),
    ({"q": "x" * 500}, "too long"),
])
@pytest.mark.parametrize("endpoint", ["/api/events", "/api/events.geojson", "/api/events.csv", "/api/tally"])
def test_bad_filter_is_400_with_a_clear_message(client, endpoint: str, params: dict, message: str) -> None:
    r = client.get(endpoint, params=params)
    assert r.status_code == 400
    assert message in r.json()["error"]


def test_geojson_points_are_lon_lat(client) -> None:
    gj = client.get("/api/events.geojson", params={"q": "Karrada"}).json()
    assert gj["type"] == "FeatureCollection"
    lon, lat = gj["features"][0]["geometry"]["coordinates"]
    assert 44 < lon < 45 and 33 < lat < 34


def test_csv_has_acled_columns(client) -> None:
    r = client.get("/api/events.csv", params={"type": "Battles"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {"event_id_cnty", "event_date", "event_type", "fatalities"} <= set(rows[0])


@pytest.mark.parametrize("by", ["day", "week"])
def test_tally_timeline(client, by: str) -> None:
    t = client.get("/api/tally", params={"since": "2021-02-01", "until": "2021-02-28", "by": by}).json()
    assert t["count"] == sum(b["count"] for b in t["timeline"]) == sum(t["by_type"].values())
    assert len(t["timeline"]) == (28 if by == "day" else 4)  # 1 Feb 2021 was a Monday


def test_tally_bad_bucket(client) -> None:
    r = client.get("/api/tally", params={"by": "fortnight"})
    assert r.status_code == 400 and "day or week" in r.json()["error"]


def test_facets(client) -> None:
    f = client.get("/api/facets").json()
    assert "IQ" in f["countries"] and "Battles" in f["event_types"] and "fatalities" in f["correctable"]


def test_event_detail_has_provenance_reports_and_revisions(client) -> None:
    eid = first_event(client)["id"]
    d = client.get(f"/api/events/{eid}").json()
    assert d["event"]["id"] == eid and d["reports"] and d["revisions"] == []
    assert any(f["evidence"] for f in d["fields"])
    assert client.get(f"/api/events/{eid[:10]}").json()["event"]["id"] == eid  # a unique prefix works


def test_event_revisions_endpoint(client) -> None:
    eid = first_event(client)["id"]
    assert client.get(f"/api/events/{eid}/revisions").json() == {"revisions": []}


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/events/nope/revisions", "/api/documents/nope",
                                  "/events/nope"])
def test_unknown_ids_are_404(client, path: str) -> None:
    assert client.get(path).status_code == 404


def test_documents(client) -> None:
    body = client.get("/api/documents", params={"limit": 5}).json()
    assert body["count"] > 30 and len(body["documents"]) == 5
    doc = client.get(f"/api/documents/{body['documents'][0]['id']}").json()
    assert doc["text"] and "mentions" in doc


@pytest.mark.parametrize("params", [{"limit": "abc"}, {"limit": "0"}, {"offset": "-1"}])
def test_documents_bad_paging_is_422(client, params: dict) -> None:
    r = client.get("/api/documents", params=params)
    assert r.status_code == 422 and r.json()["error"]


def test_basemap_is_country_outlines(client) -> None:
    gj = client.get("/api/basemap.geojson").json()
    assert any(f["properties"]["iso"] == "IQ" for f in gj["features"])


def test_openapi_documents_the_endpoints(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events.geojson", "/api/events.csv", "/api/tally", "/api/documents",
              "/api/events/{event_id}/corrections", "/api/merge", "/api/split", "/api/revisions/{revision_id}/undo"):
        assert p in paths
    assert client.get("/docs").status_code == 200


def test_pages_and_vendor_files_are_served_locally(client) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "/vendor/leaflet/leaflet.js" in home.text
    assert "script-src 'self'" in home.headers["content-security-policy"]
    for path in ("/vendor/leaflet/leaflet.js", "/vendor/leaflet/leaflet.css",
                 "/vendor/markercluster/leaflet.markercluster.js", "/static/desk.js"):
        assert client.get(path).status_code == 200, path


def test_desk_page_reports_a_bad_filter(client) -> None:
    r = client.get("/", params={"since": "nonsense"})
    assert r.status_code == 200 and "is not a date" in r.text


# --- writes ---------------------------------------------------------------------------------------

def test_writes_need_the_token(client, readonly_client) -> None:
    eid = first_event(client)["id"]
    body = {"field": "fatalities", "value": 3}
    assert client.post(f"/api/events/{eid}/corrections", json=body).status_code == 401
    assert client.post(f"/api/events/{eid}/corrections", json=body,
                       headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = readonly_client.post(f"/api/events/{eid}/corrections", json=body, headers=AUTH)
    assert r.status_code == 403 and "read-only" in r.json()["error"]


def test_correct_then_undo(client, desk_store: Store) -> None:
    e = first_event(client)
    r = client.post(f"/api/events/{e['id']}/corrections", json={"field": "fatalities", "value": "17",
                                                               "reason": "morgue"}, headers=AUTH)
    assert r.status_code == 201
    rev = r.json()
    assert (rev["author"], rev["before"], rev["after"]) == ("tester", e["fatalities"], 17)
    assert desk_store.get_event(e["id"]).fatalities == 17
    u = client.post(f"/api/revisions/{rev['id']}/undo", json={}, headers=AUTH)
    assert u.status_code == 201 and u.json()["undo_of"] == rev["id"]
    assert desk_store.get_event(e["id"]).fatalities == e["fatalities"]
    again = client.post(f"/api/revisions/{rev['id']}/undo", json={}, headers=AUTH)
    assert again.status_code == 400 and "already undone" in again.json()["error"]


@pytest.mark.parametrize(("body", "message"), [
    ({"field": "fatalities", "value": "lots"}, "not a valid value"),
    ({"field": "latitude", "value": 123}, "not a valid value"),
    ({"field": "event_type", "value": "Picnic"}, "not an ACLED event type"),
    ({"field": "id", "value": "x"}, "cannot be corrected"),
    ({"value": 3}, "field"),
])
def test_bad_correction_is_4xx(client, body: dict, message: str) -> None:
    eid = first_event(client)["id"]
    r = client.post(f"/api/events/{eid}/corrections", json=body, headers=AUTH)
    assert 400 <= r.status_code < 500 and message in r.json()["error"]


def test_correction_of_unknown_event_is_404(client) -> None:
    r = client.post("/api/events/nope/corrections", json={"field": "fatalities", "value": 1}, headers=AUTH)
    assert r.status_code == 404


def test_false_positive_hides_the_event_until_asked(client) -> None:
    eid = first_event(client)["id"]
    assert client.post(f"/api/events/{eid}/false-positive", json={"flag": True}, headers=AUTH).status_code == 201
    assert eid not in {e["id"] for e in client.get("/api/events").json()["events"]}
    shown = client.get("/api/events", params={"false_positives": "1"}).json()["events"]
    assert next(e for e in shown if e["id"] == eid)["false_positive"] is True
    r = client.post(f"/api/events/{eid}/false-positive", json={"flag": True}, headers=AUTH)
    assert r.status_code == 400 and "already" in r.json()["error"]


def test_merge_and_split_endpoints(client, desk_store: Store) -> None:
    a, b = [e["id"] for e in client.get("/api/events", params={"admin1": "Erbil"}).json()["events"][:2]]
    r = client.post("/api/merge", json={"event_ids": [a, b]}, headers=AUTH)
    assert r.status_code == 201 and r.json()["event_id"] == a
    assert desk_store.get_event(b) is None
    moved = r.json()["before"]["mentions"][b]
    s = client.post("/api/split", json={"mention_ids": moved}, headers=AUTH)
    assert s.status_code == 201
    assert desk_store.event_of_mention(moved[0]) != a


@pytest.mark.parametrize(("path", "body"), [
    ("/api/merge", {"event_ids": ["only-one"]}),
    ("/api/merge", {"event_ids": ["nope", "nada"]}),
    ("/api/split", {"mention_ids": []}),
    ("/api/split", {"mention_ids": ["nope"]}),
    ("/api/revisions/999999/undo", {}),
    ("/api/revisions/abc/undo", {}),
])
def test_bad_review_requests_are_4xx(client, path: str, body: dict) -> None:
    r = client.post(path, json=body, headers=AUTH)
    assert 400 <= r.status_code < 500, r.text
    assert r.json()["error"]


def test_xss_report_is_escaped_in_html(client, xss_event_id: str) -> None:
    page = client.get(f"/events/{xss_event_id}").text
    assert "<script>window.__xss" not in page
    assert "&lt;script&gt;window.__xss" in page
    assert 'onerror="window' not in page


def test_a_configured_tile_server_is_offered_to_the_map_and_allowed_by_the_policy(monkeypatch, tmp_path):
    from fastapi.testclient import TestClient

    from sitroom.store import open_store
    from sitroom.web.app import create_app

    monkeypatch.setenv("SITROOM_TILE_URL", "https://tiles.internal.example/{z}/{x}/{y}.png")
    client = TestClient(create_app(open_store(f"sqlite:///{tmp_path / 'empty.db'}")))
    page = client.get("/")
    assert page.status_code == 200
    assert 'data-tile-url="https://tiles.internal.example/{z}/{x}/{y}.png"' in page.text
    assert "img-src 'self' data: https://tiles.internal.example;" in page.headers["content-security-policy"]


def test_without_a_tile_server_the_map_needs_no_other_origin(tmp_path):
    from fastapi.testclient import TestClient

    from sitroom.store import open_store
    from sitroom.web.app import create_app

    client = TestClient(create_app(open_store(f"sqlite:///{tmp_path / 'empty.db'}")))
    page = client.get("/")
    assert 'data-tile-url=""' in page.text
    assert "img-src 'self' data:;" in page.headers["content-security-policy"]
