"""Extraction throughput on one core, beside spaCy's blank English tokenizer over the same texts.

    .venv/bin/python bench/extract_speed.py [--repeat 5]

Texts are the bundled sample corpus (news-length articles) and its paragraphs (snippet-length),
repeated to a stable sample size.  Targets (issue 3): >= 1,000 snippets/s and >= 60 articles/s,
and within 5x of the tokenizer.  spaCy is optional (`pip install -e ".[bench]"`); without it the
reference column says so.  This is a benchmark, not a test: it prints and never fails.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from sitroom.extract import extract_events
from sitroom.model import Document
from sitroom.workflow import read, sample_corpus


def corpus() -> tuple[list[Document], list[Document]]:
    articles = [d for d in read([str(sample_corpus())]) if isinstance(d, Document)]
    snippets = [Document(text=p, published=d.published) for d in articles for p in d.text.split("\n") if len(p) > 60]
    return articles, snippets


def rate(work: Callable[[Document], object], docs: list[Document], repeat: int) -> float:
    work(docs[0])  # warm caches (gazetteer, compiled rules) outside the timing
    start = time.perf_counter()
    for _ in range(repeat):
        for doc in docs:
            work(doc)
    return repeat * len(docs) / (time.perf_counter() - start)


def tokenizer() -> Callable[[Document], object] | None:
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("en")
    return lambda doc: nlp.tokenizer(doc.text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    articles, snippets = corpus()
    reference = tokenizer()
    print(f"{'texts':10s} {'n':>5s} {'avg chars':>9s} {'sitroom docs/s':>15s} {'tokenizer docs/s':>17s} {'ratio':>6s}")
    for name, docs in (("snippets", snippets), ("articles", articles)):
        ours = rate(extract_events, docs, args.repeat)
        theirs = rate(reference, docs, args.repeat) if reference else None
        avg = sum(len(d.text) for d in docs) // len(docs)
        ref = f"{theirs:17.0f}" if theirs else f"{'(no spaCy)':>17s}"
        ratio = f"{theirs / ours:5.1f}x" if theirs else ""
        print(f"{name:10s} {len(docs):5d} {avg:9d} {ours:15.0f} {ref} {ratio:>6s}")


if __name__ == "__main__":
    main()
