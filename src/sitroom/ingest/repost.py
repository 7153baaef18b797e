"""Near-duplicate documents: reposts and syndicated copies with added page chrome.

A document's text becomes a set of word 5-shingles and a MinHash signature (datasketch).  The
LSH index finds candidates cheaply; the decision is then the exact *containment* of the shorter
text's shingles in the longer one, because a repost wraps the original in blog chrome
("X wrote,", tags, comment boxes, a "related" list), which halves the Jaccard similarity while
leaving almost every shingle of the original inside the copy.

The store keeps each document's signature, so `RepostIndex.add` can rebuild the index on open
and detection is incremental across runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.3
"""Jaccard at which LSH reports a candidate: low, because chrome dilutes Jaccard; containment decides."""
CONTAINMENT = 0.8
"""Share of the shorter text's shingles that must appear in the longer one."""
SCHEME = "affine32"
"""datasketch's hash scheme, fixed so stored signatures stay comparable across library upgrades."""
MIN_SHINGLES = 25
"""Texts shorter than this (a one-line Telegram post) are never called reposts: too little evidence."""

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping k-word windows of the casefolded text (punctuation and spacing ignored)."""
    toks = words(text)
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)}


def signature(text: str) -> list[int]:
    """The MinHash of the text's shingles, as plain ints (JSON-storable)."""
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    for s in shingles(text):
        m.update(s.encode("utf-8"))
    return [int(v) for v in m.hashvalues]


def containment(a: set[str], b: set[str]) -> float:
    """|small ∩ large| / |small|: 1.0 when the shorter text lies wholly inside the longer."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 0.0
    return len(small & large) / len(small)


def is_repost(text_a: str, text_b: str) -> bool:
    """True when one text is a near-verbatim copy of the other (chrome around it allowed)."""
    a, b = shingles(text_a), shingles(text_b)
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False
    return containment(a, b) >= CONTAINMENT


@dataclass(frozen=True, slots=True)
class RepostMatch:
    doc_id: str
    containment: float


class RepostIndex:
    """An in-memory LSH over stored signatures; `candidates` gives ids worth an exact check."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._ids: set[str] = set()

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._ids

    def add(self, doc_id: str, sig: Sequence[int]) -> None:
        if doc_id in self._ids or len(sig) != NUM_PERM:
            return
        self._lsh.insert(doc_id, _minhash(sig))
        self._ids.add(doc_id)

    def add_all(self, items: Iterable[tuple[str, Sequence[int] | None]]) -> None:
        for doc_id, sig in items:
            if sig:
                self.add(doc_id, sig)

    def candidates(self, sig: Sequence[int]) -> list[str]:
        if len(sig) != NUM_PERM or not self._ids:
            return []
        return sorted(self._lsh.query(_minhash(sig)))


def _minhash(sig: Sequence[int]) -> MinHash:
    import numpy as np

    return MinHash(num_perm=NUM_PERM, hashvalues=np.asarray(sig, dtype=np.uint64), scheme=SCHEME)
