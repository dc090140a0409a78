"""Shared by every complaint service: the case lock, the audited save, the case log row, the case
number, and the retention and contact-day settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.http import Http404

from complaints import selectors
from complaints.models import (
    CaseAction,
    ComplaintCase,
    ReferenceCounter,
    Route,
)
from complaints.selectors.reference import time_limits
from config.exceptions import DomainError
from staffing.models import User
from staffing.services import access_log_record, open_logged

SCHEDULE_3_ROUTES = (Route.SCHEDULE_3_RP, Route.SCHEDULE_3_INVESTIGATION, Route.REFERRED_TO_IOPC)
INVESTIGATION_ROUTES = (Route.SCHEDULE_3_INVESTIGATION, Route.REFERRED_TO_IOPC)
EQUALITY_FIELDS = ("age_band", "sex", "ethnicity", "disability", "religion", "sexual_orientation")


def retention_years() -> int:
    """MoPI review period after closure (C-DP-RETENTION): local policy, 6 years unless set."""
    return int(getattr(settings, "RESOLVE_COMPLAINT_RETENTION_YEARS", 6))


def initial_contact_working_days() -> int:
    """C-INITIAL-CONTACT has no statutory count: the rules file's figure, else local policy (5)."""
    from_rules = time_limits().initial_contact_working_days
    return (
        from_rules if from_rules is not None else int(getattr(settings, "RESOLVE_COMPLAINT_CONTACT_DAYS", 5))
    )


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def on_day(day: dt.date | None) -> str:
    """A date in a case-log line, as screens write dates ("28 Nov 2026"), with its year always: the line
    is stored, and is read in later years too. '' for none, like the |day filter."""
    return f"{day.day} {day:%b %Y}" if day else ""


CASE_RECORD_TYPE = "complaint_case"


def case_open(*, user: User, pk: int | str, purpose: str, path: str, action: str = "view") -> ComplaintCase:
    """One case for a page or the API: the need-to-know rule (C-DP-SHARING: a 404 for anyone who may not
    know the case exists) and the access log entry, in one call. Every opening of a case is logged."""
    if not str(pk).isdigit():
        raise Http404("No such complaint case.")
    return open_logged(
        user=user,
        find=lambda: selectors.case_get_for_user(user=user, pk=int(pk)),
        record_type=CASE_RECORD_TYPE,
        label=lambda case: case.reference,
        purpose=purpose,
        path=path,
        action=action,
    )


@transaction.atomic
def case_export_log(*, user: User, cases: Iterable[ComplaintCase], path: str) -> None:
    """Every case in an export is a case seen: one access-log row each ("export", "Case export")."""
    for case in cases:
        access_log_record(
            user=user,
            record_type=CASE_RECORD_TYPE,
            record_id=case.pk,
            label=case.reference,
            purpose="Case export",
            action="export",
            path=path,
        )


def _log(
    case: ComplaintCase,
    *,
    actor: User,
    kind: str,
    summary: str,
    reason: str = "",
    rule_ids: list[str] | None = None,
    recipient: User | None = None,
) -> CaseAction:
    action = CaseAction(
        case=case,
        kind=kind,
        actor=actor,
        summary=summary[:300],
        reason=reason,
        rules=rule_ids or [],
        recipient=recipient,
    )
    action._change_reason = summary  # type: ignore[attr-defined]
    action.save()
    return action


def _lock_open(case_id: int, version: int | None = None) -> ComplaintCase:
    """Lock the case row; refuse a closed case (nothing may change) or a stale edit."""
    case = ComplaintCase.objects.select_for_update().filter(pk=case_id).first()
    if case is None:
        raise DomainError("No such complaint case.", field="case")
    if case.status != ComplaintCase.Status.OPEN:
        raise DomainError(
            f"Case {case.reference} is {case.get_status_display().lower()} and can no longer be edited.",
            field="status",
        )
    if version is not None and version != case.version:
        raise DomainError(
            "Someone else changed this case since you opened it; reload and try again.", field="version"
        )
    return case


def _save(case: ComplaintCase, reason: str, fields: list[str]) -> None:
    case.version += 1  # the row is locked (select_for_update), so no concurrent writer can interleave
    case._change_reason = reason  # type: ignore[attr-defined]
    case.save(update_fields=[*fields, "version", "updated_at"])


def _next_reference(year: int) -> str:
    """CO/<year>/<5 digits>, from a locked per-year counter so two intakes never share a number."""
    ReferenceCounter.objects.get_or_create(year=year)
    counter = ReferenceCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"CO/{year}/{counter.last:05d}"
