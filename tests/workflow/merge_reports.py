"""Many reports -> one event, scored the way a user sees it: `sitroom ingest`, then
`sitroom events --format jsonl` and `sitroom tally`, on tests/fixtures/merge_reports.

    .venv/bin/python -m tests.workflow.merge_reports

The set is held out from tuning (the merge rules were tuned on the sample corpus); see its
README.  Three scores:

* report pairs: each gold report (a document, or one bullet of a summary) is found in the
  event among its document's events that fits it (date +-1 day, type and place not
  contradicting); pairs of reports are scored as in `merge.evaluate`.  A report whose event
  cannot be found (an extraction miss) is its own singleton, so it costs recall;
* document pairs: two documents are put together when some event lists both, and belong
  together when they share an incident (what the `documents` field shows);
* tally: `sitroom tally` over the whole window against the number of true incidents.  Like
  the tally, the true count leaves out strategic developments (the set's arms-cache find).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.codebook.acled import STRATEGIC
from sitroom.geo.distance import haversine_km
from sitroom.merge.evaluate import PairScore, pairwise

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "merge_reports"
GOLD = FIXTURES / "gold.json"
WINDOW = ("2021-01-01", "2022-12-31")
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
FIT_KM = 100.0  # gold points of unlisted places are approximate
REGION_FIT_KM = 300.0  # a region-level point is a province's (or the country's) centroid


@dataclass(frozen=True, slots=True)
class Result:
    reports: PairScore
    documents: PairScore
    tally: int
    true_count: int

    def __str__(self) -> str:
        return (f"report pairs {self.reports}; document pairs {self.documents}; "
                f"tally {self.tally} vs {self.true_count} true incidents")


def report_files(fixtures: Path = FIXTURES) -> list[Path]:
    return sorted(p for p in fixtures.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    if result.exit_code != 0:
        raise RuntimeError(f"sitroom {' '.join(args[:1])} failed: {result.output}")
    return result.stdout


def _doc_key(g: dict) -> str:
    """How `documents` names a gold report: its path, and ':N' (line number) for a JSONL post."""
    path = str(ROOT / g["file"])
    if not g.get("line_id"):
        return path
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and json.loads(line).get("id") == g["line_id"]:
            return f"{path}:{n}"
    raise KeyError(g["line_id"])


def _fits(e: dict, g: dict) -> bool:
    if e.get("event_date") is None or abs((date.fromisoformat(e["event_date"]) - date.fromisoformat(g["event_date"])).days) > 1:
        return False
    if e["event_type"] != g["event_type"] and not (e["event_type"] in VIOLENT and g["event_type"] in VIOLENT):
        return False
    if e.get("country_code") and e["country_code"] != g["country"]:
        return False
    if e.get("latitude") is None:
        return True
    limit = REGION_FIT_KM if (e.get("geo_precision") or 1) >= 3 else FIT_KM
    return haversine_km(e["latitude"], e["longitude"], g["lat"], g["lon"]) <= limit


def _event_of(g: dict, events: list[dict], taken: set[str] | None = None) -> str | None:
    """The event that holds gold report `g`: among its document's events, the best fit.

    With `taken` (the events already given to other gold reports of the same document), an event
    not yet taken wins, then the one whose fatalities are nearest the gold figure: this tells apart
    two incidents of one document that share day, type and place (it is off by default)."""
    key = _doc_key(g)
    fits = [e for e in events if key in e["documents"] and _fits(e, g)]
    if not fits:
        return None
    if taken is None:
        return min(fits, key=lambda e: (e["sub_event_type"] != g["sub_event_type"], e["event_date"] != g["event_date"]))["id"]

    def _toll_gap(e: dict) -> float:
        if e.get("fatalities") is None or g.get("fatalities") is None:
            return float("inf")
        return abs(e["fatalities"] - g["fatalities"])

    best = min(fits, key=lambda e: (e["id"] in taken, e["sub_event_type"] != g["sub_event_type"],
                                    e["event_date"] != g["event_date"], _toll_gap(e)))["id"]
    taken.add(best)
    return best


def _document_pairs(gold: list[dict], events: list[dict]) -> PairScore:
    docs = sorted({_doc_key(g) for g in gold})
    same_gold: set[tuple[str, str]] = set()
    by_incident: dict[str, set[str]] = defaultdict(set)
    for g in gold:
        by_incident[g["incident"]].add(_doc_key(g))
    for members in by_incident.values():
        same_gold |= set(combinations(sorted(members), 2))
    same_pred = {pair for e in events for pair in combinations(sorted(set(e["documents"]) & set(docs)), 2)}
    tp = len(same_gold & same_pred)
    return PairScore(tp, len(same_pred - same_gold), len(same_gold - same_pred))


def score(db: Path, fixtures: Path = FIXTURES, window: tuple[str, str] = WINDOW,
          distinct_in_document: bool = False) -> Result:
    """Ingest the set in `fixtures` (its report files and gold.json) into a new SQLite file `db`
    through the CLI and score what it shows; `window` is the tally's --from/--to.  With
    `distinct_in_document`, two gold reports of one document go to different events where both fit
    (see `_event_of`)."""
    gold = json.loads((fixtures / "gold.json").read_text(encoding="utf-8"))
    _cli("ingest", *map(str, report_files(fixtures)), "--db", str(db))
    events = [json.loads(line) for line in _cli("events", "--format", "jsonl", "--db", str(db)).splitlines() if line]
    taken: dict[str, set[str]] = defaultdict(set)
    labels = [_event_of(g, events, taken[_doc_key(g)] if distinct_in_document else None) or f"missing-{i}"
              for i, g in enumerate(gold)]
    tally = json.loads(_cli("tally", "--from", window[0], "--to", window[1], "--format", "json", "--db", str(db)))
    return Result(pairwise(labels, [g["incident"] for g in gold]), _document_pairs(gold, events),
                  tally["count"], len({g["incident"] for g in gold if g["event_type"] != STRATEGIC}))


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(f"merge_reports: {score(Path(tmp) / 'mr.db')}")
