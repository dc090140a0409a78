"""Work on a recorded crime: status lifecycle, allocation, THRIVE re-grading, vulnerability, solvability
screening and the victim's view."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from config.concurrency import save_with_version
from config.exceptions import DomainError
from recording import lifecycle
from recording.models import (
    Crime,
)
from recording.services.allocation import crime_owner_write
from recording.services.common import (
    lock_crime,
    move_status,
    require_crime_changer,
    require_crime_team,
    require_reason,
)
from staffing.models import Team, User
from staffing.services import allocation_finish, allocation_give_to

# ---------------------------------------------------------------- status, allocation, screening


@transaction.atomic
def crime_set_status(*, crime: Crime, actor: User, status: str, reason: str) -> Crime:
    """Move along the lifecycle. Finalising, cancelling and transferring have their own services."""
    crime = lock_crime(crime)
    require_crime_changer(actor, crime, "change its status")
    if status in {lifecycle.FINALISED, lifecycle.CANCELLED, lifecycle.TRANSFERRED}:
        raise DomainError(f"Use the {status} action: it has its own checks.", field="status")
    if status not in Crime.Status.values:
        raise DomainError(f"Unknown status {status!r}.", field="status")
    move_status(crime, status)
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = require_reason(reason)  # type: ignore[attr-defined]
    crime.save(update_fields=["status", "updated_at"])
    return crime


@transaction.atomic
def crime_allocate(*, crime: Crime, actor: User, owner: User | None, team: Team | None, reason: str) -> Crime:
    crime = lock_crime(crime)
    require_crime_changer(actor, crime, "allocate it")
    require_reason(reason)
    if owner is None:
        crime = crime_owner_write(crime=crime, owner=None, team=team, actor=actor, reason=reason)
        allocation_finish(item=crime, actor=actor, reason=f"Owner removed by {actor.username}")
        return crime
    # Staffing gives the crime to the owner (its rules, team scope and any specialist skill apply) and
    # calls recording back to write the owner (crime_allocated): the owner has one writer, and the owner
    # and the open Allocation agree, so the owner's workload counts the crime.
    try:
        allocation_give_to(item=crime, assignee=owner, actor=actor, reason=reason.strip())
    except DomainError as exc:
        raise DomainError(exc.message, field="owner" if exc.field == "assignee" else exc.field) from exc
    crime = lock_crime(crime)
    if team is not None and crime.team_id != team.pk:
        crime = crime_owner_write(crime=crime, owner=owner, team=team, actor=actor, reason=reason)
    return crime


@transaction.atomic
def crime_update_assessment(
    *,
    crime: Crime,
    actor: User,
    reason: str,
    grade: str | None = None,
    thrive_notes: str | None = None,
    vulnerable_victim: bool | None = None,
    domestic_abuse: bool | None = None,
    hate_crime: bool | None = None,
    safeguarding_referral: bool | None = None,
    safeguarding_notes: str | None = None,
    solvability: str | None = None,
    solvability_factors: Sequence[str] | None = None,
    solvability_reason: str | None = None,
    victim_view: str | None = None,
    victim_view_evidence: str | None = None,
    version: int | None = None,
) -> Crime:
    """THRIVE re-grading (R-THRIVE), vulnerability flags, solvability screening and the victim's view.
    With `version` (the version the editor loaded), a crime changed by someone else meanwhile is refused
    (DomainError on "version") and nothing is saved; every saved edit bumps the version."""
    crime = lock_crime(crime)
    require_crime_team(actor, crime, "change its assessment")
    changed: list[str] = []
    values = {
        "grade": grade,
        "thrive_notes": thrive_notes,
        "vulnerable_victim": vulnerable_victim,
        "domestic_abuse": domestic_abuse,
        "hate_crime": hate_crime,
        "safeguarding_referral": safeguarding_referral,
        "safeguarding_notes": safeguarding_notes,
        "solvability": solvability,
        "solvability_factors": list(solvability_factors) if solvability_factors is not None else None,
        "solvability_reason": solvability_reason,
        "victim_view": victim_view,
        "victim_view_evidence": victim_view_evidence,
    }
    for name, value in values.items():
        if value is not None and getattr(crime, name) != value:
            setattr(crime, name, value)
            changed.append(name)
    if crime.solvability != Crime.Solvability.NOT_SCREENED and not crime.solvability_reason.strip():
        raise DomainError("Say why the crime was screened in or out.", field="solvability_reason")
    if crime.victim_view and not crime.victim_view_evidence.strip():
        raise DomainError("Record how the victim's view was obtained.", field="victim_view_evidence")
    if not changed:
        return crime
    crime.full_clean(exclude=["incidents"])
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = require_reason(reason)  # type: ignore[attr-defined]
    save_with_version(crime, expected_version=crime.version if version is None else version, fields=changed)
    return crime
