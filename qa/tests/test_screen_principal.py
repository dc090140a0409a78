"""The principal class (R-PRINCIPAL) and the cues that decide it, pattern by pattern (pure: no database).

Each table names the phrase or cue it exercises; every narrative is written for this file."""

from __future__ import annotations

import copy

import pytest

from qa.screen import PatternError, ScreenResult, compile_patterns, screen
from qa.screen.defaults import default_pattern_set, default_pattern_text, ho_offences, parse_pattern_text


def run(narrative: str) -> ScreenResult:
    return screen(narrative, "PS-OTHER", default_pattern_set())


def classes(narrative: str) -> list[str]:
    return [c.offence for c in run(narrative).crimes]


# ---- threats to kill need the victim's belief (REQ-BELIEF); a blow outranks words heard in a row ----


@pytest.mark.parametrize(
    "reaction",
    [
        "She believes he would",
        "RP is terrified",
        "she is in genuine fear",
        "he believes it",
        "she was scared",
    ],
)
def test_a_threat_to_kill_believed_or_feared_is_3b(reaction: str) -> None:
    assert classes(f"Her brother phoned and said he would kill her when he gets out. {reaction}.")[0] == "3B"


def test_a_threat_to_kill_with_no_word_of_how_it_was_taken_is_public_order() -> None:
    result = run("Neighbour heard the lodger shouting 'I'll kill you' at the landlord on the landing.")
    assert [c.offence for c in result.crimes] == ["9A"]
    assert "REQ-BELIEF" not in {p for d in result.discounted for p in d.patterns}


def test_a_blow_outranks_a_threat_to_kill_heard_in_the_same_row() -> None:
    narrative = (
        "Caller heard a man shout 'I'll f***ing kill you' next door; officers found the woman with a cut "
        "to her forehead, she says he pushed her into the door frame."
    )
    assert classes(narrative) == ["8N"]


# ---- threatening words (VAP-THREAT-WORDS, 9A with alarm) and force offered (VAP-THREAT-VIOLENCE) ----

THREAT_WORDS = [
    "threatened to hit", "threatened to punch", "threatened to batter", "threatened to beat",
    "threatened to smash your face", "i'll smash your face", "smash your face in", "punch your face in",
    "kick your head in", "i'll batter you", "batter you", "knock you out", "i'll hit you",
    "break your legs", "break your neck", "i'll knock you out", "knock your teeth out",
    "knock your head off", "cave your head in", "do you in", "glass you", "bottle you", "deck you",
    "smack you", "slap you", "punch you", "kick you", "hit you", "hurt you", "beat you up",
    "threatened to hurt", "threatened to knock", "threatened to slap", "threatened to kick",
    "threatened to glass", "threatened violence", "threats of violence",
]  # fmt: skip


@pytest.mark.parametrize("words", THREAT_WORDS)
def test_threatening_words_that_alarm_are_public_order(words: str) -> None:
    narrative = f"A man at the taxi rank shouted '{words}' at the marshal, who was scared and went inside."
    result = run(narrative)
    assert result.verdict == "crime" and result.crimes[0].offence == "9A"
    assert "VAP-THREAT-WORDS" in result.crimes[0].patterns


@pytest.mark.parametrize("words", ["knock you out", "threatened to punch", "kick your head in"])
def test_threatening_words_with_no_alarm_make_out_no_offence(words: str) -> None:
    result = run(f"Two lads outside the chip shop, one said '{words}' to his mate, both walked off.")
    assert "9A" not in [c.offence for c in result.crimes]
    assert any("REQ-ALARM" in d.patterns for d in result.discounted)


def test_force_offered_is_still_an_assault() -> None:
    assert classes("The customer raised his fist and lunged at the cashier across the counter.")[0] == "105A"


# ---- injury named by the part it marks (INJURY tokens and phrases) ----


@pytest.mark.parametrize(
    "injury",
    [
        "split her lip", "swollen cheek", "a cut lip", "bruised his arm", "grazed elbow", "bleeding nose",
        "a gash", "a deep gash", "gashes", "a handprint", "a hand print", "a hand mark", "a slap mark",
        "fingertip bruising", "fingertip bruises", "burst lip", "sore jaw", "scratched face", "marked neck",
        "gashed forehead", "fat lip",
    ],
)  # fmt: skip
def test_an_injury_named_by_the_part_it_marks_makes_the_assault_8n(injury: str) -> None:
    assert classes(f"RP says her partner punched her during the row; officers saw {injury}.")[0] == "8N"


def test_a_red_cheek_alone_is_not_read_as_an_injury() -> None:
    assert classes("Son says dad slapped mum; mum has a red cheek.")[0] == "105A"


# ---- "knocked ... over": a person, not a display ----


def test_knocking_over_a_thing_is_not_an_assault() -> None:
    result = run("Customer called the owner names and knocked a display over on the way out, jars broken.")
    assert "105A" not in [c.offence for c in result.crimes]


def test_knocking_over_a_person_is_an_assault() -> None:
    assert classes("The cyclist knocked the woman over on the pavement and rode off.")[0] == "105A"


# ---- sexual offences: oral penetration, exposure, voyeurism, grooming ----

ORAL = [
    "made me suck", "made her suck", "made him suck", "forced me to suck", "forced her to suck",
    "forced him to suck", "suck him off", "suck me off", "suck his penis", "suck his dick",
    "put his penis in her mouth", "put his penis in his mouth", "put his penis in my mouth",
]  # fmt: skip


@pytest.mark.parametrize("words", ORAL)
def test_oral_penetration_is_rape(words: str) -> None:
    # the victim's sex is read from the words ("made him suck" reads a male victim): an adult rape either way
    assert classes(f"Adult told the nurse that the landlord '{words}' last night.")[0] in {"19C", "19F"}


def test_oral_penetration_of_a_boy_under_13_is_19h() -> None:
    narrative = "Man (25) told the counsellor his uncle used to make him suck him off when he was about 9."
    assert classes(narrative)[0] == "19H"


@pytest.mark.parametrize(
    "words",
    [
        "flashed his genitals at her",
        "exposed his penis to her",
        "showed his privates to the girls",
        "got his penis out",
        "pulled his shorts aside",
        "pulled his trousers down",
        "yanked his joggers down",
        "held his phone under her skirt",
        "put a camera up a woman's dress",
    ],
)
def test_exposure_and_voyeurism_named_by_the_act(words: str) -> None:
    assert classes(f"Woman at the bus stop says a man {words} and then walked off.")[0] == "88E"


def test_pulling_trousers_up_is_not_exposure() -> None:
    assert "88E" not in classes("The man pulled his trousers up and walked out of the toilets.")


GROOMING = [
    "send pics of", "send pictures of", "send photos of", "send a picture of", "send a photo of",
    "pics of his privates", "pics of her privates", "pictures of his privates", "pictures of her privates",
    "describing sex acts", "sex acts he wants", "sex acts she wants", "what he is wearing",
    "what she is wearing", "what he was wearing", "what she was wearing", "keep their chats secret",
    "keep the chats secret", "keep it secret", "keep it a secret", "our secret", "our little secret",
    "asked her to send nudes", "asked him to send nudes", "asking for nudes", "asked for nudes", "send nudes",
]  # fmt: skip


@pytest.mark.parametrize("words", GROOMING)
def test_what_an_adult_asks_of_a_child_is_grooming(words: str) -> None:
    narrative = f"Dad found chats on his daughter's tablet (12) from a man of 40: '{words}'."
    assert classes(narrative)[0] == "88A"


def test_sexual_messages_to_a_child_are_grooming_not_harassment_beside_it() -> None:
    narrative = (
        "Mum of a boy (13) found messages from an adult asking him to send pics of his privates, "
        "going on for weeks over snapchat."
    )
    assert classes(narrative) == ["88A"]


# ---- coercive control named in the words victims use ----

COERCIVE = [
    "taken her wages", "has taken her wages", "takes her money", "taken her money", "decides who she can",
    "decides who she sees", "decides where she can", "controls who she sees", "controls what she",
    "reads all her messages", "reads her messages", "checks all her messages", "not allowed to leave",
    "isn't allowed to leave", "isnt allowed to leave", "not allowed to go out", "not allowed to have",
    "not allowed to see", "not allowed to speak", "won't let her leave the house",
    "wont let her leave the house",
]  # fmt: skip


@pytest.mark.parametrize("words", COERCIVE)
def test_coercive_control_in_a_relationship_over_time_is_8u(words: str) -> None:
    assert classes(f"Wife says for the last three years her husband {words}.")[0] == "8U"


# ---- damage named by its means ----


@pytest.mark.parametrize(
    ("narrative", "principal"),
    [
        ("A man dragged a key along the doors of her car in the car park.", "58C"),
        ("Neighbour ran a coin down the side of his van overnight.", "58C"),
        ("Someone poured paint stripper over the bonnet of his car.", "58C"),
        ("Youths threw paint over the front of the shop.", "58B"),
        ("Her ex poured bleach on her clothes in the wardrobe.", "58D"),
        ("Someone sprayed 'out' and a cross on his car while he was at work.", "58C"),
        ("Vandals painted slogans across the front of the mosque.", "58B"),
        ("Her flatmate cut up her clothes with scissors after the row.", "58D"),
        ("Neighbour cut down the roses in her garden out of spite.", "58A"),
        ("Ex slashed the tyres and hacked through the brake cables.", "58C"),
    ],
)
def test_damage_named_by_its_means(narrative: str, principal: str) -> None:
    assert classes(narrative)[0] == principal


@pytest.mark.parametrize(
    "target", ["shed", "garage", "fence", "bins", "caravan", "boat", "business", "garden"]
)
def test_a_threat_to_damage_names_more_targets(target: str) -> None:
    narrative = f"Neighbour said he will torch her {target} if the dog barks again. She believes him."
    assert classes(narrative)[0] == "59"


# ---- fraud on a card, racial hostility, texts, a person taken somewhere ----

CARD = [
    "withdrawn at cash machines", "withdrawn from cash machines", "withdrawn at a cash machine",
    "withdrawn from a cash machine", "cash machine withdrawals", "atm withdrawals", "withdrawn at an atm",
    "withdrawn from an atm", "used at cash machines", "used at a cash machine", "used at an atm",
    "used the card", "using the card", "been using the card", "been using her card", "been using his card",
]  # fmt: skip


@pytest.mark.parametrize("words", CARD)
def test_cash_drawn_on_a_card_is_card_fraud(words: str) -> None:
    assert classes(f"RP says a courier collected her card and £900 was {words} since.")[0] == "53C"


@pytest.mark.parametrize(
    "words",
    [
        "Polish parasite",
        "foreign scum",
        "eastern european scum",
        "told him to go home",
        "told her to go back",
    ],
)
def test_a_people_named_with_a_slur_is_racial(words: str) -> None:
    assert classes(f"Customer pushed him against the shelf and {words}. He was upset.")[0] == "105B"


@pytest.mark.parametrize("words", ["texts", "sms messages", "abusive voicemails"])
def test_repeated_texts_are_harassment(words: str) -> None:
    assert classes(f"Her ex has sent her 30 {words} in two days calling her names. She is scared.")[0] == "8L"


@pytest.mark.parametrize(
    "words",
    [
        "was taken to hospital", "was taken to a&e", "was taken to custody", "taken to hospital",
        "taken to a&e", "taken into custody", "taken to custody", "taken to the station",
        "taken to the police station", "taken home by", "was taken home", "taken to a place of safety",
        "taken by ambulance", "taken to the ward",
    ],
)  # fmt: skip
def test_a_person_taken_somewhere_is_not_property_taken(words: str) -> None:
    result = run(f"Male found collapsed in the street, {words} his friend.")
    assert "49" not in [c.offence for c in result.crimes]


# ---- theft: a taking verb and the thing taken; robbery; from a vehicle (R-CLASS-VEHICLE) ----


@pytest.mark.parametrize("verb", ["took", "stole", "nicked", "pinched", "swiped", "pocketed"])
def test_a_taking_verb_and_the_thing_taken_is_theft(verb: str) -> None:
    assert classes(f"CCTV shows a man {verb} a wallet from the table in the cafe.")[0] == "49"


def test_a_blow_and_a_taking_in_one_sentence_are_robbery() -> None:
    narrative = "Three lads surrounded the boy in the park, one punched him and they took his trainers."
    assert classes(narrative)[0] == "34B"


def test_grabbing_a_phone_to_smash_it_is_not_theft() -> None:
    narrative = (
        "Boyfriend grabbed her mobile out of her hand and smashed it on the floor. He didn't touch her."
    )
    found = classes(narrative)
    assert found[0] == "58D" and not {"39", "49"} & set(found)


def test_damage_to_a_vehicle_and_a_theft_are_one_theft_from_a_vehicle() -> None:
    narrative = "Someone smashed the window of his van overnight and nicked his power tools from the back."
    assert classes(narrative) == ["45"]


def test_damage_to_a_shop_and_a_theft_are_not_a_theft_from_a_vehicle() -> None:
    narrative = "Youths smashed the shop window and the owner says they stole two bottles of vodka."
    assert "45" not in classes(narrative)


def test_a_stolen_car_is_not_also_a_theft_from_it() -> None:
    narrative = "Thieves smashed the car window and stole the car from the drive; his sat nav was inside."
    assert classes(narrative)[0] == "48"


# ---- resolvers: the victim's pocket, a keyholder at a house ----


def test_a_thief_pocketing_a_thing_is_not_a_theft_from_the_person() -> None:
    assert classes("CCTV shows a man pick up her phone from the bar and put it in his pocket.")[0] == "49"


def test_a_thing_taken_from_the_victims_pocket_is_from_the_person() -> None:
    assert classes("On the tram someone stole her purse from her coat pocket.")[0] == "39"


def test_a_keyholder_at_a_house_does_not_make_it_a_business() -> None:
    narrative = "Intruder alarm at 4 Oak Close; keyholder attends, patio door forced and laptop missing."
    assert classes(narrative)[0] == "28E"


# ---- the resolver data: rules alone are enough, nothing at all is refused ----


def test_a_resolver_with_rules_only_compiles_and_one_with_nothing_is_refused() -> None:
    data = copy.deepcopy(parse_pattern_text(default_pattern_text()))
    assert data["resolvers"]["FROM_VEHICLE"].get("default") is None
    compile_patterns(data, ho_offences())
    data["resolvers"]["FROM_VEHICLE"] = {"rules": []}
    with pytest.raises(PatternError, match="resolvers.FROM_VEHICLE"):
        compile_patterns(data, ho_offences())
