"""Toponym recognition: find place-name spans in running English news text.

Candidates are runs of capitalised tokens (up to MAX_TOKENS, with lowercase connectors such as
"al-", "de", "of" allowed inside), looked up in the gazetteer's primary-key index, longest first.
Frequent capitalised non-place words that collide with tiny villages ("Police", "March", "Bill")
are stopped, and demonyms ("Iraqi") never count.

Metonyms: a place name directly followed by "government", "authorities", "officials", ...
("the Baghdad government"), or used as "<place>-based", names an institution or a seat, not
where something happened.  We still return it (it *is* a toponym, and resolving it is right),
marked ``is_metonym``; locate() never picks such a mention as an event place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.geo.demonyms import DEMONYMS
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.names import normalize, strip_article
from sitroom.geo.offstage import names_street
from sitroom.model import Place

MAX_TOKENS = 5
_TOKEN = re.compile(r"[^\W\d_](?:[\w’'‘ʿ`]|[-.](?=\w))*\.?|\d+", re.UNICODE)
# Lowercase words that may sit inside a place name ("Tal al-Hawa", "Rio de Janeiro", "Isle of Man").
_CONNECTORS = frozenset("al el ad ar as ash at an az adh ath ez es en ed er et ul us de del della di da do dos das du des la le les "
                        "of the on upon y van von der den bin bani ibn abu umm wa".split())
_METONYM_NEXT = re.compile(r"\s*(?:'s\s+|’s\s+)?(?:government|authorities|authority|officials?|administration|"
                           r"regime|leadership|cabinet|ministry|parliament|embassy|consulate|envoy|talks|"
                           r"accords?|agreement|protocol|based|-based)\b", re.I)
_BASED = re.compile(r"^-based\b", re.I)

# Capitalised words frequent in news that are also the names of some village in cities500.
_STOP = frozenset("""
a an the i he she it we they you his her its our their this that these those there here then when where what
who why how which while after before during since until as at by for from in into of on to with without and or
but if so not no yes all any some many most more much other another such every each both either neither one two
three four five six seven eight nine ten first second third last next new old good great big little long high
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
mr mrs ms dr sir lord lady president prime minister general gen col colonel capt captain sgt lt major king queen
prince princess sheikh imam pope saint st mount police army navy air force forces military government state
city town village province district county region north south east west northern southern eastern western
central upper lower greater people party news press reuters ap afp bbc cnn times post daily mail union
council court house senate congress parliament ministry office department agency committee commission
islamic republic democratic national international united world global american
christmas easter ramadan eid god allah jesus muhammad mohammed ali ahmed hussein hassan omar abu umm bin
john james david michael robert william richard thomas mark paul peter george joseph charles daniel matthew
anthony donald kevin brian jason jack harry henry edward chris steve tom mike bill bob joe ben sam dan
mary patricia linda barbara elizabeth jennifer maria susan margaret sarah karen nancy lisa emma anna grace
secretary justice research commissioner commerce federal act cup day star olympic english ceo mp mps gov
said says told asked added reported according also however meanwhile although though because even just still
centre center hospital school university church mosque airport station road street bridge square park
avenue boulevard drive lane way brgy bgy barangay sitio purok
monument palace tower camp base hotel market museum stadium
sunni sunnis shia shias shiite shiites alawite alawites druze yazidi kurd kurds kurdish arab arabs turkmen christian christians muslim muslims jew jews
internet online twitter facebook youtube telegram google
wadi jabal jebel jabel tall tal tell ain bir khan qasr nahr shatt hay
al el ad ar az ash adh ath
popular mobilization mobilisation revolutionary guard guards front brigade brigades battalion units unit movement
liberation resistance defense defence security special operations command commander coalition alliance media
pentecost whitsun whitsunday lent advent ashura juma jumma jummah jumah jumuah nowruz navruz diwali passover hanukkah mawlid
red crescent cross
car truck lorry bus minibus taxi motorbike motorcycle tanker blast explosion explosions massacre ambush gunfire gunmen
le la les des du un une au aux ce cette ces cet selon hier aujourd dans sur par pour avec contre entre vers depuis
après avant lors près deux trois quatre cinq sept huit neuf dix
el los las lo uno una unos unas según ayer hoy anoche con contra tras durante desde hacia sin sobre para por dos tres
cuatro cinco seis siete ocho nueve diez
lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles miercoles jueves viernes sábado sabado domingo
janvier février avril juin juillet août septembre octobre novembre décembre enero febrero marzo abril mayo junio
julio agosto septiembre octubre noviembre diciembre
combats affrontements attaque embuscade bilan enfrentamientos combates ataque emboscada balance fuentes sources
soldats militaires gendarmes civils hommes soldados militares policías civiles hombres sicarios disidentes
""".split())
# Feasts and religious offices ("Pentecost mass", "Juma prayer", "Easter service") and what a crowd
# gathers for: a capitalised word before one of these names the occasion, not a place.
_OCCASION_AFTER = re.compile(r"\s+(?:mass|masses|prayers?|services?|sermon|vigil|celebrations?|festivities|festival|"
                             r"feast|procession|pilgrimage|worship|congregation|holiday|eve)\b", re.I)
_WEAPON_AFTER = re.compile(r"\s+(?:rockets|missiles|launchers|multiple-launch|MLRS|rocket launchers)\b", re.I)
# A market named in Arabic or Persian: "Souq al-Hal" (the wholesale market) is no village al-Hal.
_MARKET_BEFORE = re.compile(r"\b(?:souq|souk|suq|suk|sooq|bazaar|bazar)\s+$", re.I)
# Buildings that bear a saint's or a person's name ("St Francis Xavier Catholic Church",
# "Imam Ali Mosque"): the first words of such a name are no town of their own.
_NAMED_BUILDING = frozenset("church cathedral chapel basilica parish mosque shrine imambargah imambarga husseiniya "
                            "hussainiya temple synagogue monastery school college academy seminary university hospital "
                            "clinic madrasa madrassa".split())
# Adjectives of nationality: never places themselves ("Iraqi forces", "Syrian army").
_DEMONYMS = frozenset("""
iraqi iraqis syrian syrians iranian iranians turkish turk turks american americans british briton britons
russian russians french german germans chinese japanese israeli israelis palestinian palestinians lebanese
jordanian jordanians saudi saudis egyptian egyptians yemeni yemenis libyan libyans afghan afghans pakistani
pakistanis indian indians kuwaiti kuwaitis qatari qataris emirati emiratis bahraini omani european europeans
african africans asian asians ukrainian ukrainians somali somalis sudanese nigerian nigerians malian malians
yazidi yazidis canadian canadians australian australians italian italians spanish spaniard dutch belgian
swiss swedish norwegian danish polish greek greeks mexican mexicans brazilian brazilians korean koreans
western westerners
hindu hindus muslim muslims christian christians sikh sikhs buddhist buddhists jewish jews druze alawite alawites
shia shiite shiites sunni sunnis yazidi fulani peul tuareg hausa pashtun baloch rohingya
""".split())


def is_common_word(word: str) -> bool:
    """Capitalised words that name no place: stop words, titles, demonyms, sects ("Iraqi", "Sunni")."""
    parts = re.split(r"[\s-]+", word.lower())
    return all(p in _STOP or p in _DEMONYMS or p.rstrip("s") in _DEMONYMS for p in parts if p)


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised place-name span (offsets into the text it was found in)."""

    start: int
    end: int
    text: str
    is_metonym: bool = False


def _capitalised(tok: str) -> bool:
    head = tok.split("-", 1)
    if tok[0].isupper():
        return True
    # "al-Asad", "el-Arish": an article glued to a capitalised name
    return len(head) == 2 and head[0].lower() in _CONNECTORS and head[1][:1].isupper()


def _is_arabic(tok: str) -> bool:
    return "\u0600" <= tok[0] <= "\u06ff"


def _lowercase_vocabulary(text: str) -> set[str]:
    """Words the text itself uses in lower case: a capitalised 'Police' elsewhere is then a common word."""
    # "al-Shaddadah" starts lower case but is a name (an article glued to it), not vocabulary
    return {m.group().lower() for m in _TOKEN.finditer(text) if m.group()[0].islower() and not _capitalised(m.group())}


def is_metonym(text: str, end: int) -> bool:
    """True if the name ending at ``end`` is used for an institution or a seat ("Baghdad government")."""
    return bool(_METONYM_NEXT.match(text, end) or _BASED.match(text[end:end + 8]))


# Words after which a capitalised name is a place: the cue that licenses a looser spelling match.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|at|around|from|towards?|(?:north|south|east|west)(?:east|west)?(?:ern)?(?: of)?|"
                              r"city of|town of|village of|province of|outskirts of|district of)\s+(?:the\s+)?$", re.I)

_PLACE_NOUN_AFTER = re.compile(r"\s+(?:province|governorate|district|city|town|village|region|area|sub-?district|"
                               r"cercle|commune)\b", re.I)

# Layouts that say a name is a place: a dateline-like label opening a line ("Efrin | A tanker
# exploded"), or a town in brackets after its province ("Aleppo (Efrin)").
_LINE_LABEL_BEFORE = re.compile(r"(?:\A|\n)[\s•*-]*$")
_LINE_LABEL_AFTER = re.compile(r"\s*[|:]")
_PROVINCE_BRACKET_BEFORE = re.compile(r"[A-Z][\w'’-]+\s*\(\s*$")


# "Jebleh (Latakia gov.)": a name followed by the region that holds it, in brackets
_REGION_IN_BRACKETS_AFTER = re.compile(r"\s*\(\s*[A-Z][\w'’ -]{1,30}?\s+(?:gov\.|prov\.|(?:province|governorate|"
                                       r"district|region|state)\b)[^)]{0,3}\)")


def _placed_by_layout(text: str, start: int, span: str) -> bool:
    if len(span) < 4 or span.isupper():
        return False
    if _REGION_IN_BRACKETS_AFTER.match(text, start + len(span)):
        return True
    if _LINE_LABEL_BEFORE.search(text, max(0, start - 6), start) and _LINE_LABEL_AFTER.match(text, start + len(span)):
        return True
    return bool(_PROVINCE_BRACKET_BEFORE.search(text, max(0, start - 40), start))


# "Qilla Saifullah, Balochistan |", "X, Pakistan.": a region's name after a comma, ending the pair
_NEXT_REGION = re.compile(r"\s*,\s*([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?=\s*(?:[|,.;:)\n]|$)|"
                          r"\s+(?i:province|governorate|district|region|state|division)\b)")
_HOLDERS = frozenset({"PCLI", "ADM1", "ADM2"})


def _holds(holder: Place, place: Place) -> bool:
    """True if the region ``holder`` contains ``place``."""
    if holder.country_code != place.country_code:
        return False
    if holder.feature_code == "PCLI":
        return True
    if not holder.admin1 or holder.admin1 != place.admin1:
        return False
    return holder.feature_code == "ADM1" or (bool(holder.admin2) and holder.admin2 == place.admin2)


def region_after_holds(text: str, end: int, places: Sequence[Place] | None, gazetteer: Gazetteer,
                       span: str = "") -> bool:
    """"Qilla Saifullah, Balochistan": True if a region named right after a comma (and ending the
    pair) holds one of ``places``, the readings of the name ending at ``end`` (None: the close
    spellings of ``span``).  In "X, Y" where X lies inside Y, X is a place, and this is its reading."""
    m = _NEXT_REGION.match(text, end)
    if not m:
        return False
    holders = [c.place for c in gazetteer.exact(normalize(m.group(1))) if c.place.feature_code in _HOLDERS]
    if not holders:
        return False
    if places is None:
        places = [c.place for c in gazetteer.fuzzy(span)]
    return any(_holds(h, p) for p in places for h in holders)


_POSSESSIVE = re.compile(r"['’]s$")  # "Mosul's Old City", "Iraq's Baiji town": the name is before the 's

# Words that may follow a place name inside a longer capitalised run ("Kirkuk Province").
_PLACE_TAIL = frozenset("province governorate city county district region state valley river mountains airport "
                        "base camp road highway square bridge island islands".split())


def _acronym_ok(span: str, gazetteer: Gazetteer) -> bool:
    """"BA", "TTC": all-caps words are codes, unless a country or place is really called that."""
    if not (span.isupper() and len(span.replace(".", "")) <= 5):
        return True
    return any(c.place.feature_code == "PCLI" or c.by_own_name for c in gazetteer.exact(normalize(span)))


# Words for a kind of place that head or end a proper name ("Lake Tharthar", "Badush Dam").  Alone
# they match noise (alternate names: "Lake" for Lake County, "Dam" for Damascus); next to another
# capitalised word they are part of that name, never a place of their own.
_GENERIC_PLACE_WORDS = frozenset("lake lakes dam reservoir mount mountain mountains river valley sea bay gulf "
                                 "island islands cape desert falls canal hill hills peak plain plateau oasis marsh "
                                 "marshes strait creek".split())


def _part_of_longer_name(text: str, tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """True if the lone generic word at token i sits in a run of capitalised words (the run goes on
    to j > i, or a capitalised word stands right before it)."""
    if tokens[i][2].lower() not in _GENERIC_PLACE_WORDS:
        return False
    if j > i:
        return True
    return i > 0 and text[tokens[i - 1][1]:tokens[i][0]] == " " and _capitalised(tokens[i - 1][2])


_PROMINENT_FEATURES = frozenset({"PCLI", "PPLC", "PPLA", "ADM1"})


def _prominent(token: str, gazetteer: Gazetteer) -> bool:
    """A capital, a province or a city of 100,000 is a place even after another capitalised word
    ("In Central Baghdad" in a title is not a person called Baghdad)."""
    return any(c.place.population >= 100_000 or c.place.feature_code in _PROMINENT_FEATURES
               for c in gazetteer.exact(normalize(_POSSESSIVE.sub("", token))))


def _named_prominent(token: str, gazetteer: Gazetteer, features: frozenset[str] = _PROMINENT_FEATURES) -> bool:
    """Prominent by its own name, not by an alternate one ("Hamid" is an old name of Isparta): a town of
    100,000, or one of `features` (with none, only a town of that size: "Kirkuk rockets" are fired at Kirkuk)."""
    key = normalize(_POSSESSIVE.sub("", token))
    return any((c.place.population >= 100_000 or c.place.feature_code in features)
               and normalize(c.place.name) in (key, "al " + key) for c in gazetteer.exact(key))


def _opens_building_name(text: str, tokens: list[tuple[int, int, str]], k: int, j: int,
                         gazetteer: Gazetteer, start: int) -> bool:
    """"St Francis Xavier Catholic Church": a match of several words (ending at token k) that a
    further capitalised name word continues up to a building word is the start of that building's
    name ("Sadr City Hospital", where the building word follows at once, stays the town's)."""
    if j <= k or text[tokens[k][1]:tokens[k + 1][0]] != " ":
        return False
    nxt = tokens[k + 1][2].lower()
    if nxt in _CONNECTORS or nxt in _GENERIC_PLACE_WORDS or nxt in _STOP or nxt in _FACILITY_WORDS:
        return False
    end = j
    while end + 1 < len(tokens) and end - k < 6 and text[tokens[end][1]:tokens[end + 1][0]] == " " \
            and tokens[end + 1][2][:1].isupper():
        end += 1
    if tokens[end][2].lower() not in _NAMED_BUILDING:
        return False
    return not _named_prominent(text[start:tokens[k][1]], gazetteer)


def _first_name_of_longer_name(text: str, tokens: list[tuple[int, int, str]], i: int, j: int,
                               gazetteer: Gazetteer) -> bool:
    """"Hamid Karzai International Airport": a lone match opening a longer capitalised name whose
    next word is no place word is the first word of that name (a person's, a firm's), unless it is
    a prominent place by its own name ("Baghdad University", "Washington Post" stay metonyms)."""
    if j <= i or text[tokens[i][1]:tokens[i + 1][0]] != " ":
        return False
    nxt = tokens[i + 1][2].lower()
    if nxt in _CONNECTORS or nxt in _GENERIC_PLACE_WORDS or nxt in _STOP or nxt in _FACILITY_WORDS:
        return False
    return not _named_prominent(tokens[i][2], gazetteer)


# Words a facility or area name adds after a town: "Baghdad International Airport", "Mosul Dam".
_FACILITY_WORDS = frozenset("international airport airbase base camp university hospital mosque church stadium hotel "
                            "bridge square street road highway gate prison station market district province governorate "
                            "city town village neighbourhood neighborhood quarter suburb area region county state "
                            "countryside outskirts center centre".split())
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;|•\n]|\s[-–—]|^[-–—*])\s*$", re.M)


def _sentence_initial_small(text: str, start: int, span: str, gazetteer: Gazetteer) -> bool:
    """A capital at a sentence start proves nothing: "Massacre at Ogossagou" is no Dominican
    village.  There only a town of some size, or one a locative cue introduces, counts."""
    if not _SENTENCE_START.search(text, max(0, start - 4), start) or " " in span.strip():
        return False
    if span.isupper() or text[start + len(span):start + len(span) + 2].lstrip()[:1] in (":", "|"):
        return False  # "BAIJI: two killed", "Mopti | ...": a place label, capitalised on purpose
    if _PLACE_NOUN_AFTER.match(text, start + len(span)):
        return False  # "Musakhel district, ...": said to be a place
    return not any(c.place.population >= 10_000 or c.place.feature_code in _PROMINENT_FEATURES
                   for c in gazetteer.exact(normalize(span)))


def _short_code(text: str, start: int, span: str, gazetteer: Gazetteer) -> bool:
    """"BLA gunmen": a short all-caps word is an acronym, though a Malian town is called Bla, unless it
    is a place of note or stands as a line's label ("HIT: ...")."""
    if not (span.isupper() and len(span) <= 4):
        return False
    if text[start + len(span):start + len(span) + 2].lstrip()[:1] in (":", "|"):
        return False
    return not _named_prominent(span, gazetteer)


def _person_tokens(text: str, tokens: list[tuple[int, int, str]], gazetteer: Gazetteer) -> set[str]:
    """Tokens seen inside multi-word capitalised names that are not places ("John Kelly" -> kelly).

    Such a token alone later in the text ("Kelly said") is the same person, not a village.
    """
    out: set[str] = set()
    run: list[str] = []
    for i, (_, _end, tok) in enumerate(tokens + [(len(text), len(text), "")]):
        if (tok and tok[0].isupper() and (not run or text[tokens[i - 1][1]:tokens[i][0]] == " ")
                and not (run and _POSSESSIVE.search(run[-1]))):  # "Iraq's Baiji" is two names, not one person
            run.append(tok)
            continue
        while run and run[0].lower() in _STOP:  # "In Paris": a sentence opener is not part of a name
            run.pop(0)
        if len(run) >= 2 and not gazetteer.has(normalize(" ".join(run))) and not gazetteer.has(normalize(run[0])):
            if not any(t.lower() in _PLACE_TAIL for t in run[1:]):
                out.update(t.lower() for t in run[1:] if t.lower() not in _STOP and not _prominent(t, gazetteer))
        run = [tok] if tok and tok[0].isupper() else []
    return out


def recognize(text: str, gazetteer: Gazetteer, skip_person_names: bool = False) -> list[Mention]:
    """All place-name spans in ``text``, longest match first, left to right, non-overlapping.

    ``skip_person_names`` drops lone words seen earlier inside a non-place name ("John Kelly" ...
    "Kelly said"): more precise, but it costs recall (measured: e2e Acc@161 -0.01..-0.02), so
    geoparse leaves it off and locate, where a false place is worse than none, turns it on.
    """
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    lower_vocab: set[str] | None = None
    persons = _person_tokens(text, tokens, gazetteer) if skip_person_names else set()
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        start, _, tok = tokens[i]
        if not (_capitalised(tok) or _is_arabic(tok)):
            i += 1
            continue
        # extend over capitalised tokens and inner connectors, stopping at punctuation other than "-" / space
        j = i
        while j + 1 < len(tokens) and j - i + 1 < MAX_TOKENS:
            if tokens[j][2].endswith(".") and len(tokens[j][2]) > 4:
                break  # "Qamishli. A car bomb": a full stop ends the name (but not "St. Louis")
            gap = text[tokens[j][1]:tokens[j + 1][0]]
            nxt = tokens[j + 1][2]
            if gap not in (" ", "-") or not (_capitalised(nxt) or nxt.lower() in _CONNECTORS or _is_arabic(nxt)):
                break
            j += 1
        if j > i and _TITLE_BEFORE.search(text, max(0, start - 25), start) \
                and all(_capitalised(tokens[n][2]) for n in range(i, j + 1)):
            i = j + 1  # "President Vladimir Putin", "spokesman Abdifatah Adan Hassan": a person's name
            continue
        hit = None
        for k in range(j, i - 1, -1):  # longest first
            last = tokens[k][2]
            if not (_capitalised(last) or _is_arabic(last)):
                continue
            span = _POSSESSIVE.sub("", text[start:tokens[k][1]].rstrip("."))
            if k == i:
                low = span.lower()
                if low in _STOP or low in _DEMONYMS or low in DEMONYMS or len(span) < 2:
                    break
                if lower_vocab is None:
                    lower_vocab = _lowercase_vocabulary(text)
                if low in lower_vocab or low in persons or _part_of_longer_name(text, tokens, i, j):
                    break
            key = normalize(span)
            if (gazetteer.has(key) or gazetteer.has(strip_article(key))) and _acronym_ok(span, gazetteer):
                hit = (k, span)
                break
            if ((_LOCATIVE_BEFORE.search(text, max(0, start - 30), start) or _PLACE_NOUN_AFTER.match(text, start + len(span))
                    or _placed_by_layout(text, start, span)) and gazetteer.fuzzy(span)) \
                    or region_after_holds(text, start + len(span), None, gazetteer, span):
                # a spelling the gazetteer lacks ("Naseriyah"), where the sentence says a place follows
                hit = (k, span)
                break
        joined = _joined_from(text, tokens, hit[0]) if hit is not None else None
        if joined is not None and joined <= j:
            i = joined  # "San Miguel del Ene", a name the gazetteer lacks, is no San Miguel; its end is tried next
            continue
        if hit is not None and hit[0] == i and _romance_name_ends(text, tokens, i) and not _named_prominent(hit[1], gazetteer):
            hit = None  # "Vizcatan del Ene": the end of a longer name, no Ene ("Universidad de Antioquia" keeps it)
        if hit is not None and skip_person_names and hit[0] == i and _first_name_of_longer_name(text, tokens, i, j, gazetteer):
            hit = None
        if hit is not None and skip_person_names and hit[0] > i and _opens_building_name(text, tokens, hit[0], j, gazetteer, start):
            hit = None
        if hit is not None and hit[0] == i and _OCCASION_AFTER.match(text, start + len(hit[1])) \
                and not _named_prominent(hit[1], gazetteer):
            hit = None
        if hit is not None and skip_person_names and hit[0] == i and _sentence_initial_small(text, start, hit[1], gazetteer):
            hit = None
        if hit is not None and _WEAPON_AFTER.match(text, start + len(hit[1])) and not _named_prominent(hit[1], gazetteer, frozenset()):
            hit = None  # "Grad rockets", "Scud missiles": a weapon's name, not the village Grad
        if hit is not None and _MARKET_BEFORE.search(text, max(0, start - 12), start) \
                and not _named_prominent(hit[1], gazetteer):
            hit = None  # "Souq al-Hal", "the market (Souq al-Hal)": a market's name, not a village
        if hit is not None and skip_person_names and _short_code(text, start, hit[1], gazetteer):
            hit = None
        if hit is not None and skip_person_names and names_street(text, start, start + len(hit[1])):
            hit = None  # "14 Riverside Drive", "Haifa Street": a street of the story's town, named for a place
        if hit is None and j == i and _TWIN_TOWN_AFTER.match(text, tokens[i][1]):
            hit = _twin_town_head(tok, gazetteer, i)
        if hit is None:
            i += 1
            continue
        k, span = hit
        end = start + len(span)
        out.append(Mention(start, end, span, is_metonym(text, end)))
        i = k + 1
    return out


# Words joining the parts of one Spanish, Portuguese, French or Italian name ("San Miguel del Ene")
_ROMANCE_JOINERS = frozenset("de del della di da do dos das du des".split())
_ROMANCE_ARTICLES = frozenset("la le les los las".split())
_ROMANCE_DIRECTIONS = frozenset("norte sur este oeste centro oriente oriental occidental nord sud est ouest centre "
                                "nordeste noroeste sudeste sureste suroeste".split())


def _joined_from(text: str, tokens: list[tuple[int, int, str]], k: int) -> int | None:
    """The index of the capitalised word that a Romance joiner right after token k leads to
    ("San Miguel" -> "Ene" in "San Miguel del Ene"), else None.  A match so continued within its
    run of capitalised words is the first part of a longer name the gazetteer lacks."""
    n = k + 1
    if n >= len(tokens) or text[tokens[k][1]:tokens[n][0]] != " " or tokens[n][2].lower() not in _ROMANCE_JOINERS:
        return None
    if n + 1 < len(tokens) and tokens[n + 1][2].lower() in _ROMANCE_ARTICLES and text[tokens[n][1]:tokens[n + 1][0]] == " ":
        n += 1
    n += 1
    if n >= len(tokens) or text[tokens[n - 1][1]:tokens[n][0]] != " " or not tokens[n][2][:1].isupper():
        return None
    # "Davao del Sur", "Lanao del Norte": a part of the region the first name still names
    return None if tokens[n][2].lower() in _ROMANCE_DIRECTIONS else n


def _romance_name_ends(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Token i is the last part of a longer name: a capitalised word and a joiner before it
    ("Vizcatan del Ene")."""
    for back in (2, 3):
        k = i - back
        if k >= 0 and _capitalised(tokens[k][2]) and _joined_from(text, tokens, k) == i:
            return True
    return False


# A title before a run of capitalised words says the run is a person's name
_TITLE_BEFORE = re.compile(r"\b(?:President|Prime Minister|Premier|[Ss]pokes(?:man|woman|person)|Gen\.|General|Col\.|Colonel|"
                           r"Lt\.|Maj\.|Capt\.|Brig\.|Minister|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sheikh|Imam|[Cc]ommander|[Gg]overnor|"
                           r"[Mm]ayor|Senator|King|Prince|Pope|Emir|Sultan|Ayatollah|Bishop|Father|Rev\.|"
                           # "the body of Bilal Anwar Kasi", "the killing of Saleh al-Arouri": someone's body or death
                           r"the (?:body|bodies|funeral|killing|murder|assassination|death|widow|son|daughter|brother) of)\s+$")
# "Mpondwe-Lhubiriha town council": a pair named as one settlement ("Donga-Mantung" alone may be a division)
_TWIN_TOWN_AFTER = re.compile(r"\s+(?:town council|town|municipality|township|city council|urban council)\b", re.I)

def _twin_town_head(tok: str, gazetteer: Gazetteer, i: int) -> tuple[int, str] | None:
    """The listed town of a hyphen-joined pair the gazetteer lacks as a whole: "Mpondwe-Lhubiriha"
    (a town council named for two settlements) is found as Mpondwe.  Pairs of two listed places
    ("Goma-Sake road", "Syria-Turkey") name a route or a relation, not a town, and are left alone."""
    parts = tok.rstrip(".").split("-")
    if len(parts) != 2 or not all(len(p) >= 4 and _capitalised(p) for p in parts):
        return None
    head, tail = parts
    low_tail = tail.lower()
    if low_tail in _DEMONYMS or low_tail in DEMONYMS or head.lower() in _STOP or gazetteer.has(normalize(tail)):
        return None
    key = normalize(head)
    if any(c.place.feature_code.startswith("PP") and normalize(c.place.name) == key for c in gazetteer.exact(key)):
        return i, head
    return None
