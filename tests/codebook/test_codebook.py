"""The codebook data files: complete, well-formed, and extensible without code changes."""

from __future__ import annotations

import pytest

from sitroom.codebook import loader
from sitroom.codebook.acled import EVENT_TYPES, SUB_EVENT_TYPES
from sitroom.errors import ConfigError


def test_six_event_types_and_twenty_five_sub_types():
    assert len(EVENT_TYPES) == 6
    assert len(SUB_EVENT_TYPES) == 25
    assert set(SUB_EVENT_TYPES.values()) == set(EVENT_TYPES)


@pytest.mark.parametrize("sub_type", sorted(SUB_EVENT_TYPES))
def test_every_sub_type_has_a_rule(sub_type):
    assert any(rule.sub_event_type == sub_type for rule in loader.rules())


def test_rules_are_tried_highest_priority_first():
    priorities = [rule.priority for rule in loader.rules()]
    assert priorities == sorted(priorities, reverse=True)


def test_analysts_extend_the_alias_table_with_their_own_file(tmp_path, monkeypatch):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[actor]]\nname = "Liwa Example"\ntype = "Political militia"\naliases = ["Example Brigade"]\n')
    monkeypatch.setenv("SITROOM_ACTORS_FILE", str(extra))
    loader.actor_table.cache_clear()
    try:
        from sitroom.extract.actors import find_actors

        assert [a.name_in(None) for a in find_actors("the Example Brigade fired rockets")] == ["Liwa Example"]
    finally:
        monkeypatch.delenv("SITROOM_ACTORS_FILE")
        loader.actor_table.cache_clear()


def test_a_missing_actor_file_is_a_config_error(monkeypatch, tmp_path):
    monkeypatch.setenv("SITROOM_ACTORS_FILE", str(tmp_path / "nope.toml"))
    loader.actor_table.cache_clear()
    try:
        with pytest.raises(ConfigError, match="nope.toml"):
            loader.actor_table()
    finally:
        monkeypatch.delenv("SITROOM_ACTORS_FILE")
        loader.actor_table.cache_clear()


def test_a_broken_actor_file_names_itself(monkeypatch, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[[actor]\nname = ")
    monkeypatch.setenv("SITROOM_ACTORS_FILE", str(broken))
    loader.actor_table.cache_clear()
    try:
        with pytest.raises(ConfigError, match="broken.toml"):
            loader.actor_table()
    finally:
        monkeypatch.delenv("SITROOM_ACTORS_FILE")
        loader.actor_table.cache_clear()
