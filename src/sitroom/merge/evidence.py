"""Weighing the evidence that two reports describe one incident.

Each dimension gives a number (higher: more alike) or None (a veto: these cannot be one
incident); the sum must reach `THRESHOLD`.  The numbers are set so that

* full agreement on the ACLED unit (same day, same sub-type, same place) merges on its own;
* any one looser allowance (a day apart, a sister sub-type, a place only known to the province,
  no place at all) needs corroboration from another dimension: the same named actor, the same
  toll, a shared distinctive name or detail; two loose allowances need a lot of it;
* contradictions count against: another named perpetrator, a very different toll;
* hard contradictions veto: precise places far apart, different countries, unrelated event types,
  two stated absolute days, more than a day apart.

The dimensions live in `merge.places` (where), `merge.details` (what else is shared) and here
(when, what kind, who).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from sitroom.codebook.loader import affiliated
from sitroom.extract.dateline import POST_LABEL
from sitroom.merge.details import detail_evidence, evidence_text
from sitroom.merge.places import MERGE_KM, place_evidence
from sitroom.merge.yearless import in_common_year

THRESHOLD = 5.0
MAX_TOTAL = 12.0
"""About the most evidence a pair can have; `match_score` divides by it to stay within (0, 1]."""

# --- when -----------------------------------------------------------------------------------------

SAME_DAY = 2.0
UNCERTAIN_DAY = 1.0
"""A day apart where the reports themselves leave the day open (overnight, "last night", week precision)."""
RELATIVE_DAY = -1.0
"""A day apart with one date from a weekday name: plausible (a slip of the resolver), needs corroboration."""
DAY_TOLL_CONFLICT = -0.5
"""A day apart with different tolls: more likely two incidents (repeated attacks on one town)."""

_ABSOLUTE_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\d{4}-\d{1,2}-\d{1,2}|\b\d{1,2}/\d{1,2}\b", re.IGNORECASE)
# Phrases resolved against the publication time that can straddle midnight: a post at 00:20 about
# "tonight" lands a day late.  "Today" and "this morning" do not straddle it, so they stay exact.
_PUBLICATION_RELATIVE = re.compile(r"\b(?:tonight|last night|hours? ago|earlier|overnight|just now)\b", re.IGNORECASE)
# An incident across midnight is dated either side of it by different outlets.
_OVERNIGHT = re.compile(r"\b(?:overnight|night|midnight|late (?:on|in|last|yesterday)|early hours|dawn|pre-dawn)\b",
                        re.IGNORECASE)


def date_is_relative(e: Any) -> bool:
    """True when the date was read from a relative phrase ("on Wednesday", "yesterday") or, with
    no date span at all, taken from the publication date (a post about "last night").

    A record with no evidence of any kind (typed in, or a test) is taken at its word.
    """
    if not (getattr(e, "evidence", None) or {}):
        return False
    text = evidence_text(e, "event_date")
    return text is None or _ABSOLUTE_DATE.search(text) is None


def _publication_relative(e: Any) -> bool:
    """The date came from the publication time: no date in the text, or "tonight", "last night"..."""
    if not date_is_relative(e):
        return False
    text = evidence_text(e, "event_date")
    return text is None or _PUBLICATION_RELATIVE.search(text) is not None


def _overnight(e: Any) -> bool:
    text = " ".join(t for t in (evidence_text(e, "event_date"), getattr(e, "notes", None)) if t)
    return _OVERNIGHT.search(text) is not None


def _coarse(e: Any) -> bool:
    return (e.time_precision or 1) > 1


def dates_conflict(a: Any, b: Any) -> bool:
    """Both reports state an absolute day and the days differ: not one incident.

    An incident across midnight is the exception: a day apart, either report mentioning the night.
    A report with no year is read in the other's year (`merge.yearless`).
    """
    a, b = in_common_year(a, b)
    if a.event_date is None or b.event_date is None or a.event_date == b.event_date:
        return False
    if _coarse(a) or _coarse(b) or date_is_relative(a) or date_is_relative(b):
        return False
    return abs((a.event_date - b.event_date).days) > 1 or not (_overnight(a) or _overnight(b))


def day_evidence(a: Any, b: Any) -> float | None:
    if a.event_date is None or b.event_date is None:
        return None
    gap = abs((a.event_date - b.event_date).days)
    if gap == 0:
        return SAME_DAY
    if gap > 1 or dates_conflict(a, b):
        return None
    # Only the later date can be a publication-relative one a day late ("last night" read the next morning).
    later = a if a.event_date > b.event_date else b
    if _coarse(a) or _coarse(b) or _publication_relative(later) or _overnight(a) or _overnight(b):
        return UNCERTAIN_DAY
    return RELATIVE_DAY


def day_apart_toll_conflict(a: Any, b: Any) -> float:
    fa, fb = getattr(a, "fatalities", None), getattr(b, "fatalities", None)
    if a.event_date == b.event_date or fa is None or fb is None:
        return 0.0
    # Outlets differ by a few on one toll (30 / 35, a death more overnight); 2 and 4 are two incidents' tolls.
    return DAY_TOLL_CONFLICT if abs(fa - fb) > max(1, max(fa, fb) // 5) else 0.0


# --- what kind ------------------------------------------------------------------------------------

SAME_SUB_TYPE = 2.0
ONE_SUB_TYPE_UNKNOWN = 0.75
"""An unknown sub-type is a loose allowance: with no place as well, it needs corroboration."""
SISTER_SUB_TYPE = 1.25
"""Same day and same place make a sister sub-type (IED / suicide bomb) one incident; anything looser needs more."""
GENERIC_SUB_TYPE = -0.5
"""A generic sub-type ("Attack", "Armed clash") beside a specific one of another type: often one incident."""
CONFUSED_WEAPON = -1.5
"""A "blast": one report's IED is another's rocket.  Needs strong corroboration."""

_SISTERS: tuple[frozenset[str], ...] = (
    frozenset({"suicide bomb", "remote explosive/landmine/ied", "grenade"}),
    frozenset({"air/drone strike", "shelling/artillery/missile attack"}),
    frozenset({"armed clash", "attack"}),
    frozenset({"peaceful protest", "protest with intervention", "excessive force against protesters"}),
)
"""Sub-types reports of one incident often disagree on (a "blast" later called a suicide bombing)."""
_GENERIC = frozenset({"attack", "armed clash"})
_VIOLENT_TYPES = frozenset({"battles", "explosions/remote violence", "violence against civilians"})
_WEAPONS = frozenset().union(_SISTERS[0], _SISTERS[1])
_CROWD = frozenset({"violent demonstration"}) | _SISTERS[3]


# "Several explosions at the airport": a blast heard, coded as an explosive for want of a weapon's name
_BARE_BLAST = re.compile(r"(?:(?:several|two|three|a|an|the|loud|huge|powerful|massive|big|large|strong|fortes?)\s+)*"
                         r"(?:blasts?|explosions?|exploded|explosée?s?|détonations?|detonations?|explosi(?:ón|ones)|"
                         r"estall(?:ó|aron|ido)|explot(?:ó|aron))"
                         r"(?:\s+(?:hit|struck|targeted|killed|wounded|injured|ripped|rocked|damaged|in|at|near|on))?", re.I)


def _unnamed_blast(e: Any) -> bool:
    """The report's explosive is only a blast ("several explosions"), so it contradicts no named weapon."""
    text = evidence_text(e, "sub_event_type")
    return _norm(e.sub_event_type) == "remote explosive/landmine/ied" and text is not None and \
        _BARE_BLAST.fullmatch(text.strip()) is not None


def _norm(value: str | None) -> str:
    return " ".join(value.casefold().split()) if value else ""


def type_evidence(a: Any, b: Any) -> float | None:
    ta, tb, sa, sb = _norm(a.event_type), _norm(b.event_type), _norm(a.sub_event_type), _norm(b.sub_event_type)
    if ta == tb and sa == sb:
        return SAME_SUB_TYPE if sa else ONE_SUB_TYPE_UNKNOWN
    if ta == tb and not (sa and sb):
        return ONE_SUB_TYPE_UNKNOWN
    if not (sa and sb) or sa == sb:
        return None  # another type altogether, or a record whose type contradicts its sub-type
    if any(sa in g and sb in g for g in _SISTERS):
        return SISTER_SUB_TYPE
    if ta in _VIOLENT_TYPES and tb in _VIOLENT_TYPES:
        # Territory changes, abductions and sexual violence are never a misread weapon.
        if (sa in _GENERIC and sb in _WEAPONS) or (sb in _GENERIC and sa in _WEAPONS):
            # "gunfire and loud detonations at the school" beside "fighters attacked the school": blasts heard
            # in an assault are no other act
            return ONE_SUB_TYPE_UNKNOWN if _unnamed_blast(a) or _unnamed_blast(b) else GENERIC_SUB_TYPE
        if sa in _WEAPONS and sb in _WEAPONS:
            return ONE_SUB_TYPE_UNKNOWN if _unnamed_blast(a) or _unnamed_blast(b) else CONFUSED_WEAPON
    if sa in _CROWD and sb in _CROWD:
        return GENERIC_SUB_TYPE
    return None


# --- who ------------------------------------------------------------------------------------------

SAME_ACTOR = 2.0
"""The same named group: few incidents of a day share it."""
SAME_COMMON_ACTOR = 1.0
"""The same state force or Islamic State: a party to many incidents of any day, so weaker evidence."""
SWAPPED_ACTOR = 1.0
"""One report's perpetrator is the other's target: a battle told from the other side."""
OTHER_PERPETRATOR = -1.5
"""Different named perpetrators against one target: sometimes allies in one operation, often two events."""
ACTOR_CONFLICT = -3.0

_SCOPE = re.compile(r"\s*\([^)]*\)")
_STATE = re.compile(r"^(?:government|military forces|police forces|counter terrorism service|security forces)"
                    r"\b.*\bof (?:the )?(.+)$")
_PARTICLES = re.compile(r"\b(?:al|el|ad|ar|as|ash|an|the)\b|[-'’]")


def actor_key(value: str | None) -> str:
    """An actor name without its parenthesised scope: "Islamic State (ISIL)" -> "islamic state".

    A country's state forces are one side whichever branch a report names ("Government of
    Iraq", "Counter Terrorism Service of Iraq"): they key as "state forces of iraq".
    """
    key = _norm(_SCOPE.sub("", value)) if value else ""
    state = _STATE.match(key)
    return f"state forces of {state.group(1)}" if state else key


_COMMON_ACTORS = re.compile(r"^(?:state forces of|military forces of|police forces of|islamic state\b|civilians\b"
                            r"|protesters\b|rioters\b|popular mobilization forces$)")


def _unidentified(key: str) -> bool:
    return not key or key.startswith("unidentified") or key.startswith("unknown")


def same_actor(x: str, y: str) -> bool:
    """One actor under two spellings: "Saraya Awliya al-Dam" / "Saraya Awliyaa al Dam".

    Every word must have a close counterpart, so "Military Forces of Iraq" and "... of Iran",
    one letter apart, stay two actors.
    """
    if x == y:
        return True
    wx, wy = _PARTICLES.sub(" ", x).split(), _PARTICLES.sub(" ", y).split()
    if not wx or not wy or fuzz.ratio(" ".join(wx), " ".join(wy)) < 90:
        return False
    return (all(any(fuzz.ratio(u, v) >= 80 for v in wy) for u in wx)
            and all(any(fuzz.ratio(v, u) >= 80 for u in wx) for v in wy))


def branch_of(x: str, y: str) -> bool:
    """One actor names a branch of the other: "islamic state" and "islamic state khorasan province",
    "al shabaab" and "al shabaab amniyat" (the parent's words open the branch's name)."""
    wx, wy = _PARTICLES.sub(" ", x).split(), _PARTICLES.sub(" ", y).split()
    short, long_ = sorted((wx, wy), key=len)
    return bool(short) and len(short) < len(long_) and long_[:len(short)] == short


def actor_evidence(a: Any, b: Any) -> float:
    a1, b1 = actor_key(a.actor1), actor_key(b.actor1)
    a2, b2 = actor_key(getattr(a, "actor2", None)), actor_key(getattr(b, "actor2", None))
    if _unidentified(a1) or _unidentified(b1):
        return 0.0
    if same_actor(a1, b1):
        return SAME_COMMON_ACTOR if _COMMON_ACTORS.match(a1) else SAME_ACTOR
    if branch_of(a1, b1) or affiliated(a1, b1, key=actor_key):
        # a report that names the province of a group beside one that names the group is one
        # perpetrator told at two levels; as common as the parent, so no stronger than it.  The
        # alias table's `part_of` links the names that share no words ("ADF" / "Islamic State
        # Central Africa Province", "TAK" / "PKK")
        return SAME_COMMON_ACTOR
    swapped = [not _unidentified(x2) and same_actor(x1, x2) for x1, x2 in ((a1, b2), (b1, a2))]
    if all(swapped):
        return SAME_COMMON_ACTOR
    if any(swapped):
        return SWAPPED_ACTOR
    if not _unidentified(a2) and not _unidentified(b2) and same_actor(a2, b2):
        return OTHER_PERPETRATOR
    return ACTOR_CONFLICT


# --- the sum --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Weighing:
    """The evidence of each dimension for one pair of reports (None: a dimension vetoed the merge)."""

    day: float
    kind: float
    place: float
    actors: float
    details: float

    @property
    def total(self) -> float:
        return self.day + self.kind + self.place + self.actors + self.details

    @property
    def same(self) -> bool:
        return self.total >= THRESHOLD


# "JERUSALEM | Another shooting attack: two men ... injured near the City of David": told as a new act
_ANOTHER_RE = re.compile(rf"^(?:{POST_LABEL})?(?:yet\s+)?(?:another|a (?:second|third|new|fresh|further))\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:attack|shooting|bombing|blast|explosion|strike|ambush|raid|assault)s?\b",
                         re.I)


def _another_after(a: Any, b: Any) -> bool:
    """`a` tells itself as another act than one before, and `b` is of an earlier day."""
    notes = getattr(a, "notes", None) or ""
    return bool(a.event_date and b.event_date and a.event_date > b.event_date and _ANOTHER_RE.match(notes.strip()))


def weigh(a: Any, b: Any, km: float = MERGE_KM) -> Weighing | None:
    """The evidence that `a` and `b` report one incident, or None when something rules it out."""
    if bool(a.historical) != bool(b.historical):
        return None
    a, b = in_common_year(a, b)
    if _another_after(a, b) or _another_after(b, a):
        return None
    day, kind, place = day_evidence(a, b), type_evidence(a, b), place_evidence(a, b, km)
    if day is None or kind is None or place is None:
        return None
    details = detail_evidence(a, b) + day_apart_toll_conflict(a, b)
    return Weighing(day, kind, place, actor_evidence(a, b), details)
