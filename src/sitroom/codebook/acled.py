"""ACLED's event taxonomy: 6 event types, 25 sub-event types, and the actor types.

The strings are ACLED's exact spellings so exports line up with ACLED data.
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

SUB_EVENT_TYPES: dict[str, str] = {
    "Government regains territory": BATTLES,
    "Non-state actor overtakes territory": BATTLES,
    "Armed clash": BATTLES,
    "Chemical weapon": EXPLOSIONS,
    "Air/drone strike": EXPLOSIONS,
    "Suicide bomb": EXPLOSIONS,
    "Shelling/artillery/missile attack": EXPLOSIONS,
    "Remote explosive/landmine/IED": EXPLOSIONS,
    "Grenade": EXPLOSIONS,
    "Sexual violence": VIOLENCE_AGAINST_CIVILIANS,
    "Attack": VIOLENCE_AGAINST_CIVILIANS,
    "Abduction/forced disappearance": VIOLENCE_AGAINST_CIVILIANS,
    "Peaceful protest": PROTESTS,
    "Protest with intervention": PROTESTS,
    "Excessive force against protesters": PROTESTS,
    "Violent demonstration": RIOTS,
    "Mob violence": RIOTS,
    "Agreement": STRATEGIC,
    "Arrests": STRATEGIC,
    "Change to group/activity": STRATEGIC,
    "Disrupted weapons use": STRATEGIC,
    "Headquarters or base established": STRATEGIC,
    "Looting/property destruction": STRATEGIC,
    "Non-violent transfer of territory": STRATEGIC,
    "Other": STRATEGIC,
}
EVENT_TYPES: tuple[str, ...] = (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS, PROTESTS, RIOTS, STRATEGIC)
POLITICAL_VIOLENCE_TYPES = frozenset({BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS})

# ACLED actor types (the "inter" codes), by the names used in the alias table.
ACTOR_TYPES: dict[str, int] = {
    "State forces": 1,
    "Rebel group": 2,
    "Political militia": 3,
    "Identity militia": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}
ARMED_ACTOR_TYPES = frozenset({"State forces", "Rebel group", "Political militia", "Identity militia",
                               "External/Other forces"})


def event_type_of(sub_event_type: str | None) -> str | None:
    return SUB_EVENT_TYPES.get(sub_event_type) if sub_event_type else None
