"""Evidence weighing: each looser allowance needs corroboration; hard negatives stay apart."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.merge.cluster import same_incident
from sitroom.merge.decide import Candidate, choose
from sitroom.merge.details import names_in, shared_names
from sitroom.merge.evidence import same_actor, type_evidence, weigh
from sitroom.merge.places import is_country_level, place_evidence
from sitroom.model import Event, Evidence

DAY = date(2021, 2, 15)
_DOCS = count()


def ev(date_text: str | None = None, **kw) -> Event:
    """A report of a document of its own (reports of one document are never one incident)."""
    values = dict(
        doc_id=f"d{next(_DOCS)}", event_date=DAY, time_precision=1, event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", actor1="Unidentified Armed Group (Iraq)",
        country="Iraq", country_code="IQ", admin1="Erbil", location="Erbil", latitude=36.19, longitude=44.01,
        geo_precision=1,
    )
    values.update(kw)
    evidence = {"event_date": Evidence(0, len(date_text), date_text)} if date_text else {}
    return Event(evidence=evidence, **values)


# --- a day apart ----------------------------------------------------------------------------------

def test_tonight_posted_after_midnight_joins_the_day_before() -> None:
    assert same_incident(ev("February 15"), ev("tonight", event_date=DAY + timedelta(days=1)))


def test_overnight_incident_dated_either_side_of_midnight() -> None:
    late = ev("15 February", notes="Rockets hit Erbil late on 15 February, overnight into Tuesday.")
    assert same_incident(late, ev("16 February", event_date=DAY + timedelta(days=1)))


def test_two_stated_days_a_day_apart_are_two_incidents() -> None:
    assert not same_incident(ev("15 February"), ev("16 February", event_date=DAY + timedelta(days=1)))


def test_same_town_a_day_apart_by_weekday_stays_apart() -> None:
    # Two attacks on Tarmiyah on consecutive days, told with weekdays: nothing corroborates one incident.
    a = ev("on Sunday", sub_event_type="Armed clash", event_type="Battles", actor1="Islamic State (Iraq)",
           fatalities=2, location="Tarmiyah", latitude=33.67, longitude=44.40, admin1="Baghdad")
    b = ev("today", sub_event_type="Armed clash", event_type="Battles", actor1="Islamic State (Iraq)",
           fatalities=1, location="Tarmiyah", latitude=33.67, longitude=44.40, admin1="Baghdad",
           event_date=DAY + timedelta(days=1))
    assert not same_incident(a, b)


def test_a_day_apart_by_weekday_joins_with_a_named_group_and_toll() -> None:
    a = ev("on Monday", actor1="Saraya Awliya al-Dam", fatalities=3)
    b = ev("on Tuesday", actor1="Saraya Awliya al-Dam", fatalities=3, event_date=DAY + timedelta(days=1))
    assert same_incident(a, b)


# --- type -----------------------------------------------------------------------------------------

def test_sister_sub_types_join_on_the_same_day_and_place() -> None:
    assert same_incident(ev(), ev(sub_event_type="Air/drone strike"))


def test_generic_attack_beside_a_weapon_needs_corroboration() -> None:
    attack = ev(event_type="Violence against civilians", sub_event_type="Attack")
    assert not same_incident(ev(), attack)
    assert same_incident(ev(actor1="Saraya Awliya al-Dam", fatalities=1),
                         ev(event_type="Violence against civilians", sub_event_type="Attack",
                            actor1="Saraya Awliya al-Dam", fatalities=1))


def test_unrelated_types_are_vetoed() -> None:
    assert type_evidence(ev(), ev(event_type="Protests", sub_event_type="Peaceful protest")) is None
    assert type_evidence(ev(event_type="Battles", sub_event_type="Armed clash"),
                         ev(event_type="Battles", sub_event_type="Government regains territory")) is None


# --- place ----------------------------------------------------------------------------------------

def test_province_level_point_contains_a_town_of_that_province() -> None:
    province = ev(location="Erbil Governorate", latitude=36.45, longitude=44.21, geo_precision=3)
    town = ev(location="Khabat", latitude=36.27, longitude=43.67, geo_precision=1)  # ~50 km from the centroid
    assert place_evidence(province, town) is not None
    assert not same_incident(province, town)  # weak place alone is not enough: see the next test


def test_weak_place_merges_with_a_named_group() -> None:
    province = ev(location="Erbil Governorate", latitude=36.45, longitude=44.21, geo_precision=3,
                  actor1="Saraya Awliya al-Dam")
    town = ev(location="Khabat", latitude=36.27, longitude=43.67, actor1="Saraya Awliya al-Dam")
    assert same_incident(province, town)


def test_province_point_does_not_reach_into_another_province() -> None:
    babil = ev(location="Babil", admin1="Babil", latitude=32.61, longitude=44.47, geo_precision=3,
               sub_event_type="Remote explosive/landmine/IED")
    diwaniyah = ev(location="Diwaniyah", admin1="Al Qadisiyah", latitude=31.99, longitude=44.93,
                   sub_event_type="Remote explosive/landmine/IED")
    assert place_evidence(babil, diwaniyah) is None


def test_same_day_ieds_in_two_districts_stay_apart() -> None:
    a = ev(sub_event_type="Remote explosive/landmine/IED", location="Hillah", latitude=32.46, longitude=44.42,
           admin1="Babil", fatalities=0)
    b = ev(sub_event_type="Remote explosive/landmine/IED", location="Al-Musayab", latitude=32.78, longitude=44.29,
           admin1="Babil", fatalities=0)
    assert not same_incident(a, b)


def test_country_only_report_weighs_like_no_place() -> None:
    country = ev(location="Iraq", latitude=33.0, longitude=44.0, geo_precision=3)
    assert is_country_level(country) and not is_country_level(ev())


# --- actors and details ---------------------------------------------------------------------------

def test_actor_spellings_match_but_neighbouring_countries_do_not() -> None:
    assert same_actor("saraya awliya al-dam", "saraya awliyaa al dam")
    assert not same_actor("military forces of iraq", "military forces of iran")


def test_romanised_victim_names_match() -> None:
    a = ev(notes="Iraqi forces killed Abu Yasir al-Issawi in Wadi al-Shay.")
    b = ev(notes="ISIS deputy leader Abu Yaser al-Essawi killed in Kirkuk raid")
    assert "abu yasir al-issawi" in names_in(a.notes) and shared_names(a, b) == 1


def test_placeless_report_joins_the_event_it_shares_a_name_with() -> None:
    claim = ev(location=None, latitude=None, longitude=None, admin1=None, geo_precision=None,
               sub_event_type="Remote explosive/landmine/IED", notes="Claimed an IED on a convoy near al-Musayyib today.")
    near = ev(sub_event_type="Remote explosive/landmine/IED", location="Babil", latitude=32.61, longitude=44.47,
              geo_precision=3, admin1="Babil", notes="A roadside bomb hit a supply convoy near al-Musayyib.")
    other = ev(sub_event_type="Remote explosive/landmine/IED", location="Diwaniyah", latitude=31.99,
               longitude=44.93, admin1="Al Qadisiyah", notes="An IED struck a convoy north of Diwaniyah.")
    assert choose(claim, [Candidate("D", [other]), Candidate("B", [near])]) == "B"


# --- properties -----------------------------------------------------------------------------------

reports = st.builds(
    ev,
    date_text=st.sampled_from([None, "on Monday", "15 February", "tonight", "last night"]),
    event_date=st.sampled_from([DAY - timedelta(days=1), DAY, DAY + timedelta(days=1)]),
    sub_event_type=st.sampled_from(["Shelling/artillery/missile attack", "Air/drone strike",
                                    "Remote explosive/landmine/IED", None]),
    actor1=st.sampled_from(["Unidentified Armed Group (Iraq)", "Saraya Awliya al-Dam", "Islamic State (Iraq)", None]),
    latitude=st.floats(35.5, 37.0), longitude=st.floats(43.5, 44.5),
    geo_precision=st.sampled_from([1, 2, 3]), fatalities=st.sampled_from([None, 0, 1, 5]),
)


@given(reports, reports)
def test_weighing_is_symmetric(a: Event, b: Event) -> None:
    wa, wb = weigh(a, b), weigh(b, a)
    assert (wa is None) == (wb is None)
    if wa is not None:
        assert abs(wa.total - wb.total) < 1e-9


@given(reports, st.integers(2, 30))
def test_never_more_than_a_day_apart(a: Event, days: int) -> None:
    b = ev(event_date=a.event_date + timedelta(days=days), latitude=a.latitude, longitude=a.longitude)
    assert not same_incident(a, b)


@given(reports, st.floats(60.0, 300.0))
def test_precise_points_far_apart_never_merge(a: Event, km: float) -> None:
    exact = ev(latitude=a.latitude, longitude=a.longitude, geo_precision=1, sub_event_type=a.sub_event_type,
               event_date=a.event_date, actor1=a.actor1, admin1=None)
    far = ev(latitude=a.latitude + km / 111.0, longitude=a.longitude, geo_precision=1, location="Elsewhere",
             sub_event_type=a.sub_event_type, event_date=a.event_date, actor1=a.actor1, admin1=None)
    assert not same_incident(exact, far)


def test_two_counts_of_one_mass_casualty_toll_count_for_one_incident():
    from sitroom.merge.details import toll_evidence
    from sitroom.model import Event

    first, later = Event(doc_id="a", fatalities=147), Event(doc_id="b", fatalities=148)
    assert toll_evidence(first, later) == 1.5
    assert toll_evidence(Event(doc_id="a", fatalities=12), Event(doc_id="b", fatalities=13)) == 1.0
    assert toll_evidence(Event(doc_id="a", fatalities=3), Event(doc_id="b", fatalities=4)) == 0.0


@pytest.mark.parametrize(("first", "final", "expected"), [
    (100, 168, 1.5),  # a first count and the final one of a massacre
    (235, 305, 1.5),
    (50, 100, 1.5),
    (50, 140, 0.0),   # a first count a third of the final one: no evidence either way
    (20, 70, -0.5),   # more than tripled: two incidents' tolls
    (30, 55, 0.0),    # not a massacre's scale: no evidence either way
])
def test_two_counts_of_a_massacre_count_for_one_incident_and_an_early_count_does_not_contradict(first, final, expected):
    from sitroom.merge.details import toll_evidence
    from sitroom.model import Event

    assert toll_evidence(Event(doc_id="a", fatalities=first), Event(doc_id="b", fatalities=final)) == expected


@pytest.mark.parametrize(("x", "y", "expected"), [
    ("islamic state", "islamic state khorasan province", True),
    ("al shabaab", "al-shabaab amniyat", True),
    ("islamic state", "islamic state", False),                  # the same name is no branch
    ("military forces of iraq", "military forces of iran", False),
    ("taliban", "tehrik-i-taliban pakistan", False),            # a name that only contains the other
])
def test_a_branch_is_named_by_its_parents_words_first(x: str, y: str, expected: bool) -> None:
    from sitroom.merge.evidence import branch_of

    assert branch_of(x, y) is expected


def test_a_group_and_its_province_are_one_perpetrator_told_at_two_levels() -> None:
    from sitroom.merge.evidence import SAME_COMMON_ACTOR, actor_evidence

    parent = Event(doc_id="a", actor1="Islamic State (ISIL)")
    branch = Event(doc_id="b", actor1="Islamic State Khorasan Province")
    assert actor_evidence(parent, branch) == SAME_COMMON_ACTOR


@pytest.mark.parametrize(("first", "second"), [
    # names that share no words, linked by the alias table's part_of
    ("ADF: Allied Democratic Forces", "Islamic State Central Africa Province"),
    ("Ahlu Sunnah Wa-Jama", "Islamic State (Mozambique)"),   # ACLED's bracketed scope is dropped by the key
    ("TAK: Kurdistan Freedom Hawks", "PKK: Kurdistan Workers' Party"),
    ("Katiba Macina", "Ansar Dine"),                         # two katibas of JNIM
    ("Wagner Group", "Military Forces of Russia (2000-)"),
])
def test_an_affiliate_and_its_parent_are_one_perpetrator_told_at_two_levels(first: str, second: str) -> None:
    from sitroom.merge.evidence import SAME_COMMON_ACTOR, actor_evidence

    a, b = Event(doc_id="a", actor1=first), Event(doc_id="b", actor1=second)
    assert actor_evidence(a, b) == actor_evidence(b, a) == SAME_COMMON_ACTOR


@pytest.mark.parametrize(("first", "second"), [
    ("Islamic State West Africa Province", "Islamic State Sahel Province"),  # two provinces: two perpetrators
    ("Al Shabaab", "AQAP: Al Qaeda in the Arabian Peninsula"),
    ("ADF: Allied Democratic Forces", "M23: March 23 Movement"),
])
def test_two_branches_that_act_apart_still_conflict(first: str, second: str) -> None:
    from sitroom.merge.evidence import ACTOR_CONFLICT, actor_evidence

    assert actor_evidence(Event(doc_id="a", actor1=first), Event(doc_id="b", actor1=second)) == ACTOR_CONFLICT


def test_an_affiliate_pair_reaches_the_merge_where_two_strangers_do_not() -> None:
    """A day apart with one date read from a weekday: the perpetrator decides."""
    kw = dict(event_type="Violence against civilians", sub_event_type="Attack", country="Democratic Republic of the Congo",
              country_code="CD", admin1="North Kivu", location="Oicha", latitude=0.70, longitude=29.52, fatalities=17)
    claim = ev("on Tuesday", actor1="Islamic State Central Africa Province", event_date=DAY, **kw)
    local = ev("February 16", actor1="ADF: Allied Democratic Forces", event_date=DAY + timedelta(days=1), **kw)
    other = ev("February 16", actor1="CODECO: Cooperative for Development of Congo", event_date=DAY + timedelta(days=1),
               **kw)
    assert same_incident(claim, local)
    assert not same_incident(claim, other)


def test_a_vague_toll_is_a_floor_not_a_conflict():
    from sitroom.merge.details import toll_evidence

    dozens = Event(doc_id="a", fatalities=12, evidence={"fatalities": Evidence(0, 24, "dozens of worshippers killed")})
    counted = Event(doc_id="b", fatalities=46, evidence={"fatalities": Evidence(0, 9, "killed 46")})
    assert toll_evidence(dozens, counted) == 0.0
    assert toll_evidence(Event(doc_id="a", fatalities=12), counted) < 0.0  # a specific 12 does conflict


def test_a_report_at_the_province_of_the_others_town_is_better_than_mere_proximity():
    from sitroom.merge.places import PROVINCE_PLACE, WEAK_PLACE

    town = ev(location="Sebba", admin1="Sahel", latitude=13.44, longitude=0.53, country_code="BF")
    region = ev(location="Sahel", admin1="Sahel", latitude=14.08, longitude=-0.55, geo_precision=3, country_code="BF")
    near_centroid = ev(location="Oudalan", admin1="Sahel", latitude=14.47, longitude=-0.45, geo_precision=3,
                       country_code="BF")
    assert place_evidence(town, region) == PROVINCE_PLACE
    assert place_evidence(town, near_centroid) == WEAK_PLACE  # a province, but not the town's by name


def test_a_report_at_the_province_the_others_point_lies_in_by_its_french_unit_name():
    from sitroom.merge.places import PROVINCE_PLACE, location_key

    assert location_key("Province du Sanmatenga") == location_key("Sanmatenga")
    assert location_key("Departamento de Antioquia") == location_key("Antioquia")
    near_town = ev(location="Kaya", admin1="Centre-Nord", admin2="Province du Sanmatenga", latitude=13.45,
                   longitude=-1.08, geo_precision=2, country_code="BF")
    province = ev(location="Sanmatenga", admin1="Centre-Nord", admin2="Province du Sanmatenga", latitude=13.0,
                  longitude=-1.3, geo_precision=3, country_code="BF")
    assert place_evidence(near_town, province) == PROVINCE_PLACE


def test_points_that_nearly_touch_across_a_border_are_one_place_but_distant_countries_veto():
    syria = ev(location="Qamishli", country_code="SY", country="Syria", admin1="Al-Hasakah", latitude=37.052,
               longitude=41.231)
    wrong_side = ev(location="Qamishlo", country_code="TR", country="Turkey", admin1="Mardin", latitude=37.070,
                    longitude=41.215, geo_precision=2)
    far = ev(location="Mardin", country_code="TR", country="Turkey", admin1="Mardin", latitude=37.31, longitude=40.74)
    assert place_evidence(syria, wrong_side) is not None and place_evidence(syria, wrong_side) > 1.0
    assert place_evidence(syria, far) is None


def test_a_place_named_in_the_other_reports_lead_is_nearly_a_shared_name() -> None:
    # one report codes the village (unlisted, at the provincial city), the other the area it lies in,
    # and its lead sentence names the village
    village = ev(location="Qelbuvo", latitude=34.72, longitude=36.72, geo_precision=2, admin1="Homs")
    area = ev(location="al-Houla", latitude=34.89, longitude=36.50, geo_precision=1, admin1="Homs",
              notes="Researchers recorded 108 people killed in Qelbuvo, a village in the al-Houla area, on Friday.")
    elsewhere = ev(location="al-Houla", latitude=34.89, longitude=36.50, geo_precision=1, admin1="Homs",
                   notes="Researchers recorded 108 people killed in the al-Houla area on Friday.")
    assert place_evidence(village, area) > place_evidence(village, elsewhere)


def test_two_exact_points_far_apart_stay_two_places_though_one_lead_names_the_other() -> None:
    # a bomb in Tal Afar "west of Mosul" and one in Mosul the same day: the hard negative of two districts
    mosul = ev(location="Mosul", latitude=36.335, longitude=43.119, admin1="Nineveh")
    tal_afar = ev(location="Tal Afar", latitude=36.377, longitude=42.449, admin1="Nineveh",
                  notes="A roadside bomb exploded in Tal Afar, west of Mosul, killing two soldiers.")
    assert place_evidence(mosul, tal_afar) is None


def test_a_blast_heard_contradicts_no_named_weapon_but_two_named_weapons_do():
    from sitroom.merge.evidence import CONFUSED_WEAPON, ONE_SUB_TYPE_UNKNOWN, type_evidence

    shelling = Event(doc_id="a", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")
    heard = Event(doc_id="b", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  evidence={"sub_event_type": Evidence(10, 23, "explosions at")})
    named = Event(doc_id="c", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  evidence={"sub_event_type": Evidence(10, 22, "roadside bomb")})
    assert type_evidence(shelling, heard) == ONE_SUB_TYPE_UNKNOWN
    assert type_evidence(shelling, named) == CONFUSED_WEAPON


def test_blasts_heard_in_an_assault_are_no_other_act():
    from sitroom.merge.evidence import GENERIC_SUB_TYPE, ONE_SUB_TYPE_UNKNOWN, type_evidence

    assault = Event(doc_id="a", event_type="Battles", sub_event_type="Armed clash")
    heard = Event(doc_id="b", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  evidence={"sub_event_type": Evidence(20, 38, "fortes détonations")})
    bomb = Event(doc_id="c", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                 evidence={"sub_event_type": Evidence(10, 19, "car bombs")})
    assert type_evidence(assault, heard) == ONE_SUB_TYPE_UNKNOWN
    assert type_evidence(assault, bomb) == GENERIC_SUB_TYPE


def test_a_report_told_as_another_attack_is_not_the_attack_of_the_day_before():
    first = Event(doc_id="a", event_date=date(2023, 1, 27), event_type="Violence against civilians",
                  sub_event_type="Attack", location="Jerusalem", latitude=31.77, longitude=35.22, country_code="IL",
                  notes="JERUSALEM | Shooting attack near a synagogue. 5 killed.")
    another = Event(doc_id="b", event_date=date(2023, 1, 28), event_type="Violence against civilians",
                    sub_event_type="Attack", location="Jerusalem", latitude=31.77, longitude=35.22, country_code="IL",
                    notes="JERUSALEM | Another shooting attack: two men injured near the Old City.")
    same_day = Event(doc_id="c", event_date=date(2023, 1, 28), event_type="Violence against civilians",
                     sub_event_type="Attack", location="Jerusalem", latitude=31.77, longitude=35.22, country_code="IL",
                     notes="Two men were shot near the Old City on Saturday morning.")
    assert weigh(another, first) is None and weigh(first, another) is None
    assert weigh(another, same_day) is not None
