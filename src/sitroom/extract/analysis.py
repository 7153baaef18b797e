"""Per-sentence analysis: everything the mention grouping and event building need to know.

Each sentence is read once; the grouping in `pipeline` then decides which sentences speak of
the same incident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sitroom.extract.actors import ActorMention, find_actors
from sitroom.extract.claims import Claim, Source, attributed_actor, find_claim, find_sources
from sitroom.extract.classify import Classification, classify
from sitroom.extract.dates import DateMention, find_dates
from sitroom.extract.numbers import Casualties, find_casualties
from sitroom.extract.segment import Sentence

# A trigger led by a definite determiner refers back to an incident already told:
# "the explosion in Yusufiya", "the Yusufiya attack", "today's attack", "these attacks".
ANAPHORIC_RE = re.compile(r"(?:\b(?:the|this|that|these|those|its|their|such|both|all (?:the |these |three |two )?|today['’]s|yesterday['’]s|sunday['’]s|"
                          r"monday['’]s|tuesday['’]s|wednesday['’]s|thursday['’]s|friday['’]s|saturday['’]s)\s+"
                          r"(?:(?!(?:of|by|for|to|in|on|with|at|from|and|or|that|who|which|had|has|have|was|were|is|are|"
                          r"been|be|being|will|would|said|says)\b)[\w-]+\s+){0,2})$", re.I)
# "Dozens of the dead were children, and the toll was still rising as bodies were recovered": about
# the victims of an act already told
TOLL_TALK_RE = re.compile(r"\b(?:(?:the|its|their) (?:dead|death toll|toll|victims|wounded|casualties)|"
                          # "said 113 bodies had been recovered by Monday": the toll of what was told
                          r"bodies (?:had|have) been (?:recovered|found|retrieved)|"
                          r"(?:those|people|civilians|the \w+) (?:who were )?(?:killed|wounded|injured) (?:at|in) [A-Z]|"
                          r"families of (?:the|those|each of those)|funerals?(?: prayers)? (?:for|of)|"
                          # "We found 43 of them, and some of them had been beheaded"
                          r"(?:some|many|most|all|several|none|\d+) of them)\b", re.I)
PRONOUN_START_RE = re.compile(r"^(?:[“\"]\s*)?(?:it|they|this|these|those|the group|the attack|the attackers|the militants|"
                              r"the group['’]s|he|she)\b", re.I)
BACKGROUND_RE = re.compile(r"\b(?:so far|over the past|in recent (?:days|weeks|months|years)|since (?:19|20)\d\d|a series of|"
                           r"(?:has|have) been (?:the )?(?:scene|site|target) of|(?:repeated|frequent|regular|numerous|"
                           r"countless) (?:\w+ )?(?:attacks|raids|clashes|strikes|bombings|killings)|(?:has|have) been (?:\w+ )?repeatedly|"
                           r"(?:has|have) been (?:attacked|targeted|shelled|hit|struck) (?:repeatedly|several times|again and again|"
                           r"before|in the past|previously)|"
                           r"is meant to|are meant to|continues? to|(?:had|has) (?:repeatedly|frequently|often)|warnings? of|have (?:repeatedly|"
                           r"frequently|often)|campaign(?! (?:rally|rallies|office|offices|event|events|headquarters|staff|trail|team|manager))|the threat of|highlights?|(?:on|marks?|marking|marked) the (?:\w+ )?anniversary|"
                           r"commemorat\w*|remember\w*|"
                           r"in the last \w+ (?:days|weeks|months)|is one of|are part of|is part of|are a part of|"
                           r"is yet to|recent (?:\w+ )?(?:attacks|bombings|strikes|killings|clashes|incidents|violence)|"
                           r"has long|have long|for years|routinely|routine|regularly|typically|usually|ongoing|(?:which|who) carry out|"
                           r"(?:protest|resistance|insurgent) movement|"
                           # a detainee's record, as press releases give it: past deeds, not this incident
                           r"(?:is|are|was|were) (?:\w+ )?(?:believed|thought|suspected|accused|known|said|alleged|reported) to "
                           r"(?:have )?(?:coordinated|organi[sz]ed|planned|facilitated|directed|led|been involved|participated|"
                           r"masterminded|carried out|conducted|supplied|financed|funded|smuggled|built|made|emplaced|transported)|"
                           r"(?:responsible|known) for (?:planning|coordinating|organi[sz]ing|facilitating|directing|conducting|"
                           r"supplying|financing|smuggling|building|making|emplacing|the planning))\b", re.I)
# A war's toll to date: "Fighting over the enclave, which broke out on Sept. 27, has killed more than 1,000 people"
CUMULATIVE_RE = re.compile(r"\b(?:fighting|conflict|war|violence|insurgency|offensive|hostilities|unrest)\b[^;]{0,80}?"
                           r"\b(?:has|have) (?:so far )?(?:killed|left|claimed)\b", re.I)
# The incident is the topic of talk, not the news: "discussed ... the recent attacks", "condemned the bombing".
TOPIC_RE = re.compile(r"\b(?:den(?:ied|ies|y|ying)|discuss(?:ed|es|ing)?|talk(?:ed|s)? about|review(?:ed|s)?|address(?:ed)?|denounc\w*|condemn\w*|"
                      r"(?:appalled|outraged|saddened|shocked|horrified|dismayed) (?:by|at)|"
                      r"deplor\w*|commemorat\w*|mourn\w*|marked the anniversary|sanctions?|accus\w*|allegation\w*|alleged|"
                      r"in response to|responsible for|describes?|described|blam(?:e|es|ed|ing) (?:[\w'’-]+ ){1,3}for|expelled|"
                      r"investigation into|inquiry into|trial (?:of|over)|sentenced|convicted|charg(?:ed|es?) (?:with|of|over)|"
                      r"warrants?|penal code|indict\w*|prosecut\w*|testimony|verdict|lawsuit)\b[^.;:]{0,80}$", re.I)
SEPARATE_RE = re.compile(r"^(?:[“\"]\s*)?(?:separately|in (?:a |another )?separate (?:incident|attack|development|event|case)|"
                         r"in another (?:incident|attack|development)|"
                         r"elsewhere|meanwhile|in a (?:second|further|different) (?:incident|attack)|also on \w+|"
                         r"in (?:a )?(?:related|similar) (?:incident|development)|later(?: on)?(?: that day)?,|"
                         # "Earlier, a suicide bomber drove ..." tells another, earlier act
                         r"earlier(?: (?:that|the same|in the) (?:day|morning|afternoon|evening|week))?,|"
                         # "Hours earlier, on Friday evening, gunmen killed 14 in another village"
                         r"(?:hours|minutes|a day|the day|two days|a week|days) (?:earlier|before),)", re.I)
_TITLE_WORD_RE = re.compile(r"[A-Z][\w'’-]*")


@dataclass(slots=True)
class SentenceAnalysis:
    sentence: Sentence
    classification: Classification | None
    dates: list[DateMention]
    casualties: Casualties
    claim: Claim | None
    sources: list[Source]
    actors: list[ActorMention]
    attributed: ActorMention | None
    anaphoric: bool
    background: bool
    separate: bool
    headline: bool
    location: object | None = None  # sitroom.geo Location, filled lazily for trigger sentences
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def date(self) -> DateMention | None:
        """The sentence's own date: the first expression that resolved, explicit ones first.  When the
        violence is the topic of talk ("imposed sanctions on Friday over the crackdown in late 2019"),
        a date inside that talk belongs to the violence, not the one of the talking."""
        return self.act_date or self._first([d for d in self.dates if d.value is not None])

    @property
    def act_date(self) -> DateMention | None:
        """The sentence's date of the act itself: not the day it was told ("officials said on
        Tuesday", "the ministry on Thursday revised the toll"); a day that names the act ("in
        Sunday's attack") before any other."""
        text = self.sentence.text
        resolved = [d for d in self.dates if d.value is not None and not is_telling_date(text, d)]
        naming = [d for d in resolved if ACT_OF_DAY_RE.match(text, d.end)]
        if naming:
            return naming[0]
        # "near the house of one of yesterday's victims this morning": that day qualifies someone else
        return self._first([d for d in resolved if not POSSESSIVE_RE.match(text, d.end)] or resolved)

    def _first(self, resolved: list[DateMention]) -> DateMention | None:
        topic_at = self.extra.get("topic_at")
        if isinstance(topic_at, int):
            resolved = [d for d in resolved if d.start >= topic_at] or resolved
        explicit = [d for d in resolved if d.explicit]
        return (explicit or resolved or [None])[0]


def analyse(sentence: Sentence, published: date | None, dateline: tuple[int, int] | None = None) -> SentenceAnalysis:
    text = sentence.text
    # offsets of the dateline inside this sentence (it only ever opens the first one)
    skip = (max(0, dateline[0] - sentence.start), dateline[1] - sentence.start) if dateline and \
        dateline[0] < sentence.end and sentence.start < dateline[1] else None
    # "2017 Nasiriyah attacks: An Islamic State attack ...": a title before a colon names the story,
    # so its words neither trigger nor take part in the sentence's own event
    label = LABEL_RE.match(text)
    body = " " * label.end() + text[label.end():] if label and len(text) - label.end() > 20 else text
    actors = find_actors(body)
    classification = None if ANALYSIS_LABEL_RE.match(text) else classify(body, actors)
    if classification is None and label and body is not text and REPORT_BEFORE_COLON_RE.search(text, 0, label.end()):
        # "Yala | Another bomb in Bannang Sata today, near the market: volunteers were hit": a post's
        # line (a label, a day) before the colon is the report itself, not a story's title
        classification = classify(text, actors)
    elif classification is not None and label and body is not text and classification.priority < WEAPON_PRIORITY:
        # "Shelling of Qarayusifli village, Barda district: 4 civilians killed": the label names the
        # weapon of the act whose toll follows
        titled = classify(text, actors)
        if titled is not None and titled.priority >= WEAPON_PRIORITY and titled.start < label.end():
            classification = titled
    trigger_start = classification.start if classification else 0
    topic = TOPIC_RE.search(text, 0, trigger_start) if classification else None
    extra: dict[str, object] = {"topic_at": topic.start()} if topic else {}
    if skip:
        extra["dateline"] = (sentence.start + skip[0], sentence.start + skip[1])
    return SentenceAnalysis(
        sentence=sentence,
        classification=classification,
        dates=_night_into_day([d for d in find_dates(text, published) if skip is None or not (skip[0] <= d.start < skip[1])],
                              text),
        # "June 23, 2019 — Ethiopia's army chief ... was shot dead": no figure of the dateline is a toll
        casualties=find_casualties(" " * skip[1] + text[skip[1]:] if skip else text),
        claim=find_claim(text),
        sources=find_sources(text),
        actors=actors,
        attributed=attributed_actor(text, actors),
        anaphoric=bool(classification) and ((_noun_trigger(text, classification) and bool(ANAPHORIC_RE.search(text, 0, trigger_start)))
                                            or bool(PRONOUN_START_RE.match(text)) or bool(TOLL_TALK_RE.search(text))),
        background=bool(BACKGROUND_RE.search(text)) or topic is not None,
        separate=bool(SEPARATE_RE.match(text)),
        headline=is_headline(sentence),
        extra=extra,
    )


# "the government said on Tuesday", "the toll rose to 100 on Tuesday": the day of the telling, not of
# the act (nor is the start of a span: "operations since 10 February")
NOT_ACT_DATE_RE = re.compile(r"\b(?:since|until|till|said|says|told|announced|reported|confirmed|stated|added|revised|updated|"
                            r"acknowledged|admitted|conceded|denied|disclosed|revealed|"
                            r"(?:rose|risen|climbed|jumped|increased) to (?:at least )?[\w,]+|reached [\w,]+|"
                            # French and Spanish: "a annoncé lundi", "informó el martes"
                            r"(?:a|ont) (?:déclaré|annoncé|indiqué|affirmé|confirmé|précisé|rapporté)|depuis|jusqu['’]à|"
                            r"(?:informó|informaron|dijo|dijeron|declaró|anunció|confirmó|indicó|reportó|desde|hasta)"
                            # "told reporters on Saturday", "told a news conference on Monday"
                            r"|told (?:reporters|journalists|the press|the media|(?:a|the) (?:news|press) (?:conference|briefing))"
                            # "in a statement on Sunday", "Putin, in a televised address on Saturday,"
                            r"|(?:in|during) (?:a|an|his|her|its|their|the) (?:[\w-]+ )?(?:statement|address|speech|interview|"
                            r"briefing|news conference|press conference|communiqu[ée]|post|message|broadcast))\s+"
                            r"(?:on\s+|le\s+|el\s+)?$",
                            re.I)
# "the ministry on Thursday revised the toll", "police on Friday said": the day of the telling, told
# before its verb
TELLING_AFTER_RE = re.compile(r"\s*,?\s*(?:said|says|told|announced|reported|confirmed|stated|added|revised|updated|"
                              r"raised|lowered|put|gave|released|issued|acknowledged|admitted|denied|published)\b"
                              # "hours before polls opened in Sunday's presidential election": the day of
                              # another occasion the act is timed by, not the act's
                              r"|['’]s\s+(?:[\w-]+\s+){0,2}?(?:elections?|vote|polls|run-?off|referendum|summit|talks|"
                              r"match|deadline|inauguration|parade|festival|holiday)\b", re.I)
# "Sunday's attack", "Wednesday's twin bombing": a day that names the act it dates
ACT_OF_DAY_RE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|blasts?|explosions?|strikes?|airstrikes?|"
                           r"massacres?|shootings?|assaults?|raids?|ambush(?:es)?|killings?|violence|clashes|fighting)\b",
                           re.I)


POSSESSIVE_RE = re.compile(r"['’]s\b")
WEAPON_PRIORITY = 70  # rules from Grenade up name the weapon, which decides the sub-type
REPORT_BEFORE_COLON_RE = re.compile(r"\s[—–|]\s|\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening)|last night|"
                                    r"hier|aujourd['’]hui|ce matin|cette nuit|ayer|anoche|hoy|esta (?:mañana|tarde|noche))\b",
                                    re.I)


def is_telling_date(text: str, d: DateMention) -> bool:
    """`d` dates the telling, not the act: "said on Tuesday", "the toll rose to 100 on Tuesday",
    "the government on Thursday said"."""
    return bool(NOT_ACT_DATE_RE.search(text, max(0, d.start - 40), d.start) or TELLING_AFTER_RE.match(text, d.end))


# "overnight and early on Monday", "overnight into Tuesday": a night told with the day it ran into
NIGHT_RE = re.compile(r"(?:overnight|last night|cette nuit|la nuit dernière|anoche)$", re.I)
INTO_DAY_RE = re.compile(r"\s+(?:and|into|until|to|et|y)\s+(?:early\s+|the\s+early\s+hours\s+of\s+)?$", re.I)


def _night_into_day(dates: list[DateMention], text: str) -> list[DateMention]:
    """A night joined to a named day is dated by that day, the one it ran into (ACLED codes the
    day the violence is reported for), not by the evening before that "overnight" alone would mean."""
    out = []
    for i, d in enumerate(dates):
        following = dates[i + 1] if i + 1 < len(dates) else None
        if following is not None and following.value is not None and NIGHT_RE.search(d.text) and \
                INTO_DAY_RE.fullmatch(text, d.end, following.start):
            continue
        out.append(d)
    return out


# A sitrep's own analysis ("Assessment: factions are likely to keep testing ...") reports no incident.
_ANALYSIS_WORDS = (r"(?:assessment|outlook|forecast|analysis|comment(?:ary)?|background|context|analyst(?:'s)? note|note|"
                   r"trends?|implications?|overview|looking ahead|the (?:week|month) ahead|what to watch|prospects)")
# "Summary: 2 IED attacks, both in ...": a roll-up of the incidents listed below, as one line
ANALYSIS_LABEL_RE = re.compile(rf"\s*(?:[-*•]\s*)?(?:{_ANALYSIS_WORDS}|summary|in brief)\s*[:—–-]\s", re.I)
# A section heading over a review's own commentary: "Overview", "4. ASSESSMENT" (not "Key developments",
# "Summary" or "Highlights", which head the incidents themselves as often as not)
# ("OUTLOOK (20-26 February)": with the period it covers)
ANALYSIS_HEADING_RE = re.compile(rf"\s*(?:\d+\.\s*)?{_ANALYSIS_WORDS}\s*(?:\([^)]{{0,40}}\)\s*)?:?\s*", re.I)
# ... and headings whose prose sums the incidents up while their bullets list them ("Summary",
# "Key developments:" over "- 4 Apr, Idlib: ...")
SUMMARY_HEADING_RE = re.compile(r"\s*(?:\d+\.\s*)?(?:(?:weekly |executive |situation )?summary|highlights|headlines|top stories|"
                                r"key (?:points|developments|takeaways)|at a glance|in brief)\s*:?\s*", re.I)
LABEL_RE = re.compile(r"^(?:(?!\b(?:said|says|told|was|were|is|are|has|have|had|added|stated|reported|announced)\b)"
                      r"[^:.;\"“”]){3,80}:(?=\s*[A-Z0-9\"“])")
VERB_TRIGGER_RE = re.compile(r"(?:was|were|been|had|has|have|is|are)\b|\w+ed\b", re.I)


def _noun_trigger(text: str, classification: Classification) -> bool:
    """"the Yusufiya attack" refers back; "the PKK were found dead" does not: only a noun can."""
    return not VERB_TRIGGER_RE.match(text, classification.start)


_FIELD_LABEL_RE = re.compile(r"(?:published|posted|updated|date|dated|source|by|from|to|subject|ref)\b\s*:", re.I)
HEADING_RE = re.compile(r"[A-Z][\w'’.,()/ -]{1,48}:")


def is_heading(a: SentenceAnalysis) -> bool:
    """A short line that names a section: "Diyala:", "Mali, Mopti region:", "Security incidents (26 August)"."""
    text = a.sentence.text.strip()
    if a.classification is not None or a.sentence.bullet or _FIELD_LABEL_RE.match(text):
        return False
    return bool(HEADING_RE.fullmatch(text)) or (a.sentence.first_in_block and "\n" not in text and len(text) <= 60
                                                 and text[-1:] not in ".!?\"”" and bool(_TITLE_WORD_RE.match(text)))


def is_date_line(text: str) -> bool:
    """A line that is only a day: "Thursday 7 January", "23/05", "Monday, 12 March 2024:"."""
    found = find_dates(text, None)
    if not found:
        return False
    rest = text
    for d in found:
        rest = rest.replace(d.text, " ")
    return not re.search(r"[^\W\d_]", rest.replace("on", "").replace("On", ""))


def is_headline(sentence: Sentence) -> bool:
    """A title line: one sentence on its own line, no closing stop, mostly capitalised words -- or,
    opening the document, in sentence case as most sites write titles ("Tanker bomb kills dozens
    in Afrin market")."""
    text = sentence.text
    if sentence.bullet or not sentence.first_in_block or text[-1:] in ".!?\"”" or len(text) > 160:
        return False
    if is_date_line(text):
        return False  # "Thursday 7 January" over a sitrep's bullets heads them; it is no title
    words = text.split()
    if len(words) < 3:
        return False
    if sentence.block == 0 and "\n" not in text:
        return True
    capitalised = sum(1 for w in words if _TITLE_WORD_RE.match(w))
    return capitalised / len(words) >= 0.6
