"""The sixth blind multi-report set through `sitroom ingest` / `events` / `tally` (see merge_blind6).

Not yet scored.  The floors are set at the first scoring, to the figures of that one blind run
(at a commit the team chooses, before any fix is made for this set); until then they are 0.0.
Issue #5 asks for F1 >= 0.95 and an exact tally; raise the floors as fixes land, but do not tune on
this set's text (write a new blind set instead).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .merge_blind6 import Result, score

REPORT_F1_FLOOR = 0.0
DOCUMENT_PRECISION_FLOOR = 0.0


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> Result:
    return score(Path(tmp_path_factory.mktemp("merge_blind6")) / "mb6.db")


def test_report_pairs_floor(result: Result) -> None:
    assert result.reports.f1 >= REPORT_F1_FLOOR, str(result)


def test_documents_of_distinct_incidents_never_share_an_event(result: Result) -> None:
    assert result.documents.precision >= DOCUMENT_PRECISION_FLOOR, str(result)


@pytest.mark.xfail(strict=False, reason="not yet scored")
def test_tally_equals_true_count(result: Result) -> None:
    assert result.tally == result.true_count, str(result)
