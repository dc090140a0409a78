"""Crime-recording work through staffing's one allocation service: recorded crimes to an investigator
(Skill.RECORDING_DECISIONS, weight 2) and crime transfers (Skill.CRIME_TRANSFERS, R-TRANSFER-PROTOCOL).

This module is only recording's registration with staffing (`work_kinds`, through RecordingConfig): the
kinds' skill, weight, roles, team scope (recording.permissions) and the specialist skill a rape or serious
sexual offence demands. Handing a crime to someone and linking to the allocation screen are staffing's
(staffing.services.allocation_give_to, staffing.selectors.allocation_page_url_for).

A crime's `owner` has one writer, `crime_owner_write`. Staffing calls it back (`crime_allocated`) whenever
it gives a crime to someone, from whatever screen (casework.crime_allocate gives it through staffing too),
so the owner and the open Allocation always agree.
Finalising, cancelling or transferring a crime, and deciding a transfer, close the allocation so
workloads drop."""

from __future__ import annotations

from django.db.models import Model

from config.exceptions import DomainError
from config.permissions import Role
from config.registry import Specialist, WorkKind
from recording import lifecycle
from recording.models import Crime, CrimeTransfer
from recording.permissions import (
    can_view_crime,
    can_view_transfer,
    crime_scope_refusal,
    transfer_scope_refusal,
)
from recording.services.common import lock_crime, move_status, require_reason
from staffing.models import Allocation, Skill, Team, User

# Who may own (investigate) a crime: the crime's owner list and staffing's suggestions both read this.
# Investigators only: a sergeant allocates and supervises, and is never offered as an investigator
# (issue 20 part 2).
CRIME_OWNER_ROLES = frozenset({Role.INVESTIGATOR})
# Who may arrange a transfer to or from another force (R-TRANSFER-PROTOCOL): crime staff below manager.
TRANSFER_ROLES = frozenset({Role.RECORDER, Role.INVESTIGATOR, Role.SERGEANT})


def crime_owner_write(
    *, crime: Crime, owner: User | None, team: Team | None, actor: User, reason: str
) -> Crime:
    """The one writer of a crime's owner: an investigator or a sergeant, on an open crime; a recorded
    crime given an owner becomes allocated. `crime` must be locked by the caller."""
    if owner is not None and owner.role not in CRIME_OWNER_ROLES:
        raise DomainError("Crimes are owned by an investigator.", field="owner")
    if crime.status not in lifecycle.OPEN_STATUSES:
        raise DomainError("Only an open crime can be allocated.", field="status")
    if crime.status == lifecycle.RECORDED and owner is not None:
        move_status(crime, lifecycle.ALLOCATED)
    crime.owner = owner
    if team is not None:
        crime.team = team
    elif owner is not None and owner.team_id:
        crime.team_id = owner.team_id
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = require_reason(reason)  # type: ignore[attr-defined]
    crime.save(update_fields=["owner", "team", "status", "updated_at"])
    return crime


def crime_allocated(item: Model, allocation: Allocation) -> None:
    """Staffing gave the crime to someone: they become its owner (nothing to write if they already are)."""
    assert isinstance(item, Crime)  # noqa: S101 - registered for Crime only
    crime = lock_crime(item)
    if crime.owner_id == allocation.assigned_to_id:
        return
    assignee = allocation.assigned_to
    crime_owner_write(
        crime=crime,
        owner=assignee,
        team=None,
        actor=allocation.assigned_by,
        reason=f"Allocated to {assignee} by {allocation.assigned_by}. {allocation.reason}",
    )


def crime_specialist(item: Model) -> Specialist | None:
    """A rape or other serious sexual offence (R-RAPE-RECORD; the class's category and seriousness rank,
    ho_offences.csv) is investigated only by someone trained in sexual offences investigation."""
    assert isinstance(item, Crime)  # noqa: S101 - registered for Crime only
    if lifecycle.is_serious_sexual(category=item.offence.category, seriousness_rank=item.seriousness_rank):
        return Specialist(
            Skill.SEXUAL_OFFENCES, f"{item.offence.title} is a rape or serious sexual offence (R-RAPE-RECORD)"
        )
    return None


def work_kinds() -> list[WorkKind]:
    """Recording's work items, as staffing's allocation service knows them (config.registry.WorkKind)."""
    return [
        WorkKind(
            model=Crime,
            skill=Skill.RECORDING_DECISIONS,
            weight=2,  # a crime to investigate weighs more than a transfer to arrange
            visible=can_view_crime,
            roles=CRIME_OWNER_ROLES,
            roles_label="investigators",
            on_allocated=crime_allocated,
            change_refusal=crime_scope_refusal,
            specialist=crime_specialist,
        ),
        WorkKind(
            model=CrimeTransfer,
            skill=Skill.CRIME_TRANSFERS,
            weight=1,
            visible=can_view_transfer,
            roles=TRANSFER_ROLES,
            roles_label="crime recorders, investigators and sergeants",
            change_refusal=transfer_scope_refusal,
        ),
    ]
