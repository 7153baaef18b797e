"""French and Spanish casualty counts and dates, as posts from the Sahel, Central Africa and Latin America
give them.  All sentences are made up for these tests; published dates are Thursday 14 March 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract.dates import find_dates
from sitroom.extract.numbers import find_casualties

PUBLISHED = date(2024, 3, 14)  # a Thursday


@pytest.mark.parametrize(("sentence", "killed", "injured"), [
    ("Douze casques bleus tués selon des sources de la mission.", 12, None),
    ("Au moins 12 morts dans l'attaque du marché.", 12, None),
    ("Un bilan provisoire fait état de 30 morts et 14 blessés.", 30, 14),
    ("Bilan : un mort et deux blessés.", 1, 2),
    ("Les assaillants ont tué une dizaine de civils.", 10, None),
    ("Deux gendarmes tués, trois autres blessés.", 2, 3),
    ("vingt-deux soldats tués", 22, None),
    ("Fuentes policiales: 6 agentes muertos.", 6, None),
    ("Al menos 10 muertos tras el ataque.", 10, None),
    ("La explosión dejó 5 heridos.", None, 5),
    ("Sicarios asesinaron a tres campesinos.", 3, None),
    ("treinta y dos personas murieron", 32, None),
    ("Decenas de heridos tras el atentado.", None, 12),
    ("L'attaque n'a fait aucune victime.", 0, 0),
    ("No hubo heridos.", None, 0),
    # "UN" is the United Nations, never one
    ("Five UN peacekeepers were killed.", 5, None),
])
def test_french_and_spanish_casualties(sentence, killed, injured):
    c = find_casualties(sentence)
    assert (c.killed.value if c.killed else None) == killed
    assert (c.injured.value if c.injured else None) == injured


@pytest.mark.parametrize(("phrase", "expected"), [
    ("hier soir", date(2024, 3, 13)),
    ("hier", date(2024, 3, 13)),
    ("ce matin", date(2024, 3, 14)),
    ("cette nuit", date(2024, 3, 14)),  # the night just gone, mostly after midnight
    ("la nuit dernière", date(2024, 3, 13)),
    ("avant-hier", date(2024, 3, 12)),
    ("mardi soir", date(2024, 3, 12)),
    ("dans la nuit de samedi à dimanche", date(2024, 3, 10)),
    ("le 3 février 2019", date(2019, 2, 3)),
    ("le 1er mars", date(2024, 3, 1)),
    ("il y a deux jours", date(2024, 3, 12)),
    ("anoche", date(2024, 3, 13)),
    ("ayer por la tarde", date(2024, 3, 13)),
    ("esta mañana", date(2024, 3, 14)),
    ("hoy", date(2024, 3, 14)),
    ("el pasado lunes", date(2024, 3, 11)),
    ("el domingo por la noche", date(2024, 3, 10)),
    ("el 22 de octubre de 2015", date(2015, 10, 22)),
    ("hace tres días", date(2024, 3, 11)),
])
def test_french_and_spanish_dates(phrase, expected):
    found = [d for d in find_dates(phrase, PUBLISHED) if d.explicit]
    assert found and found[0].value == expected


def test_santo_domingo_is_a_place_not_a_sunday():
    assert find_dates("Una patrulla fue atacada en Santo Domingo de Acobamba.", PUBLISHED) == []
