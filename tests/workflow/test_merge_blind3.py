"""The third blind multi-report set through `sitroom ingest` / `events` / `tally` (see merge_blind3).

The floors are the figures of the one blind run (src at e5266c6 plus uncommitted changes to
merge/details.py, merge/evidence.py and merge/values.py in the tree at the time), before any fix
was made for this set:
report pairs P=1.000 R=0.386 F1=0.557; document pairs P=1.000 R=0.463 F1=0.633; tally 33 vs 16.
Issue #5 asks for F1 >= 0.95 and an exact tally; raise the floors as fixes land, but do not tune on
this set's text (write a new blind set instead).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .merge_blind3 import Result, score

REPORT_F1_FLOOR = 0.95  # raised once fixes landed: the set is no longer blind
DOCUMENT_PRECISION_FLOOR = 1.0


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> Result:
    return score(Path(tmp_path_factory.mktemp("merge_blind3")) / "mb3.db")


def test_report_pairs_floor(result: Result) -> None:
    assert result.reports.f1 >= REPORT_F1_FLOOR, str(result)


def test_documents_of_distinct_incidents_never_share_an_event(result: Result) -> None:
    assert result.documents.precision >= DOCUMENT_PRECISION_FLOOR, str(result)


@pytest.mark.xfail(strict=False, reason=(
    "blind run: 33 events for 16 incidents. Wires whose dateline has no year (CAIRO, April 9; BOGOTA, "
    "Jan 18; JAMMU, Jan 2) get no date; the Balochistan weekly is dated to its week's end (1 Sep) not its "
    "'(26 August)' heading and Musakhel is placed in Punjab (the victims' home); Rajouri resolves to India's "
    "centroid and Pa Zi Gyi to Sagaing city; one-sided splits: Garissa and al-Rawda typed IED in the wires "
    "(explosive vests, 'bombed') against Attack elsewhere, Pazigyi wire dated to publication (12 Apr), a "
    "placeless Lethpora post, Musakhel/Kalat 25 vs 26 Aug; side lines become events (arrests, a search "
    "operation, 'no militant attacks' near Srinagar, 'further attacks cannot be ruled out', a Magway "
    "'no significant incidents' heading); the Beirut port accident is an IED event"))
def test_tally_equals_true_count(result: Result) -> None:
    assert result.tally == result.true_count, str(result)
