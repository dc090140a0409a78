"""Giving work: assign (the suggestion, or a named person, checked), give, reassign and complete, each with
the item's row locked; and closing the allocations of work an app has finished."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone

from config.exceptions import DomainError
from config.registry import WorkKind
from staffing import rules
from staffing.models import Allocation, Team, User
from staffing.selectors import (
    allocation_candidates,
    allocation_people,
    max_load,
    skill_label,
)
from staffing.services.allocation.suggestion import (
    allocation_current,
    allocation_suggest,
    barred,
    check_request,
    specialist_for,
    work_kind,
)

SUPERVISOR_ROLES = (User.Role.SERGEANT, User.Role.MANAGER, User.Role.ADMIN)


def _lock_item(item: Model) -> ContentType:
    if item.pk is None:
        raise DomainError("Save the work item before allocating it.", field="item")
    locked = list(
        type(item)._base_manager.select_for_update().filter(pk=item.pk).values_list("pk", flat=True)
    )
    if not locked:
        raise DomainError("The work item no longer exists.", field="item")
    return ContentType.objects.get_for_model(item)


def allocation_scope_refusal(*, item: Model, actor: User, what: str) -> str | None:
    """Team scope (issue 20 part 6): None when `actor` may change who holds `item`, else why not, as the
    item's own app says (WorkKind.change_refusal: a sergeant acts on their own team's crimes only). Asked
    by assign, reassign and complete (page and API alike), and by the page to hide what it would refuse."""
    kind = work_kind(item)
    if kind is None or kind.change_refusal is None:
        return None
    return kind.change_refusal(actor, item, what)


def _in_scope(item: Model, actor: User, what: str) -> None:
    refusal = allocation_scope_refusal(item=item, actor=actor, what=what)
    if refusal:
        raise DomainError(refusal, field="item")


def _may_take(kind: WorkKind | None, item: Model, user: User) -> None:
    """Refuse, whatever reason is given, someone whose role may not take this kind of work or who is
    barred from this item (an override reason covers shifts, training and load, never these)."""
    if kind is None:
        return
    if kind.roles is not None and user.role not in kind.roles:
        raise DomainError(
            f"{user} is a {user.get_role_display().lower()}: this work goes to {kind.roles_label}.",
            field="assignee",
        )
    if user.pk in barred(kind, item):
        raise DomainError(
            f"{user} owns or recorded this record, so cannot be given it to check.", field="assignee"
        )
    specialist = specialist_for(kind, item)
    if (
        specialist is not None
        and not allocation_people(team=None, roles=None, trained_in=specialist.skill)
        .filter(pk=user.pk)
        .exists()
    ):
        raise DomainError(
            f"{user} is not trained in {skill_label(specialist.skill)}, which this needs "
            f"({specialist.why}); no reason overrides that.",
            field="assignee",
        )


def _choose(
    *,
    item: Model,
    skill: str,
    weight: int,
    assignee: User | None,
    actor: User,
    reason: str,
    team: Team | None,
    at: datetime,
    exclude: User | None = None,
) -> tuple[User, str]:
    """Who gets the work and the reason to record. An explicit assignee must be of a role that takes
    this kind of work and not barred from the item; beyond that, eligible unless the actor is a sergeant
    or above and gives a reason for overriding."""
    label = skill_label(skill)
    kind = work_kind(item)
    if assignee is None:
        suggestion = allocation_suggest(
            skill=skill, team=team, at=at, weight=weight, exclude=exclude, item=item
        )
        if suggestion.user is None:
            raise DomainError(suggestion.reason, field="assignee")
        user = User.objects.select_for_update().get(pk=suggestion.user.pk)
        text = f"Suggested and accepted by {actor}: {suggestion.reason}"
        if reason.strip():
            text += f" Note: {reason.strip()}"
    else:
        user = User.objects.select_for_update().get(pk=assignee.pk)
        if not user.is_active:
            raise DomainError(f"{user} is not an active user.", field="assignee")
        _may_take(kind, item, user)
        text = f"Chosen by {actor}" + (f": {reason.strip()}" if reason.strip() else ".")
    # Re-check under the assignee's row lock: the load may have moved since the suggestion.
    (candidate,) = allocation_candidates(skill=skill, team=None, at=at, only=user)
    why_not = rules.ineligibility(candidate, weight=weight, max_load=max_load(), skill_label=label)
    if why_not:
        if actor.role in SUPERVISOR_ROLES and reason.strip() and assignee is not None:
            text = f"Chosen by {actor} over the rule ({user}: {why_not}): {reason.strip()}"
        else:
            raise DomainError(
                f"{user} cannot take this work: {why_not}. "
                "A sergeant may still choose them by giving a reason.",
                field="assignee",
            )
    return user, text


def _create(
    *,
    ct: ContentType,
    item: Model,
    skill: str,
    weight: int,
    user: User,
    actor: User,
    text: str,
    team: Team | None,
) -> Allocation:
    allocation = Allocation(
        content_type=ct,
        object_id=item.pk,
        item_label=str(item)[:200],
        skill=skill,
        weight=weight,
        team_id=user.team_id if user.team_id else (team.pk if team else None),
        assigned_to=user,
        assigned_by=actor,
        reason=text,
    )
    allocation._change_reason = text  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            allocation.save()
    except IntegrityError as exc:
        raise DomainError("This item has just been allocated by someone else.", field="item") from exc
    kind = work_kind(item)
    if kind is not None and kind.on_allocated is not None:
        # The item's own app follows the allocation (e.g. the crime's owner becomes the assignee).
        kind.on_allocated(item, allocation)
    return allocation


@transaction.atomic
def allocation_assign(
    *,
    item: Model,
    skill: str,
    weight: int,
    assignee: User | None,
    actor: User,
    reason: str = "",
    team: Team | None = None,
    at: datetime | None = None,
) -> Allocation:
    """Allocate a work item of any app. `assignee` None accepts the suggestion for `team` (default: the
    actor's team when they have one, else every team). Refuses an item that already has an open
    allocation (use allocation_reassign)."""
    check_request(skill, weight)
    ct = _lock_item(item)
    _in_scope(item, actor, "allocate it")
    current = allocation_current(item)
    if current is not None:
        raise DomainError(
            f"This item is already allocated to {current.assigned_to}; reassign it instead.", field="item"
        )
    scope = team if team is not None else (actor.team if actor.team_id else None)
    user, text = _choose(
        item=item,
        skill=skill,
        weight=weight,
        assignee=assignee,
        actor=actor,
        reason=reason,
        team=scope,
        at=at or timezone.now(),
    )
    return _create(
        ct=ct, item=item, skill=skill, weight=weight, user=user, actor=actor, text=text, team=scope
    )


def allocation_give_to(*, item: Model, assignee: User, actor: User, reason: str = "") -> Allocation:
    """Give a registered kind of work item to `assignee` with the skill and weight its app registered
    (config.registry.WorkKind): the one way every app's own screens (a crime's owner, a flag's
    investigator, an amendment's owner) hand their items to someone, so no app carries its own copy of
    the kind's skill and weight. A refusal names "assignee" (or "item")."""
    kind = work_kind(item)
    if kind is None:
        raise DomainError("This is not a kind of work any part of Resolve registered.", field="item")
    return allocation_give(
        item=item, skill=kind.skill, weight=kind.weight, assignee=assignee, actor=actor, reason=reason
    )


def allocation_give(
    *, item: Model, skill: str, weight: int, assignee: User, actor: User, reason: str = ""
) -> Allocation:
    """Give `item` to `assignee`: a first allocation, or a reassignment when someone else holds it
    (nothing changes when they already do). The staffing rules apply; a reason overrides them."""
    current = allocation_current(item)
    if current is None:
        return allocation_assign(
            item=item, skill=skill, weight=weight, assignee=assignee, actor=actor, reason=reason
        )
    if current.assigned_to_id == assignee.pk:
        return current
    return allocation_reassign(item=item, assignee=assignee, actor=actor, reason=reason)


@transaction.atomic
def allocation_reassign(
    *,
    item: Model,
    assignee: User | None,
    actor: User,
    reason: str = "",
    team: Team | None = None,
    at: datetime | None = None,
) -> Allocation:
    """Move an item's open allocation to someone else (`assignee` None: the suggestion, leaving out the
    current holder). The old allocation is kept, marked reassigned; skill and weight carry over."""
    ct = _lock_item(item)
    current = (
        Allocation.objects.select_for_update()
        .filter(content_type=ct, object_id=item.pk, status=Allocation.Status.OPEN)
        .first()
    )
    if current is None:
        raise DomainError("This item has no open allocation to reassign.", field="item")
    _in_scope(item, actor, "reassign it")
    if assignee is not None and assignee.pk == current.assigned_to_id:
        raise DomainError(f"The item is already with {assignee}.", field="assignee")
    scope = team if team is not None else current.team
    user, text = _choose(
        item=item,
        skill=current.skill,
        weight=current.weight,
        assignee=assignee,
        actor=actor,
        reason=reason,
        team=scope,
        at=at or timezone.now(),
        exclude=current.assigned_to,
    )
    current.status = Allocation.Status.REASSIGNED
    current.closed_at = timezone.now()
    current._change_reason = f"Reassigned by {actor.username}"  # type: ignore[attr-defined]
    current.save(update_fields=["status", "closed_at", "updated_at"])
    return _create(
        ct=ct,
        item=item,
        skill=current.skill,
        weight=current.weight,
        user=user,
        actor=actor,
        text=f"Reassigned from {current.assigned_to}. {text}",
        team=scope,
    )


def _close_done(current: Allocation, actor: User) -> Allocation:
    current.status = Allocation.Status.DONE
    current.closed_at = timezone.now()
    current._change_reason = f"Completed by {actor.username}"  # type: ignore[attr-defined]
    current.save(update_fields=["status", "closed_at", "updated_at"])
    return current


@transaction.atomic
def allocation_complete(*, item: Model, actor: User) -> Allocation:
    """Close the item's open allocation as done: by its assignee, or a sergeant/manager/admin."""
    ct = _lock_item(item)
    current = (
        Allocation.objects.select_for_update()
        .filter(content_type=ct, object_id=item.pk, status=Allocation.Status.OPEN)
        .first()
    )
    if current is None:
        raise DomainError("This item has no open allocation.", field="item")
    if actor.pk != current.assigned_to_id and actor.role not in SUPERVISOR_ROLES:
        raise DomainError(
            "Only the person it is allocated to, or a supervisor, can complete it.", field="item"
        )
    if actor.pk != current.assigned_to_id:
        _in_scope(item, actor, "complete its allocation")
    return _close_done(current, actor)


@transaction.atomic
def allocation_finish_many(*, model: type[Model], ids: Iterable[int], reason: str) -> int:
    """The items' own app has finished the work on these items of `model` (a flag resolved or dismissed,
    a sample audited, an amendment confirmed, a crime finalised, a transfer decided): close their open
    allocations as done so workloads drop. The app's own service has already decided who may do that
    work, so this does not check the actor again. Returns how many allocations were closed."""
    wanted = list(ids)
    if not wanted:
        return 0
    done = list(
        Allocation.objects.select_for_update().filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=wanted,
            status=Allocation.Status.OPEN,
        )
    )
    if not done:
        return 0
    now = timezone.now()
    for allocation in done:
        allocation.status = Allocation.Status.DONE
        allocation.closed_at = now
        allocation.updated_at = now
    Allocation.objects.bulk_update(done, ["status", "closed_at", "updated_at"])
    Allocation.history.bulk_history_create(done, default_change_reason=reason, default_date=now)
    return len(done)


def allocation_finish(*, item: Model, actor: User | None, reason: str = "") -> int:
    """allocation_finish_many for one item finished by `actor` (None: by a scheduled job)."""
    text = reason or (f"Completed by {actor.username}" if actor is not None else "Completed")
    return allocation_finish_many(model=type(item), ids=[item.pk], reason=text)
