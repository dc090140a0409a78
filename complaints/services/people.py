"""Compliments forwarded, cases reassigned, lessons learned."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from complaints import selectors
from complaints.models import (
    CaseAction,
    ComplaintCase,
    ComplaintCategory,
    LessonLearned,
    Subject,
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
    if (
        case.subjects.filter(user=assignee).exists()
        or case.subjects.filter(candidates__user=assignee).exists()
    ):
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


# ---------------------------------------------------------------- who a subject named by name only is
@transaction.atomic
def subject_confirm(
    *, case_id: int, subject_id: int, actor: User, person: User | None, reason: str = ""
) -> Subject:
    """An advisor confirms who a subject named by name only is (issue 20 part 6): `person` is linked (and,
    as the subject, never sees the case), or None = none of the accounts held out is them. Either way the
    other candidates see the case again. Allowed on a closed case too: it only narrows who sees it."""
    if actor.role not in (User.Role.ADVISOR, User.Role.MANAGER, User.Role.ADMIN):
        raise DomainError("Only complaints staff can confirm who a subject is.", field="subject")
    case = selectors.case_visible(actor).select_for_update().filter(pk=case_id).first()
    if case is None:
        raise DomainError("No such complaint case.", field="case")
    subject = Subject.objects.select_for_update().filter(pk=subject_id, case=case).first()
    if subject is None:
        raise DomainError("No such subject on this case.", field="subject")
    candidates = list(subject.candidates.select_related("user"))
    if not candidates:
        raise DomainError("Nobody is waiting to be confirmed as this subject.", field="subject")
    if person is not None and person.pk not in {c.user_id for c in candidates}:
        raise DomainError(
            "Choose one of the people who could be the subject, or none of them.", field="person"
        )
    if person is not None:
        subject.user = person
        subject._change_reason = "Subject confirmed by an advisor"  # type: ignore[attr-defined]
        subject.save(update_fields=["user"])
    for candidate in candidates:
        candidate._change_reason = (  # type: ignore[attr-defined]
            "Confirmed as the subject"
            if candidate.user_id == getattr(person, "pk", None)
            else "Not the subject"
        )
        candidate.delete()
    case.version += 1
    case._change_reason = "Subject confirmed"  # type: ignore[attr-defined]
    case.save(update_fields=["version", "updated_at"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.SUBJECT_CONFIRMED,
        summary=(
            f"Subject {subject.name} confirmed as {person}"
            if person is not None
            else f"Subject {subject.name}: none of the {len(candidates)} possible matches"
        ),
        reason=reason,
    )
    return subject
