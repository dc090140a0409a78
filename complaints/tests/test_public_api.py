"""The public form's follow-ups through the API (issue 23 part 1): unmasking an anonymous complainant and
recording an agent's written authority, on the services and with the gates the case page uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from complaints import services
from complaints.models import CaseAction, ComplaintCase
from complaints.services.public import PublicSubmission
from config.exceptions import DomainError
from staffing.models import AccessLog

pytestmark = pytest.mark.django_db

WHAT = "An officer shouted at me outside the station and would not give his number."


def _submitted(**over: Any) -> ComplaintCase:
    return services.public_complaint_submit(
        submission=PublicSubmission(
            kind="complaint", what_happened=WHAT, about="rude", subject_of_conduct=True, **over
        )
    )


def test_an_advisor_unmasks_an_anonymous_complainant_and_the_unmasking_is_logged(
    api_as: Callable[..., APIClient],
) -> None:
    case = _submitted(anonymous=True, name="Jo Secret", email="jo@example.org", phone="07700 900999")
    person = case.complainants.get()
    advisor = api_as("advisor")
    url = f"/api/v1/complaints/cases/{case.pk}/complainants/{person.pk}/unmask/"

    refused = advisor.post(url, {"reason": " "}, format="json")
    shown = advisor.post(url, {"reason": "Calling them back about the first contact"}, format="json")

    assert refused.status_code == 400 and list(refused.json()) == ["reason"]
    assert shown.status_code == 200, shown.json()
    assert shown.json() == {
        "complainant": person.pk,
        "name": "Jo Secret",
        "email": "jo@example.org",
        "phone": "07700 900999",
        "address": "",
    }
    log = AccessLog.objects.get(action="unmask")
    assert (log.user, log.record_id, log.purpose, log.path) == (
        advisor.user,  # type: ignore[attr-defined]
        str(case.pk),
        "Calling them back about the first contact",
        url,
    )
    # The case was opened as the page opens it: a "view" row for each call, beside the one unmasking.
    assert AccessLog.objects.filter(user=advisor.user, action="view", record_id=str(case.pk)).count() == 2  # type: ignore[attr-defined]


def test_only_complaints_staff_unmask_and_only_an_anonymous_complainant(
    api_as: Callable[..., APIClient],
) -> None:
    anonymous = _submitted(anonymous=True, name="Jo Secret")
    named = _submitted(name="Alex Member", email="alex@example.org")
    person = anonymous.complainants.get()
    body = {"reason": "curious"}

    by_recorder = api_as("recorder").post(
        f"/api/v1/complaints/cases/{anonymous.pk}/complainants/{person.pk}/unmask/", body, format="json"
    )
    not_anonymous = api_as("advisor").post(
        f"/api/v1/complaints/cases/{named.pk}/complainants/{named.complainants.get().pk}/unmask/",
        body,
        format="json",
    )
    wrong_case = api_as("advisor").post(
        f"/api/v1/complaints/cases/{named.pk}/complainants/{person.pk}/unmask/", body, format="json"
    )

    assert by_recorder.status_code == 403
    assert not_anonymous.status_code == 404 and wrong_case.status_code == 404
    assert not AccessLog.objects.filter(action="unmask").exists()


def test_an_agents_written_authority_is_recorded_and_handling_may_proceed(
    api_as: Callable[..., APIClient],
) -> None:
    case = _submitted(
        name="Pat Agent",
        email="pat@example.org",
        standing="agent",
        agent_relationship="other",
        on_behalf_of="Sam Relative",
    )
    person = case.complainants.get()
    advisor = api_as("advisor")
    url = f"/api/v1/complaints/cases/{case.pk}/authority/"
    with pytest.raises(DomainError, match="written authority of Sam Relative"):
        services.complaint_triage_decide(
            case_id=case.pk,
            actor=advisor.user,  # type: ignore[attr-defined]
            accept=False,
            reason="x",
            route="",
        )

    empty = advisor.post(url, {"complainant": person.pk, "evidence": ""}, format="json")
    done = advisor.post(
        url,
        {"complainant": person.pk, "evidence": "Signed letter of authority, 2 Dec", "version": case.version},
        format="json",
    )
    again = advisor.post(url, {"complainant": person.pk, "evidence": "Another letter"}, format="json")

    assert empty.status_code == 400 and list(empty.json()) == ["evidence"]
    assert done.status_code == 200, done.json()
    assert done.json()["reference"] == case.reference
    person.refresh_from_db()
    assert (person.authority_awaited, person.consent_of_affected, person.consent_evidence) == (
        False,
        True,
        "Signed letter of authority, 2 Dec",
    )
    action = case.actions.get(kind=CaseAction.Kind.AUTHORITY)
    assert action.actor == advisor.user  # type: ignore[attr-defined]
    assert again.status_code == 400 and list(again.json()) == ["complainant"]
    assert AccessLog.objects.filter(user=advisor.user, record_id=str(case.pk), action="view").count() == 3  # type: ignore[attr-defined]


def test_a_recorder_cannot_record_authority(api_as: Callable[..., APIClient]) -> None:
    case = _submitted(name="Pat Agent", standing="agent", agent_relationship="other", on_behalf_of="Sam")
    person = case.complainants.get()
    response = api_as("recorder").post(
        f"/api/v1/complaints/cases/{case.pk}/authority/",
        {"complainant": person.pk, "evidence": "Letter"},
        format="json",
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.authority_awaited
