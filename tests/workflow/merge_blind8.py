"""The eighth blind multi-report set, tests/fixtures/merge_blind8, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind8

Seventeen real incidents in Iraq, Iran, Yemen, Somalia, Cameroon, Burkina Faso, Nigeria, Pakistan,
Afghanistan, the Philippines, Colombia, Haiti, Russia and Ukraine (2020-2025), written without
looking at the extractor, geocoder or merge code and not yet scored (see the set's README).  The
three scores are those of `merge_reports.score`: report pairs, document pairs, and the tally over
2019-2025 against the number of true incidents.  Four documents tell two incidents (Ormara and
Razmak on one Thursday in Pakistan, in a wire and a weekly; Cali and Amalfi on one Thursday in
Colombia, in a wire; the Jalalabad bombings of Saturday and Sunday, in a weekly), so a document's
gold reports are found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind8"
WINDOW = ("2019-01-01", "2025-12-31")


def score(db: Path) -> Result:
    """Ingest the eighth blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind8: {score(Path(tmp) / 'mb8.db')}")
