"""The held-out multi-report set through `sitroom ingest` / `events` / `tally` (see merge_reports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .merge_reports import Result, score

# Today's figures (report pairs P 0.964, R 0.818; documents P 0.967): a floor, not a target.
REPORT_F1_FLOOR = 0.85
DOCUMENT_PRECISION_FLOOR = 0.95


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> Result:
    return score(Path(tmp_path_factory.mktemp("merge_reports")) / "mr.db")


def test_report_pairs_floor(result: Result) -> None:
    assert result.reports.f1 >= REPORT_F1_FLOOR, str(result)


def test_documents_of_distinct_incidents_rarely_share_an_event(result: Result) -> None:
    assert result.documents.precision >= DOCUMENT_PRECISION_FLOOR, str(result)


@pytest.mark.xfail(strict=False, reason=(
    "extraction: 'cardiac arrest' coded as Arrests, an 'Assessment: ... likely' forecast and 'Both attacks "
    "were claimed' coded as events, and 'overran a checkpoint' as territory change (splits the Rashad "
    "attack); see the issue #5 closing note"))
def test_tally_equals_true_count(result: Result) -> None:
    assert result.tally == result.true_count, str(result)
