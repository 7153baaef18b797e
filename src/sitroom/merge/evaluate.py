"""Pairwise precision / recall / F1 of the merge against incident keys.

    .venv/bin/python -m sitroom.merge.evaluate tests/fixtures/merge/heldout.json ...

Input files use the gold format of `tests/fixtures/reports/gold.json` (one object per coded
report of an incident, `incident` the shared key), plus optional `date_text` (how the report
wrote the date, e.g. "on Wednesday") and `location_text`.  Objects marked `no_event` are ignored.
Every pair of reports is a decision: same incident or not; precision and recall are over the
pairs the merge put together versus the pairs the gold puts together.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from sitroom.merge.decide import Clusterer
from sitroom.model import Event, Evidence


@dataclass(frozen=True, slots=True)
class PairScore:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(tp={self.tp} fp={self.fp} fn={self.fn})")


def pairwise(predicted: Sequence[str], gold: Sequence[str]) -> PairScore:
    """Score two labelings of the same items (cluster id per item, incident key per item)."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold must label the same items")
    tp = fp = fn = 0
    for i, j in combinations(range(len(gold)), 2):
        same_pred, same_gold = predicted[i] == predicted[j], gold[i] == gold[j]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return PairScore(tp, fp, fn)


def _document(g: dict[str, Any], n: int) -> str:
    """The gold report's document: its file (and post); a record with no file is a document of its own."""
    return f"{g['file']}#{g.get('line_id') or ''}" if g.get("file") else f"fixture#{n}"


def event_from_gold(g: dict[str, Any], n: int) -> Event:
    """A report as the extractor would ideally code it, from a gold object."""
    evidence = {}
    if g.get("date_text"):
        evidence["event_date"] = Evidence(0, len(g["date_text"]), g["date_text"])
    return Event(
        doc_id=_document(g, n),
        event_date=date.fromisoformat(g["event_date"]) if g.get("event_date") else None,
        time_precision=g.get("time_precision", 1), event_type=g.get("event_type"),
        sub_event_type=g.get("sub_event_type"), actor1=g.get("actor1"), actor2=g.get("actor2"),
        claimed_by=g.get("claimed_by"), country_code=g.get("country"),
        location=g.get("location_text") or g.get("location"), latitude=g.get("lat"), longitude=g.get("lon"),
        geo_precision=g.get("geo_precision", 1 if g.get("lat") is not None else None),
        fatalities=g.get("fatalities"), historical=bool(g.get("historical")), evidence=evidence,
        mention_start=n, mention_end=n + 1,
    )


def load(paths: Iterable[Path]) -> list[tuple[Event, str]]:
    out: list[tuple[Event, str]] = []
    for path in paths:
        for g in json.loads(Path(path).read_text(encoding="utf-8")):
            if g.get("no_event") or not g.get("incident"):
                continue
            out.append((event_from_gold(g, len(out)), g["incident"]))
    return out


def score_records(records: Sequence[tuple[Event, str]]) -> PairScore:
    """Cluster the reports in order with the store's rules and score the result."""
    clusterer = Clusterer()
    for ev, _ in records:
        clusterer.add(ev)
    labels = [clusterer.event_of[ev.id] for ev, _ in records]  # final events: a later report may link two
    return pairwise(labels, [incident for _, incident in records])


def main(argv: Sequence[str]) -> None:
    for arg in argv:
        print(f"{arg}: {score_records(load([Path(arg)]))}")


if __name__ == "__main__":
    main(sys.argv[1:])
