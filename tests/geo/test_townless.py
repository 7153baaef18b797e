"""Second-level regions with no town in cities500, retired codes and compass-split regions (geo/townless.py)."""

import pytest

from sitroom import geo
from sitroom.geo import locate, townless
from sitroom.geo.build import Row, admin_name_variants
from sitroom.geo.distance import haversine_km
from sitroom.geo.gazetteer import Gazetteer
from sitroom.model import GEO_EXACT, GEO_NEAR, GEO_REGION

from .resolving import resolve

# ----------------------------------------------------------------------------- small in-memory inputs


def _town(name, lat, lon, a1="XX.01", a2="", pop=1000, alt=()):
    return Row(name=name, lat=lat, lon=lon, cc=a1.split(".")[0], admin1_code=a1, admin2_code=a2,
               geonameid=f"g-{name}", population=pop, alt=list(alt))


@pytest.mark.parametrize(("name", "bare"), [
    ("Mohmand Agency", "Mohmand"),
    ("Rutshuru Territory", "Rutshuru"),
    ("Gwoza Local Government Area", "Gwoza"),
    ("Kasese Sub-county", "Kasese"),
    ("Amphoe Bannang Sata", "Bannang Sata"),
    ("Shahrestan-e Ilam", "Ilam"),
])
def test_more_admin_words_are_dropped(name, bare):
    assert bare in admin_name_variants(name)


def test_a_bare_name_that_is_a_common_word_is_not_added():
    assert admin_name_variants("Northern Territory") == {"Northern Territory"}
    assert admin_name_variants("Central District") == {"Central District"}


@pytest.mark.parametrize(("name", "stem"), [
    ("North Kivu", "Kivu"), ("Maguindanao del Sur", "Maguindanao"), ("South Waziristan Agency", "Waziristan"),
    ("Western Darfur", "Darfur"), ("Haut-Uele", "Uele"), ("Toliara I District", "Toliara"),
])
def test_a_split_unit_name_gives_its_stem(name, stem):
    assert stem in {s for s, _ in townless.split_qualifier(name)}


@pytest.mark.parametrize("stem", ["Cape", "Province", "Est", "du Quebec", "Ada", "Kabupaten Aceh"])
def test_a_word_for_a_kind_of_unit_is_no_stem(stem):
    assert not townless.good_stem(stem)


def test_a_retired_code_is_named_after_the_units_it_was_split_into():
    cities = [_town(n, 7.0 + i / 10, 124.4, a2="XX.01.56") for i, n in enumerate(("Upi", "Ampatuan", "Buluan"))]
    admin2 = {"XX.01.MGS": ("Magui del Sur", "Magui del Sur", "1"), "XX.01.MGN": ("Magui del Norte", "Magui del Norte", "2")}
    split = townless.retire_split_codes(cities, admin2)
    assert admin2["XX.01.56"][0] == "Magui"
    assert split == {"XX.01.56": "magui", "XX.01.MGS": "magui", "XX.01.MGN": "magui"}


def test_a_retired_code_of_one_town_or_of_a_minority_of_the_towns_is_left_unnamed():
    admin2 = {"XX.01.S": ("Magui del Sur", "Magui del Sur", "1"), "XX.01.N": ("Magui del Norte", "Magui del Norte", "2")}
    one = [_town("Upi", 7.0, 124.4, a2="XX.01.56")]
    assert townless.retire_split_codes(one, dict(admin2)) == {}
    shared = [_town(f"T{i}", 7.0, 124.4, a2=f"XX.01.{i % 3}") for i in range(9)]  # three old codes, 3 towns each
    assert townless.retire_split_codes(shared, dict(admin2)) == {}


def test_a_townless_unit_sits_at_its_namesake_town_else_at_its_admin1_point():
    seat = _town("Lubero", -0.16, 29.24, a1="XX.11", pop=41722)
    elsewhere = _town("Beni", 0.49, 29.47, a1="XX.11", a2="XX.11.01", pop=200000)
    province = Row(name="North Foo", lat=-0.55, lon=29.02, cc="XX", admin1_code="XX.11", feature="ADM1")
    admin2 = {"XX.11.01": ("Beni", "Beni", "1"), "XX.11.05": ("Lubero Territory", "Lubero Territory", "5"),
              "XX.11.02": ("Nyirangongo", "Nyirangongo", "2")}
    rows = {r.name: r for r in townless.townless_admin2_rows([seat, elsewhere], admin2, [province])}
    assert set(rows) == {"Lubero Territory", "Nyirangongo"}
    lubero, nyira = rows["Lubero Territory"], rows["Nyirangongo"]
    assert (lubero.lat, lubero.lon, lubero.population) == (-0.16, 29.24, 41722)
    assert (nyira.lat, nyira.lon, nyira.population) == (-0.55, 29.02, 0)
    assert nyira.feature == "ADM2" and nyira.admin1_code == "XX.11" and nyira.admin2_code == "XX.11.02"
    assert nyira.source == townless.ADMIN1_POINT_SOURCE


def test_village_sized_units_of_a_big_province_are_not_put_at_its_point():
    province = Row(name="Saskatchewan", lat=54.0, lon=-106.0, cc="XX", admin1_code="XX.11", feature="ADM1")
    many = {f"XX.11.{i}": (f"Village{i}", f"Village{i}", str(i)) for i in range(townless.MAX_UNITS_AT_ADMIN1_POINT + 1)}
    assert townless.townless_admin2_rows([], many, [province]) == []


def test_a_town_of_the_units_name_without_a_unit_of_its_own_becomes_its_seat():
    seat = _town("Lubero", -0.16, 29.24, a1="XX.11")
    other = _town("Hyosha", 0.7, 29.5, a1="XX.11", alt=("Oicha",))
    admin2 = {"XX.11.05": ("Lubero", "Lubero", "5"), "XX.11.07": ("Oicha", "Oicha", "7")}
    assert townless.claim_namesakes([seat, other], admin2) == 2
    assert (seat.admin2_code, other.admin2_code) == ("XX.11.05", "XX.11.07")


def test_compass_siblings_make_a_region_of_their_stem_unless_the_name_is_taken():
    admin1 = {"XX.01": ("North Fooland", "North Fooland", "1"), "XX.02": ("South Fooland", "South Fooland", "2"),
              "XX.03": ("North Barland", "North Barland", "3"), "XX.04": ("South Barland", "South Barland", "4"),
              "XX.05": ("North Baltica", "North Baltica", "5"), "XX.06": ("South Baltica", "South Baltica", "6")}
    cities = [_town("A", 1.0, 29.0, a1="XX.01", pop=10), _town("B", -3.0, 29.0, a1="XX.02", pop=20),
              _town("C", 5.0, 20.0, a1="XX.03"), _town("D", 4.0, 20.0, a1="XX.04"),
              _town("E", 20.0, 38.0, a1="XX.05"), _town("F", 18.0, 39.0, a1="XX.06")]
    taken = [Row(name="Barland", lat=0, lon=0, cc="XX"), Row(name="Baltica", lat=20, lon=38, cc="", feature="RGN")]
    stems = townless.compass_stem_rows(cities, admin1, {}, cities + taken)
    assert [(r.name, r.feature, r.admin1_code, r.population) for r in stems] == [("Fooland", "ADM1", "", 30)]
    assert -3.0 < stems[0].lat < 1.0


# ----------------------------------------------------------------------------- a regional gazetteer


@pytest.fixture(scope="module")
def gz(tmp_path_factory) -> Gazetteer:
    # Pakistan's tribal districts, North Kivu's territories, Maguindanao; India for the "Mehmand" it used to read
    home = tmp_path_factory.mktemp("sitroom-geo-townless")
    return Gazetteer(geo.build_gazetteer(home / "gazetteer.sqlite", countries=("PK", "CD", "PH", "SD", "IN")),
                     auto_build=False)


def _locate(text, gz, hint=None):
    return locate(text, 0, len(text), hint, gz)


@pytest.mark.parametrize("text", ["Militants attacked a checkpoint in Mohmand Agency on Monday.",
                                  "Militants attacked a checkpoint in Mohmand district on Monday."])
def test_a_tribal_district_without_a_town_is_found_in_its_province(gz, text):
    place = resolve(gz, text, "Mohmand")["Mohmand"]
    assert (place.country_code, place.admin1, place.feature_code) == ("PK", "Khyber Pakhtunkhwa", "ADM2")
    loc = _locate(text, gz)
    assert loc.geo_precision == GEO_REGION
    assert (loc.place.admin1, loc.place.admin2) == ("Khyber Pakhtunkhwa", "Mohmand Agency")


def test_a_district_with_no_town_and_no_namesake_sits_at_its_province_point(gz):
    text = "Fighting in Nyirangongo territory displaced thousands."
    place = resolve(gz, text, "Nyirangongo")["Nyirangongo"]
    province = next(c.place for c in gz.candidates("North Kivu") if c.place.feature_code == "ADM1")
    assert (place.feature_code, place.population, place.admin1) == ("ADM2", 0, "North Kivu")
    assert (place.latitude, place.longitude) == (province.latitude, province.longitude)
    assert _locate(text, gz, "CD").geo_precision == GEO_REGION


def test_a_district_named_like_its_seat_sits_at_the_seat_and_the_seat_names_it(gz):
    district = next(c.place for c in gz.candidates("Lubero") if c.place.feature_code == "ADM2")
    town = next(c.place for c in gz.candidates("Lubero") if c.place.feature_code.startswith("PPL"))
    assert haversine_km(district.latitude, district.longitude, town.latitude, town.longitude) < 5
    assert town.admin2 == "Lubero"
    loc = _locate("ADF rebels killed 12 civilians in Lubero on Sunday.", gz, "CD")
    assert (loc.place.name, loc.geo_precision) == ("Lubero", GEO_EXACT)  # the town, not the territory


def test_a_retired_province_is_found_at_its_towns(gz):
    place = resolve(gz, "Clashes erupted in Maguindanao on Sunday.", "Maguindanao")["Maguindanao"]
    datu_piang = next(c.place for c in gz.candidates("Datu Piang") if c.place.country_code == "PH")
    assert (place.country_code, place.feature_code) == ("PH", "ADM2")
    assert haversine_km(place.latitude, place.longitude, datu_piang.latitude, datu_piang.longitude) < 50
    assert datu_piang.admin2 == "Maguindanao"  # the towns of the old code are named after it now
    # the parts of the split sit within the old province, not at the region's point
    sur = next(c.place for c in gz.candidates("Maguindanao del Sur"))
    assert (sur.latitude, sur.longitude) == (place.latitude, place.longitude)


def test_the_stem_of_split_states_is_a_region(gz):
    loc = _locate("Gunmen killed five in Darfur.", gz)
    assert (loc.place.name, loc.place.country_code, loc.geo_precision) == ("Darfur", "SD", GEO_REGION)
    loc = _locate("A drone strike hit a compound in Waziristan.", gz, "PK")
    assert (loc.place.name, loc.place.admin1, loc.geo_precision) == ("Waziristan", "Khyber Pakhtunkhwa", GEO_REGION)


def test_a_town_named_with_the_stem_that_holds_it_keeps_its_point(gz):
    # the stem has no admin code of its own: it does not say the town lies outside it
    loc = _locate("Gunmen attacked Nyala, Darfur.", gz)
    assert (loc.place.name, loc.geo_precision) == ("Nyala", GEO_EXACT)
    loc = _locate("Fighting near Goma, Kivu.", gz)
    assert (loc.place.name, loc.geo_precision) == ("Goma", GEO_NEAR)


def test_a_governorate_without_a_geonames_id_does_not_outrank_the_town_it_holds(gazetteer):
    # a supplement row has no GeoNames id, but it is no unlisted place made up at its anchor
    loc = _locate("A bomb exploded in Mosul, Ninewa province.", gazetteer)
    assert (loc.place.name, loc.geo_precision) == ("Mosul", GEO_EXACT)
