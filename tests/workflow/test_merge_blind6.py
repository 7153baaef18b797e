"""The sixth blind multi-report set through `sitroom ingest` / `events` / `tally` (see merge_blind6).

The floors are the figures of the one blind run, at e542afb before any fix was made for this set:
report pairs P=0.840 R=0.467 F1=0.600; document pairs P=0.957 R=0.524 F1=0.677; tally 37 vs 17.
Issue #5 asks for F1 >= 0.95 and an exact tally; raise the floors as fixes land, but do not tune on
this set's text (write a new blind set instead).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .merge_blind6 import Result, score

REPORT_F1_FLOOR = 0.55
DOCUMENT_PRECISION_FLOOR = 0.95


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> Result:
    return score(Path(tmp_path_factory.mktemp("merge_blind6")) / "mb6.db")


def test_report_pairs_floor(result: Result) -> None:
    assert result.reports.f1 >= REPORT_F1_FLOOR, str(result)


def test_documents_of_distinct_incidents_never_share_an_event(result: Result) -> None:
    assert result.documents.precision >= DOCUMENT_PRECISION_FLOOR, str(result)


@pytest.mark.xfail(strict=False, reason="blind run: 37 events for 17 incidents")
def test_tally_equals_true_count(result: Result) -> None:
    assert result.tally == result.true_count, str(result)
