"""Evidence highlighting: a report's text cut into segments, each tagged with the fields it backs.

The template renders each segment as escaped text, wrapped in <mark data-field="..."> where it
is evidence, so untrusted text never becomes markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CONTEXT_CHARS = 600  # report text shown around the mention, each side


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    fields: tuple[str, ...] = ()
    in_mention: bool = False

    @property
    def label(self) -> str:
        return ", ".join(self.fields)


def segments(text: str, spans: dict[str, tuple[int, int]], mention: tuple[int, int] | None = None,
             window: tuple[int, int] | None = None) -> list[Segment]:
    """Cut `text[window]` at every span boundary; each piece lists the fields whose spans cover it."""
    lo, hi = window or (0, len(text))
    cuts = {lo, hi}
    for start, end in [*spans.values(), *([mention] if mention else [])]:
        cuts.update(x for x in (start, end) if lo < x < hi)
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:], strict=False):
        if a >= b:
            continue
        covering = tuple(sorted(f for f, (s, e) in spans.items() if s <= a and b <= e))
        inside = mention is not None and mention[0] <= a and b <= mention[1]
        out.append(Segment(text[a:b], covering, inside))
    return out


def report_segments(store: Any, report: dict[str, Any]) -> dict[str, Any]:
    """Segments of one report's text around its mention, with the mention's evidence marked."""
    doc = store.document(report["doc_id"])
    if doc is None:
        return {"before": False, "after": False, "segments": []}
    m = report["mention"]
    text = doc.text
    spans = {name: (int(ev["start"]), int(ev["end"])) for name, ev in (m.get("evidence") or {}).items()
             if ev.get("doc_id") in (None, doc.id) and 0 <= int(ev["start"]) < int(ev["end"]) <= len(text)}
    start, end = int(m.get("mention_start") or 0), int(m.get("mention_end") or 0)
    mention = (start, end) if end > start else None
    lo = max(0, min([start, *[s for s, _ in spans.values()]]) - CONTEXT_CHARS)
    hi = min(len(text), max([end, *[e for _, e in spans.values()]]) + CONTEXT_CHARS)
    return {"before": lo > 0, "after": hi < len(text), "segments": segments(text, spans, mention, (lo, hi))}
