"""French and Spanish reports (Sahel, Central Africa, Latin America), often mixed with English.

All sentences are made up for these tests.  Published dates are a Thursday, 14 March 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract import extract_events
from sitroom.extract.actors import find_actors
from sitroom.extract.classify import classify
from sitroom.model import Document

PUBLISHED = date(2024, 3, 14)  # a Thursday


def sub_type(sentence: str) -> str | None:
    found = classify(sentence, find_actors(sentence))
    return found.sub_event_type if found else None


def events(text: str, country: str | None = None):
    return [e for e in extract_events(Document(text=text, published=PUBLISHED, country_hint=country))
            if not e.historical]


@pytest.mark.parametrize(("sentence", "expected"), [
    # French
    ("Des hommes armés ont attaqué le village de Kalou dimanche, tuant sept civils.", "Attack"),
    ("Des jihadistes ont massacré une vingtaine de villageois lundi.", "Attack"),
    ("Un chef coutumier a été abattu par des inconnus à Butembo.", "Attack"),
    ("De violents affrontements ont opposé les FARDC aux rebelles du M23 près de Sake.", "Armed clash"),
    ("Une patrouille des FAMa est tombée dans une embuscade près de Boni.", "Armed clash"),
    ("Des assaillants ont attaqué un poste de gendarmerie, deux gendarmes tués.", "Armed clash"),
    ("Un engin explosif improvisé a frappé un convoi militaire entre Gao et Ansongo.", "Remote explosive/landmine/IED"),
    ("Un véhicule a sauté sur une mine près de Dori.", "Remote explosive/landmine/IED"),
    ("Une frappe aérienne a visé un marché de la région de Ménaka.", "Air/drone strike"),
    ("Un drone de l'armée a frappé une position des rebelles près de Kidal.", "Air/drone strike"),
    ("Des obus sont tombés sur le quartier de Mugunga, blessant cinq personnes.", "Shelling/artillery/missile attack"),
    ("Des hommes armés ont enlevé une dizaine de passagers sur la route de Kaya.", "Abduction/forced disappearance"),
    ("Deux humanitaires ont été kidnappés mercredi à Ndélé.", "Abduction/forced disappearance"),
    ("Des miliciens ont pillé et incendié des maisons à Djugu.", "Looting/property destruction"),
    ("Un kamikaze s'est fait exploser devant la mosquée.", "Suicide bomb"),
    # Spanish
    ("Hombres armados asesinaron a un líder social el lunes en Tumaco.", "Attack"),
    ("Sicarios mataron a cinco personas en un bar de Celaya.", "Attack"),
    ("Enfrentamientos entre el Ejército y disidentes de las FARC en el Cauca.", "Armed clash"),
    ("Una patrulla del Ejército fue emboscada por disidentes en Argelia.", "Armed clash"),
    ("Un artefacto explosivo estalló al paso de una patrulla de la policía en Jamundí.", "Remote explosive/landmine/IED"),
    ("Un soldado murió al pisar una mina antipersonal en Briceño.", "Remote explosive/landmine/IED"),
    ("Un bombardeo de las Fuerzas Militares contra un campamento del ELN.", "Air/drone strike"),
    ("Disidentes atacaron con drones la estación de policía de Suárez.", "Air/drone strike"),
    ("Disidentes lanzaron morteros contra el casco urbano de Toribío.", "Shelling/artillery/missile attack"),
    ("Dos ingenieros fueron secuestrados por el ELN en Tibú.", "Abduction/forced disappearance"),
    ("Guerrilleros emboscaron a una patrulla militar en la vía a Tame.", "Armed clash"),
    ("Hombres armados quemaron doce viviendas en la comunidad.", "Looting/property destruction"),
])
def test_french_and_spanish_triggers_code_the_sub_type(sentence, expected):
    assert sub_type(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # politics, an election, a mine that is a gold mine, a heart attack
    "Le ministre de la Défense s'est rendu jeudi à Bamako pour rencontrer les autorités de la transition.",
    "El candidato oficialista ganó las elecciones con el 54% de los votos, según el consejo electoral.",
    "Les orpailleurs de la mine d'or de Kalsaka réclament de meilleures conditions.",
    "El alcalde sufrió un ataque cardíaco durante la sesión del concejo.",
    "Le gouvernement a adopté un plan de lutte contre la pauvreté.",
    # a fear, a plan, a condemnation in general, a road accident
    "Le gouvernement craint de nouvelles attaques jihadistes dans le nord.",
    "Les autorités ont lancé un plan pour prévenir les enlèvements.",
    "El gobierno condenó el ataque contra la población civil.",
    "Un accidente de tránsito dejó tres muertos en la vía a Ipiales.",
])
def test_french_and_spanish_talk_that_is_no_violence_stays_no_event(sentence):
    assert sub_type(sentence) is None
    assert events(sentence) == []


def test_a_condemnation_that_tells_the_act_reports_it():
    (event,) = events("Le président condamne l'attaque d'hier qui a fait 12 morts à Djibo.", "BF")
    assert (event.sub_event_type, event.event_date, event.fatalities) == ("Attack", date(2024, 3, 13), 12)


def test_a_french_post_is_one_attack_with_its_date_toll_and_actors():
    (event,) = events("BUNIA | Des miliciens de la CODECO ont attaqué hier soir le site de déplacés de Plaine Savo. "
                      "Douze civils tués selon des sources humanitaires.", "CD")
    assert event.sub_event_type == "Attack"
    assert event.event_date == date(2024, 3, 13)
    assert event.fatalities == 12
    assert event.actor1 is not None and event.actor1.startswith("CODECO")
    assert event.actor2 == "Civilians (Democratic Republic of the Congo)"


def test_a_french_post_of_an_attack_on_peacekeepers_is_a_clash_with_the_un():
    (event,) = events("KIDAL | Des jihadistes ont attaqué ce matin le camp de la MINUSMA à Aguelhok. "
                      "Trois casques bleus tchadiens tués et cinq blessés selon la mission.", "ML")
    assert event.sub_event_type == "Armed clash"
    assert event.event_date == date(2024, 3, 14)
    assert (event.fatalities, event.injuries) == (3, 5)
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.actor2 is not None and event.actor2.startswith("MINUSMA")


def test_a_spanish_post_of_an_ambush_on_a_patrol_is_a_clash():
    (event,) = events("AYACUCHO | Emboscada anoche a una patrulla policial en Llochegua. Fuentes policiales: 3 agentes muertos.",
                      "PE")
    assert event.sub_event_type == "Armed clash"
    assert event.event_date == date(2024, 3, 13)
    assert event.fatalities == 3
    assert event.actor2 == "Police Forces of Peru"


def test_a_spanish_report_of_killings_names_the_armed_group_and_its_victims():
    (event,) = events("Sicarios asesinaron el martes a cuatro comerciantes en un mercado de Zamora, Michoacán.", "MX")
    assert event.sub_event_type == "Attack"
    assert event.event_date == date(2024, 3, 12)
    assert event.fatalities == 4
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Mexico)", "Civilians (Mexico)")


def test_an_air_strike_of_the_army_names_the_army_as_its_actor():
    (event,) = events("Un bombardeo de las Fuerzas Militares contra un campamento del ELN dejó 10 guerrilleros muertos.", "CO")
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities == 10
    assert (event.actor1, event.actor2) == ("Military Forces of Colombia", "ELN: National Liberation Army")


def test_a_post_mixing_english_and_french_is_one_clash():
    (event,) = events("GOMA | M23 rebels attacked FARDC positions near Kibumba hier soir. "
                      "Selon une source locale, six soldats tués.", "CD")
    assert event.sub_event_type == "Armed clash"
    assert event.event_date == date(2024, 3, 13)
    assert event.fatalities == 6
    assert event.actor1 == "M23: March 23 Movement"


def test_french_demonyms_after_the_noun_name_the_country():
    (soldiers, ) = find_actors("Deux soldats maliens ont été blessés.")
    assert soldiers.name_in(None) == "Military Forces of Mali"
    (army, ) = find_actors("L'armée burkinabè a repris la localité.")
    assert army.name_in(None) == "Military Forces of Burkina Faso"
