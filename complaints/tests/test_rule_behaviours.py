"""Complaint rules of the catalogue that had no test of their own (issue 16 part 5: every rule is cited
by a test of the behaviour it governs). Each test names its rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

import pytest
from django.test import Client
from django.utils import timezone

from complaints import selectors, services
from complaints.data_protection import case_review_items
from complaints.models import CaseAction, ComplaintCase, Contact, EqualityData, Route
from complaints.tests.factories import ComplaintCaseFactory
from config.exceptions import DomainError
from staffing.models import AccessLog
from staffing.services import letters
from staffing.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


def _case(advisor: Any, **kw: Any) -> ComplaintCase:
    return cast(ComplaintCase, ComplaintCaseFactory(actor=advisor, **kw))


def _recorded(advisor: Any, **kw: Any) -> ComplaintCase:
    """A complaint the complainant wants recorded, triaged onto the route the engine proposes."""
    case = _case(advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False, **kw)
    return services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)


def _investigation(advisor: Any) -> ComplaintCase:
    case = _case(advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False)
    return services.complaint_triage_decide(
        case_id=case.pk,
        actor=advisor,
        accept=False,
        route=Route.SCHEDULE_3_INVESTIGATION,
        reason="DSE found an indication of misconduct",
    )


def _rules_of(case: ComplaintCase, kind: str) -> list[str]:
    return [r for a in case.actions.filter(kind=kind) for r in a.rules]


# ---------------------------------------------------------------- logging and handling


def test_c_log_all_every_step_is_logged_with_who_when_and_what(advisor: Any) -> None:
    """C-LOG-ALL: receipt, contacts and the outcome each leave a log row naming who acted and when."""
    case = _case(advisor)
    services.contact_log(
        case_id=case.pk, actor=advisor, at=timezone.now(), method="phone", summary="Explained the process"
    )
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="OS3-RESOLVED")
    actions = list(case.actions.order_by("at", "pk"))
    kinds = [a.kind for a in actions]
    assert kinds[0] == CaseAction.Kind.CREATED and "C-LOG-ALL" in actions[0].rules
    assert CaseAction.Kind.CONTACT in kinds and kinds[-1] == CaseAction.Kind.OUTCOME
    assert all(a.actor == advisor and a.at is not None for a in actions)


def test_c_outside_s3_log_informal_handling_is_still_logged_and_counted(advisor: Any) -> None:
    """C-OUTSIDE-S3-LOG: a complaint resolved outside Schedule 3 is logged and counted in the data
    return by its route."""
    case = _case(advisor)
    services.complaint_service_recovery(
        case_id=case.pk, actor=advisor, complainant_agreed=True, reason="Apology"
    )
    assert "C-OUTSIDE-S3-LOG" in _rules_of(case, CaseAction.Kind.SERVICE_RECOVERY)
    today = timezone.localdate()
    report = selectors.learning_report(start=today - dt.timedelta(days=30), end=today + dt.timedelta(days=1))
    assert {"route": Route.OUTSIDE_SCHEDULE_3, "n": 1} in [
        {"route": r["route"], "n": r["n"]} for r in report.by_route
    ]


def test_c_rp_handling_a_recorded_complaint_without_indication_of_misconduct_is_handled_not_investigated(
    advisor: Any,
) -> None:
    """C-RP-HANDLING: recorded, but nothing suggests a crime or misconduct: handled reasonably and
    proportionately, not investigated."""
    proposal = selectors.case_triage(_case(advisor, complainant_wants_recording=True))
    assert proposal.route == Route.SCHEDULE_3_RP
    assert "C-RP-HANDLING" in proposal.rules


def test_c_dsi_death_or_serious_injury_goes_to_the_iopc(advisor: Any) -> None:
    """C-DSI: a death or serious injury after police contact must reach the IOPC; an allegation of it
    must be recorded (C-RECORD-DSI) and referred."""
    proposal = selectors.case_triage(_case(advisor, flags={"death_or_serious_injury": True}))
    assert proposal.must_refer_to_iopc and proposal.must_record
    assert "C-RECORD-DSI" in proposal.rules


def test_c_record_copy_recording_logs_the_copy_of_the_record(advisor: Any) -> None:
    """C-RECORD-COPY: recording under Schedule 3 is logged with the duty to send the complainant a copy
    of the record."""
    case = _case(advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False)
    today = timezone.localdate()
    case = services.complaint_record(
        case_id=case.pk, actor=advisor, recorded_on=today, dse_handover_on=today, dse_reference="DSE/7"
    )
    assert case.recorded_on == today
    assert "C-RECORD-COPY" in _rules_of(case, CaseAction.Kind.RECORDED)


def test_c_voluntary_referral_needs_a_reason_and_is_logged_as_voluntary(advisor: Any) -> None:
    """C-VOLUNTARY-REFERRAL: with no mandatory criterion, a referral to the IOPC needs the reason its
    seriousness justifies it."""
    case = _recorded(advisor)
    assert not case.must_refer_to_iopc
    with pytest.raises(DomainError) as err:
        services.complaint_refer_iopc(case_id=case.pk, actor=advisor, referred_on=timezone.localdate())
    assert err.value.field == "reason"
    case = services.complaint_refer_iopc(
        case_id=case.pk, actor=advisor, referred_on=timezone.localdate(), reason="Repeated pattern of conduct"
    )
    assert case.route == Route.REFERRED_TO_IOPC
    assert "C-VOLUNTARY-REFERRAL" in _rules_of(case, CaseAction.Kind.IOPC_REFERRAL)


# ---------------------------------------------------------------- outcomes, letters and review


def test_c_rp_outcome_each_allegation_gets_a_handling_outcome_not_an_investigation_finding(
    advisor: Any,
) -> None:
    """C-RP-OUTCOME: outcome per allegation (service acceptable / not acceptable / not able to
    determine, or NFA); a misconduct finding is not an outcome of reasonable and proportionate
    handling."""
    case = _recorded(advisor)
    with pytest.raises(DomainError) as err:
        services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="INV-CASE-TO-ANSWER")
    assert err.value.field == "outcome"
    allegation = case.allegations.get()
    case = services.complaint_close(
        case_id=case.pk,
        actor=advisor,
        outcome_code="S3-SERVICE-ACCEPTABLE",
        allegation_outcomes={allegation.pk: "S3-SERVICE-NOT-ACCEPTABLE"},
    )
    allegation.refresh_from_db()
    assert allegation.outcome.code == "S3-SERVICE-NOT-ACCEPTABLE"


def test_c_inv_outcomes_an_investigation_ends_in_a_finding_or_is_discontinued(advisor: Any) -> None:
    """C-INV-OUTCOMES: an investigation may end in case to answer (and the like) or be discontinued;
    a handling outcome does not fit it."""
    case = _investigation(advisor)
    with pytest.raises(DomainError):
        services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="S3-SERVICE-ACCEPTABLE")
    closed = services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="INV-CASE-TO-ANSWER")
    assert closed.outcome.code == "INV-CASE-TO-ANSWER" and closed.review_body
    other = _investigation(advisor)
    other = services.complaint_discontinue(case_id=other.pk, actor=advisor, reason="Officer retired")
    assert other.status == ComplaintCase.Status.DISCONTINUED and other.outcome.code == "INV-DISCONTINUED"
    assert "C-INV-OUTCOMES" in _rules_of(other, CaseAction.Kind.DISCONTINUED)


def test_c_outcome_content_the_letter_gives_each_outcome_the_review_body_and_deadline(advisor: Any) -> None:
    """C-OUTCOME-CONTENT: the outcome letter says what was done, the outcome per allegation and, for a
    Schedule 3 complaint, the right of review, the review body and the deadline; the text sent is kept."""
    case = _recorded(advisor)
    outcome_on = timezone.localdate() - dt.timedelta(days=1)
    case = services.complaint_close(
        case_id=case.pk,
        actor=advisor,
        outcome_code="S3-SERVICE-NOT-ACCEPTABLE",
        outcome_on=outcome_on,
        reason="Apologised; the officer will call back within a day in future",
    )
    letter = letters.letter_draft(
        record_type="complaint_case", record_id=case.pk, actor=advisor, purpose="outcome"
    )
    assert "the officer will call back within a day" in letter.body
    assert "Service provided was not acceptable" in letter.body
    assert case.get_review_body_display() in letter.body
    assert case.review_deadline is not None
    assert f"{case.review_deadline.day} {case.review_deadline:%B %Y}" in letter.body
    manager = UserFactory(role="manager")
    letters.letter_submit(letter_id=letter.pk, actor=advisor)
    letters.letter_decide(letter_id=letter.pk, actor=manager, approve=True)
    letter = letters.letter_issue(letter_id=letter.pk, actor=advisor)
    assert "the officer will call back within a day" in letter.issued_html  # the text sent is kept
    letters.letter_send(letter_id=letter.pk, actor=advisor, channel="post_by_hand")
    assert "C-OUTCOME-CONTENT" in _rules_of(case, CaseAction.Kind.LETTER)


def test_c_review_outcome_a_review_is_upheld_or_not_and_nothing_else(advisor: Any) -> None:
    """C-REVIEW-OUTCOME: a review is upheld or not upheld; its result is logged."""
    case = _recorded(advisor)
    services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="S3-SERVICE-ACCEPTABLE")
    review = services.review_log(case_id=case.pk, actor=advisor, received_on=timezone.localdate())
    with pytest.raises(DomainError) as err:
        services.review_decide(review_id=review.pk, actor=advisor, result_code="S3-SERVICE-ACCEPTABLE")
    assert err.value.field == "result"
    review = services.review_decide(review_id=review.pk, actor=advisor, result_code="REVIEW-UPHELD")
    assert review.result is not None and review.result.code == "REVIEW-UPHELD"
    decided = case.actions.filter(kind=CaseAction.Kind.REVIEW).order_by("-at", "-pk").first()
    assert decided is not None and "C-REVIEW-OUTCOME" in decided.rules


def test_c_update_exceptions_withheld_information_keeps_its_harm_test_reason(
    advisor: Any, client: Client
) -> None:
    """C-UPDATE-EXCEPTIONS: an update may withhold information under the harm test; the reason is
    recorded with the update and shown on the case."""
    case = _case(advisor)
    services.contact_log(
        case_id=case.pk,
        actor=advisor,
        at=timezone.now() - dt.timedelta(minutes=5),
        method="phone",
        summary="Progress update",
        is_update=True,
        withheld_reason="Prejudice to criminal proceedings",
    )
    assert Contact.objects.get(case=case).withheld_reason == "Prejudice to criminal proceedings"
    client.force_login(advisor)
    assert (
        "Withheld: Prejudice to criminal proceedings"
        in client.get(f"/complaints/{case.pk}/").content.decode()
    )


# ---------------------------------------------------------------- access, learning, data


def test_c_access_adjustments_are_kept_and_shape_the_letters(advisor: Any) -> None:
    """C-ACCESS: adjustments agreed with the complainant are stored and used: a large-print letter."""
    case = _case(advisor, complainant={"adjustments": ["large_print", "interpreter"]})
    assert case.complainants.get().adjustments == ["large_print", "interpreter"]
    letter = letters.letter_draft(
        record_type="complaint_case", record_id=case.pk, actor=advisor, purpose="acknowledgement"
    )
    assert letter.format == "large_print" and letter.translation_needed
    letter = letters.letter_issue(letter_id=letter.pk, actor=advisor)
    assert "font-size: 18pt" in letter.issued_html


def test_c_learning_and_c_data_return_count_themes_routes_and_outcomes(advisor: Any) -> None:
    """C-LEARNING: themes per category and learning points linked to cases; C-DATA-RETURN: counts by
    handling route and outcome for the return to the IOPC."""
    first = _case(advisor)
    services.complaint_triage_decide(case_id=first.pk, actor=advisor, accept=True)
    services.complaint_close(case_id=first.pk, actor=advisor, outcome_code="OS3-RESOLVED")
    _case(advisor)
    lesson = services.lesson_create(
        actor=advisor,
        title="Call backs",
        description="Diary call backs",
        level="organisational",
        case_ids=[first.pk],
    )
    assert list(lesson.cases.all()) == [first]
    today = timezone.localdate()
    report = selectors.learning_report(start=today - dt.timedelta(days=30), end=today + dt.timedelta(days=1))
    assert report.received == 2 and report.by_category[0]["n"] == 2
    assert [(r["outcome__code"], r["n"]) for r in report.by_outcome] == [("OS3-RESOLVED", 1)]


def test_c_lpb_oversight_the_published_figures_carry_no_personal_details(advisor: Any) -> None:
    """C-LPB-OVERSIGHT: the local policing body publishes how complaints are handled: the learning
    figures (CSV) count cases and name no complainant."""
    _case(advisor)
    today = timezone.localdate()
    report = selectors.learning_report(start=today - dt.timedelta(days=30), end=today + dt.timedelta(days=1))
    text = "\n".join(",".join(row) for row in selectors.learning_report_rows(report))
    assert "category" in text and "Alex Morgan" not in text and "alex@example.org" not in text


def test_c_dp_sharing_a_subject_access_export_is_logged(
    make_user: Callable[..., Any], advisor: Any, client: Client
) -> None:
    """C-DP-SHARING: disclosures leave an audit trail: a subject access search is in the access log."""
    _case(advisor)
    manager = make_user("manager")
    client.force_login(manager)
    response = client.get("/complaints/subject-access/", {"name": "Alex Morgan", "purpose": "SAR 12"})
    assert response.status_code == 200
    assert AccessLog.objects.filter(user=manager, record_type="complaint_subject_access").exists()


def test_c_dp_retention_a_closed_case_is_due_review_after_the_retention_period(
    advisor: Any, settings: Any
) -> None:
    """C-DP-RETENTION: closing sets the review date by the retention schedule; a case past it is in the
    MoPI review queue."""
    settings.RESOLVE_COMPLAINT_RETENTION_YEARS = 6
    case = _case(advisor)
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    case = services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="OS3-RESOLVED")
    assert case.retention_review_on is not None
    assert case.retention_review_on.year == timezone.localdate().year + 6
    assert case.reference not in {i.reference for i in case_review_items(today=timezone.localdate())}
    due = {i.reference for i in case_review_items(today=case.retention_review_on)}
    assert case.reference in due


def test_c_dp_lawful_basis_special_category_data_is_optional_and_kept_apart(
    advisor: Any, client: Client
) -> None:
    """C-DP-LAWFUL-BASIS: special category data (equality monitoring) needs its own condition, so it is
    never required to log a complaint, is held apart from the complainant's record and is not shown to
    the advisor handling the case."""
    without = _case(advisor)
    assert not EqualityData.objects.filter(complainant__case=without).exists()
    case = _case(advisor, complainant={"equality": {"religion": "Quaker"}})
    assert EqualityData.objects.get(complainant__case=case).religion == "Quaker"
    client.force_login(advisor)
    assert "Quaker" not in client.get(f"/complaints/{case.pk}/").content.decode()
