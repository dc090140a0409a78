"""The sergeant's actions on an unrecorded-incident flag (qa.services.flags): assign, resolve with a
crime (linked to the incident through recording's service, a reason when it does not match), dismiss,
escalate to the control room and record its answer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from config.exceptions import DomainError
from qa import selectors
from qa.models import UnrecordedFlag
from qa.services import flags
from qa.services.sweep import sweep_unrecorded
from qa.tests.factories import make_crime, make_incident
from recording.models import Incident

pytestmark = pytest.mark.usefixtures("reference_data")


# ---------------------------------------------------------------- sergeant actions
@pytest.fixture
def flag(db: None) -> UnrecordedFlag:
    make_incident()
    sweep_unrecorded()
    return UnrecordedFlag.objects.get()


def test_a_sergeant_assigns_a_flag_to_an_investigator(flag: UnrecordedFlag, make_user: Any) -> None:
    sergeant, investigator = make_user("sergeant"), make_user("investigator")
    flags.flag_assign(flag_id=flag.pk, investigator=investigator, actor=sergeant, reason="Knows the area")
    flag.refresh_from_db()
    assert flag.assigned_to == investigator


def test_only_an_investigator_can_be_assigned(flag: UnrecordedFlag, make_user: Any) -> None:
    with pytest.raises(DomainError) as err:
        flags.flag_assign(flag_id=flag.pk, investigator=make_user("advisor"), actor=make_user("sergeant"))
    assert err.value.field == "assigned_to"


def test_resolving_needs_a_recorded_crime_number(flag: UnrecordedFlag, make_user: Any) -> None:
    sergeant = make_user("sergeant")
    with pytest.raises(DomainError) as err:
        flags.flag_resolve(flag_id=flag.pk, crime_number="XX/NOPE", actor=sergeant)
    assert err.value.field == "crime_number"
    crime = make_crime(offence="49")  # other theft: the incident is a theft (CRIME-THEFT)
    flags.flag_resolve(flag_id=flag.pk, crime_number=crime.crime_number, actor=sergeant)
    flag.refresh_from_db()
    assert (flag.status, flag.resolved_crime_number, flag.closed_by) == (
        "resolved",
        crime.crime_number,
        sergeant,
    )


def test_dismissing_needs_a_reason_and_a_non_crime_closing_code(flag: UnrecordedFlag, make_user: Any) -> None:
    sergeant = make_user("sergeant")
    with pytest.raises(DomainError) as err:
        flags.flag_dismiss(flag_id=flag.pk, reason=" ", closing_nsir_code="PS-CIVIL", actor=sergeant)
    assert err.value.field == "reason"
    with pytest.raises(DomainError) as err:
        flags.flag_dismiss(flag_id=flag.pk, reason="x", closing_nsir_code="CRIME-THEFT", actor=sergeant)
    assert err.value.field == "closing_nsir_code"
    flags.flag_dismiss(
        flag_id=flag.pk, reason="Civil dispute over a loan", closing_nsir_code="PS-CIVIL", actor=sergeant
    )
    flag.refresh_from_db()
    assert flag.status == "dismissed"
    assert flag.closing_nsir_code is not None and flag.closing_nsir_code.code == "PS-CIVIL"


def test_escalating_keeps_the_flag_open_with_the_note(flag: UnrecordedFlag, make_user: Any) -> None:
    flags.flag_escalate(flag_id=flag.pk, note="Caller not re-contacted", actor=make_user("sergeant"))
    flag.refresh_from_db()
    assert flag.status == "open"
    assert flag.escalation_note == "Caller not re-contacted"
    assert flag.escalated_at is not None


def test_a_closed_flag_cannot_be_acted_on(flag: UnrecordedFlag, make_user: Any) -> None:
    sergeant = make_user("sergeant")
    flags.flag_escalate(flag_id=flag.pk, note="n", actor=sergeant)
    flags.flag_dismiss(flag_id=flag.pk, reason="r", closing_nsir_code="PS-CIVIL", actor=sergeant)
    with pytest.raises(DomainError) as err:
        flags.flag_escalate(flag_id=flag.pk, note="again", actor=sergeant)
    assert err.value.field == "status"


def test_resolving_with_a_matching_crime_links_it_both_ways_with_history(
    flag: UnrecordedFlag, make_user: Any
) -> None:
    sergeant = make_user("sergeant")
    crime = make_crime(offence="49", reported_at=flag.incident.opened_at + timedelta(hours=1))
    flags.flag_resolve(flag_id=flag.pk, crime_number=crime.crime_number, actor=sergeant)
    incident = Incident.objects.get(pk=flag.incident_id)
    assert incident.crime_number == crime.crime_number
    assert list(crime.incidents.values_list("reference", flat=True)) == [incident.reference]
    assert "linked" in (incident.history.first().history_change_reason or "")
    assert "linked" in (crime.history.first().history_change_reason or "")
    flag.refresh_from_db()
    assert (flag.resolve_mismatch, flag.resolve_reason) == ("", "")


@pytest.mark.parametrize(
    "mismatch",
    ["days_apart", "other_force", "other_incident", "other_place", "other_kind"],
)
def test_a_crime_that_does_not_match_needs_a_reason_and_nothing_changes_without_one(
    flag: UnrecordedFlag, make_user: Any, mismatch: str
) -> None:
    sergeant = make_user("sergeant")
    opened = flag.incident.opened_at
    if mismatch == "days_apart":
        crime = make_crime(
            offence="49", reported_at=opened + timedelta(days=35), recorded_at=opened + timedelta(days=35)
        )
    elif mismatch == "other_force":
        crime = make_crime(
            offence="49", reported_at=opened, recorded_at=opened + timedelta(hours=1), location_force="YY"
        )
    elif mismatch == "other_incident":
        crime = make_crime(offence="49", reported_at=opened, recorded_at=opened + timedelta(hours=1))
        crime.incidents.add(make_incident(crime_number=crime.crime_number))
    elif mismatch == "other_place":
        Incident.objects.filter(pk=flag.incident_id).update(location="12 High Street, Anytown")
        crime = make_crime(offence="49", reported_at=opened, location="3 Station Road, Anytown")
    else:  # a violent crime offered for a theft incident
        crime = make_crime(offence="8N", reported_at=opened, recorded_at=opened + timedelta(hours=1))
    with pytest.raises(DomainError) as err:
        flags.flag_resolve(flag_id=flag.pk, crime_number=crime.crime_number, actor=sergeant)
    assert err.value.field == "reason"
    named = {
        "days_apart": "it was reported 35 days after the incident opened",
        "other_force": "it belongs to another force (YY)",
        "other_incident": "it is already linked to incident",
        "other_place": "it happened at '3 Station Road, Anytown', the incident at '12 High Street, Anytown'",
        "other_kind": "it is Assault with injury (8N, violence against the person), but the incident was "
        "logged as Crime: theft (other than vehicle)",
    }[mismatch]
    assert named in err.value.message
    flag.refresh_from_db()
    assert flag.status == "open"
    assert not crime.incidents.filter(pk=flag.incident_id).exists()
    assert Incident.objects.get(pk=flag.incident_id).crime_number is None

    flags.flag_resolve(
        flag_id=flag.pk, crime_number=crime.crime_number, actor=sergeant, reason="Victim re-reported later"
    )
    flag.refresh_from_db()
    assert flag.status == "resolved"
    assert flag.resolve_reason == "Victim re-reported later"
    assert flag.resolve_mismatch
    assert crime.incidents.filter(pk=flag.incident_id).exists()
    assert selectors.flag_figures()["resolved_mismatched"] == 1
    assert list(selectors.flag_list(mismatch="yes")) == [flag]


def test_an_escalation_stays_open_until_the_control_rooms_answer_is_recorded(
    flag: UnrecordedFlag, make_user: Any
) -> None:
    sergeant = make_user("sergeant")
    with pytest.raises(DomainError) as err:
        flags.flag_escalation_answer(flag_id=flag.pk, answer="Recoded", actor=sergeant)
    assert err.value.field == "answer"
    flags.flag_escalate(flag_id=flag.pk, note="Is this a crime?", actor=sergeant)
    assert list(selectors.flag_escalations_open()) == [flag]
    assert selectors.flag_figures()["escalations_open"] == 1
    with pytest.raises(DomainError):
        flags.flag_escalate(flag_id=flag.pk, note="Again", actor=sergeant)
    flags.flag_escalation_answer(flag_id=flag.pk, answer="Civil dispute: recode PS-CIVIL", actor=sergeant)
    flag.refresh_from_db()
    assert not flag.escalation_open
    assert (flag.status, flag.escalation_answer, flag.escalation_answered_by) == (
        "open",
        "Civil dispute: recode PS-CIVIL",
        sergeant,
    )
    assert list(selectors.flag_escalations_open()) == []
    assert list(selectors.flag_list(escalation="answered")) == [flag]


def test_the_resolve_endpoint_needs_a_reason_for_a_mismatch_and_changes_nothing_without_one(
    flag: UnrecordedFlag, api_as: Any
) -> None:
    client = api_as("sergeant")
    opened = flag.incident.opened_at
    crime = make_crime(reported_at=opened + timedelta(days=20), recorded_at=opened + timedelta(days=20))
    url = f"/api/v1/qa/unrecorded-incidents/{flag.pk}/resolve/"
    refused = client.post(url, {"crime_number": crime.crime_number}, format="json")
    assert refused.status_code == 400 and list(refused.json()) == ["reason"]
    assert UnrecordedFlag.objects.get(pk=flag.pk).status == "open"
    assert not crime.incidents.exists()
    done = client.post(url, {"crime_number": crime.crime_number, "reason": "Reported late"}, format="json")
    assert done.status_code == 200
    assert (done.json()["status"], done.json()["resolve_reason"]) == ("resolved", "Reported late")
    assert "20 days after" in done.json()["resolve_mismatch"]
    incident = Incident.objects.get(pk=flag.incident_id)
    assert incident.crime_number == crime.crime_number
    assert client.get(f"/api/v1/incidents/{incident.pk}/").json()["crimes"][0]["crime_number"] == (
        crime.crime_number
    )
    listed = client.get("/api/v1/qa/unrecorded-incidents/?status=resolved&mismatch=true").json()
    assert [row["id"] for row in listed["results"]] == [flag.pk]


def test_escalations_through_the_api_have_a_filter_and_an_age(flag: UnrecordedFlag, api_as: Any) -> None:
    client = api_as("sergeant")
    base = f"/api/v1/qa/unrecorded-incidents/{flag.pk}"
    assert client.post(f"{base}/escalate/", {"note": "Crime or civil?"}, format="json").status_code == 200
    waiting = client.get("/api/v1/qa/unrecorded-incidents/?escalation=open").json()["results"]
    assert [(r["id"], r["escalation"], r["escalation_hours"]) for r in waiting] == [(flag.pk, "open", 0)]
    answered = client.post(f"{base}/answer/", {"answer": "Civil: recode PS-CIVIL"}, format="json")
    assert answered.json()["escalation"] == "answered"
    assert client.get("/api/v1/qa/unrecorded-incidents/?escalation=open").json()["count"] == 0
    assert client.post(f"{base}/answer/", {"answer": "again"}, format="json").status_code == 400
