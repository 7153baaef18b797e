"""Names that read as a place but name something else in their sentence.

* An armed group's name: "al-Shabaab militants" is the Somali group, not the village of Shabab in
  Iran.  A mention that is, word for word, a name of the codebook's actor table names the group;
  it is no place evidence, neither for the event's place nor for the report's country.  (A place
  word inside a longer group name, "the Balochistan Liberation Army", still says where the group
  is from, and stays a mention.)
* A river or a valley: "the Mantaro river", "the Apurimac, Ene and Mantaro river valleys": the
  names before "river(s)" or "valley(s)", alone or in a list sharing the word, name rivers and
  valleys, which run far from any town of that name, so their reading as a town is no scene.
"""

from __future__ import annotations

import re

from sitroom.codebook.loader import NOT_AN_ACTOR, actor_table, word_key

# --- armed groups -------------------------------------------------------------------------------
_FIRST_WORD = re.compile(r"\w[\w'’ʿʾ`]*")


def names_group(text: str, start: int, end: int) -> bool:
    """True if text[start:end] is, as a whole, the name of a (non-generic) actor of the codebook."""
    word = _FIRST_WORD.match(text, start)
    if word is None:
        return False
    hit = actor_table().match_at(text, start, word_key(word.group()))
    if hit is None:
        return False
    m, entry = hit
    return m.end() == end and not entry.generic and entry.actor_type != NOT_AN_ACTOR


# --- rivers and valleys -------------------------------------------------------------------------
_LIST_NAME = r"(?:(?:al|el)-)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
# "X river", "X River", "X river valley", "X and Y rivers", "the A, B and C river valleys"
_RIVER_AFTER = re.compile(rf"(?:\s*,\s*{_LIST_NAME})*(?:\s*,?\s+(?:and|&)\s+{_LIST_NAME})?"
                          r"\s+(?i:rivers?(?:\s+(?:valleys?|basins?|banks?|delta))?|valleys?)\b")


def names_river_or_valley(text: str, end: int) -> bool:
    """True if the name ending at ``end`` opens a river's or a valley's name, alone or in a list."""
    return bool(_RIVER_AFTER.match(text, end))
