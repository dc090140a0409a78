"""Counting and citing what the rules say (issue 20 part 9), case by case on the pure engine:
public order against an identified victim (R-NCRS-STATE), a crime reported twice (R-CANCEL-C3-DUPLICATE),
points to prove not made out (R-NCRS-STATE), a victim who wants no police action (R-NCRS-VICTIM-BELIEF)
and a report by a friend or other member of the public (R-NCRS-THIRD-PARTY)."""

from __future__ import annotations

import pytest

from recording import rules
from recording.rules import Victim, decide
from recording.tests.test_rules import a, crimes_of, ho_classes, ho_offences, person, report


# ---------------------------------------------------------------- public order against a named victim
@pytest.mark.parametrize("offence", ["9A", "9B", "125/9", "125/11", "125/12"])
def test_public_order_against_a_named_person_counts_per_victim_and_joins_the_principal_comparison(
    offence: str,
) -> None:
    decision = decide(report(a("A1", "V1", offence), a("A2", "V1", "8N")), ho_offences())
    assert crimes_of(decision) == [("V1", "8N", ("A1", "A2"))]
    assert decision.crimes[0].counted_per == "victim"
    assert {"R-NCRS-STATE", "R-PRINCIPAL", "R-ONE-PER-VICTIM"} <= set(decision.crimes[0].rules)
    assert "R-VICTIMLESS-COUNT" not in decision.rules
    assert "public order is state-based only with no specific victim" in " ".join(decision.explanation)


@pytest.mark.parametrize("offence", ["9A", "9B", "125/12"])
def test_public_order_alone_against_a_named_person_is_one_crime_for_that_victim(offence: str) -> None:
    decision = decide(report(a("A1", "V1", offence), a("A2", "V2", offence)), ho_offences())
    assert [(c.victim, c.counted_per) for c in decision.crimes] == [("V1", "victim"), ("V2", "victim")]


def test_9b_against_a_named_person_counts_per_victim_whatever_its_class_flag_says() -> None:
    # 9B's class flag in ho_offences.csv is false (state-based) and no offence code reaches it.
    assert ho_classes()["9B"].victim_based is False
    decision = decide(report(a("A1", "V1", "9B")), ho_classes())
    assert decision.crimes[0].counted_per == "victim" and decision.crimes[0].victim == "V1"


@pytest.mark.parametrize("offence", ["9A", "9B", "125/12"])
def test_public_order_with_no_specific_victim_counts_per_offender(offence: str) -> None:
    decision = decide(report(a("A1", None, offence, offenders=("O1",))), ho_offences())
    assert decision.crimes[0].counted_per == "offender"
    assert {"R-NCRS-STATE", "R-VICTIMLESS-COUNT"} <= set(decision.rules)


def test_public_order_against_a_person_who_cannot_be_identified_counts_per_offender() -> None:
    victims = (Victim("V1", "person", unreachable=True),)
    decision = decide(report(a("A1", "V1", "9A"), a("A2", "V1", "8N"), victims=victims), ho_offences())
    assert sorted((c.offence, c.counted_per) for c in decision.crimes) == [
        ("8N", "victim"),
        ("9A", "offender"),
    ]


# ---------------------------------------------------------------- the same crime reported twice
def test_the_same_offence_reported_twice_is_a_duplicate_not_a_principal_merge() -> None:
    decision = decide(report(a("A1", "V1", "8N"), a("A2", "V1", "8N")), ho_offences())
    assert crimes_of(decision) == [("V1", "8N", ("A1", "A2"))]
    assert "R-CANCEL-C3-DUPLICATE" in decision.crimes[0].rules
    assert "R-PRINCIPAL" not in decision.rules
    text = " ".join(decision.explanation)
    assert "the same crime reported again" in text and "most serious offence" not in text


def test_a_duplicate_beside_a_lesser_offence_cites_both_rules() -> None:
    decision = decide(report(a("A1", "V1", "8N"), a("A2", "V1", "8N"), a("A3", "V1", "105A")), ho_offences())
    assert crimes_of(decision) == [("V1", "8N", ("A1", "A2", "A3"))]
    assert {"R-CANCEL-C3-DUPLICATE", "R-PRINCIPAL"} <= set(decision.rules)
    line = decision.explanation[0]
    assert "A2 reports the same offence" in line and "A3 is part of this one crime" in line


def test_the_same_offence_in_separate_incidents_is_two_crimes_not_a_duplicate() -> None:
    decision = decide(report(a("A1", "V1", "8N", "I1"), a("A2", "V1", "8N", "I2")), ho_offences())
    assert len(decision.crimes) == 2 and "R-CANCEL-C3-DUPLICATE" not in decision.rules


def test_two_offences_of_one_class_with_different_codes_are_a_principal_merge() -> None:
    decision = decide(report(a("A1", "V1", "125/9"), a("A2", "V1", "125/11")), ho_offences())
    assert "R-PRINCIPAL" in decision.rules and "R-CANCEL-C3-DUPLICATE" not in decision.rules


def test_a_household_burgled_twice_in_one_report_keeps_the_household_rule() -> None:
    victims = (Victim("H1", "household"),)
    decision = decide(report(a("A1", "H1", "28E"), a("A2", "H1", "28E"), victims=victims), ho_offences())
    assert "R-VICTIM-HOUSEHOLD" in decision.rules and "R-CANCEL-C3-DUPLICATE" not in decision.rules


# ---------------------------------------------------------------- points to prove (R-NCRS-STATE)
@pytest.mark.parametrize("offence", ["92E", "9A", "9B", "125/12", "66"])
def test_a_state_based_offence_whose_points_to_prove_are_not_made_out_cites_r_ncrs_state(
    offence: str,
) -> None:
    decision = decide(report(a("A1", None, offence, believed=False)), ho_offences())
    assert not decision.crimes
    assert [(n.allegation, n.rule) for n in decision.not_recorded] == [("A1", "R-NCRS-STATE")]
    assert decision.rules == ("R-NCRS-STATE",)
    assert "points to prove" in decision.explanation[0] and "(R-NCRS-STATE)" in decision.explanation[0]


def test_an_offence_against_a_named_victim_not_believed_cites_the_recording_test_not_points_to_prove() -> (
    None
):
    decision = decide(report(a("A1", "V1", "9A", believed=False)), ho_offences())
    assert [n.rule for n in decision.not_recorded] == ["R-NCRS-BOP"]


# ---------------------------------------------------------------- the victim's wishes
def test_a_victim_who_wants_no_police_action_still_has_the_crime_recorded() -> None:
    victims = (Victim("V1", "person", supports_action=False), *person("V2"))
    decision = decide(report(a("A1", "V1", "8N"), a("A2", "V2", "8N"), victims=victims), ho_offences())
    assert crimes_of(decision) == [("V1", "8N", ("A1",)), ("V2", "8N", ("A2",))]
    assert "R-NCRS-VICTIM-BELIEF" in decision.crimes[0].rules
    assert "R-NCRS-VICTIM-BELIEF" not in decision.crimes[1].rules
    assert "V1 does not want police action, and it is still recorded" in decision.explanation[0]


def test_supports_action_is_true_unless_said() -> None:
    assert Victim("V1", "person").supports_action is True
    decision = decide(report(a("A1", "V1", "8N")), ho_offences())
    assert "R-NCRS-VICTIM-BELIEF" not in decision.rules


# ---------------------------------------------------------------- who reported
def test_a_friend_or_other_member_of_the_public_is_a_third_party() -> None:
    waiting = decide(report(a("A1", "V1", "8N", victim_contacted=False), reporter="other"), ho_offences())
    assert not waiting.crimes and [w.allegation for w in waiting.awaiting_confirmation] == ["A1"]
    assert "a friend, neighbour or other member of the public" in waiting.explanation[0]
    spoken = decide(report(a("A1", "V1", "8N"), reporter="other"), ho_offences())
    assert len(spoken.crimes) == 1 and "R-NCRS-THIRD-PARTY" in spoken.rules
    assert rules.Reporter("other") is rules.Reporter.OTHER
