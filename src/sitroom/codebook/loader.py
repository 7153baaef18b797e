"""Load the codebook data files once and compile them into matchers.

The rules stay readable as TOML; this module only turns them into regular expressions.
An analyst's own actor file (SITROOM_ACTORS_FILE) extends the bundled alias table.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitroom.codebook.acled import SUB_EVENT_TYPES
from sitroom.errors import ConfigError

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Rule:
    sub_event_type: str
    priority: int
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    requires: str | None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str  # canonical; may hold "{country}" for generic nouns
    actor_type: str
    generic: bool


@dataclass(frozen=True, slots=True)
class ActorTable:
    """Aliases indexed by their first word, so a sentence is only tried where an alias could start."""

    by_first_word: dict[str, tuple[tuple[re.Pattern[str], ActorEntry], ...]]  # longest alias first

    def match_at(self, text: str, pos: int, word: str) -> tuple[re.Match[str], ActorEntry] | None:
        for pattern, entry in self.by_first_word.get(word, ()):
            m = pattern.match(text, pos)
            if m:
                return m, entry
        return None


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@cache
def _trigger_data() -> dict:
    path = HERE / "triggers.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


@cache
def any_trigger() -> re.Pattern[str]:
    """Every rule's trigger in one pattern: a sentence it misses needs no rule tried."""
    data = _trigger_data()
    return re.compile(rf"\b(?:{_alternation([p for raw in data['rule'] for p in raw['patterns']])})", re.I)


@cache
def rules() -> tuple[Rule, ...]:
    data = _trigger_data()
    compiled = []
    for raw in data["rule"]:
        if raw["sub_event_type"] not in SUB_EVENT_TYPES:
            raise ConfigError(f"triggers.toml: unknown sub_event_type {raw['sub_event_type']!r}")
        unless = raw.get("unless")
        compiled.append(Rule(
            sub_event_type=raw["sub_event_type"],
            priority=int(raw["priority"]),
            pattern=re.compile(rf"\b(?:{_alternation(raw['patterns'])})", re.I),
            unless=re.compile(_alternation(unless), re.I) if unless else None,
            requires=raw.get("requires"),
        ))
    return tuple(sorted(compiled, key=lambda r: -r.priority))


@cache
def out_of_scope_pattern() -> re.Pattern[str]:
    data = _trigger_data()
    return re.compile(rf"\b(?:{_alternation(data['out_of_scope']['patterns'])})", re.I)


@cache
def accident_cause_pattern() -> re.Pattern[str]:
    data = _trigger_data()
    return re.compile(rf"\b(?:{_alternation(data['accident_cause']['patterns'])})", re.I)


def _alias_regex(alias: str, exact_case: bool) -> str:
    """Spelling-tolerant regex for an alias: hyphens/spaces and apostrophes are interchangeable."""
    parts = re.split(r"[\s\-]+", alias.strip())
    # an apostrophe may stand inside any word as reports transliterate ("Qa'ida" is "Qaida"): the
    # lookup key drops them, so the pattern must allow one after any letter
    body = r"[\s\-]+".join(_APOSTROPHE.join(re.escape(ch) for ch in APOSTROPHES_RE.sub("", p))
                            + (_APOSTROPHE if APOSTROPHES_RE.search(p[-1:]) else "") for p in parts)
    body = body.replace(r"al[\s\-]+", r"al[\s\-]?")
    if exact_case:
        return f"(?-i:{body})"
    return body


@cache
def actor_table() -> ActorTable:
    sources = [HERE / "actors.toml"]
    extra = os.environ.get("SITROOM_ACTORS_FILE")
    if extra:
        if not Path(extra).is_file():
            raise ConfigError(f"SITROOM_ACTORS_FILE={extra}: no such file")
        sources.append(Path(extra))
    aliases: list[tuple[str, str, int]] = []  # (regex, alias as written, entry index)
    entries: list[ActorEntry] = []
    for source in sources:
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{source}: {exc}") from exc
        for raw in data.get("actor", []):
            entries.append(ActorEntry(raw["name"], raw["type"], generic=False))
            for alias in raw.get("aliases", []):
                aliases.append((_alias_regex(alias, False), alias, len(entries) - 1))
            for alias in raw.get("exact_case", []):
                aliases.append((_alias_regex(alias, True), alias, len(entries) - 1))
        for name, raw in data.get("generic", {}).items():
            entries.append(ActorEntry(name, raw["type"], generic=True))
            for noun in raw["nouns"]:
                aliases.append((_alias_regex(noun, False), noun, len(entries) - 1))
    index: dict[str, list[tuple[int, re.Pattern[str], ActorEntry]]] = {}
    for rx, raw, entry_index in aliases:
        compiled = re.compile(rf"(?:{rx})(?![\w-])", re.I)
        index.setdefault(_first_word(raw), []).append((len(raw), compiled, entries[entry_index]))
    # Longest alias first so "Islamic State group" wins over "Islamic State".
    return ActorTable({word: tuple((p, e) for _, p, e in sorted(items, key=lambda t: -t[0]))
                       for word, items in index.items()})


APOSTROPHES_RE = re.compile(r"['’ʿʾ`]")
_APOSTROPHE = "['’ʿʾ`]?"


def word_key(word: str) -> str:
    """How a word is looked up: lower case, apostrophes dropped ("Kata'ib" and "Kataib" meet)."""
    return APOSTROPHES_RE.sub("", word.lower())


def _first_word(alias: str) -> str:
    return word_key(re.split(r"[^\w'’ʿʾ`]+", alias.strip(), maxsplit=1)[0])
