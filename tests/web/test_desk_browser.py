"""The desk as an analyst uses it, in headless chromium (skipped with a reason where it is missing).

Screenshots go to $SITROOM_TEST_SCREENSHOTS when set (to look at them), else to the test's tmp dir.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from sitroom.store import EventFilter, Store
from sitroom.store.review import history

from .conftest import TOKEN


def shot(page, tmp_path: Path, name: str, at: str | None = None) -> Path:
    if at:
        page.locator(at).first.scroll_into_view_if_needed()
    folder = Path(os.environ.get("SITROOM_TEST_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def load_desk(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-loading='0']")
    page.wait_for_selector("#map[data-basemap='loaded']")


def test_desk_shows_iraq_with_markers_in_place(page, live_desk: str, tmp_path: Path) -> None:
    load_desk(page, live_desk + "/?country=IQ")
    page.evaluate("window.sitroomMap.setView([33.2, 43.8], 6)")
    page.wait_for_timeout(500)
    shot(page, tmp_path, "desk-iraq")
    # The marker for Baghdad sits inside the drawn outline of Iraq, east of the Euphrates' bend.
    points = page.evaluate("""() => {
        const out = [];
        window.sitroomCluster.getLayers().forEach(l => {
            const p = window.sitroomMap.latLngToContainerPoint(l.getLatLng());
            out.push({loc: l.feature.properties.location, x: p.x, y: p.y}); });
        return out; }""")
    assert int(page.get_attribute("#map", "data-markers")) > 5
    by_name = {p["loc"]: p for p in points}
    assert "Baghdad" in by_name and "Erbil" in by_name
    assert by_name["Erbil"]["y"] < by_name["Baghdad"]["y"] < by_name["Nasiriyah"]["y"]  # north to south
    base = next(p for name, p in by_name.items() if "Asad" in name)  # spelled as the report spells it
    assert base["x"] < by_name["Baghdad"]["x"]  # the base is west of Baghdad
    assert page.locator(".leaflet-overlay-pane path").count() > 10  # the country outlines are drawn


def test_filter_by_date_and_type_updates_map_list_and_url(page, live_desk: str, desk_store: Store,
                                                         tmp_path: Path) -> None:
    load_desk(page, live_desk)
    page.fill("input[name=since]", "2021-02-01")
    page.fill("input[name=until]", "2021-02-28")
    page.select_option("select[name=type]", "Explosions/Remote violence")
    page.click("form#filters button[type=submit]")
    page.wait_for_function("location.search.includes('since=2021-02-01')")
    page.wait_for_selector("body[data-loading='0']")
    expected = desk_store.query_events(EventFilter(since=date(2021, 2, 1),
                                                   until=date(2021, 2, 28),
                                                   event_type="Explosions/Remote violence",
                                                   include_historical=False))
    assert page.inner_text("#count") == str(len(expected))
    assert page.locator("#list li").count() == len(expected)
    assert "type=Explosions" in page.url
    assert page.locator("#timeline rect.bar").count() == 28  # one bar per day of February
    shot(page, tmp_path, "desk-filtered")
    # The URL holds the state: opening it fresh gives the same view.
    page.goto(page.url)
    page.wait_for_selector("body[data-loading='0']")
    assert page.inner_text("#count") == str(len(expected))


def test_event_page_highlights_evidence(page, live_desk: str, desk_store: Store, tmp_path: Path) -> None:
    event = next(e for e in desk_store.query_events(EventFilter(country="IQ")) if e.claimed_by and e.fatalities)
    load_desk(page, live_desk)
    page.click(f"#list li[data-event-id='{event.id}'] a")
    page.wait_for_selector("main.event")
    marks = page.locator("mark.evidence")
    assert marks.count() >= 3
    fields = " ".join(page.locator("mark.evidence").evaluate_all("els => els.map(e => e.dataset.field)"))
    assert "fatalities" in fields and "claimed_by" in fields
    assert event.claimed_by in page.inner_text(".claim")
    shot(page, tmp_path, "event-evidence", ".report")


def test_edit_a_field_and_see_the_revision_then_undo(page, live_desk: str, desk_store: Store,
                                                     tmp_path: Path) -> None:
    event = desk_store.query_events(EventFilter(country="IQ", limit=1))[0]
    page.goto(f"{live_desk}/events/{event.id}")
    page.fill("#token", TOKEN)
    page.fill("#author", "rana")
    page.select_option("#correct-form select[name=field]", "fatalities")
    page.fill("#correct-form input[name=value]", "42")
    page.fill("#correct-form input[name=reason]", "hospital figures")
    page.click("#correct-form button[type=submit]")
    page.wait_for_selector("#revisions tr[data-revision]")
    row = page.inner_text("#revisions tr[data-revision]")
    assert "rana" in row and "fatalities" in row and "42" in row and "hospital figures" in row
    assert "42" in page.inner_text("#fields tr[data-field=fatalities] .value")
    shot(page, tmp_path, "event-revision", "#revisions")
    page.click("button.undo")
    page.wait_for_selector("#revisions tr.undone")
    assert [r.field for r in history(desk_store, event.id)] == ["fatalities", "undo"]
    assert desk_store.get_event(event.id).fatalities == event.fatalities


def test_xss_payload_stays_inert(page, live_desk: str, xss_event_id: str, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    load_desk(page, live_desk + "/?q=Karrada")
    page.evaluate("window.sitroomMap.setView([33.34, 44.40], 9)")
    page.wait_for_timeout(400)
    page.locator(".event-marker").first.click(force=True)
    page.wait_for_selector(".popup")
    assert "<script>" in page.inner_text(".popup-notes")  # shown as text, not run
    page.goto(f"{live_desk}/events/{xss_event_id}")
    assert "<script>window.__xss" in page.inner_text(".report pre.doc")
    assert page.locator("main script, main img, main a[href^='javascript']").count() == 0
    shot(page, tmp_path, "event-xss", ".report")
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
