import time

import pytest


@pytest.mark.parametrize(("name", "expected"), [
    ("Yusufiya", "Al Yusufiyah"),
    ("Al-Yusufiyah", "Al Yusufiyah"),
    ("بغداد", "Baghdad"),
    ("Falluja", "Al Fallūjah"),
    ("Tal Afar", "Tall ‘Afar"),
    ("Anbar", "Al Anbar"),
])
def test_variants_resolve(gazetteer, name, expected):
    names = {c.place.name for c in gazetteer.candidates(name)}
    assert expected in names


def test_countries_and_capitals_are_places(gazetteer):
    features = {c.place.feature_code for c in gazetteer.candidates("Iraq")}
    assert "PCLI" in features
    assert any(c.place.feature_code == "PPLC" for c in gazetteer.candidates("Baghdad"))


def test_supplement_bases_are_present(gazetteer):
    (c,) = [c for c in gazetteer.candidates("Ain al-Asad") if c.place.country_code == "IQ"]
    assert abs(c.place.latitude - 33.8) < 0.1


def test_lookup_is_fast(gazetteer):
    gazetteer.exact("warmup")
    t = time.perf_counter()
    for i in range(500):
        gazetteer.exact(f"nowhere {i}")
    assert (time.perf_counter() - t) / 500 < 200e-6
