"""Claims of responsibility and the chain of sources behind a report.

A claim ("X claimed responsibility") is kept apart from an attribution ("blamed on X",
"X is suspected"): both name a perpetrator, only the first is a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.extract.actors import ActorMention, find_actors

# A proper name as reports write them: "Saryat Qasim al-Jabbarin", "al-Ain TV", "Sabereen News".
NAME = (r"(?:(?:al|el|ad|ar|as|at|an|az|ash)[-‑ ])?[A-Z](?:[\w'’&-]|\.(?=\w))*"
        r"(?:\s+(?:(?:al|el|ad|ar|as|at|an|az|ash|bin|ibn|of|the|de|wal|fi|wa|li|and the|in)[-‑ ]?\s*)?(?:[A-Z](?:[\w'’&-]|\.(?=\w))*|TV))*")
CLAIM_RE = re.compile(
    r"(?P<who>" + NAME + r")(?:\s+(?:group|organi[sz]ation|militants|fighters|movement|militia|network|brigades?|battalions?|front))?"
    r"(?:,[^,]{3,80},)?\s+(?:(?:has|have|had|later|quickly|reportedly|both|also|jointly|separately|first|initially|"
    r"allegedly|purportedly|officially|swiftly|subsequently)\s+)*"
    r"(?:claimed|claims|claim|took|takes|take|accepted|announced|announces|announce|declared|declares|assumed|bears?)\s+"
    r"(?:\w+\s+)?(?:responsibility|credit|"
    # "claimed the attack", "claimed the twin suicide bombings", "claimed Friday's assault"
    r"(?:the|both|these|those|this|that|\w+'s)\s+(?:[\w-]+\s+){0,3}?(?:attacks?|bombings?|operations?|killings?|"
    r"strikes?|shootings?|ambush(?:es)?|assaults?|blasts?|explosions?|raids?|massacres?|targeting)\b|"
    r"targeting|it\b|(?:blowing up|attacking|bombing|shelling|striking|downing|killing|hitting)\b)"
    # "X said (on Thursday, through its Amaq outlet,) that its militants had carried out ..."
    r"|(?P<who2>" + NAME + r")(?:\s+group)?(?:\s*\([A-Z][A-Za-z-]{1,9}\))?(?:,[^,]{3,80},|,)?\s+(?:said|says|announced|announces|stated|declared)\b"
    r"[^.;]{0,80}?\s(?:that\s+)?(?:it|(?:one|two|three|some) of its\s+(?:[\w-]+\s+)?\w+|its\s+(?:[\w-]+\s+)?(?:fighters|"
    r"militants|members|men|soldiers|units|operatives|bombers?|attackers?))\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:carried out|was behind|were behind|conducted|launched|staged|executed|perpetrated|"
    r"blew (?:himself|herself|themselves) up|detonated|struck|attacked|targeted|stormed|sent|dispatched)",
)
CLAIMED_BY_RE = re.compile(r"\bclaimed\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?(?P<who>" + NAME + ")")
NO_CLAIM_RE = re.compile(r"\b(?:no|none|nobody|no one|not yet|yet to)\b[^.]{0,30}\bclaim", re.I)
# Attribution cues, split by where the blamed group stands: "police blamed ISIS" / "blamed on ISIS"
# name it after the cue; "ISIS is suspected" / "militants were behind the attacks" before it.
BLAMED_AFTER_RE = re.compile(
    r"\b(?:blamed (?:it |the \w+ )?on|attributed to|accus(?:ed|es|ing)|blam(?:es|ed|ing)|carried out by|the work of|"
    r"suspect(?:s|ed)?|(?:likely|probable|suspected) perpetrators? (?:is|are|was|were|being)|pointed the finger at)\b",
    re.I,
)
BLAMED_BEFORE_RE = re.compile(
    r"\b(?:suspected (?:of|for|in)|(?:is|are|was|were) (?:the |a )?(?:most )?(?:likely|probable|suspected|main|prime) "
    r"(?:perpetrators?|culprits?|suspects?)|(?:is|are|was|were) (?:\w+ ){0,2}(?:suspected|blamed|accused)|believed to be behind|"
    r"(?:thought|believed|said|alleged) to (?:be|have been) (?:behind|responsible)|held responsible|"
    r"(?:is|are|was|were|(?:could|may|might|must) (?:have )?be(?:en)?) (?:\w+ ){0,4}?behind (?:the|this|these|those|such|"
    r"similar|it)\b|"
    r"responsible for (?:the|this|these|those|such|similar|most) (?:\w+ )?(?:attacks?|bombings?|killings?|incidents?|"
    r"operations?))",
    re.I,
)
SAYS = r"(?:said|says|reported|reports|announced|stated|confirmed|claimed|added|told|tweeted|posted|wrote|cited)"
TOLD_RE = re.compile(r"(?P<src>(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:source|sources|official|officials|spokesman|spokesperson|"
                     r"officer|commander|witness|witnesses|police|security forces|ministry|" + NAME + r"))\s+(?:\w+\s+)?told\s+"
                     r"(?:the\s+)?(?:[\w-]+-based\s+)?(?P<outlet>" + NAME + ")")
ACCORDING_RE = re.compile(r"\baccording to\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+-based\s+)?(?P<src>(?:[a-z]+\s+){0,3}?(?:" + NAME +
                          r")|(?:[a-z]+\s+){0,3}(?:sources?|officials?|police|witnesses|residents))")
SAID_RE = re.compile(r"(?:^|,\s*|\.\s+|“|\"\s*)(?:the\s+|The\s+)?(?:[\w-]+-based\s+)?(?P<src>" + NAME + r")(?:,[^,]{3,90},)?\s+" + SAYS + r"\b")
CHANNEL_HINT_RE = re.compile(r"telegram|channel|news agency|agency|website|statement|amaq|twitter|facebook", re.I)
_NOT_SOURCES = {"No", "None", "Nobody", "Neither", "The", "It", "He", "She", "They", "This", "That", "There", "Today", "On", "In", "According",
                "However", "Nevertheless", "Meanwhile", "Earlier", "Later", "Today’s", "Today's"}


@dataclass(frozen=True, slots=True)
class Claim:
    claimant: str  # raw name as written
    start: int
    end: int
    channel: str | None
    channel_start: int | None = None
    channel_end: int | None = None


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    start: int
    end: int


def find_claim(sentence: str) -> Claim | None:
    if NO_CLAIM_RE.search(sentence):
        return None
    m = CLAIM_RE.search(sentence) or CLAIMED_BY_RE.search(sentence)
    if not m:
        return None
    group = "who" if m.groupdict().get("who") else "who2"
    who = m.group(group).strip(" ,.")
    at = m.start(group)
    article = re.match(r"(?:The|A|An)\s+", who)
    if article:  # "The Islamic State group said ...": the article is not part of the name
        who, at = who[article.end():], at + article.end()
    if not who or (who.split()[0] in _NOT_SOURCES and len(who.split()) == 1) or _only_demonym(who):
        return None
    channel = _channel_after(sentence, m.end())
    if channel is None:
        for src in find_sources(sentence):
            if src.name != who and who not in src.name and src.start < at:
                channel = src
    if channel:
        return Claim(who, at, at + len(who), channel.name, channel.start, channel.end)
    return Claim(who, at, at + len(who), None)


# "in a statement shared by Sabereen News", "through its Amaq outlet": where the claim was made
CHANNEL_AFTER_RE = re.compile(r"\b(?:(?:shared|published|posted|carried|released|issued|circulated|broadcast)\s+(?:by|on|via|through)|"
                              r"(?:through|via|on|in)\s+(?:its|their)(?=\s+" + NAME + r"\s+(?:outlet|channel|agency|news agency|"
                              r"website|account|media)))\s+(?:the\s+)?(?P<name>" + NAME + ")")
_DEMONYM_ONLY_RE = re.compile(r"(?:[A-Z][a-z]+(?:i|ian|ish|ese|an))", re.I)


def _only_demonym(who: str) -> bool:
    """"Iraqi claimed ..." is a clipped phrase, no claimant; "Taliban" only looks like a demonym."""
    return _DEMONYM_ONLY_RE.fullmatch(who) is not None and not any(
        not a.generic and a.start == 0 and a.end == len(who) for a in find_actors(who))


def _channel_after(sentence: str, claim_end: int) -> Source | None:
    m = CHANNEL_AFTER_RE.search(sentence, max(0, claim_end - 120), min(len(sentence), claim_end + 120))
    if m is None:
        return None
    name = m.group("name").rstrip(".")  # a name that ends the sentence keeps no full stop
    return Source(name, m.start("name"), m.start("name") + len(name))


def is_attribution(sentence: str) -> bool:
    return bool(BLAMED_AFTER_RE.search(sentence) or BLAMED_BEFORE_RE.search(sentence))


def attributed_actor(sentence: str, actors: list[ActorMention]) -> ActorMention | None:
    """The actor named as suspected or blamed, if the sentence attributes rather than claims.
    The accuser is not the accused: "The SDF accused the Islamic State" blames the Islamic State."""
    nonstate = [a for a in actors if a.actor_type not in ("Civilians", "State forces")]
    if not nonstate:
        return None
    for m in BLAMED_BEFORE_RE.finditer(sentence):
        before = [a for a in nonstate if a.end <= m.start() and m.start() - a.end <= 80]
        if before:
            return before[-1]
    for m in BLAMED_AFTER_RE.finditer(sentence):
        after = [a for a in nonstate if a.start >= m.end() and a.start - m.end() <= 60]
        if after:
            return after[0]
    return None


_SOURCE_WORD_RE = re.compile(r"\b(?:told|according|" + SAYS + r")\b", re.I)


def find_sources(sentence: str) -> list[Source]:
    """Who said it: "a security source told al-Ain TV", "according to police", "Reuters reported"."""
    found: list[Source] = []
    if not _SOURCE_WORD_RE.search(sentence):
        return found  # the name patterns are costly; most sentences cite nobody
    for m in TOLD_RE.finditer(sentence):
        _add(found, m, "src")
        _add(found, m, "outlet")
    for regex in (ACCORDING_RE, SAID_RE):
        for m in regex.finditer(sentence):
            _add(found, m, "src")
    found.sort(key=lambda s: s.start)
    return found


def _add(found: list[Source], m: re.Match[str], group: str) -> None:
    raw = m.group(group)
    name = re.sub(r"^(?:an?|the|The)\s+", "", raw.strip(" ,.“”\"")).strip()
    name = re.sub(r"[’']s$", "", name)
    name = re.sub(r"\s+(?:said|says|reported|told)$", "", name)
    if not name or name in _NOT_SOURCES or len(name) < 3:
        return
    start = m.start(group) + raw.find(name.split()[0])
    if any(s.name == name or (s.start <= start < s.end) for s in found):
        return
    found.append(Source(name, start, start + len(name)))
