"""Which of a report's dates is the day of the act."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract import extract_events
from sitroom.model import Document


def dates_of(text: str, published: date) -> list[date | None]:
    return [e.event_date for e in extract_events(Document(text=text, published=published)) if not e.historical]


@pytest.mark.parametrize("joined", ["overnight and early on Thursday", "overnight into Thursday"])
def test_a_night_joined_to_a_named_day_is_that_day(joined):
    # 7 March 2024 was a Thursday
    text = f"Gunmen attacked three police posts in the district {joined}, killing nine officers."
    assert dates_of(text, date(2024, 3, 7)) == [date(2024, 3, 7)]


def test_a_night_alone_is_still_the_night_before():
    text = "Gunmen attacked three police posts in the district overnight, killing nine officers."
    assert dates_of(text, date(2024, 3, 7)) == [date(2024, 3, 6)]


@pytest.mark.parametrize("verb", ["acknowledged", "admitted", "conceded"])
def test_the_day_a_side_owned_up_to_an_act_is_not_its_day(verb):
    # 14 June 2023 was a Wednesday; the strike itself was on the Monday
    text = (f"The army {verb} on Wednesday that its jets had carried out an air strike on a market town.\n\n"
            "The attack on Monday afternoon killed at least 30 people, residents said.")
    assert dates_of(text, date(2023, 6, 14)) == [date(2023, 6, 12)]


def test_the_day_of_an_election_the_attack_was_timed_by_is_not_its_day():
    text = ("Rebels ambushed a military convoy guarding ballot boxes, killing eight soldiers, hours before polls opened "
            "in Sunday's presidential election. The attack took place on Saturday night.")
    (event,) = [e for e in extract_events(Document(text=text, published=date(2016, 4, 10))) if not e.historical]
    assert event.event_date == date(2016, 4, 9)


def test_a_statement_whose_title_tells_the_attack_is_dated_by_the_attack_it_condemns():
    text = ("Statement on the attack against peacekeepers in North Kivu\n\nNew York, 8 December 2017\n\n"
            "The Secretary-General condemns the attack on the evening of 7 December against the base at Qelbuvo.\n\n"
            "At least fourteen peacekeepers were killed and fifty-three others injured.")
    found = [e for e in extract_events(Document(text=text, published=date(2017, 12, 8))) if not e.historical]
    assert [e.event_date for e in found] == [date(2017, 12, 7)]


def test_the_day_police_told_reporters_is_the_telling_not_the_act():
    from sitroom.extract.analysis import is_telling_date
    from sitroom.extract.dates import find_dates

    text = "Gunmen fired on diners at the hotel, a police spokesman told reporters on Saturday."
    (d,) = find_dates(text, date(2024, 8, 3))
    assert is_telling_date(text, d)


@pytest.mark.parametrize("text", [
    "In a statement on Sunday, the ministry said troops had come under fire.",
    "President Putin, in a televised address on Saturday, said the attackers had tried to flee.",
])
def test_the_day_of_a_statement_or_an_address_is_the_telling_not_the_act(text):
    from sitroom.extract.analysis import is_telling_date
    from sitroom.extract.dates import find_dates

    (d,) = find_dates(text, date(2024, 3, 24))
    assert is_telling_date(text, d)
