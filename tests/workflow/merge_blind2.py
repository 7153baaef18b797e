"""The second blind multi-report set, tests/fixtures/merge_blind2, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind2

Sixteen incidents in Yemen, Pakistan, DR Congo, Mozambique, Burkina Faso, Iraq, Syria, Niger and
Ethiopia (2015-2023), written without looking at the extractor, geocoder or merge code and scored
once before any fix (see the set's README).  The three scores are those of `merge_reports.score`:
report pairs, document pairs, and the tally over 2015-2024 against the number of true incidents.
Two pairs of incidents share a document, day and type (the al-Jalaa and Sheikh Othman attacks in
Aden; the Tchoma Bangou and Zaroumadareye massacres in Niger), so a document's gold reports are
found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind2"
WINDOW = ("2015-01-01", "2024-12-31")


def score(db: Path) -> Result:
    """Ingest the second blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind2: {score(Path(tmp) / 'mb2.db')}")
