"""Region names as GeoNames writes them in French, Spanish or Portuguese are found by their bare name."""

import pytest

from sitroom.geo.build import admin_name_variants


@pytest.mark.parametrize(("name", "bare"), [
    ("Province du Kouritenga", "Kouritenga"),
    ("Province de la Komandjoari", "Komandjoari"),
    ("Province de l'Ioba", "Ioba"),
    ("Departamento de Lempira", "Lempira"),
    ("Cercle de Douentza", "Douentza"),
    ("Circunscrição de Palma", "Palma"),
    ("Cidade de Pemba", "Pemba"),
    ("Município de Ancuabe", "Ancuabe"),
])
def test_a_romance_admin_prefix_is_dropped(name, bare):
    assert bare in admin_name_variants(name)


def test_the_preposition_is_never_left_as_a_name():
    assert "du Kouritenga" not in admin_name_variants("Province du Kouritenga")


def test_an_english_admin_word_is_still_dropped():
    assert admin_name_variants("Musa Qala District") == {"Musa Qala District", "Musa Qala"}


def test_a_name_that_only_starts_like_one_is_kept_whole():
    assert admin_name_variants("Provincial Park") == {"Provincial Park"}
