"""Names in a sentence that stand for something other than the event's place.

* A facility's name: "relatives waited outside the Madina and Erdogan hospitals" names two
  hospitals, not the holy city of Saudi Arabia; a name followed by "hospital(s)", "clinic",
  "school", "university", "stadium" ..., alone or in a list, read as a place abroad, is no scene.
* A street's name: "14 Riverside Drive", "on Haifa Street", "rue de Paris", "avenida Bogotá" is a
  street of the story's town, named for a place that may lie anywhere (recognize.py skips it).
* A trip or a meeting: "who cancelled a trip to the UN General Assembly in New York" says where
  someone did not go; "a visit to X" where someone went (the scene only when the sentence names no
  other place); "peace talks in Doha" in a story about Afghanistan is a venue abroad, not the scene.
"""

from __future__ import annotations

import re

# --- facilities -------------------------------------------------------------------------------
_FACILITY_NOUNS = (r"(?i:hospitals?|clinics?|infirmar(?:y|ies)|dispensar(?:y|ies)|(?:health|medical)\s+cent(?:re|er)s?|"
                   r"schools?|colleges?|universit(?:y|ies)|academ(?:y|ies)|madrass?as?|stadiums?|stadia|hotels?|"
                   r"restaurants?|cafes?|cinemas?|theatres?|mosques?|churches?|cathedrals?|temples?|prisons?|jails?)")
# "Kenyatta National Hospital", "Banadir Maternity and Children Hospital"
_QUALIFIER = (r"(?:(?:National|General|Referral|Teaching|Memorial|Regional|District|Central|Public|Military|Specialist|"
              r"Specialty|Children['’]?s?|Women['’]?s?|Maternity|Primary|Secondary|High|Technical|Islamic|Catholic|Community|"
              r"Polytechnic|Grand|Royal|and|&)\s+){0,3}")
_LIST_NAME = r"(?:(?:al|el)-)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
# "X hospital", "X, Y and Z hospitals": each name of the list names one of them
_FACILITY_AFTER = re.compile(rf"(?:\s*,\s*{_LIST_NAME})*(?:\s*,?\s+(?:and|&)\s+{_LIST_NAME})?\s+{_QUALIFIER}{_FACILITY_NOUNS}\b")


# "a Kabul hospital", "an Istanbul hotel": a hospital or a hotel in that city, not one named for it
_INDEFINITE_BEFORE = re.compile(r"\b(?i:a|an)\s+$")


def names_facility(text: str, start: int, end: int) -> bool:
    """True if the name at text[start:end] opens a facility's name, alone or in a list
    ("Madina hospital", "Madina and Erdogan hospitals", "Kenyatta National Hospital")."""
    return bool(_FACILITY_AFTER.match(text, end)) and not _INDEFINITE_BEFORE.search(text, max(0, start - 4), start)


# --- streets ----------------------------------------------------------------------------------
# "Riverside Drive", "Haifa Street": capitalised, as a street's name is ("the Mosul drive" is an
# offensive, "Mosul street fighting" is no street); a capitalised word after it is a headline's
# title case ("Bomb On Mosul Street Kills Five"), not an address.
_STREET_WORD = r"(?:Drive|Dr\.|Street|St\.(?!\s+[A-Z])|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Crescent|Terrace)"
# Roads and ways are named for the town they lead to ("the Mosul road" is near Mosul) unless a house
# number says they are an address ("14 Riverside Road").
_NUMBERED_STREET_WORD = rf"(?:{_STREET_WORD}|Road|Rd\.?|Highway|Hwy\.?|Way|Close)"
_STREET_AFTER = re.compile(rf"\s+{_STREET_WORD}(?!\w)(?!\s+[A-Z][a-z])")
_NUMBERED_STREET_AFTER = re.compile(rf"\s+{_NUMBERED_STREET_WORD}(?!\w)(?!\s+[A-Z][a-z])")
_HOUSE_NUMBER_BEFORE = re.compile(r"(?:^|[\s,(])(?:No\.?\s*)?\d{1,5}[A-Za-z]?,?\s+$")
# "rue de Paris", "avenida Bogotá", "Jalan Surabaya": the street word before the name
_STREET_BEFORE = re.compile(r"\b(?i:rue|avenue|av\.|boulevard|bd\.|calle|avenida|avda\.|rua|jalan|jl\.|shari['’]?a?)\s+"
                            r"(?i:(?:de\s+la|de\s+los|de\s+las|du|des|del|de|da|do|dos|das)\s+|d['’])?$")


def names_street(text: str, start: int, end: int) -> bool:
    """True if the name at text[start:end] is (part of) a street's name, not a town."""
    if _STREET_AFTER.match(text, end) or _STREET_BEFORE.search(text, max(0, start - 20), start):
        return True
    return bool(_NUMBERED_STREET_AFTER.match(text, end) and _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 12), start))


# --- trips and meetings -------------------------------------------------------------------------
_TRIP = r"(?:trip|visit|journey|tour|travel|voyage|flight|mission|attendance)s?"
# what may stand between "a trip to" and the place: a venue's capitalised name and a few plain words
# ("a trip to the UN General Assembly in New York"), never a clause ("a trip to Paris after a bomb hit")
_VENUE_WORDS = (r"(?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w'’.-]*|annual|summit|talks|meeting|conference|session|of|for|on)\s+){0,5}?"
                r"(?:(?:in|at)\s+(?:the\s+)?)?")
_CALLED_OFF = (r"(?:cancel(?:l?ed|l?ing|s)?|call(?:ed|ing|s)?\s+off|postpon(?:ed|ing|es?)|scrap(?:ped|ping|s)?|"
               r"cut(?:ting|s)?\s+short|abandon(?:ed|ing|s)?|skip(?:ped|ping|s)?|put\s+off|delay(?:ed|ing|s)?|"
               r"pull(?:ed|ing|s)?\s+out\s+of)")
_TRIP_CALLED_OFF_BEFORE = re.compile(
    rf"\b(?i:{_CALLED_OFF})\s+(?:(?i:a|an|the|his|her|their|its|this|that|next|planned|scheduled|official|state|"
    rf"working|foreign|week['’]s|weekend['’]s)\s+){{0,3}}(?i:{_TRIP})\s+(?i:to|for)\s+{_VENUE_WORDS}$")
_TRIP_TO_BEFORE = re.compile(rf"\b(?i:{_TRIP})\s+(?i:to)\s+{_VENUE_WORDS}$")
# "peace talks in Doha", "the UN General Assembly in New York", "an EU summit in Brussels"
_VENUE_BEFORE = re.compile(
    r"\b(?:(?i:summits?|conferences?|talks|negotiations|forums?|(?:general\s+)?assembly|sessions?|meetings?|congress|"
    r"convention|security\s+council)|UN|U\.N\.|United Nations|EU|NATO|OPEC|G7|G20|BRICS|ASEAN)\s+"
    r"(?i:(?:held|hosted|taking\s+place|due|scheduled|to\s+be\s+held|under\s*way|convened|opening|headquarters)\s+)?"
    r"(?i:in|at)\s+(?:the\s+)?$")


def trip_called_off(text: str, start: int) -> bool:
    """"who cancelled a trip to the UN General Assembly in New York": a trip not made."""
    return bool(_TRIP_CALLED_OFF_BEFORE.search(text, max(0, start - 120), start))


def trip_to(text: str, start: int) -> bool:
    """"on a visit to Kandahar": where someone went, the scene only if the sentence names no other place."""
    return bool(_TRIP_TO_BEFORE.search(text, max(0, start - 100), start))


def venue_before(text: str, start: int) -> bool:
    """"talks in Doha", "the UN in New York": a meeting's venue (locate() drops it when abroad)."""
    return bool(_VENUE_BEFORE.search(text, max(0, start - 60), start))
