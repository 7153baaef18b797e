"""The whole pipeline on real sample reports: reposts, cross-outlet merging, claims, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom import workflow
from sitroom.store import Store, open_store

from .merge_e2e import score

SAMPLE = workflow.sample_corpus()
YUSUFIYA = ["008_yusufiya_convoy_wednesday.txt", "025_blog_repost_yusufiya.txt", "032_yusufiya_convoy.html"]


@pytest.fixture
def store(tmp_path) -> Store:
    s = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    yield s
    s.close()


def _ingest(store: Store, names: list[str]):
    return workflow.ingest(store, workflow.read([str(SAMPLE / n) for n in names]), strict=True)


def _event_docs(store: Store, name: str) -> set[str]:
    """File names of every report on the events `name` reports."""
    out: set[str] = set()
    for e in store.query_events():
        docs = {Path(d).name for d in e.documents}
        if name in docs:
            out |= docs
    return out


def test_repost_025_links_to_008(store: Store) -> None:
    _ingest(store, YUSUFIYA)
    by_name = {Path(d.source).name: d for d in workflow.read([str(SAMPLE / n) for n in YUSUFIYA[:2]])}
    assert store.repost_of(by_name[YUSUFIYA[1]].id) == by_name[YUSUFIYA[0]].id


def test_repost_adds_no_event(store: Store) -> None:
    _ingest(store, YUSUFIYA[:1])
    before = store.stats().events
    _ingest(store, YUSUFIYA[1:2])
    assert store.stats().events - before <= 1  # at most the repost's extra Gara bullet


def test_reports_from_three_outlets_are_one_event(store: Store) -> None:
    _ingest(store, YUSUFIYA)
    assert set(YUSUFIYA) <= _event_docs(store, YUSUFIYA[0])


def test_reingest_changes_nothing(store: Store) -> None:
    _ingest(store, YUSUFIYA)
    before = store.stats()
    report = _ingest(store, YUSUFIYA)
    assert (report.documents_added, store.stats()) == (0, before)


def test_green_zone_claim_is_stored_and_checked(store: Store) -> None:
    from sitroom.analyze.claims import check_claims

    _ingest(store, ["016_green_zone_rockets_tally.txt"])
    (check,) = check_claims(store)
    assert check.claim.count == 3 and check.claim.window_days == 7 and check.db_count >= 1


def test_end_to_end_merge_precision_floor() -> None:
    # Extraction errors are excluded; what is left measures the merge on real text.
    s, labelled, _ = score()
    assert labelled >= 40 and s.precision >= 0.9, str(s)
