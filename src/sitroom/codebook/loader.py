"""Load the codebook data files once and compile them into matchers.

The rules stay readable as TOML; this module only turns them into regular expressions.
An analyst's own actor file (SITROOM_ACTORS_FILE) extends the bundled alias table.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable
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


NOT_AN_ACTOR = "Not an actor"
"""The type of `[not_actors]` names: matched so that their acronyms are not read as a group's."""


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str  # canonical; may hold "{country}" for generic nouns
    actor_type: str
    generic: bool
    local: tuple[tuple[str, str, str], ...] = ()  # (country, name, type): a homonym names another actor there


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


def _first_chars(items) -> tuple[frozenset[str] | None, bool]:
    """The characters a parsed pattern may start with (None: any) and whether it may match empty."""
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return frozenset(chars | {chr(av)}), False
        if name == "IN":
            if any(str(o) not in ("LITERAL", "RANGE") for o, _ in av):
                return None, False
            for o, v in av:
                if str(o) == "LITERAL":
                    chars.add(chr(v))
                elif v[1] - v[0] > 64:
                    return None, False
                else:
                    chars.update(chr(c) for c in range(v[0], v[1] + 1))
            return frozenset(chars), False
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: the next item says what comes first
        if name == "SUBPATTERN":
            found, empty = _first_chars(av[-1])
        elif name == "BRANCH":
            found, empty = frozenset(), False
            for branch in av[1]:
                f, e = _first_chars(branch)
                if f is None:
                    return None, False
                found, empty = found | f, empty or e
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            found, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression: "a|(?:b|c)d" -> ["a", "(?:b|c)d"]."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("]", i + 1) or pattern.startswith("^]", i + 1):
                i += 1 + (pattern[i + 1] == "^")
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def dispatched(patterns: list[str]) -> str:
    """The alternation of `patterns`, grouped by the letter each may start with behind a one-character
    lookahead, so that at a word start only the few alternatives that can begin there are tried.
    It matches exactly what the plain alternation matches: each group keeps the patterns' order, and a
    pattern whose first character cannot be told stands in every group."""
    firsts = []
    for p in patterns:
        found, empty = _first_chars(re._parser.parse(p, re.I))
        firsts.append(None if found is None or empty else found)
    keys = sorted({c.lower() for f in firsts if f is not None for c in f})
    groups = []
    for key in keys:
        members = [p for p, f in zip(patterns, firsts, strict=True) if f is None or any(c.lower() == key for c in f)]
        chars = sorted({c for f in firsts if f is not None for c in f if c.lower() == key} | {key})
        groups.append(f"(?=[{''.join(re.escape(c) for c in chars)}])(?:{_alternation(members)})")
    anywhere = [p for p, f in zip(patterns, firsts, strict=True) if f is None]
    if anywhere:
        taken = "".join(re.escape(c) for f in firsts if f is not None for c in sorted(f))
        groups.append(f"(?![{taken}])(?:{_alternation(anywhere)})" if taken else _alternation(anywhere))
    return "|".join(groups)


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
    return re.compile(rf"\b(?:{dispatched([p for raw in data['rule'] for p in raw['patterns']])})", re.I)


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
            pattern=re.compile(rf"\b(?:{dispatched(raw['patterns'])})", re.I),
            unless=re.compile(_alternation(unless), re.I) if unless else None,
            requires=raw.get("requires"),
        ))
    return tuple(sorted(compiled, key=lambda r: -r.priority))


@cache
def out_of_scope_pattern() -> re.Pattern[str]:
    data = _trigger_data()
    return re.compile(rf"\b(?:{dispatched(data['out_of_scope']['patterns'])})", re.I)


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


def _actor_sources() -> list[Path]:
    sources = [HERE / "actors.toml"]
    extra = os.environ.get("SITROOM_ACTORS_FILE")
    if extra:
        if not Path(extra).is_file():
            raise ConfigError(f"SITROOM_ACTORS_FILE={extra}: no such file")
        sources.append(Path(extra))
    return sources


def _actor_data() -> tuple[tuple[Path, dict], ...]:
    loaded = []
    for source in _actor_sources():
        try:
            loaded.append((source, tomllib.loads(source.read_text(encoding="utf-8"))))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{source}: {exc}") from exc
    return tuple(loaded)


def _generic_name(name: str, templates: list[str]) -> bool:
    """"Military Forces of Russia": a generic template completed with a country."""
    return any(re.fullmatch(re.escape(t).replace(re.escape("{country}"), r".+"), name) for t in templates)


@cache
def actor_table() -> ActorTable:
    data = _actor_data()
    named = {raw["name"]: raw["type"] for _, d in data for raw in d.get("actor", [])}
    templates = [name for _, d in data for name in d.get("generic", {})]
    aliases: list[tuple[str, str, int]] = []  # (regex, alias as written, entry index)
    entries: list[ActorEntry] = []
    for source, d in data:
        for raw in d.get("actor", []):
            local = []
            for country, name in raw.get("local", {}).items():
                if name not in named and not _generic_name(name, templates):
                    raise ConfigError(f"{source}: {raw['name']!r} local name {name!r} is no actor of the table")
                local.append((country, name, named.get(name, raw["type"])))
            entries.append(ActorEntry(raw["name"], raw["type"], generic=False, local=tuple(local)))
            for alias in raw.get("aliases", []):
                aliases.append((_alias_regex(alias, False), alias, len(entries) - 1))
            for alias in raw.get("exact_case", []):
                aliases.append((_alias_regex(alias, True), alias, len(entries) - 1))
        for name, raw in d.get("generic", {}).items():
            entries.append(ActorEntry(name, raw["type"], generic=True))
            for noun in raw["nouns"]:
                aliases.append((_alias_regex(noun, False), noun, len(entries) - 1))
        for name in d.get("not_actors", {}).get("names", []):
            entries.append(ActorEntry(name, NOT_AN_ACTOR, generic=False))
            aliases.append((_alias_regex(name, False), name, len(entries) - 1))
    index: dict[str, list[tuple[int, re.Pattern[str], ActorEntry]]] = {}
    for rx, raw, entry_index in aliases:
        compiled = re.compile(rf"(?:{rx})(?![\w-])", re.I)
        index.setdefault(_first_word(raw), []).append((len(raw), compiled, entries[entry_index]))
    # Longest alias first so "Islamic State group" wins over "Islamic State".
    return ActorTable({word: tuple((p, e) for _, p, e in sorted(items, key=lambda t: -t[0]))
                       for word, items in index.items()})


# --- affiliation ------------------------------------------------------------------------------------

def affiliation_key(name: str) -> str:
    """A name without its parenthesised scope, lower case: "Fulani Ethnic Militia (Mali)" -> "fulani ethnic militia"."""
    return " ".join(re.sub(r"\s*\([^)]*\)", "", name).casefold().split())


@dataclass(frozen=True, slots=True)
class _Tree:
    parent: dict[str, str]
    distinct: frozenset[str]  # parents whose branches are separate perpetrators


@cache
def _affiliation_tree(key: Callable[[str], str]) -> _Tree:
    data = _actor_data()
    named = {raw["name"] for _, d in data for raw in d.get("actor", [])}
    templates = [name for _, d in data for name in d.get("generic", {})]
    parent: dict[str, str] = {}
    distinct: set[str] = set()
    for source, d in data:
        for raw in d.get("actor", []):
            if raw.get("distinct_branches"):
                distinct.add(key(raw["name"]))
            above = raw.get("part_of")
            if above is None:
                continue
            if above not in named and not _generic_name(above, templates):
                raise ConfigError(f"{source}: {raw['name']!r} is part_of {above!r}, no actor of the table")
            if key(raw["name"]) != key(above):  # "Islamic State (Libya)" keys as its parent: one actor to the caller
                parent[key(raw["name"])] = key(above)
    for start in parent:
        seen = {start}
        node = start
        while node in parent:
            node = parent[node]
            if node in seen:
                raise ConfigError(f"actor table: part_of goes round in a circle through {start!r}")
            seen.add(node)
    return _Tree(parent, frozenset(distinct))


def _ancestors(tree: _Tree, node: str) -> list[str]:
    found = []
    while node in tree.parent:
        node = tree.parent[node]
        found.append(node)
    return found


def affiliated(name_a: str | None, name_b: str | None, key: Callable[[str], str] = affiliation_key) -> bool:
    """Two different names of the actor table that may stand for one perpetrator, by `part_of`:

    * one is a branch of the other at any depth ("Katiba Macina" / "JNIM" / "Al Qaeda");
    * both are branches of one immediate parent that acts as one body ("Katiba Macina" /
      "Ansar Dine", both of JNIM) -- unless that parent is marked `distinct_branches`: two
      Islamic State provinces or two al-Qaeda affiliates are two perpetrators, not one.

    Cousins (branches of two different branches) are never affiliated.  `key` maps names the way
    the caller compares them (the merge passes its `actor_key`); the same name is no affiliation.
    """
    if not name_a or not name_b:
        return False
    a, b = key(name_a), key(name_b)
    if not a or not b or a == b:
        return False
    tree = _affiliation_tree(key)
    if b in _ancestors(tree, a) or a in _ancestors(tree, b):
        return True
    pa, pb = tree.parent.get(a), tree.parent.get(b)
    return pa is not None and pa == pb and pa not in tree.distinct


APOSTROPHES_RE = re.compile(r"['’ʿʾ`]")
_APOSTROPHE = "['’ʿʾ`]?"


def word_key(word: str) -> str:
    """How a word is looked up: lower case, apostrophes dropped ("Kata'ib" and "Kataib" meet)."""
    return APOSTROPHES_RE.sub("", word.lower())


def _first_word(alias: str) -> str:
    return word_key(re.split(r"[^\w'’ʿʾ`]+", alias.strip(), maxsplit=1)[0])
