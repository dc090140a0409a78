"""Cues added for the screen's known false readings (issue 21 goal): each cue, its scope, and what it
must leave alone (pure: no database)."""

from __future__ import annotations

import pytest

from qa.screen import ScreenResult, screen
from qa.screen.defaults import default_pattern_set


def run(narrative: str) -> ScreenResult:
    return screen(narrative, "PS-OTHER", default_pattern_set())


def set_aside_by(result: ScreenResult) -> set[str]:
    return {p for d in result.discounted for p in d.patterns}


@pytest.mark.parametrize(
    "narrative",
    [
        "RP says her husband threw her out of the house after a row and locked the door. Advised.",
        "RP states partner 'threw her out' of the flat tonight after an argument. Advised re housing.",
        "Son says his dad kicked him out after a row about rent. He is staying with a friend.",
    ],
)
def test_putting_someone_out_of_a_home_is_not_an_assault(narrative: str) -> None:
    result = run(narrative)
    assert result.verdict == "no_crime"
    assert "FACT-EVICTION" in set_aside_by(result)


def test_an_assault_beside_an_eviction_is_still_read() -> None:
    result = run("Her husband threw her out of the house and punched her in the face.")
    assert result.verdict == "crime" and result.crimes[0].offence == "105A"
    assert [e.text for e in result.crimes[0].evidence] == ["punched her in the face"]
    assert "FACT-EVICTION" in set_aside_by(result)


def test_thrown_against_a_wall_is_force_not_an_eviction() -> None:
    result = run("He threw her against the wall during the row.")
    assert result.verdict == "crime" and result.crimes[0].offence == "105A"


@pytest.mark.parametrize(
    "narrative",
    [
        "Male handed in a kitchen knife he found in the park at the front counter. Knife disposed of.",
        "Member of the public handed in a bag of cannabis found on the bus. Destroyed.",
        "Caretaker found a machete in the bushes and put it in the knife amnesty bin.",
    ],
)
def test_a_weapon_or_drugs_handed_in_make_out_no_possession(narrative: str) -> None:
    result = run(narrative)
    assert result.verdict == "no_crime"
    assert "FACT-HANDED-IN" in set_aside_by(result)


def test_a_weapon_found_on_a_person_is_still_possession() -> None:
    result = run("Male searched, a lock knife was found in his pocket; he says he was going to hand it in.")
    assert result.verdict == "crime" and result.crimes[0].offence == "10D"


def test_disclosed_does_not_end_a_denial() -> None:
    result = run("RP has not disclosed any assault by her partner. Advice given.")
    assert result.verdict == "no_crime"
    assert "NEG-NO" in set_aside_by(result)


def test_what_was_disclosed_after_a_denial_is_still_read() -> None:
    result = run("No injuries. She then disclosed that he punched her in the face last week.")
    assert result.verdict == "crime" and result.crimes[0].offence == "105A"


@pytest.mark.parametrize(
    "narrative",
    [
        "RP thought her bracelet had been stolen from the gym but has since found it in her sports bag.",
        "RP reported her phone stolen at the bar; she has now found it in her coat.",
    ],
)
def test_a_loss_found_later_is_set_aside(narrative: str) -> None:
    result = run(narrative)
    assert result.verdict == "no_crime"
    assert "FACT-FOUND-SAFE" in set_aside_by(result)


@pytest.mark.parametrize(
    "narrative",
    [
        "RP (wheelchair user) states a youth tipped his wheelchair backwards and ran off laughing.",
        "Bus driver states a lad flicked his ear and knocked his glasses off before getting off laughing.",
    ],
)
def test_running_off_laughing_is_not_a_joke(narrative: str) -> None:
    result = run(narrative)
    assert result.verdict == "crime" and result.crimes[0].offence == "105A"
    assert "NEG-JEST" not in set_aside_by(result)


def test_a_joke_between_friends_is_still_set_aside() -> None:
    result = run("Two friends play fighting, one slapped the other as a joke, both laughing.")
    assert result.verdict == "no_crime"


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("Drunk male pushed PC 6120 in the chest with both hands. No injuries.", "104"),
        ("One male got aggressive and spat in the face of PC 1171. No injury.", "104"),
        ("On arrival she threw a plate at PC 6677 which hit her on the shoulder, bruise later noted.", "8S"),
    ],
)
def test_an_officer_named_by_collar_number_is_the_victim(narrative: str, expected: str) -> None:
    result = run(narrative)
    assert result.verdict == "crime" and result.crimes[0].offence == expected
    assert "VAP-CONSTABLE" in result.crimes[0].patterns


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("Student (M, 20) said a woman put her hand down his trousers and grabbed his penis.", "17A"),
        ("RP says a man in the sauna reached across and grabbed his balls through his towel.", "17A"),
        ("Boy (11) says a man at the pool touched his privates in the changing room.", "17B"),
        ("He grabbed her breasts with his hand on the bus.", "20A"),
    ],
)
def test_the_victim_of_a_sexual_assault_is_whose_body_the_words_name(narrative: str, expected: str) -> None:
    result = run(narrative)
    assert result.verdict == "crime" and result.crimes[0].offence == expected


@pytest.mark.parametrize(
    "narrative",
    [
        "Shopkeeper reports a customer said his prices were 'daylight robbery' and left. Rude only.",
        "Man told RP 'you absolutely smashed it last night mate' about the darts final. All fine.",
        "Caller worried: her son's friend got jumped into the deep end at the baths. Nobody hurt.",
    ],
)
def test_a_figure_of_speech_is_not_the_act_its_words_name(narrative: str) -> None:
    result = run(narrative)
    assert result.verdict == "no_crime"
    assert {d.why for d in result.discounted if "FACT-IDIOM" in d.patterns} == {"figure_of_speech"}


def test_the_same_words_as_an_act_are_still_read() -> None:
    result = run("He grabbed her phone and smashed it on the floor.")
    assert result.verdict == "crime"
    result = run("He threw up in the taxi and then punched the driver in the face.")
    assert result.verdict == "crime" and result.crimes[0].offence == "105A"
