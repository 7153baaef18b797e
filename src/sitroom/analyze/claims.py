"""Claim checks: each running count a report states beside the store's own count.

For a claim "the 21st attack on coalition convoys in Iraq in the last seven weeks" published
on 10 February, the store counts events in [as_of - window + 1, as_of] matching the claim's
filter (type, target, keyword, country).  A claim with no stated window is counted from the
earliest event.  The gap tells an analyst whether the source's tally fits what is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sitroom.analyze.tally import Window, tally
from sitroom.model import TallyClaim
from sitroom.store.queries import EventFilter, StoredEvent


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    claim: TallyClaim
    window: Window
    db_count: int
    events: list[StoredEvent]
    source: str | None = None

    @property
    def difference(self) -> int:
        """Database minus claim: negative when the source knows of more incidents than we do."""
        return self.db_count - self.claim.count

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim.to_dict(), "source": self.source, "window": self.window.to_dict(),
                "db_count": self.db_count, "difference": self.difference,
                "event_ids": [e.id for e in self.events]}


def claim_filter(claim: TallyClaim) -> EventFilter:
    return EventFilter(event_type=claim.event_type, sub_event_type=claim.sub_event_type, target=claim.target,
                       keyword=claim.keyword, country=claim.country_code)


def claim_window(claim: TallyClaim) -> Window:
    if claim.as_of is None:
        return Window(None, None)
    if claim.window_days is None:
        return Window(None, claim.as_of)
    return Window(claim.as_of - timedelta(days=claim.window_days - 1), claim.as_of)


def check_claim(store: Any, claim: TallyClaim) -> ClaimCheck:
    win = claim_window(claim)
    result = tally(store, claim_filter(claim), win)
    doc = store.document(claim.doc_id)
    source = (doc.source or doc.url) if doc is not None else None
    return ClaimCheck(claim, win, result.count, result.events, source)


def check_claims(store: Any) -> list[ClaimCheck]:
    """Every stored claim with the database's count for the same window and filter."""
    return [check_claim(store, c) for c in store.claims()]
