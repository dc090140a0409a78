"""Outcomes: closing a case with its outcome and review right (C-REVIEW-RIGHT), withdrawal and
discontinuance. What follows an outcome (a review application and its result) is in review.py."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from complaints import rules
from complaints.models import CaseAction, ComplaintCase, ComplaintOutcome, ReviewRecommendation, Route
from complaints.selectors import allegation_facts, outcomes_for_route
from complaints.selectors.reference import time_limits
from complaints.services.common import (
    INVESTIGATION_ROUTES,
    SCHEDULE_3_ROUTES,
    _add_years,
    _lock_open,
    _log,
    _save,
    on_day,
    retention_years,
)
from config.exceptions import DomainError
from config.working_days import bank_holidays
from staffing.models import User


def _review_right(
    case: ComplaintCase, outcome: ComplaintOutcome, outcome_on: dt.date
) -> tuple[str, dt.date | None]:
    """C-REVIEW-RIGHT: Sch3 outcomes only; body by C-REVIEW-BODY; deadline by C-REVIEW-28D."""
    if case.route not in SCHEDULE_3_ROUTES or outcome.review_body_relevant != "yes":
        return "", None
    facts = [allegation_facts(a) for a in case.allegations.all()]
    body = rules.review_body(
        route=case.route,
        appropriate_authority=case.appropriate_authority or rules.Authority.CHIEF_OFFICER,
        about_senior_officer=any(f.about_senior_officer for f in facts),
        serious=any(rules.criminal_or_disciplinary(f) or f.article_2_or_3 for f in facts),
        referred=case.must_refer_to_iopc or case.route == Route.REFERRED_TO_IOPC,
    )
    if body is None:
        return "", None
    return str(body), rules.review_deadline(outcome_on, time_limits())


@transaction.atomic
def complaint_close(
    *,
    case_id: int,
    actor: User,
    outcome_code: str,
    outcome_on: dt.date | None = None,
    allegation_outcomes: dict[int, str] | None = None,
    reason: str = "",
    version: int | None = None,
) -> ComplaintCase:
    """Finalise with an outcome fitting the route; compute the review right (C-REVIEW-RIGHT). A case
    reopened by an upheld review closes only when every recommendation is done or answered."""
    case = _lock_open(case_id, version)
    still_open = case.recommendations.filter(status=ReviewRecommendation.Status.OPEN).count()
    if still_open:
        raise DomainError(
            f"{still_open} recommendation{'s' if still_open != 1 else ''} of the upheld review "
            f"{'are' if still_open != 1 else 'is'} still open: mark each done or answered first.",
            field="outcome",
        )
    outcome_on = outcome_on or timezone.localdate()
    if outcome_on > timezone.localdate():
        raise DomainError("The outcome date cannot be in the future.", field="outcome_on")
    allowed = {o.code: o for o in outcomes_for_route(case.route)}
    if outcome_code not in allowed:
        route_label = dict(Route.choices).get(case.route, "no route (triage first)")
        raise DomainError(
            f"Outcome {outcome_code!r} does not fit the route taken: {route_label}.", field="outcome"
        )
    outcome = allowed[outcome_code]
    allegations = {a.pk: a for a in case.allegations.all()}
    for allegation_id, code in (allegation_outcomes or {}).items():
        if allegation_id not in allegations:
            raise DomainError(f"Allegation {allegation_id} is not on this case.", field="allegation_outcomes")
        if code not in allowed:
            raise DomainError(
                f"Outcome {code!r} for allegation {allegation_id} does not fit the route taken.",
                field="allegation_outcomes",
            )
    for allegation in allegations.values():
        code = (allegation_outcomes or {}).get(allegation.pk, outcome_code)
        allegation.outcome = allowed[code]
        allegation._change_reason = "Outcome recorded"  # type: ignore[attr-defined]
        allegation.save(update_fields=["outcome"])
    body, deadline = _review_right(case, outcome, outcome_on)
    now = timezone.now()
    case.outcome, case.outcome_on = outcome, outcome_on
    case.outcome_notice_due = rules.outcome_notice_due(outcome_on, bank_holidays(outcome_on), time_limits())
    case.review_body, case.review_deadline = body, deadline
    case.status = ComplaintCase.Status.CLOSED
    case.closed_at = now
    case.closure_reason = reason
    case.retention_review_on = _add_years(timezone.localdate(now), retention_years())
    _save(
        case,
        "Outcome recorded and case closed",
        [
            "outcome",
            "outcome_on",
            "outcome_notice_due",
            "review_body",
            "review_deadline",
            "status",
            "closed_at",
            "closure_reason",
            "retention_review_on",
        ],
    )
    rule_ids = ["C-OUTCOME-5WD", "C-DP-RETENTION"] + (
        ["C-REVIEW-RIGHT", "C-REVIEW-BODY", "C-REVIEW-28D"] if body else []
    )
    summary = f"Outcome: {outcome.title}; " + (
        f"review by {case.get_review_body_display()} by {on_day(deadline)}"
        if deadline
        else "no right of review"
    )
    _log(case, actor=actor, kind=CaseAction.Kind.OUTCOME, summary=summary, reason=reason, rule_ids=rule_ids)
    return case


def _end(
    case: ComplaintCase,
    *,
    actor: User,
    status: str,
    outcome_code: str,
    reason: str,
    kind: str,
    rule_ids: list[str],
    summary: str = "",
) -> ComplaintCase:
    if not reason.strip():
        raise DomainError("Give the reason.", field="reason")
    outcome = ComplaintOutcome.objects.get(code=outcome_code)
    now = timezone.now()
    case.status, case.outcome, case.outcome_on = status, outcome, timezone.localdate(now)
    case.closed_at, case.closure_reason = now, reason
    case.review_body, case.review_deadline = "", None
    case.retention_review_on = _add_years(timezone.localdate(now), retention_years())
    for allegation in case.allegations.all():
        if allegation.outcome_id is None:
            allegation.outcome = outcome
            allegation._change_reason = case.get_status_display()  # type: ignore[attr-defined]
            allegation.save(update_fields=["outcome"])
    _save(
        case,
        str(case.get_status_display()),
        [
            "status",
            "outcome",
            "outcome_on",
            "closed_at",
            "closure_reason",
            "review_body",
            "review_deadline",
            "retention_review_on",
        ],
    )
    _log(
        case,
        actor=actor,
        kind=kind,
        summary=summary or f"{case.get_status_display()}: {outcome.title}",
        reason=reason,
        rule_ids=rule_ids,
    )
    return case


@transaction.atomic
def complaint_withdraw(
    *, case_id: int, actor: User, reason: str, version: int | None = None
) -> ComplaintCase:
    """Withdrawn by the complainant (Regs2020 reg 38): no review right."""
    case = _lock_open(case_id, version)
    code = "OS3-WITHDRAWN" if case.route == Route.OUTSIDE_SCHEDULE_3 else "WITHDRAWN"
    return _end(
        case,
        actor=actor,
        status=ComplaintCase.Status.WITHDRAWN,
        outcome_code=code,
        reason=reason,
        kind=CaseAction.Kind.WITHDRAWN,
        rule_ids=["C-LOG-ALL"],
    )


@transaction.atomic
def complaint_discontinue(
    *, case_id: int, actor: User, reason: str, version: int | None = None
) -> ComplaintCase:
    """Discontinue an investigation (C-INV-OUTCOMES): only on an investigation route."""
    case = _lock_open(case_id, version)
    if case.route not in INVESTIGATION_ROUTES:
        raise DomainError("Only an investigation can be discontinued.", field="route")
    return _end(
        case,
        actor=actor,
        status=ComplaintCase.Status.DISCONTINUED,
        outcome_code="INV-DISCONTINUED",
        reason=reason,
        kind=CaseAction.Kind.DISCONTINUED,
        rule_ids=["C-INV-OUTCOMES"],
    )
