"""`part_of` in the alias table: which two names may stand for one perpetrator."""

from __future__ import annotations

import pytest

from sitroom.codebook import loader
from sitroom.codebook.loader import affiliated
from sitroom.errors import ConfigError


@pytest.mark.parametrize(("a", "b"), [
    # a branch and its parent, in either order and at any depth
    ("ADF: Allied Democratic Forces", "Islamic State Central Africa Province"),
    ("Islamic State Central Africa Province", "ADF: Allied Democratic Forces"),
    ("ADF: Allied Democratic Forces", "Islamic State (ISIL)"),
    ("Islamic State West Africa Province", "Islamic State (ISIL)"),
    ("Katiba Macina", "JNIM: Group for Support of Islam and Muslims"),
    ("Katiba Macina", "Al Qaeda"),
    ("Al Shabaab", "Al Qaeda"),
    ("Ahlu Sunnah Wa-Jama", "Islamic State Mozambique Province"),
    ("Ahlu Sunnah Wa-Jama", "Islamic State Central Africa Province"),
    ("TTP: Tehrik-i-Taliban Pakistan", "Taliban"),
    ("Jamaat-ul-Ahrar", "Taliban"),
    ("TAK: Kurdistan Freedom Hawks", "PKK: Kurdistan Workers' Party"),
    ("Liwa Fatemiyoun", "Military Forces of Iran"),
    ("Wagner Group", "Military Forces of Russia"),
    ("VDP: Volunteers for the Defense of the Homeland", "Military Forces of Burkina Faso"),
    # two katibas of one organisation are one body
    ("Katiba Macina", "Ansar Dine"),
    ("Wagner Group", "Africa Corps"),
    # the scope ACLED puts in brackets does not matter
    ("Islamic State (ISIL)", "Islamic State West Africa Province (ISWAP)"),
])
def test_a_branch_and_its_parent_are_affiliated(a, b):
    assert affiliated(a, b)


@pytest.mark.parametrize(("a", "b"), [
    # two branches of a parent whose branches act apart
    ("Islamic State West Africa Province", "Islamic State Khorasan Province"),
    ("Al Shabaab", "JNIM: Group for Support of Islam and Muslims"),
    ("UPC: Unity for Peace in Central Africa", "FPRC: Popular Front for the Renaissance of Central Africa"),
    ("Kata'ib Hezbollah", "Harakat Hezbollah al-Nujaba"),
    ("PJAK: Kurdistan Free Life Party", "TAK: Kurdistan Freedom Hawks"),
    ("MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo",
     "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali"),
    # cousins: branches of two different branches
    ("Katiba Macina", "Al Shabaab"),
    ("ADF: Allied Democratic Forces", "Maute Group"),
    # unrelated, unknown, empty, or the same name (that is sameness, not affiliation)
    ("ADF: Allied Democratic Forces", "M23: March 23 Movement"),
    ("Taliban", "Islamic State Khorasan Province"),
    ("Some Local Militia", "Islamic State (ISIL)"),
    ("", "Islamic State (ISIL)"),
    (None, "Al Qaeda"),
    ("Katiba Macina", "Katiba Macina"),
])
def test_others_are_not_affiliated(a, b):
    assert not affiliated(a, b)


def test_the_caller_keys_names_its_own_way():
    from sitroom.merge.evidence import actor_key

    # the merge keys every state force of a country alike
    assert affiliated(actor_key("Wagner Group"), actor_key("Military Forces of Russia"), key=actor_key)
    assert affiliated(actor_key("Africa Corps"), actor_key("Government of Russia"), key=actor_key)
    assert not affiliated(actor_key("Africa Corps"), actor_key("Military Forces of Mali"), key=actor_key)


def _with_actor_file(monkeypatch, tmp_path, text: str) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(text)
    monkeypatch.setenv("SITROOM_ACTORS_FILE", str(extra))
    loader.actor_table.cache_clear()
    loader._affiliation_tree.cache_clear()


@pytest.fixture
def fresh_tables():
    yield
    loader.actor_table.cache_clear()
    loader._affiliation_tree.cache_clear()


def test_an_analysts_file_links_its_groups_to_the_table(monkeypatch, tmp_path, fresh_tables):
    _with_actor_file(monkeypatch, tmp_path, '[[actor]]\nname = "Katiba Example"\ntype = "Rebel group"\n'
                                            'aliases = ["Katiba Example"]\n'
                                            'part_of = "JNIM: Group for Support of Islam and Muslims"\n')
    assert affiliated("Katiba Example", "Katiba Macina")


def test_a_parent_the_table_lacks_is_a_config_error(monkeypatch, tmp_path, fresh_tables):
    _with_actor_file(monkeypatch, tmp_path, '[[actor]]\nname = "Katiba Example"\ntype = "Rebel group"\n'
                                            'aliases = ["Katiba Example"]\npart_of = "Nobody At All"\n')
    with pytest.raises(ConfigError, match="Nobody At All"):
        affiliated("Katiba Example", "Al Qaeda")


def test_a_circle_of_parents_is_a_config_error(monkeypatch, tmp_path, fresh_tables):
    _with_actor_file(monkeypatch, tmp_path,
                     '[[actor]]\nname = "Group A"\ntype = "Rebel group"\naliases = []\npart_of = "Group B"\n'
                     '[[actor]]\nname = "Group B"\ntype = "Rebel group"\naliases = []\npart_of = "Group A"\n')
    with pytest.raises(ConfigError, match="circle"):
        affiliated("Group A", "Group B")


def test_a_local_name_the_table_lacks_is_a_config_error(monkeypatch, tmp_path, fresh_tables):
    _with_actor_file(monkeypatch, tmp_path, '[[actor]]\nname = "Group A"\ntype = "Rebel group"\n'
                                            'aliases = ["Group A"]\nlocal = { Chad = "Nobody At All" }\n')
    with pytest.raises(ConfigError, match="Nobody At All"):
        loader.actor_table()


def test_every_link_of_the_bundled_table_resolves():
    tree = loader._affiliation_tree(loader.affiliation_key)
    assert len(tree.parent) >= 40
    assert "islamic state" in tree.distinct and "al qaeda" in tree.distinct
