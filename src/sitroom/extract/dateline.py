"""Wire-story datelines: "KABUL, Afghanistan (Jan. 25, 2013) –", "BAGHDAD, Feb. 10, 2021 —".

A dateline says where the report was filed and when, not where or when the event happened: its
date anchors "yesterday" (ingest reads it as the published date) and its place is only a fallback
for the event's location.
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
_PLACE = r"(?:[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3}|[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+){0,2})"
DATELINE_RE = re.compile(
    # "NAIROBI/MOGADISHU (Reuters) -": a story filed from two bureaux
    rf"\s*{_PLACE}(?:\s*/\s*{_PLACE})?(?:,\s*[A-Z][A-Za-z .'’-]{{2,40}}?)?\s*"
    rf"(?:\(\s*{_DATE}\s*\)|,\s*{_DATE}|,\s*{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)?\s*(?:\([A-Za-z .]{{2,30}}\)\s*)?[-–—:]+\s"
)


# A post's line label: "TAHOUA | ", "NDU, Donga-Mantung | " (where the channel says the post is from)
POST_LABEL = r"[^|\n]{2,60}\s\|\s"
OPENING_LINES = 3  # a title and a date line may stand above the dateline
# "PRESS RELEASE —", "BREAKING:": a kind of text in capitals, not a place it was filed from
NOT_A_PLACE_RE = re.compile(r"\s*(?:(?:for\s+)?immediate\s+release|press\s+(?:release|statement|briefing)|breaking(?:\s+news)?|"
                            r"update[d]?|exclusive|statement|communiqu[ée]|analysis|opinion|editorial|live|alert|"
                            r"urgent|flash|news\s+release|media\s+(?:release|advisory))\b", re.I)


def find_dateline(text: str) -> tuple[int, int] | None:
    """The span of the dateline that opens the text (or its first paragraph after a title), if any."""
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text[:400])][:OPENING_LINES]
    for pos in starts:
        m = DATELINE_RE.match(text, pos)
        if m and not NOT_A_PLACE_RE.match(m.group()):
            return m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
    return None
