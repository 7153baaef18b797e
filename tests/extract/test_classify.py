import pytest

from sitroom.extract.actors import find_actors
from sitroom.extract.classify import classify


def sub_type(sentence: str) -> str | None:
    found = classify(sentence, find_actors(sentence))
    return found.sub_event_type if found else None


@pytest.mark.parametrize(("sentence", "expected"), [
    ("An improvised explosive device struck a supply convoy on the highway.", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up in a crowded market.", "Suicide bomb"),
    ("Three Katyusha rockets landed near the airport.", "Shelling/artillery/missile attack"),
    ("Turkish warplanes struck positions in the mountains.", "Air/drone strike"),
    ("A Russian strike on an apartment block in the city centre left a crater.", "Air/drone strike"),
    ("Gunmen were firing on tourists in the meadow above the town.", "Attack"),
    ("La fiscalía eleva a 16 los muertos de la matanza del domingo en el caserío.", "Attack"),
    ("Twenty killed as rockets struck a market.", "Shelling/artillery/missile attack"),
    ("Two soldiers were killed when their vehicle hit a mine near the border.", "Remote explosive/landmine/IED"),
    ("A drone attack hit a militia headquarters.", "Air/drone strike"),
    ("Militants attacked an army checkpoint, killing two soldiers.", "Armed clash"),
    ("Gunmen shot dead three shepherds near the village.", "Attack"),
    ("Bomb disposal teams defused an explosive device on the road.", "Disrupted weapons use"),
    ("Security forces arrested four suspects in a raid on Monday.", "Arrests"),
    ("Hundreds of students protested peacefully in the square.", "Peaceful protest"),
    ("Police fired tear gas to disperse the demonstrators.", "Protest with intervention"),
    ("Security forces opened fire on protesters, killing five.", "Excessive force against protesters"),
    ("Protesters threw stones and set fire to the party office.", "Violent demonstration"),
    ("Gunmen kidnapped two aid workers on the road.", "Abduction/forced disappearance"),
    ("The two sides agreed to a ceasefire on Sunday.", "Agreement"),
    ("A hand grenade was thrown at a shop.", "Grenade"),
    ("Iraqi forces recaptured the village from the militants.", "Government regains territory"),
    # taking ground "from" a group does not make the group the actor
    ("Army units on Friday freed four villages from the Islamic State.", "Government regains territory"),
    ("Government troops pushed al-Shabaab fighters out of two districts.", "Government regains territory"),
    ("Loyalist forces wrested control of an airbase from the separatists.", "Government regains territory"),
    ("Customs officers seized six pistols, 20 magazines and a box of grenades at the crossing.", "Disrupted weapons use"),
    ("Thousands of residents marched through the capital against rising prices.", "Peaceful protest"),
    ("Dozens of villagers were treated for breathing problems after a poisonous gas attack on the town.", "Chemical weapon"),
    # the weapon of the act being answered is not the weapon of this one
    ("Jets carried out airstrikes on a group the army accused of a chlorine attack on Friday.", "Air/drone strike"),
    ("More than 200 militants surrendered to the army in the mountains.", "Agreement"),
    ("Fighters and their families began leaving the town under an evacuation deal with the government.",
     "Non-violent transfer of territory"),
    # a raid that overruns a post is a clash; holding a captured town is territory
    ("Militants overran an army checkpoint near Baiji, killing four soldiers.", "Armed clash"),
    ("Islamic State fighters captured the town of Hit after a week of fighting.", "Non-state actor overtakes territory"),
    # the main clause's act outranks one told in an after-clause ...
    ("The gunmen stormed the post after a roadside bomb went off, then fought the guards for an hour.", "Armed clash"),
    # ... which still counts when it is all the sentence has
    ("Police sealed the station after two suspicious packages were found in a locker.", "Disrupted weapons use"),
    ("A Telegram channel claims blowing up a supply convoy on the highway.", "Remote explosive/landmine/IED"),
    ("Troops fought off the attack and neutralised the assailants at the gate.", "Armed clash"),
    ("Engineers neutralised a roadside bomb near the bridge.", "Disrupted weapons use"),
    ("Thousands of people marched through the capital against corruption.", "Peaceful protest"),
    ("Police arrested a well-known singer at his home, his wife said.", "Arrests"),
    ("During a shoot-out between bandits and soldiers, two soldiers were injured.", "Armed clash"),
    ("Militants attacked two villages, leaving 12 people dead, according to local vigilantes.", "Attack"),
    ("Troops captured a commander who carried out a mortar shelling of the town last year.", "Arrests"),
    # a bomb in a bin or a device planted by a cartel is still an explosion, whatever the container
    ("A bomb hidden in a rubbish container exploded near a bus stop, wounding five.", "Remote explosive/landmine/IED"),
    ("Rebel fighters retook the town from government forces on Thursday.", "Non-state actor overtakes territory"),
    ("Al-Shabaab fighters entered the town after the army pulled out without a fight.",
     "Non-violent transfer of territory"),
    # gunfire told without a verb: at people it is an attack, between armed sides a clash
    ("Gunfire at the hotel since midnight, guests hiding in their rooms.", "Attack"),
    ("Heavy gunfire between soldiers and rebels near the airport this morning.", "Armed clash"),
])
def test_sub_event_type(sentence, expected):
    assert sub_type(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Workers at the port went on strike on Monday over pay.",
    "The summit decided on a general cessation of hostilities, in particular of rebel attacks against the army.",
    "No verified report of major attacks in the Gao or Timbuktu regions this week.",
    "We ask for the inspection of every active mine in the basin and of safety in mines.",
    "A memorial gathering will be held in front of the mine on Sunday.",
    "There were no reports of fighting in the city overnight.",
    "JNIM claimed responsibility in a statement and said it had seized weapons and vehicles.",
    "An earthquake killed twelve people in the mountains.",
    "The prime minister met his Iranian counterpart in Baghdad.",
    "A fire broke out at a hospital, killing several patients.",
    "The group threatened to attack foreign forces.",
    "Health officials reported new COVID infections.",
    "A furnace at a steel plant in the industrial zone exploded on Monday, injuring four workers.",
    "A contractor suffered a cardiac arrest in the bunker.",
    "No militant attacks were reported in the district this week.",
    "Further attacks on crowded places cannot be ruled out.",
    "A week after the explosion of ammonium nitrate stored in a warehouse at the port, 170 people have died.",
    "The minister died of a heart attack on Sunday.",
    "Nineteen people were killed when their bus plunged off a bridge in the Friday accident.",
    "The army blamed the Allied Democratic Forces, a rebel group that has pledged allegiance to Islamic State.",
    "A spokesman denied it, saying soldiers had carried out the killings as they withdrew.",
    "Celebratory gunfire rang out over the wedding party.",
])
def test_not_political_violence(sentence):
    assert sub_type(sentence) is None


def test_trigger_is_the_evidence():
    sentence = "An explosive device targeted a convoy."
    found = classify(sentence, find_actors(sentence))
    assert found is not None
    assert sentence[found.start:found.end] == "explosive device"


def test_an_operation_to_retake_is_no_territory_taken_yet():
    assert sub_type("The army announced the start of operations to retake the province.") != "Government regains territory"


@pytest.mark.parametrize("sentence", [
    "On Tuesday morning, a similar device hit a pickup truck carrying a ranger patrol, killing two rangers.",
    "A device hidden in a motorcycle went off near the market.",
])
def test_a_device_that_hits_or_goes_off_is_a_blast(sentence):
    c = classify(sentence, find_actors(sentence))
    assert c is not None and c.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("sentence", [
    "The onset of the rainy season is expected to reduce mobility but not to end attacks on villages.",
    "Fighting is likely to spread to the neighbouring district in the coming weeks.",
])
def test_an_outlook_is_no_event(sentence):
    assert classify(sentence, find_actors(sentence)) is None


@pytest.mark.parametrize("sentence", [
    "The Chairperson recalls that the fight against terrorism requires the mobilisation of the whole continent.",
    "The council condemned the violence in the strongest terms.",
])
def test_a_campaign_against_terrorism_or_a_general_condemnation_is_no_event(sentence):
    assert classify(sentence, find_actors(sentence)) is None


def test_condemning_a_specific_attack_reports_it():
    sentence = ("The Chairperson strongly condemns the terrorist attack carried out yesterday by Boko Haram against a "
                "position of the army at Bohoma, which claimed the lives of 92 soldiers.")
    c = classify(sentence, find_actors(sentence))
    assert c is not None and c.event_type == "Battles"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Armed men on motorbikes raided Intazayen, Bakorat, Wistane and nearby hamlets.", "Attack"),
    ("Fighters raided the village at dawn.", "Attack"),
    ("Police raided a house in the town and arrested two suspects.", "Arrests"),
])
def test_armed_men_raiding_villages_attack_them_and_a_police_raid_is_an_arrest(sentence, expected):
    assert sub_type(sentence) == expected


@pytest.mark.parametrize("sentence", ["Attentat-suicide cette nuit au site de déplacés de Nguétchéwé.",
                                      "Une kamikaze s'est fait exploser vers 1h du matin."])
def test_a_suicide_bombing_told_in_french_is_one(sentence):
    assert sub_type(sentence) == "Suicide bomb"


def test_what_may_have_happened_is_no_event_but_may_the_month_is_a_date():
    assert classify("Reports indicate that several women may also have been abducted.", []) is None
    assert sub_type("On 5 May gunmen attacked a market.") == "Attack"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Residents said whole families had been buried in a mass grave on Monday.", None),
    ("A Red Cross team was preparing a mass grave near the camp.", None),
    ("Villagers found a mass grave with 30 bodies near the town.", "Attack"),
    ("A mass grave containing 40 bodies was discovered outside the village.", "Attack"),
])
def test_a_mass_grave_found_is_a_massacre_come_to_light_and_one_dug_is_aftermath(sentence, expected):
    assert sub_type(sentence) == expected


@pytest.mark.parametrize("sentence", ["The Mission calls on the M23 to cease all attacks on civilians.",
                                      "The UN urged all parties to stop attacks on schools."])
def test_a_call_to_stop_attacks_is_no_attack(sentence):
    assert classify(sentence, find_actors(sentence)) is None


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Militants attacked a school late on Friday, killing 41 people and abducting six others.", "Attack"),
    ("Gunmen abducted 20 passengers from a bus on the highway.", "Abduction/forced disappearance"),
])
def test_an_attack_that_kills_and_abducts_is_coded_by_its_killing(sentence, expected):
    assert sub_type(sentence) == expected


def test_a_leader_who_told_a_rally_something_is_no_protest():
    text = "The rebel leader had told a rally in the city that morning that an offensive was under way."
    assert classify(text, find_actors(text)) is None


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Toll from Sunday's Iskander strike on the city centre now 35 dead.", "Shelling/artillery/missile attack"),
    ("Soldiers entered the village before dawn, shot people in their homes and burnt houses.", "Attack"),
])
def test_a_missile_named_by_its_make_and_soldiers_raiding_a_village(sentence, expected):
    found = classify(sentence, find_actors(sentence))
    assert found is not None and found.sub_event_type == expected
