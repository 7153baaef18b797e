"""Passes over a report's incident mentions as a whole: a title that is its story's, a lead that only
counts the acts told after it, an earlier incident the story recalls, a blast told as an accident."""

from __future__ import annotations

import re

from sitroom.codebook.loader import accident_cause_pattern, any_trigger
from sitroom.extract.build import FIRST_OF_SEVERAL_RE, ROLLUP_LEAD_RE, WEAPON_PRIORITY
from sitroom.extract.classify import PROTEST_RE, STRONG_RE
from sitroom.extract.mention import Mention
from sitroom.model import Document, Event


def drop_rollup_lead(mentions: list[Mention]) -> list[Mention]:
    """A lead that only counts the acts the story then tells one by one ("Mexico counted its dead after
    two of the bloodiest clashes this year ..." / "In the first, gunmen ambushed ..." / "Then on
    Tuesday, soldiers came under fire ...") is no act of its own: its acts are the mentions after it."""
    if len(mentions) < 3 or not ROLLUP_LEAD_RE.search(mentions[0].triggers[0].sentence.text):
        return mentions
    if not FIRST_OF_SEVERAL_RE.match(mentions[1].triggers[0].sentence.text):
        return mentions
    return mentions[1:]


def fold_title(mentions: list[Mention]) -> list[Mention]:
    """A title line that the first story below retells with the same toll ("39 civilians killed in
    strikes on Ma'arrat al-Nu'man market" over "... recorded the deaths of 39 civilians in yesterday
    morning's air strikes") is that incident's title, not an incident of its own."""
    if len(mentions) < 2 or len(mentions[0].triggers) != 1 or mentions[0].context and \
            any(c.sentence.block == mentions[0].block for c in mentions[0].context):
        return mentions
    title, story = mentions[0].triggers[0], mentions[1]
    text = title.sentence.text.strip()
    killed = title.casualties.killed
    if title.sentence.bullet or text[-1:] in ".!?" or killed is None:
        return mentions
    if not any(a.casualties.killed is not None and a.casualties.killed.value == killed.value
               for a in story.triggers + story.context):
        return mentions
    story.triggers.append(title)  # its place and toll are the story's; the story's lead stays first
    return mentions[1:]


FRESH_DAYS = 3
"""A story whose first incident is this recent is news of it (not a weekly or a monthly review)."""
RECALLED_DAYS = 4
"""In such a story, a later incident told in prose this much older is one it recalls (a news story
about Sunday's strike that says "on April 4, a missile hit Kryvyi Rih" nine days before), unless the
story brings news of it: a claim of responsibility made since."""


def flag_recalled(told: list[tuple[Mention, Event]], doc: Document) -> None:
    """Background that is not yet old enough to be history by its date alone: a news story about a
    fresh attack recalls "the Aug. 26 suicide bombing outside Kabul's airport" six weeks before, or,
    in a wire with no year, "the shooting in Shiraz in October 2022" (a year is only ever given for
    an incident of another time).  A review's bullets, and a review's prose, keep their incidents."""
    if not told or told[0][1].historical:
        return
    lead = told[0][1]
    fresh = lead.event_date is not None and doc.published is not None and \
        (doc.published - lead.event_date).days <= FRESH_DAYS
    yearless = lead.event_date is None and lead.date_without_year is not None
    if not (fresh or yearless):
        return
    for m, e in told[1:]:
        if m.bullet or e.historical or e.claimed_by:
            continue
        if fresh and e.event_date is not None and (doc.published - e.event_date).days > RECALLED_DAYS:
            e.historical = True
        elif yearless and e.event_date is not None:
            e.historical = True
        else:
            continue
        e.warnings.append("historical: an earlier incident the story recalls beside the one it reports")


# "police ruled out an accident", "it was no accident": the cause named only to be denied
NOT_ACCIDENT_RE = re.compile(r"\b(?:not|no|ruled out|rule out|rather than|instead of|denied|dismissed|excluded)\s+"
                             r"(?:\w+\s+){0,2}$", re.I)


def is_accidental(m: Mention) -> bool:
    """A blast or fire whose own telling names an accident cause ("a week after the explosion of
    ammonium nitrate stored at the port, 170 have died") is no conflict event, even where the
    sentence that triggered it ("Port explosion: one week on") names no cause.  A trigger sentence
    that names a weapon or an armed group ("a bomb went off near the fuel depot") keeps it."""
    if any(STRONG_RE.search(t.sentence.text) or PROTEST_RE.search(t.sentence.text)
           or (t.classification is not None and t.classification.priority >= WEAPON_PRIORITY) for t in m.triggers):
        return False  # "a booby-trapped fuel tanker exploded": a named weapon, whatever carried it
    blocks = {t.sentence.block for t in m.triggers}
    for a in m.triggers + m.context:
        text = a.sentence.text
        if a.sentence.block not in blocks and not any_trigger().search(text):
            continue  # a paragraph about something else ("Last year a gas leak ...") names no cause of this blast
        for cause in accident_cause_pattern().finditer(text):
            if not NOT_ACCIDENT_RE.search(text, max(0, cause.start() - 40), cause.start()):
                return True
    return False
