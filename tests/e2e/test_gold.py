"""Quality floors on our own gold corpus: an accuracy regression fails the build like any bug.

Floors sit a little under the measured figures (see `python -m tests.e2e.goldscore`), so a real
regression trips them while an unrelated small change does not.
"""

from __future__ import annotations

import pytest

from tests.e2e.goldscore import Score, score

FLOORS = {
    "found": 0.85,
    "sub_event_type": 0.78,
    "event_date": 0.88,
    "place_25km": 0.65,
    "fatalities": 0.80,
    "claimed_by": 0.65,
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
