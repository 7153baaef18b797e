"""The ninth blind multi-report set, tests/fixtures/merge_blind9, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind9

Seventeen real incidents in Mali, Burkina Faso, Benin, DR Congo, Somalia, Kenya, Sudan, Uganda,
India, Pakistan, Lebanon, the Philippines, Peru and Azerbaijan (2018-2025), written without
looking at the extractor, geocoder or merge code and not yet scored (see the set's README).  The
three scores are those of `merge_reports.score`: report pairs, document pairs, and the tally over
2018-2025 against the number of true incidents.  Four documents tell two incidents (the
Pishin and Qilla Saifullah election-office bombings of one Wednesday in Balochistan, in a wire
and a weekly; the shelling of Qarayusifli and the rocket strike on Barda town a day later, in a
wire and a weekly), so a document's gold reports are found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind9"
WINDOW = ("2018-01-01", "2025-12-31")


def score(db: Path) -> Result:
    """Ingest the ninth blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind9: {score(Path(tmp) / 'mb9.db')}")
