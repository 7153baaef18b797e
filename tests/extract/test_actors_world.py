"""Armed groups beyond Iraq and Syria: names, acronyms that match only as written, homonyms by
country, and acronyms that belong to the name before them.  Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract.actors import find_actors


def names(text: str, country: str | None = None) -> list[str]:
    return [a.name_in(country) for a in find_actors(text)]


@pytest.mark.parametrize(("text", "canonical"), [
    ("the Allied Democratic Forces", "ADF: Allied Democratic Forces"),
    ("M23 rebels", "M23: March 23 Movement"),
    ("the Rapid Support Forces", "RSF: Rapid Support Forces"),
    ("fighters of the FDLR", "FDLR: Democratic Forces for the Liberation of Rwanda"),
    ("CODECO militiamen", "CODECO: Cooperative for Development of Congo"),
    ("Mayi-Mayi militia", "Mai-Mai Militia"),
    ("the anti-Balaka", "Anti-Balaka"),
    ("Tigray Defence Forces", "TPLF: Tigray People's Liberation Front"),
    ("the Oromo Liberation Army", "OLA: Oromo Liberation Army"),
    ("Katiba Macina", "Katiba Macina"),
    ("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM: Group for Support of Islam and Muslims"),
    ("Ansaroul Islam", "Ansaroul Islam"),
    ("Dan Na Ambassagou", "Dan Na Ambassagou"),
    ("the Volunteers for the Defence of the Homeland", "VDP: Volunteers for the Defense of the Homeland"),
    ("Wagner mercenaries", "Wagner Group"),
    ("Ahrar al-Sham", "Ahrar al Sham"),
    ("the Syrian National Army", "SNA: Syrian National Army"),
    ("Liwa Fatemiyoun", "Liwa Fatemiyoun"),
    ("Palestinian Islamic Jihad", "PIJ: Palestinian Islamic Jihad"),
    ("the Kurdistan Freedom Hawks", "TAK: Kurdistan Freedom Hawks"),
    ("the Tehreek-e-Taliban Pakistan", "TTP: Tehrik-i-Taliban Pakistan"),
    ("the Pakistani Taliban", "TTP: Tehrik-i-Taliban Pakistan"),
    ("the Afghan Taliban", "Taliban"),
    ("Lashkar-e-Toiba", "LeT: Lashkar-e-Taiba"),
    ("Jaish-e-Mohammed", "JeM: Jaish-e-Mohammad"),
    ("Naxalites", "CPI (Maoist): Communist Party of India (Maoist)"),
    ("the Communist Party of India (Maoist)", "CPI (Maoist): Communist Party of India (Maoist)"),
    ("Abu Sayyaf militants", "Abu Sayyaf Group"),
    ("the New People's Army", "NPA: New People's Army"),
    ("the Arakan Army", "AA: Arakan Army"),
    ("the Kachin Independence Army", "KIA: Kachin Independence Army"),
    ("People's Defence Force fighters", "PDF: People's Defense Force"),
    ("the Tatmadaw", "Military Forces of Myanmar"),
    ("Clan del Golfo", "AGC: Gaitanist Self-Defense Forces of Colombia"),
    ("the Jalisco New Generation Cartel", "CJNG: Jalisco New Generation Cartel"),
    ("FARC dissidents", "FARC Dissidents"),
    ("the Saudi-led coalition", "Saudi-led coalition"),
    ("the Armed Forces of Ukraine", "Military Forces of Ukraine"),
    ("the Uganda People's Defence Force", "Military Forces of Uganda"),  # not Myanmar's PDF
])
def test_groups_beyond_iraq_and_syria_normalise(text, canonical):
    assert names(text)[0] == canonical


@pytest.mark.parametrize(("text", "country", "canonical"), [
    ("Russian forces", "Ukraine", "Military Forces of Russia"),
    ("Ukrainian troops", "Russia", "Military Forces of Ukraine"),
    ("Congolese soldiers", "Uganda", "Military Forces of Democratic Republic of the Congo"),
    ("South Sudanese troops", "Sudan", "Military Forces of South Sudan"),  # not Sudan's
    ("Myanmar soldiers", None, "Military Forces of Myanmar"),
    ("Fulani militiamen", "Nigeria", "Fulani Ethnic Militia (Nigeria)"),
    ("Dozo hunters", "Burkina Faso", "Dozo Communal Militia (Burkina Faso)"),
    ("armed bandits", "Nigeria", "Unidentified Armed Group (Nigeria)"),
])
def test_state_forces_and_communal_militias_take_their_country(text, country, canonical):
    assert names(text, country)[0] == canonical


def test_a_multiword_name_beats_the_generic_noun_inside_it():
    # "Forces" alone is a country's army; inside these names it is not
    for text in ("the Allied Democratic Forces", "the Rapid Support Forces", "the Syrian Democratic Forces",
                 "Democratic Forces for the Liberation of Rwanda"):
        assert not any(n.startswith("Military Forces") for n in names(text, "Sudan")), text


@pytest.mark.parametrize(("text", "canonical"), [
    ("ADF", "ADF: Allied Democratic Forces"),
    ("RSF", "RSF: Rapid Support Forces"),
    ("ELN", "ELN: National Liberation Army"),
    ("NPA", "NPA: New People's Army"),
    ("LeT", "LeT: Lashkar-e-Taiba"),
    ("TAK", "TAK: Kurdistan Freedom Hawks"),
    ("FAMa", "Military Forces of Mali"),
])
def test_acronyms_match_as_written_only(text, canonical):
    assert names(f"fighters of the {text} attacked")[0] == canonical
    assert names(f"fighters of the {text.lower()} attacked") == ["Unidentified Armed Group"]


@pytest.mark.parametrize("text", [
    "Two soldiers were killed in action (KIA) near the border.",
    "The battalion listed three KIA and five wounded.",
    "The AA battery was low.",
    "Read the full report (PDF) on the website.",
    "The Tak Bai district office reopened.",
])
def test_short_words_that_are_no_group_name_no_group(text):
    assert not [a for a in find_actors(text) if not a.generic]


@pytest.mark.parametrize(("text", "kept"), [
    # the acronym after a name belongs to that name
    ("Reporters Without Borders (RSF) condemned the killing of the journalist.", []),
    ("Deminers of Norwegian People's Aid (NPA) cleared the field.", []),
    ("The Australian Defence Force (ADF) said two soldiers were hurt.", ["Military Forces of Australia"]),
    # ... and a group's own acronym after its name is still that group
    ("The Allied Democratic Forces (ADF) raided the village.", ["ADF: Allied Democratic Forces"] * 2),
])
def test_an_acronym_in_brackets_abbreviates_the_name_before_it(text, kept):
    assert [a.name_in(None) for a in find_actors(text) if not a.generic] == kept


@pytest.mark.parametrize(("text", "country", "canonical"), [
    # homonyms: the group a name means in the event's country
    ("al-Shabaab insurgents", "Mozambique", "Ahlu Sunnah Wa-Jama"),
    ("al-Shabaab insurgents", "Somalia", "Al Shabaab"),
    ("Ansar al-Sunna", "Mozambique", "Ahlu Sunnah Wa-Jama"),
    ("Ansar al-Sunna", "Iraq", "Ansar al-Sunna"),
    ("Ahlu Sunna Wal Jama'a", "Somalia", "ASWJ: Ahlu Sunna Wal Jama'a"),
    ("the ADF", "Cameroon", "Ambazonian Separatists"),
    ("the ADF", "Uganda", "ADF: Allied Democratic Forces"),
    ("Maoist rebels", "Philippines", "NPA: New People's Army"),
    ("Maoist rebels", "India", "CPI (Maoist): Communist Party of India (Maoist)"),
    ("SAF commandos", "Philippines", "Police Forces of Philippines"),
    ("SAF troops", "Sudan", "Military Forces of Sudan"),
])
def test_a_homonym_names_the_group_of_the_events_country(text, country, canonical):
    assert names(text, country)[0] == canonical


def test_a_homonym_takes_the_type_of_the_group_it_means():
    (aswj,) = find_actors("Ahlu Sunna Wal Jama'a")
    assert aswj.type_in("Mozambique") == "Rebel group"
    assert aswj.type_in("Somalia") == "Political militia"


def _events(text: str, country_hint: str, published: date):
    from sitroom.extract import extract_events
    from sitroom.model import Document

    return [e for e in extract_events(Document(text=text, published=published, country_hint=country_hint))
            if not e.historical]


@pytest.mark.parametrize(("text", "country_hint", "actor1"), [
    ("The attackers from the Allied Democratic Forces (ADF) set fire to a dormitory in Mpondwe on Friday, "
     "killing 20 pupils.", "UG", "ADF: Allied Democratic Forces"),
    ("Rapid Support Forces fighters shelled a camp for displaced people near El Fasher on Tuesday, killing nine.",
     "SD", "RSF: Rapid Support Forces"),
    ("Suspected NPA rebels ambushed an army patrol in Northern Samar on Monday, killing two soldiers.",
     "PH", "NPA: New People's Army"),
    ("Insurgents known locally as al-Shabaab beheaded five villagers in Muidumbe district on Sunday.",
     "MZ", "Ahlu Sunnah Wa-Jama"),
    ("Fighters of the Tehrik-i-Taliban Pakistan stormed a police post in Bannu on Wednesday, killing three "
     "policemen.", "PK", "TTP: Tehrik-i-Taliban Pakistan"),
])
def test_new_groups_are_the_perpetrator_of_a_report(text, country_hint, actor1):
    (event,) = _events(text, country_hint, date(2023, 6, 20))
    assert event.actor1 == actor1


def test_killed_in_action_names_no_perpetrator():
    (event,) = _events("Two soldiers were killed in action (KIA) when gunmen attacked an outpost near Hpakant on "
                       "Tuesday.", "MM", date(2023, 6, 20))
    assert event.actor1 == "Unidentified Armed Group (Myanmar)"


def test_a_group_named_beside_the_civilians_killed_shares_their_lot():
    # the group is among the dead, not the attackers
    (event,) = _events("Attack this morning on the diggers outside Djibo. Many civilians and VDP killed.",
                       "BF", date(2024, 8, 24))
    assert event.actor1 == "Unidentified Armed Group (Burkina Faso)"


def test_one_of_the_dead_is_no_perpetrator():
    (event,) = _events("On Friday evening, gunmen on motorbikes killed 14 people in the village of Tadaryat, "
                       "among them one VDP.", "BF", date(2021, 6, 5))
    assert event.actor1 == "Unidentified Armed Group (Burkina Faso)"


def test_a_mission_that_condemns_an_attack_did_not_carry_it_out():
    events = _events("MONUSCO condemns the bombing of a church in Kasindi on Sunday, which killed 14 civilians. "
                     "MONUSCO mine action experts are supporting the authorities at the site.",
                     "CD", date(2023, 1, 16))
    assert events and all(not (e.actor1 or "").startswith("MONUSCO") for e in events)
