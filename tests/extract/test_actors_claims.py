import pytest

from sitroom.extract.actors import find_actors
from sitroom.extract.claims import find_claim, find_sources, is_attribution


@pytest.mark.parametrize(("text", "canonical"), [
    ("Daesh fighters", "Islamic State (ISIL)"),
    ("ISIL", "Islamic State (ISIL)"),
    ("IS claimed it", "Islamic State (ISIL)"),
    ("Saryat Qasim al-Jabbarin", "Saraya Qasim al-Jabbarin"),
    ("Hashd al-Shaabi", "Popular Mobilization Forces"),
    ("the PMF", "Popular Mobilization Forces"),
    ("the international coalition", "US-led coalition"),
    # apostrophes anywhere in a transliteration, or after a word
    ("Al-Qa'ida in Iraq", "Al Qaeda in Iraq"),
    ("the Kurdistan Workers' Party", "PKK: Kurdistan Workers' Party"),
    ("Jaish al-Mahdi", "Saraya al-Salam"),
    # ISIL's 2006-2013 predecessor keeps its own name
    ("the Islamic State of Iraq", "Islamic State of Iraq"),
    ("the Islamic State of Iraq and the Levant", "Islamic State (ISIL)"),
])
def test_aliases_normalise(text, canonical):
    assert [a.name_in(None) for a in find_actors(text)][0] == canonical


def test_demonym_names_the_state():
    actor = find_actors("Iraqi Army forces were hit")[0]
    assert actor.name_in("Syria") == "Military Forces of Iraq"


def test_generic_nouns_take_the_event_country():
    actor = find_actors("Gunmen opened fire")[0]
    assert actor.name_in("Iraq") == "Unidentified Armed Group (Iraq)"
    assert actor.name_in(None) == "Unidentified Armed Group"


def test_lowercase_is_is_not_islamic_state():
    assert find_actors("this is a test") == []


def test_claim_with_channel():
    sentence = ("The Sabereen News, a Telegram channel close to armed groups, said Saryat Qasim al-Jabbarin "
                "claimed responsibility for the attack.")
    claim = find_claim(sentence)
    assert claim is not None
    assert claim.claimant == "Saryat Qasim al-Jabbarin"
    assert claim.channel == "Sabereen News"


@pytest.mark.parametrize(("sentence", "claimant", "channel"), [
    ("Late on Monday a little-known faction, Ashab al-Kahf, said it was behind the blast in a post shared by "
     "Sabereen News.", "Ashab al-Kahf", "Sabereen News"),
    ("The Islamic State group said on Friday, through its Amaq outlet, that its fighters had carried out the "
     "ambush near Tarmiyah.", "Islamic State", "Amaq"),
    ("Islamic State says it carried out Kirkuk checkpoint attack", "Islamic State", None),
    # a name with "in" inside it is one name, not the country at its end
    ("After the car bomb in Baghdad, Al-Qa'ida in Iraq claimed responsibility.", "Al-Qa'ida in Iraq", None),
])
def test_said_it_carried_out_is_a_claim(sentence, claimant, channel):
    claim = find_claim(sentence)
    assert claim is not None
    assert (claim.claimant, claim.channel) == (claimant, channel)
    assert sentence[claim.start:claim.end] == claimant


def test_no_group_is_no_claimant():
    assert find_claim("No group said it had carried out the attack.") is None


def test_a_state_announcing_its_own_operation_is_not_a_named_claimant():
    assert find_claim("The Iraqi military said it carried out airstrikes on the hideouts.") is None


def test_no_one_claimed_is_not_a_claim():
    assert find_claim("No group has claimed responsibility for the bombing.") is None


def test_suspicion_is_attribution_not_claim():
    sentence = "No one claimed the attack, but the Islamic State is suspected."
    assert find_claim(sentence) is None
    assert is_attribution(sentence)


def test_source_chain():
    sentence = "A bomb hit a convoy, an Iraqi security source told the UAE-based al-Ain TV."
    names = [s.name for s in find_sources(sentence)]
    assert names == ["Iraqi security source", "al-Ain TV"]


def test_according_to():
    names = [s.name for s in find_sources("Two were killed, according to police sources.")]
    assert names == ["police sources"]


@pytest.mark.parametrize(("sentence", "actor1"), [
    ("A civilian was killed in a blast as a bomb, planted by Islamic State, exploded south of Kirkuk.", "Islamic State (ISIL)"),
    ("An Iraqi army commander was killed in an Islamic State bomb blast.", "Islamic State (ISIL)"),
    ("Islamic State militants attacked a position held by the Popular Mobilization Forces.", "Islamic State (ISIL)"),
    ("A suicide bomber from Ansar al-Sunnah detonated his vest at a base in Mosul.", "Ansar al-Sunna"),
    ("A soldier was killed by unidentified gunmen; the Islamic State is suspected of the attack.", "Islamic State (ISIL)"),
    ("Turkey's military said the Islamic State group killed five Turkish soldiers.", "Islamic State (ISIL)"),
    ("Islamic State kills at least 30 people in the town.", "Islamic State (ISIL)"),
    # "killed at least N" is active voice, not a headline passive
    ("Islamic State militants killed at least 12 displaced farmers near the camp.", "Islamic State (ISIL)"),
    # the passive's agent takes an article, and the trigger noun sits inside the agent phrase
    ("A border guard was shot dead by an Islamic State sniper near Rutba.", "Islamic State (ISIL)"),
    # an adjective before the name is not a second, anonymous actor
    ("A soldier was wounded in a mortar attack by the jihadist Islamic State group in Baiji.", "Islamic State (ISIL)"),
    # the side an armed victim fought is the other party of the clash
    ("Two security men were killed in a gunfight with Islamic State militants in Hawija.", "Islamic State (ISIL)"),
    ("A group of men belonging to the ISIL stormed a checkpoint and killed two guards.", "Islamic State (ISIL)"),
    # the accuser is not the accused; the suspect may stand before or after the cue
    ("A gunman shot dead a farmer in Tikrit. Local officials accused the Islamic State of the killing.",
     "Islamic State (ISIL)"),
    ("A roadside bomb killed a shepherd near Tuz Khurmatu. The Islamic State is usually behind such attacks.",
     "Islamic State (ISIL)"),
    ("A bomb killed two people in Jarabulus. The Free Syrian Army suspects the YPG could be behind the blast.",
     "YPG: People's Protection Units"),
    # a group the alias table lacks keeps its own name instead of becoming a state army
    ("The Afrin Liberation Forces attacked a Turkish army vehicle near Jinderes.", "Afrin Liberation Forces"),
    # victims named as the subject of "were found dead" or "..., were killed" are not the attackers
    ("Two members of the Syrian Democratic Forces were found dead near Hajin. Islamic State militants are "
     "the likely perpetrators.", "Islamic State (ISIL)"),
    ("Four members of the Peshmerga, were killed when an Islamic State suicide bomber struck their post.",
     "Islamic State (ISIL)"),
    # "followed by" names what came next, not who acted
    ("Turkish forces launched the operation with air strikes followed by commandos landed by helicopter.",
     "Military Forces of Turkey"),
    # a trigger that is itself the attacker names the perpetrator, not the target
    ("A suicide bomber blew himself up at a wedding hall in Kirkuk, killing nine guests.",
     "Unidentified Armed Group (Iraq)"),
    # the group's statement that one of its bombers struck is a claim
    ("The Islamic State group said one of its suicide bombers had targeted the market in Tikrit.",
     "Islamic State (ISIL)"),
    # a ministry reporting a toll is no perpetrator
    ("The health ministry revised the toll of the Karrada suicide truck bombing to 292 dead.",
     "Unidentified Armed Group (Iraq)"),
    # a story title before a colon does not take part in the sentence's event
    ("Kirkuk market bombing: Islamic State militants detonated a car bomb in a market, killing six.",
     "Islamic State (ISIL)"),
])
def test_perpetrator_is_actor1(sentence, actor1):
    from datetime import date

    from sitroom.extract import extract_events
    from sitroom.model import Document

    (event,) = [e for e in extract_events(Document(text=sentence, published=date(2016, 1, 1), country_hint="IQ"))
                if not e.historical]
    assert event.actor1 == actor1


@pytest.mark.parametrize(("text", "name"), [
    ("the Afrin Liberation Forces", "Afrin Liberation Forces"),
    ("the Turkish-backed National Front for Liberation", "National Front for Liberation"),
    ("the Saraya Awliya al-Dam", "Saraya Awliya al-Dam"),  # the alias table still wins where it knows the name
])
def test_unknown_groups_are_named_as_written(text, name):
    (actor,) = find_actors(text)
    assert actor.name_in("Syria") == name
    assert not actor.generic


@pytest.mark.parametrize("text", ["Iraqi Security Forces", "The Army", "In Mosul Police"])
def test_state_force_names_are_not_unknown_groups(text):
    assert all(a.generic for a in find_actors(text))


def test_a_suicide_bomber_is_not_the_target_of_his_own_attack():
    from datetime import date

    from sitroom.extract import extract_events
    from sitroom.model import Document

    (event,) = extract_events(Document(text="A suicide bomber blew himself up at a checkpoint in Hit, killing two "
                                            "soldiers.", published=date(2016, 1, 1), country_hint="IQ"))
    assert event.actor2 == "Military Forces of Iraq"


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Islamic State claimed the suicide bombing of the mosque, which killed 47.", "Islamic State"),
    ("ISKP claimed both attacks in a statement.", "ISKP"),
    ("The Taliban claimed Tuesday's ambush on the convoy.", "Taliban"),  # no demonym, though it ends in -an
    ("Al-Shabaab claimed the twin car bomb blasts.", "Al-Shabaab"),
])
def test_claiming_the_act_named_with_its_qualifiers_is_a_claim(sentence, claimant):
    claim = find_claim(sentence)
    assert claim is not None and claim.claimant == claimant


@pytest.mark.parametrize("sentence", ["He claimed the land was his.", "Iraqi claimed the attack."])
def test_claiming_something_else_or_a_bare_demonym_is_no_claim(sentence):
    assert find_claim(sentence) is None


@pytest.mark.parametrize(("sentence", "canonical"), [
    ("ISKP gunmen attacked the mosque.", "Islamic State Khorasan Province"),
    ("Fighters of Wilayat Sinai attacked a checkpoint.", "Islamic State Sinai Province"),
    ("ISWAP fighters overran the base.", "Islamic State West Africa Province"),
])
def test_islamic_state_provinces_are_named_for_themselves(sentence, canonical):
    assert any(a.name_in(None) == canonical for a in find_actors(sentence))


@pytest.mark.parametrize("text", [
    "A truck packed with explosives blew up outside the Army Public School in the city.",
    "Gunmen attacked students at the Federal Police Training College on Sunday.",
])
def test_a_force_named_in_a_buildings_name_is_no_actor(text):
    assert not [a for a in find_actors(text) if a.actor_type == "State forces"]


def test_a_force_that_acts_is_still_an_actor():
    assert find_actors("Police raided a school in the town.")[0].name_in("Kenya") == "Police Forces of Kenya"


def test_who_is_outraged_by_an_attack_is_not_its_perpetrator():
    from datetime import date

    from sitroom.extract import extract_events
    from sitroom.model import Document

    sentence = ("The UN Humanitarian Coordinator in Nigeria is outraged and deeply saddened by the attack carried out "
                "yesterday in Koshebe, in which at least 110 civilians were killed.")
    (event,) = extract_events(Document(text=sentence, published=date(2020, 11, 29), country_hint="NG"))
    assert event.sub_event_type == "Attack" and event.actor1 != "United Nations"


def test_a_local_government_area_is_a_place_not_a_government():
    assert not [a for a in find_actors("Gunmen killed 40 farmers in Jere Local Government Area of Borno State.")
                if a.actor_type == "State forces"]


def test_who_confirms_an_attack_is_its_speaker_not_its_perpetrator():
    from sitroom.extract.actors import is_speaker

    sentence = "Coalition confirms a Houthi drone attack on Abha regional airport tonight."
    coalition = next(a for a in find_actors(sentence) if a.text == "Coalition")
    assert is_speaker(sentence, coalition)


@pytest.mark.parametrize("text", [
    "The attackers wore army/PMF uniforms.",
    "The attackers, some wearing the uniforms of the Popular Mobilisation Forces, opened fire.",
    "Gunmen disguised as police stopped the bus.",
])
def test_a_force_whose_uniform_the_attackers_wore_is_a_disguise_not_an_actor(text):
    assert all(a.actor_type != "State forces" and "Popular Mobilization" not in a.template for a in find_actors(text))


def test_troops_in_uniform_are_still_troops():
    assert [a.text for a in find_actors("Soldiers in uniform opened fire on the crowd.")][:1] == ["Soldiers"]


def _actor1s(text: str, published) -> list[str | None]:
    from sitroom.extract import extract_events
    from sitroom.model import Document

    return [e.actor1 for e in extract_events(Document(text=text, published=published, country_hint="IQ"))
            if not e.historical]


@pytest.mark.parametrize("text", [
    # named beside the civilians killed: among the dead, not the attackers
    "Attack this morning on the diggers outside Tuz Khurmatu. Many civilians and Peshmerga killed.",
    # one of the dead
    "On Friday evening, gunmen on motorbikes killed 14 people in the village of Bashir, among them one Peshmerga.",
    "Gunmen killed six people in Bashir on Friday, including a Peshmerga officer.",
    # who condemns an attack did not carry it out
    "The United Nations condemns the bombing of a church in Qaraqosh on Sunday, which killed 14 civilians.",
])
def test_a_group_among_the_victims_or_judging_the_attack_is_not_its_perpetrator(text):
    from datetime import date

    assert _actor1s(text, date(2016, 6, 5)) == ["Unidentified Armed Group (Iraq)"]


def test_mine_action_is_no_mine_blast():
    from datetime import date

    assert _actor1s("UN mine action experts are supporting the authorities at the site.", date(2016, 1, 18)) == []

