"""Adjectives of nationality and of continents, and the place each one points at.

Annotated corpora (GeoWebNews among them) mark "Chinese" or "European" as toponyms standing
for the country or continent.  When a caller hands us such a span we resolve it to that
country; the recogniser, on the other hand, never offers a demonym as an event place
("Iraqi forces" did not happen in Iraq as a whole).

Values are ISO 3166-1 alpha-2 codes, or a continent's name prefixed with "@".
"""

from __future__ import annotations

DEMONYMS: dict[str, str] = {
    # Middle East and North Africa first: our focus
    "iraqi": "IQ", "iraqis": "IQ", "syrian": "SY", "syrians": "SY", "iranian": "IR", "iranians": "IR",
    "persian": "IR", "turkish": "TR", "turk": "TR", "turks": "TR", "israeli": "IL", "israelis": "IL",
    "palestinian": "PS", "palestinians": "PS", "lebanese": "LB", "jordanian": "JO", "jordanians": "JO",
    "saudi": "SA", "saudis": "SA", "egyptian": "EG", "egyptians": "EG", "yemeni": "YE", "yemenis": "YE",
    "libyan": "LY", "libyans": "LY", "kuwaiti": "KW", "kuwaitis": "KW", "qatari": "QA", "qataris": "QA",
    "emirati": "AE", "emiratis": "AE", "bahraini": "BH", "omani": "OM", "afghan": "AF", "afghans": "AF",
    "pakistani": "PK", "pakistanis": "PK", "tunisian": "TN", "algerian": "DZ", "moroccan": "MA",
    "sudanese": "SD", "somali": "SO", "somalis": "SO", "mauritanian": "MR",
    # the rest of the world
    "american": "US", "americans": "US", "british": "GB", "briton": "GB", "britons": "GB", "english": "GB",
    "scottish": "GB", "welsh": "GB", "irish": "IE", "french": "FR", "german": "DE", "germans": "DE",
    "italian": "IT", "italians": "IT", "spanish": "ES", "spaniard": "ES", "portuguese": "PT", "dutch": "NL",
    "belgian": "BE", "swiss": "CH", "austrian": "AT", "swedish": "SE", "swede": "SE", "norwegian": "NO",
    "danish": "DK", "finnish": "FI", "icelandic": "IS", "polish": "PL", "czech": "CZ", "slovak": "SK",
    "hungarian": "HU", "romanian": "RO", "bulgarian": "BG", "greek": "GR", "greeks": "GR", "serbian": "RS",
    "croatian": "HR", "bosnian": "BA", "albanian": "AL", "ukrainian": "UA", "ukrainians": "UA",
    "russian": "RU", "russians": "RU", "belarusian": "BY", "georgian": "GE", "armenian": "AM",
    "azerbaijani": "AZ", "kazakh": "KZ", "uzbek": "UZ", "chinese": "CN", "japanese": "JP", "korean": "KR",
    "koreans": "KR", "taiwanese": "TW", "vietnamese": "VN", "thai": "TH", "cambodian": "KH",
    "malaysian": "MY", "indonesian": "ID", "filipino": "PH", "philippine": "PH", "singaporean": "SG",
    "burmese": "MM", "indian": "IN", "indians": "IN", "bangladeshi": "BD", "nepalese": "NP", "nepali": "NP",
    "sri lankan": "LK", "australian": "AU", "australians": "AU", "new zealander": "NZ", "canadian": "CA",
    "canadians": "CA", "mexican": "MX", "mexicans": "MX", "cuban": "CU", "jamaican": "JM", "haitian": "HT",
    "dominican": "DO", "puerto rican": "PR", "guatemalan": "GT", "honduran": "HN", "salvadoran": "SV",
    "salvadorean": "SV", "nicaraguan": "NI", "costa rican": "CR", "panamanian": "PA", "colombian": "CO",
    "venezuelan": "VE", "venezuelans": "VE", "ecuadorian": "EC", "peruvian": "PE", "bolivian": "BO",
    "chilean": "CL", "argentine": "AR", "argentinian": "AR", "brazilian": "BR", "brazilians": "BR",
    "uruguayan": "UY", "paraguayan": "PY", "nigerian": "NG", "nigerians": "NG", "ghanaian": "GH",
    "kenyan": "KE", "ethiopian": "ET", "eritrean": "ER", "ugandan": "UG", "tanzanian": "TZ",
    "rwandan": "RW", "congolese": "CD", "cameroonian": "CM", "senegalese": "SN", "malian": "ML",
    "malians": "ML", "nigerien": "NE", "chadian": "TD", "zimbabwean": "ZW", "zambian": "ZM",
    "mozambican": "MZ", "angolan": "AO", "namibian": "NA", "south african": "ZA", "south africans": "ZA",
    "malagasy": "MG", "ivorian": "CI", "liberian": "LR", "beninese": "BJ", "togolese": "TG",
    "mauritian": "MU", "north korean": "KP", "south korean": "KR", "trinidadian": "TT", "bahamian": "BS",
    # continents and the like
    "european": "@Europe", "europeans": "@Europe", "african": "@Africa", "africans": "@Africa",
    "asian": "@Asia", "asians": "@Asia", "latin american": "@South America", "south american": "@South America",
    "north american": "@North America",
}

# Bodies named after a continent that annotators place on the continent ("European Union").
CONTINENT_BODIES: dict[str, str] = {
    "european union": "@Europe", "eu": "@Europe", "african union": "@Africa",
}

# Adjectives of a state, province or constituent country: the region they name, as
# "<country code>:<region name>".  A span "English" or "Texan" stands for England or Texas,
# not for the whole country (whose point may lie hundreds of kilometres away).
REGION_DEMONYMS: dict[str, str] = {
    "english": "GB:England", "scottish": "GB:Scotland", "scots": "GB:Scotland", "welsh": "GB:Wales",
    "northern irish": "GB:Northern Ireland", "texan": "US:Texas", "texans": "US:Texas",
    "californian": "US:California", "californians": "US:California", "floridian": "US:Florida",
    "hawaiian": "US:Hawaii", "alaskan": "US:Alaska", "new yorker": "US:New York", "new yorkers": "US:New York",
    "sicilian": "IT:Sicily", "sardinian": "IT:Sardinia", "bavarian": "DE:Bavaria", "catalan": "ES:Catalonia",
    "basque": "ES:Basque Country", "andalusian": "ES:Andalusia", "corsican": "FR:Corsica",
    "quebecois": "CA:Quebec", "québécois": "CA:Quebec", "ontarian": "CA:Ontario", "albertan": "CA:Alberta",
    "tasmanian": "AU:Tasmania", "queenslander": "AU:Queensland", "punjabi": "IN:Punjab",
    "tamil": "IN:Tamil Nadu", "kashmiri": "IN:Jammu and Kashmir",
}
