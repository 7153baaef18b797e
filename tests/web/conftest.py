"""Fixtures for the desk: a store built from the sample corpus plus an XSS payload report,
an in-process API client, and (for browser tests) a live uvicorn server and headless chromium."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom import workflow
from sitroom.store import EventFilter, Store, open_store

TOKEN = "test-token"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
XSS_REPORT = """Baghdad, 3 March 2021

A roadside bomb <script>window.__xss = 1</script> exploded near an army patrol in the Karrada district of \
Baghdad on 3 March, killing two soldiers <img src=x onerror="window.__xss = 2">, police said. \
Details: <a href="javascript:window.__xss=3">click</a>.
"""


def build_sample_store(folder: Path) -> str:
    """A SQLite store holding the sample corpus and one hostile report; returns its URL."""
    extra = folder / "extra"
    extra.mkdir(parents=True, exist_ok=True)
    (extra / "xss_report.txt").write_text(XSS_REPORT, encoding="utf-8")
    url = f"sqlite:///{folder / 'desk.db'}"
    with open_store(url) as store:
        workflow.ingest(store, workflow.read([str(workflow.sample_corpus()), str(extra)]), strict=True)
    return url


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("desk-template")
    build_sample_store(folder)
    return folder / "desk.db"


@pytest.fixture
def desk_store(sample_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A fresh copy of the sample store per test, so review writes do not leak between tests."""
    db = tmp_path / "desk.db"
    shutil.copy(sample_template, db)
    store = open_store(f"sqlite:///{db}")
    yield store
    store.close()


@pytest.fixture
def xss_event_id(desk_store: Store) -> str:
    found = desk_store.query_events(EventFilter(text="window.__xss"))
    assert found, "the hostile report produced no event"
    return found[0].id


@pytest.fixture
def client(desk_store: Store):
    from fastapi.testclient import TestClient

    from sitroom.web.app import create_app

    return TestClient(create_app(desk_store, TOKEN))


@pytest.fixture
def readonly_client(desk_store: Store):
    from fastapi.testclient import TestClient

    from sitroom.web.app import create_app

    return TestClient(create_app(desk_store, None))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_desk(desk_store: Store) -> Iterator[str]:
    """The desk served by uvicorn on a loopback port, for the browser."""
    import uvicorn

    from sitroom.web.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(desk_store, TOKEN), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tier: {CHROMIUM} is missing (apt-get install chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tier: pip install playwright")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_desk):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
