"""Who should take a work item, and why: the people its kind may be given, who is left out and why, and the
suggestion (on shift, not absent, trained, least loaded)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import timezone

from config.exceptions import DomainError
from config.registry import Specialist, WorkKind, work_kind_for
from staffing import rules
from staffing.models import Allocation, Team, User
from staffing.selectors import (
    LeftOut,
    allocation_candidates,
    allocation_left_out,
    allocation_people,
    max_load,
    skill_label,
)


@dataclass(frozen=True)
class Suggestion:
    """Who should take the work (None: nobody can), why in plain words, and everyone considered with
    their open workload and, when not eligible, why not."""

    user: User | None
    reason: str
    candidates: tuple[rules.Considered, ...]
    skill: str
    max_load: int
    # The specialist skill this item demands beyond `skill` (None: none), and who was left out entirely.
    specialist: Specialist | None = None
    left_out: tuple[LeftOut, ...] = ()


def check_request(skill: str, weight: int) -> None:
    from staffing.services import skill_check

    skill_check(skill)
    if weight < 1:
        raise DomainError("The weight must be at least 1.", field="weight")


def work_kind(item: Model | None) -> WorkKind | None:
    return work_kind_for(type(item)) if item is not None else None


def barred(kind: WorkKind | None, item: Model | None) -> set[int]:
    return kind.barred(item) if kind is not None and kind.barred is not None and item is not None else set()


def specialist_for(kind: WorkKind | None, item: Model | None) -> Specialist | None:
    if kind is None or kind.specialist is None or item is None:
        return None
    return kind.specialist(item)


def allocation_people_for(*, item: Model, team: Team | None) -> Any:
    """Everyone who may be given `item` (its kind's roles, less those barred from it, and only those
    trained in a specialist skill it demands), for a picker."""
    kind = work_kind(item)
    specialist = specialist_for(kind, item)
    return allocation_people(
        team=team,
        roles=kind.roles if kind is not None else None,
        barred=barred(kind, item),
        trained_in=specialist.skill if specialist is not None else "",
    )


def allocation_left_out_for(*, item: Model, team: Team | None) -> list[LeftOut]:
    """Who in `team` is never offered `item`, and why: a role its kind does not take (a sergeant is not
    an investigator), barred from it, or untrained in the specialist skill it demands."""
    kind = work_kind(item)
    specialist = specialist_for(kind, item)
    return allocation_left_out(
        team=team,
        roles=kind.roles if kind is not None else None,
        roles_label=kind.roles_label if kind is not None else "",
        barred=barred(kind, item),
        specialist_skill=specialist.skill if specialist is not None else "",
        specialist_why=specialist.why if specialist is not None else "",
    )


def allocation_suggest(
    *,
    skill: str,
    team: Team | None,
    at: datetime | None = None,
    weight: int = 1,
    exclude: User | None = None,
    item: Model | None = None,
) -> Suggestion:
    """Suggest the on-shift, not absent, validly trained person under the workload ceiling with the
    least weighted open workload (ties: fewest items, then username). `team` None: every team. With
    `item`, only people whose role may take its kind of work, who are not barred from it and who hold
    any specialist skill it demands count; the rest are listed in `left_out` with why."""
    check_request(skill, weight)
    moment = at or timezone.now()
    ceiling = max_load()
    kind = work_kind(item)
    specialist = specialist_for(kind, item)
    candidates = allocation_candidates(
        skill=skill,
        team=team,
        at=moment,
        exclude=exclude,
        roles=kind.roles if kind is not None else None,
        barred=barred(kind, item),
        trained_in=specialist.skill if specialist is not None else "",
    )
    choice = rules.choose_assignee(
        candidates, weight=weight, max_load=ceiling, skill_label=skill_label(skill)
    )
    reason = choice.reason
    if specialist is not None:
        reason = f"Needs {skill_label(specialist.skill)} ({specialist.why}). {reason}"
    user = User.objects.get(pk=choice.user_id) if choice.user_id is not None else None
    left_out = tuple(allocation_left_out_for(item=item, team=team)) if item is not None else ()
    return Suggestion(user, reason, choice.considered, skill, ceiling, specialist, left_out)


def allocation_current(item: Model) -> Allocation | None:
    """The item's open allocation, if any."""
    return (
        Allocation.objects.select_related("assigned_to", "assigned_by")
        .filter(
            content_type=ContentType.objects.get_for_model(item),
            object_id=item.pk,
            status=Allocation.Status.OPEN,
        )
        .first()
    )
