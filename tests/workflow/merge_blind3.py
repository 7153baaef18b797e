"""The third blind multi-report set, tests/fixtures/merge_blind3, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind3

Sixteen incidents in Lebanon, Egypt, Turkey, Colombia, the Philippines, Kenya, Cameroon, Myanmar,
Ukraine, India and Pakistan (2015-2024), written without looking at the extractor, geocoder or
merge code and scored once before any fix (see the set's README).  The three scores are those of
`merge_reports.score`: report pairs, document pairs, and the tally over 2015-2024 against the
number of true incidents.  Three pairs of incidents share a document (Tanta and Alexandria on Palm
Sunday 2017; the two Dangri attacks a day apart; Musakhel and Kalat on 26 August 2024), so a
document's gold reports are found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind3"
WINDOW = ("2015-01-01", "2024-12-31")


def score(db: Path) -> Result:
    """Ingest the third blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind3: {score(Path(tmp) / 'mb3.db')}")
