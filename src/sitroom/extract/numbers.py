"""Killed and injured counts from a sentence, following ACLED's counting conventions.

Digits and number words both count; vague amounts take ACLED's values ("dozens" = 12,
"tens" = 10, "hundreds" = 100); "at least N" is N; a range "two to four" is its lower bound;
"no casualties" / "no human losses" is 0.  Quantities joined by "and" ("a policeman and two
civilians were killed") add up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.codebook.loader import dispatched, split_alternatives

UNITS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "dozen": 12, "dozens": 12, "dozens of": 12, "tens of": 10, "scores of": 12, "hundreds": 100,
    "hundreds of": 100, "a couple of": 2, "couple of": 2, "both": 2, "twin": 2,
    # French and Spanish ("sept", "seize", "once" and "cent" are left out: "Sept 12", "militants seize", "once again")
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    "treize": 13, "quatorze": 14, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "cien": 100,
    # "une dizaine" is "about ten" (10), "une vingtaine" about 20; the plurals are vague amounts, coded as
    # ACLED codes "dozens" (12) and "hundreds" (100), and the merge reads them as floors (merge.details.is_vague)
    "une dizaine": 10, "une dizaine de": 10, "des dizaines de": 12, "dizaines de": 12, "une douzaine": 12,
    "une douzaine de": 12, "une vingtaine": 20, "une vingtaine de": 20, "une trentaine": 30, "une trentaine de": 30,
    "une quarantaine de": 40, "une cinquantaine": 50, "une cinquantaine de": 50, "une centaine": 100,
    "une centaine de": 100, "des centaines de": 100,
    "una decena": 10, "una decena de": 10, "decenas de": 12, "una docena": 12, "una docena de": 12,
    "una veintena": 20, "una veintena de": 20, "una treintena de": 30, "un centenar": 100, "un centenar de": 100,
    "centenares de": 100, "cientos de": 100,
}
# "veintidós", "veinticinco": Spanish writes 21-29 as one word
UNITS.update({f"veinti{u}": 20 + v for u, v in (("uno", 1), ("ún", 1), ("dós", 2), ("dos", 2), ("trés", 3), ("tres", 3),
                                                  ("cuatro", 4), ("cinco", 5), ("séis", 6), ("seis", 6), ("siete", 7),
                                                  ("ocho", 8), ("nueve", 9))})
_WORD_NUMBER = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
                r"seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                r"one|two|three|four|five|six|seven|eight|nine|ten|hundred")
_VAGUE = r"a dozen|dozens of|dozens|tens of|scores of|hundreds of|hundreds|a couple of"
_WORD_NUMBER_FR_ES = (r"(?:vingt|trente|quarante|cinquante|soixante)(?:[- ](?:et[- ])?(?:un|deux|trois|quatre|cinq|six|sept|huit|"
                      r"neuf))?|deux|trois|quatre|cinq|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
                      r"(?:treinta|cuarenta|cincuenta|sesenta)(?: y (?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?|"
                      r"veinti(?:uno|ún|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)|"
                      r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|trece|catorce|quince|veinte|cien")
_VAGUE_FR_ES = (r"une (?:dizaine|douzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine)(?: de)?|des (?:dizaines|centaines) de|"
                r"dizaines de|una (?:decena|docena|veintena|treintena)(?: de)?|un centenar(?: de)?|decenas de|centenares de|cientos de")
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER}|{_VAGUE}|{_VAGUE_FR_ES}|{_WORD_NUMBER_FR_ES})"
# Words that qualify a count without changing it: "at least 12", "close to 200".
_ABOUT = (r"(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|close to|roughly|approximately|"
          r"an estimated|estimated|upwards of|just over|just under|fewer than|less than|at most|"
          r"au moins|plus de|près de|environ|quelque|al menos|más de|cerca de|unos|unas|alrededor de|por lo menos)")
# A quantity: optional hedge, the number, an optional range upper bound.
QUANTITY_RE = re.compile(
    rf"\b(?:at least |more than |over |nearly |almost |about |around |some |up to |as many as |roughly )?"
    rf"(?P<n>{NUMBER})(?:\s*(?:-|–|to|or)\s*(?:{NUMBER}))?\b",
    re.I,
)
# An article-led single victim: "a policeman", "an Iraqi soldier".
# One victim: "a policeman", "an Iraqi soldier", and a definite one: "the director", "his son".
SINGLE_RE = re.compile(r"\b(?:(?:a|an|one)\s+(?:[a-z'-]+\s+){0,2}?(?:[a-z]+(?:man|er|ier|ist|ian|ant|ent|or|ee)|"
                       r"child|boy|girl|woman|person|member|officer|soldier|civilian|fighter|guard|contractor|"
                       r"commander|leader|policeman|shepherd|farmer|student|worker|journalist|resident|pilgrim)|"
                       r"(?:the|his|her|their|its)\s+(?:[a-z'-]+\s+){0,2}?(?:son|daughter|brother|sister|father|mother|wife|"
                       r"husband|nephew|niece|cousin|uncle|grandson|imam|sheikh|cleric|mayor|governor|judge|director|"
                       r"chief|colonel|captain|general|official|bodyguard|driver|owner|translator|interpreter|editor|"
                       r"policeman|soldier|officer|commander|leader|journalist|teacher|doctor|engineer|lawyer)|"
                       # French and Spanish, lower-case articles only: "UN" is the United Nations, never one
                       r"(?-i:[Uu]ne?|[Uu]n[oa])\s+(?:[\w'’-]+\s+){0,1}?(?:soldat|militaire|policier|gendarme|civil|casque bleu|"
                       r"enfant|femme|homme|berger|commerçant|chef|élève|enseignant|journaliste|chauffeur|orpailleur|"
                       r"soldado|militar|policía|civil|niño|niña|mujer|hombre|menor|líder|lideresa|comerciante|campesino|"
                       r"agente|joven|indígena|periodista|conductor|mort|morte|blessé|blessée|muerto|muerta|herido|herida))\b",
                       re.I)

KILLED = (r"(?:burned|burnt|stoned|beaten|hacked|stabbed|starved) to death|slaughter(?:ed|ing|s)?|killed|killing|kills|kill|massacred|massacring|massacres|massacre|murdered|murdering|dead|died|die|dies|slain|perished|lost (?:their|his|her) lives|lost their lives|"
          r"(?:claimed|took|cost) the lives of|lives of|fatalities|deaths? of|deaths|death toll|bodies|executed|executing|executes|execute|beheaded|beheading|crucified|crucifying|"
          r"shot dead|gunned down|left dead|lifeless|martyred|martyrs|casualties dead|KIA|"
          r"(?:burned|burnt|boiled|stoned|beaten|hacked|stabbed|tortured|starved|drowned)(?= (?:[\w-]+ ){0,4}?to death)|"
          r"buried(?= (?:[\w-]+ ){0,3}?alive)|"
          # French and Spanish
          r"tués|tuées|tuée|tué|tuant|morts|mortes|mort|décédés|décédées|décès|(?:ont |a )?péri|(?:ont |a )?perdu la vie|"
          r"victimes? mortelles|abattus|abattues|abattue|abattu|massacrés|massacrées|massacrée|massacré|exécutés|exécutées|exécutée|exécuté|"
          r"égorgés|égorgées|égorgé|"
          r"muertos|muertas|muerto|muerta|murieron|murió|fallecidos|fallecidas|fallecieron|falleció|asesinados|asesinadas|"
          r"asesinado|asesinada|asesinaron|asesinó|mataron|mató|(?:perdieron|perdió) la vida|ejecutados|ejecutadas|"
          r"abatidos|decesos|víctimas mortales|masacrados|occisos|"
          # Ukrainian and Russian: "5 загиблих", "погибли 3 человека", "вбито двох"
          r"загиблих|загиблі|загинули|загинув|загинула|загинуло|вбито|вбили|погибших|погибли|погиб|погибла|убитых|убиты|убито")
INJURED = (r"(?:the )?(?:wounding|injuring) of|injured|injuring|injures|injure|wounded|wounding|wounds|wound|hurt|injur(?:y|ies) of|injuries|hospitali[sz]ed|maimed|WIA|"
           r"blessés|blessées|blessée|blessé|blessant|hospitalisés|heridos|heridas|herido|herida|hirieron|hirió|"
           r"lesionados|lesionadas|lesionado|lesionada|"
           r"поранених|поранені|поранено|поранений|постраждалих|постраждали|раненых|ранены|ранено|пострадавших|пострадали")
# A named person right after an active verb: "killed Abu Yasir al-Issawi" (not "killed in Baghdad").
NAMED_VICTIM_RE = re.compile(r"\s+(?:(?:[A-Z][a-z]+\.?\s+){0,2})(?:[A-Z][\w'’-]+)(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][\w'’-]+){1,3}")
# (dispatched by first letter: the same matches as the plain alternation, found faster)
KILLED_RE = re.compile(rf"\b(?:{dispatched(split_alternatives(KILLED))})\b", re.I)
INJURED_RE = re.compile(rf"\b(?:{dispatched(split_alternatives(INJURED))})\b", re.I)
_HARM = r"(?:killed|hurt|injured|wounded|harmed)"
ZERO_RE = re.compile(
    rf"\b(?:no (?:human )?(?:casualties|losses|human losses|fatalities|deaths|injuries)|"
    r"without (?:causing )?(?:any )?(?:casualties|injuries|loss of life)|"
    rf"(?:nobody|no-one|no one|none|no (?:people|person|soldiers?|civilians?))(?: (?:else|of them|of the \w+))? "
    rf"(?:was |were |had been |has been |have been )?(?:reported )?{_HARM}(?:,? (?:or|and|nor) {_HARM})?|"
    r"no reports? of (?:casualties|injuries)|caused no (?:casualties|injuries)|did not cause (?:any )?casualties|"
    # French and Spanish: "aucune victime", "sans faire de blessés", "no hubo heridos", "sin víctimas"
    r"(?:aucune?|pas de|sans faire de|sans faire|sans) (?:victimes?|blessés?|morts?|pertes(?: en vies humaines)?)|"
    r"(?:sin|no (?:hubo|se reportaron|se registraron|dejó|dejaron)|ningún|ninguna) (?:víctimas?|heridos?|muertos?|lesionados?))\b",
    re.I,
)
# "no one was injured": the "one" there is no count
_NO_ONE_RE = re.compile(r"\bno[ -]one\b", re.I)
# Words that may stand between a number and the casualty verb without breaking the link.
_GAP = r"(?:[\w'’-]+\s+){0,6}?"
CLAUSE_BREAK_RE = re.compile(r"[;:]|\b(?:while|but|after|before|when|because|whereas|mais|alors que|lorsque|pero|mientras|cuando)\b",
                             re.I)


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    start: int  # evidence span within the sentence
    end: int


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: Count | None
    injured: Count | None


def parse_number(token: str) -> int | None:
    token = token.lower().strip().replace(",", "")
    token = re.sub(r"[- ](?:et|y)[- ]", " ", token)  # "vingt et un", "treinta y dos"
    if token.isdigit():
        return int(token)
    if token in UNITS:
        return UNITS[token]
    parts = re.split(r"[- ]", token)
    if len(parts) == 2 and parts[0] in UNITS and (parts[1] in UNITS or parts[1] in ("un", "uno")):
        return UNITS[parts[0]] + UNITS.get(parts[1], 1)
    return None


_FIGURE_IN_BRACKETS_RE = re.compile(r"(?<=[a-z])\s*\(\d{1,4}\)", re.I)


def find_casualties(sentence: str) -> Casualties:
    zero = ZERO_RE.search(sentence)
    counted = _NO_ONE_RE.sub("nobody", sentence)  # same length, so spans still point into `sentence`
    # "five (05) members ... and two (02) drivers": an official style that repeats the figure in brackets
    counted = _FIGURE_IN_BRACKETS_RE.sub(lambda m: " " * len(m.group()), counted)
    other = other_incident_spans(counted)
    killed = _toll(counted) or _count_for(counted, KILLED_RE, other)
    injured = _count_for(counted, INJURED_RE, other)
    if zero:
        nil = Count(0, zero.start(), zero.end())
        phrase = zero.group(0).lower()
        # "nobody was hurt" rules out deaths too; "no one was killed" says nothing of the wounded
        only_wounded = re.search(r"injur|wound|bless|herid|lesion", phrase) and not re.search(r"killed|deaths|fatalities|loss of life|casualt|victim|víctim|"
                                                                              r"losses|hurt|harmed", phrase)
        only_dead = not re.search(r"injur|wound|hurt|harmed|casualt|losses|victim|víctim|bless|herid|lesion|pertes", phrase)
        if not only_wounded and _overridden(killed, zero):
            killed = nil
        if not only_dead and _overridden(injured, zero):
            injured = nil
    return Casualties(killed, injured)


def _overridden(count: Count | None, zero: re.Match[str]) -> bool:
    """A zero phrase stands unless another figure was given; a figure whose span swallows the
    phrase ("Two killed, no one was injured" read as two injured) was misread across it."""
    return count is None or count.start <= zero.start() < count.end


# "the death toll has reached 358", "the toll rose to 32": a revised total, not a new count
TOLL_RE = re.compile(rf"\b(?:(?:death )?toll|number of (?:people |those |victims |civilians )?(?:killed|dead))\b[^.;]{{0,130}}?\b(?:rose|risen|climbed|reached|stands at|stood at|increased|jumped|"
                     rf"hit|was raised|has been raised|now stands at|(?:is|was|now)(?:\s+now)?(?:\s+at)?)\s+(?:to\s+)?(?:{_ABOUT}\s+)?"
                     rf"(?P<n>{NUMBER})\b(?!\s*(?:times|percent|per cent|%))"
                     # "the government put the death toll at 141", "officials gave the toll as 60"
                     rf"|\b(?:put|puts|putting|placed|places|gave|gives|set|sets|revised)\s+the\s+(?:(?:death|final|official|provisional) )?"
                     rf"toll\s+(?:\w+\s+){{0,5}}?(?:at|as|to)\s+(?:{_ABOUT}\s+)?(?P<m>{NUMBER})\b", re.I)


def _toll(sentence: str) -> Count | None:
    m = TOLL_RE.search(sentence)
    value = parse_number(m["n"] or m["m"]) if m else None
    return Count(value, m.start(), m.end()) if m and value is not None else None


# "..., a day after another bomb in the same district killed two rangers": the rest of the sentence
# tells another incident, whose toll is not this one's
OTHER_INCIDENT_RE = re.compile(r"\b(?:(?:(?:a|an|one|two|three|four|five|six|\d+) )?(?:day|days|week|weeks|hours?|months?|years?) "
                               r"(?:after|before)|"
                               r"(?:after|following|like|unlike|similar to) (?:another|an earlier|a previous|a similar|"
                               r"last (?:week|month|year)['’]s)|"
                               # "..., the second night of bloodshed after an assault on the town itself killed 49"
                               r"(?:after|following) (?:an?|the) (?:[\w-]+ ){0,2}(?:assault|attack|bombing|raid|ambush|blast|"
                               r"explosion|massacre|strike)\b(?=[^.;,]*\bkill(?:ed|ing)\b))\b[^.;]*", re.I)


_PARTITIVE_RE = re.compile(r"\b(?:of|among) the\s+$", re.I)


def other_incident_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence tells another incident than its own (its toll, its place are that one's)."""
    return [_other_incident_span(sentence, m) for m in OTHER_INCIDENT_RE.finditer(sentence)]


def _other_incident_span(sentence: str, m: re.Match[str]) -> tuple[int, int]:
    """The clause about another incident: to the sentence's end, or, fronted ("Two days after a car
    bomb killed 12, gunmen ..."), to its comma."""
    if sentence[:m.start()].strip():
        return m.span()
    comma = sentence.find(",", m.start(), m.end())
    return (m.start(), comma if comma >= 0 else m.end())


def _count_for(sentence: str, verb_re: re.Pattern[str], other: list[tuple[int, int]]) -> Count | None:
    """Sum of the quantities attached to each casualty word (largest reading across mentions),
    leaving out those of another incident the sentence recalls (`other`, its spans)."""
    best: Count | None = None
    for verb in verb_re.finditer(sentence):
        if any(start <= verb.start() < end for start, end in other) or _PARTITIVE_RE.search(sentence, 0, verb.start()):
            continue  # "30 of the dead were British": a share of a toll given already
        count = _after(sentence, verb) or _before(sentence, verb)
        if count and (best is None or count.value > best.value):
            best = count
    return best


def _after(sentence: str, verb: re.Match[str]) -> Count | None:
    """Active voice: "killing at least 32 people", "killed 76 and injured 123 others"."""
    tail = sentence[verb.end():verb.end() + 60]
    if _PERSONAL_A_VERB_RE.fullmatch(verb.group(0)) and (a := _PERSONAL_A_RE.match(tail)):
        tail = " " * a.end() + tail[a.end():]  # "asesinaron a tres campesinos": Spanish marks a person object with "a"
    m = _COUNT_AFTER_RE.match(tail)
    if not m:
        # "killed a foreign contractor", "killed Abu Yasir al-Issawi": one victim
        single = SINGLE_RE.match(tail, len(tail) - len(tail.lstrip())) or NAMED_VICTIM_RE.match(tail)
        if single and verb.group(0).lower() not in ("dead", "deaths", "death toll", "fatalities", "injuries", "wounds"):
            return Count(1, verb.start(), verb.end() + single.end())
        return None
    value = parse_number(m["n"])
    if value is None:
        return None
    end = m.end()
    # "killed five soldiers and three civilians", "the deaths of a policeman and a member of ...": one list
    for more in _LIST_TAIL_RE.finditer(tail, end):
        if more.start() != end:
            break
        extra = _quantities(more.group("np"))
        if not extra or extra[0][1] != 0 or _NEW_CLAUSE_RE.search(more.group("np")) or _NEW_CLAUSE_RE.match(tail, more.end()) \
                or _SPAN_OF_TIME_RE.match(more.group("np")):  # "killed three soldiers, a week after ..."
            break  # "killed 15 people and 50 others were injured": the next conjunct has its own verb
        value += extra[0][0]
        end = more.end()
    return Count(value, verb.start(), verb.end() + end)


_PERSONAL_A_VERB_RE = re.compile(r"asesinaron|asesinó|mataron|mató|hirieron|hirió|ejecutaron", re.I)
_PERSONAL_A_RE = re.compile(r"(?:\s+[^\W\d]+){0,3}?\s+a(?=\s)", re.I)  # "asesinaron el martes a cuatro"
_SPAN_OF_TIME_RE = re.compile(r"\S+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|times?)\b", re.I)
_NEW_CLAUSE_RE = re.compile(r"(?:^|\s)(?:\w+\s+)?(?:who\s+|that\s+)?(?:were|was|are|is|have|has|had|got)\b", re.I)
_LIST_TAIL_RE = re.compile(r"(?:\s+[\w'’-]+){0,4}?(?:,\s*|\s+and\s+)(?P<np>(?:a|an|one|\d+|[a-z]+(?:-[a-z]+)?)\s+[\w'’-]+(?:\s+[\w'’-]+)?)",
                           re.I)


def _before(sentence: str, verb: re.Match[str]) -> Count | None:
    """Passive or nominal: "32 people were killed", "a policeman and two civilians were killed", "5 dead"."""
    head_start = max(0, verb.start() - 160)
    head = sentence[head_start:verb.start()]
    breaks = list(CLAUSE_BREAK_RE.finditer(head))
    if breaks:
        cut = breaks[-1].end()
        head, head_start = head[cut:], head_start + cut
    # "five people, including two children, were killed": the aside does not carry the count
    head = INCLUDING_RE.sub(lambda m: " " * len(m.group(0)), head)
    quantities = _quantities(head)
    if not quantities and (one := _ONE_BEFORE_RE.search(head)):
        return Count(1, head_start + one.start(), verb.end())
    if not quantities:
        return None
    nearest = quantities[-1]
    if len(head[nearest[2]:].split()) > 12:
        return None
    chosen = [nearest]
    for q in reversed(quantities[:-1]):
        if _ANOTHER_END_RE.search(head, 0, chosen[-1][1]) or _CASUALTY_OBJECT_RE.search(head, 0, q[1]):
            # "killed 15 people and 50 others were injured", "2 dead and another 9 injured": two tallies
            break
        between = head[q[2]:chosen[-1][1]]
        # a list is only a list if its last link is "and": "a policeman, a soldier and two civilians"
        joiner = r"\band\b" if len(chosen) == 1 else r",|\band\b"
        if len(between) > 45 or not re.search(joiner, between) or _HAS_VERB_RE.search(between):
            break
        chosen.append(q)
    return Count(sum(q[0] for q in chosen), head_start + chosen[-1][1], verb.end())


# "un mort et deux blessés", "un herido": the article is the count
_ONE_BEFORE_RE = re.compile(r"(?-i:\b(?:[Uu]ne?|[Uu]n[oa]))\s+$")
_ANOTHER = r"(?:another|an additional|a further|additional|further)"
_COUNT_AFTER_RE = re.compile(rf"\s+(?:{_ANOTHER}\s+)?(?:{_ABOUT}\s+)?(?P<n>{NUMBER})"
                             rf"(?:\s*(?:-|–|to|or)\s*{NUMBER})?(?![\w-]*\s*(?:km|kilomet\w*|miles?|meters?|metres?|am|pm|hours?|"
                             rf"years?|per ?cent|percent|heures?|ans|horas?|años|kilómetros)\b|%)", re.I)
_ANOTHER_END_RE = re.compile(rf"\b{_ANOTHER}\s+$", re.I)
_CASUALTY_OBJECT_RE = re.compile(rf"\b(?:{KILLED}|{INJURED})\s+(?:{_ABOUT}\s+)?$", re.I)
_HAS_VERB_RE = re.compile(rf"\b(?:was|were|is|are|has|have|had|been|{KILLED}|{INJURED})\b", re.I)
# the aside ends at a comma, a bracket or the verb: "eight people including four civilians were killed"
INCLUDING_RE = re.compile(r"[,(]?\s*\b(?:including|among them|among whom)\b(?:(?!\b(?:were|was|are|is|have|has|had)\b)[^,)])*[,)]?",
                          re.I)
_NOT_PEOPLE_RE = re.compile(
    # ("a 66-year-old priest", "a 20-hour siege": an age or a length, not a count of people)
    r"[\s-]*(?:km|kilomet|mile|meter|metre|am\b|pm\b|hour|year|day|week|month|%|percent|per\b|times\b|o'clock|rockets?|"
    r"mortars?|shells?|vehicles?|cars?|trucks?|houses?|homes?|bombs?(?!\s+(?:disposal|squad|technicians?|experts?|specialists?))|explosions?|attacks?|blasts?|of them|of the|"
    r"suicide bombers? (?:blew|detonated)|"
    # French and Spanish
    r"heures?\b|jours?\b|ans\b|années|mois\b|semaines?|horas?\b|días?\b|años\b|meses\b|semanas?|kilomètres|kilómetros|"
    r"obus|roquettes?|véhicules?|maisons?|casas?\b|viviendas?|vehículos?|cohetes?|morteros?|de (?:ellos|ellas|eux|elles|los|las|les)\b)",
    re.I,
)


def _quantities(piece: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of each quantity heading a noun phrase; years, distances and times are skipped."""
    found: list[tuple[int, int, int]] = []
    for m in QUANTITY_RE.finditer(piece):
        if _NOT_PEOPLE_RE.match(piece, m.end()):
            continue
        value = parse_number(m["n"])
        if value is None or value > 100000 or (m["n"].isdigit() and len(m["n"]) == 4 and 1900 <= value <= 2100):
            continue
        found.append((value, m.start(), m.end()))
    for single in SINGLE_RE.finditer(piece):
        if not any(s <= single.start() < e for _, s, e in found):
            found.append((1, single.start(), single.end()))
    found.sort(key=lambda q: q[1])
    return found
