"""The blind multi-report set, tests/fixtures/merge_blind, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind

Fifteen incidents in Syria, Iraq, Somalia, Nigeria, Afghanistan and Mali (2016-2022), written
without looking at the extractor and scored once before any fix (see the set's README).  The
three scores are those of `merge_reports.score`: report pairs, document pairs, and the tally over
2015-2023 against the number of true incidents.  Two incidents of this set share a document, day,
type and city (the Zoobe and Medina bombs in Mogadishu), so a document's gold reports are found in
different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind"
WINDOW = ("2015-01-01", "2023-12-31")


def score(db: Path) -> Result:
    """Ingest the blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind: {score(Path(tmp) / 'mb.db')}")
