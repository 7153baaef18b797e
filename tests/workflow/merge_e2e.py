"""Merge quality end to end on real-shaped text: extractor + store against gold incident keys.

    .venv/bin/python -m tests.workflow.merge_e2e

Each stored mention is matched to the gold event of its report with the same date (+-1 day),
a type and place that do not contradict it (same sub-type, then same day preferred); mentions
with no gold counterpart (extraction errors) are left out, so the score is about merging, not
extraction.  Pairs are scored as in `merge.evaluate`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

from sitroom import workflow
from sitroom.geo.distance import haversine_km
from sitroom.merge.evaluate import PairScore, pairwise
from sitroom.store import open_store

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "fixtures" / "reports" / "gold.json"


def _key(source: str, external_id: str | None) -> tuple[str, str | None]:
    path = source.rsplit(":", 1)[0] if external_id else source
    return str(Path(path).resolve().relative_to(ROOT)), external_id


def score(url: str = "sqlite://") -> tuple[PairScore, int, int]:
    """(pair score, mentions labelled, mentions in store)."""
    gold = [g for g in json.loads(GOLD.read_text()) if not g.get("no_event") and g.get("event_date")]
    by_doc: dict[tuple[str, str | None], list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[(g["file"], g.get("line_id"))].append(g)
    store = open_store(url)
    workflow.ingest(store, workflow.read([str(ROOT / f) for f in sorted({g["file"] for g in gold})]))
    pred, truth, total = [], [], 0
    for event in store.query_events():
        for m in store.mentions(event.id):
            total += 1
            doc = store.document(m.doc_id)
            label = _label(m, by_doc.get(_key(doc.source, doc.external_id), []))
            if label is not None:
                pred.append(event.id)
                truth.append(label)
    return pairwise(pred, truth), len(pred), total


# A mention whose type or place contradicts every gold event of its report is an extraction
# error (a forecast coded as a clash, an aside coded as a new group), not a report to merge.
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
LABEL_KM = 50.0


def _type_fits(m, g: dict) -> bool:
    return m.event_type == g["event_type"] or (m.event_type in _VIOLENT and g["event_type"] in _VIOLENT)


def _place_fits(m, g: dict) -> bool:
    if m.latitude is None or g.get("lat") is None or (m.geo_precision or 1) >= 3:
        return True
    return haversine_km(m.latitude, m.longitude, g["lat"], g["lon"]) <= LABEL_KM


def _label(m, golds: list[dict]) -> str | None:
    """The gold incident of `m`: same report, date +-1 day, type and place not contradicting it;
    the same sub-type and then the same day preferred."""
    if m.event_date is None:
        return None
    near = [g for g in golds if bool(g.get("historical")) == bool(m.historical)
            and abs((date.fromisoformat(g["event_date"]) - m.event_date).days) <= 1
            and _type_fits(m, g) and _place_fits(m, g)]
    if not near:
        return None
    best = min(near, key=lambda g: (g["sub_event_type"] != m.sub_event_type,
                                    date.fromisoformat(g["event_date"]) != m.event_date))
    return best["incident"]


if __name__ == "__main__":
    s, labelled, total = score()
    print(f"end-to-end merge on the sample corpus: {s}; {labelled}/{total} mentions matched to gold")
