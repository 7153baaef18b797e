"""Detail evidence for the merge: what two reports share beyond date, type, place and actors.

Date, type and place narrow a report down to a handful of incidents; what decides between
"the same incident told twice" and "two incidents alike" are the details: the same toll, the
same named person, the same uncommon target ("a truffle hunters' convoy", "a contractor").
Reports are short and paraphrase each other, so only a few things count, and each counts once:

* the same fatality (or injury) figure; a larger figure is rarer and so stronger evidence;
  very different figures count against (tolls grow, but not from 2 to 20 overnight);
* a shared distinctive name (a person, a unit, a named site), fuzzily matched because
  outlets romanise Arabic names differently ("Abu Yasir al-Issawi" / "Abu Yaser al-Essawi");
  the same named person killed counts most;
* shared uncommon content words of the mention sentence ("contractor", "checkpoint").

The text read is the mention's `notes` (its lead sentence) plus its evidence spans.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

NAME_MATCH = 85.0
"""rapidfuzz ratio at which two capitalised names are one name spelt two ways."""
NAME_WEIGHT, NAME_CAP = 1.5, 3.0
VICTIM_WEIGHT = 2.5
"""The same named person killed: a person dies once, so this nearly settles it."""
WORD_WEIGHT, WORD_CAP = 0.25, 0.5
"""Shared words are weak: two attacks on one town share "checkpoint" and "soldiers" too."""
TOLL_CONFLICT = -0.5
EARLY_COUNT = 20
"""From this many dead, a first count may be a third of the final one without contradicting it."""
MASSACRE = 50
"""Deaths from which two counts of one toll may still differ a lot (the first count, the final one)."""

# Capitalised words that say nothing about which incident it was: titles, sides, calendar,
# generic places, news vocabulary.  Lower-case because the comparison is folded.
_NAME_STOP = frozenset("""
a an the in on at of and or by for from to with as after before during since near into over
monday tuesday wednesday thursday friday saturday sunday today tonight yesterday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
mr dr pm prime minister president general gen col colonel brig brigadier maj major lt capt spokesman
police army military forces force security government ministry interior defence defense
iraq iraq's iraqi syria syria's syrian iran iranian turkey turkey's turkish kurdish kurdistan us u.s. us-led
american coalition islamic state state's isis isil daesh is pmf hashd popular mobilization units
north south east west northern southern eastern western central province governorate district city
town village area region border road highway base airport news breaking urgent update source sources
reuters afp ap local officials official said says reported report statement telegram analysts activists
rockets rocket missiles drone drones bomb bombs gunmen militants fighters dozens several two three
""".split())
# Bodies that speak about many incidents: sharing them says nothing about which one.
_INSTITUTION = re.compile(r"\b(?:command|service|cell|ministry|council|commission|committee|agency|observatory"
                          r"|media|operations|directorate|department|office|center|centre|network)\b")
_STOPWORDS = frozenset("""
about above after again against along also although among another around because been before being
below between both could during each either every from further given have having here however into
just later least less many more most much near nearly other over people said says several since some
still such than that their them then there these they this those through today tonight under until
upon were what when where which while whom with within without would yesterday earlier reported
according official officials source sources statement added told police security forces force
killed killing wounded wounding injured injuring injurie casualtie dead died death deaths attack attacks
attacked struck targeted targeting incident incidents fighters militants members civilians civilian
people group groups local report claim claimed announced launched fired carried including inside nearby
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night early late
january february march april june july august september october november december
capital province governorate district region northern southern eastern western central north south
iraqi syrian turkish kurdish american iranian islamic state coalition us-led government military army
operation operations dozen dozens hundred hundreds eleven twelve twenty thirty first second third
rocket rockets missile missiles bomb bombs bomber bombers bombing bombings suicide explosive explosives
explosion explosions blast blasts strike strikes airstrike airstrikes drone drones shelling mortar
mortars clash clashes gunmen gunman protest protests protester protesters demonstration demonstrators
""".split())
# Runs of capitalised words, allowing Arabic particles inside a name (Abu, al-, bin, ibn).
# A name may open with a lower-case article: "near al-Musayyib".
_NAME_RUN = re.compile(r"(?:(?:\b(?:al|el|ad|as|ash|an|ar|az)-)?[A-Z][\w'’]+(?:-[A-Za-z][\w'’]*)*)"
                       r"(?:[ \t]+(?:(?:al|el|bin|ibn|abu|abi|umm)-?[ \t]*)?[A-Z][\w'’]+(?:-[A-Za-z][\w'’]*)*)*")
_WORD = re.compile(r"[a-z][a-z'’-]{4,}")
_PARTICLE_NAME = re.compile(r"^(?:abu|umm|bin|ibn|al|el)[- ]")
_PLACE_FIELDS = ("location", "admin1", "admin2", "country")
_ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "claimed_by")


def evidence_text(e: Any, name: str) -> str | None:
    """The text of a mention's evidence span for `name` (stored as a dict or an Evidence), if any."""
    value = (getattr(e, "evidence", None) or {}).get(name)
    if value is None:
        return None
    return value.get("text") if isinstance(value, dict) else getattr(value, "text", None)


def _text(e: Any) -> str:
    """The mention sentence and the spans of its other fields; " . " keeps names from running on."""
    notes = getattr(e, "notes", None) or ""
    spans = [evidence_text(e, n) for n in (getattr(e, "evidence", None) or {})]
    return " . ".join([notes, *(t for t in spans if t and t not in notes)])


def _dimension_text(e: Any) -> str:
    """What the place and actor dimensions already weigh: their values and the words they were read from."""
    names = [*_PLACE_FIELDS, *_ACTOR_FIELDS]
    values = [getattr(e, n, None) for n in names] + [evidence_text(e, n) for n in names]
    return " ".join(v for v in values if v).casefold()


@lru_cache(maxsize=8192)
def names_in(text: str) -> frozenset[str]:
    """Distinctive names in `text`, folded: "Abu Yasir al-Issawi" -> "abu yasir al-issawi".

    A name has two words at least, or an Arabic particle ("al-Issawi"): one capitalised word is
    too often a sentence's first word or a place the place dimension already weighs.
    """
    out = set()
    for run in _NAME_RUN.findall(text):
        words = [w for w in run.casefold().replace("’", "'").split() if w.strip("'") not in _NAME_STOP]
        name = " ".join(words)
        if (len(words) >= 2 or _PARTICLE_NAME.match(name)) and not _INSTITUTION.search(name):
            out.add(name)
    return frozenset(out)


@lru_cache(maxsize=8192)
def words_in(text: str) -> frozenset[str]:
    """Uncommon lower-case content words in `text`, plural folded ("contractors" -> "contractor")."""
    out = set()
    for w in _WORD.findall(text.casefold()):
        w = w.strip("'’-")
        if w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        if len(w) >= 5 and w not in _STOPWORDS and w + "s" not in _STOPWORDS:
            out.add(w)
    return frozenset(out)


def _not_weighed(found: frozenset[str], a: Any, b: Any) -> list[str]:
    """Drop what the place and actor dimensions already count (counting it twice would double up)."""
    skip = _dimension_text(a) + " " + _dimension_text(b)
    return [x for x in found if x not in skip]


def shared_names(a: Any, b: Any) -> int:
    """How many distinctive names the two reports share (each name of `a` matched at most once)."""
    na, nb = _not_weighed(names_in(_text(a)), a, b), _not_weighed(names_in(_text(b)), a, b)
    return sum(1 for x in na if any(fuzz.ratio(x, y) >= NAME_MATCH for y in nb))


def shared_victims(a: Any, b: Any) -> int:
    """How many named people both reports give as killed (the names in their fatality spans)."""
    va, vb = names_in(evidence_text(a, "fatalities") or ""), names_in(evidence_text(b, "fatalities") or "")
    return sum(1 for x in va if any(fuzz.ratio(x, y) >= NAME_MATCH for y in vb))


def shared_words(a: Any, b: Any) -> set[str]:
    return set(_not_weighed(words_in(_text(a)) & words_in(_text(b)), a, b))


_VAGUE = re.compile(r"\b(?:dozens|scores|tens|hundreds|thousands|several|many|numerous|multiple|countless"
                    r"|a number of|a few|a handful of"
                    # French and Spanish plurals, as "dozens" and "hundreds": "des dizaines", "decenas", "cientos"
                    # ("une dizaine", "une centaine" are "about ten", "about a hundred", as specific as "a dozen")
                    r"|dizaines|douzaines|centaines|milliers|plusieurs|decenas|docenas|centenares|cientos|varios|varias)\b",
                    re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def is_vague(e: Any, name: str = "fatalities") -> bool:
    """The report's figure for `name` was read from a vague amount ("dozens of martyrs", "kills scores")."""
    text = evidence_text(e, name)
    return text is not None and _DIGIT.search(text) is None and _VAGUE.search(text) is not None


def toll_evidence(a: Any, b: Any) -> float:
    """Same fatality figure: +0.5 for 1, rising to +1.0 at 3 or more; nearly the same large figure,
    or two counts of a massacre within a factor of two: +1.0 to +1.5; wildly different: against."""
    fa, fb = getattr(a, "fatalities", None), getattr(b, "fatalities", None)
    if fa is None or fb is None or is_vague(a) or is_vague(b):
        return 0.0  # "dozens" (coded 12) is a floor, neither the same toll as 12 nor another than 46
    if fa == fb:
        return 0.0 if fa == 0 else min(1.0, 0.25 + 0.25 * fa)
    low, high = sorted((fa, fb))
    if low >= 5 and high - low <= max(2, 0.1 * high):
        # two counts of a mass-casualty toll that nearly agree (147 and 148) are one toll, told
        # at two moments; the larger the toll, the rarer the coincidence
        return 1.5 if low >= 20 else 1.0
    if low >= MASSACRE and high <= 2 * low:
        # an early count and a later one of a massacre (100 then 168, 235 then 305): two incidents
        # that each kill scores of people on one day, near one another, are rare
        return 1.5
    if low >= EARLY_COUNT and high <= 3 * low:
        return 0.0  # "at least 50 soldiers" in the first hours, 140 by the next day: no contradiction
    return TOLL_CONFLICT if high >= 2 * low + 3 else 0.0


def injury_evidence(a: Any, b: Any) -> float:
    ia, ib = getattr(a, "injuries", None), getattr(b, "injuries", None)
    return 0.5 if ia is not None and ia == ib and ia >= 2 else 0.0


def detail_evidence(a: Any, b: Any) -> float:
    """Everything the two reports share beyond the four ACLED dimensions, as one figure."""
    victims = shared_victims(a, b)
    names = min(NAME_CAP, VICTIM_WEIGHT * victims + NAME_WEIGHT * max(0, shared_names(a, b) - victims))
    words = min(WORD_CAP, WORD_WEIGHT * len(shared_words(a, b)))
    return toll_evidence(a, b) + injury_evidence(a, b) + names + words
