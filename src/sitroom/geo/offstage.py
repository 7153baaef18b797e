"""Names in a sentence that stand for something other than the event's place.

* A facility's name: "relatives waited outside the Madina and Erdogan hospitals" names two
  hospitals, not the holy city of Saudi Arabia; a name followed by "hospital(s)", "clinic",
  "school", "university", "stadium" ..., alone or in a list, read as a place abroad, is no scene.
* A street's name: "14 Riverside Drive", "on Haifa Street", "rue de Paris", "avenida Bogotá" is a
  street of the story's town, named for a place that may lie anywhere (recognize.py skips it).
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
