"""Which act types an incident told over several sentences."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract import extract_events
from sitroom.model import Document


def sub_types(text: str, published: date = date(2021, 6, 4)) -> list[str | None]:
    return [e.sub_event_type for e in extract_events(Document(text=text, published=published)) if not e.historical]


@pytest.mark.parametrize("text", [
    "Gunmen stormed a hotel in the port town on Thursday and shot guests in the lobby, killing 31 people. "
    "Three of the attackers died when they detonated explosives as troops closed in.",
    "Armed men opened fire on villagers at a market on Thursday, killing 12 people. "
    "Witnesses said the assailants had set off a bomb at the entrance before they started shooting.",
])
def test_a_shooting_whose_attackers_also_set_off_explosives_stays_an_attack(text):
    assert sub_types(text) == ["Attack"]


def test_a_bombing_told_first_stays_a_bombing_when_gunmen_follow():
    text = ("A bomb exploded at a crowded bus stop on Thursday, killing four people. "
            "Gunmen then opened fire on those who came to help.")
    assert sub_types(text) == ["Remote explosive/landmine/IED"]


def test_a_raid_that_kills_and_carries_people_off_is_an_attack_whatever_sentence_tells_the_abduction():
    text = ("Rebels kill 19 in raid on village school\n\n"
            "Gunmen attacked a boarding school in the east of the country late on Friday, killing 19 people. "
            "The attackers fled into the forest with the abducted pupils, the army said.")
    assert sub_types(text) == ["Attack"]


def test_an_abduction_with_no_one_killed_stays_an_abduction():
    text = ("Gunmen abducted 30 pupils from a boarding school in the east of the country late on Friday. "
            "The kidnappers fled into the forest with them, the army said.")
    assert sub_types(text) == ["Abduction/forced disappearance"]


def test_a_lead_that_states_a_killing_decides_over_a_later_sentence_naming_no_weapon():
    text = ("The government said on Monday that 90 civilians had been killed by rebels in the village of Qelbuvo last Tuesday. "
            "The rebels said eight civilians had died from stray bullets during fighting with other armed groups. "
            "The rebels have taken control of a large area since they resumed fighting in March.")
    assert sub_types(text, date(2022, 12, 5)) == ["Attack"]


def test_a_massacre_with_sexual_violence_and_looting_is_coded_by_its_killing():
    text = ("At least 60 civilians were killed by fighters of the group in two villages on 29 and 30 November 2022. "
            "Acts of sexual violence, looting and abductions were also documented.")
    assert sub_types(text, date(2022, 12, 7)) == ["Attack"]


def test_fighters_who_enter_a_base_and_attack_soldiers_fight_a_battle_not_take_territory():
    text = "Some ten insurgents entered the base on Friday and attacked soldiers at the mosque, killing dozens."
    assert sub_types(text) == ["Armed clash"]
