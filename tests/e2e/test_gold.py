"""Quality floors on our own gold corpus: an accuracy regression fails the build like any bug.

Floors sit a little under the measured figures (see `python -m tests.e2e.goldscore`), so a real
regression trips them while an unrelated small change does not.
"""

from __future__ import annotations

import pytest

from tests.e2e.goldscore import Score, score

FLOORS = {  # measured 2026-11-24: 0.964, 0.889, 0.944, 0.852, 0.933, 0.769, 0.875, 1.0
    "found": 0.92,
    "sub_event_type": 0.84,
    "event_date": 0.90,
    "place_25km": 0.80,
    "fatalities": 0.88,
    "claimed_by": 0.70,
    "no_event_doc_clean": 0.75,
    "undated_stays_null": 1.0,
}


@pytest.fixture(scope="module")
def gold_score() -> Score:
    return score()


@pytest.mark.parametrize(("field", "floor"), sorted(FLOORS.items()))
def test_field_accuracy_floor(gold_score: Score, field: str, floor: float):
    rate = gold_score.rate(field)
    misses = [m for m in gold_score.misses if m.startswith(field + ":")]
    assert rate >= floor, f"{field} {rate:.3f} < {floor}:\n" + "\n".join(misses)
