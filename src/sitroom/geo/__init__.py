"""Geo stage: gazetteer, toponym recognition and resolution, and the event-location helper.

Public API::

    get_gazetteer() -> Gazetteer                       # cached; builds the file on first use
    build_gazetteer(path=None) -> Path                 # compile explicitly (CLI: sitroom gazetteer build)
    geoparse(text, spans=None, country_hint=None) -> list[Toponym]
    locate(text, start, end, country_hint, gazetteer) -> Location | None
    geoparse_stream(lines, out, err) -> int            # `sitroom geoparse` JSONL contract; returns bad lines
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TextIO

from sitroom.geo.gazetteer import Candidate, Gazetteer, build_gazetteer
from sitroom.geo.locate import Location, locate
from sitroom.geo.recognize import Mention, recognize
from sitroom.geo.resolve import Span, resolve_spans
from sitroom.model import Toponym

__all__ = ["Candidate", "Gazetteer", "Location", "Mention", "Span", "build_gazetteer", "geoparse",
           "geoparse_stream", "get_gazetteer", "locate", "recognize"]


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer over ``settings.home()/gazetteer.sqlite``."""
    return Gazetteer()


def geoparse(text: str, spans: Sequence[tuple[int, int]] | None = None, country_hint: str | None = None,
             gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Toponyms of ``text``: the given (start, end) spans, or those recognised in it."""
    gz = gazetteer or get_gazetteer()
    if spans is None:
        found: list[Span] = [Span(m.start, m.end) for m in recognize(text, gz)]
    else:
        found = [Span(int(s), int(e)) for s, e in spans]
    return resolve_spans(text, found, gz, country_hint)


def _doc_spans(doc: dict) -> list[tuple[int, int]] | None:
    given = doc.get("toponyms")
    if given is None:
        return None
    return [(int(t["start"]), int(t["end"])) for t in given]


def geoparse_stream(lines: Iterable[str], out: TextIO, err: TextIO, gazetteer: Gazetteer | None = None) -> int:
    """Read ``{"id", "text"[, "toponyms", "country"]}`` JSON lines, write one result line per document.

    A line that is not a JSON object with a string ``text`` is reported on ``err`` with its line
    number and skipped; the count of such lines is returned.
    """
    gz = gazetteer or get_gazetteer()
    bad = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                raise ValueError("expected an object with a string 'text'")
            spans = _doc_spans(doc)
        except (ValueError, KeyError, TypeError) as exc:
            bad += 1
            err.write(f"sitroom geoparse: line {n}: skipped, not a valid document ({exc})\n")
            continue
        hint = doc.get("country") if isinstance(doc.get("country"), str) else None
        toponyms = geoparse(doc["text"], spans, hint, gz)
        out.write(json.dumps({"id": doc.get("id"), "toponyms": [t.to_dict() for t in toponyms]},
                             ensure_ascii=False) + "\n")
    return bad
