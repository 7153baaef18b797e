"""Geoparsing throughput: news paragraphs per second on one core, gazetteer already loaded.

    .venv/bin/python bench/geo_speed.py [--n 2000]

Paragraphs are generated from templates over real place names, so no corpus is needed and no
evaluation data is touched.  Each paragraph is distinct (numbers and place pairs vary), so the
per-document caches cannot answer from memory.  The issue's target is >= 500 paragraphs/s.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import time

from sitroom import geo

PLACES = ["Baghdad", "Mosul", "Fallujah", "Ramadi", "Kirkuk", "Tikrit", "Samarra", "Baqubah", "Basra",
          "Yusufiya", "Latifiyah", "Tal Afar", "Sinjar", "Hit", "Haditha", "Aleppo", "Idlib", "Raqqa",
          "Deir ez-Zor", "Homs", "Damascus", "Daraa", "Palmyra", "Manbij", "Kobani", "Alexandria", "Paris",
          "London", "Washington", "Kabul", "Kandahar", "Sanaa", "Aden", "Tripoli", "Benghazi", "Mogadishu"]
TEMPLATES = [
    "A roadside bomb struck a convoy {n} km south of {a} on Tuesday, killing {k} soldiers, officials in {b} said.",
    "Iraqi forces clashed with militants near {a}, while the {b} government denied reports of an airstrike.",
    "Residents of {a} fled toward {b} after shelling on the outskirts of the town, the UN said in a statement.",
    "Gunmen attacked a checkpoint on the {a} road late on Sunday; police in {b} said {k} people were wounded.",
    "Protesters gathered in central {a} for a third day. Reuters could not verify claims made in {b}.",
]


def paragraphs(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(TEMPLATES).format(a=rng.choice(PLACES), b=rng.choice(PLACES), n=rng.randint(2, 60),
                                         k=rng.randint(1, 30)) + f" (report {i})" for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    gz = geo.get_gazetteer()
    docs = [json.dumps({"id": str(i), "text": t}) for i, t in enumerate(paragraphs(args.n))]
    geo.geoparse_stream(docs[:50], io.StringIO(), io.StringIO(), gz)  # warm the caches of common names
    t0 = time.perf_counter()
    geo.geoparse_stream(docs, io.StringIO(), io.StringIO(), gz)
    wall = time.perf_counter() - t0
    print(f"geoparse: {args.n} paragraphs in {wall:.2f} s = {args.n / wall:.0f} paragraphs/s")


if __name__ == "__main__":
    main()
