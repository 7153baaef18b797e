"""Whether a telling is a conflict incident at all, judged over all its sentences, not one."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract import extract_events
from sitroom.model import Document


def events(text: str, published: date = date(2022, 6, 3)):
    return extract_events(Document(text=text, published=published))


@pytest.mark.parametrize("text", [
    # the title line names no cause; the body does
    "Harbour blast: ten days later, families still wait\n\nTen days after the explosion of fertiliser that "
    "had been stored for years in a shed at the harbour, officials say 41 people have died.",
    "A huge explosion shook the market district of the town on Tuesday, killing nine people. "
    "Firefighters said a gas cylinder in a restaurant kitchen had exploded.",
    "Two workers died in a blast at the textile mill on Monday. The owner blamed an accidental spark.",
])
def test_a_blast_whose_telling_names_an_accident_cause_is_no_event(text):
    assert events(text) == []


@pytest.mark.parametrize("text", [
    # the trigger sentence names the weapon: the fuel depot is only where it went off
    "A bomb went off near a fuel depot in the town on Tuesday, killing nine people. "
    "Fuel stored at the depot caught fire.",
    # a named weapon, whatever carried it
    "A booby-trapped fuel tanker exploded at a crowded junction on Tuesday, killing nine people.",
    # the cause is named only to be denied
    "An explosion tore through a market in the town on Tuesday, killing nine people. "
    "Police ruled out an accident and said the device had been hidden in a cart.",
])
def test_an_attack_near_stored_fuel_or_with_an_accident_denied_stays_an_event(text):
    assert len(events(text)) == 1


def test_two_bombings_a_wire_tells_in_turn_are_two_incidents_and_each_takes_its_claim():
    text = ("Two suicide attacks strike the north\n\n"
            "Suicide bombers struck a government compound in Tal Afar and a police van in Mosul on Wednesday, "
            "killing seven people, officials said.\n\n"
            "In Tal Afar, a bomber on foot blew himself up at the gate of the compound, killing five guards. "
            "Ansar al-Islam, a splinter group based in the mountains, said it had sent the bomber.\n\n"
            "Earlier in the day in Mosul, a man on a motorcycle blew himself up beside a police van, killing the driver. "
            "The Islamic State (ISIL) said in a statement that it had carried out the attack.")
    found = sorted((e.location, e.actor1, e.sub_event_type) for e in events(text, date(2017, 2, 15)) if not e.historical)
    assert [f[2] for f in found] == ["Suicide bomb", "Suicide bomb"]
    assert {f[1] for f in found} == {"Ansar al-Islam", "Islamic State (ISIL)"}


def test_key_points_that_sum_up_or_tell_no_count_or_day_are_no_incidents():
    text = ("WEEKLY BRIEF\n\nKEY POINTS\n"
            "- Three suicide attacks in three days, in Baghdad, Kirkuk and Mosul.\n"
            "- The group's announced campaign against state targets appears to be under way.\n\n"
            "INCIDENTS\n"
            "* 15/02 (Wed) — KIRKUK: suicide bomber detonated at a police checkpoint. 5 killed; 9 injured.\n")
    found = [e for e in events(text, date(2017, 2, 19)) if not e.historical]
    assert [e.location for e in found] == ["Kirkuk"]


def test_bullets_a_sentence_introduces_tell_the_steps_of_its_incident_not_new_ones():
    text = ("PRESS RELEASE\n\nGeneva, 29 May 2012\n\n"
            "The network has recorded the names of 60 people killed in Qelbuvo, a village in Homs governorate, "
            "on Friday 25 May 2012.\n\n"
            "Survivors' accounts agree on the following sequence of events:\n\n"
            "- From around 2 p.m., army positions fired mortar rounds into the village for several hours.\n"
            "- After sunset, armed men entered houses and killed those inside with guns and knives.\n")
    found = [e for e in events(text, date(2012, 5, 29)) if not e.historical]
    assert [e.event_date for e in found] == [date(2012, 5, 25)]


def test_bullets_under_a_heading_stay_incidents_of_their_own():
    text = ("WEEKLY BRIEF\n\nINCIDENTS:\n"
            "- 14/02 — KIRKUK: a roadside bomb hit a police patrol, killing two officers.\n"
            "- 15/02 — MOSUL: gunmen killed three shepherds near the city.\n")
    found = [e for e in events(text, date(2017, 2, 19)) if not e.historical]
    assert len(found) == 2


def test_a_claim_of_an_incident_named_by_its_place_is_talk_of_that_incident():
    text = ("A truck bomb blew up at a police training camp in the town of Baiji on Thursday, killing 50 recruits. "
            "Hours later a suicide car bomber struck a checkpoint at the entrance to Tikrit, killing six.\n\n"
            "The Islamic State group claimed the Baiji attack in an online statement, saying a suicide bomber had "
            "driven a water tanker into the camp.")
    found = [e for e in events(text, date(2016, 1, 8)) if not e.historical]
    assert sorted(e.location for e in found) == ["Baiji", "Tikrit"]
    baiji = next(e for e in found if e.location == "Baiji")
    assert baiji.claimed_by == "Islamic State (ISIL)"


def test_a_paragraph_opening_on_the_place_of_a_lead_dated_only_by_its_telling_tells_that_incident():
    text = ("BAGHDAD, June 23, 2019 — A general was shot dead by his bodyguard in the capital and the governor of "
            "Nineveh was killed in an attack in Mosul, the government said Sunday.\n\n"
            "The general and a visiting officer were shot at his residence in Baghdad late on Saturday, hours after "
            "the attack in Mosul.\n\n"
            "In Mosul, gunmen burst into a meeting of provincial officials on Saturday afternoon and opened fire, "
            "killing the governor and his adviser.\n\n"
            "In June last year, a grenade thrown at a rally in Baghdad killed two people.")
    found = sorted((e.event_date, e.location, e.fatalities) for e in events(text, date(2019, 6, 23)) if not e.historical)
    assert [(d, place) for d, place, _ in found] == [(date(2019, 6, 22), "Baghdad"), (date(2019, 6, 22), "Mosul")]
    assert not any(f == 23 for _, _, f in found)  # the dateline's day is no toll


def test_the_prose_under_a_headlines_heading_sums_up_the_incidents_listed_below():
    text = ("IRAQ SECURITY WEEKLY\n23 – 29 December 2023\n\nHEADLINES\n"
            "Coordinated attacks on villages in Kirkuk province were the deadliest in the province in years.\n\n"
            "NORTH\n"
            "- Sun 24 Dec — Hawija district, Kirkuk: armed men attacked five villages, killing 19 residents.\n")
    found = [e for e in events(text, date(2023, 12, 29)) if not e.historical]
    assert [e.event_date for e in found] == [date(2023, 12, 24)]
