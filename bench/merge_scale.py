"""Merge + store cost as the corpus grows: the sample corpus at 1x, 10x and 100x.

    .venv/bin/python bench/merge_scale.py [--scales 1,10,100] [--db-dir /tmp]

The sample is extracted once; each copy k perturbs every report so it is a new document about
new incidents of the same shape: words shuffled (new text, so not a repost), dates moved by
k*3 days and points moved by up to ~2 degrees (other cells), tolls jittered.  Within a copy,
reports of one incident still merge with each other.  Only `Store.add_document` (repost
check, blocking query, merge, write) is timed.  Blocking by day x cell keeps the work per
report about constant, so total time should grow close to n (n log n at worst), not n^2.
"""

from __future__ import annotations

import argparse
import math
import random
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sitroom import workflow
from sitroom.model import Document, Event
from sitroom.store import open_store


def base_corpus() -> list[tuple[Document, list[Event]]]:
    docs = [d for d in workflow.read([str(workflow.sample_corpus())]) if isinstance(d, Document)]
    return [(d, evs) for d, evs in workflow.extract_from(docs, lambda e: None)]


def perturb(doc: Document, events: list[Event], k: int, rng: random.Random) -> tuple[Document, list[Event]]:
    if k == 0:
        return doc, events
    words = doc.text.split()
    rng.shuffle(words)
    new = Document(text=f"copy {k}: " + " ".join(words), source=f"{doc.source}#copy{k}",
                   published=doc.published + timedelta(days=3 * k) if doc.published else None, outlet=doc.outlet)
    dlat, dlon = (k % 7) * 0.3 - 0.9, (k % 5) * 0.4 - 0.8  # the same shift for a whole copy: incidents stay whole
    out = []
    for ev in events:
        moved = replace(ev, doc_id=new.id, id="", evidence={},
                        event_date=ev.event_date + timedelta(days=3 * k) if ev.event_date else None,
                        latitude=ev.latitude + dlat if ev.latitude is not None else None,
                        longitude=ev.longitude + dlon if ev.longitude is not None else None,
                        fatalities=ev.fatalities + rng.choice((0, 0, 1)) if ev.fatalities is not None else None)
        moved.__post_init__()
        out.append(moved)
    return new, out


def run(scale: int, corpus: list[tuple[Document, list[Event]]], db_dir: Path) -> dict[str, float]:
    rng = random.Random(scale)
    batch = [perturb(d, evs, k, rng) for k in range(scale) for d, evs in corpus]
    path = db_dir / f"merge_scale_{scale}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = open_store(f"sqlite:///{path}")
    start = time.perf_counter()
    for doc, evs in batch:
        store.add_document(doc, evs)
    seconds = time.perf_counter() - start
    stats = store.stats()
    store.close()
    return {"scale": scale, "documents": stats.documents, "mentions": stats.mentions, "events": stats.events,
            "seconds": seconds, "ms_per_doc": 1000 * seconds / max(1, stats.documents)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--db-dir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    corpus = base_corpus()
    rows = [run(int(s), corpus, args.db_dir) for s in args.scales.split(",")]
    base = rows[0]
    print(f"{'scale':>5} {'docs':>6} {'mentions':>8} {'events':>7} {'seconds':>8} {'ms/doc':>7} "
          f"{'t/t1':>6} {'n/n1':>6} {'nlogn/..':>8}")
    for r in rows:
        n_ratio = r["mentions"] / base["mentions"]
        nlogn = (r["mentions"] * math.log(r["mentions"])) / (base["mentions"] * math.log(base["mentions"]))
        print(f"{r['scale']:>5} {r['documents']:>6} {r['mentions']:>8} {r['events']:>7} {r['seconds']:>8.2f} "
              f"{r['ms_per_doc']:>7.2f} {r['seconds'] / base['seconds']:>6.1f} {n_ratio:>6.1f} {nlogn:>8.1f}")


if __name__ == "__main__":
    main()
