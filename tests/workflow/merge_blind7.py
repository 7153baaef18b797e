"""The seventh blind multi-report set, tests/fixtures/merge_blind7, scored like merge_reports:

    .venv/bin/python -m tests.workflow.merge_blind7

Eighteen real incidents in Thailand, Pakistan, the Philippines, Ukraine, Yemen, Iraq, Syria, Egypt,
Somalia, Ivory Coast, DR Congo, Nigeria, Colombia and Peru (2012-2018), written without looking at
the extractor, geocoder or merge code and scored once (see the set's README).  The three scores are
those of `merge_reports.score`: report pairs, document pairs, and the tally over 2012-2018 against
the number of true incidents.  Five documents tell two or four incidents (the Erawan shrine and the
Sathorn pier a day apart in Bangkok, in a wire and a news page; Ghalanai and Hayatabad on one
Wednesday, forty kilometres apart, in a wire; Lahore, Ghalanai, Hayatabad and Sehwan in one weekly;
Mariupol and Mamasapano on consecutive days in another weekly), so a document's gold reports are
found in different events where both fit.
"""

from __future__ import annotations

from pathlib import Path

from .merge_reports import ROOT, Result
from .merge_reports import score as _score

FIXTURES = ROOT / "tests" / "fixtures" / "merge_blind7"
WINDOW = ("2012-01-01", "2018-12-31")


def score(db: Path) -> Result:
    """Ingest the seventh blind set into a new SQLite file `db` through the CLI and score what it shows."""
    return _score(db, fixtures=FIXTURES, window=WINDOW, distinct_in_document=True)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_blind7: {score(Path(tmp) / 'mb7.db')}")
