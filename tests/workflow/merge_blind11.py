"""The eleventh blind multi-report set, tests/fixtures/merge_blind11, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind11

Eighteen real incidents in Pakistan, Thailand, Yemen, the Central African Republic, Mexico, Niger,
Burkina Faso, Somalia, Kenya, Mozambique, Mali, Afghanistan, Myanmar, Turkey and Ukraine
(2016-2023), written without looking at the extractor, geocoder or merge code and not yet scored
(see the set's README).  The three scores are those of `merge_reports.score`: report pairs,
document pairs, and the tally over 2016-2023 against the number of true incidents.  Five
documents tell two or more incidents (the Quetta wire: the bar president's killing and the
hospital bombing an hour later; the Hua Hin wire: the Thursday-night and Friday-morning bombs in
one town; the Asia weekly: all four of those; the Mali wire: the river boat near Bamba and the
Bourem camp on one day; the Africa weekly: Arbinda and Mogadishu four days apart), so a
document's gold reports are found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind11"
WINDOW = ("2016-01-01", "2023-12-31")


def score(db: Path) -> Result:
    """Ingest the eleventh blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind11: {score(Path(tmp) / 'mb11.db')}")
