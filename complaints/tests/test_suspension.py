"""Suspending and resuming handling of a Schedule 3 case: the case actions, page and API, and the IOPC
data return's figure excluding suspension (complaints.models.CaseSuspension)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

import pytest
from django.test import Client
from django.utils import timezone

from complaints import services
from complaints.models import CaseAction, CaseSuspension, ComplaintCase
from complaints.tests.factories import ComplaintCaseFactory
from config.exceptions import DomainError

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


def _schedule_3(advisor: Any) -> ComplaintCase:
    case = ComplaintCaseFactory(
        actor=advisor,
        complainant_wants_recording=True,
        complainant_agrees_outside_schedule_3=False,
        received_at=timezone.now() - dt.timedelta(days=20),
    )
    return cast(ComplaintCase, services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True))


def _suspend(case: ComplaintCase, advisor: Any, **data: Any) -> Any:
    return services.case_action("suspend", case_id=case.pk, actor=advisor, data=data)


def _resume(case: ComplaintCase, advisor: Any, **data: Any) -> Any:
    return services.case_action("resume", case_id=case.pk, actor=advisor, data=data)


def _refused(call: Callable[[], Any]) -> DomainError:
    with pytest.raises(DomainError) as refused:
        call()
    return refused.value


def test_suspend_then_resume_records_one_period_and_logs_both(advisor: Any) -> None:
    case = _schedule_3(advisor)
    started = TODAY() - dt.timedelta(days=10)
    suspension = _suspend(
        case, advisor, started_on=started, reason="Criminal proceedings against the officer"
    )
    assert (suspension.started_on, suspension.ended_on) == (started, None)
    assert suspension.history.first().history_change_reason == "Handling suspended"
    resumed = _resume(case, advisor, ended_on=TODAY() - dt.timedelta(days=2))
    assert resumed.pk == suspension.pk and resumed.ended_on == TODAY() - dt.timedelta(days=2)
    kinds = list(case.actions.values_list("kind", flat=True)[:2])
    assert kinds == [CaseAction.Kind.RESUMED, CaseAction.Kind.SUSPENDED]
    assert "suspended 8 days" in case.actions.first().summary
    # a second period after the first
    _suspend(case, advisor, started_on=TODAY(), reason="Trial")
    assert case.suspensions.count() == 2


def test_a_case_cannot_be_suspended_twice_at_once(advisor: Any) -> None:
    case = _schedule_3(advisor)
    _suspend(case, advisor, started_on=TODAY(), reason="Criminal proceedings")
    again = _refused(lambda: _suspend(case, advisor, started_on=TODAY(), reason="Again"))
    assert again.field == "started_on" and "already suspended" in again.message
    assert case.suspensions.count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"started_on": None, "reason": "x"}, "started_on"),
        ({"started_on": "future", "reason": "x"}, "started_on"),
        ({"started_on": "before", "reason": "x"}, "started_on"),
        ({"started_on": "today", "reason": "  "}, "reason"),
    ],
)
def test_bad_suspensions_name_the_field_and_store_nothing(
    advisor: Any, data: dict[str, Any], field: str
) -> None:
    case = _schedule_3(advisor)
    days = {"future": 1, "before": -30, "today": 0}
    if isinstance(data["started_on"], str):
        data = {**data, "started_on": TODAY() + dt.timedelta(days=days[data["started_on"]])}
    assert _refused(lambda: _suspend(case, advisor, **data)).field == field
    assert not CaseSuspension.objects.exists()


def test_resume_needs_an_open_suspension_and_a_sensible_date(advisor: Any) -> None:
    case = _schedule_3(advisor)
    assert _refused(lambda: _resume(case, advisor, ended_on=TODAY())).field == "ended_on"
    _suspend(case, advisor, started_on=TODAY() - dt.timedelta(days=3), reason="Proceedings")
    early = _refused(lambda: _resume(case, advisor, ended_on=TODAY() - dt.timedelta(days=4)))
    future = _refused(lambda: _resume(case, advisor, ended_on=TODAY() + dt.timedelta(days=1)))
    assert (early.field, future.field) == ("ended_on", "ended_on")
    assert case.suspensions.get().ended_on is None


def test_only_a_schedule_3_case_can_be_suspended(advisor: Any) -> None:
    informal = ComplaintCaseFactory(actor=advisor)
    services.complaint_triage_decide(case_id=informal.pk, actor=advisor, accept=True)
    refused = _refused(lambda: _suspend(informal, advisor, started_on=TODAY(), reason="x"))
    assert refused.field == "route"


def test_the_case_page_lists_suspensions_and_offers_one_action_at_a_time(
    client: Client, advisor: Any
) -> None:
    client.force_login(advisor)
    case = _schedule_3(advisor)
    page = client.get(f"/complaints/{case.pk}/").content.decode()
    assert "Suspension of handling" in page and "Suspend handling" in page and "Resume handling" not in page
    response = client.post(
        f"/complaints/{case.pk}/do/suspend/",
        {
            "suspend-started_on": (TODAY() - dt.timedelta(days=1)).isoformat(),
            "suspend-reason": "Awaiting the trial",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Handling suspended" in page and "Awaiting the trial" in page and "Still suspended" in page
    assert "Resume handling" in page and "Suspend handling</button>" not in page
    refused = client.post(
        f"/complaints/{case.pk}/do/resume/",
        {"resume-ended_on": (TODAY() + dt.timedelta(days=3)).isoformat()},
    )
    assert refused.status_code == 400 and "future" in refused.content.decode()
    client.post(f"/complaints/{case.pk}/do/resume/", {"resume-ended_on": TODAY().isoformat()})
    assert case.suspensions.get().ended_on == TODAY()


def test_the_api_suspends_and_resumes_through_the_same_action(
    api_as: Callable[..., Any], advisor: Any
) -> None:
    case = _schedule_3(advisor)
    api = api_as("advisor")
    url = f"/api/v1/complaints/cases/{case.pk}/actions/"
    start = (TODAY() - dt.timedelta(days=5)).isoformat()
    body = api.post(url, {"action": "suspend", "started_on": start, "reason": "Proceedings"}, format="json")
    assert body.status_code == 200, body.json()
    assert body.json()["suspensions"][0]["started_on"] == start
    twice = api.post(url, {"action": "suspend", "started_on": start, "reason": "Again"}, format="json")
    assert twice.status_code == 400 and "started_on" in twice.json()
    done = api.post(url, {"action": "resume", "ended_on": TODAY().isoformat()}, format="json")
    assert done.json()["suspensions"][0]["ended_on"] == TODAY().isoformat()
    again = api.post(url, {"action": "resume", "ended_on": TODAY().isoformat()}, format="json")
    assert again.status_code == 400 and "ended_on" in again.json()
