"""complaints.rules: the pure triage and deadline rules (no database). Rule IDs: DOMAIN-complaints.md."""

from __future__ import annotations

import ast
import json
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaints import rules
from complaints.rules import (
    AllegationFacts,
    Complainant,
    NotAComplaint,
    ReviewBody,
    Route,
    TimeLimits,
    TriageError,
    TriageInput,
)
from complaints.selectors.reference import criterion_descriptions, time_limits
from config.working_days import bank_holidays

CATEGORIES = frozenset({"A1", "A3", "A4", "B5", "B6", "H1", "J1"})
EXAMPLES = json.loads(
    (Path(__file__).parent / "data" / "complaints_examples.json").read_text(encoding="utf-8")
)

AFFECTED = Complainant(
    adversely_affected=True, witness=False, acting_for_someone=False, consent_of_affected=False
)
MR_FLAGS = (
    "death_or_serious_injury",
    "serious_assault",
    "serious_sexual_offence",
    "serious_corruption",
    "discriminatory_criminal_or_misconduct",
    "relevant_offence",
)
ALL_FLAGS = (*MR_FLAGS, "could_justify_criminal_or_disciplinary", "article_2_or_3")


def make(
    *,
    allegations: tuple[AllegationFacts, ...] | None = None,
    complainant: Complainant = AFFECTED,
    **kw: Any,
) -> TriageInput:
    """A plain, eligible, informal-handling complaint; override what a test is about."""
    values: dict[str, Any] = {
        "received_at": datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
        "about_chief_officer": False,
        "complainant": complainant,
        "incident_date": date(2026, 2, 20),
        "allegations": (AllegationFacts(category="A1"),) if allegations is None else allegations,
        "complainant_wants_recording": False,
        "complainant_agrees_outside_schedule_3": True,
    }
    values.update(kw)
    return TriageInput(**values)


def triage(inp: TriageInput) -> rules.TriageResult:
    return rules.triage(inp, CATEGORIES)


def person(**kw: bool) -> Complainant:
    base = {
        "adversely_affected": False,
        "witness": False,
        "acting_for_someone": False,
        "consent_of_affected": False,
    }
    base.update(kw)
    return Complainant(**base)


# ---------------------------------------------------------------- worked examples


def example_input(raw: dict[str, Any]) -> TriageInput:
    return TriageInput(
        received_at=datetime.fromisoformat(raw["received_at"]),
        about_chief_officer=raw["about_chief_officer"],
        complainant=Complainant(**raw["complainant"]),
        incident_date=date.fromisoformat(raw["incident_date"]),
        allegations=tuple(AllegationFacts(**a) for a in raw["allegations"]),
        complainant_wants_recording=raw["complainant_wants_recording"],
        complainant_agrees_outside_schedule_3=raw["complainant_agrees_outside_schedule_3"],
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_it_matches_the_worked_examples(example: dict[str, Any]) -> None:
    result = rules.triage(example_input(example["input"]), CATEGORIES, time_limits())
    expected = example["expected"]
    assert result.eligible is expected["eligible"]
    assert result.route == expected["route"]
    assert result.must_refer_to_iopc is expected["must_refer_to_iopc"]
    assert result.appropriate_authority == expected["appropriate_authority"]
    assert set(expected["rules"]) <= set(result.rules)


def test_example_c1_first_update_is_28_days_after_receipt() -> None:
    result = triage(example_input(EXAMPLES[0]["input"]))
    assert result.first_update_due == date(2026, 3, 2)
    assert result.review_body is None


def test_example_c3_chief_officer_complaint_is_reviewed_by_the_iopc() -> None:
    result = triage(example_input(EXAMPLES[2]["input"]))
    assert result.review_body == ReviewBody.IOPC


# ---------------------------------------------------------------- C-DEFINITION / not a complaint


def test_it_treats_any_dissatisfaction_as_a_complaint_c_definition() -> None:
    result = triage(make())
    assert "C-DEFINITION" in result.rules
    assert result.is_complaint


@pytest.mark.parametrize("reason", [r for r in NotAComplaint if r != NotAComplaint.COMPLIMENT])
def test_it_does_not_triage_what_is_not_a_complaint_c_not_a_complaint(reason: str) -> None:
    result = triage(make(not_a_complaint=reason))
    assert (result.eligible, result.route, result.first_update_due, result.is_complaint) == (
        False,
        None,
        None,
        False,
    )
    assert "C-NOT-A-COMPLAINT" in result.rules
    assert "C-DEFINITION" not in result.rules


def test_it_sends_complaints_about_the_pcc_to_the_panel_c_not_a_complaint() -> None:
    result = triage(make(not_a_complaint=NotAComplaint.ABOUT_PCC))
    assert any("Police and Crime Panel" in line for line in result.explanation)


def test_it_records_compliments_separately_c_compliment() -> None:
    result = triage(make(not_a_complaint=NotAComplaint.COMPLIMENT))
    assert result.rules[-1] == "C-COMPLIMENT"
    assert result.route is None and result.review_body is None and not result.is_complaint
    assert any("record it separately" in line for line in result.explanation)


def test_it_rejects_an_unknown_not_a_complaint_reason() -> None:
    with pytest.raises(TriageError) as err:
        triage(make(not_a_complaint="gossip"))
    assert err.value.field == "not_a_complaint"


# ---------------------------------------------------------------- eligibility


@pytest.mark.parametrize(
    ("who", "conduct", "eligible", "rule"),
    [
        (person(subject_of_conduct=True), True, True, "C-ELIG-SUBJECT"),
        (person(adversely_affected=True), True, True, "C-ELIG-AFFECTED"),
        (person(witness=True), True, True, "C-ELIG-WITNESS"),
        (person(), True, False, "C-ELIG-NO"),
        (person(adversely_affected=True), False, True, "C-ELIG-NONCONDUCT"),
        (person(witness=True), False, False, "C-ELIG-WITNESS"),
        (person(subject_of_conduct=True), False, False, "C-ELIG-NONCONDUCT"),
        (person(adversely_affected=True, acting_for_someone=True), True, False, "C-ELIG-ON-BEHALF"),
        (
            person(adversely_affected=True, acting_for_someone=True, consent_of_affected=True),
            True,
            True,
            "C-ELIG-ON-BEHALF",
        ),
        (person(adversely_affected=True, serving_officer_same_force=True), True, False, "C-ELIG-SERVING"),
        (person(subject_of_conduct=True, serving_officer_same_force=True), True, False, "C-ELIG-SERVING"),
    ],
)
def test_eligibility_table(who: Complainant, conduct: bool, eligible: bool, rule: str) -> None:
    result = triage(make(complainant=who, allegations=(AllegationFacts(category="A1", conduct=conduct),)))
    assert result.eligible is eligible
    assert rule in result.rules
    if not eligible:
        assert "C-ELIG-NO" in result.rules


def test_a_witness_may_complain_only_about_the_conduct_allegations_c_elig_witness() -> None:
    result = triage(
        make(
            complainant=person(witness=True),
            allegations=(AllegationFacts(category="H1"), AllegationFacts(category="A4", conduct=False)),
        )
    )
    assert result.eligible and result.route == Route.OUTSIDE_S3
    assert result.ineligible_allegations == (1,)
    assert any("Allegation 2 (A4)" in line and "witness" in line for line in result.explanation)


def test_an_ineligible_person_gets_no_route_update_or_review_c_elig_no() -> None:
    serious = AllegationFacts(
        category="B5", death_or_serious_injury=True, could_justify_criminal_or_disciplinary=True
    )
    result = triage(make(complainant=person(), allegations=(serious,), complainant_wants_recording=True))
    assert (result.eligible, result.route, result.first_update_due, result.review_body) == (
        False,
        None,
        None,
        None,
    )
    assert not result.must_refer_to_iopc and not result.must_record
    assert "C-ELIG-NO" in result.rules
    # A serious matter from someone who may not complain is passed to DSE as a possible conduct matter.
    assert "C-CONDUCT-MATTER" in result.rules


def test_someone_who_only_saw_it_on_social_media_is_not_affected_c_elig_affected() -> None:
    result = triage(make(complainant=person(adversely_affected=True, affected_only_through_media=True)))
    assert not result.eligible
    assert {"C-ELIG-AFFECTED", "C-ELIG-NO"} <= set(result.rules)


def test_an_ineligible_person_is_told_in_writing_c_nonrecord_notice() -> None:
    result = triage(make(complainant=person()))
    assert "C-NONRECORD-NOTICE" in result.rules
    assert any("in writing" in line for line in result.explanation)


def test_a_serious_allegation_a_witness_may_not_complain_about_goes_to_dse_c_conduct_matter() -> None:
    result = triage(
        make(
            complainant=person(witness=True),
            allegations=(
                AllegationFacts(category="H1"),
                AllegationFacts(category="A4", conduct=False, could_justify_criminal_or_disciplinary=True),
            ),
        )
    )
    assert result.eligible and result.route == Route.OUTSIDE_S3
    assert "C-CONDUCT-MATTER" in result.rules


def test_an_ineligible_minor_matter_is_not_passed_to_dse() -> None:
    result = triage(make(complainant=person()))
    assert "C-CONDUCT-MATTER" not in result.rules


def test_a_representative_without_consent_is_told_why_c_elig_on_behalf() -> None:
    result = triage(make(complainant=person(adversely_affected=True, acting_for_someone=True)))
    assert any("written consent" in line for line in result.explanation)


# ---------------------------------------------------------------- outside Schedule 3 and recording


def test_it_allows_informal_handling_when_agreed_and_no_trigger_c_outside_s3() -> None:
    result = triage(make())
    assert result.route == Route.OUTSIDE_S3
    assert {"C-OUTSIDE-S3", "C-OUTSIDE-S3-CONDITIONS"} <= set(result.rules)
    assert not result.must_record and result.review_body is None
    assert "C-REVIEW-RIGHT" in result.rules


@pytest.mark.parametrize("flag", ALL_FLAGS)
def test_any_must_record_trigger_blocks_informal_handling_c_outside_s3_conditions(flag: str) -> None:
    result = triage(make(allegations=(AllegationFacts(category="A1", **{flag: True}),)))
    assert result.route != Route.OUTSIDE_S3
    assert result.must_record
    assert "RR-MANDATORY" in result.recording_reasons


@pytest.mark.parametrize(
    ("wants", "agrees"),
    [(True, False), (False, False), (True, True)],
    ids=["wants", "does-not-agree-to-informal", "wants-even-if-agreed"],
)
def test_it_records_when_the_complainant_wants_it_c_record_when_wanted(wants: bool, agrees: bool) -> None:
    result = triage(make(complainant_wants_recording=wants, complainant_agrees_outside_schedule_3=agrees))
    assert result.route == Route.S3_RP
    assert result.must_record
    assert "C-RECORD-WHEN-WANTED" in result.rules
    assert result.recording_reasons == ("RR-COMPLAINANT-WISH",)


def test_asking_for_recording_beats_agreeing_to_informal_handling_c_outside_s3_escalate() -> None:
    result = triage(make(complainant_wants_recording=True, complainant_agrees_outside_schedule_3=True))
    assert result.route == Route.S3_RP
    assert "C-OUTSIDE-S3-ESCALATE" in result.rules


def test_informal_handling_explains_the_right_to_ask_for_recording_c_outside_s3_escalate() -> None:
    result = triage(make())
    assert "C-OUTSIDE-S3-ESCALATE" in result.rules
    assert any("later ask for it to be recorded" in line for line in result.explanation)


def test_the_appropriate_authority_may_choose_to_record_c_record_discretion() -> None:
    result = triage(make(aa_decides_to_record=True))
    assert result.route == Route.S3_RP and result.must_record
    assert "C-RECORD-DISCRETION" in result.rules
    assert result.recording_reasons == ("RR-AA-DECIDES",)


@pytest.mark.parametrize(
    ("flag", "rule", "route"),
    [
        ("death_or_serious_injury", "C-RECORD-DSI", Route.IOPC),
        ("could_justify_criminal_or_disciplinary", "C-RECORD-CRIM-DISC", Route.S3_INVESTIGATION),
        ("article_2_or_3", "C-RECORD-ART2-3", Route.S3_INVESTIGATION),
        ("serious_corruption", "C-RECORD-MR", Route.IOPC),
        ("relevant_offence", "C-RECORD-MR", Route.IOPC),
    ],
)
def test_must_record_triggers(flag: str, rule: str, route: Route) -> None:
    result = triage(make(allegations=(AllegationFacts(category="A1", **{flag: True}),)))
    assert rule in result.rules
    assert result.route == route
    assert result.must_record


# ---------------------------------------------------------------- IOPC referral


@pytest.mark.parametrize(
    ("change", "criterion"),
    [
        (
            {"allegations": (AllegationFacts(category="B5", death_or_serious_injury=True),)},
            "MR-DEATH-SERIOUS-INJURY",
        ),
        ({"allegations": (AllegationFacts(category="B5", serious_assault=True),)}, "MR-SERIOUS-ASSAULT"),
        (
            {"allegations": (AllegationFacts(category="J1", serious_sexual_offence=True),)},
            "MR-SERIOUS-SEXUAL-OFFENCE",
        ),
        (
            {"allegations": (AllegationFacts(category="J1", serious_corruption=True),)},
            "MR-SERIOUS-CORRUPTION",
        ),
        (
            {"allegations": (AllegationFacts(category="H1", discriminatory_criminal_or_misconduct=True),)},
            "MR-DISCRIMINATION-AGGRAVATED",
        ),
        ({"allegations": (AllegationFacts(category="H1", relevant_offence=True),)}, "MR-RELEVANT-OFFENCE"),
        ({"same_incident_as_referrable": True}, "MR-SAME-INCIDENT"),
        ({"iopc_requires_referral": True}, "MR-IOPC-REQUIRES"),
        (
            {
                "about_chief_officer": True,
                "allegations": (AllegationFacts(category="A3", could_justify_criminal_or_disciplinary=True),),
            },
            "MR-CHIEF-OFFICER-SERIOUS",
        ),
        (
            {"allegations": (AllegationFacts(category="B5", injury_details=frozenset({"fracture"})),)},
            "MR-DEATH-SERIOUS-INJURY",
        ),
    ],
)
def test_every_mandatory_referral_limb_refers_to_the_iopc_c_mandatory_referral(
    change: dict[str, Any], criterion: str
) -> None:
    result = triage(make(**change))
    assert result.must_refer_to_iopc
    assert result.route == Route.IOPC
    assert criterion in result.referral_criteria
    assert {"C-MANDATORY-REFERRAL", "C-RECORD-MR", "C-REFERRAL-PROMPT"} <= set(result.rules)
    assert result.review_body == ReviewBody.IOPC


def test_a_chief_officer_complaint_that_rules_out_crime_is_not_referred_c_mandatory_referral() -> None:
    result = triage(make(about_chief_officer=True, complainant_wants_recording=True))
    assert not result.must_refer_to_iopc
    assert result.route == Route.S3_RP


def test_a_criminal_allegation_about_an_ordinary_officer_is_investigated_not_referred() -> None:
    result = triage(
        make(allegations=(AllegationFacts(category="H1", could_justify_criminal_or_disciplinary=True),))
    )
    assert not result.must_refer_to_iopc
    assert result.route == Route.S3_INVESTIGATION


# ---------------------------------------------------------------- serious injury


@pytest.mark.parametrize(
    ("details", "serious"),
    [
        (set(), False),
        ({"fracture"}, True),
        ({"deep_cut"}, True),
        ({"internal_organ"}, True),
        ({"impaired_function"}, True),
    ],
)
def test_serious_injury_definition_c_serious_injury_def(details: set[str], serious: bool) -> None:
    assert rules.is_serious_injury(details) is serious


@pytest.mark.parametrize(("category", "prompted"), [("B5", True), ("B6", True), ("A1", False)])
def test_it_prompts_for_injury_details_on_use_of_force_and_custody_c_serious_injury_def(
    category: str, prompted: bool
) -> None:
    result = triage(make(allegations=(AllegationFacts(category=category),)))
    assert (result.injury_details_needed == (0,)) is prompted
    assert ("C-SERIOUS-INJURY-DEF" in result.rules) is prompted


def test_it_rejects_an_unknown_injury_detail() -> None:
    with pytest.raises(TriageError) as err:
        triage(make(allegations=(AllegationFacts(category="B5", injury_details=frozenset({"bruise"})),)))
    assert err.value.field == "allegations.0.injury_details"


# ---------------------------------------------------------------- investigation


@pytest.mark.parametrize(
    ("facts", "route"),
    [
        ({"could_justify_criminal_or_disciplinary": True}, Route.S3_INVESTIGATION),
        ({"article_2_or_3": True}, Route.S3_INVESTIGATION),
        ({}, Route.S3_RP),
    ],
)
def test_recorded_complaints_are_investigated_when_indicated_c_investigate_when(
    facts: dict[str, bool], route: Route
) -> None:
    result = triage(
        make(complainant_wants_recording=True, allegations=(AllegationFacts(category="H1", **facts),))
    )
    assert result.route == route
    assert "C-INVESTIGATE-WHEN" in result.rules


# ---------------------------------------------------------------- chief officer


def test_the_lpb_is_the_appropriate_authority_for_the_chief_officer_c_chief_officer() -> None:
    result = triage(make(about_chief_officer=True))
    assert result.appropriate_authority == "local_policing_body"
    assert "C-CHIEF-OFFICER" in result.rules
    other = triage(make())
    assert other.appropriate_authority == "chief_officer"
    assert "C-CHIEF-OFFICER" not in other.rules


# ---------------------------------------------------------------- delay


@pytest.mark.parametrize(
    ("incident", "late"),
    [
        (date(2025, 3, 1), False),  # exactly 12 months before receipt on 1 Mar 2026
        (date(2025, 2, 28), True),
        (date(2020, 6, 1), True),
        (None, False),
    ],
)
def test_late_complaints_stay_eligible_and_may_be_nfa_c_delay_12m(incident: date | None, late: bool) -> None:
    result = triage(make(incident_date=incident, complainant_wants_recording=True))
    assert result.eligible and result.route == Route.S3_RP
    assert ("C-DELAY-12M" in result.rules) is late
    assert ("C-NFA" in result.rules) is late
    assert result.nfa_may_be_considered is late


def test_a_good_reason_for_delay_removes_the_nfa_hint_c_delay_12m() -> None:
    result = triage(
        make(incident_date=date(2024, 1, 1), complainant_wants_recording=True, delay_good_reason=True)
    )
    assert "C-DELAY-12M" in result.rules
    assert not result.nfa_may_be_considered


def test_the_delay_limit_is_data() -> None:
    limits = TimeLimits(time_since_incident_limit_months=6)
    result = rules.triage(make(incident_date=date(2025, 8, 1)), CATEGORIES, limits)
    assert "C-DELAY-12M" in result.rules


def test_add_months_clamps_to_month_end() -> None:
    assert rules.add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert rules.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert rules.add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


# ---------------------------------------------------------------- dates


def test_first_update_is_28_days_after_the_start_c_update_28d() -> None:
    assert rules.first_update_due(date(2024, 2, 10)) == date(2024, 3, 9)
    assert rules.next_update_due(date(2024, 3, 9)) == date(2024, 4, 6)


def test_the_contract_example_first_update_c_update_28d() -> None:
    assert triage(make()).first_update_due == date(2026, 3, 29)


def test_a_later_start_of_handling_moves_the_first_update_c_update_28d() -> None:
    result = triage(make(handling_started_on=date(2026, 3, 10)))
    assert result.first_update_due == date(2026, 4, 7)


@pytest.mark.parametrize(
    ("received_at", "local"),
    [
        (datetime(2026, 7, 1, 23, 30, tzinfo=UTC), date(2026, 7, 2)),  # BST: 00:30 next day
        (datetime(2026, 7, 1, 22, 59, tzinfo=UTC), date(2026, 7, 1)),
        (datetime(2026, 1, 10, 23, 30, tzinfo=UTC), date(2026, 1, 10)),  # GMT
        (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), date(2026, 3, 28)),  # before the clocks go forward
        (datetime(2026, 3, 29, 23, 30, tzinfo=UTC), date(2026, 3, 30)),  # first BST evening
        (datetime(2026, 10, 24, 23, 30, tzinfo=UTC), date(2026, 10, 25)),  # last BST evening
        (datetime(2026, 10, 25, 23, 30, tzinfo=UTC), date(2026, 10, 25)),  # back on GMT
    ],
)
def test_dates_are_europe_london_calendar_dates(received_at: datetime, local: date) -> None:
    result = triage(make(received_at=received_at, incident_date=date(2026, 1, 1)))
    assert result.received_on == local
    assert result.first_update_due == local + timedelta(days=28)


def test_it_rejects_a_naive_received_at() -> None:
    with pytest.raises(TriageError) as err:
        triage(make(received_at=datetime(2026, 3, 1, 9, 0)))  # noqa: DTZ001
    assert err.value.field == "received_at"


def test_it_rejects_an_unknown_category() -> None:
    with pytest.raises(TriageError) as err:
        triage(make(allegations=(AllegationFacts(category="A1"), AllegationFacts(category="Z9"))))
    assert err.value.field == "allegations.1.category"


def test_it_rejects_an_incident_after_receipt() -> None:
    with pytest.raises(TriageError) as err:
        triage(make(incident_date=date(2026, 3, 2)))
    assert err.value.field == "incident_date"


def test_an_incident_on_the_local_day_of_receipt_is_accepted() -> None:
    result = triage(
        make(received_at=datetime(2026, 7, 1, 23, 30, tzinfo=UTC), incident_date=date(2026, 7, 2))
    )
    assert result.eligible


def test_it_rejects_a_complaint_without_allegations() -> None:
    with pytest.raises(TriageError) as err:
        triage(make(allegations=()))
    assert err.value.field == "allegations"


@pytest.mark.parametrize(
    ("letter", "due"),
    [
        (date(2026, 4, 1), date(2026, 4, 29)),
        (date(2024, 2, 10), date(2024, 3, 9)),
        (date(2026, 12, 20), date(2027, 1, 17)),
    ],
)
def test_review_application_deadline_c_review_28d(letter: date, due: date) -> None:
    assert rules.review_deadline(letter) == due


@pytest.mark.parametrize(
    ("outcome", "holidays", "due"),
    [
        (date(2026, 4, 2), frozenset(), date(2026, 4, 9)),  # Thu -> next Thu
        (date(2026, 4, 2), bank_holidays(date(2026, 1, 1)), date(2026, 4, 13)),  # over Easter
        (date(2026, 3, 6), frozenset(), date(2026, 3, 13)),  # Fri -> Fri
        (date(2026, 3, 7), frozenset(), date(2026, 3, 13)),  # Sat outcome: 5 working days from Mon
    ],
)
def test_outcome_notice_within_5_working_days_c_outcome_5wd(
    outcome: date, holidays: frozenset[date], due: date
) -> None:
    assert rules.outcome_notice_due(outcome, holidays) == due


@pytest.mark.parametrize(
    ("route", "orally", "writing"),
    [
        (Route.OUTSIDE_S3, True, False),
        (Route.OUTSIDE_S3, False, True),
        (Route.S3_RP, True, True),
        (Route.S3_INVESTIGATION, False, True),
    ],
)
def test_outcome_in_writing_unless_oral_and_informal_c_outcome_5wd(
    route: Route, orally: bool, writing: bool
) -> None:
    assert rules.outcome_notice_in_writing(route=route, made_orally=orally) is writing


@pytest.mark.parametrize(
    ("received", "in_time"),
    [(date(2026, 4, 29), True), (date(2026, 4, 30), False), (date(2026, 4, 2), True)],
)
def test_review_application_in_time_c_review_28d(received: date, in_time: bool) -> None:
    assert rules.review_application_in_time(date(2026, 4, 1), received) is in_time


@pytest.mark.parametrize(
    ("sent", "due"),
    [(0, date(2027, 1, 31)), (1, date(2027, 7, 31)), (2, date(2028, 1, 31))],
)
def test_investigation_progress_reports_c_inv_12m_report(sent: int, due: date) -> None:
    assert rules.investigation_report_due(date(2026, 1, 31), sent) == due


def test_initial_contact_target_is_configurable_c_initial_contact() -> None:
    holidays = bank_holidays(date(2026, 12, 24))
    assert rules.initial_contact_due(date(2026, 12, 24), 3, holidays) == date(2026, 12, 31)
    assert rules.initial_contact_due(date(2026, 12, 24), 0, holidays) == date(2026, 12, 24)
    with pytest.raises(TriageError):
        rules.initial_contact_due(date(2026, 12, 24), -1, holidays)


# Working days come from the `holidays` package's England and Wales calendar (config.working_days).
@pytest.mark.parametrize(
    ("outcome", "due", "why"),
    [
        (date(2026, 4, 2), date(2026, 4, 13), "Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr"),
        (date(2025, 4, 16), date(2025, 4, 25), "Easter 2025: Good Friday 18 Apr, Easter Monday 21 Apr"),
        (date(2026, 12, 23), date(2027, 1, 4), "Christmas 2026 (Sat Boxing Day -> Mon 28), New Year 1 Jan"),
        (date(2027, 12, 23), date(2028, 1, 4), "Christmas 2027 on a Saturday: 27 and 28 Dec off"),
        (date(2023, 5, 3), date(2023, 5, 11), "one-off: coronation of King Charles III, Mon 8 May 2023"),
        (date(2022, 9, 14), date(2022, 9, 22), "one-off: state funeral of Queen Elizabeth II, 19 Sep 2022"),
        (date(2022, 5, 31), date(2022, 6, 9), "one-off: Platinum Jubilee, spring holiday moved to 2-3 Jun"),
    ],
)
def test_outcome_notice_over_bank_holidays_c_outcome_5wd(outcome: date, due: date, why: str) -> None:
    assert rules.outcome_notice_due(outcome, bank_holidays(outcome)) == due, why


# ---------------------------------------------------------------- review body


@pytest.mark.parametrize(
    ("kwargs", "body"),
    [
        ({"route": None}, None),
        ({"route": Route.OUTSIDE_S3}, None),
        ({"route": Route.S3_INVESTIGATION, "iopc_investigation": True}, None),
        ({"route": Route.S3_RP}, ReviewBody.LOCAL_POLICING_BODY),
        ({"route": Route.S3_RP, "appropriate_authority": "local_policing_body"}, ReviewBody.IOPC),
        ({"route": Route.S3_RP, "about_senior_officer": True}, ReviewBody.IOPC),
        ({"route": Route.S3_INVESTIGATION, "serious": True}, ReviewBody.IOPC),
        ({"route": Route.IOPC, "referred": True}, ReviewBody.IOPC),
        ({"route": Route.S3_RP, "same_incident": True}, ReviewBody.IOPC),
    ],
)
def test_review_body_c_review_body_c_review_right(kwargs: dict[str, Any], body: str | None) -> None:
    assert rules.review_body(**kwargs) == body


def test_triage_names_the_review_body_c_review_body() -> None:
    local = triage(make(complainant_wants_recording=True))
    assert local.review_body == ReviewBody.LOCAL_POLICING_BODY and "C-REVIEW-BODY" in local.rules
    serious = triage(make(allegations=(AllegationFacts(category="H1", article_2_or_3=True),)))
    assert serious.review_body == ReviewBody.IOPC
    senior = triage(
        make(
            complainant_wants_recording=True,
            allegations=(AllegationFacts(category="A4", about_senior_officer=True),),
        )
    )
    assert senior.review_body == ReviewBody.IOPC


# ---------------------------------------------------------------- the JSON data


def test_default_time_limits_match_complaint_rules_json() -> None:
    assert time_limits() == rules.DEFAULT_TIME_LIMITS


def test_time_limits_are_read_from_the_json_and_passed_in() -> None:
    limits = replace(time_limits(), update_interval_days=14, review_application_days=21)
    assert rules.first_update_due(date(2026, 3, 1), limits) == date(2026, 3, 15)
    assert rules.review_deadline(date(2026, 4, 1), limits) == date(2026, 4, 22)
    assert rules.triage(make(), CATEGORIES, limits).first_update_due == date(2026, 3, 15)


def test_every_cited_referral_criterion_exists_in_the_json() -> None:
    descriptions = criterion_descriptions()
    result = triage(make(same_incident_as_referrable=True, iopc_requires_referral=True))
    everything = rules.referral_criteria(
        [AllegationFacts(category="A1", **dict.fromkeys(ALL_FLAGS, True))],
        about_chief_officer=True,
        same_incident_as_referrable=True,
        iopc_requires_referral=True,
    )
    assert set(everything) | set(result.referral_criteria) <= set(descriptions)
    assert {"RR-COMPLAINANT-WISH", "RR-AA-DECIDES", "RR-MANDATORY"} <= set(descriptions)


# ---------------------------------------------------------------- properties

allegation_st = st.builds(
    AllegationFacts,
    category=st.sampled_from(sorted(CATEGORIES)),
    **{flag: st.booleans() for flag in ALL_FLAGS},
    conduct=st.booleans(),
)
complainant_st = st.builds(
    Complainant,
    adversely_affected=st.booleans(),
    witness=st.booleans(),
    acting_for_someone=st.booleans(),
    consent_of_affected=st.booleans(),
    subject_of_conduct=st.booleans(),
    serving_officer_same_force=st.booleans(),
    affected_only_through_media=st.booleans(),
)
input_st = st.builds(
    TriageInput,
    received_at=st.datetimes(
        min_value=datetime(2020, 2, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
    ),  # noqa: DTZ001
    about_chief_officer=st.booleans(),
    complainant=complainant_st,
    incident_date=st.just(date(2020, 1, 1)) | st.none(),
    allegations=st.lists(allegation_st, min_size=1, max_size=3).map(tuple),
    complainant_wants_recording=st.booleans(),
    complainant_agrees_outside_schedule_3=st.booleans(),
    same_incident_as_referrable=st.booleans(),
)


@settings(deadline=None, max_examples=150)
@given(input_st)
def test_property_ineligible_means_no_route_and_no_update(inp: TriageInput) -> None:
    result = triage(inp)
    if not result.eligible:
        assert result.route is None
        assert result.first_update_due is None
        assert result.review_body is None
        assert not result.must_refer_to_iopc
    else:
        assert result.route in set(Route)
        assert result.first_update_due is not None


@settings(deadline=None, max_examples=150)
@given(input_st, st.sampled_from(MR_FLAGS))
def test_property_any_mandatory_referral_flag_refers_to_the_iopc(inp: TriageInput, flag: str) -> None:
    eligible_person = Complainant(
        adversely_affected=True, witness=False, acting_for_someone=False, consent_of_affected=False
    )
    first = replace(inp.allegations[0], **{flag: True})
    result = triage(replace(inp, complainant=eligible_person, allegations=(first, *inp.allegations[1:])))
    assert result.must_refer_to_iopc
    assert result.route == Route.IOPC


@settings(deadline=None, max_examples=150)
@given(input_st)
def test_property_outside_s3_only_when_agreed_not_wanted_and_no_trigger(inp: TriageInput) -> None:
    result = triage(inp)
    if result.route == Route.OUTSIDE_S3:
        assert inp.complainant_agrees_outside_schedule_3
        assert not inp.complainant_wants_recording
        assert not result.must_record and not result.must_refer_to_iopc
        eligible = [a for i, a in enumerate(inp.allegations) if i not in result.ineligible_allegations]
        assert not any(getattr(a, flag) for a in eligible for flag in ALL_FLAGS)


@settings(deadline=None, max_examples=150)
@given(input_st)
def test_property_route_precedence(inp: TriageInput) -> None:
    result = triage(inp)
    if result.must_refer_to_iopc:
        assert result.route == Route.IOPC
    elif result.eligible and result.must_record:
        assert result.route in {Route.S3_INVESTIGATION, Route.S3_RP}
    assert result.appropriate_authority == (
        "local_policing_body" if inp.about_chief_officer else "chief_officer"
    )


# ---------------------------------------------------------------- assumed facts (API.md `assumed`)

full_allegation_st = st.builds(
    AllegationFacts,
    category=st.sampled_from(sorted(CATEGORIES)),
    **{flag: st.booleans() for flag in ALL_FLAGS},
    conduct=st.booleans(),
    about_senior_officer=st.booleans(),
    injury_details=st.sets(st.sampled_from([d.value for d in rules.InjuryDetail]), max_size=2).map(frozenset),
)
assumed_input_st = st.builds(
    TriageInput,
    received_at=st.just(datetime(2026, 3, 1, 9, 0, tzinfo=UTC)),
    about_chief_officer=st.booleans(),
    complainant=complainant_st,
    incident_date=st.just(date(2026, 2, 20)) | st.none(),
    allegations=st.lists(full_allegation_st, min_size=1, max_size=3).map(tuple),
    complainant_wants_recording=st.booleans(),
    complainant_agrees_outside_schedule_3=st.booleans(),
    same_incident_as_referrable=st.booleans(),
    aa_decides_to_record=st.booleans(),
)


@st.composite
def input_and_given(draw: st.DrawFn) -> tuple[TriageInput, frozenset[str]]:
    """An input and a random set of the optional facts the caller is taken to have given."""
    inp = draw(assumed_input_st)
    paths = rules.optional_fact_paths(inp)
    return inp, frozenset(draw(st.sets(st.sampled_from(paths)))) if paths else frozenset()


@settings(deadline=None, max_examples=200)
@given(input_and_given())
def test_property_flipping_a_fact_not_listed_never_changes_the_answer(
    case: tuple[TriageInput, frozenset[str]],
) -> None:
    inp, given_paths = case
    base = rules.answers(triage(inp))
    listed = {a.field: a for a in rules.assumptions(inp, given_paths, CATEGORIES)}
    for path in rules.optional_fact_paths(inp):
        flipped = rules.answers(triage(rules.flip(inp, path)))
        changed = tuple(name for name in rules.ANSWERS if flipped[name] != base[name])
        if path in given_paths:
            assert path not in listed  # a fact given is never "assumed"
        elif path in listed:
            assert changed and listed[path].would_change == changed  # listed exactly with what it changes
        else:
            assert not changed, (path, changed)  # not listed: the other way changes nothing


def test_assumed_names_the_default_taken() -> None:
    witness = person(witness=True)
    found = rules.assumptions(make(complainant=witness), frozenset(), CATEGORIES)
    conduct = next(a for a in found if a.field == "allegations.0.conduct")
    assert conduct.assumed is True and conduct.would_change == ("eligible", "route")


def test_nothing_is_assumed_when_every_fact_is_given() -> None:
    inp = make(complainant=person(witness=True))
    assert rules.assumptions(inp, rules.optional_fact_paths(inp), CATEGORIES) == ()


def test_a_representative_with_consent_needs_neither_affected_nor_witness_c_elig_on_behalf() -> None:
    mp = person(acting_for_someone=True, consent_of_affected=True)
    for allegation in (AllegationFacts(category="A1"), AllegationFacts(category="A1", conduct=False)):
        result = triage(make(complainant=mp, allegations=(allegation,)))
        assert result.eligible and "C-ELIG-ON-BEHALF" in result.rules
    serving = replace(mp, serving_officer_same_force=True)
    assert not triage(make(complainant=serving)).eligible


def test_every_explanation_line_carries_its_rules() -> None:
    result = triage(make(allegations=(AllegationFacts(category="A1", relevant_offence=True),)))
    assert [c.text for c in result.citations] == list(result.explanation)
    assert {r for c in result.citations for r in c.rules} == set(result.rules)
    referral = next(c for c in result.citations if "C-MANDATORY-REFERRAL" in c.rules)
    assert "relevant offence" in referral.text and "MR-" not in referral.text  # words, not codes


def test_a_complainant_under_18_cites_c_young_people_and_changes_no_answer() -> None:
    """C-YOUNG-PEOPLE: under 18 the explanation asks for a parent, guardian or advocate; the route and
    every other answer stay as they are, and an unasked age is never an assumed fact."""
    adult = triage(make())
    for age in (0, 17):
        young = triage(make(complainant=replace(AFFECTED, age=age)))
        assert "C-YOUNG-PEOPLE" in young.rules
        assert any("parent, guardian or advocate" in c.text for c in young.citations)
        assert rules.answers(young) == rules.answers(adult)
    for grown in (18, 70, None):
        assert "C-YOUNG-PEOPLE" not in triage(make(complainant=replace(AFFECTED, age=grown))).rules
    # the person represented: a child's complaint made by a parent with consent is still a child's
    parent = person(acting_for_someone=True, consent_of_affected=True)
    assert "C-YOUNG-PEOPLE" in triage(make(complainant=replace(parent, age=12))).rules
    # not a complaint: the care still applies
    leaflet = make(complainant=replace(AFFECTED, age=15), not_a_complaint=rules.NotAComplaint.COMPLIMENT)
    assert "C-YOUNG-PEOPLE" in triage(leaflet).rules
    assert "complainant.age" not in rules.optional_fact_paths(make())
    assert all(a.field != "complainant.age" for a in rules.assumptions(make(), frozenset(), CATEGORIES))


def test_every_module_of_the_rules_package_imports_only_the_standard_library_and_its_siblings() -> None:
    """STYLE.md: rules are pure. Split by stage, each module may import the standard library, its own
    siblings and config.working_days (holiday counting, itself pure), never Django, a model or a service."""
    allowed = {"config.working_days"}
    package = Path(rules.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert len(modules) > 1
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert (
                    top in sys.stdlib_module_names or name in allowed or name.startswith("complaints.rules.")
                ), (path.name, name)
