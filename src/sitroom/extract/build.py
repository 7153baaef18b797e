"""Code one incident mention into an Event, every field with the span it came from."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from sitroom.codebook.acled import ARMED_ACTOR_TYPES, EXPLOSIONS, POLITICAL_VIOLENCE_TYPES, PROTESTS, RIOTS
from sitroom.extract.actors import PATIENT_AFTER_RE, ActorMention, fill_country, find_actors, is_speaker, passive_agent
from sitroom.extract.analysis import (
    ACT_OF_DAY_RE,
    CUMULATIVE_RE,
    WEAPON_PRIORITY,
    SentenceAnalysis,
    is_heading,
    is_telling_date,
)
from sitroom.extract.dateline import find_dateline
from sitroom.extract.dates import MONTHS, month_day
from sitroom.extract.numbers import Count
from sitroom.extract.place import (
    country_name,
    dateline_location,
    locate_sentence,
    outlet_country,
    unfound_at_country_point,
)
from sitroom.geo.locate import SETTLEMENT_BEFORE
from sitroom.model import GEO_NEAR, GEO_REGION, PRECISION_DAY, PRECISION_MONTH, Document, Event, Evidence

HISTORICAL_DAYS = 45  # an incident dated this long before the report is background, not news
NOTES_CHARS = 500


def build_event(doc: Document, triggers: list[SentenceAnalysis], context: list[SentenceAnalysis],
                first: bool, inherited_date: date | None = None) -> Event | None:
    sentences = sorted(triggers + context, key=lambda a: a.sentence.start)
    event = Event(doc_id=doc.id, mention_start=sentences[0].sentence.start, mention_end=sentences[-1].sentence.end)
    _set_type(event, doc, triggers, context)
    _set_date(event, doc, triggers, context, inherited_date)
    # "Two roadside bombs struck ... killing five. The first bomb went off near Dibis, killing two":
    # the lead sums up several incidents, and the first of them is told on its own further down
    told = _first_of_several(triggers, context)
    rest = [a for a in context if a is not told]
    if told is not None and locate_sentence(doc, told) is not None:
        _set_place(event, doc, [told], rest + [a for a in triggers if a is not told], first)
    else:
        _set_place(event, doc, triggers, context, first)
    _set_actors(event, doc, triggers, sentences)
    if told is not None and told.casualties.killed is not None:
        _set_casualties(event, doc, [told], rest)
    else:
        _set_casualties(event, doc, triggers, context)
    _set_sources(event, doc, sentences)
    lead = triggers[0].sentence
    event.set("notes", lead.text[:NOTES_CHARS], _span(doc, lead.start, lead.end))
    event.confidence = _confidence(event, first)
    return event


# "Two roadside bombs", "twin blasts", "a wave of suicide bombings": a lead that sums up several acts
ROLLUP_LEAD_RE = re.compile(r"\b(?:two|three|four|five|six|seven|twin|several|multiple|a (?:wave|series|string) of)\s+"
                            r"(?:of the\s+)?(?:[\w-]+\s+){0,3}?(?:bombs|blasts|explosions|attacks|strikes|bombings|bombers|"
                            r"car bombs|clashes|ambushes|raids|massacres|shootings)\b", re.I)
# "The first blast struck ...", "In the first, gunmen ambushed a convoy ..."
FIRST_OF_SEVERAL_RE = re.compile(r"^(?:[“\"]\s*)?(?:in )?the first(?:,| (?:[\w-]+\s+){0,2}?(?:bomb|blast|explosion|attack|strike|"
                                 r"bombing|bomber|device|car bomb|clash|ambush|raid|incident)\b)", re.I)


def _first_of_several(triggers: list[SentenceAnalysis], context: list[SentenceAnalysis]) -> SentenceAnalysis | None:
    """The sentence that tells the first of the acts a summing-up lead counts, if the lead is one."""
    if not ROLLUP_LEAD_RE.search(triggers[0].sentence.text):
        return None
    return next((a for a in sorted(triggers[1:] + context, key=lambda a: a.sentence.start)
                 if FIRST_OF_SEVERAL_RE.match(a.sentence.text)), None)


def _span(doc: Document, start: int, end: int) -> Evidence:
    return Evidence(start, end, doc.text[start:end], doc.id)


def _rel(doc: Document, a: SentenceAnalysis, start: int, end: int) -> Evidence:
    base = a.sentence.start
    return _span(doc, base + start, base + end)


ATTACKER_STOPPED_RE = re.compile(r"\b(?:the |an? |one )?(?:attackers?|gunm[ae]n|assailants?|bombers?|shooters?)\b[^.;]{0,40}?"
                                 r"\b(?:was|were)?\s*(?:shot dead|killed|neutrali[sz]ed|gunned down)\s+by\s+(?:the\s+)?"
                                 r"(?:police|security forces|troops|soldiers|guards|officers|special forces)", re.I)
OVERRIDING_TYPES = frozenset({"Chemical weapon"})
# "The assault came two days after the double suicide bombing": that weapon belongs to another event.
OTHER_EVENT_BEFORE_RE = re.compile(r"\b(?:after|before|since|following|like|unlike|than|in the wake of|similar to|"
                                   r"recalling|reminiscent of)\b[^.;]*$", re.I)


def _set_type(event: Event, doc: Document, triggers: list[SentenceAnalysis], context: list[SentenceAnalysis]) -> None:
    """The most specific rule among the incident's sentences; a back-reference ("the two bombers
    blew themselves up") may sharpen the weapon but never turns a protest into a bombing."""
    refining = [a for a in context if a.anaphoric and not a.background and a.classification
                and a.classification.priority >= WEAPON_PRIORITY
                and not OTHER_EVENT_BEFORE_RE.search(a.sentence.text, max(0, a.classification.start - 60),
                                                     a.classification.start)]
    lead = triggers[0].classification
    if lead is None or lead.event_type not in POLITICAL_VIOLENCE_TYPES:
        refining = []
    elif lead.priority >= WEAPON_PRIORITY:
        # a named weapon ("rockets") is never swapped for another a later sentence mentions ("the
        # general killed by a drone strike in January") -- except chemical use, which ACLED codes
        # whatever delivered it
        refining = [a for a in refining if a.classification and a.classification.sub_event_type in OVERRIDING_TYPES]
    telling = triggers + refining
    if lead is not None and lead.sub_event_type in GUN_ASSAULT_TYPES and any(GUNFIRE_RE.search(a.sentence.text)
                                                                             for a in telling):
        # a shooting or storming in which the attackers also set off explosives ("stormed the campus and shot
        # students ... four were killed when they detonated explosive vests") stays the attack ACLED codes
        # it as: a generic blast word later in the telling ("heavy gunfire and several blasts woke them") does not
        # make it remote violence
        telling = [a for a in telling if a is triggers[0] or not _generic_blast(a)]
    # "Attacker shot dead by police": how the attack ended, not a battle it turns into
    telling = [a for a in telling if a is triggers[0] or not ATTACKER_STOPPED_RE.search(a.sentence.text)]
    best = max(telling, key=lambda a: a.classification.priority if a.classification else -1)
    if _after_a_killing_lead(best, triggers[0]):
        # "272 civilians had been killed by M23 rebels in Kishishe ... eight died from stray bullets
        # during fighting", "... the rebels have taken control of a large area since March": a lead
        # that states the killing decides the kind of act unless a later sentence names the weapon
        best = triggers[0]
    if _beside_a_killing(best, telling):
        # ACLED codes an attack that kills by its killing: "killing 41 ... The attackers fled with the
        # abducted students" is an Attack, and so is a massacre with "acts of sexual violence, looting
        # and abductions"
        best = max((a for a in telling if a.classification
                    and a.classification.sub_event_type not in ALONGSIDE_KILLING),
                   key=lambda a: a.classification.priority, default=best)  # type: ignore[union-attr]
    c = best.classification
    assert c is not None  # triggers always carry a classification
    evidence = _rel(doc, best, c.start, c.end)
    event.set("event_type", c.event_type, evidence)
    event.set("sub_event_type", c.sub_event_type, evidence)


ALONGSIDE_KILLING = frozenset({"Abduction/forced disappearance", "Sexual violence", "Looting/property destruction"})
"""Acts ACLED notes alongside a killing (as tags) rather than coding the event by them."""


def _after_a_killing_lead(best: SentenceAnalysis, lead: SentenceAnalysis) -> bool:
    """The chosen act is told after a lead that states a killing, and names no weapon."""
    return (best is not lead and best.classification is not None and best.classification.priority < WEAPON_PRIORITY
            and lead.classification is not None and lead.classification.event_type in POLITICAL_VIOLENCE_TYPES
            and lead.classification.sub_event_type not in ALONGSIDE_KILLING and _kills([lead]))


def _beside_a_killing(best: SentenceAnalysis, telling: list[SentenceAnalysis]) -> bool:
    """The chosen act goes with a killing the telling states: an abduction, sexual violence or looting."""
    kind = best.classification.sub_event_type if best.classification else None
    return kind in ALONGSIDE_KILLING and _kills(telling)


def _kills(telling: list[SentenceAnalysis]) -> bool:
    return any(a.casualties.killed is not None and a.casualties.killed.value > 0 for a in telling)


GUN_ASSAULT_TYPES = frozenset({"Attack", "Armed clash"})
GUNFIRE_RE = re.compile(r"\b(?:gunm[ae]n|gunfire|(?:opened|open|opening) fire|fired (?:on|at|into|upon)|shooting|shot|"
                        r"storm(?:ed|ing)|siege|hostages?|machine-?guns?|rifles?|firearms?)\b", re.I)


def _generic_blast(a: SentenceAnalysis) -> bool:
    """A blast word that names no weapon ("detonated", "set off a bomb at"), below the weapon rules."""
    c = a.classification
    return c is not None and c.event_type == EXPLOSIONS and c.priority < WEAPON_PRIORITY


def _set_date(event: Event, doc: Document, triggers: list[SentenceAnalysis], context: list[SentenceAnalysis],
              inherited_date: date | None = None) -> None:
    block = triggers[0].sentence.block
    same_block_context = [a for a in context if a.sentence.block == block]
    # "The attack took place on Monday" in the next paragraph dates it too
    told_again = [a for a in context if a.sentence.block != block and a.anaphoric and a.classification is not None]
    # "Security incidents (26 August)" over a list of bullets dates them
    headings = [a for a in reversed(context) if a.sentence.start < triggers[0].sentence.start and is_heading(a)]
    # the act's own date anywhere it is told, before the day someone told of it
    # "the victims of Sunday's strike" further down names the act's day, as a dateline or date line does not
    named_day = [a for a in context if a.act_date is not None and (
        ACT_OF_DAY_RE.match(a.sentence.text, a.act_date.end)
        # "condemns the attack on the evening of 7 December": the act named with its day
        or ACT_ON_DAY_RE.search(a.sentence.text, max(0, a.act_date.start - 60), a.act_date.start)
        # "condemns the bombing that struck buses at the al-Rashidin transit point on Saturday afternoon"
        or _day_in_talk_of_the_act(a))]
    dated = next(((a, d) for a in triggers + same_block_context + told_again + named_day + headings[:1]
                  if (d := a.act_date) is not None), None) \
        or next(((a, d) for a in triggers + same_block_context if (d := a.date) is not None), None)
    if dated is not None:
        a, d = dated
        event.set("event_date", d.value, _rel(doc, a, d.start, d.end))
        event.time_precision = d.precision
    else:
        if inherited_date is not None:
            event.event_date = inherited_date
            event.warnings.append("event_date is that of the incident told just before ('hours later', 'the same day')")
        elif doc.published is None:
            told = next(((a, d) for a in triggers + same_block_context + told_again for d in a.dates
                         if d.value is None and d.explicit and not is_telling_date(a.sentence.text, d)), None)
            if told is not None:
                event.evidence["event_date"] = _rel(doc, told[0], told[1].start, told[1].end)
            _keep_day_without_year(event, doc, told[1].text if told else None, triggers)
            return
        else:
            event.event_date = doc.published
            event.warnings.append("event_date is the report's published date: the text names no date")
        event.time_precision = PRECISION_DAY
    if doc.published and event.event_date and event.event_date < doc.published - timedelta(days=HISTORICAL_DAYS):
        event.historical = True
    elif doc.published is None and event.event_date is not None and day_without_year(doc) is not None:
        # a wire filed "KAMPALA, May 11" gives a year only for an incident of another time
        event.historical = True
        event.warnings.append("historical: a report that gives no year of its own dates this incident by one")


ACT_ON_DAY_RE = re.compile(r"\b(?:attacks?|bombings?|blasts?|ambush|assault|raid|strikes?|airstrikes?|massacre|killings?|"
                           r"shelling)\s+(?:on|of)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$", re.I)


def _day_in_talk_of_the_act(a: SentenceAnalysis) -> bool:
    """The sentence talks about the act ("condemns the bombing that ...") and dates it after the talk
    verb, where the day belongs to the act talked of, not to the talking."""
    topic_at = a.extra.get("topic_at")
    return a.classification is not None and isinstance(topic_at, int) and a.act_date is not None and \
        a.act_date.start > topic_at and a.act_date.explicit


def day_without_year(doc: Document) -> str | None:
    """The day a year-less dateline gives ("KAMPALA, May 11 (Reuters)" -> "--05-11"), if any."""
    line = find_dateline(doc.text)
    return month_day(doc.text[line[0]:line[1]]) if line else None


def _keep_day_without_year(event: Event, doc: Document, phrase: str | None = None,
                           triggers: Sequence[SentenceAnalysis] = ()) -> None:
    """No year anywhere and no published date: keep the report's day ("CAIRO, April 9 (Reuters)",
    or the phrase's own "on April 9") so the merge can read it in the year of the incident it
    joins; the event itself stays undated.  An act told "In December" in a report of June is
    an earlier one: history, with no day to keep."""
    day = day_without_year(doc) or (month_day(phrase) if phrase else None)
    told_month = next((MONTHS.get(w.lower()) for a in triggers[:1] for d in a.dates
                       if d.value is None and d.precision == PRECISION_MONTH
                       for w in re.findall(r"[A-Za-z]+", d.text) if w.lower() in MONTHS), None)
    if day is not None and told_month is not None and told_month != int(day[2:4]):
        event.historical = True
        event.warnings.append(f"historical: told as of another month than the report's day ({day[2:]})")
        return
    event.date_without_year = day
    if day is None:
        event.warnings.append("no date: the report has no published date and the text gives no year")
    else:
        told = f" ('{phrase}')" if phrase else ""
        event.warnings.append(f"no year: the report is of {day[2:]} (month-day){told} and gives no year; it is "
                              "dated by the incident it joins")


def _set_place(event: Event, doc: Document, triggers: list[SentenceAnalysis], context: list[SentenceAnalysis],
               first: bool) -> None:
    candidates, note = _place_candidates(doc, triggers, context, first)
    if note:
        event.warnings.append(note)
    if not candidates:
        _set_country_only(event, doc)
        return
    location = min(candidates, key=_specificity)
    if location.place.geonameid is None and location.geo_precision == GEO_REGION and not location.place.admin1:
        # an unlisted village known only by its country: the province the telling names holds it
        # ("a camp in Cameroon's Far North region ... at Nguetechewe, a village near Mozogo")
        region = next((c for c in candidates if (c.place.feature_code or "") in ("ADM1", "ADM2")
                       and c.place.country_code == location.place.country_code), None)
        if region is not None:
            location = replace(location, place=replace(
                location.place, latitude=region.place.latitude, longitude=region.place.longitude,
                admin1=region.place.admin1 or region.place.name,
                admin2=region.place.admin2 if (region.place.feature_code or "") == "ADM2" else None))
        elif first:
            location = _at_dateline_city(doc, location, event)
    place, evidence = location.place, _span(doc, location.start, location.end)
    point: tuple[float | None, float | None] = (place.latitude, place.longitude)
    if unfound_at_country_point(location):
        # the report's name for the place, but no point: its country's centre is not where it is
        point = (None, None)
        event.warnings.append(f"{_display_name(location)} is not in the gazetteer: no point, only its country")
    for name, value in (("country", place.country or country_name(place.country_code)),
                        ("country_code", place.country_code), ("admin1", place.admin1), ("admin2", place.admin2),
                        ("location", _display_name(location)), ("latitude", point[0]), ("longitude", point[1]),
                        ("geo_precision", location.geo_precision), ("geonameid", place.geonameid)):
        event.set(name, value, evidence if value is not None else None)


def _place_candidates(doc: Document, triggers: list[SentenceAnalysis], context: list[SentenceAnalysis],
                      first: bool) -> tuple[list, str | None]:
    """Where the incident may have happened, from its closest telling outwards: its trigger
    sentences, its paragraph, the section heading over a bullet, its later sentences -- and only
    then the city the report was filed from.  Returns the candidates and a warning, if any."""
    lead = triggers[0].sentence
    located = [(a, loc) for a in triggers if (loc := locate_sentence(doc, a)) is not None]
    country = _heading_country(doc, triggers, context)
    if country is not None and all(loc.place.country_code != country for _, loc in located):
        # read in the report's main country, the bullet's places fell abroad: read them in its heading's
        located = [(a, loc) for a in triggers if (loc := locate_sentence(doc, a, country)) is not None]
    own = [loc for a, loc in located if not _in_dateline(a, loc)]
    later_by_sentence = [(a, loc) for a in context if a.sentence.start > lead.start and not is_heading(a)
                         and not a.background and (loc := locate_sentence(doc, a)) is not None]
    later = [loc for _, loc in later_by_sentence]
    tiers = (
        lambda: own,
        lambda: [loc for a in context if a.sentence.block == lead.block and (loc := locate_sentence(doc, a)) is not None],
        # the section heading the bullet stands under ("Diyala:")
        lambda: [loc for a in context if a.sentence.start < lead.start and is_heading(a)
                 and (loc := locate_sentence(doc, a)) is not None][-1:],
        lambda: later,
        # the sentence that set the scene before the act was told ("92 bodies were counted in the Houla
        # area ... observers had seen shell impacts on houses")
        lambda: [loc for a in context if a.sentence.start < lead.start and not is_heading(a)
                 and (loc := locate_sentence(doc, a)) is not None and not _in_dateline(a, loc)][-1:],
    )
    candidates = next((found for tier in tiers if (found := tier())), [])
    if candidates and all(c.geo_precision == GEO_REGION for c in candidates):
        # "a bomb in a church in eastern Congo ... The device went off in Kasindi, a town in North Kivu":
        # a later sentence telling the same act may name its place more closely
        countries = {c.place.country_code for c in candidates}
        candidates += [loc for loc in later if loc.place.country_code in countries and loc not in candidates]
    elif candidates and all(c.geo_precision == GEO_NEAR for c in candidates):
        # "stopped south of Baghdad ... The blast in the town of Shomali, in Babil province": the next
        # paragraph may name the place the lead only points at (further down, other places are talk)
        countries = {c.place.country_code for c in candidates}
        pointing = max((a.sentence.block for a, _ in located), default=lead.block)
        candidates += [loc for a, loc in later_by_sentence if a.sentence.block <= pointing + 1
                       and loc.place.country_code in countries and loc not in candidates
                       and SETTLEMENT_BEFORE.search(doc.text, max(0, loc.start - 30), loc.start)]
    if candidates:
        return candidates, None
    filed = [loc for a, loc in located if _in_dateline(a, loc)] or \
        ([loc] if first and (loc := dateline_location(doc)) is not None else [])
    return filed, "location is the dateline's city: the report names no other place" if filed else None


def _heading_country(doc: Document, triggers: list[SentenceAnalysis], context: list[SentenceAnalysis]) -> str | None:
    """The country a bullet's section heading names ("Philippines" over "- 25 Jan | MAMASAPANO, ..."),
    when the report gives none of its own."""
    if doc.country_hint or not triggers[0].sentence.bullet:
        return None
    for a in context:
        if is_heading(a) and a.sentence.start < triggers[0].sentence.start:
            location = locate_sentence(doc, a)
            if location is not None and (location.place.feature_code or "").startswith("PCL") \
                    and location.start - a.sentence.start < 3:
                return location.place.country_code
    return None


def _in_dateline(a: SentenceAnalysis, location) -> bool:
    """The sentence's place is only the city it was filed from ("KINSHASA, Jan 16 (Reuters) - ...")."""
    span = a.extra.get("dateline")
    return isinstance(span, tuple) and span[0] <= location.start < span[1]


def _display_name(location) -> str:
    """The place as the report spells it ("Azaz", "Tuz Khormato"), which is how analysts and ACLED
    write it, rather than GeoNames' scholarly transliteration ("I‘zāz", "Ţūz Khūrmātū"); the
    geonameid and admin fields keep the gazetteer's identity.  Countries keep their own name."""
    place = location.place
    spelled = " ".join(location.named_as.split()).strip(" ,.'’")
    spelled = re.sub(r"['’]s$", "", spelled)
    if not spelled or (place.feature_code or "").startswith("PCL"):
        return place.name
    return spelled.title() if spelled.islower() or spelled.isupper() else spelled


def _at_dateline_city(doc: Document, location, event: Event):
    """A square or village the gazetteer lacks and the sentence places only in a country, in a story filed
    from a city of that country, is coded at that city ("Tayaran Square" under a BAGHDAD dateline)."""
    filed = dateline_location(doc)
    if filed is None or filed.place.country_code != location.place.country_code or filed.geo_precision == GEO_REGION:
        return location
    city = filed.place
    event.warnings.append(f"{location.place.name} is not in the gazetteer: coded at the dateline's city, {city.name}")
    return replace(location, geo_precision=GEO_NEAR, place=replace(
        location.place, latitude=city.latitude, longitude=city.longitude, admin1=city.admin1, admin2=city.admin2))


def _specificity(location) -> tuple[int, int]:
    """Smaller is more specific: exact towns before areas near them, villages before capitals."""
    place = location.place
    code = place.feature_code or ""
    rank = 3 if code.startswith(("PCL", "ADM1", "CONT", "RGN")) else 2 if code in ("ADM2", "PPLC") else 1
    return (rank, location.geo_precision, place.population or 0)


def _set_country_only(event: Event, doc: Document) -> None:
    code = doc.country_hint or outlet_country(doc.outlet)
    if not code:
        return
    event.country_code = code.upper()
    event.country = country_name(event.country_code)
    event.geo_precision = GEO_REGION
    event.warnings.append("location unknown: only the country hint of the report is used" if doc.country_hint else
                          f"location unknown: the country is that of the outlet's name ({doc.outlet})")


def _set_actors(event: Event, doc: Document, triggers: list[SentenceAnalysis],
                sentences: list[SentenceAnalysis]) -> None:
    country = event.country
    claim_at = next((a for a in sentences if a.claim is not None), None)
    if claim_at is not None and claim_at.claim is not None:
        claim = claim_at.claim
        name = _canonical(claim.claimant, country)
        evidence = _rel(doc, claim_at, claim.start, claim.end)
        event.set("claimed_by", name, evidence)
        event.set("actor1", name, evidence)
        known = find_actors(claim.claimant)
        event.inter1 = known[0].type_in(country) if known else None
        if claim.channel and claim.channel_start is not None and claim.channel_end is not None:
            event.set("claim_channel", claim.channel, _rel(doc, claim_at, claim.channel_start, claim.channel_end))
    protest = event.event_type in (PROTESTS, RIOTS)
    suspect = next(((a, a.attributed) for a in sentences if a.attributed is not None), None)
    for index, a in enumerate(triggers):
        roles = a.classification.roles if a.classification else None
        if roles is None:
            continue
        if protest:
            _set_protest_actors(event, doc, a, country)
            continue
        if index == 1 and event.actor1 is None and suspect is not None:
            # who the report blames outranks a guess from a sentence further down
            _set_actor(event, doc, suspect[0], "actor1", suspect[1], country)
        perpetrator = roles.perpetrator
        if event.actor1 is None and perpetrator is not None and not _implausible_perpetrator(event, perpetrator):
            _set_actor(event, doc, a, "actor1", perpetrator, country)
        if event.actor2 is None and roles.target is not None and roles.target.name_in(country) != event.actor1:
            _set_actor(event, doc, a, "actor2", roles.target, country)
    if suspect is not None and not suspect[1].generic and (event.actor1 is None or _is_unnamed(event.actor1)) \
            and event.claimed_by is None:
        # "killed by unidentified gunmen ... Islamic State is suspected": the blamed group, not "gunmen"
        _set_actor(event, doc, suspect[0], "actor1", suspect[1], country)
    if event.actor1 is None and suspect is not None:
        _set_actor(event, doc, suspect[0], "actor1", suspect[1], country)
    if (event.actor1 is None or _is_unnamed(event.actor1)) and not protest and event.claimed_by is None:
        # "The landmine had been left by the Islamic State": the agent named in a follow-up sentence
        agent = next(((a, ag) for a in sentences if (ag := passive_agent(a.sentence.text, a.actors)) is not None
                      and not ag.generic), None)
        if agent is not None:
            _set_actor(event, doc, agent[0], "actor1", agent[1], country)
    if (event.actor1 is None or _is_unnamed(event.actor1)) and not protest and event.claimed_by is None:
        # "An Islamic State attack caused 84 deaths", "gunmen of a group named in the report"
        named = _named_armed_group(triggers, event.actor2, country, armed_victim=event.inter2 in ARMED_ACTOR_TYPES)
        if named is not None:
            _set_actor(event, doc, named[0], "actor1", named[1], country)
    if event.actor1 is None and event.event_type in POLITICAL_VIOLENCE_TYPES:
        event.actor1 = fill_country("Unidentified Armed Group ({country})", country)
        event.inter1 = "Rebel group"
        event.warnings.append("actor1 unnamed in the report: coded as an unidentified armed group")


# A group named after these words is the side attacked, fought or fled, not the attacker.
NOT_AGENT_BEFORE_RE = re.compile(r"\b(?:against|fighting|fight|fought|from|fleeing|flee|fled|with|targeting|targeted|"
                                 r"on|join|joining|joined|recaptured from|retaken from|held by|of|"
                                 # one of the dead: "killed 14 people, among them one VDP"
                                 r"(?:including|among(?:\s+(?:them|whom))?)(?:\s+(?:a|an|one|two|three|several|some|\d+))?"
                                 r")\s+(?:the\s+)?(?:so-called\s+)?$", re.I)
# "Many civilians and VDP killed": a group named alongside civilians shares their lot
WITH_CIVILIANS_RE = re.compile(r"\s*(?:,|and|&)\s*(?:the\s+)?$", re.I)
# ... unless the side that suffered is already known and armed: then the group it fought is the other side
# ("three policemen were killed in a shootout with Islamic State militants").
OPPONENT_BEFORE_RE = re.compile(r"\b(?:shoot-?outs?|shootings?|clash(?:es)?|fighting|battles?|gunfights?|fire ?fights?|"
                                r"exchanges? of fire|skirmish(?:es)?|confrontations?|engagements?)\s+(?:with|against)\s+"
                                r"(?:the\s+)?(?:so-called\s+)?$", re.I)


def _named_armed_group(triggers: list[SentenceAnalysis], target: str | None, country: str | None,
                       armed_victim: bool = False) -> tuple[SentenceAnalysis, ActorMention] | None:
    """"an Islamic State attack", "shelling by the so-called Islamic State": when the grammar finds
    no agent, a named armed group in the incident's own sentences that is not its target most
    likely carried it out."""
    for a in triggers:
        text = a.sentence.text
        for actor in a.actors:
            if actor.generic or actor.actor_type not in ARMED_ACTOR_TYPES or actor.name_in(country) == target:
                continue
            if PATIENT_AFTER_RE.match(text, actor.end):
                continue  # "two American troops ... died": the victims
            if any(o.actor_type == "Civilians" and o.end <= actor.start and WITH_CIVILIANS_RE.fullmatch(text, o.end, actor.start)
                   for o in a.actors):
                continue
            if is_speaker(text, actor) or (NOT_AGENT_BEFORE_RE.search(text, max(0, actor.start - 30), actor.start) and not (
                    armed_victim and OPPONENT_BEFORE_RE.search(text, max(0, actor.start - 40), actor.start))):
                continue
            return a, actor
    return None


def _is_unnamed(actor: str) -> bool:
    return actor.startswith("Unidentified Armed Group")


def _implausible_perpetrator(event: Event, actor: ActorMention) -> bool:
    """Civilians are the victims of political violence in ACLED's coding, never its agents; nor is
    a ministry or "the authorities" ("the health ministry revised the toll of the bombing")."""
    return event.event_type in POLITICAL_VIOLENCE_TYPES and (
        actor.actor_type == "Civilians" or (actor.generic and actor.template.startswith("Government of")))


def _set_protest_actors(event: Event, doc: Document, a: SentenceAnalysis, country: str | None) -> None:
    if event.actor1 is None:
        protester = next((m for m in a.actors if m.actor_type in ("Protesters", "Rioters")), None)
        if protester is not None:
            _set_actor(event, doc, a, "actor1", protester, country)
        else:
            kind = "Rioters ({country})" if event.event_type == RIOTS else "Protesters ({country})"
            event.actor1 = fill_country(kind, country)
            event.inter1 = "Rioters" if event.event_type == RIOTS else "Protesters"
    if event.actor2 is None and event.sub_event_type != "Peaceful protest":
        force = next((m for m in a.actors if m.actor_type == "State forces"), None)
        if force is not None:
            _set_actor(event, doc, a, "actor2", force, country)


def _set_actor(event: Event, doc: Document, a: SentenceAnalysis, field_name: str, actor: ActorMention,
               country: str | None) -> None:
    event.set(field_name, actor.name_in(country), _rel(doc, a, actor.start, actor.end))
    setattr(event, "inter1" if field_name == "actor1" else "inter2", actor.type_in(country))


# "Somalia's al Shabaab Islamist (group)": a country's possessive and a descriptor around the name
_CLAIMANT_WRAPPING_RE = re.compile(r"^[A-Z][\w-]+['’]s\s+|\s+(?:Islamist|jihadist|militant|insurgent|rebel|extremist|"
                                   r"armed|separatist)s?$", re.I)


def _canonical(raw: str, country: str | None) -> str:
    known = find_actors(raw)
    bare = _CLAIMANT_WRAPPING_RE.sub("", raw)
    if known and known[0].end - known[0].start >= len(bare) * 0.5:
        return known[0].name_in(country)
    return raw


def _set_casualties(event: Event, doc: Document, triggers: list[SentenceAnalysis],
                    context: list[SentenceAnalysis]) -> None:
    block = triggers[0].sentence.block
    # a later toll in the same paragraph revises the first one ("raised the toll to 32"), and so does
    # an update anywhere in the incident's telling ("According to the latest report, ten have died")
    telling = triggers + [a for a in context if (a.sentence.block == block
                          or (a.sentence.start > triggers[0].sentence.start and TOLL_UPDATE_RE.search(a.sentence.text)))
                          and not CUMULATIVE_RE.search(a.sentence.text)]  # a war's toll to date is no incident's
    # "Two bombs ... killing at least 24" over "The first blast struck ... Fourteen people were killed":
    # the first act's own paragraph has its toll, the lead the sum of both
    first = _first_of_several(triggers, context)
    own = [a for a in triggers + context if first is not None and a.sentence.block == first.sentence.block]
    for field_name, attr in (("fatalities", "killed"), ("injuries", "injured")):
        best: tuple[SentenceAnalysis, Count] | None = None
        for a in own if any(getattr(a.casualties, attr) is not None for a in own) else telling:
            count = getattr(a.casualties, attr)
            if count is not None and (best is None or count.value > best[1].value):
                best = (a, count)
        if best is None:
            best = next(((a, c) for a in context if (c := getattr(a.casualties, attr)) is not None
                         and not CUMULATIVE_RE.search(a.sentence.text)), None)
        if best is not None:
            a, count = best
            event.set(field_name, count.value, _rel(doc, a, count.start, count.end))


TOLL_UPDATE_RE = re.compile(r"\b(?:latest|updated?|(?:death )?toll|so far|in all|in total|rose|risen|has reached|now stands)\b",
                            re.I)


def _set_sources(event: Event, doc: Document, sentences: list[SentenceAnalysis]) -> None:
    names: list[str] = []
    claimant = (event.claimed_by or "").lower()
    for a in sentences:
        for source in a.sources:
            lowered = source.name.lower()
            if lowered == claimant or any(lowered in n.lower() or n.lower() in lowered for n in names):
                continue
            event.evidence[f"sources.{len(names)}"] = _rel(doc, a, source.start, source.end)
            names.append(source.name)
    if event.claim_channel and not any(event.claim_channel.lower() in n.lower() for n in names):
        names.append(event.claim_channel)
    event.sources = names


def _confidence(event: Event, first: bool) -> float:
    score = 0.4
    score += 0.15 if event.event_type in POLITICAL_VIOLENCE_TYPES else 0.05
    score += 0.1 if event.latitude is not None else 0.0
    score += 0.1 if "actor1" in event.evidence else 0.0
    score += 0.1 if "event_date" in event.evidence else 0.0
    score += 0.1 if first else 0.0
    return round(min(score, 0.99), 2)
