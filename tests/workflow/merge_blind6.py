"""The sixth blind multi-report set, tests/fixtures/merge_blind6, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind6

Seventeen real incidents in Turkey, Tunisia, Kuwait, Indonesia, Saudi Arabia, Ethiopia, Iraq, Syria,
Burkina Faso, Nigeria, DR Congo, Uganda, Afghanistan and India (2015-2024), written without looking
at the extractor, geocoder or merge code and not yet scored (see the set's README).  The three
scores are those of `merge_reports.score`: report pairs, document pairs, and the tally over
2015-2024 against the number of true incidents.  Seven documents tell two or three incidents
(Sousse and Kuwait City on one Friday, in a wire and a weekly; the Surabaya churches and the police
gate a day apart, in a wire and a weekly; Bahir Dar and Addis Ababa on one evening, in a wire and in
a weekly that also has Abha the next day; Mazar-i-Sharif and Sukma three days apart, in one
weekly), so a document's gold reports are found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind6"
WINDOW = ("2015-01-01", "2024-12-31")


def score(db: Path) -> Result:
    """Ingest the sixth blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind6: {score(Path(tmp) / 'mb6.db')}")
