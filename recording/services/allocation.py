"""Crime-recording work through staffing's one allocation service: recorded crimes to an investigator
(Skill.RECORDING_DECISIONS, weight 2) and crime transfers (Skill.CRIME_TRANSFERS, R-TRANSFER-PROTOCOL).

A crime's `owner` and its open Allocation always agree: `casework.crime_allocate` sets the owner and then
allocates through staffing; an allocation made on the sergeant's allocation screen reaches the owner
through `sync_from_allocation` (connected to Allocation's post_save in RecordingConfig.ready). Finalising,
cancelling or transferring a crime, and deciding a transfer, close the allocation so workloads drop."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from config.exceptions import DomainError
from recording import lifecycle
from recording.models import Crime, CrimeTransfer
from staffing.models import Allocation, Skill, User
from staffing.selectors import allocation_page_url
from staffing.services import allocation_give

# (skill, weight) of each kind of recording work item. A crime to investigate weighs more than a
# transfer to arrange.
WORK: dict[type[Model], tuple[str, int]] = {
    Crime: (Skill.RECORDING_DECISIONS, 2),
    CrimeTransfer: (Skill.CRIME_TRANSFERS, 1),
}


def page_url(item: Model) -> str:
    """The sergeant's allocation screen for this crime or transfer."""
    skill, weight = WORK[type(item)]
    return allocation_page_url(item, skill=skill, weight=weight)


def allocate_to(*, item: Model, assignee: User, actor: User, reason: str, field: str) -> Allocation:
    """Give `item` to `assignee` through staffing: a first allocation, or a reassignment when someone
    else holds it. Staffing's rules apply (skill, shift, workload ceiling); a sergeant overrides them by
    giving a reason. A refusal names `field`."""
    skill, weight = WORK[type(item)]
    try:
        return allocation_give(
            item=item, skill=skill, weight=weight, assignee=assignee, actor=actor, reason=reason
        )
    except DomainError as exc:
        raise DomainError(exc.message, field=field if exc.field == "assignee" else exc.field) from exc


def sync_from_allocation(sender: Any, instance: Allocation, created: bool, **kwargs: Any) -> None:
    """A new open allocation of a crime (made anywhere, e.g. the allocation screen) makes the person it
    was given to the crime's owner, moving a recorded crime to allocated."""
    if not created or instance.status != Allocation.Status.OPEN:
        return
    if instance.content_type.model_class() is not Crime:
        return
    crime = Crime.objects.select_related("owner").filter(pk=instance.object_id).first()
    if crime is None or crime.owner_id == instance.assigned_to_id:
        return
    if crime.status not in lifecycle.OPEN_STATUSES:
        return
    assignee = instance.assigned_to
    crime.owner = assignee
    crime.team_id = assignee.team_id or crime.team_id
    if crime.status == lifecycle.RECORDED:
        crime.status = lifecycle.ALLOCATED
    crime._history_user = instance.assigned_by  # type: ignore[attr-defined]
    crime._change_reason = f"Allocated to {assignee} by {instance.assigned_by}"  # type: ignore[attr-defined]
    crime.save(update_fields=["owner", "team", "status", "updated_at"])
