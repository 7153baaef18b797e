"""Find actors in a sentence, normalise them through the alias table, and assign roles.

Roles come from the sentence's grammar as far as cheap patterns can see it: the subject of an
active violent verb is the perpetrator, its object (or the subject of a passive one) the
target; "by X" after a passive names the perpetrator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sitroom.codebook.loader import NOT_AN_ACTOR, actor_table, word_key

# Demonyms that qualify generic nouns: "Iraqi soldiers" -> Military Forces of Iraq.
DEMONYMS = {
    "iraqi": "Iraq", "syrian": "Syria", "turkish": "Turkey", "iranian": "Iran", "american": "United States",
    "us": "United States", "u.s.": "United States", "israeli": "Israel", "russian": "Russia", "afghan": "Afghanistan",
    "pakistani": "Pakistan", "indian": "India", "nigerian": "Nigeria", "somali": "Somalia", "yemeni": "Yemen",
    "saudi": "Saudi Arabia", "lebanese": "Lebanon", "libyan": "Libya", "egyptian": "Egypt", "jordanian": "Jordan",
    "malian": "Mali", "south sudanese": "South Sudan", "sudanese": "Sudan", "ukrainian": "Ukraine",
    "palestinian": "Palestine", "french": "France", "british": "United Kingdom",
    "nigerien": "Niger", "burkinabe": "Burkina Faso", "chadian": "Chad", "cameroonian": "Cameroon",
    "congolese": "Democratic Republic of the Congo", "ugandan": "Uganda", "rwandan": "Rwanda",
    "burundian": "Burundi", "kenyan": "Kenya", "ethiopian": "Ethiopia", "eritrean": "Eritrea",
    "mozambican": "Mozambique", "myanmar": "Myanmar", "burmese": "Myanmar", "filipino": "Philippines",
    "philippine": "Philippines", "thai": "Thailand", "colombian": "Colombia", "mexican": "Mexico",
    "australian": "Australia",
    "kurdish": None, "federal": None, "local": None, "government": None,
}
# French and Spanish demonyms follow their noun: "soldats maliens", "l'armée burkinabè", "militares colombianos"
DEMONYMS_AFTER = {
    "malien": "Mali", "burkinabè": "Burkina Faso", "burkinabé": "Burkina Faso", "burkinabe": "Burkina Faso",
    "nigérien": "Niger", "nigérian": "Nigeria", "tchadien": "Chad", "camerounais": "Cameroon",
    "centrafricain": "Central African Republic", "congolais": "Democratic Republic of the Congo",
    "tanzanien": "Tanzania", "sud-africain": "South Africa", "ougandais": "Uganda", "rwandais": "Rwanda",
    "burundais": "Burundi", "ivoirien": "Ivory Coast", "togolais": "Togo", "béninois": "Benin", "mauritanien": "Mauritania",
    "sénégalais": "Senegal", "guinéen": "Guinea", "mozambicain": "Mozambique", "somalien": "Somalia",
    "soudanais": "Sudan", "libyen": "Libya", "algérien": "Algeria", "français": "France", "russe": "Russia",
    "américain": "United States",
    "colombiano": "Colombia", "mexicano": "Mexico", "peruano": "Peru", "venezolano": "Venezuela",
    "ecuatoriano": "Ecuador", "boliviano": "Bolivia", "brasileño": "Brazil", "paraguayo": "Paraguay",
    "hondureño": "Honduras", "guatemalteco": "Guatemala", "salvadoreño": "El Salvador", "nicaragüense": "Nicaragua",
    "chileno": "Chile", "argentino": "Argentina",
}
# the stems above with their feminine and plural endings: "maliens", "malienne(s)", "colombianos", "colombiana(s)"
_DEMONYM_FORMS = sorted((re.escape(d[:-1]) + "(?:o|a|os|as)" if d.endswith("o") else re.escape(d) + "(?:ne|nes|s|e|es)?")
                        for d in DEMONYMS_AFTER)
_DEMONYM_AFTER_RE = re.compile(r"\s+(?P<d>" + "|".join(sorted(_DEMONYM_FORMS, key=len, reverse=True)) + r")\b", re.I)


def _demonym_after(sentence: str, end: int) -> str | None:
    m = _DEMONYM_AFTER_RE.match(sentence, end)
    if m is None:
        return None
    word = m.group("d").lower()
    for stem, country in DEMONYMS_AFTER.items():
        base = stem[:-1] if stem.endswith("o") else stem
        if word.startswith(base.lower()):
            return country
    return None


# "attaque terroriste", "ataque guerrillero", "embuscade jihadiste": an adjective of the act, no actor of its own
_ACT_NOUN_BEFORE_RE = re.compile(r"\b(?:attaques?|attentats?|ataques?|atentados?|embuscades?|emboscadas?|assauts?|"
                                 r"actes?|actos?|violences?|menaces?)\s+$", re.I)
# French elision: "l'armée", "d'hommes armés" -- the noun starts after the apostrophe
_ELISION_RE = re.compile(r"[lLdD]['’](?=\w)")
_DEMONYM_RE = re.compile(r"(?:\b(?P<d>" + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in DEMONYMS if DEMONYMS[d])
                         + r")\s+(?:[a-z]+\s+)?)$", re.I)
WORD_RE = re.compile(r"\w[\w'’ʿʾ`]*")
PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|is|are|came under|come under|got)\s+(?:\w+\s+){0,2}$"
                               # French and Spanish: "a été abattu", "fue emboscada", "est tombée dans une embuscade"
                               r"|\b(?:été|fue|fueron|sido|resultaron|resultó)\s+(?:\w+\s+){0,2}$"
                               r"|\b(?:tomb(?:é|ée|és|ées)\s+dans|ca(?:yó|yeron)\s+en)\s+(?:une?\s+|una?\s+)?$", re.I)
_PROGRESSIVE_RE = re.compile(r"[a-z]+ing\b")
PASSIVE_TRIGGER_RE = re.compile(r"(?:came|come|comes|coming) under\b|"
                                # "tués dans une attaque", "muertos en un ataque": the headline passive in French and Spanish
                                r"(?:tu(?:é|ée|és|ées)|bless(?:é|ée|és|ées)|enlev(?:é|ée|és|ées)|kidnapp(?:é|ée|és|ées)|abattu(?:e|s|es)?|"
                                r"muert[oa]s?|asesinad[oa]s?|herid[oa]s?|secuestrad[oa]s?)\s+(?:dans|lors|par|en|por|durante|tras)\b|"
                                # headline passive: "Eleven fighters killed in ISIS attack"
                                r"(?:killed|wounded|injured|hurt|abducted|kidnapped|arrested|executed)\s+"
                                # "killed at least 37" is active: a count follows, not a circumstance
                                r"(?:in|by|during|when|after|as|near|at(?!\s+(?:least|most)\b)|on)\b|"
                                # "three fighters were found dead": the subject is the victim
                                r"(?:were|was|been|are|is) found (?:\w+ ){0,2}dead\b", re.I)
TARGET_PREP_RE = re.compile(r"\b(?:contre|contra|visant|attaqu(?:é|ée|és|ées)|tu(?:é|ant)|enlev(?:é|ée|és|ées)|abattu|"
                            r"atac(?:aron|ó)|asesin(?:aron|ó)|mat(?:aron|ó)|secuestr(?:aron|ó)|emboscaron|"
                            r"targeting|targeted|against|on|at|attacked|hit|struck|killed|killing|kidnapped|abducted|"
                            r"shot|ambushed|stormed|shelled|bombed|wounding|injuring|arrested|detained)\s+(?:\w+\s+){0,3}$",
                            re.I)
BY_RE = re.compile(r"\bby\s+(?:the\s+)?(?:so-called\s+)?(?:\w+\s+){0,2}$"
                   r"|\b(?:par|por)\s+(?:les?\s+|la\s+|des\s+|un\s+|une\s+|el\s+|los\s+|las\s+|unos\s+|unas\s+)?(?:\w+\s+){0,2}(?:l['’])?$",
                   re.I)
# "a position held by X", "a base used by X": the by-phrase names an owner, not whoever acted
STATIVE_BY_RE = re.compile(r"\b(?:held|controlled|run|used|owned|manned|operated|led|backed|supported|funded|guarded|"
                           r"followed|preceded|accompanied|escorted|joined|replaced|"
                           r"occupied|garrisoned|housed|inhabited|populated|dominated|administered)\s+by\b", re.I)


def _word_end(sentence: str, start: int) -> int:
    m = re.match(r"\S+", sentence[start:])
    return start + (m.end() if m else 0)


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # offsets within the sentence
    end: int
    text: str
    template: str  # canonical name; generic ones hold "{country}"
    actor_type: str
    generic: bool
    country: str | None  # from a demonym ("Iraqi soldiers"), else None
    head: int | None = None  # where the phrase starts when a noun leads it: "men belonging to ISIL"
    local: tuple[tuple[str, str, str], ...] = ()  # (country, name, type): the homonym meant there

    def name_in(self, country: str | None) -> str:
        """Canonical name, generic ones completed with the demonym's country or else `country`;
        in a country where the name is another group's ("al-Shabaab" in Mozambique), that group's."""
        where = self.country or country
        return next((name for c, name, _ in self.local if c == where), None) or fill_country(self.template, where)

    def type_in(self, country: str | None) -> str:
        where = self.country or country
        return next((kind for c, _, kind in self.local if c == where), None) or self.actor_type


@dataclass(frozen=True, slots=True)
class Roles:
    perpetrator: ActorMention | None
    target: ActorMention | None
    others: tuple[ActorMention, ...]


DISGUISE_AFTER_RE = re.compile(r"[\s/-]*(?:(?!in\b)\w+\s+)?uniforms?\b", re.I)
DISGUISE_BEFORE_RE = re.compile(r"\b(?:uniforms?|fatigues|insignia) of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$"
                                r"|\b(?:disguised|dressed|posing) as\s+(?:an?\s+|the\s+)?$", re.I)


def find_actors(sentence: str) -> list[ActorMention]:
    table = actor_table()
    found: list[ActorMention] = []
    resume = 0
    named_end, named_entry = -1, None  # where the last name of the table ended, and whose it was
    for word in WORD_RE.finditer(sentence):
        pos = word.start()
        if pos < resume or (pos and (sentence[pos - 1].isalnum() or sentence[pos - 1] in "-_")):
            continue
        hit = table.match_at(sentence, pos, word_key(word.group()))
        if hit is None and word.group()[1:2] in ("'", "’") and _ELISION_RE.match(word.group()):
            pos += 2
            hit = table.match_at(sentence, pos, word_key(word.group()[2:]))
        unknown = unknown_group_at(sentence, pos) if word.group()[0].isupper() else None
        if unknown is not None and (hit is None or hit[0].end() < unknown.end):
            # a named group the alias table lacks outranks a generic noun inside its name:
            # "Afrin Liberation Forces" is neither Syria's army nor anonymous
            found.append(unknown)
            resume = unknown.end
            continue
        if hit is None:
            continue
        m, entry = hit
        resume = m.end()
        if DISGUISE_AFTER_RE.match(sentence, m.end()) or DISGUISE_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start()):
            continue  # "wearing the uniforms of the Popular Mobilisation Forces", "army/PMF uniforms": a disguise
        if entry.actor_type == NOT_AN_ACTOR:
            named_end, named_entry = m.end(), entry  # "Reporters Without Borders": no party to any event
            continue
        if not entry.generic and _abbreviates_other(sentence, m, named_end, named_entry, entry):
            continue  # "Norwegian People's Aid (NPA)": the acronym of the name before it, not the NPA rebels
        if not entry.generic:
            named_end, named_entry = m.end(), entry
        if entry.generic and word.group()[0].isupper() and FACILITY_AFTER_RE.match(sentence, m.end()):
            continue  # "the Police Cadet School", "the Army Public School": a building's name, no force acting
        if entry.generic and _ACT_NOUN_BEFORE_RE.search(sentence, max(0, pos - 14), pos):
            continue
        start, country = m.start(), None
        if entry.generic:
            demonym = _DEMONYM_RE.search(sentence, 0, m.start())
            if demonym and demonym.group("d"):
                country = DEMONYMS.get(demonym.group("d").lower())
                start = demonym.start()
            else:
                country = _demonym_after(sentence, m.end())
        mention = ActorMention(start, m.end(), sentence[start:m.end()], entry.name, entry.actor_type, entry.generic,
                               country, local=entry.local)
        if mention.generic and found and not found[-1].generic and _same_phrase(sentence, found[-1], mention):
            # "Islamic State fighters", "ISIS militants": the name says who; the noun adds nothing
            continue
        if not mention.generic and found and found[-1].generic and (
                AFFILIATION_RE.fullmatch(sentence, found[-1].end, mention.start)
                or _qualifies(sentence, found[-1], mention)):
            # "a suicide bomber from Ansar al-Sunnah", "men belonging to ISIL", "the militant Islamic
            # State group": the group is the actor, heading the phrase the generic noun began
            found[-1] = replace(mention, head=found[-1].start)
            continue
        found.append(mention)
    return found


def _abbreviates_other(sentence: str, m: re.Match[str], named_end: int, named_entry: object, entry: object) -> bool:
    """An acronym in brackets right after another name of the table abbreviates that name."""
    if not (m.start() and sentence[m.start() - 1] == "(" and sentence.startswith(")", m.end())):
        return False
    return named_entry is not entry and len(sentence[:m.start() - 1].rstrip()) == named_end


# the rest of a capitalised institution's name after a force's noun: "Police| Cadet School", "Army| Hospital"
FACILITY_AFTER_RE = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,3}?\s+(?:School|Academy|College|University|Hospital|Station|Club|"
                               r"Stadium|Institute|Hall|Training (?:Centre|Center|School|College))\b"
                               # an administrative unit: "Jere Local Government Area", "Government Area"
                               r"|\s+(?:Area|Council|House)\b")


# A capitalised name with a word only armed movements put in their names is a group in its own right.
_NAME_RUN_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|the|and|al|el|in)[\s-]+)*[A-Z][\w'’-]*)*")
_MOVEMENT_WORD_RE = re.compile(r"\b(?:Liberation|Resistance|Revolutionary|Revolution|Mujahideen|Mujahedeen|Jihad|Martyrs|"
                               r"Brigades?|Battalions?|Front|Movement|Legion|Salvation|Vanguard|Partisans|Insurgency|"
                               r"Rebels?|Militia|Jaish|Jaysh|Liwa|Kataib|Saraya|Harakat|Ansar|Jund|Ahrar)\b")
_BACKER_RE = re.compile(r"[A-Z][\w'’]*-(?:backed|led|allied|aligned|affiliated|linked|based|supported|sponsored)\b")
_NOT_NAME_START = {"The", "A", "An", "In", "On", "At", "As", "After", "Before", "When", "While", "During", "Two", "Three",
                   "Four", "Five", "Several", "Some", "Many", "This", "That", "These", "Those", "Its", "Their", "His", "Her"}


def unknown_group_at(sentence: str, pos: int) -> ActorMention | None:
    """"the Afrin Liberation Forces", "the National Front for Liberation": a group named as a title."""
    if _BACKER_RE.match(sentence, pos):
        return None  # "Turkish-backed National Front": the name starts after the backer
    m = _NAME_RUN_RE.match(sentence, pos)
    if m is None or " " not in m.group() or m.group().split()[0] in _NOT_NAME_START:
        return None
    name = re.sub(r"(?:\s+(?:of|for|the|and|al|el|in))+$", "", m.group())
    movement = _MOVEMENT_WORD_RE.search(name)
    if movement is None or name.split()[0] == movement.group():
        # "Brigades of ..." without a qualifier before it is left to the alias table
        if movement is None or len(name.split()) < 3:
            return None
    end = pos + len(name)
    return ActorMention(pos, end, name, name, "Rebel group", False, None)


AFFILIATION_RE = re.compile(r"\s*,?\s*(?:(?:believed|thought|said|suspected|alleged)\s+to\s+be\s+(?:members?\s+)?(?:of|from)|"
                            r"(?:suspected\s+|alleged\s+)?(?:members?|fighters?|militants?)\s+of|from|of|belonging to|"
                            r"affiliated (?:with|to)|linked to|loyal to|allied (?:with|to)|tied to)\s+(?:the\s+)?"
                            # "rebelles du M23", "hommes armés de la CODECO", "sicarios del CJNG", "combattants de l'EI"
                            r"|\s*,?\s*(?:(?:présumés|supposés|presuntos)\s+)?(?:(?:membres|miembros|integrantes|éléments)\s+)?"
                            r"(?:(?:du|des|de|del|appartenant\s+à|pertenecientes\s+a|liés\s+à|vinculados\s+a|afiliados\s+a)\s+"
                            r"(?:la\s+|las\s+|los\s+|l['’])?|d['’])", re.I)


def _qualifies(sentence: str, generic: ActorMention, named: ActorMention) -> bool:
    """"militant" in "the militant Islamic State group" is an adjective of the name, not a second actor."""
    return (generic.country is None and generic.template.startswith("Unidentified Armed Group")
            and not sentence[generic.end:named.start].strip())


def _same_phrase(sentence: str, named: ActorMention, generic: ActorMention) -> bool:
    gap = sentence[named.end:generic.start]
    return bool(_PHRASE_GAP_RE.fullmatch(gap))


# Between a name and its head noun only modifiers may stand: "ISIS suicide bombers", not "ISIS and the army".
_PHRASE_GAP_RE = re.compile(r"[\s-]*(?:(?!(?:and|or|with|by|against|on|at|in|of|to|from|the|a|an|but|as|for|one|two|three|four|"
                            r"five|six|seven|eight|nine|ten|several|dozens|many|some)\b|[a-z]+(?:ed|ing)\b)[a-z]+[\s-]+){0,2}")


def fill_country(template: str, country: str | None) -> str:
    if "{country}" not in template:
        return template
    if country:
        return template.replace("{country}", country)
    return re.sub(r"\s*(?:\(\{country\}\)|of \{country\})", "", template)


SPEAKER_BEFORE_RE = re.compile(r"\b(?:said|says|told|according to|reported|cited|quoting|announced by)\s+(?:the\s+|a\s+|an\s+)?"
                               r"(?:[\w-]+\s+){0,2}$", re.I)


SPEAKER_AFTER_RE = re.compile(r"\s+(?:a|ont)\s+(?:déclaré|annoncé|indiqué|affirmé|confirmé|condamné|dénoncé|déploré)\b"
                              r"|\s+(?:informó|informaron|dijo|dijeron|declaró|anunció|confirmó|condenó|denunció|rechazó)\b|"
                              r"\s*(?:'s\s+)?(?:spokes(?:man|woman|person)|officials?|statement|sources?|media|"
                              r"command|press office)?\s*(?:has\s+|had\s+)?(?:said|says|told|reported|reports|announced|"
                              r"announces|stated|states|confirmed|confirms|added|adds|"
                              # "MONUSCO condemns the attack": who judges it did not do it
                              r"condemns|condemned|denounces|denounced|deplores|deplored)\b"
                              # "The UN coordinator in Nigeria is outraged by the attack": who reacts to it
                              r"|(?:\s+[\w'’-]+){0,8}?\s+(?:is|are|was|were|has been|have been)\s+(?:\w+\s+){0,2}?"
                              r"(?:outraged|saddened|shocked|appalled|horrified|alarmed|dismayed|concerned|deeply \w+)\b", re.I)


CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:)]|$|\b(?:on|in|of|late|early|yesterday|today|last|this|according|"
                           r"spokes\w+|officials?|sources?|statement|media)\b)", re.I)
ACCORDING_TO_RE = re.compile(r"\b(?:according to|selon|d['’]après|según|de acuerdo con)\s+(?:the\s+|a\s+|an\s+|les?\s+|la\s+|l['’]|"
                             r"des\s+|el\s+|los\s+|las\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def is_speaker(sentence: str, actor: ActorMention) -> bool:
    """"..., said the government", "a coalition spokesman said": whoever reports the event is neither side of it.
    ("Turkey said the Islamic State group killed ..." names a speaker and then an actor.)"""
    after_said = SPEAKER_BEFORE_RE.search(sentence, max(0, actor.start - 40), actor.start)
    return bool((after_said and CLAUSE_END_RE.match(sentence, actor.end))
                or ACCORDING_TO_RE.search(sentence, max(0, actor.start - 40), actor.start)
                or SPEAKER_AFTER_RE.match(sentence, actor.end))


# "a group of men": `of` after a collective noun heads the subject rather than governing an object
OBJECT_BEFORE_RE = re.compile(r"\b(?:on|against|at|with|targeting|near|in|(?<!group )(?<!groups )(?<!band )(?<!unit )"
                              r"(?<!cell )(?<!squad )(?<!number )(?<!dozens )(?<!hundreds )(?<!scores )of|from|for|to|into|toward|"
                              r"towards|between|among|including|by)\s+(?:the\s+)?$", re.I)
CLAUSE_BREAK_RE = re.compile(r"[;:]|,\s*(?:while|but|and|as|after|before|when|which|who)\b|\b(?:while|but|whereas)\b")


PASSIVE_AGENT_RE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn|t)\s+by\s+"
                              r"(?:(?:the|a|an)\s+)?(?:(?:suspected|alleged|militant|jihadist|so-called)\s+)?$", re.I)


def passive_agent(sentence: str, actors: list[ActorMention]) -> ActorMention | None:
    """"Twelve women were executed by Islamic State fighters": the agent of a passive verb."""
    for actor in actors:
        if actor.actor_type != "Civilians" and PASSIVE_AGENT_RE.search(sentence, max(0, actor.start - 60), actor.start):
            return actor
    return None


_AGENT_TYPES = frozenset({"Rebel group", "Political militia", "Identity militia"})
_ARMED_TYPES = frozenset({"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"})
_ROMANCE_OF_AGENT_RE = re.compile(r"\s+(?:(?:aériennes?|aériens?|aéreos?|aéreas?|aérien)\s+)?"
                                  r"(?:de\s+(?:la\s+|las\s+|los\s+|l['’])|del\s+|des\s+|du\s+|d['’])", re.I)
# A French or Spanish participle as trigger is passive ("deux soldats tués", "una patrulla atacada") unless
# "avoir"/"haber" makes it a compound tense ("ont attaqué", "han asesinado")
_ROMANCE_PARTICIPLE_RE = re.compile(r"(?:tu|bless|enlev|kidnapp|massacr|exécut|attaqu|pill|incendi|égorg|décapit)(?:é|ée|és|ées)\b|"
                                    r"abattu(?:e|s|es)?\b|(?:asesin|secuestr|embosc|atac|plagi|ejecut|masacr|incendi|saque|"
                                    r"hostig|balead|herid)[oa]s?\b|muert[oa]s\b", re.I)
_ROMANCE_ACTIVE_AUX_RE = re.compile(r"\b(?:ont|a|avait|avaient|aurait|auraient|ayant|avoir|han|ha|había|habían|hubo|haber)\s+"
                                    r"(?:\w+\s+)?$", re.I)


def _romance_passive(sentence: str, trigger_start: int) -> bool:
    return bool(_ROMANCE_PARTICIPLE_RE.match(sentence, trigger_start)) and \
        not _ROMANCE_ACTIVE_AUX_RE.search(sentence, max(0, trigger_start - 30), trigger_start)
_VERB_TRIGGER_RE = re.compile(r"\w+(?:ed|ook|ove|ought|ew|ept|ok|é|ée|és|ées|ant|èrent|aron|ieron|ó|ado|ados|ada|adas)\b", re.I)


def _clause_start(sentence: str, trigger_start: int) -> int:
    breaks = [m.end() for m in CLAUSE_BREAK_RE.finditer(sentence, 0, trigger_start)]
    return breaks[-1] if breaks else 0


# "two soldiers were killed", "American troops and a British soldier died": the actor is a victim
PATIENT_AFTER_RE = re.compile(r"(?:\s+[\w'’-]+){0,3}?(?:\s+and(?:\s+[\w'’-]+){1,3}?)?,?\s+(?:(?:was|were|has been|have been|had been|is|are|got)\s+"
                              r"(?:\w+\s+)?(?:killed|injured|wounded|shot|hurt|kidnapped|abducted|executed|targeted|"
                              r"attacked|hit|arrested|detained|captured|beheaded|ambushed|martyred)|died|perished|"
                              r"lost their lives)\b"
                              # French and Spanish: "deux soldats tués", "soldats maliens tués", "a été abattu",
                              # "fueron asesinados", "murieron" -- at most one word (an adjective) between, and never
                              # after "avoir"/"haber" ("les rebelles ont attaqué" is active)
                              r"|(?:\s+(?!(?:ont|a|avait|avaient|han|ha|había|habían)\b)[^\W\d]+)?,?\s+"
                              r"(?:(?:a|ont|avaient|avait)\s+été\s+|(?:est|sont)\s+|(?:fue|fueron|resultaron|resultó|han sido|ha sido)\s+)?"
                              r"(?:tu(?:é|ée|és|ées)|bless(?:é|ée|és|ées)|abattu(?:e|s|es)?|enlev(?:é|ée|és|ées)|kidnapp(?:é|ée|és|ées)|"
                              r"massacr(?:é|ée|és|ées)|exécut(?:é|ée|és|ées)|attaqu(?:é|ée|és|ées)|tomb(?:é|ée|és|ées) dans|"
                              r"asesinad[oa]s?|herid[oa]s?|secuestrad[oa]s?|emboscad[oa]s?|atacad[oa]s?|muert[oa]s?|"
                              r"plagiad[oa]s?|abatid[oa]s?|lesionad[oa]s?|"
                              r"mort(?:e|s|es)?|murió|murieron|fallecieron|falleció|(?:ont|a)\s+péri|perdieron la vida|perdió la vida)\b",
                              re.I)


def _subject(sentence: str, before: list[ActorMention]) -> ActorMention | None:
    """The clause's subject: the first actor not governed by a preposition ("X attacked Y using rockets")
    and not the subject of a passive verb ("a commander was killed in an IS bomb blast": a victim)."""
    for actor in before:
        start = actor.start if actor.head is None else actor.head
        if OBJECT_BEFORE_RE.search(sentence, max(0, start - 25), start):
            continue
        if PATIENT_AFTER_RE.match(sentence, actor.end):
            continue
        return actor
    agents = [a for a in before if not PATIENT_AFTER_RE.match(sentence, a.end)]
    return agents[-1] if agents else None


def assign_roles(sentence: str, actors: list[ActorMention], trigger_start: int,
                 trigger_end: int | None = None) -> Roles:
    """Perpetrator and target of the violent act whose trigger spans `trigger_start`..`trigger_end`."""
    speakers = [a for a in actors if is_speaker(sentence, a)]
    actors = [a for a in actors if a not in speakers]
    perpetrator = target = None
    if trigger_end is None:
        trigger_end = _word_end(sentence, trigger_start)
    # "A suicide bomber blew himself up": a trigger that is itself an armed actor names the agent
    agent_trigger = next((a for a in actors if (a.start if a.head is None else a.head) <= trigger_start < a.end
                          and a.actor_type in _AGENT_TYPES), None)
    if agent_trigger is not None:
        actors = [a for a in actors if a is not agent_trigger]
    for actor in actors:
        # "attacked by X", "a bomb planted by X": the agent follows the act itself ("a position held by X" is no agent)
        between = sentence[trigger_end:actor.start]
        # a parenthetical agent keeps its commas: "a bomb, planted by Islamic State, exploded"
        clause = re.sub(r"\s*,\s*(?=(?:\w+\s+){0,2}by\b)", " ", between)
        if (actor.start >= trigger_end and perpetrator is None and len(between) <= 60 and BY_RE.search(clause)
                and not re.search(r"[;,]|\b(?:and|but|which|who)\b", clause) and not STATIVE_BY_RE.search(clause)):
            perpetrator = actor
    passive_subject = None
    if perpetrator is None:
        perpetrator = passive_agent(sentence, actors)
        if perpetrator is not None and perpetrator.start < trigger_start:
            # "a soldier was gunned down by an Islamic State sniper": the trigger sits in the agent
            # phrase, so the passive's subject is the one attacked
            passive_subject = next((a for a in reversed(actors) if a.end <= perpetrator.start), None)
    if perpetrator is None and not _VERB_TRIGGER_RE.match(sentence, trigger_start):
        # "a suicide bomber from Ansar al-Sunnah" -- but "freed villages from ISIS" takes ground from it
        perpetrator = next((a for a in actors if not a.generic and a.start >= trigger_end
                            and AFFILIATION_RE.fullmatch(sentence, trigger_end, a.start)), None)
        if perpetrator is None:
            # "un bombardeo de las Fuerzas Militares", "une frappe aérienne de l'armée": the armed side the act is of
            perpetrator = next((a for a in actors if a.start >= trigger_end and a.actor_type in _ARMED_TYPES
                                and _ROMANCE_OF_AGENT_RE.fullmatch(sentence, trigger_end, a.start)), None)
    clause_start = _clause_start(sentence, trigger_start)
    before = [a for a in actors if clause_start <= a.start and a.end <= trigger_start and a is not perpetrator]
    after = [a for a in actors if a.start >= trigger_start and a is not perpetrator]
    # "gunmen were firing on tourists": a progressive, not a passive
    passive = bool((PASSIVE_BEFORE_RE.search(sentence[:trigger_start]) and not _PROGRESSIVE_RE.match(sentence, trigger_start))
                   or PASSIVE_TRIGGER_RE.match(sentence, trigger_start) or _romance_passive(sentence, trigger_start))
    if passive_subject is not None:
        target = passive_subject
    elif passive:
        target = before[-1] if before else None
    else:
        if perpetrator is None and before:
            perpetrator = _subject(sentence, before)
        target = next((a for a in after if TARGET_PREP_RE.search(sentence[:a.start]) or a.generic), None)
        if target is None and after:
            target = after[0]
    if agent_trigger is not None:
        # the grammar's own named agent ("ISIS said a suicide bomber ...") still outranks the noun
        if perpetrator is None or (perpetrator.generic and not agent_trigger.generic):
            if perpetrator is not None and perpetrator is not target:
                actors = [*actors, perpetrator]
            perpetrator = agent_trigger
        else:
            actors = [*actors, agent_trigger]
    if target is not None and perpetrator is not None and target.template == perpetrator.template:
        target = None
    others = tuple(a for a in actors + speakers if a is not perpetrator and a is not target)
    return Roles(perpetrator, target, others)
