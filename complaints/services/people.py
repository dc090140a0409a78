"""Compliments forwarded, cases reassigned, lessons learned."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from complaints.models import (
    CaseAction,
    ComplaintCase,
    ComplaintCategory,
    LessonLearned,
)
from complaints.services.common import (
    _add_years,
    _lock_open,
    _log,
    _save,
    retention_years,
)
from config.exceptions import DomainError
from staffing.models import User


# ---------------------------------------------------------------- compliments, caseload, learning
def compliment_recipient(case: ComplaintCase) -> User | None:
    """The named officer's line manager: the sergeant of their team, when Resolve knows them."""
    for subject in case.subjects.select_related("user__team__sergeant"):
        user = subject.user
        if user is not None and user.team is not None and user.team.sergeant is not None:
            return user.team.sergeant
    return None


@transaction.atomic
def compliment_forward(
    *, case_id: int, actor: User, recipient: User | None = None, note: str = ""
) -> ComplaintCase:
    """C-COMPLIMENT: pass a compliment to the officer's line manager, logged with the recipient."""
    case = _lock_open(case_id)
    if case.kind != ComplaintCase.Kind.COMPLIMENT:
        raise DomainError("Only a compliment can be forwarded.", field="kind")
    recipient = recipient or compliment_recipient(case)
    if recipient is None:
        raise DomainError(
            "Choose who to forward the compliment to: no line manager is known for the officer.",
            field="recipient",
        )
    now = timezone.now()
    case.status, case.closed_at = ComplaintCase.Status.CLOSED, now
    case.retention_review_on = _add_years(timezone.localdate(now), retention_years())
    _save(case, "Compliment forwarded", ["status", "closed_at", "retention_review_on"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.COMPLIMENT_FORWARDED,
        summary=f"Compliment forwarded to {recipient}",
        reason=note,
        rule_ids=["C-COMPLIMENT"],
        recipient=recipient,
    )
    return case


@transaction.atomic
def case_reassign(
    *, case_id: int, actor: User, assignee: User, reason: str, version: int | None = None
) -> ComplaintCase:
    if actor.role not in (User.Role.MANAGER, User.Role.ADMIN):
        raise DomainError("Only a manager can reassign a case.", field="assignee")
    case = _lock_open(case_id, version)
    if assignee.role not in (User.Role.ADVISOR, User.Role.MANAGER) or not assignee.is_active:
        raise DomainError("Cases can only be assigned to an active advisor or manager.", field="assignee")
    if case.subjects.filter(user=assignee).exists():
        raise DomainError("A person named in the complaint cannot handle it.", field="assignee")
    if not reason.strip():
        raise DomainError("Give the reason for reassigning.", field="reason")
    before = case.assigned_to
    case.assigned_to = assignee
    _save(case, "Reassigned", ["assigned_to"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.REASSIGNED,
        summary=f"Reassigned from {before or 'nobody'} to {assignee}",
        reason=reason,
        recipient=assignee,
    )
    return case


@transaction.atomic
def lesson_create(
    *,
    actor: User,
    title: str,
    description: str,
    level: str,
    category_code: str = "",
    case_ids: list[int] | None = None,
) -> LessonLearned:
    """C-LEARNING: a learning point linked to the cases it came from."""
    if level not in LessonLearned.Level.values:
        raise DomainError(f"Unknown level {level!r}.", field="level")
    category = None
    if category_code:
        category = ComplaintCategory.objects.filter(code=category_code).first()
        if category is None:
            raise DomainError(f"Unknown complaint category {category_code!r}.", field="category")
    cases = list(ComplaintCase.objects.filter(pk__in=case_ids or []).exclude(subjects__user=actor))
    if len(cases) != len(set(case_ids or [])):
        raise DomainError("One of the cases does not exist.", field="cases")
    lesson = LessonLearned(
        title=title, description=description, level=level, category=category, created_by=actor
    )
    lesson._change_reason = "Lesson recorded"  # type: ignore[attr-defined]
    lesson.full_clean(exclude=["created_by"])
    lesson.save()
    lesson.cases.set(cases)
    return lesson
