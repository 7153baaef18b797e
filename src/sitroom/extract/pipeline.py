"""Document -> Events: group analysed sentences into incident mentions and code each one.

A report usually tells one incident over several sentences ("An explosive device targeted a
convoy ... the explosion damaged a truck ... X claimed the attack"), and sometimes several
(bulletins, "Separately, ...").  A sentence with an event trigger starts a new mention only
when something says it is a different incident: its own bullet, a different date, a
separation marker, a far-away place, or a different kind of event.  Everything else
elaborates the mention before it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitroom.codebook.acled import POLITICAL_VIOLENCE_TYPES, PROTESTS, RIOTS
from sitroom.extract.analysis import (
    ACT_OF_DAY_RE,
    ANALYSIS_HEADING_RE,
    ANALYSIS_LABEL_RE,
    CUMULATIVE_RE,
    SUMMARY_HEADING_RE,
    SentenceAnalysis,
    analyse,
    is_heading,
)
from sitroom.extract.build import ALONGSIDE_KILLING, ROLLUP_LEAD_RE, build_event, day_without_year
from sitroom.extract.dateline import find_dateline
from sitroom.extract.dates import MONTHS, month_day
from sitroom.extract.mention import Mention
from sitroom.extract.numbers import parse_number
from sitroom.extract.place import distance_km, locate_sentence
from sitroom.extract.segment import split_sentences
from sitroom.extract.story import drop_rollup_lead, flag_recalled, fold_title, is_accidental
from sitroom.model import PRECISION_DAY, PRECISION_MONTH, Document, Event

FAR_KM = 60.0
DEMONSTRATION_TYPES = frozenset({PROTESTS, RIOTS})


def extract_events(doc: Document) -> list[Event]:
    """Every incident the document reports, each field with its evidence span."""
    dateline = find_dateline(doc.text)
    analyses = [analyse(s, doc.published, dateline) for s in split_sentences(doc.text)]
    mentions = drop_rollup_lead(fold_title([m for m in group_mentions(analyses, doc) if not is_accidental(m)]))
    built = [(m, build_event(doc, m.triggers, m.context, index == 0, m.inherited_date))
             for index, m in enumerate(mentions)]
    told = [(m, e) for m, e in built if e is not None]
    flag_recalled(told, doc)
    return [e for _, e in told]


# A season's violence summed up after the story's incidents, with no count or day of its own
TREND_RE = re.compile(r"\b(?:has|have) been (?:marred|plagued|rocked|wracked|racked|beset|dogged) by\b|"
                      # "its activity now consists of small-scale ambushes and roadside bombs in Diyala and Kirkuk"
                      r"\b(?:small-scale|sporadic|occasional|frequent|regular|near-daily|daily|low-level|hit-and-run)\s+"
                      r"(?:[\w-]+\s+)?(?:attacks|ambushes|bombings|raids|clashes|strikes|shelling)\b|"
                      # "Al Shabaab has carried out several major attacks in Kenya"
                      r"\b(?:has|have) (?:carried out|staged|launched|mounted|claimed) (?:several|many|numerous|dozens of|"
                      r"scores of|hundreds of|a (?:string|series|number|spate|wave) of|multiple|repeated|frequent)\b|"
                      r"\b(?:militants|gunmen|insurgents|rebels|jihadists|extremists|armed groups|terrorists) (?:have|had) "
                      r"(?:repeatedly |often |frequently |also )?(?:targeted|attacked|struck|hit)\b", re.I)


def group_mentions(analyses: list[SentenceAnalysis], doc: Document) -> list[Mention]:
    mentions: list[Mention] = []
    headlines: list[SentenceAnalysis] = []
    pending: list[SentenceAnalysis] = []  # trigger-less sentences not yet placed with an incident
    current: Mention | None = None
    section: SentenceAnalysis | None = None  # the heading the bullets below stand under
    commentary = False  # under an "Overview" or "Assessment" heading: the review's own talk, no incidents
    summing_up = False  # under a "Summary" heading: its prose sums up, its bullets still list incidents
    last_day: date | None = None  # the day the text last named, which "Nine days later" counts from
    for a in analyses:
        if a.date is not None and a.date.explicit and a.date.value is not None:
            last_day = a.date.value
        # a heading in capitals ("CIVILIAN HARM - AZERBAIJAN") reads as a title line too: it still ends
        # the section above it
        title = _section_title(a)
        if title is not None:
            commentary = ANALYSIS_HEADING_RE.fullmatch(title) is not None
            summing_up = SUMMARY_HEADING_RE.fullmatch(title) is not None
        if a.headline:
            headlines.append(a)
            continue
        # under "Key points", a bullet that counts several acts ("Four suicide attacks in four days") or
        # tells no count and no day ("the campaign appears to be under way") sums up too
        if a.classification is None or commentary or (summing_up and (
                not a.sentence.bullet or ROLLUP_LEAD_RE.search(a.sentence.text) or not _has_specifics(a))):
            if is_heading(a):
                section = a
            elif (commentary or ANALYSIS_LABEL_RE.match(a.sentence.text)) and mentions:
                # an "Assessment" after the incidents ("the risk on the Dori-Sebba axis", "Assessment: the
                # Pishin and Qilla Saifullah bombings were separate devices") places none of them
                continue
            if current is not None and a.sentence.block == current.last_block and _may_elaborate(current, a):
                current.context.append(a)
            else:
                pending.append(a)
            continue
        if mentions and (TREND_RE.search(a.sentence.text) and not _has_specifics(a) or CUMULATIVE_RE.search(a.sentence.text)):
            pending.append(a)  # "Campaigning has been marred by violence", "Fighting ... has killed more than 1,000"
            continue
        # a section heading ("Diyala:", "Security incidents (26 August)") sets the scene of every
        # bullet under it
        lead_in = [p for p in pending if p.sentence.block == a.sentence.block or is_heading(p)]
        # talk about violence stays talk even in a paragraph that opens on another day ("Burials
        # began Tuesday. Amnesty said the authorities had repeatedly failed to act on warnings")
        if _refers_back(a, doc) and ((a.background and not a.anaphoric) or not _new_dated_paragraph(lead_in, mentions)):
            if mentions:
                _antecedent(mentions, current, a).context.append(a)
                continue
            if a.background and not _has_specifics(a):
                # talk about violence in general ("the recent attacks") is not itself an incident
                pending.append(a)
                continue
        if (named := _named_back(mentions, a, doc)) is not None:
            named.context.append(a)  # "IS claimed the Zliten attack": talk of an incident told above, by its place
            continue
        if current is not None and not _starts_new(current, a, doc, lead_in):
            current.triggers.append(a)
            current.context.extend(p for p in pending if _may_elaborate(current, p))
        elif (earlier := _returns_to(mentions, current, a, doc)) is not None:
            earlier.triggers.append(a)  # "The improvised explosive device went off on Monday morning ..."
            current = earlier  # what follows goes on about the incident the story went back to
        else:
            if current is not None:
                own = _own_date(a)
                if own is not None and current.date is not None and own != current.date:
                    # a new incident on another day ("the general killed in January") takes no
                    # undated sentences from the one being told ("officials suspected Kataib Hezbollah")
                    lead_in = [p for p in lead_in if _own_date(p) is not None or is_heading(p)]
                current.context.extend(p for p in pending if p not in lead_in and _may_elaborate(current, p))
            elif not mentions:
                lead_in = pending  # everything before the first incident sets its scene
            previous = current
            current = Mention(triggers=[a], context=list(lead_in), date=_block_date(a, lead_in))
            if a.sentence.bullet and section is not None and section not in lead_in:
                current.context.insert(0, section)  # it heads this bullet too, for its place and date
            if current.date is None and previous is not None and LATER_RE.search(a.sentence.text, 0, 60):
                current.inherited_date = previous.date
            elif current.date is None and last_day is not None and (later := DAYS_LATER_RE.match(a.sentence.text)):
                # "On December 10, two bombs ... Nine days later an off-duty officer shot dead the ambassador"
                current.inherited_date = last_day + timedelta(days=_days_later(later))
            elif current.date is None and (story_day := _one_story_of_acts(mentions, headlines, doc)) is not None \
                    and _named_in_lead(a, mentions[0], doc):
                # a page of Tuesday on "Sunday's coordinated shootings in Derbent and Makhachkala": "In
                # Makhachkala, attackers shot at a traffic police post" is of Sunday too, not of the page's day
                current.inherited_date = story_day
            mentions.append(current)
        pending = []
    if current is not None:
        current.context.extend(p for p in pending if _may_elaborate(current, p))
    if not mentions and any(h.classification and not h.background for h in headlines):
        # A headline alone is still a report of an event -- unless it only talks about violence
        # ("Japan decides new sanctions over rocket launch").
        first = next(h for h in headlines if h.classification and not h.background)
        mentions.append(Mention(triggers=[first], context=pending, date=_own_date(first), headline=True))
    return mentions


_NUMBERED_SECTION_RE = re.compile(r"\d{1,2}\.\s+[A-Z][A-Z &/-]{2,40}")


def _section_title(a: SentenceAnalysis) -> str | None:
    """The text of a section heading ("Overview", "4. ASSESSMENT", "Latakia and Tartous governorates")."""
    text = a.sentence.text.strip()
    if a.classification is None and (is_heading(a) or _NUMBERED_SECTION_RE.fullmatch(text)
                                     or (len(text) <= 40 and text.isupper())):  # "4. ASSESSMENT" read as a bullet
        return text
    return None


def _new_dated_paragraph(lead_in: list[SentenceAnalysis], mentions: list[Mention]) -> bool:
    """A paragraph that opens on a day no incident so far happened on tells a new one,
    even when its violent sentence reads like commentary ("Ankara accused the PKK of killing them")."""
    if not mentions:
        return False
    for p in lead_in:
        d = p.date
        if d is not None and d.explicit and d.value is not None:
            return all(m.date != d.value for m in mentions)
    return False


def _has_specifics(a: SentenceAnalysis) -> bool:
    """Counts or a date make even a sentence in passing report a particular incident ("dozens
    killed" in a reaction's headline does not)."""
    counted = [c for c in (a.casualties.killed, a.casualties.injured)
               if c is not None and any(ch.isdigit() for ch in a.sentence.text[c.start:c.end])]
    return bool(counted) or any(d.explicit for d in a.dates)


def _block_date(a: SentenceAnalysis, lead_in: list[SentenceAnalysis]) -> date | None:
    """The incident's date: its trigger sentence's own, else the one its paragraph opened with."""
    own = _own_date(a)
    if own is not None:
        return own
    return next((d for p in lead_in if (d := _own_date(p)) is not None), None)


def _refers_back(a: SentenceAnalysis, doc: Document) -> bool:
    """"The attack ...", "Today's attack ...", "So far, ...": talk about incidents already told.
    A sentence dated long before the report is history of its own, not a back-reference."""
    if a.separate:
        return False
    own = a.date
    if own is not None and own.value and doc.published and own.value < doc.published - timedelta(days=45):
        return False
    if own is not None and own.value and doc.published is None:
        return False  # a report with no year dates only what it gives a year: another time's incident
    if own is not None and own.explicit and not a.anaphoric:
        return False
    return a.anaphoric or a.background


def _antecedent(mentions: list[Mention], current: Mention | None, a: SentenceAnalysis) -> Mention:
    """The incident a back-reference points to: the one told in the same paragraph or bullet,
    else the latest one on the same day, else the latest prose one."""
    if current is not None and a.sentence.block == current.triggers[-1].sentence.block:
        return current
    own = _own_date(a)
    if own is not None:
        same_day = [m for m in mentions if m.date == own]
        if same_day:
            return same_day[-1]
    prose = [m for m in mentions if not m.bullet]
    return (prose or mentions)[-1]


# "claimed the Zliten attack", "The Zliten bombing was the deadliest ...": an incident named by its place
NAMED_ACT_RE = re.compile(r"\bthe ((?:(?:al|el|as|ash|ad|ar|an)-)?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?:'s)? (?:[a-z-]+ )?"
                          r"(?:attacks?|bombings?|blasts?|explosions?|massacres?|ambush|assault|raid|strike|shooting)\b")


def _named_back(mentions: list[Mention], a: SentenceAnalysis, doc: Document) -> Mention | None:
    """An incident already told that the sentence names by its place ("the Zliten attack"), when it
    tells no other place or date of its own: a claim, a toll or a comparison about that incident."""
    if not mentions or a.sentence.bullet or _own_date(a) is not None:
        return None
    m = NAMED_ACT_RE.search(a.sentence.text)
    if m is None:
        return None
    key = _place_label_key(m.group(1))
    for mention in reversed(mentions):
        places = [loc for t in mention.triggers if (loc := locate_sentence(doc, t)) is not None]
        if any(_place_label(loc) == key for loc in places):
            return mention
    return None


def _place_label_key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def _own_date(a: SentenceAnalysis) -> date | None:
    d = a.date
    return d.value if d else None


def _may_elaborate(current: Mention, a: SentenceAnalysis) -> bool:
    """Trigger-less sentences add claims, sources and counts to the incident they follow,
    but a new bullet or a sentence with its own different date belongs to something else."""
    if a.sentence.bullet and a.sentence.block != current.block:
        return False
    if _another_labelled_item(current, a):
        return False
    own = _own_date(a)
    if own is None or current.date is None or own == current.date:
        return True
    # a later day in the incident's own bullet or paragraph is when its toll was learnt ("The
    # government gave 132 dead on 6 June")
    return a.sentence.block == current.block and own > current.date and \
        (a.casualties.killed is not None or a.casualties.injured is not None)


YEARLESS_SAME_DAYS = 3
"""With no year anywhere, a day the sentence names this far from the dateline's is another incident's."""


def _another_month_than_datelines(a: SentenceAnalysis, doc: Document) -> bool:
    """With no year anywhere, a month the sentence names ("last July") other than the dateline's, or
    a day well before it ("the second time on Oct. 17" in a wire filed "BAKU, Oct 28")."""
    day = day_without_year(doc)
    if day is None:
        return False
    named = {MONTHS[w.lower()] for d in a.dates if d.value is None and d.precision == PRECISION_MONTH
             for w in re.findall(r"[^\W\d_]+", d.text) if w.lower() in MONTHS}
    filed = date(2000, int(day[2:4]), int(day[5:7]))  # 2000: a leap year, so 29 February is a day
    days = [date(2000, int(told[2:4]), int(told[5:7])) for d in a.dates
            if d.value is None and d.precision == PRECISION_DAY and (told := month_day(d.text)) is not None]
    return (bool(named) and filed.month not in named) or \
        any(abs((filed - told).days) > YEARLESS_SAME_DAYS for told in days)


def _another_labelled_item(current: Mention, a: SentenceAnalysis) -> bool:
    """In a review whose items open with a label ("Sun 27 Jul - Komanda (Irumu territory): ADF fighters
    attacked ..."), a later paragraph with a label of its own ("Djugu territory: no significant incident
    recorded") is another item, not more about this one."""
    return a.sentence.block != current.block and a.sentence.first_in_block and \
        ITEM_LABEL_RE.match(a.sentence.text) is not None and ITEM_LABEL_RE.match(current.triggers[0].sentence.text) is not None


ITEM_LABEL_RE = re.compile(r"[A-Z0-9][^:.;\"“”\n]{2,80}:\s")


def _starts_new(current: Mention, a: SentenceAnalysis, doc: Document, lead_in: list[SentenceAnalysis]) -> bool:
    if a.sentence.bullet and a.sentence.block != current.block and not (
            not current.bullet and _own_date(a) is None and _list_after_sentence(doc, a)):
        return True
    if current.bullet and a.sentence.block != current.block:
        return True
    own = _block_date(a, lead_in)
    slack = _date_slack(a)
    if own is not None and current.date is not None and abs((own - current.date).days) > slack and \
            not _told_today_of_before(a, own, current, doc) and not _still_going_on(a, own, current):
        return True
    if own is not None and current.date is None and doc.published and own < doc.published - timedelta(days=45):
        return True
    if own is not None and current.date is None and doc.published is None:
        return True  # with no published date only a stated year dates a sentence: another time's incident
    if own is not None and current.date is None and a.sentence.block != current.block and _opens_with_date(a):
        return True  # a line that opens with its own day after an undated incident ("15/06 — Mpeketoni: ...")
    if doc.published is None and _another_month_than_datelines(a, doc):
        return True  # "A suicide bombing in Bajaur last July" in a wire filed "QUETTA, Feb 7"
    if doc.published is None and _weekdays_differ(current.triggers[0], a):
        return True  # no year to date them by, but "on Monday" and "On Sunday evening" are two days
    if a.separate or any(p.separate for p in lead_in) or DAYS_LATER_RE.match(a.sentence.text):
        return True  # "Nine days later an off-duty police officer shot dead ...": another day, another act
    if _different_family(current, a):
        return True
    if _another_act_elsewhere(current, a, doc):
        return True
    return _far_apart(current, a, doc)


_BULLET_LINE_RE = re.compile(r"\s*(?:[-*•‣▪–—]|\d{1,2}[.)])\s")


def _list_after_sentence(doc: Document, a: SentenceAnalysis) -> bool:
    """The bullet stands in a list that a sentence of prose introduces ("Their accounts agree on the
    following sequence:"), as a press release tells the steps of one incident -- not under a heading
    ("INCIDENTS:", "Diyala:") over a list of incidents."""
    for line in reversed(doc.text[:a.sentence.start].splitlines()):
        if not line.strip() or _BULLET_LINE_RE.match(line):
            continue
        line = line.strip()
        return line.endswith(":") and len(line.split()) >= 6 and not line[:-1].isupper()
    return False


# "Two hours later a second car bomb went off in the Medina district", "Earlier in the day in Peshawar, a
# man ... blew himself up": another incident when it names another place, however near (a second bomb at the same spot is the same attack)
LATER_RE = re.compile(r"\b(?:(?:minutes|hours|an hour|moments|shortly) (?:later|earlier)|(?:later|earlier) (?:that|the same|in the) "
                      # "At almost the same time, about 120 km to the north, gunmen in Makhachkala fired on ..."
                      r"(?:day|night|morning|afternoon|evening)|at (?:almost |about |roughly |nearly |around )?the same time|"
                      r"simultaneously|on the same day|the same (?:day|night|afternoon|evening|morning))\b",
                      re.I)
DAYS_LATER_RE = re.compile(r"(?:[“\"]\s*)?(?P<n>\w+|\d+) (?P<unit>days?|weeks?) later\b", re.I)
COORDINATED_RE = re.compile(r"\b(?:coordinated|simultaneous|near-simultaneous|twin|multiple|string of|wave of|series of)\b",
                            re.I)


def _one_story_of_acts(mentions: list[Mention], headlines: list[SentenceAnalysis], doc: Document) -> date | None:
    """The day of the coordinated acts the story's lead tells (by the lead or its title), when the story
    was published after it; None when the lead tells no such acts."""
    if not mentions or doc.published is None or not any(COORDINATED_RE.search(t.sentence.text)
                                                        for t in mentions[0].triggers):
        return None
    day = mentions[0].date or next((h.date.value for h in headlines if h.date is not None and h.date.value), None)
    return day if day is not None and day < doc.published else None


def _named_in_lead(a: SentenceAnalysis, lead: Mention, doc: Document) -> bool:
    """The sentence's place is one the lead names ("the coordinated shootings in Derbent and Makhachkala")."""
    here = locate_sentence(doc, a)
    if here is None:
        return False
    key = _place_label(here)
    return any(key in _place_label_key(t.sentence.text) for t in lead.triggers)


def _days_later(m: re.Match[str]) -> int:
    count = parse_number(m["n"]) or 0
    return count * (7 if m["unit"].lower().startswith("week") else 1)


SECOND_ACT_RE = re.compile(r"\b(?:a|the) (?:second|third|fourth|separate|further) (?:[\w-]+ ){0,2}?(?:bomb|blast|explosion|"
                           r"attack|bomber|bombing|ambush|strike|shooting|device|car bomb|rocket|missile|drone|raid)s?\b", re.I)


_DEFINITE_RE = re.compile(r"(?:[“\"]\s*)?(?:the|this|that)\s", re.I)


def _opens_with_date(a: SentenceAnalysis) -> bool:
    return any(d.value is not None and d.start <= 3 for d in a.dates)


def _returns_to(mentions: list[Mention], current: Mention | None, a: SentenceAnalysis,
                doc: Document) -> Mention | None:
    """An incident told before the current one that the sentence takes up again: a story of two days
    goes back to the first ("The improvised explosive device went off on Monday morning ...") with a
    definite article, the same kind of act and the same day."""
    if current is None or a.sentence.bullet or a.classification is None:
        return None
    opening_place = _OPENING_PLACE_RE.match(a.sentence.text)
    if not _DEFINITE_RE.match(a.sentence.text) and opening_place is None:
        return None
    own, weekday = _own_date(a), _weekday(a)
    for m in reversed(mentions):
        first = m.triggers[0]
        if m is current or m.bullet or first.classification is None or \
                first.classification.sub_event_type != a.classification.sub_event_type:
            continue
        if (own is not None and m.date == own) or (weekday is not None and weekday == _weekday(first)):
            return m
        if opening_place is not None and first.act_date is None and _told_at(m, opening_place.group(1), doc):
            # "In Bahir Dar, gunmen burst into a meeting on Saturday afternoon": the incident of a lead dated only
            # by its telling ("the government said Sunday"), now told with its day
            return m
    return None


# "In Bahir Dar, gunmen ...": a paragraph that opens on the place it is about
_OPENING_PLACE_RE = re.compile(r"(?:In|At) ((?:(?:al|el)-)?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),")


def _told_at(m: Mention, name: str, doc: Document) -> bool:
    key = _place_label_key(name)
    return any(_place_label(loc) == key for t in m.triggers if (loc := locate_sentence(doc, t)) is not None)


_WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _weekday(a: SentenceAnalysis) -> str | None:
    """The weekday an unresolved date of the sentence names ("on Monday" in a report with no year)."""
    for d in a.dates:
        if d.value is None and d.explicit and (m := _WEEKDAY_RE.search(d.text)):
            return m.group(1).lower()
    return None


def _weekdays_differ(first: SentenceAnalysis, a: SentenceAnalysis) -> bool:
    one, other = _weekday(first), _weekday(a)
    return one is not None and other is not None and one != other


def _another_act_elsewhere(current: Mention, a: SentenceAnalysis, doc: Document) -> bool:
    """"A second car bomb went off in the Medina district", "Hours later a suicide car bomber struck
    a checkpoint at Ras Lanuf": another act, when it names another place."""
    # "About an hour later a second device ... went off in the town of Qilla Saifullah"
    if not (SECOND_ACT_RE.search(a.sentence.text, 0, 100) or LATER_RE.search(a.sentence.text, 0, 40)):
        return False
    here = locate_sentence(doc, a)
    if here is None:
        return False
    there = [loc for t in current.triggers if (loc := locate_sentence(doc, t)) is not None]
    return bool(there) and all(_place_label(here) != _place_label(loc) for loc in there) and \
        all(here.place.geonameid is None or here.place.geonameid != loc.place.geonameid for loc in there)


def _place_label(location) -> str:
    return _place_label_key(location.named_as or location.place.name)


def _told_today_of_before(a: SentenceAnalysis, own: date, current: Mention, doc: Document) -> bool:
    """The sentence's only day is when it was told, the report's own day, after the incident being
    told ("..., police spokesman Abdifatah Adan Hassan told reporters on Saturday" in Saturday's
    wire on Friday night's attack): the telling gives no day of its own act."""
    return a.act_date is None and doc.published is not None and own == doc.published and \
        current.date is not None and current.date < own


# "Gunfire could still be heard from the hotel on Saturday morning": the siege told the day before goes on
GOING_ON_RE = re.compile(r"\b(?:still(?! (?:trying|investigating|searching|looking|working|unclear|unknown|not))|"
                         r"continu(?:ed|ing|es)|went on|dragged on|ongoing|under way|underway|"
                         r"into (?:a|its) (?:second|third) day|(?:second|third) day of)\b", re.I)
GOING_ON_DAYS = 2


def _still_going_on(a: SentenceAnalysis, own: date, current: Mention) -> bool:
    """The sentence tells the incident being told going on a day or two later, not another act."""
    named = a.act_date is not None and ACT_OF_DAY_RE.match(a.sentence.text, a.act_date.end) is not None
    return current.date is not None and 0 < (own - current.date).days <= GOING_ON_DAYS and not named and \
        GOING_ON_RE.search(a.sentence.text) is not None and not a.separate  # not "Tuesday's explosion at the pier"


def _date_slack(a: SentenceAnalysis) -> int:
    d = a.date
    return 0 if d is None or d.precision == 1 else 31


def _different_family(current: Mention, a: SentenceAnalysis) -> bool:
    """A protest, an arrest or an agreement told after a bombing is an event of its own."""
    first = current.triggers[0].classification
    new = a.classification
    if first is None or new is None:
        return False
    violent_first = first.event_type in POLITICAL_VIOLENCE_TYPES
    violent_new = new.event_type in POLITICAL_VIOLENCE_TYPES
    if violent_first and violent_new:
        return False
    if violent_first and new.sub_event_type in ALONGSIDE_KILLING and a.sentence.block == current.last_block:
        return False  # "ADF attacked the parish ... 21 bodies found, houses and shops burnt": the attack's damage
    if {first.event_type, new.event_type} <= DEMONSTRATION_TYPES:
        return False  # a protest that turns violent or is broken up is still one event
    return first.event_type != new.event_type or (not violent_new and first.sub_event_type != new.sub_event_type)


def _far_apart(current: Mention, a: SentenceAnalysis, doc: Document) -> bool:
    here = locate_sentence(doc, a)
    if here is None or here.geo_precision == 3:
        return False
    for earlier in current.triggers:
        there = locate_sentence(doc, earlier)
        if there is not None and there.geo_precision != 3:
            return distance_km(here.place, there.place) > FAR_KM
    return False
