"""Extraction end to end on hand-made reports: one fact per test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.extract import extract_events
from sitroom.ingest import read_inputs
from sitroom.model import Document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reports"


def events_of(name: str):
    (doc,) = list(read_inputs([str(FIXTURES / name)]))
    assert isinstance(doc, Document)
    return [e for e in extract_events(doc) if not e.historical]


def test_one_sentence_report_is_one_event():
    (event,) = events_of("fx01_one_sentence.txt")
    assert event.event_date == date(2021, 2, 22)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.fatalities == 0


def test_yesterday_resolves_against_the_published_header():
    first = events_of("fx02_relative_dates.txt")[0]
    assert first.event_date == date(2021, 2, 15)
    assert first.location and "Erbil" in first.location


def test_a_paragraph_dated_in_its_lead_sentence_keeps_that_date():
    dates = {e.event_date for e in events_of("fx02_relative_dates.txt")}
    assert date(2021, 2, 14) in dates


@pytest.mark.parametrize(("place", "killed"), [("Tarmiyah", 5), ("Baiji", 2), ("Kirkuk", 3)])
def test_casualty_wording_in_a_bulletin(place, killed):
    events = events_of("fx03_casualty_wording.txt")
    (event,) = [e for e in events if e.notes.startswith(place.upper())]
    assert event.fatalities == killed


def test_bulletin_gives_one_event_per_bullet():
    assert len(events_of("fx03_casualty_wording.txt")) == 5


def test_suspicion_is_not_a_claim_but_a_claim_is():
    events = events_of("fx04_claim_vs_suspicion.txt")
    rockets = next(e for e in events if e.event_date == date(2021, 2, 22))
    convoy = next(e for e in events if e.event_date == date(2021, 2, 10))
    assert rockets.claimed_by is None
    assert convoy.claimed_by == "Saraya Qasim al-Jabbarin"


def test_no_year_and_no_published_date_gives_a_null_date_and_a_warning():
    events = events_of("fx05_no_year_no_date.txt")
    assert events and all(e.event_date is None for e in events)
    assert any("gives no year" in w for w in events[0].warnings)


def test_a_report_with_no_year_keeps_its_day_for_the_merge():
    # "on 15 February" has no year: the day is kept as a partial date, and the phrase as evidence
    (event, *_) = events_of("fx05_no_year_no_date.txt")
    assert event.date_without_year == "--02-15"
    assert event.evidence["event_date"].text == "15 February"


def test_a_wire_with_no_year_keeps_its_datelines_day_and_the_acts_weekday():
    doc = Document(text="GAROWE, March 3 (Reuters) - A roadside bomb struck an army truck near Garowe on "
                        "Tuesday, killing four soldiers, officials said on Wednesday.")
    (event,) = extract_events(doc)
    assert event.event_date is None
    assert event.date_without_year == "--03-03"
    assert event.evidence["event_date"].text == "on Tuesday"  # "said on Wednesday" is the telling


def test_a_report_with_neither_year_nor_day_keeps_no_partial_date():
    doc = Document(text="A roadside bomb struck an army truck near Garowe on Tuesday, killing four soldiers.")
    (event,) = extract_events(doc)
    assert event.event_date is None and event.date_without_year is None
    assert any("no date" in w for w in event.warnings)


def test_diplomacy_is_not_an_event():
    assert events_of("fx06_diplomacy.txt") == []


def test_revised_toll_takes_the_later_figure_of_the_paragraph():
    (event,) = events_of("fx07_revised_toll.txt")
    assert event.fatalities == 32
    assert event.sub_event_type == "Suicide bomb"


def test_background_history_is_flagged_historical():
    doc = Document(text="A rocket hit the base on Monday. The campaign began after the 2020 killing of a "
                        "commander in Baghdad more than a year ago.", published=date(2021, 2, 10))
    events = extract_events(doc)
    assert any(not e.historical for e in events)
    assert all(e.event_date is None or e.event_date.year == 2021 for e in events if not e.historical)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1))))
def test_any_text_gives_events_whose_evidence_points_into_it(text, published):
    doc = Document(text=text, published=published)
    for event in extract_events(doc):
        for evidence in event.evidence.values():
            assert doc.text[evidence.start:evidence.end] == evidence.text
        assert event.event_type is not None


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    "Gunmen killed two policemen in Kirkuk on Monday.", "A roadside bomb hit a convoy near Baiji.",
    "Protesters rallied in Basra.", "The minister met his counterpart.", "No one was hurt.",
    "Islamic State claimed the attack.", "• On February 9, rockets struck Erbil.",
]), max_size=8))
def test_event_round_trips_through_its_dict(sentences):
    doc = Document(text="\n".join(sentences), published=date(2021, 2, 10))
    for event in extract_events(doc):
        assert type(event).from_dict(event.to_dict()) == event


@pytest.mark.parametrize(("text", "dash"), [
    ("KABUL, Afghanistan (Jan. 25, 2013) - Troops arrested two men.", " - "),
    ("BAGHDAD, Feb. 10, 2021 — A bomb exploded.", " — "),
    ("BAGHDAD (Jan 21, 2021) — Twin blasts hit a market.", " — "),
    ("NAIROBI/MOGADISHU (Reuters) - Fighters stormed a base.", " - "),
])
def test_datelines_are_found(text, dash):
    from sitroom.extract.dateline import find_dateline

    assert find_dateline(text) == (0, text.index(dash) + len(dash))


@pytest.mark.parametrize("label", ["PRESS RELEASE", "FOR IMMEDIATE RELEASE", "BREAKING", "UPDATE"])
def test_a_kind_of_text_in_capitals_is_no_dateline_and_the_real_one_below_it_is(label):
    from sitroom.extract.dateline import find_dateline

    text = f"{label} — Relief agency\n\nJUBA, 4 March 2024 — Gunmen killed nine herders near Bor."
    start, end = find_dateline(text)
    assert text[start:end] == "JUBA, 4 March 2024 — "


def test_an_ordinary_opening_is_not_a_dateline():
    from sitroom.extract.dateline import find_dateline

    assert find_dateline("Gunmen killed two policemen in Kirkuk on Monday.") is None


def test_the_dateline_date_anchors_yesterday_instead_of_dating_the_event():
    doc = Document(text="KABUL, Afghanistan (Jan. 25, 2013) - Afghan forces arrested a Taliban leader in "
                        "Kandahar yesterday.", published=date(2013, 1, 25))
    (event,) = extract_events(doc)
    assert event.event_date == date(2013, 1, 24)


def test_the_dateline_city_is_not_the_scene_when_the_story_names_another_place():
    doc = Document(text="KABUL, Afghanistan (Feb. 3, 2013) - Afghan forces killed three insurgents in an operation "
                        "in Kandahar on Saturday.", published=date(2013, 2, 3), country_hint="AF")
    (event,) = extract_events(doc)
    assert event.admin1 and event.admin1.startswith("Kandah")


def test_the_dateline_city_is_the_scene_when_the_story_names_no_place():
    doc = Document(text="BAGHDAD, Jan. 21, 2021 —\n\nTwo suicide bombers attacked a crowded market on Thursday.",
                   published=date(2021, 1, 21))
    (event,) = extract_events(doc)
    assert event.location == "Baghdad"
    assert any("dateline" in w for w in event.warnings)


def test_a_detainees_record_in_a_press_release_is_not_the_incident():
    text = ("KABUL, Afghanistan (May 4, 2012) - A combined Afghan and coalition force killed one insurgent and "
            "detained two others in Zhari district, Kandahar province, yesterday. One detainee is believed to have "
            "organized roadside bomb attacks on Afghan police. No one was injured.")
    events = [e for e in extract_events(Document(text=text, published=date(2012, 5, 4), country_hint="AF"))
              if not e.historical]
    main = events[0]
    assert main.sub_event_type == "Armed clash"
    assert main.event_date == date(2012, 5, 3)
    assert main.fatalities == 1
    assert main.injuries == 0


def test_the_location_is_spelled_as_the_report_spells_it():
    doc = Document(text="A car bomb exploded in a market in Tuz Khormato on Monday, killing four people.",
                   published=date(2021, 3, 1), country_hint="IQ")
    (event,) = extract_events(doc)
    assert event.location == "Tuz Khormato"  # not GeoNames' "Ţūz Khūrmātū"
    assert event.geonameid is not None and event.admin1 == "Salah ad Din"


def test_violence_as_the_topic_of_a_sanction_takes_the_date_inside_the_talk():
    text = ("The Treasury on Friday imposed sanctions on a militia commander, accusing him of a role in the "
            "crackdown on protesters in late 2019.")
    events = extract_events(Document(text=text, published=date(2021, 1, 8), country_hint="IQ"))
    assert all(e.historical for e in events)


def test_a_sitreps_assessment_and_a_look_back_at_its_bullets_are_not_incidents():
    text = ("Weekly security summary, 3-9 May 2021\n\n"
            "- Babil, 4 May: A roadside bomb struck a supply convoy near Hilla; no casualties.\n"
            "- Anbar, 6 May: Two rockets hit near Ain al-Asad air base; no casualties.\n\n"
            "Both attacks were claimed online by front groups of Iran-aligned factions.\n\n"
            "Assessment: the factions are likely to keep targeting convoys and bases with rockets and drones.")
    events = [e for e in extract_events(Document(text=text, published=date(2021, 5, 10), country_hint="IQ"))
              if not e.historical]
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED", "Shelling/artillery/missile attack"]


def test_a_telegram_claim_with_a_brigade_name():
    text = "Qasim al-Jabbarin brigade claims blowing up a convoy of the occupation on the Diwaniyah highway today."
    (event,) = extract_events(Document(text=text, published=date(2021, 5, 25), country_hint="IQ"))
    assert event.claimed_by == event.actor1 == "Saraya Qasim al-Jabbarin"
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_a_sentence_case_title_is_a_headline_and_the_body_dates_the_incident():
    text = ("Market bombing: toll rises to 64\n\n"
            "The number of people killed in last Saturday's car bombing in Baquba has reached 64, the health "
            "ministry said on Friday.")
    (event,) = extract_events(Document(text=text, published=date(2021, 3, 12), country_hint="IQ"))
    assert event.event_date == date(2021, 3, 6)
    assert event.fatalities == 64


def test_a_title_that_only_talks_about_violence_is_no_event():
    text = "Japan announces new sanctions over missile launches"
    assert extract_events(Document(text=text, published=date(2021, 3, 12))) == []


def test_since_a_year_is_not_a_date_of_the_incident():
    text = "Turkey blames Kurdish fighters for the deadliest blast in the town since 2018."
    assert all(e.event_date is None or e.event_date.year != 2018
               for e in extract_events(Document(text=text, published=date(2020, 4, 29))))


def test_an_old_killing_recalled_in_passing_neither_retypes_nor_takes_the_suspect():
    text = ("Three soldiers died when a barrage of rockets slammed into Camp Taji on Wednesday night, officials said.\n\n"
            "Officials said they suspected Kataib Hezbollah. The barrage fell on the birthday of Qassem Soleimani, "
            "the general killed by a U.S. drone strike at Baghdad airport in January.")
    events = extract_events(Document(text=text, published=date(2020, 3, 12), country_hint="IQ"))
    (current,) = [e for e in events if not e.historical]
    assert current.sub_event_type == "Shelling/artillery/missile attack"
    assert current.actor1 == "Kata'ib Hezbollah"


def test_a_second_bomb_elsewhere_hours_later_is_its_own_incident_on_the_same_day():
    text = ("BAGHDAD, March 3, 2021 - A car bomb exploded at a market in Sadr City on Tuesday, killing 12 people. "
            "Two hours later a second car bomb went off in Taji, killing two people.")
    events = extract_events(Document(text=text, published=date(2021, 3, 3), country_hint="IQ"))
    assert [(e.location, e.fatalities) for e in events] == [("Sadr City", 12), ("Taji", 2)]
    assert events[1].event_date == events[0].event_date == date(2021, 3, 2)


def test_a_second_blast_at_the_same_spot_is_the_same_attack():
    text = "A car bomb exploded at a market in Sadr City on Tuesday. A second blast at the market killed rescuers."
    assert len(extract_events(Document(text=text, published=date(2021, 3, 3), country_hint="IQ"))) == 1


def test_the_day_of_the_telling_does_not_date_the_act():
    text = ("PESHAWAR, Pakistan, Jan. 31, 2023 - The number of people killed by a suicide bomber in a mosque "
            "inside a police compound rose to 100 on Tuesday, officials said.\n\n"
            "The bomber blew himself up among worshippers during afternoon prayers yesterday.")
    (event,) = extract_events(Document(text=text, published=date(2023, 1, 31), country_hint="PK"))
    assert event.event_date == date(2023, 1, 30)
    assert event.fatalities == 100


def test_a_day_month_just_after_a_weeks_first_day_is_in_the_new_year():
    text = "Weekly brief\n28 December 2020 - 3 January 2021\n\n- 2 Jan, Tillaberi: gunmen killed 70 villagers."
    events = extract_events(Document(text=text, published=date(2020, 12, 28), country_hint="NE"))
    assert [e.event_date for e in events if not e.historical] == [date(2021, 1, 2)]


def test_a_dateline_under_a_title_and_a_date_line_is_still_the_dateline():
    from sitroom.extract.dateline import find_dateline

    text = "January 16, 2023\n\nKINSHASA, Jan 16 (Reuters) - A bomb planted in a church killed 14 people."
    start, end = find_dateline(text)
    assert text[start:end].startswith("KINSHASA")


def test_the_place_a_later_sentence_names_beats_the_filing_city_and_the_country():
    text = ("KINSHASA, Jan 16 (Reuters) - A bomb planted in a church in the eastern Democratic Republic of Congo "
            "killed 14 people during a Sunday service, the army said on Monday.\n\n"
            "The device went off as worshippers gathered in Beni, a town in North Kivu province.")
    (event,) = [e for e in extract_events(Document(text=text, published=date(2023, 1, 16))) if not e.historical]
    assert event.location == "Beni" and event.event_date == date(2023, 1, 15)


def test_earlier_tells_another_act_of_the_same_morning():
    text = ("ADEN, Yemen, Aug. 1, 2019 - A missile hit a military parade at a camp west of Aden, killing 32 people.\n\n"
            "Earlier, a suicide bomber drove a car into the gate of a police station in Aden, killing 11 policemen.")
    events = extract_events(Document(text=text, published=date(2019, 8, 1), country_hint="YE"))
    assert sorted(e.fatalities for e in events) == [11, 32]


def test_a_bullet_without_a_place_is_placed_by_its_section_heading():
    text = ("Weekly summary\n13-19 July 2015\n\nDiyala:\n- 17 Jul: A suicide car bomb exploded in a crowded "
            "market; more than 100 killed.\n\nAnbar:\n- 18 Jul: Gunmen killed two policemen at a checkpoint.")
    events = extract_events(Document(text=text, published=date(2015, 7, 19), country_hint="IQ"))
    assert [(e.location, e.geo_precision) for e in events] == [("Diyala", 3), ("Anbar", 3)]


def test_talk_of_the_dead_of_a_told_attack_is_no_new_attack():
    text = ("A suicide bomber drove a truck into a crowded market in Khan Bani Saad yesterday, killing at least "
            "115 people.\n\nDozens of the dead were women and children, and the toll was still rising on "
            "Saturday as bodies were recovered.")
    events = extract_events(Document(text=text, published=date(2015, 7, 18), country_hint="IQ"))
    assert len([e for e in events if not e.historical]) == 1


def test_a_later_toll_update_anywhere_in_the_telling_revises_the_first_figure():
    text = ("A car bomb exploded at the police academy in Bogota this morning.\n\n"
            "The driver of the vehicle died in the explosion.\n\n"
            "According to the latest report, ten people have died and more than 60 were injured.")
    (event,) = extract_events(Document(text=text, published=date(2019, 1, 17), country_hint="CO"))
    assert (event.fatalities, event.injuries) == (10, 60)


def test_a_dated_section_heading_dates_every_bullet_under_it():
    text = ("SITUATION REPORT\nWeek of 26 August - 1 September 2024\n\nSecurity incidents (26 August)\n"
            "- Musakhel district: gunmen stopped vehicles and shot 23 passengers.\n"
            "- Kalat district: militants attacked a police post, killing 10.\n\nOther developments\n"
            "- Mobile internet was suspended for two days.")
    events = extract_events(Document(text=text, published=date(2024, 9, 1), country_hint="PK"))
    assert [e.event_date for e in events] == [date(2024, 8, 26), date(2024, 8, 26)]


def test_a_day_heading_over_a_sitreps_bullets_dates_them():
    doc = Document(text="LIBYA SECURITY BRIEF\nWeek 1 — 4 to 10 January 2016\n\n2. SECURITY INCIDENTS\n\n"
                        "Thursday 7 January\n- Zliten: a truck bomb exploded at a police training camp, killing 60.\n"
                        "- Ras Lanuf: a car bomb at a checkpoint killed 7.\n\nSaturday 9 January\n"
                        "- Sirte: gunmen attacked a patrol, killing two guards.\n", published=date(2016, 1, 10))
    assert sorted(e.event_date for e in extract_events(doc)) == [date(2016, 1, 7), date(2016, 1, 7), date(2016, 1, 9)]


@pytest.mark.parametrize(("text", "expected"), [
    # the day the act is named by beats the day it was told, whichever comes first
    ("The state government on Thursday said 40 people were killed in Sunday's attack on a church in Owo.",
     date(2022, 6, 5)),
    ("The interior ministry on Thursday revised the toll from Wednesday's twin bombing in Kerman to 95.",
     date(2022, 6, 8)),
    ("Police on Friday said gunmen killed four villagers in Owo.", date(2022, 6, 10)),  # only the telling: its day
])
def test_the_day_that_names_the_act_dates_it_not_the_day_it_was_told(text, expected):
    (event,) = extract_events(Document(text=text, published=date(2022, 6, 10), country_hint="NG"))
    assert event.event_date == expected


def test_a_news_story_recalling_an_incident_weeks_before_flags_it_historical():
    doc = Document(text="KUNDUZ (AP) — A suicide bomber killed 46 worshippers at a mosque in Kunduz on Friday, "
                        "officials said.\n\nThe same affiliate carried out the Aug. 26 suicide bombing outside Kabul's "
                        "airport that killed 169 people.", published=date(2021, 10, 8), country_hint="AF")
    fresh, recalled = extract_events(doc)
    assert not fresh.historical and fresh.event_date == date(2021, 10, 8)
    assert recalled.historical and recalled.event_date == date(2021, 8, 26)


def test_a_news_story_recalling_an_incident_days_before_flags_it_historical():
    doc = Document(text="ODESA, Ukraine, May 6, 2023 — A Russian missile hit a bakery in Kherson on Saturday, killing "
                        "seven people, regional officials said.\n\nIt was the worst attack on the city this month. On "
                        "April 29, shelling of a market in Kherson killed four shoppers.", published=date(2023, 5, 6),
                   country_hint="UA")
    fresh, recalled = extract_events(doc)
    assert not fresh.historical and fresh.event_date == date(2023, 5, 6)
    assert recalled.historical and recalled.event_date == date(2023, 4, 29)


def test_an_earlier_incident_the_story_brings_a_claim_for_is_news():
    doc = Document(text="Gunmen shot dead a police officer in Quetta on Monday, officials said.\n\nSeparately, the "
                        "Baloch Liberation Army claimed the March 2 bombing of a bus in Turbat that killed two people.",
                   published=date(2023, 3, 13), country_hint="PK")
    fresh, claimed = extract_events(doc)
    assert not fresh.historical and not claimed.historical
    assert claimed.event_date == date(2023, 3, 2) and claimed.claimed_by


def test_a_spokesman_telling_on_the_reports_own_day_does_not_start_another_incident():
    doc = Document(text="NAIROBI, Kenya, March 5, 2023 — Gunmen stormed a hotel in the Somali town of Kismayo on Saturday "
                        "night, killing nine people, police said.\n\nA car bomb exploded at the gate before the gunmen "
                        "entered, police spokesman Ali Nur told reporters on Sunday.", published=date(2023, 3, 5),
                   country_hint="SO")
    (event,) = extract_events(doc)
    assert event.event_date == date(2023, 3, 4)


def test_a_reviews_assessment_after_its_incidents_places_none_of_them():
    doc = Document(text="SECURITY REVIEW 10-16 JUNE\n\nBURKINA FASO\nSat 11/06 — Seno province: armed men attacked a "
                        "village, killing dozens of civilians.\n\nASSESSMENT\nRoad movement on the Dori–Sebba axis "
                        "remains at critical risk.", published=date(2022, 6, 16), country_hint="BF")
    (event,) = extract_events(doc)
    assert event.location != "Sebba" and event.event_date == date(2022, 6, 11)


def test_houses_burnt_in_the_attack_are_its_damage_not_an_event_of_their_own():
    doc = Document(text="BENI | Des assaillants ont attaqué le village de Mayangose vers 2h du matin. Au moins 12 corps "
                        "retrouvés, des maisons incendiées. Night attack on Mayangose, Beni territory.",
                   published=date(2024, 6, 7), country_hint="CD", input_format="jsonl")
    (event,) = extract_events(doc)
    assert event.sub_event_type == "Attack"


def test_a_later_labelled_item_of_a_review_does_not_place_the_one_before():
    doc = Document(text="WEEKLY UPDATE\n\nITURI\nSun 27 Jul - Komanda (Irumu territory): ADF fighters attacked the "
                        "parish during a night vigil, killing worshippers.\n\nDjugu territory: no significant incident "
                        "recorded this week.", published=date(2025, 7, 28), country_hint="CD")
    (event,) = extract_events(doc)
    assert event.location != "Djugu"


@pytest.mark.parametrize("text", [
    "GOMA | Des bombes sont tombées ce vendredi sur les sites de déplacés de Mugunga, à l'ouest de la ville.",
    "Explosive rounds landed on two camps for displaced families outside Goma on Friday.",
])
def test_rounds_and_bombs_that_fell_on_a_place_are_shelling(text):
    (event,) = extract_events(Document(text=text, published=date(2024, 5, 3), country_hint="CD"))
    assert event.sub_event_type == "Shelling/artillery/missile attack"


YEARLESS_TWO_BOMBS = (
    "PESHAWAR, Pakistan, March 3 (Reuters) - Two bombs exploded at polling offices in Khyber Pakhtunkhwa on Sunday, "
    "killing at least 19 people, officials said.\n\n"
    "The first blast struck a candidate's office in the Tangi area of Charsadda district. Eleven people were killed.\n\n"
    "About an hour later a second device, hidden in a parked rickshaw, went off near a party office in the town of "
    "Bannu, killing eight people.\n\n"
    "Campaigning has been marred by violence, and militants have targeted candidates and rallies.\n\n"
    "A suicide bombing at a rally in Bajaur last July killed more than 50 people.")


def test_a_wire_telling_two_bombings_gives_each_its_own_event_and_toll():
    events = extract_events(Document(text=YEARLESS_TWO_BOMBS, country_hint="PK"))
    current = [e for e in events if not e.historical]
    assert sorted(e.fatalities for e in current) == [8, 11]
    assert {e.sub_event_type for e in current} == {"Remote explosive/landmine/IED"}
    (recalled,) = [e for e in events if e.historical]
    assert recalled.fatalities == 50  # "last July" in a wire of March: no incident of the wire's day


def test_a_reviews_items_under_a_capitalised_heading_after_its_headlines_are_incidents():
    doc = Document(text="CONFLICT WATCH\nWeek 44: 26 October to 1 November 2020\n\nHEADLINES\nStrikes on towns far "
                        "behind the lines killed more civilians than in any other week.\n\nCIVILIAN HARM - AZERBAIJAN\n"
                        "  Tue 27.10  Tartar district, village of Sahlabad: shelling hit houses; 3 civilians killed.\n"
                        "  Wed 28.10  Barda town centre: rockets hit streets near the market; 21 civilians killed.\n\n"
                        "OUTLOOK (2-8 November)\nExpect continued long-range fire on towns on both sides.",
                   published=date(2020, 11, 1), country_hint="AZ")
    events = extract_events(doc)
    assert sorted((e.event_date, e.fatalities) for e in events) == [(date(2020, 10, 27), 3), (date(2020, 10, 28), 21)]
    assert {e.sub_event_type for e in events} == {"Shelling/artillery/missile attack"}


def test_a_post_whose_label_names_the_weapon_is_coded_by_it():
    doc = Document(text="Shelling of Sahlabad village, Tartar district: 4 civilians killed, a child among them.",
                   published=date(2020, 10, 27), country_hint="AZ", input_format="jsonl")
    (event,) = extract_events(doc)
    assert event.sub_event_type == "Shelling/artillery/missile attack" and event.fatalities == 4


def test_a_wire_with_no_year_keeps_a_day_well_before_its_dateline_and_a_wars_toll_apart():
    doc = Document(text="BAKU, Oct 28 (Reuters) - Rockets hit the centre of the town of Barda on Wednesday, killing 21 "
                        "civilians, prosecutors said.\n\nGanja was hit by missiles on Oct. 17, when 13 people died. "
                        "Fighting over the enclave, which broke out on Sept. 27, has killed more than 1,000 people.",
                   country_hint="AZ")
    events = extract_events(doc)
    assert sorted(e.fatalities for e in events if e.fatalities) == [13, 21]
    assert all(e.fatalities != 1000 for e in events)


def test_an_assessment_line_and_a_looking_ahead_section_place_no_incident():
    doc = Document(text="PAKISTAN\n\n• 07/02 (Wed) | Kech district | A bomb exploded outside a party office. "
                        "Final toll: 6 killed.\n\nAssessment: the Turbat and Gwadar bombings were separate devices.\n\n"
                        "LOOKING AHEAD\nCoalition bargaining in Islamabad; risk of attacks in Quetta.",
                   published=date(2024, 2, 11), country_hint="PK")
    (event,) = extract_events(doc)
    assert event.location not in ("Turbat", "Gwadar", "Islamabad", "Quetta") and event.fatalities == 6


def test_a_siege_still_going_on_the_next_morning_is_the_same_incident_in_the_capital():
    doc = Document(text="Saturday, June 4, 2022\n\nKAMPALA, Uganda (AP) -- Gunmen set off a car bomb outside a hotel in "
                        "Somalia's capital and then stormed the building on Friday evening, killing at least nine people, "
                        "police said.\n\nGunfire could still be heard from the hotel on Saturday morning.\n\n"
                        "Al-Shabab has carried out several major attacks in the city.", published=date(2022, 6, 4),
                   country_hint="SO")
    (event,) = [e for e in extract_events(doc) if not e.historical]
    assert event.event_date == date(2022, 6, 3) and event.location == "Mogadishu"


def test_an_investigation_still_going_on_does_not_join_another_days_blast():
    doc = Document(text="Twenty people died in Monday evening's bombing at the shrine, police said on Wednesday.\n\n"
                        "Detectives are still trying to establish whether the same group was behind Tuesday afternoon's "
                        "explosion at the pier.", published=date(2015, 8, 19), country_hint="TH")
    assert len(extract_events(doc)) == 2


def test_a_groups_usual_small_scale_attacks_are_no_incident():
    doc = Document(text="BAGHDAD (Reuters) - Two suicide bombers killed 32 people at a market in central Baghdad on "
                        "Thursday, officials said.\n\nAnalysts said most of the group's activity now consists of "
                        "small-scale ambushes and roadside bombs in Diyala and Kirkuk provinces.",
                   published=date(2021, 1, 21), country_hint="IQ")
    assert [e.fatalities for e in extract_events(doc)] == [32]


@pytest.mark.parametrize(("text", "place"), [
    ("TAHOUA | Today gunmen on motorbikes raided villages of Tillia department near the Mali border. Many killed.",
     "Tillia"),
    ("LAHORE | Blast on The Mall outside the Punjab Assembly. Senior police officers among the dead.", "Lahore"),
])
def test_a_place_a_post_names_inside_its_labels_region_is_the_scene(text, place):
    doc = Document(text=text, published=date(2021, 3, 21), country_hint="NE" if "TAHOUA" in text else "PK",
                   input_format="jsonl")
    (event,) = extract_events(doc)
    assert event.location == place


def test_a_post_that_names_no_place_takes_the_country_its_channel_is_named_after():
    doc = Document(text="Loud explosion and gunshots at the DusitD2 hotel. Police responding.",
                   published=date(2019, 1, 15), outlet="Nairobi Traffic & Alerts", input_format="jsonl")
    (event,) = extract_events(doc)
    assert event.country_code == "KE" and event.latitude is None
    assert any("outlet" in w for w in event.warnings)


def test_a_firedamp_explosion_in_a_coal_mine_is_an_accident():
    doc = Document(text="Forty-one of our colleagues lost their lives in the Amasra coal mine.\n\nWe learned with sorrow "
                        "that 41 workers died after a firedamp explosion yesterday evening in the state-owned coal mine in "
                        "Amasra. Methane gas accumulated in a section of the mine and ignited.",
                   published=date(2022, 10, 15), country_hint="TR")
    assert extract_events(doc) == []


@pytest.mark.parametrize("text", [
    "In Ecuador, a candidate was shot dead as he left a campaign rally in the capital.",
    "A candidate was shot dead on Wednesday as he left a rally in the north of the capital of Ecuador.",
])
def test_a_candidate_shot_leaving_his_rally_in_the_capital_is_an_attack_there(text):
    (event,) = extract_events(Document(text=text, published=date(2023, 8, 10), country_hint="EC"))
    assert event.sub_event_type == "Attack" and event.location == "Quito"


def test_a_statement_that_condemns_the_bombing_of_saturday_dates_it():
    doc = Document(text="CHILD PROTECTION ALLIANCE\nStatement, 17 April 2017\n\n68 children among the dead of the "
                        "bombing: the evacuations must be protected\n\nThe Alliance condemns in the strongest terms the "
                        "bombing that struck buses of evacuated families west of Aleppo city on Saturday afternoon, "
                        "15 April.", published=date(2017, 4, 17), country_hint="SY")
    (event,) = extract_events(doc)
    assert event.event_date == date(2017, 4, 15)


def test_attacks_at_the_same_time_in_another_city_are_another_incident():
    doc = Document(text="MOSCOW, June 24 (Reuters) - Gunmen attacked churches and a synagogue in Derbent on Sunday "
                        "evening, killing at least 20 people, officials said.\n\nAt almost the same time, about 120 km "
                        "to the north, gunmen in Makhachkala fired on a police post and attacked a cathedral.",
                   country_hint="RU")
    assert sorted(e.location for e in extract_events(doc)) == ["Derbent", "Makhachkala"]


def test_nine_days_later_counts_from_the_day_told_before():
    doc = Document(text="ISTANBUL (Reuters) - A gunman killed 39 people at a nightclub in Istanbul early on Sunday."
                        "\n\nTurkey has suffered a run of attacks. On December 10, two bombs outside a stadium killed 44 "
                        "people. Nine days later an off-duty police officer shot dead an ambassador in Ankara.",
                   published=date(2017, 1, 1), country_hint="TR")
    shot = [e for e in extract_events(doc) if e.location == "Ankara"]
    assert [(e.event_date, e.historical) for e in shot] == [(date(2016, 12, 19), True)]


def test_a_lead_that_counts_the_acts_told_after_it_is_no_act_of_its_own():
    doc = Document(text="MEXICO CITY (AP) — Mexico counted its dead on Tuesday after two of the bloodiest clashes between "
                        "security forces and armed groups this year.\n\nIn the first, gunmen ambushed a convoy of state "
                        "police on Monday morning in Aguililla, killing 13 officers.\n\nThen on Tuesday, soldiers "
                        "patrolling outside Iguala came under fire; 15 people died in the exchange.",
                   published=date(2019, 10, 15), country_hint="MX")
    events = extract_events(doc)
    assert sorted((e.event_date, e.fatalities) for e in events) == [(date(2019, 10, 14), 13), (date(2019, 10, 15), 15)]


def test_an_undated_act_of_coordinated_attacks_named_in_the_lead_is_of_their_day():
    doc = Document(text="Toll from Sunday's attacks reaches 22\n\nOfficials say 22 people were killed in the coordinated "
                        "shootings in Derbent and Makhachkala.\n\nIn Makhachkala, attackers shot at a traffic police "
                        "post and at a cathedral.", published=date(2024, 6, 25), country_hint="RU")
    days = {e.location: e.event_date for e in extract_events(doc)}
    assert days.get("Makhachkala") == date(2024, 6, 23)


def test_a_hamlet_far_from_the_big_city_a_post_is_labelled_with_is_a_quarter_of_that_city():
    doc = Document(text="BAMAKO | Tirs nourris et fortes détonations depuis 5h ce matin du côté de l'école de gendarmerie "
                        "de Faladié.", published=date(2024, 9, 17), country_hint="ML", input_format="jsonl")
    (event,) = extract_events(doc)
    assert event.admin1 == "Bamako" and event.geo_precision == 2


def test_blasts_heard_with_gunfire_later_in_an_assault_do_not_make_it_a_bombing():
    doc = Document(text="DAKAR, Sept 17 (Reuters) - Jihadist fighters attacked a gendarmerie school in Bamako before dawn "
                        "on Tuesday, the army said. Residents said heavy gunfire and several blasts woke them.",
                   country_hint="ML", published=date(2024, 9, 17))
    (event,) = extract_events(doc)
    assert event.event_type != "Explosions/Remote violence"


def test_a_fire_that_tore_through_a_wedding_hall_is_an_accident():
    doc = Document(text="Wedding hall fire kills more than 100 in northern Iraq\n\nMOSUL, Iraq (Reuters) - A fire tore "
                        "through a packed wedding hall in the town of Qaraqosh late on Tuesday, killing more than 100 "
                        "people, officials said.\n\nThe blaze broke out when fireworks set light to the decorations.",
                   published=date(2023, 9, 27), country_hint="IQ")
    assert extract_events(doc) == []


def test_a_review_keeps_its_older_incidents():
    # the lead incident is itself weeks old: a monthly review, whose prose incidents are all news
    doc = Document(text="On 2 September gunmen killed four farmers near Kunduz.\n\nOn 28 September a suicide "
                        "bomber killed 12 people at a mosque in Kunduz.", published=date(2021, 10, 1),
                   country_hint="AF")
    assert [e.historical for e in extract_events(doc)] == [False, False]


def test_a_wire_with_no_year_recalls_an_incident_it_gives_a_year():
    doc = Document(text="DUBAI, Jan 3 (Reuters) - Two explosions killed 103 people in Kerman on Wednesday, state "
                        "media said.\n\nIslamic State carried out the shooting at a shrine in Shiraz in October 2022, "
                        "which killed 13 people.")
    lead, recalled = extract_events(doc)
    assert lead.date_without_year == "--01-03" and not lead.historical
    assert recalled.historical


def test_a_toll_given_a_day_later_in_the_incidents_bullet_is_its_toll():
    doc = Document(text="BURKINA FASO\n\n• 5 June, Solhan (Yagha province): armed men attacked the village in the early "
                        "hours and burned the market. The government gave 132 dead on 6 June.\n",
                   published=date(2021, 6, 7), country_hint="BF")
    (event,) = extract_events(doc)
    assert (event.event_date, event.fatalities) == (date(2021, 6, 5), 132)


def test_hours_earlier_opens_another_incident():
    doc = Document(text="Gunmen killed at least 100 civilians in Solhan village overnight, the government said. "
                        "Hours earlier, on Friday evening, gunmen on motorbikes killed 14 people in the village of "
                        "Tadaryat.", published=date(2021, 6, 5), country_hint="BF")
    assert sorted(e.fatalities for e in extract_events(doc)) == [14, 100]


def test_a_regions_history_of_attacks_names_no_perpetrator_of_this_one():
    doc = Document(text="Gunmen on motorbikes killed 14 people in the village of Tadaryat on Friday evening.\n\n"
                        "The Sahel region has been the scene of repeated attacks by fighters linked to al-Qaida and "
                        "the Islamic State group.", published=date(2021, 6, 5), country_hint="BF")
    (event,) = extract_events(doc)
    assert event.sub_event_type == "Attack" and event.actor1 == "Unidentified Armed Group (Burkina Faso)"


def test_hours_later_at_another_place_is_another_incident():
    doc = Document(text="A truck bomb exploded at a police camp in Zliten on Thursday, killing 50 recruits. Hours later a "
                        "suicide car bomber struck a checkpoint in Misrata, killing six.",
                   published=date(2016, 1, 7), country_hint="LY")
    assert sorted((e.location, e.fatalities) for e in extract_events(doc)) == [("Misrata", 6), ("Zliten", 50)]


def test_a_reviews_overview_and_summary_tell_no_incidents_of_their_own():
    doc = Document(text="WEEKLY CONFLICT SUMMARY\nWeek 21 | 21–27 May 2016\n\nOverview\nThe week was dominated by the "
                        "coordinated bombings on the coast on Monday.\n\nSummary: 2 IED attacks, both in Jableh; 3 killed.\n\n"
                        "Latakia governorate\n- 23/05 — Jableh: a car bomb hit the bus station, killing 40.\n\n"
                        "4. ASSESSMENT\n- Further bombings on the coast remain possible; militants attacked Jableh twice.\n",
                   published=date(2016, 5, 27), country_hint="SY")
    assert [(e.event_date, e.fatalities) for e in extract_events(doc)] == [(date(2016, 5, 23), 40)]


def test_a_day_that_qualifies_someone_else_does_not_date_the_act():
    doc = Document(text="Dangri | IED blast near the house of one of yesterday's victims this morning. 2 children killed.",
                   published=date(2023, 1, 2), country_hint="IN")
    (event,) = extract_events(doc)
    assert event.event_date == date(2023, 1, 2)


def test_compensation_for_the_families_of_those_killed_is_no_new_incident():
    doc = Document(text="- 1 Jan, Dangri: two gunmen fired into three houses, killing 4 civilians.\n\nPolitical\n"
                        "- The Lieutenant Governor announced compensation for the families of each of those killed at "
                        "Dangri.\n", published=date(2023, 1, 7), country_hint="IN")
    assert len(extract_events(doc)) == 1


def test_a_wire_with_no_year_tells_two_days_apart_and_goes_back_to_the_first():
    doc = Document(text="JAMMU, Jan 2 (Reuters) - A bomb exploded near a house in Dangri on Monday, killing two children, "
                        "police said.\n\nOn Sunday evening two gunmen opened fire on three houses in Dangri, killing four "
                        "people.\n\nThe bomb went off on Monday morning as relatives gathered, police said.",
                   country_hint="IN")
    events = extract_events(doc)
    assert [(e.sub_event_type, e.fatalities, e.date_without_year) for e in events] == [
        ("Remote explosive/landmine/IED", 2, "--01-02"), ("Attack", 4, "--01-02")]
    assert events[1].evidence["event_date"].text == "On Sunday evening"


def test_words_before_a_colon_are_the_report_when_the_rest_tells_no_act():
    doc = Document(text="Yala | Another bomb in Bannang Sata today, near the market: volunteers clearing the road were "
                        "hit. 1 dead, 2 injured.", published=date(2024, 3, 13), country_hint="TH")
    (event,) = extract_events(doc)
    assert event.sub_event_type == "Remote explosive/landmine/IED" and event.fatalities == 1


def test_a_blast_at_an_anniversary_crowd_is_news_and_a_mass_grave_being_dug_is_aftermath():
    doc = Document(text="Two explosions tore through crowds gathering for the anniversary of a commander's killing in "
                        "Kerman today, killing 103.\n\nA Red Cross team was preparing a mass grave near the cemetery on "
                        "Thursday.", published=date(2024, 1, 3), country_hint="IR")
    (event,) = extract_events(doc)
    assert event.event_date == date(2024, 1, 3) and event.fatalities == 103


def test_an_unlisted_village_known_only_by_its_country_goes_to_the_province_the_telling_names():
    doc = Document(text="YAOUNDE, Cameroon, Aug. 3, 2020 — A suicide bomber blew herself up at a camp in Cameroon's Far "
                        "North region early Sunday, killing 17 people.\n\nThe attack struck a site for displaced people at "
                        "Nguetechewe, a village close to the border with Nigeria.")
    (event,) = extract_events(doc)
    assert event.admin1 == "Far North" and event.geo_precision == 3 and event.latitude > 10  # not Yaoundé (3.9 N)


def test_a_summary_paragraph_sums_up_and_lines_that_open_with_their_day_are_incidents():
    doc = Document(text="KENYA SECURITY SUMMARY\nWeek 25 | 14/06/2014 – 20/06/2014\n\nSummary\nTwo mass-casualty attacks "
                        "in Lamu County on consecutive nights mark a sharp escalation.\n\nCOAST REGION\n15/06 — Mpeketoni: "
                        "c. 50 armed men attacked the police station and hotels. 48 killed.\n16/06 — Poromoko (near "
                        "Mpeketoni): gunmen raided homes overnight and shot men dead. 15 killed.\n",
                   published=date(2014, 6, 20), country_hint="KE")
    assert [(e.event_date, e.fatalities) for e in extract_events(doc)] == [(date(2014, 6, 15), 48),
                                                                        (date(2014, 6, 16), 15)]


def test_a_claimant_wrapped_in_its_country_and_a_descriptor_is_still_the_known_group():
    doc = Document(text="Gunmen stormed the town of Mpeketoni on Sunday night, killing 49 people. Somalia's al Shabaab "
                        "Islamist group said it carried out the attack.", published=date(2014, 6, 17), country_hint="KE")
    (event,) = extract_events(doc)
    assert event.claimed_by == "Al Shabaab"


def test_a_lead_that_sums_up_two_bombs_takes_the_place_and_toll_of_the_first_told_below():
    doc = Document(text="KIRKUK, Iraq (AP) — Two roadside bombs struck Iraqi security forces in Kirkuk province on "
                        "Wednesday, killing five troops.\n\nThe first bomb went off under an army vehicle near Dibis, "
                        "killing two soldiers.\n\nSeveral hours later, a second bomb hit a police patrol in Rashad, killing "
                        "three policemen.", published=date(2022, 4, 20), country_hint="IQ")
    first, second = extract_events(doc)
    assert (first.location, first.fatalities) == ("Dibis", 2)
    assert (second.location, second.fatalities) == ("Rashad", 3)


def test_a_wire_with_no_year_recalls_an_act_of_another_month_as_history():
    doc = Document(text="DUBAI, June 6 (Reuters) - A drone struck a petrol station in Marib on Saturday, killing 17 "
                        "people.\n\nIn December, a missile attack on Aden airport killed 26 people.")
    lead, recalled = extract_events(doc)
    assert lead.date_without_year == "--06-06" and not lead.historical
    assert recalled.historical and recalled.date_without_year is None


def test_reactions_funerals_and_habits_tell_no_new_incident():
    doc = Document(text="Coordinator appalled by strike that killed dozens of civilians in Kharkiv region\n\n"
                        "Yesterday afternoon, a missile struck a café in the village of Hroza, killing 52 people.\n\n"
                        "Funeral prayers for a policeman killed at the café were held in Kupiansk. Russian forces have "
                        "carried out frequent strikes on towns across the region.", published=date(2023, 10, 6),
                   country_hint="UA")
    (event,) = extract_events(doc)
    assert event.fatalities == 52 and event.event_date == date(2023, 10, 5)


def test_a_flood_through_a_mines_hospital_is_no_mine_blast_and_a_year_given_in_a_yearless_wire_is_history():
    doc = Document(text="KAMPALA, May 11 (Reuters) - Floods in Kasese have killed at least eight people after two rivers "
                        "burst their banks.\n\nThe water swept through the Kilembe mines hospital overnight.\n\nIn November "
                        "2016, clashes between the army and guards of a local king in Kasese killed more than 100 people.")
    events = extract_events(doc)
    assert [e.historical for e in events] == [True]


def test_a_gunman_shot_dead_by_police_ends_an_attack_on_tourists_and_a_share_of_the_dead_is_no_toll():
    doc = Document(text="- Fri 26/06 — Port El Kantaoui, Sousse governorate: lone gunman opened fire on tourists on the "
                        "beach of a hotel; 38 killed, 39 wounded, 30 of the dead British. Attacker shot dead by police.\n",
                   published=date(2015, 7, 2), country_hint="TN")
    (event,) = extract_events(doc)
    assert (event.event_date, event.sub_event_type, event.fatalities) == (date(2015, 6, 26), "Attack", 38)


def test_a_day_that_names_the_act_further_down_dates_a_toll_update():
    doc = Document(text="North West\n\nTudun Biri: community leaders put drone strike dead at 120\n\nWednesday, 6 December "
                        "2023\n\nKADUNA — Leaders of Tudun Biri said on Wednesday that 120 people had now been confirmed "
                        "dead after a drone struck a crowd.\n\nThe village head said most of the victims of Sunday's strike "
                        "were women and children.", published=date(2023, 12, 6), country_hint="NG")
    (event,) = extract_events(doc)
    assert event.event_date == date(2023, 12, 3)


def test_talk_recovered_bodies_and_undated_rollups_are_no_new_incidents():
    doc = Document(text="JOS, Nigeria (AP) — Gunmen attacked more than a dozen villages in Plateau state on Sunday, "
                        "killing at least 160 people, officials said.\n\nThe council chairman said 113 bodies had been "
                        "recovered by Monday.\n\nBurials of the victims began Tuesday. Amnesty International said the "
                        "authorities had repeatedly failed to act on warnings of attacks in Plateau.",
                   published=date(2023, 12, 26), country_hint="NG")
    assert len(extract_events(doc)) == 1


def test_a_title_the_story_retells_with_the_same_toll_is_its_title():
    doc = Document(text="UNITED NATIONS\nPRESS RELEASE\n\n39 civilians killed in strikes on Maarat al-Numan vegetable "
                        "market\n\nIdlib — Our members recorded the deaths of 39 civilians in yesterday morning's air "
                        "strikes on the wholesale market (Souq al-Hal) of Maarat al-Numan.", published=date(2019, 7, 23),
                   country_hint="SY")
    (event,) = extract_events(doc)
    assert (event.event_date, event.sub_event_type, event.fatalities) == (date(2019, 7, 22), "Air/drone strike", 39)
    assert event.location != "al-Hal"
