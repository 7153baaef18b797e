"""Which report's value a merged event takes, where its reports disagree: the toll.

Tolls.  ACLED's conservative rule (the lowest figure) applies among credible *specific*
figures.  A vague amount ("dozens of martyrs", "scores killed", "hundreds wounded"), which the
extractor codes by ACLED's convention (dozens = 12, hundreds = 100), is a floor, not a count: a
specific figure ("at least 115") supersedes it.  So when any report gives a specific figure, the
vague ones are left out of the event's figure *and* of its low-high range (a "dozens" beside
"115" and "292" is no disagreement about the toll, and [12, 292] would say it is).  When every
report is vague, the conservative rule applies among the vague figures.  Every report's own
figure stays on its mention with its evidence span, so the provenance still lists the vague one.

A figure is vague when the evidence span it was read from has no digit and a vague word; a
figure with no span (typed in, a test) is taken at its word as specific.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_VAGUE = re.compile(r"\b(?:dozens|scores|tens|hundreds|thousands|several|many|numerous|multiple|countless"
                    r"|a number of|a few|a handful of)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def evidence_text(e: Any, name: str) -> str | None:
    """The evidence span of field `name` (an Evidence object or a stored dict), or None."""
    ev = (getattr(e, "evidence", None) or {}).get(name)
    if ev is None:
        return None
    return ev.get("text") if isinstance(ev, dict) else getattr(ev, "text", None)


def is_vague(e: Any, name: str = "fatalities") -> bool:
    """The report's figure for `name` was read from a vague amount ("dozens of martyrs", "kills scores")."""
    text = evidence_text(e, name)
    return text is not None and _DIGIT.search(text) is None and _VAGUE.search(text) is not None


def figure_range(mentions: Sequence[Any], name: str = "fatalities") -> tuple[int | None, int | None, int | None]:
    """(event figure, low, high) for `name` over the reports: ACLED's conservative rule among the
    specific figures, the vague ones only when no report gives a specific figure."""
    figures = [(v, is_vague(m, name)) for m in mentions if (v := getattr(m, name, None)) is not None]
    if not figures:
        return None, None, None
    used = [v for v, vague in figures if not vague] or [v for v, _ in figures]
    return min(used), min(used), max(used)
