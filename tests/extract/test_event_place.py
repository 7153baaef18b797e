"""Where an incident is placed, from the sentences that tell it."""

from __future__ import annotations

from datetime import date

from sitroom.extract import extract_events
from sitroom.model import Document


def events(text: str, published: date = date(2022, 6, 3)):
    return [e for e in extract_events(Document(text=text, published=published)) if not e.historical]


def test_a_village_the_gazetteer_lacks_is_never_put_at_its_countrys_centre():
    (event,) = events("Gunmen killed two farmers in the village of Qelbuvo in India on Monday.")
    assert event.location == "Qelbuvo" and event.country_code == "IN"
    assert (event.latitude, event.longitude) == (None, None)
    assert any("Qelbuvo is not in the gazetteer" in w for w in event.warnings)


def test_a_lead_that_only_points_from_a_city_takes_the_town_the_next_paragraph_names():
    text = ("A suicide bomber blew up a truck at a petrol station south of Baghdad on Thursday, killing 60 people.\n\n"
            "The blast in the town of Qarawiya, in Babil province, set fire to several buses.\n\n"
            "Pilgrims had gathered in Karbala for days before the attack.")
    (event,) = events(text, date(2016, 11, 25))
    assert event.location == "Qarawiya" and event.admin1 == "Bābil"


def test_a_lead_that_only_points_from_a_city_keeps_it_when_the_story_names_places_only_further_down():
    text = ("A suicide bomber blew up a truck at a petrol station south of Baghdad on Thursday, killing 60 people.\n\n"
            "The wounded were treated at the scene.\n\n"
            "Pilgrims had gathered in Karbala for days before the attack.")
    (event,) = events(text, date(2016, 11, 25))
    assert event.location == "Baghdad"


def test_a_town_named_as_such_once_is_that_town_wherever_the_story_names_it():
    # "El Adde" reads loosely as Aden (Yemen); the story calls it a town of Gedo, so the later
    # "elders in El Adde" is that town too, not a place anchored at the filing city
    text = ("MOGADISHU (Reuters) - Fighters stormed an army base in southern Somalia on Friday, killing 60 soldiers.\n\n"
            "The attack on the base in the town of El Adde in Gedo region began at dawn.\n\n"
            "Elders in El Adde said the militants killed dozens of soldiers and carried off weapons.")
    (event,) = events(text, date(2016, 1, 16))
    assert event.location == "El Adde" and event.admin1 == "Gedo"


def test_a_post_labelled_in_cyrillic_is_placed_at_its_city_and_a_weapon_named_grad_is_no_village():
    text = "МАРІУПОЛЬ | Grad rockets hit a residential district this morning. City hall says at least 10 dead."
    (event,) = events(text, date(2015, 1, 24))
    assert event.country_code == "UA" and event.admin1 == "Donetsk"


def test_where_it_was_told_is_not_the_scene_and_the_sentence_that_set_the_scene_places_it():
    text = ("BEIRUT (AP) — Observers said Saturday they had counted 92 bodies in the Houla area of Homs province.\n\n"
            "The mission's head told reporters in Damascus that observers who reached the area had seen artillery "
            "and tank shell impacts on houses.")
    (event,) = events(text, date(2012, 5, 26))
    assert event.admin1 == "Homs"


def test_a_bullet_under_a_country_heading_is_placed_in_that_country_in_a_report_mostly_about_another():
    text = ("WEEKLY SECURITY WATCH\n\n2. INCIDENTS\n\nUkraine\n"
            "- 24 Jan (Sat) | MARIUPOL, Donetsk oblast — Rockets struck a residential district, killing 30 civilians.\n"
            "- 22 Jan (Thu) | DONETSK — A shell hit a trolleybus stop, killing 13 civilians.\n\n"
            "Philippines\n"
            "- 25 Jan (Sun) | QELBUVO — Police commandos clashed for most of the day with rebels after a raid on "
            "Qelbuvo village, killing 44 officers.\n")
    found = {e.event_date: e for e in events(text, date(2015, 1, 25))}
    assert found[date(2015, 1, 25)].country_code == "PH"
    assert found[date(2015, 1, 24)].location == "Mariupol"


def test_a_site_named_like_a_far_small_town_is_a_site_of_the_city_the_post_is_about():
    # Erawan is also a district town 400 km north; "the Erawan shrine" in a Bangkok post is the city's shrine
    text = "BANGKOK | A bomb exploded next to the Erawan shrine at a busy junction this evening, killing 12 people."
    (event,) = events(text, date(2015, 8, 17))
    assert event.admin1 == "Bangkok"


def test_a_list_of_countries_the_dead_came_from_is_no_place_of_the_incident():
    text = ("A bomb exploded at a shrine in Bangkok on Monday evening, killing 20 people. Tourists from mainland "
            "China, Hong Kong, Malaysia and Singapore were among the dead.")
    (event,) = events(text, date(2015, 8, 18))
    assert event.country_code == "TH"


def test_a_convoy_travelling_from_one_city_to_another_is_attacked_where_the_story_says_not_at_either_end():
    text = ("Gunmen ambushed a convoy of an oil company on Thursday, killing 14 guards. The convoy was travelling "
            "from Basra to Baghdad when it came under fire near Nasiriyah, the military said.")
    (event,) = events(text, date(2020, 10, 15))
    assert event.location == "Nasiriyah"


def test_a_road_attacked_before_places_no_later_incident():
    text = ("A roadside bomb hit an army vehicle in Anbar province on Thursday, killing six soldiers.\n\n"
            "The Tikrit road has been attacked before.")
    (event,) = events(text, date(2020, 10, 15))
    assert event.admin1 == "Al Anbar"
