import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.extract.numbers import find_casualties, parse_number


@pytest.mark.parametrize(("sentence", "killed", "injured"), [
    ("A car bomb killed 76 people and injured 123 others in the market.", 76, 123),
    ("The toll from yesterday's attack on the restaurant west of the city is now 74, officials say.", 74, None),
    ("The death toll was three times higher than last year.", None, None),
    ("A terrorist column murdered fourteen (14) people, among them two minors, at a bar.", 14, None),
    ("The murdered journalist was buried on Friday.", None, None),
    ("Father Nikolai, a 66-year-old priest who had served there for decades, was killed inside the church.", None, None),
    ("Two 19-year-old soldiers were killed.", 2, None),
    ("The attacks came three months after gunmen killed more than 140 people at a concert hall.", None, None),
    ("Five (05) members of the army and two (02) civilian drivers lost their lives, and six (06) soldiers were wounded.",
     7, 6),
    ("At least seven people were killed and 16 wounded.", 7, 16),
    ("A policeman and two civilians were killed in the blast.", 3, None),
    ("A soldier was killed and four others were wounded.", 1, 4),
    ("Five people, including two children, were killed.", 5, None),
    ("Dozens were wounded when rockets fell.", None, 12),
    ("Tens of people were injured.", None, 10),
    ("The explosion killed two to four people.", 2, None),
    ("Nevertheless, no human losses were reported.", 0, 0),
    ("The attack caused no casualties.", 0, 0),
    ("Twenty-one people were killed in the twin bombings.", 21, None),
    ("A roadside bomb left a soldier dead and two others injured.", 1, 2),
    ("The bomb was placed 20 km north of Mosul.", None, None),
    ("In 2014 the town fell.", None, None),
    # "no one" is a zero, never a count of one
    ("Troops searched the compound and no one was injured.", None, 0),
    ("No one was killed or wounded in the blast.", 0, 0),
    ("Nobody was hurt when the mortar landed.", 0, 0),
    ("Two guards were killed, but no one else was injured.", 2, 0),
    ("A bomb hit the patrol; no one was killed and three soldiers were wounded.", 0, 3),
    ("None of the passengers were harmed.", 0, 0),
    # two tallies side by side are not one list
    ("The truck bomb killed three people and injured an additional 40 others.", 3, 40),
    ("A bomb killed at least 4 people and another 7 were injured.", 4, 7),
    ("Gunmen killed at least 12 villagers and 30 others were wounded.", 12, 30),
    ("The blast killed six (including a police officer) and left 25 wounded.", 6, 25),
    ("The mortar fire resulted in the wounding of 8 soldiers.", None, 8),
    ("A suicide bomber killed two guards, three pilgrims who were queueing were also hurt.", 2, 3),
    ("Two bomb disposal officers were killed while defusing a device near Hit.", 2, None),
    ("Nine people including three children and two policemen were killed and 4 soldiers were wounded.", 9, 4),
    ("The militants burned to death 11 villagers in a barn.", 11, None),
    # one named-by-role victim: "the director", "his son"
    ("Gunmen shot and killed the director of a radio station outside his home.", 1, None),
    ("The judge escaped unharmed, but his son was killed.", 1, None),
    ("The blast killed at least 40 people and wounded close to 90.", 40, 90),
    ("The death toll from Saturday's bombing has reached 212, officials said.", 212, None),
    # a long list before the verb is still one list
    ("Two police officers, a civilian employee of the provincial council and a driver working for the "
     "council were killed in the blast.", 4, None),
])
def test_casualty_counts(sentence, killed, injured):
    found = find_casualties(sentence)
    assert (found.killed.value if found.killed else None) == killed
    assert (found.injured.value if found.injured else None) == injured


@pytest.mark.parametrize(("token", "value"), [("32", 32), ("1,200", 1200), ("seven", 7), ("twenty-one", 21),
                                              ("dozens", 12), ("hundreds", 100), ("xyz", None)])
def test_parse_number(token, value):
    assert parse_number(token) == value


@given(st.text(max_size=300))
def test_never_raises(sentence):
    found = find_casualties(sentence)
    for count in (found.killed, found.injured):
        if count is not None:
            assert count.value >= 0
            assert 0 <= count.start <= count.end <= len(sentence)


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A roadside bomb killed a village volunteer on Wednesday, a day after another bomb in the same district "
     "killed two rangers.", 1),
    ("Two days after a car bomb killed 12, gunmen killed three soldiers at a checkpoint.", 3),
    ("Gunmen killed three soldiers, a week after a similar attack killed 12 in the town.", 3),
])
def test_the_toll_of_another_incident_the_sentence_recalls_is_not_counted(sentence, killed):
    assert find_casualties(sentence).killed.value == killed


def test_claimed_the_lives_of_is_a_toll():
    assert find_casualties("The attack claimed the lives of 92 soldiers.").killed.value == 92


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The government put the death toll at 141 by the end of the week.", 141),
    ("The ministry revised the death toll from the bombing down to 95.", 95),
    ("Officials gave the provisional toll as 60.", 60),
])
def test_a_toll_put_at_or_revised_to_a_figure_is_a_toll(sentence, killed):
    assert find_casualties(sentence).killed.value == killed


def test_the_toll_of_an_earlier_assault_the_lead_recalls_is_not_this_ones():
    sentence = ("Gunmen killed at least 15 people in raids on villages overnight, the second night of bloodshed after an "
                "assault on the town itself killed 49.")
    assert find_casualties(sentence).killed.value == 15


def test_military_shorthand_for_killed_and_wounded_in_action_is_a_toll():
    c = find_casualties("IED struck an army vehicle near Dibis in the early morning; 2 soldiers KIA, 3 WIA.")
    assert (c.killed.value, c.injured.value) == (2, 3)


def test_an_earlier_incident_days_before_keeps_its_toll_and_place_to_itself():
    from sitroom.extract.numbers import other_incident_spans

    sentence = "The attacks came days after a riot at a police compound outside Jakarta in which five officers were killed."
    (span,) = other_incident_spans(sentence)
    assert sentence[span[0]:span[1]].startswith("days after") and find_casualties(sentence).killed is None
