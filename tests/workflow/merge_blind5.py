"""The fifth blind multi-report set, tests/fixtures/merge_blind5, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind5

Seventeen incidents in Mozambique, Mali, Niger, Nigeria, Cameroon, Ethiopia, Somalia, Kenya, Iraq,
Syria, Yemen, Afghanistan, Pakistan and Ukraine (2014-2023), written without looking at the
extractor, geocoder or merge code and scored once before any fix (see the set's README).  The three
scores are those of `merge_reports.score`: report pairs, document pairs, and the tally over
2014-2023 against the number of true incidents.  Four pairs of incidents share a document
(Mpeketoni and Poromoko a night apart in Lamu; the two Kirkuk roadside bombs of one morning;
Mastung and Hangu on one Friday; Homs and Hroza on one Thursday, in the same weekly as the
Pakistani pair), so a document's gold reports are found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind5"
WINDOW = ("2014-01-01", "2023-12-31")


def score(db: Path) -> Result:
    """Ingest the fifth blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind5: {score(Path(tmp) / 'mb5.db')}")
