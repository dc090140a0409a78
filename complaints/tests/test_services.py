from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

import pytest
from django.utils import timezone

from complaints import selectors, services
from complaints.models import CaseAction, ComplaintCase, Contact, ReviewApplication, Route, TriageDecision
from complaints.tests.factories import ComplaintCaseFactory, ComplimentFactory
from config.exceptions import DomainError
from staffing.tests.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


def _case(advisor: Any, **kw: Any) -> ComplaintCase:
    return cast(ComplaintCase, ComplaintCaseFactory(actor=advisor, **kw))


def test_it_numbers_cases_per_year_without_gaps(advisor: Any) -> None:
    a, b = _case(advisor), _case(advisor)
    year = timezone.localdate(a.received_at).year
    assert a.reference == f"CO/{year}/00001"
    assert b.reference == f"CO/{year}/00002"


def test_it_sets_first_update_28_days_after_receipt(advisor: Any) -> None:
    received = dt.datetime(2026, 2, 10, 10, 0, tzinfo=dt.UTC)
    case = _case(advisor, received_at=received, incident_date=dt.date(2026, 2, 1))
    assert case.next_update_due == dt.date(2026, 3, 10)  # C-UPDATE-28D
    assert case.initial_contact_due is not None and case.initial_contact_due > dt.date(2026, 2, 10)
    assert case.actions.get().kind == CaseAction.Kind.CREATED


def test_it_rejects_events_in_the_future_and_stores_nothing(advisor: Any) -> None:
    with pytest.raises(DomainError) as err:
        _case(advisor, incident_date=timezone.localdate() + dt.timedelta(days=2))
    assert err.value.field == "incident_date"
    assert ComplaintCase.objects.count() == 0


def test_it_rejects_an_unknown_category(advisor: Any) -> None:
    with pytest.raises(DomainError) as err:
        services.complaint_create(
            actor=advisor,
            kind="complaint",
            received_at=timezone.now(),
            channel="email",
            summary="x",
            complainants=[{"name": "A"}],
            allegations=[{"category": "Z9"}],
        )
    assert err.value.field == "category"
    assert ComplaintCase.objects.count() == 0


def test_acting_for_someone_needs_consent_evidence(advisor: Any) -> None:
    with pytest.raises(DomainError) as err:
        _case(advisor, complainant={"acting_for_someone": True, "on_behalf_of": "Mum"})
    assert err.value.field == "consent_evidence"  # C-ELIG-ON-BEHALF


def test_accepting_triage_records_the_proposal(advisor: Any) -> None:
    case = _case(advisor)
    case = services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    decision = TriageDecision.objects.get(case=case)
    assert case.route == Route.OUTSIDE_SCHEDULE_3
    assert decision.accepted and decision.rules
    assert case.version == 2


def test_overriding_triage_needs_a_reason(advisor: Any) -> None:
    case = _case(advisor)
    with pytest.raises(DomainError) as err:
        services.complaint_triage_decide(
            case_id=case.pk, actor=advisor, accept=False, route=Route.SCHEDULE_3_RP
        )
    assert err.value.field == "reason"
    case = services.complaint_triage_decide(
        case_id=case.pk, actor=advisor, accept=False, route=Route.SCHEDULE_3_RP, reason="Repeat complaint"
    )
    assert case.route == Route.SCHEDULE_3_RP
    assert TriageDecision.objects.get(case=case).reason == "Repeat complaint"


def test_a_stale_version_is_refused(advisor: Any) -> None:
    case = _case(advisor)
    with pytest.raises(DomainError) as err:
        services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True, version=99)
    assert err.value.field == "version"


def test_service_recovery_is_blocked_when_recording_is_required(advisor: Any) -> None:
    case = _case(advisor, flags={"could_justify_criminal_or_disciplinary": True})
    with pytest.raises(DomainError) as err:
        services.complaint_service_recovery(
            case_id=case.pk, actor=advisor, complainant_agreed=True, reason="r"
        )
    assert err.value.field == "route"  # C-OUTSIDE-S3-CONDITIONS
    case.refresh_from_db()
    assert case.route == ""


def test_service_recovery_needs_agreement(advisor: Any) -> None:
    case = _case(advisor)
    with pytest.raises(DomainError) as err:
        services.complaint_service_recovery(
            case_id=case.pk, actor=advisor, complainant_agreed=False, reason="r"
        )
    assert err.value.field == "complainant_agreed"
    case = services.complaint_service_recovery(
        case_id=case.pk, actor=advisor, complainant_agreed=True, reason="ok"
    )
    assert case.route == Route.OUTSIDE_SCHEDULE_3


def test_recording_hands_over_to_dse(advisor: Any) -> None:
    case = _case(advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False)
    today = timezone.localdate()
    with pytest.raises(DomainError) as err:
        services.complaint_record(case_id=case.pk, actor=advisor, recorded_on=today)
    assert err.value.field == "dse_handover_on"
    case = services.complaint_record(
        case_id=case.pk, actor=advisor, recorded_on=today, dse_handover_on=today, dse_reference="DSE/1"
    )
    assert case.recorded_on == today and case.dse_reference == "DSE/1"
    assert case.route == Route.SCHEDULE_3_RP
    assert set(case.actions.values_list("kind", flat=True)) >= {"recorded", "dse_handover"}


def test_an_outside_schedule_3_case_is_recorded_when_the_complainant_asks(advisor: Any) -> None:
    case = _case(advisor)
    services.complaint_service_recovery(
        case_id=case.pk, actor=advisor, complainant_agreed=True, reason="Apology"
    )
    today = timezone.localdate()
    case = services.complaint_record(
        case_id=case.pk,
        actor=advisor,
        recorded_on=today,
        dse_handover_on=today,
        dse_reference="DSE/2",
        reason="Complainant now wants it recorded",
    )
    assert case.route == Route.SCHEDULE_3_RP  # C-OUTSIDE-S3-ESCALATE


def test_chief_officer_complaint_is_handled_by_the_pcc(advisor: Any) -> None:
    case = _case(advisor, about_chief_officer=True, subjects=[{"kind": "chief_officer"}])
    assert case.appropriate_authority == "local_policing_body"  # C-CHIEF-OFFICER
    case = services.complaint_pcc_handle(case_id=case.pk, actor=advisor, reason="Chief constable named")
    case = services.complaint_record(case_id=case.pk, actor=advisor, recorded_on=timezone.localdate())
    assert case.dse_handover_on is None
    assert case.actions.filter(kind="pcc_handling").exists()


def test_referral_to_the_iopc(advisor: Any) -> None:
    case = _case(advisor, flags={"serious_assault": True})
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    case = services.complaint_refer_iopc(
        case_id=case.pk, actor=advisor, referred_on=timezone.localdate(), iopc_reference="IOPC/9"
    )
    assert case.route == Route.REFERRED_TO_IOPC and case.recorded_on is not None


def test_an_update_moves_the_next_update_28_days_on(advisor: Any) -> None:
    case = _case(advisor)
    at = timezone.now() - dt.timedelta(hours=1)
    services.contact_log(
        case_id=case.pk, actor=advisor, at=at, method="phone", summary="Progress", is_update=True
    )
    case.refresh_from_db()
    assert case.next_update_due == timezone.localdate(at) + dt.timedelta(days=28)  # C-UPDATE-28D


def test_an_outcome_not_fitting_the_route_changes_nothing(advisor: Any) -> None:
    case = _case(advisor)
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)  # outside Sch3
    with pytest.raises(DomainError) as err:
        services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="S3-SERVICE-ACCEPTABLE")
    assert err.value.field == "outcome"
    case.refresh_from_db()
    assert case.status == "open" and case.outcome is None


def test_closing_a_schedule_3_case_computes_the_review_right(advisor: Any) -> None:
    case = _case(advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False)
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    outcome_on = timezone.localdate() - dt.timedelta(days=1)
    case = services.complaint_close(
        case_id=case.pk, actor=advisor, outcome_code="S3-SERVICE-ACCEPTABLE", outcome_on=outcome_on
    )
    assert case.status == "closed"
    assert case.review_body == "local_policing_body"  # C-REVIEW-BODY
    assert case.review_deadline == outcome_on + dt.timedelta(days=28)  # C-REVIEW-28D
    assert (
        case.retention_review_on is not None
        and case.retention_review_on.year == timezone.localdate().year + 6
    )
    assert case.outcome_notice_due is not None and case.outcome_notice_due > outcome_on  # C-OUTCOME-5WD


def test_outside_schedule_3_outcome_has_no_review_right(advisor: Any) -> None:
    case = _case(advisor)
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    case = services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="OS3-RESOLVED")
    assert case.review_body == "" and case.review_deadline is None  # C-OUTSIDE-S3-ESCALATE


def test_a_closed_case_cannot_be_edited(advisor: Any) -> None:
    case = _case(advisor)
    services.complaint_withdraw(case_id=case.pk, actor=advisor, reason="Signed notice received")
    with pytest.raises(DomainError) as err:
        services.contact_log(case_id=case.pk, actor=advisor, at=timezone.now(), method="phone", summary="x")
    assert err.value.field == "status"
    assert Contact.objects.filter(case=case).count() == 0


def test_discontinuance_needs_an_investigation(advisor: Any) -> None:
    case = _case(advisor)
    with pytest.raises(DomainError) as err:
        services.complaint_discontinue(case_id=case.pk, actor=advisor, reason="x")
    assert err.value.field == "route"


def test_review_logged_in_time_or_late(advisor: Any) -> None:
    case = _case(advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False)
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    outcome_on = timezone.localdate() - dt.timedelta(days=40)
    services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="S3-NFA", outcome_on=outcome_on)
    late = services.review_log(case_id=case.pk, actor=advisor, received_on=outcome_on + dt.timedelta(days=29))
    assert late.in_time is False


def test_day_28_is_in_time(advisor: Any) -> None:
    case = _case(advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False)
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    outcome_on = timezone.localdate() - dt.timedelta(days=40)
    services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="S3-NFA", outcome_on=outcome_on)
    ok = services.review_log(
        case_id=case.pk,
        actor=advisor,
        received_on=outcome_on + dt.timedelta(days=28),
        result_code="REVIEW-NOT-UPHELD",
    )
    assert ok.in_time is True and ok.result is not None


def test_a_review_result_is_recorded_on_its_application_c_review_outcome(advisor: Any) -> None:
    case = _case(advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False)
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    outcome_on = timezone.localdate() - dt.timedelta(days=10)
    services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="S3-NFA", outcome_on=outcome_on)
    review = services.review_log(
        case_id=case.pk, actor=advisor, received_on=outcome_on + dt.timedelta(days=2)
    )
    with pytest.raises(DomainError) as err:
        services.review_decide(review_id=review.pk, actor=advisor, result_code="S3-NFA")
    assert err.value.field == "result"
    with pytest.raises(DomainError) as err:  # a second application is refused: the result goes on the first
        services.review_log(case_id=case.pk, actor=advisor, received_on=timezone.localdate())
    assert err.value.field == "received_on"
    with pytest.raises(DomainError) as err:
        services.review_decide(
            review_id=review.pk, actor=advisor, result_code="REVIEW-UPHELD", decided_on=outcome_on
        )
    assert err.value.field == "decided_on"  # before the application was received
    decided = services.review_decide(
        review_id=review.pk, actor=advisor, result_code="REVIEW-UPHELD", recommendations="Train the team."
    )
    assert (decided.pk, decided.result.code, decided.recommendations) == (  # type: ignore[union-attr]
        review.pk,
        "REVIEW-UPHELD",
        "Train the team.",
    )
    assert decided.decided_on == timezone.localdate()
    with pytest.raises(DomainError):  # recorded once
        services.review_decide(review_id=review.pk, actor=advisor, result_code="REVIEW-NOT-UPHELD")
    assert ReviewApplication.objects.count() == 1
    assert decided.history.first().history_change_reason == "Review result"  # type: ignore[attr-defined]


def test_compliment_goes_to_the_officers_line_manager(advisor: Any) -> None:
    sergeant = UserFactory(role="sergeant")
    team = TeamFactory(code="RC-X", sergeant=sergeant)
    officer = UserFactory(role="investigator", team=team)
    compliment = ComplimentFactory(
        actor=advisor, subjects=[{"kind": "officer", "name": "PC X", "user": officer}]
    )
    case = services.compliment_forward(case_id=compliment.pk, actor=advisor)
    action = case.actions.get(kind="compliment_forwarded")
    assert action.recipient == sergeant


def test_only_a_manager_reassigns(advisor: Any, make_user: Callable[..., Any]) -> None:
    case = _case(advisor)
    other = make_user("advisor")
    with pytest.raises(DomainError):
        services.case_reassign(case_id=case.pk, actor=advisor, assignee=other, reason="leave")
    case = services.case_reassign(case_id=case.pk, actor=make_user("manager"), assignee=other, reason="leave")
    assert case.assigned_to == other
    assert case.actions.filter(kind="reassigned", recipient=other).exists()


def test_my_cases_put_overdue_first(advisor: Any) -> None:
    fresh = _case(advisor)
    old = _case(advisor, received_at=timezone.now() - dt.timedelta(days=40), incident_date=None)
    assert [c.pk for c in selectors.case_list_mine(user=advisor)] == [old.pk, fresh.pk]
    assert [c.pk for c in selectors.case_list_overdue(user=advisor)] == [old.pk]


def test_a_subject_never_sees_their_case(advisor: Any, make_user: Callable[..., Any]) -> None:
    manager = make_user("manager")
    _case(advisor, subjects=[{"kind": "officer", "name": "M", "user": manager}])
    assert list(selectors.case_search(user=manager)) == []


def test_learning_report_counts_themes_and_repeat_officers(advisor: Any) -> None:
    _case(advisor)
    _case(advisor)
    today = timezone.localdate()
    start, end = selectors.period_bounds(period="quarter", year=today.year, number=(today.month - 1) // 3 + 1)
    report = selectors.learning_report(start=start - dt.timedelta(days=31), end=end)
    assert report.received == 2
    assert report.by_category[0]["n"] == 2
    assert report.repeat_officers[0]["collar_number"] == "4521"
    assert report.repeat_locations[0]["location"] == "Riverside"


def test_lesson_links_cases(advisor: Any) -> None:
    case = _case(advisor)
    lesson = services.lesson_create(
        actor=advisor,
        title="Call backs",
        description="Set reminders",
        level="organisational",
        case_ids=[case.pk],
    )
    assert list(lesson.cases.all()) == [case]
    with pytest.raises(DomainError) as err:
        services.lesson_create(
            actor=advisor, title="t", description="d", level="organisational", category_code="Z9"
        )
    assert err.value.field == "category"


def test_subject_access_export_finds_a_complainant(advisor: Any) -> None:
    _case(advisor)
    data = selectors.subject_access_data(name="alex morgan", user=advisor)
    assert data["as_complainant"][0]["email"] == "alex@example.org"
