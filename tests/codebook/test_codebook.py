"""The codebook data files: complete, well-formed, and extensible without code changes."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# Text where trigger words start at many positions: English, French and Spanish, mixed case and accents.
_TRIGGER_WORDS = ["attacked", "Attaqué", "ataque", "IEDs", "mine d'or", "mines", "killed", "tués", "Emboscada", "secuestro",
                  "heart attack", "ataque cardíaco", "combats terrorism", "bombardeo", "drone de l'armée a frappé",
                  "a sauté sur une mine", "Granada", "granadas", "obus", "clashes", "set fire", "EEI", "kidnappé"]


@cache
def _plain_and_dispatched() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    return [(re.compile(rf"\b(?:{loader._alternation(raw['patterns'])})", re.I),
             re.compile(rf"\b(?:{loader.dispatched(raw['patterns'])})", re.I)) for raw in loader._trigger_data()["rule"]]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TRIGGER_WORDS), st.text(max_size=6)), max_size=12).map(" ".join))
def test_dispatched_alternation_matches_exactly_what_the_plain_one_does(text):
    for plain, fast in _plain_and_dispatched():
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)]


def test_split_alternatives_splits_only_at_the_top_level():
    assert loader.split_alternatives(r"a|(?:b|c)d|[|x]|e\|f") == ["a", "(?:b|c)d", "[|x]", r"e\|f"]
