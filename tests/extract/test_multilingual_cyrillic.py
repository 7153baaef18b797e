"""Ukrainian and Russian posts: the act and its toll, where the channel writes in Cyrillic.

All sentences are made up for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract import extract_events
from sitroom.model import Document


def _events(text: str):
    return extract_events(Document(text=text, published=date(2023, 1, 14), country_hint="UA", input_format="jsonl"))


@pytest.mark.parametrize(("text", "kind", "killed", "injured"), [
    ("ХАРКІВ | Ракетний удар по житловому будинку. Попередньо 4 загиблих, 12 поранених.",
     "Shelling/artillery/missile attack", 4, 12),
    ("ОДЕСА | Вибух біля порту, 2 загинули.", "Remote explosive/landmine/IED", 2, None),
    ("БЕЛГОРОД | Обстрел жилого квартала, погибли 3 человека, ранены 7.", "Shelling/artillery/missile attack", 3, 7),
    ("СУМИ | Атака дронів на місто вночі, 1 загинув.", "Air/drone strike", 1, None),
])
def test_a_cyrillic_post_gives_its_act_and_toll(text, kind, killed, injured):
    (event,) = _events(text)
    assert (event.sub_event_type, event.fatalities, event.injuries) == (kind, killed, injured)


def test_a_cyrillic_post_with_no_act_gives_none():
    assert _events("КИЇВ | Сьогодні в місті тепло, світло є в усіх районах.") == []
