"""The tenth blind multi-report set, tests/fixtures/merge_blind10, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind10

Eighteen real incidents in Turkey, Syria, Egypt, Iran, Mexico, Brazil, Haiti, Yemen, Israel,
Ecuador, Lebanon, Iraq, Russia and Sudan (2017-2025), written without looking at the extractor,
geocoder or merge code and not yet scored (see the set's README).  The three scores are those of
`merge_reports.score`: report pairs, document pairs, and the tally over 2017-2025 against the
number of true incidents.  Six documents tell two incidents (El Aguaje and Tepochica a day apart
in two Mexican states, in a wire and a weekly; the Neve Yaakov and Silwan shootings a day apart
in Jerusalem, in a wire and a weekly; Derbent and Makhachkala on one evening in Dagestan, in a
wire and a news page), so a document's gold reports are found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind10"
WINDOW = ("2017-01-01", "2025-12-31")


def score(db: Path) -> Result:
    """Ingest the tenth blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind10: {score(Path(tmp) / 'mb10.db')}")
