"""Which event a new report joins: pairwise rules (`cluster`) + analyst decisions + ambiguity.

The store (incrementally, one report at a time) and `Clusterer` (in memory: re-merging a whole
store, evaluation, benchmarks) both call `choose()`, so the two can never disagree.

* An event is a candidate through any of its reports (single link): "Tayaran Square" in one
  report and "Bab Sharqi" in another still both reach the event.
* Analyst decisions are keyed by mention ids.  A forced merge wins over every rule; a forced
  split removes the event from the candidates.
* One document, one report per event: when the extractor found two incidents in one document
  (two bullets of a weekly on the same day, type and city), they are distinct, so an event that
  holds a report of document D takes no other report of D, nor of a repost of D (its reports
  are copies of D's).  Only an analyst's forced merge (or a repost's link to the report it
  copies) puts two reports of one document together.
* Single link is checked by complete link on stated dates and on places: a report that gives an
  absolute day (or a precise place) cannot join an event any of whose reports gives another
  absolute day (or a distinct place), however well it matches one loosely dated or placeless
  report (which would otherwise chain two incidents together).
* A report with no place (or only its country) may only join when exactly one event qualifies, or
  one is decisively better: on a busy day a placeless "roadside bomb hit a convoy" could belong
  to any of several, unless it shares a name or a toll with one of them.
* A report that links events bridges them (`bridged`): two reports of one incident that came
  first may be too unlike to join each other (one at a city's point, one at a town 87 km off);
  a third, placed report that fits both (coded at their region) joins one and folds the other
  in, so long as no two of their reports veto each other (day, type, place, one document, an
  analyst's split).  Had it come first, both would have joined it: the result does not depend
  on the order reports arrive in.  Only the events already in the report's block are looked at.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sitroom.merge.cluster import (
    MAX_TOTAL,
    MERGE_KM,
    REGION_KM,
    dates_conflict,
    has_specific_place,
    haversine_km,
    location_key,
    match_score,
    weigh,
)
from sitroom.merge.places import place_evidence
from sitroom.merge.yearless import month_days_around, partial_day, partials_around

DECISIVE_MARGIN = 1.0 / MAX_TOTAL
"""How much better (one point of evidence, e.g. a shared name) the best event must be for a placeless report."""


@dataclass(slots=True)
class Decisions:
    """What is known of the reports beyond their fields: analyst merge/split decisions as symmetric
    mention-id relations (the latest decision wins), and which documents are reposts of which."""

    merge: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    split: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    roots: dict[str, str] = field(default_factory=dict)
    """Document id -> the earliest version it reposts (documents that are no repost are absent)."""

    def record(self, action: str, a: str, b: str) -> None:
        keep, drop = (self.merge, self.split) if action == "merge" else (self.split, self.merge)
        keep[a].add(b)
        keep[b].add(a)
        drop.get(a, set()).discard(b)
        drop.get(b, set()).discard(a)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> Decisions:
        """From (action, mention_id, other_mention_id) in the order they were made."""
        out = cls()
        for action, a, b in rows:
            out.record(action, a, b)
        return out

    def merged_with(self, mention_id: str) -> set[str]:
        return self.merge.get(mention_id, set())

    def split_from(self, mention_id: str) -> set[str]:
        return self.split.get(mention_id, set())

    def document(self, m: Any) -> str | None:
        """The document `m` was read from; a repost's reports count as its original's."""
        doc = getattr(m, "doc_id", None)
        return self.roots.get(doc, doc) if doc else None

    def same_document(self, a: Any, b: Any) -> bool:
        """Two reports of one document (or of a repost of it): two incidents, as the extractor found."""
        doc = self.document(a)
        return doc is not None and doc == self.document(b)


@dataclass(slots=True)
class Candidate:
    """An existing event and the reports it holds (anything with `id` and the Event fields)."""

    event_id: str
    mentions: Sequence[Any]


def choose(m: Any, candidates: Sequence[Candidate], decisions: Decisions | None = None,
           km: float = MERGE_KM) -> str | None:
    """The event id `m` should join, or None for a new event."""
    decisions = decisions or Decisions()
    forced = decisions.merged_with(m.id)
    for c in candidates:
        if any(x.id in forced for x in c.mentions):
            return c.event_id
    scored: list[tuple[float, bool, int, Candidate]] = []
    for i, c in enumerate(candidates):
        fit = fits(m, c, decisions, km)
        if fit is not None:
            scored.append((fit[0], fit[1], i, c))
    if not scored:
        return None
    if has_specific_place(m):
        placed = [s for s in scored if s[1]]
        if placed:
            return _best(placed)
    # Only placeless comparisons fit: join only when the match is unique, or when one event is
    # decisively better (a shared name or toll the others lack), not merely first in line.
    if len(scored) == 1:
        return scored[0][3].event_id
    first, second = sorted((s[0] for s in scored), reverse=True)[:2]
    return _best(scored) if first - second >= DECISIVE_MARGIN else None


def fits(m: Any, c: Candidate, decisions: Decisions, km: float = MERGE_KM) -> tuple[float, bool] | None:
    """(best score, through a report with a specific place?) when `m` may join `c` by the rules, else None.

    Vetoed by an analyst's split from any of its reports, by a report of `m`'s own document, and
    by a contradiction with any of its reports (complete link); the score is single link.
    """
    banned = decisions.split_from(m.id)
    for x in c.mentions:
        if x.id in banned or decisions.same_document(m, x) or _conflict(m, x, km):
            return None
    best = max(((match_score(m, x, km), has_specific_place(x)) for x in c.mentions), default=(0.0, False))
    return best if best[0] > 0.0 else None


def _conflict(m: Any, x: Any, km: float) -> bool:
    """`m` contradicts a report already in the event: two stated days, or two distinct places.

    Checked against every report (complete link), so a loose report that joined on little (no
    place, a relative date) cannot chain two incidents together.
    """
    return dates_conflict(m, x) or place_evidence(m, x, km) is None


def _best(scored: Sequence[tuple[float, bool, int, Candidate]]) -> str:
    """Highest score; ties go to the earliest candidate."""
    return max(scored, key=lambda s: (s[0], -s[2]))[3].event_id


# --- bridging -------------------------------------------------------------------------------------

def bridged(m: Any, target: Candidate, candidates: Sequence[Candidate], decisions: Decisions | None = None,
            km: float = MERGE_KM) -> list[str]:
    """The other events `m` links to `target` (the event it joins; its reports without `m`).

    An event is linked when `m`, which has a specific place, fits it through a placed report as
    it fits any event (`fits`), and no report of it vetoes a report of the growing group (`m`,
    the target's, the events linked before it: `vetoed`).  Candidates are taken in their order.
    """
    decisions = decisions or Decisions()
    if not has_specific_place(m):
        return []  # a placeless report that fits two events is ambiguous, not a link
    group = [*target.mentions, m]
    out: list[str] = []
    for c in candidates:
        if c.event_id == target.event_id or not c.mentions:
            continue
        fit = fits(m, c, decisions, km)
        if fit is None or not (fit[1] or _only_home_of_placeless(m, fit[0], c, target, candidates, decisions, km)):
            continue
        if any(vetoed(x, y, decisions, km) for x in c.mentions for y in group):
            continue
        out.append(c.event_id)
        group.extend(c.mentions)
    return out


PLACELESS_LINK = 6.5 / MAX_TOTAL
"""How well a placed report must fit an event of placeless reports to link it: more than a shared day,
type and country (5 points), such as a shared actor or toll."""


def _only_home_of_placeless(m: Any, score: float, c: Candidate, target: Candidate, candidates: Sequence[Candidate],
                            decisions: Decisions, km: float) -> bool:
    """`c` holds only reports with no place ("the Lido beach attack", coded in Somalia), `m` fits it
    strongly, and no event but the one `m` joins could hold them: the placeless event arrived before
    the placed reports that would have given it a home."""
    if score < PLACELESS_LINK or any(has_specific_place(x) for x in c.mentions):
        return False
    others = [o for o in candidates if o.event_id not in (c.event_id, target.event_id) and o.mentions]
    return not any(fits(x, o, decisions, km) is not None for x in c.mentions for o in others)


def vetoed(a: Any, b: Any, decisions: Decisions, km: float = MERGE_KM) -> bool:
    """`a` and `b` cannot be reports of one incident: an analyst split them, they come from one
    document, or a dimension rules them out (two stated days, unrelated types, distinct places,
    another country, a historical and a current report).  Weak or missing evidence is no veto."""
    if b.id in decisions.merged_with(a.id):
        return False
    if b.id in decisions.split_from(a.id) or decisions.same_document(a, b) or dates_conflict(a, b):
        return True
    return weigh(a, b, km) is None


class Clusterer:
    """Incremental clustering in memory with the store's rules: blocks of one day."""

    def __init__(self, decisions: Decisions | None = None, km: float = MERGE_KM) -> None:
        self.decisions = decisions or Decisions()
        self.km = km
        self.events: dict[str, list[Any]] = {}
        self.event_of: dict[str, str] = {}
        self._by_day: dict[date, list[str]] = defaultdict(list)
        self._by_month_day: dict[tuple[int, int], set[date]] = defaultdict(set)  # for reports with no year
        self._by_partial: dict[str, list[str]] = defaultdict(list)  # "--MM-DD" -> undated events
        self._order: dict[str, int] = {}  # mention id -> arrival: an event's reports stay in report order

    def add(self, m: Any) -> tuple[str, bool]:
        """Put `m` into its event: (event id, created?).  Event ids are their first report's id.

        When `m` links events (`bridged`), they become one under the oldest one's id."""
        candidates = self._candidates(m)
        target = self._forced(m) or choose(m, candidates, self.decisions, self.km)
        created = target is None
        if target is None:
            target = m.id
            self.events[target] = []
        linked = [] if created else bridged(m, Candidate(target, self.events[target]), candidates,
                                             self.decisions, self.km)
        self._order[m.id] = len(self._order)
        self._put(m, target)
        if linked:
            target = self._fold([target, *linked])
        return target, created

    def _put(self, m: Any, target: str) -> None:
        self.events[target].append(m)
        self.event_of[m.id] = target
        if m.event_date is not None and target not in self._by_day[m.event_date]:
            self._by_day[m.event_date].append(target)
            self._by_month_day[(m.event_date.month, m.event_date.day)].add(m.event_date)
        partial = partial_day(m)
        if partial is not None and target not in self._by_partial[partial]:
            self._by_partial[partial].append(target)

    def _fold(self, event_ids: Sequence[str]) -> str:
        """Make the events one under the oldest one's id (ids are kept in creation order)."""
        order = {eid: i for i, eid in enumerate(self.events)}
        keep, *rest = sorted(event_ids, key=order.__getitem__)
        for eid in rest:
            moved = self.events.pop(eid)
            for day in {m.event_date for m in moved if m.event_date is not None}:
                if eid in self._by_day[day]:
                    self._by_day[day].remove(eid)
            for partial in {p for m in moved if (p := partial_day(m)) is not None}:
                if eid in self._by_partial[partial]:
                    self._by_partial[partial].remove(eid)
            for m in moved:
                self._put(m, keep)
        self.events[keep].sort(key=lambda m: self._order[m.id])
        return keep

    def clusters(self) -> list[list[Any]]:
        return [ms for ms in self.events.values() if ms]

    def _forced(self, m: Any) -> str | None:
        for other in sorted(self.decisions.merged_with(m.id)):
            if other in self.event_of:
                return self.event_of[other]
        return None

    def _candidates(self, m: Any) -> list[Candidate]:
        """The events of `m`'s block, as the store's query finds them (`cluster.search_window`)."""
        partial = partial_day(m)
        if m.event_date is not None:
            days = [m.event_date + timedelta(days=k) for k in (-1, 0, 1)]
            partials = partials_around(m.event_date)
        elif partial is not None:
            days = sorted(d for md in month_days_around(partial) for d in self._by_month_day.get(md, ()))
            partials = [partial]
        else:
            return []
        seen: dict[str, None] = {}
        for day in days:
            for eid in self._by_day.get(day, ()):
                seen.setdefault(eid)
        for p in partials:
            for eid in self._by_partial.get(p, ()):
                if all(x.event_date is None for x in self.events[eid]):
                    seen.setdefault(eid)
        return [Candidate(eid, self.events[eid]) for eid in seen if self._near(m, self.events[eid])]

    def _near(self, m: Any, mentions: Sequence[Any]) -> bool:
        """The spatial half of the block, as wide as the store's window: a cheap prefilter."""
        if not has_specific_place(m) or m.latitude is None or m.longitude is None:
            return True  # no point ("Ndu", which the gazetteer lacks): anywhere in the country may be it
        if all(x.latitude is None or x.longitude is None for x in mentions):
            return True
        key = location_key(m.location)
        for x in mentions:
            if not has_specific_place(x) or (key is not None and key == location_key(x.location)):
                return True
            if None not in (m.latitude, m.longitude, x.latitude, x.longitude):
                if haversine_km(m.latitude, m.longitude, x.latitude, x.longitude) <= max(self.km, REGION_KM):
                    return True
        return False
