"""The fourth blind multi-report set, tests/fixtures/merge_blind4, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind4

Sixteen incidents in Nigeria, Afghanistan, Yemen, Libya, Syria, Iran, Burkina Faso, Chad,
Somalia, DR Congo and Thailand (2016-2024), written without looking at the extractor, geocoder or
merge code and scored once before any fix (see the set's README).  The three scores are those of
`merge_reports.score`: report pairs, document pairs, and the tally over 2016-2024 against the
number of true incidents.  Five pairs of incidents share a document (Zliten and Ras Lanuf on
7 January 2016; Jableh and Tartus on 23 May 2016; Tadaryat and Solhan on 4 and 5 June 2021; the
two Bannang Sata bombs a day apart; Kunduz and Kandahar a week apart in one weekly), so a
document's gold reports are found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind4"
WINDOW = ("2016-01-01", "2024-12-31")


def score(db: Path) -> Result:
    """Ingest the fourth blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind4: {score(Path(tmp) / 'mb4.db')}")
