"""Crime-recording rules of the catalogue that had no test of their own (issue 16 part 5: every rule
is cited by a test of the behaviour it governs). Each test names its rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from config.exceptions import DomainError
from recording import selectors
from recording.models import Grade, Incident
from recording.rules import decide
from recording.services import cancellation, casework, incidents, outcomes
from recording.tests.factories import (
    CrimeFactory,
    CrimeSuspectFactory,
    IncidentFactory,
    NsirCodeFactory,
    grant_skill,
)
from recording.tests.test_rules import a, crimes_of, ho_offences, report
from staffing.models import Skill


def ddm(make_user: Any, role: str = "sergeant") -> Any:
    return grant_skill(make_user(role), Skill.DDM)


# ---------------------------------------------------------------- pure: the decision engine


def test_r_class_rules_win_an_offence_specific_rule_beats_the_principal_ranking() -> None:
    """R-CLASS-RULES-WIN: the vehicle rule (offence-specific) decides the count even where the general
    principal-crime rule, read from the ranks, would lead with the damage."""
    offences = {**ho_offences(), "58C": replace(ho_offences()["58C"], seriousness_rank=1)}
    decision = decide(report(a("A1", "V1", "58C"), a("A2", "V1", "45")), offences)
    assert crimes_of(decision) == [("V1", "45", ("A1", "A2"))]
    assert "R-CLASS-VEHICLE" in decision.rules


def test_r_ncrs_schools_an_in_school_assault_the_school_reports_to_police_is_recorded() -> None:
    """R-NCRS-SCHOOLS: once the school (or the victim or a parent) asks police to act, the minor
    in-school assault is recorded like any other report: one crime for the pupil assaulted."""
    decision = decide(report(a("A1", "PUPIL", "105A")), ho_offences())
    assert crimes_of(decision) == [("PUPIL", "105A", ("A1",))]
    assert "R-NCRS-24H" in decision.rules


# ---------------------------------------------------------------- incidents and grading


@pytest.mark.django_db
def test_r_nsir_incident_every_report_is_registered_crime_related_or_not(reference_data: None) -> None:
    """R-NSIR-INCIDENT: the feed registers every log entry as an incident, whatever its category; the
    crime-related mark comes from the opening NSIR code."""
    opened = "2026-03-01T02:10:00Z"
    result = incidents.incidents_upsert(
        rows=enumerate(
            [
                {"reference": "I-CRIME", "opened_at": opened, "nsir_code": "CRIME-THEFT"},
                {"reference": "I-ASB", "opened_at": opened, "nsir_code": "ASB-ROWDY"},
            ]
        ),
        actor=None,
        source="api",
    )
    assert result.created == 2
    stored = dict(Incident.objects.values_list("reference", "crime_related"))
    assert stored == {"I-CRIME": True, "I-ASB": False}


@pytest.mark.django_db
def test_r_thrive_a_low_grade_does_not_take_an_incident_out_of_the_ncrs_decision(
    reference_data: None, make_user: Any
) -> None:
    """R-THRIVE: grading sets the response, not the recording decision; a crime-related call resolved
    without deployment is still due an NCRS decision within 24 hours, and a crime's re-grading is kept
    with its reason."""
    incident = IncidentFactory(
        nsir_code=NsirCodeFactory(),
        crime_related=True,
        grade=Grade.RESOLVED_WITHOUT_DEPLOYMENT,
        opened_at=timezone.now() - timedelta(hours=20),
    )
    assert incident in selectors.incident_awaiting_decision(user=make_user("recorder"))
    crime = CrimeFactory(grade=Grade.SCHEDULED)
    casework.crime_update_assessment(
        crime=crime, actor=make_user("investigator"), reason="Victim now vulnerable", grade=Grade.PRIORITY
    )
    crime.refresh_from_db()
    assert crime.grade == Grade.PRIORITY
    assert crime.history.first().history_change_reason == "Victim now vulnerable"


# ---------------------------------------------------------------- cancellation criteria and the FCR


@pytest.mark.django_db
def test_r_cancel_c3_duplicate_names_another_crime_and_a_supervisor_decides(
    reference_data: None, make_user: Any
) -> None:
    """R-CANCEL-C3-DUPLICATE: the surviving record must be another crime; C3 needs no DDM, so a
    sergeant decides it."""
    crime = CrimeFactory()
    investigator = make_user("investigator")
    with pytest.raises(DomainError) as err:
        cancellation.cancellation_request(
            crime=crime,
            actor=investigator,
            criterion_code="C3",
            evidence="dup",
            duplicate_of=crime.crime_number,
        )
    assert err.value.field == "duplicate_of"
    request = cancellation.cancellation_request(
        crime=crime,
        actor=investigator,
        criterion_code="C3",
        evidence="Same victim and incident",
        duplicate_of=CrimeFactory().crime_number,
    )
    assert cancellation.cancellation_refusal(request=request, actor=make_user("investigator")) is not None
    cancellation.cancellation_decide(
        request=request, actor=make_user("sergeant"), approve=True, note="duplicate", victim_informed=True
    )
    crime.refresh_from_db()
    assert crime.status == "cancelled" and crime.cancelled_under.code == "C3"


@pytest.mark.django_db
def test_r_cancel_c4_error_needs_a_designated_decision_maker(reference_data: None, make_user: Any) -> None:
    """R-CANCEL-C4-ERROR: a crime recorded in error is cancelled under C4 only by a DDM."""
    crime = CrimeFactory()
    request = cancellation.cancellation_request(
        crime=crime,
        actor=make_user("investigator"),
        criterion_code="C4",
        evidence="Test entry on live system",
    )
    with pytest.raises(DomainError) as err:
        cancellation.cancellation_decide(
            request=request, actor=make_user("sergeant"), approve=True, note="error", victim_informed=True
        )
    assert err.value.field == "decided_by"
    cancellation.cancellation_decide(
        request=request, actor=ddm(make_user), approve=True, note="error", victim_informed=True
    )
    crime.refresh_from_db()
    assert crime.status == "cancelled" and crime.cancelled_under.code == "C4"


@pytest.mark.django_db
def test_r_fcr_ddms_act_for_the_registrar_whatever_their_rank(reference_data: None, make_user: Any) -> None:
    """R-FCR: cancellations are decided by designated decision makers acting for the Force Crime
    Registrar, outside line command: a manager without the designation may not, an investigator
    holding it (not the requester) may."""
    request = cancellation.cancellation_request(
        crime=CrimeFactory(),
        actor=make_user("investigator"),
        criterion_code="C2",
        evidence="CCTV reviewed",
        avi="CCTV shows the bicycle was lent, not taken",
    )
    assert "designated decision maker" in (
        cancellation.cancellation_refusal(request=request, actor=make_user("manager")) or ""
    )
    assert cancellation.cancellation_refusal(request=request, actor=ddm(make_user, "investigator")) is None


# ---------------------------------------------------------------- outcomes


@pytest.mark.django_db
def test_r_outcome_assign_one_known_outcome_per_crime_and_it_stays_counted(
    reference_data: None, make_user: Any
) -> None:
    """R-OUTCOME-ASSIGN: a crime gets one outcome from the Home Office list; R-OUTCOME-NOT-CANCEL: the
    finalised crime is still a recorded crime (no cancellation criterion, still listed)."""
    investigator = make_user("investigator")  # the crime's owner: only they (or a supervisor) finalise
    crime = CrimeFactory(owner=investigator)
    with pytest.raises(DomainError) as err:
        outcomes.crime_finalise(crime=crime, actor=investigator, outcome_code="99", reason="x")
    assert err.value.field == "outcome"
    outcomes.crime_finalise(crime=crime, actor=investigator, outcome_code="18", reason="No lines of enquiry")
    crime.refresh_from_db()
    assert crime.outcome.code == "18" and crime.status == "finalised" and crime.cancelled_under is None
    CrimeSuspectFactory(crime=crime)
    with pytest.raises(DomainError) as err:
        outcomes.crime_finalise(crime=crime, actor=investigator, outcome_code="1", reason="Charged")
    assert err.value.field == "status"
    crime.refresh_from_db()
    assert crime.outcome.code == "18"
    assert crime in selectors.crime_visible(user=make_user("sergeant"))
