"""The blind multi-report set through `sitroom ingest` / `events` / `tally` (see merge_blind).

The floors are the figures of the one blind run, before any fix was made for this set:
report pairs P=0.897 R=0.605 F1=0.722; document pairs P=1.000 R=0.619 F1=0.765; tally 23 vs 15.
Issue #5 asks for F1 >= 0.95 and an exact tally; raise the floors as fixes land, but do not tune on
this set's text (write a new blind set instead).  Raised to 0.96 when the merge stopped putting one
document's two incidents in one event (report pairs P 0.833 -> 1.000, F1 0.879 -> 0.964).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .merge_blind import Result, score

REPORT_F1_FLOOR = 0.96
DOCUMENT_PRECISION_FLOOR = 1.0


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> Result:
    return score(Path(tmp_path_factory.mktemp("merge_blind")) / "mb.db")


def test_report_pairs_floor(result: Result) -> None:
    assert result.reports.f1 >= REPORT_F1_FLOOR, str(result)


def test_documents_of_distinct_incidents_never_share_an_event(result: Result) -> None:
    assert result.documents.precision >= DOCUMENT_PRECISION_FLOOR, str(result)


@pytest.mark.xfail(strict=False, reason=(
    "blind run: 23 events for 15 incidents. Reports left apart: Dalori (one name, two gazetteer points "
    "35 km apart), Karrada (the blog's headline keeps the 'dozens' Telegram post out), Zoobe (a weekly "
    "bullet with no place; a later toll page dated to its publication day), Afrin (a headline event "
    "beside the body's event; Aleppo vs Afrin), Ogossagou (Mopti city vs Bankass), Kabul (a press "
    "release geocoded 'Hamid' to Turkey); the Medina bullet geocoded to Saudi Arabia"))
def test_tally_equals_true_count(result: Result) -> None:
    assert result.tally == result.true_count, str(result)
