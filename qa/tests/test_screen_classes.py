"""The principal class, patterns version 9 (issue 21): the classes the Home Office counting rules give by
who did it, to whom and how (a family member, a position of trust, a mental disorder, a child caused or
incited, a weapon carried into a home, a threat sent rather than said, a demand with a menace), each
pattern, cue and engine rule with a test (pure: no database). Every narrative is written for this file."""

from __future__ import annotations

import copy

import pytest

from qa.screen import PatternError, ScreenResult, compile_patterns, screen
from qa.screen.defaults import default_pattern_set, default_pattern_text, ho_offences, parse_pattern_text

# One narrative for each pattern, cue and upgrade version 9 adds, for the check that every one of the
# shipped data is exercised (test_screen_rules); each is also asserted on below.
EXERCISED = (
    "A man pointed a handgun at him through the car window and said he was dead. RP terrified.",
    "Escort staff report a remand prisoner slipped his cuffs at the hospital and ran. Located later.",
    "Mum says a man online made her watch porn; her daughter is 11 and did it.",
    "Support worker says a woman (29) reports her partner arranges her clients and takes half her money.",
    "Two men forced the back door of the house, one holding a machete, and took cash and keys.",
    "School reports a girl (14) disclosed that her stepdad has been touching her breasts at night.",
    "Care manager says a visitor was found touching the resident's breasts. The resident (f, 30) has a "
    "mental age of 6.",
    "RP (f, 19) received one DM from a girl at school: 'I'll break your legs'. RP is frightened.",
    "He slapped her and took her phone so she couldn't call anyone. Cut lip.",
)


def run(narrative: str) -> ScreenResult:
    return screen(narrative, "PS-OTHER", default_pattern_set())


def classes(narrative: str) -> list[str]:
    return [c.offence for c in run(narrative).crimes]


def principal(narrative: str) -> str:
    result = run(narrative)
    assert result.verdict == "crime" and result.crimes, result
    return result.crimes[0].offence


def test_an_age_in_brackets_the_tokeniser_keeps_whole_is_read() -> None:
    assert principal("Mum says her daughter (8) told her a neighbour touched her bottom.") == "20B"


# ---- rape: penetration in a child's or a log's words (SX-RAPE-WORD) ----


@pytest.mark.parametrize(
    "words",
    [
        "put his willy in my mouth",
        "put his private part inside her",
        "stuck his thing in her",
        "pushed his penis into her",
    ],
)
def test_penetration_in_a_childs_words_is_rape_of_a_child(words: str) -> None:
    assert (
        principal(f"Teacher reports a girl (8) told her that the lodger '{words}' at the weekend.") == "19E"
    )


def test_forced_anal_sex_on_a_man_is_rape_of_a_male() -> None:
    assert (
        principal("Man (24) says a stranger at the party forced him to have anal sex in the bathroom.")
        == "19F"
    )


# ---- causing sexual activity (SX-CAUSING, by the victim's age) ----


@pytest.mark.parametrize(
    ("who", "expected"),
    [("a woman (30)", "22A"), ("a girl (14)", "22B"), ("a boy (9)", "21")],
)
def test_making_someone_touch_the_offender_is_causing_sexual_activity_by_age(who: str, expected: str) -> None:
    assert (
        principal(f"Report that {who} was made to touch his penis by a neighbour in the stairwell.")
        == expected
    )


@pytest.mark.parametrize(
    "words",
    [
        "pulled her hand into his boxers",
        "grabbed her hand, forcing it onto his penis",
        "forced her hand onto his crotch",
    ],
)
def test_an_adults_hand_forced_onto_the_offender_is_22a(words: str) -> None:
    assert principal(f"RP (f, 27) says her colleague {words} in the lift and held it there.") == "22A"


def test_a_hand_put_down_his_trousers_is_left_to_the_sexual_assault_readings() -> None:
    narrative = "RP (m, 22) says a woman in the club put her hand down his trousers and grabbed his penis."
    assert principal(narrative) == "17A"


# ---- inciting a child (SX-INCITE-CHILD): 21 under 13, 22B under 16, nothing for an adult ----

INCITE = [
    "told her to take her clothes off",
    "asked her to touch herself",
    "made her watch porn",
    "showed her rude videos",
    "asked her to send naked pictures",
    "persuaded her to send nude selfies",
]


@pytest.mark.parametrize("words", INCITE)
def test_inciting_a_child_under_13_is_21(words: str) -> None:
    assert principal(f"Mum says a man online {words}; her daughter is 11 and did it.") == "21"


@pytest.mark.parametrize("words", INCITE)
def test_inciting_a_child_under_16_is_22b(words: str) -> None:
    assert principal(f"Mum says a man online {words}; her daughter is 14 and did it.") == "22B"


def test_the_same_words_to_an_adult_make_out_no_class() -> None:
    result = run("RP (f, 35) says her boyfriend asked her to send naked pictures and she did.")
    assert not {"21", "22B"} & {c.offence for c in result.crimes}
    assert any("SX-INCITE-CHILD" in d.patterns for d in result.discounted)


def test_sending_sexual_messages_to_a_child_stays_grooming() -> None:
    narrative = (
        "Man (40) stopped at the station after sending her sexual messages"
        "; she is 13 and he arranged to meet her."
    )
    assert principal(narrative) == "88A"


# ---- familial child sexual abuse (FAMILIAL, UPG-FAMILIAL): 23 for a child of 13-17, not under 13 ----


@pytest.mark.parametrize(
    "offender",
    ["her stepdad has been", "her older brother (19) has been", "her uncle keeps", "her grandad was"],
)
def test_a_family_member_touching_a_child_of_13_to_17_is_familial(offender: str) -> None:
    narrative = f"School reports a girl (14) disclosed that {offender} touching her breasts at night."
    result = run(narrative)
    assert result.crimes[0].offence == "23"
    assert "UPG-FAMILIAL" in result.crimes[0].patterns


def test_sex_with_his_own_daughter_of_15_is_familial() -> None:
    assert (
        principal("Mother says her husband has been having sex with his own daughter (15) for a year.")
        == "23"
    )


def test_a_family_member_with_a_child_under_13_keeps_the_under_13_class() -> None:
    narrative = "Teacher reports a girl (7) said her uncle touches her private parts when he babysits."
    assert principal(narrative) == "20B"


def test_a_mother_who_reports_is_not_the_offender() -> None:
    narrative = "Her mum reported that a man at the park touched her daughter's bottom; the girl is 14."
    assert principal(narrative) == "20A"


def test_a_family_member_and_an_adult_victim_is_not_familial() -> None:
    assert principal("RP (f, 32) says her brother has been touching her breasts when drunk.") == "20A"


# ---- position of trust (SX-TRUST, version 9's): 73 for 16 and 17 ----


@pytest.mark.parametrize("role", ["teacher", "football coach", "youth worker", "scout leader"])
def test_a_sexual_relationship_with_a_17_year_old_in_their_care_is_73(role: str) -> None:
    narrative = f"Head of centre says a {role} (41) has been in a sexual relationship with a pupil aged 17."
    assert principal(narrative) == "73"


def test_a_driving_instructor_is_not_a_position_of_trust() -> None:
    narrative = (
        "Dad says the driving instructor (50) has been in a sexual relationship with his daughter (17)."
    )
    assert "73" not in classes(narrative)


# ---- a mental disorder (UPG-MENTAL-DISORDER): 70 ----


@pytest.mark.parametrize(
    "cue", ["has a severe learning disability", "cannot consent per her care plan", "has a mental age of 6"]
)
def test_sexual_touching_of_someone_who_cannot_consent_by_disorder_is_70(cue: str) -> None:
    narrative = (
        f"Care manager says a visitor was found touching the resident's breasts. The resident (f, 30) {cue}."
    )
    assert principal(narrative) == "70"


# ---- sexual exploitation and prostitution (SX-CSE, SX-PROSTITUTION by age) ----


def test_a_child_paid_for_sex_is_sexual_exploitation() -> None:
    assert (
        principal("Hotel staff say a man checked in with a girl; the girl is 16 and says he paid for sex.")
        == "71"
    )


def test_men_giving_a_child_money_to_do_stuff_is_sexual_exploitation() -> None:
    narrative = (
        "Care home says a resident (15) goes to a flat where men give her vodka and cash"
        " to 'do stuff' with them."
    )
    assert principal(narrative) == "71"


def test_controlling_an_adults_prostitution_for_gain_is_24() -> None:
    narrative = (
        "Support worker says a woman (29) reports her partner arranges her clients and takes half her money."
    )
    assert principal(narrative) == "24"


# ---- robbery: demands with a menace, a bag pulled off, force then the taking in the next sentence ----


@pytest.mark.parametrize(
    "demand",
    ["give us your phone or", "give me your wallet or", "hand over your cash before", "give us a fiver or"],
)
def test_a_demand_with_a_menace_is_robbery(demand: str) -> None:
    assert principal(f"RP (16) says two lads cornered him: '{demand} you get shanked'. He ran.") == "34B"


def test_a_till_demanded_with_a_menace_is_business_robbery() -> None:
    assert (
        principal("Cashier says a man came in and said 'open the till or I'll cut you', took £200 and ran.")
        == "34A"
    )


def test_made_to_hand_over_is_robbery() -> None:
    assert (
        principal("Pupil (12) has been made to hand over his lunch money by older boys who push him about.")
        == "34B"
    )


def test_force_then_the_taking_in_the_next_sentence_is_robbery() -> None:
    narrative = (
        "A man grabbed her round the neck from behind on the underpass. He pulled her bag off and ran."
    )
    assert principal(narrative) == "34B"


def test_a_taking_before_a_blow_in_the_next_sentence_is_not_joined() -> None:
    narrative = (
        "Caller chasing her stolen bike report. She also says her ex pushed her against the wall last night."
    )
    assert "34B" not in classes(narrative)


def test_a_bag_grabbed_and_the_victim_pulled_to_the_ground_is_robbery() -> None:
    assert (
        principal("Woman (70) says a man grabbed her handbag and she was pulled to the ground. Grazed knees.")
        == "34B"
    )


def test_a_phone_snatched_out_of_a_hand_is_theft_from_the_person() -> None:
    assert principal("A lad on an e-bike snatched it out of his hand and rode off. RP not touched.") == "39"


def test_a_phone_taken_so_she_could_not_call_is_no_theft() -> None:
    narrative = "He slapped her and took her phone so she couldn't call anyone. Cut lip."
    result = run(narrative)
    assert result.crimes[0].offence == "8N"
    assert any("FACT-NO-CALL" in d.patterns for d in result.discounted)


def test_a_denial_does_not_reach_past_a_new_subject_after_and() -> None:
    narrative = "The strap didn't break and she was pulled to the floor by the man, who took the bag."
    assert principal(narrative) == "34B"


# ---- a weapon in a burglary, a gun pointed, kept against one's will ----


def test_a_burglary_by_men_armed_with_a_weapon_is_aggravated() -> None:
    narrative = "Two men forced the back door of the house, one holding a machete, and took cash and keys."
    assert classes(narrative)[0] == "29A"


def test_a_business_burglary_with_a_weapon_is_31a() -> None:
    assert classes("Men armed with crowbars broke into the warehouse and took the stock.")[0] == "31A"


def test_a_gun_pointed_at_someone_is_possession_with_intent() -> None:
    assert (
        principal("A man pointed a handgun at him through the car window and said he was dead. RP terrified.")
        == "10A"
    )


@pytest.mark.parametrize(
    "words",
    ["refused to let her out of the car", "locked her in the bedroom all night", "tied him up in the garage"],
)
def test_being_kept_against_their_will_is_kidnapping(words: str) -> None:
    assert classes(f"RP says her ex {words} and slapped her, leaving a bruise.")[0] == "36"


# ---- threats: sent not said, to kill, to damage, a demand with a menace ----


def test_a_threat_of_violence_in_one_message_is_a_malicious_communication() -> None:
    narrative = "RP (f, 19) received one DM from a girl at school: 'I'll break your legs'. RP is frightened."
    result = run(narrative)
    assert result.crimes[0].offence == "8R"
    assert "UPG-SENT" in result.crimes[0].patterns


def test_the_same_words_said_to_her_face_stay_public_order() -> None:
    assert principal("A girl at the bus stop said 'I'll break your legs' to RP, who was frightened.") == "9A"


@pytest.mark.parametrize(
    "words",
    ["burn your house down with you and the kids in it", "you're getting stabbed", "you'll get shot"],
)
def test_a_threat_to_kill_in_other_words_believed_is_3b(words: str) -> None:
    assert principal(f"Neighbour shouted '{words}'. RP believes him and is terrified.") == "3B"


@pytest.mark.parametrize(
    "words",
    [
        "I'll put every window through",
        "I'll be back with a brick for your window",
        "I'll take a chainsaw to your fence",
    ],
)
def test_a_threat_to_damage_is_59(words: str) -> None:
    assert principal(f"RP says the man next door said '{words}' after the row. RP believes he will.") == "59"


def test_a_demand_for_money_with_a_menace_is_blackmail() -> None:
    narrative = (
        "RP says his old boss texted that unless he pays him £500 by Monday"
        " he will tell his wife about the affair."
    )
    assert principal(narrative) == "35"


@pytest.mark.parametrize("words", ["Hitler was right", "no Poles here", "foreigners out"])
def test_hostile_words_about_race_or_religion_shouted_at_someone_alarmed_are_9b(words: str) -> None:
    assert principal(f"A man shouted '{words}' at her outside the shop. She was frightened.") == "9B"


# ---- weapons, vehicles, fraud, custody ----


@pytest.mark.parametrize("weapon", ["CS gas spray", "pepper spray", "a stun gun"])
def test_a_prohibited_weapon_found_is_a_firearms_offence(weapon: str) -> None:
    assert principal(f"Stop search of male on the high street: {weapon} found in his rucksack.") == "10B"


def test_a_moped_taken_is_theft_of_a_motor_vehicle() -> None:
    assert principal("RP's moped was taken from outside his house overnight, steering lock broken.") == "48"


@pytest.mark.parametrize(
    "words",
    ["£900 withdrawn at 3 ATMs", "cash withdrawn from several cashpoints", "his number was sim swapped"],
)
def test_a_card_or_account_used_without_consent_is_53c(words: str) -> None:
    assert (
        principal(f"Bank reports a customer's card fraud: {words} this morning without his consent.") == "53C"
    )


def test_a_treasurer_moving_club_money_into_his_own_account_is_abuse_of_position() -> None:
    narrative = (
        "Chair says the club treasurer has moved £3,000 of members' subs"
        " from the club account to his own account."
    )
    assert principal(narrative) == "53F"


def test_a_prisoner_escaping_is_80() -> None:
    assert (
        principal(
            "Escort staff report a remand prisoner slipped his cuffs at the hospital and ran. Located later."
        )
        == "80"
    )


# ---- ages the log gives ----


@pytest.mark.parametrize("age", ["the girl is 15", "a girl who looks about 15"])
def test_an_age_said_of_the_victim_is_read(age: str) -> None:
    assert principal(f"Staff say {age}; a man touched her breasts in the corridor.") == "20A"
    assert principal(f"Staff say {age}; a man has been having sex with her.") == "22B"


# ---- the engine: the 16-17 band, victims on upgrades, adjacent combinations ----


def _data() -> dict:
    return copy.deepcopy(parse_pattern_text(default_pattern_text()))


def test_a_resolver_without_a_class_for_16_and_17_reads_them_as_adults() -> None:
    assert principal("RP (f, 17) says a man on the train groped her bottom.") == "20A"
    assert principal("RP (f, 17) says a man on the train raped her.") == "19C"


def test_an_upgrade_names_only_age_bands() -> None:
    data = _data()
    data["upgrades"][0]["victims"] = ["teenager"]
    with pytest.raises(PatternError, match="victims"):
        compile_patterns(data, ho_offences())


def test_a_combination_scope_is_sentence_adjacent_or_document() -> None:
    data = _data()
    data["combos"][0]["scope"] = "before"
    with pytest.raises(PatternError, match="scope"):
        compile_patterns(data, ho_offences())


def test_an_age_band_in_a_resolver_must_be_known() -> None:
    data = _data()
    data["resolvers"]["CAUSING"]["by_victim"]["female"]["under21"] = "22B"
    with pytest.raises(PatternError, match="under18"):
        compile_patterns(data, ho_offences())
