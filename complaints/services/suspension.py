"""Suspending and resuming the handling of a Schedule 3 case (for example while criminal proceedings
run). The IOPC data return's "mean days to finalise excluding suspension" reads these periods."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from complaints.models import CaseAction, CaseSuspension, ComplaintCase
from complaints.services.common import SCHEDULE_3_ROUTES, _lock_open, _log, _save, on_day
from config.exceptions import DomainError
from staffing.models import User


def _not_future(day: dt.date | None, field: str) -> dt.date:
    if day is None:
        raise DomainError("Give the date.", field=field)
    if day > timezone.localdate():
        raise DomainError("The date cannot be in the future.", field=field)
    return day


@transaction.atomic
def case_suspend(
    *, case_id: int, actor: User, started_on: dt.date | None, reason: str, version: int | None = None
) -> CaseSuspension:
    """Suspend handling from `started_on`. Only a Schedule 3 case, and only one suspension at a time:
    the case row is locked, so two advisors cannot both open one."""
    case = _lock_open(case_id, version)
    if case.route not in SCHEDULE_3_ROUTES:
        raise DomainError("Only a case handled under Schedule 3 can be suspended.", field="route")
    started = _not_future(started_on, "started_on")
    if started < timezone.localdate(case.received_at):
        raise DomainError(
            "Handling cannot be suspended before the complaint was received.", field="started_on"
        )
    if not reason.strip():
        raise DomainError("Say why handling is suspended.", field="reason")
    if case.suspensions.filter(ended_on__isnull=True).exists():
        raise DomainError("Handling is already suspended; resume it first.", field="started_on")
    last_end = case.suspensions.order_by("-ended_on").values_list("ended_on", flat=True).first()
    if last_end is not None and started < last_end:
        raise DomainError(
            f"An earlier suspension ran until {on_day(last_end)}; a new one starts on or after it.",
            field="started_on",
        )
    suspension = CaseSuspension(case=case, started_on=started, reason=reason.strip(), recorded_by=actor)
    suspension._change_reason = "Handling suspended"  # type: ignore[attr-defined]
    suspension.save()
    _save(case, "Handling suspended", [])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.SUSPENDED,
        summary=f"Handling suspended from {on_day(started)}",
        reason=suspension.reason,
    )
    return suspension


@transaction.atomic
def case_resume(
    *, case_id: int, actor: User, ended_on: dt.date | None, version: int | None = None
) -> CaseSuspension:
    """Resume handling on `ended_on`: closes the open suspension (there must be one)."""
    case = _lock_open(case_id, version)
    suspension = case.suspensions.filter(ended_on__isnull=True).first()
    if suspension is None:
        raise DomainError("Handling is not suspended.", field="ended_on")
    ended = _not_future(ended_on, "ended_on")
    if ended < suspension.started_on:
        raise DomainError(
            f"Handling was suspended on {on_day(suspension.started_on)}; it cannot resume before that.",
            field="ended_on",
        )
    suspension.ended_on = ended
    days = (ended - suspension.started_on).days
    suspension._change_reason = "Handling resumed"  # type: ignore[attr-defined]
    suspension.save(update_fields=["ended_on"])
    _save(case, "Handling resumed", [])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.RESUMED,
        summary=f"Handling resumed on {on_day(ended)} (suspended {days} days)",
    )
    return suspension


def case_is_suspended(case: ComplaintCase) -> bool:
    return any(s.ended_on is None for s in case.suspensions.all())
