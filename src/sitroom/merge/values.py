"""Which report's value a merged event takes, where its reports disagree: the toll and the sub-type.

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

Sub-types.  Reports of one incident name its weapon with more or less precision: the wire says
"suicide bomber", a Telegram post only "explosion".  The extractor's codebook
(`codebook/triggers.toml`) already ranks what a trigger says: a rule that names a weapon has a
higher priority than the generic blast rule (the lowest rule of the explosions family), and every
explosions sub-type is more specific than a bare "Attack" or "Armed clash".  So each report's
sub-type gets the priority of the rule its trigger (the sub_event_type evidence span) matches, and

1. only the most specific tier present takes part: a trigger that names the weapon, then a bare
   blast, then anything else (Attack, Armed clash, protests...);
2. within the tier, the sub-type most reports give wins (a repost's copy of a sentence counts
   once): two reports' "car bomb" beside one "VBIED" is a car bomb;
3. a tie goes to the more specific rule (Suicide bomb over IED), then to the earliest report.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sitroom.merge.details import evidence_text, is_vague

# Specificity tiers of a sub-type's trigger (higher is more specific).
WEAPON_NAMED, BARE_BLAST, GENERIC = 2, 1, 0


def figure_range(mentions: Sequence[Any], name: str = "fatalities") -> tuple[int | None, int | None, int | None]:
    """(event figure, low, high) for `name` over the reports: ACLED's conservative rule among the
    specific figures, the vague ones only when no report gives a specific figure."""
    figures = [(v, is_vague(m, name)) for m in mentions if (v := getattr(m, name, None)) is not None]
    if not figures:
        return None, None, None
    used = [v for v, vague in figures if not vague] or [v for v, _ in figures]
    return min(used), min(used), max(used)


# --- sub-types ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _codebook() -> tuple[dict[str, tuple[Any, ...]], frozenset[str], int]:
    """(rules by sub-type, highest first; the explosions family's sub-types; its generic rule's priority)."""
    from sitroom.codebook.acled import EXPLOSIONS, SUB_EVENT_TYPES
    from sitroom.codebook.loader import rules

    by_sub: dict[str, list[Any]] = {}
    for rule in rules():  # highest priority first
        by_sub.setdefault(rule.sub_event_type, []).append(rule)
    family = frozenset(s for s, t in SUB_EVENT_TYPES.items() if t == EXPLOSIONS)
    floor = min((r.priority for s in family for r in by_sub.get(s, ())), default=0)
    return {s: tuple(rs) for s, rs in by_sub.items()}, family, floor


@lru_cache(maxsize=4096)
def trigger_priority(sub_event_type: str, text: str | None, has_evidence: bool = True) -> int:
    """The priority of the codebook rule for `sub_event_type` that the trigger `text` matches.

    No evidence at all (a typed-in record): taken at its word, the sub-type's highest rule.  A
    trigger no rule of the sub-type matches (or no trigger span): its lowest rule.
    """
    by_sub, _, _ = _codebook()
    ranked = by_sub.get(sub_event_type, ())
    if not ranked:
        return 0
    if not has_evidence:
        return ranked[0].priority
    if text:
        for rule in ranked:
            if rule.pattern.search(text):
                return rule.priority
    return ranked[-1].priority


def specificity(e: Any) -> tuple[int, int]:
    """(tier, rule priority) of a report's sub-type: how precisely its words name the act."""
    sub = e.sub_event_type
    priority = trigger_priority(sub, evidence_text(e, "sub_event_type"), bool(getattr(e, "evidence", None)))
    _, family, floor = _codebook()
    if sub not in family:
        return GENERIC, priority
    return (WEAPON_NAMED if priority > floor else BARE_BLAST), priority


def sub_type_source(mentions: Sequence[Any]) -> Any | None:
    """The report whose type and sub-type the event takes (see the module note), or None if none gives one."""
    typed = [(i, m) for i, m in enumerate(mentions) if m.sub_event_type not in (None, "")]
    if not typed:
        return None
    ranked = [(specificity(m), i, m) for i, m in typed]
    top = max(tier for (tier, _), _, _ in ranked)
    voters: dict[str, set[str]] = {}
    best_priority: dict[str, int] = {}
    first: dict[str, tuple[int, Any]] = {}
    seen_notes: set[str] = set()
    for (tier, priority), i, m in ranked:
        if tier != top:
            continue
        sub = m.sub_event_type
        first.setdefault(sub, (i, m))
        best_priority[sub] = max(priority, best_priority.get(sub, priority))
        note = " ".join((getattr(m, "notes", None) or "").casefold().split())
        if note and note in seen_notes:
            continue  # a repost's copy of a sentence already counted
        seen_notes.add(note)
        voters.setdefault(sub, set()).add(getattr(m, "doc_id", None) or getattr(m, "id", None) or str(i))
    chosen = max(first, key=lambda s: (len(voters.get(s, ())), best_priority[s], -first[s][0]))
    return first[chosen][1]
