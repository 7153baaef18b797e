"""Readings too weak to be an event place: loose spellings that land away from the story.

The romanisation skeleton (names.skeleton) finds "Yusufiyah" for "Yusufiya", but for a name the
gazetteer lacks it finds whatever shares the consonants: "Sayyidah" (Zaynab, by Damascus) ->
Saida in Algeria, "Rabia" (in Nineveh) -> Rabat, "Qarah" (Tapah, in Diyala) -> 'Aqrah in Dohuk.
Such a reading is believable only where the story is.  One that lies in another country than
the report's, or far from every other place the report names, is more likely an unlisted village
read as a famous namesake: locate() codes the name as written (with the capitalised words that
follow it, "Sayyidah Zaynab") as an unlisted place, at the place it is near.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitroom.geo.distance import haversine_km
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.recognize import is_common_word
from sitroom.geo.resolve import span_candidates
from sitroom.model import Place, Toponym

# A loose reading farther than this from the nearest other place of the report is doubted: news
# of one incident names places within a province or two of each other (a governorate spans
# 100-300 km).
FAR_KM = 300
_WIDE = frozenset({"PCLI", "CONT", "OCN", "SEA", "GULF", "RGN", "PEN", "PCLH"})


def spelled_out(t: Toponym, gazetteer: Gazetteer) -> bool:
    """True if the resolved place bears the mention's name as written, not just its skeleton."""
    place = t.place
    return place is not None and any(
        c.place.geonameid == place.geonameid and c.place.name == place.name
        for c in span_candidates(t.text, gazetteer, fuzzy=False))


def _same_place(a: Place, b: Place) -> bool:
    return a.name == b.name and a.latitude == b.latitude and a.longitude == b.longitude


def is_doubtful(t: Toponym, others: Iterable[Toponym], home: str | None, gazetteer: Gazetteer) -> bool:
    """True if ``t`` was resolved only by a loose spelling, and the reading lies abroad (``home``
    is the report's country) or > FAR_KM from every other named place.  (Lying outside the
    provinces the report names is no sign: a roundup names several.)"""
    place = t.place
    if place is None or spelled_out(t, gazetteer):
        return False
    if home and place.country_code != home:
        return True
    # Other readings abroad may be the wrong ones themselves ("al-Touz" -> Tavush, Armenia).
    rest = [o.place for o in others if o.place is not None and not _same_place(o.place, place)
            and (o.place.feature_code or "") not in _WIDE and (home is None or o.place.country_code == home)]
    return bool(rest) and min(haversine_km(place.latitude, place.longitude, p.latitude, p.longitude)
                              for p in rest) > FAR_KM


_NEXT_WORD = re.compile(r" (?:(?:al|el|ad|ar|as|at|an|az)-)?[A-Z][\w'’-]*")


def full_name(text: str, start: int, end: int, max_words: int = 3) -> tuple[int, int]:
    """The span of the whole name a doubtful mention begins: the capitalised words right after it
    ("Sayyidah" + " Zaynab"), less trailing words that say what it is ("Mosque", "District")."""
    ends = [end]
    for _ in range(max_words):
        m = _NEXT_WORD.match(text, ends[-1])
        if not m:
            break
        ends.append(m.end())
    while len(ends) > 1 and is_common_word(text[ends[-2]:ends[-1]].strip()):
        ends.pop()
    return start, ends[-1]
