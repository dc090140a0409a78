"""QA work through staffing's one allocation service: unrecorded-incident flags (Skill.UNRECORDED_FLAGS),
dip-test samples to audit (Skill.DIP_TEST_AUDITOR, R-DIP-TEST) and QC amendments (Skill.AMENDMENTS).

The item's own field and its open Allocation always agree: qa's own "assign" action sets the field and
then allocates through staffing; an allocation made on the sergeant's allocation screen reaches the field
through `sync_from_allocation` (connected to Allocation's post_save in QaConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from qa.models import Amendment, DipSample, UnrecordedFlag
from staffing.models import Allocation, Skill, User
from staffing.selectors import allocation_page_url
from staffing.services import allocation_give

# (skill, weight) of each kind of QA work item.
WORK: dict[type[Model], tuple[str, int]] = {
    UnrecordedFlag: (Skill.UNRECORDED_FLAGS, 1),
    DipSample: (Skill.DIP_TEST_AUDITOR, 1),
    Amendment: (Skill.AMENDMENTS, 1),
}


def page_url(item: Model) -> str:
    """The sergeant's allocation screen for this QA work item."""
    skill, weight = WORK[type(item)]
    return allocation_page_url(item, skill=skill, weight=weight)


def allocate_to(*, item: Model, assignee: User, actor: User, reason: str = "") -> Allocation:
    """Give `item` to `assignee` through staffing: a first allocation, or a reassignment when someone else
    holds it. The staffing rules apply (skill, shift, workload ceiling); a sergeant may override them by
    giving a reason."""
    skill, weight = WORK[type(item)]
    return allocation_give(
        item=item, skill=skill, weight=weight, assignee=assignee, actor=actor, reason=reason
    )


def sync_from_allocation(sender: Any, instance: Allocation, created: bool, **kwargs: Any) -> None:
    """A new open allocation of a flag or an amendment (made anywhere, e.g. the allocation screen) moves
    the flag's `assigned_to` / the amendment's `owner` to the person it was given to."""
    if not created or instance.status != Allocation.Status.OPEN:
        return
    model = instance.content_type.model_class()
    if model is UnrecordedFlag:
        flag = UnrecordedFlag.objects.filter(pk=instance.object_id, status=UnrecordedFlag.Status.OPEN).first()
        if flag is not None and flag.assigned_to_id != instance.assigned_to_id:
            flag.assigned_to_id = instance.assigned_to_id
            flag._change_reason = f"Allocated to {instance.assigned_to} by {instance.assigned_by}"  # type: ignore[attr-defined]
            flag.save(update_fields=["assigned_to"])
    elif model is Amendment:
        amendment = Amendment.objects.filter(pk=instance.object_id).first()
        if (
            amendment is not None
            and amendment.status != Amendment.Status.CONFIRMED
            and amendment.owner_id != instance.assigned_to_id
        ):
            amendment.owner_id = instance.assigned_to_id
            amendment._change_reason = f"Allocated to {instance.assigned_to} by {instance.assigned_by}"  # type: ignore[attr-defined]
            amendment.save(update_fields=["owner"])
