"""Choose an ACLED sub-event type for a sentence from the codebook's trigger rules.

Rules are tried from the highest priority down; the first whose trigger matches and whose
condition holds wins.  The trigger's span is the evidence, so an analyst can see why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.codebook.acled import ARMED_ACTOR_TYPES, event_type_of
from sitroom.codebook.loader import Rule, any_trigger, dispatched, out_of_scope_pattern, rules, split_alternatives
from sitroom.extract.actors import ActorMention, Roles, assign_roles

PROTEST_RE = re.compile(r"\b(?:protest\w*|demonstrat(?:ion|ions|ors|ed|ing)|rall(?:y|ies|ied)|marchers|sit-ins?|"
                        r"took to the streets|chanting|strikers|picket\w*|riot(?:s|ed|ing|ers)?|peaceful march(?:es)?|"
                        r"(?:people|thousands|hundreds|dozens|crowds?|residents|students|women|workers|citizens|supporters|"
                        r"activists|villagers) (?:[\w-]+ ){0,3}march(?:ed|es|ing)?|"
                        r"march(?:ed|es|ing)? (?:against|to protest|to demand|in support of|in solidarity))\b", re.I)
# Words that make a sentence political violence even when a disaster or crime word is present.
_STRONG = (r"militants?|insurgents?|terroris\w+|gunmen|suicide|IEDs?|improvised|bomb(?:s|ings?|ers?)?|"
           r"explosives?|explosive devices?|air ?strikes?|rockets?|"
           r"mortars?|shell(?:ing|ed)|ISIS|ISIL|Daesh|Islamic State|jihadis\w*|rebels?|militia\w*|troops|"
           r"soldiers|army|protest\w*|demonstrat\w+|kidnap\w*|abduct\w*|clash\w*|ambush\w*|"
           # French and Spanish
           r"jihadistes?|djihadistes?|terroristes?|rebelles|soldats|militaires|explosifs?|embuscades?|affrontements?|"
           r"enlev(?:é|ée|és|ées|ement)|terroristas?|guerriller\w+|disidentes|soldados|militares|explosivos?|embosc\w*|"
           r"enfrentamientos?|secuestr\w*|sicarios")
STRONG_RE = re.compile(rf"\b(?:{dispatched(split_alternatives(_STRONG))})\b", re.I)
HYPOTHETICAL_RE = re.compile(r"\b(?:(?:is|are|remain|remains) (?:\w+ )?likely to (?:\w+ )?|keep (?:on )?|"
                             # "calls on the M23 to cease all attacks on civilians": a demand, not an act
                             r"(?:calls?|called|urged?|urging|demands?|demanded) (?:on )?(?:[\w'’-]+ ){0,6}?to "
                             r"(?:cease|stop|end|halt|refrain from)(?: all| any| further)?|(?:cease|stop|end|halt)(?: all| any)|"
                             # "decided on a general cessation of hostilities, in particular of M23 attacks"
                             r"(?:cessation|suspension|halt|end) (?:to|of)(?:\s+[\w'’,-]+){0,5}|"
                             r"(?:operations?|offensives?|campaigns?|push|bid|efforts?|drive|plans?) to|threat(?:en(?:ed|s|ing)?)?|plan(?:s|ned|ning)?|vow(?:s|ed)?|warn(?:s|ed|ing)?|could|would|"
                             r"expect(?:ed|s|ing)?|anticipat\w*|forecast\w*|"
                             r"might|(?-i:may)(?: also)?(?: have)?(?: been)?|will|intend(?:s|ed)?|call(?:s|ed)? for|fear(?:s|ed)?|possible|prevent(?:ed)?|"
                             r"ready to|risk of|denied|deny|denies)\s+(?:to\s+|of\s+|an?\s+|the\s+|further\s+|"
                             r"new\s+|more\s+)*(?:\w+\s+)?$", re.I)
# "condemned the violence" is talk; "condemns the attack carried out yesterday by Boko Haram ...
# which claimed the lives of 92 soldiers" reports the attack it condemns
CONDEMNED_RE = re.compile(r"\bcondemn(?:s|ed|ing)?\s+(?:(?:in the )?(?:strongest|strong) terms\s+)?(?:an?\s+|the\s+|"
                          r"this\s+|these\s+|such\s+|all\s+|further\s+|new\s+|more\s+)*(?:[\w-]+\s+){0,2}$", re.I)
SPECIFIC_ACT_RE = re.compile(r"\b(?:carried out|committed|perpetrated|yesterday|last night|this morning|on (?:monday|tuesday|"
                             r"wednesday|thursday|friday|saturday|sunday)|on \d{1,2}\b|killing \d|killed \d|"
                             r"(?:claimed|took) the lives|left \d+|"
                             # French and Spanish: "condamne l'attaque d'hier qui a fait 12 morts"
                             r"hier|ce matin|cette nuit|ayer|anoche|esta mañana|(?:a|ont) fait \d|dej(?:ó|aron) \d|"
                             r"\d+ (?:morts|tués|muertos|fallecidos))", re.I)
# French and Spanish talk about violence rather than news of it: a threat, a fear, a plan, a fight against
# it in general ("le gouvernement craint de nouvelles attaques", "el plan para prevenir ataques")
_TALK_FR_ES = (r"\b(?:menaces?|menac(?:é|ée|és|ent|ait)|risques?|crain\w*|crainte|redout\w*|pourrai(?:t|ent)|"
               r"prévoi\w*|projet(?:te|tent|ait)?|planifi\w*|éviter|prévenir|lutte contre|lutter contre|"
               r"amenaz\w*|riesgo|tem(?:e|en|ía|ían|or)|podría|podrían|planea\w*|evitar|prevenir|"
               r"lucha contra|luchar contra|combatir)")
TALK_FR_ES_CUE_RE = re.compile(rf"\b(?:{dispatched(split_alternatives(_TALK_FR_ES[5:-1]))})", re.I)  # looked for once a sentence, before the cue is tried at each trigger
TALK_FR_ES_RE = re.compile(_TALK_FR_ES + r"\s+(?:(?:de|d['’]|les|la|le|l['’]|des|du|un|une|una?|unos|unas|"
                           r"las|los|el|nouvelles?|nouveaux|nuevos?|nuevas?|futures?|éventuelles?|posibles?|toute?s?|"
                           r"cualquier|d['’]autres|otros?|otras?|más)\s*)*(?:[\w'’-]+\s+)?$", re.I)
CONDEMNED_FR_ES_RE = re.compile(r"\b(?:condamn\w*|conden\w*|dénonc\w*|denunci\w*|déplor\w*|deplor\w*|repudi\w*)\s+"
                                r"(?:(?:avec la plus grande fermeté|enérgicamente|fermement|firmemente)\s+)?"
                                r"(?:les?\s+|la\s+|l['’]|des\s+|el\s+|los\s+|las\s+|ces\s+|cet\s+|cette\s+|este\s+|esta\s+|"
                                r"estos\s+|estas\s+|tout(?:e|es)?\s+|todo\s+|toda\s+|todos\s+|todas\s+)*(?:[\w'’-]+\s+){0,2}$",
                                re.I)


def _condemned_in_general(sentence: str, match: re.Match[str]) -> bool:
    return bool(CONDEMNED_RE.search(sentence, 0, match.start()) or CONDEMNED_FR_ES_RE.search(sentence, 0, match.start())) \
        and not SPECIFIC_ACT_RE.search(sentence, match.end())


# "The rainy season is expected to reduce mobility but not to end attacks on villages": an outlook,
# however far the act is from the expectation in its clause
OUTLOOK_RE = re.compile(r"\b(?:is|are|remains?) (?:\w+ )?(?:expected|likely|unlikely|set) to\b[^.;:]{0,100}$", re.I)
CUE_WINDOW = 160
"""How far before a trigger a hypothetical, negation or outlook cue may stand (characters)."""
OUTLOOK_CUE_RE = re.compile(r"\b(?:expected|likely|unlikely|set) to\b", re.I)
OUTLOOK_AFTER_RE = re.compile(r"\s+(?:is|are|remains?) (?:\w+ )?(?:expected|likely|unlikely|set) to\b", re.I)
# "strikes on groups it accused of carrying out a chlorine attack": the weapon belongs to another act
OTHER_ACT_RE = re.compile(r"\b(?:accus(?:ed|es|ing) (?:\w+ ){0,3}of (?:carrying out |conducting |launching |staging |using )?|"
                          r"in retaliation for|in response to|retaliat\w+ (?:for|against)|in revenge for|"
                          # "captured a commander who carried out a mortar shelling": his record, not this act
                          r"(?:who|that|which) (?:had |has |have )?(?:previously |allegedly |reportedly )?(?:carried out|"
                          r"conducted|was behind|were behind|planned|orchestrated|masterminded|staged|organi[sz]ed|"
                          r"took part in|participated in)|"
                          # "a rebel group that has pledged allegiance to IS": the group's history, not news
                          r"(?:who|that|which) (?:has|have|had) (?:long |since |previously |repeatedly |also )?)\s*"
                          r"(?:an? |the |its |their |his )?(?:[\w'’-]+ ){0,3}$", re.I)
# inside an after/before clause: the cue and no comma, semicolon or "then" up to the trigger
# "pulled out without a fight", "no clashes were reported": the act did not happen
NEGATED_RE = re.compile(r"\b(?:without|no|never|not|nor)\s+(?:a |any |an )?(?:(?:new|major|militant|further|"
                        r"reported|significant|armed|security)\s+)?$"
                        # "No verified report of major attacks in the Gao region", "no reports of fighting"
                        r"|\bno\s+(?:(?:verified|confirmed|credible|independent|new|further)\s+)?(?:reports?|news|sign|signs|"
                        r"evidence|indication)\s+(?:of\s+)?(?:any\s+)?(?:(?:new|major|significant|further|large-scale)\s+)?$"
                        # "sans combat", "aucune attaque", "sin enfrentamientos", "ningún ataque"
                        r"|\b(?:sans|aucune?|pas d['’]|pas de|sin|ningún|ninguna|no hubo|no se registraron)\s+(?:(?:nouvelles?|nouveaux?|"
                        r"nuevos?|nuevas?)\s+)?$", re.I)
# "Further attacks cannot be ruled out": a forecast, whatever its verb
FORECAST_RE = re.compile(r"\b(?:cannot|can't|could not|can not) be (?:ruled out|excluded)|\b(?:further|more|new) "
                         r"(?:\w+ )?(?:attacks?|violence|clashes|strikes) (?:are|is|remain|remains) (?:likely|possible|expected)",
                         re.I)
SUBORDINATE_RE = re.compile(r"\b(?:after|before|following|since|prior to|in the wake of)\s(?:(?!\bthen\b)[^,;:.])*$", re.I)
BILATERAL_RE = re.compile(r"\b(?:clash\w*|fight\w*|fought|battl\w*|shoot-?outs?|gun ?battles?|gunfights?|fire ?fights?|exchang\w* (?:of )?"
                          r"(?:gun)?fire|skirmish\w*|"
                          # French and Spanish: "affrontements", "combats", "accrochage", "échanges de tirs", "enfrentamientos"
                          r"affront\w*|s['’]affront\w*|(?:\w+ )?combats?|accrochages?|échanges? de tirs|enfrent\w*|se enfrent\w*|"
                          r"combates?|intercambios? de disparos)\b", re.I)
ARMED_OBJECT_RE = re.compile(r"\b(?:convoy|base|checkpoint|patrol|outpost|barracks|garrison|military|army|troops|soldiers|"
                             r"police|forces|fighters|militants|positions?|airport|airbase|air base|headquarters|"
                             # French and Spanish
                             r"convoi|patrouilles?|postes?|camp militaire|caserne|militaires|soldats|gendarmes|gendarmerie|"
                             r"policiers|commissariat|troupes|FDS|FAMa|FARDC|VDP|militaire|"
                             r"patrullas?|cuartel|batallón|estación de policía|puesto|militares|soldados|policías|tropas|"
                             r"fuerzas|uniformados|ejército|militar|policial)\b", re.I)


@dataclass(frozen=True, slots=True)
class Classification:
    sub_event_type: str
    event_type: str
    priority: int
    start: int  # the trigger, within the sentence
    end: int
    roles: Roles


def classify(sentence: str, actors: list[ActorMention]) -> Classification | None:
    """The best-supported sub-event type for the sentence, or None when it reports no event."""
    if not any_trigger().search(sentence) or FORECAST_RE.search(sentence):
        return None
    if out_of_scope_pattern().search(sentence) and not STRONG_RE.search(sentence) and not PROTEST_RE.search(sentence):
        return None  # a disaster or a crime -- but a march against corruption is still a protest
    protest = bool(PROTEST_RE.search(sentence))
    # "The gunmen struck the post after a roadside bomb went off, then fought the police": the main
    # clause's act outranks one told in an after/before clause, which is only used when it is all there is
    deferred: list[tuple[Rule, re.Match[str]]] = []
    # the rarer cues are looked for once, so a sentence without them pays nothing per trigger
    outlook = OUTLOOK_CUE_RE.search(sentence) is not None
    talk = TALK_FR_ES_CUE_RE.search(sentence) is not None
    condemned = "ondemn" in sentence or "ondamn" in sentence or "onden" in sentence or "énon" in sentence \
        or "enunci" in sentence or "éplor" in sentence or "eplor" in sentence or "epudi" in sentence
    for rule in rules():
        if rule.unless is not None and rule.unless.search(sentence):
            continue
        for match in rule.pattern.finditer(sentence):
            # what qualifies a trigger stands just before it: look back a window, not the whole sentence
            near = max(0, match.start() - CUE_WINDOW)
            if (HYPOTHETICAL_RE.search(sentence, near, match.start()) or OTHER_ACT_RE.search(sentence, 0, match.start())
                    or (talk and TALK_FR_ES_RE.search(sentence, near, match.start()))
                    or (condemned and _condemned_in_general(sentence, match))
                    or NEGATED_RE.search(sentence, near, match.start())
                    or (outlook and (OUTLOOK_RE.search(sentence, near, match.start())
                                     or OUTLOOK_AFTER_RE.match(sentence, match.end())))):
                continue
            if SUBORDINATE_RE.search(sentence, 0, match.start()):
                deferred.append((rule, match))
                continue
            found = _classified(rule, sentence, match, actors, protest)
            if found is not None:
                return found
    return next((found for rule, match in deferred
                 if (found := _classified(rule, sentence, match, actors, protest)) is not None), None)


def _classified(rule: Rule, sentence: str, match: re.Match[str], actors: list[ActorMention],
                protest: bool) -> Classification | None:
    roles = assign_roles(sentence, actors, match.start(), match.end())
    if not _condition_holds(rule, sentence, match, roles, protest):
        return None
    return Classification(rule.sub_event_type, event_type_of(rule.sub_event_type) or "", rule.priority,
                          match.start(), match.end(), roles)


def _condition_holds(rule: Rule, sentence: str, match: re.Match[str], roles: Roles, protest: bool) -> bool:
    need = rule.requires
    if need is None:
        return True
    if need == "protest":
        return protest
    if need == "no_protest":
        return not protest
    if need == "armed_target":
        return _armed_target(sentence, match, roles)
    if need == "civ_target":
        return not _armed_target(sentence, match, roles)
    if need == "two_armed_parties":
        sides = {a.template for a in (roles.perpetrator, roles.target, *roles.others)
                 if a is not None and a.actor_type in ARMED_ACTOR_TYPES and not a.template.startswith("Government")}
        return len(sides) >= 2
    if need == "armed_actor":
        return any(a.actor_type in ARMED_ACTOR_TYPES and not (a.generic and a.actor_type == "State forces"
                                                               and a.template.startswith("Government"))
                   for a in (roles.perpetrator, roles.target, *roles.others) if a is not None)
    if need == "state_actor":
        # "the militants were pushed back from their strongholds in a battle with government forces":
        # no grammatical agent, but the only state side named is the one taking ground
        if roles.perpetrator is not None:
            return roles.perpetrator.actor_type == "State forces"
        return any(a.actor_type == "State forces" for a in (roles.target, *roles.others) if a is not None) and (
            roles.target is None or roles.target.actor_type != "State forces")
    if need == "nonstate_actor":
        return roles.perpetrator is not None and roles.perpetrator.actor_type != "State forces"
    raise ValueError(f"unknown rule condition {need!r}")


def _armed_target(sentence: str, match: re.Match[str], roles: Roles) -> bool:
    """Battle or attack: ACLED's test is whether the side attacked was armed."""
    if BILATERAL_RE.match(sentence, match.start()):
        return True
    target = roles.target
    if target is not None:
        return target.actor_type in ARMED_ACTOR_TYPES
    window = sentence[match.end():match.end() + 60]
    if ARMED_OBJECT_RE.search(window):
        return True
    perpetrator = roles.perpetrator
    return perpetrator is not None and perpetrator.actor_type == "State forces"
