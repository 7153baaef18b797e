"""One incident as a report tells it: the sentences that trigger it and the ones around them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sitroom.extract.analysis import SentenceAnalysis


@dataclass(slots=True)
class Mention:
    """The sentences that tell one incident: the ones with triggers and the ones around them."""

    triggers: list[SentenceAnalysis] = field(default_factory=list)
    context: list[SentenceAnalysis] = field(default_factory=list)
    date: date | None = None
    headline: bool = False
    inherited_date: date | None = None  # "Two hours later a second bomb ...": the day of the one before

    @property
    def block(self) -> int:
        return self.triggers[0].sentence.block

    @property
    def bullet(self) -> bool:
        return self.triggers[0].sentence.bullet

    @property
    def last_block(self) -> int:
        return max(a.sentence.block for a in self.triggers + self.context)
