"""Who may see which QA work item: each is as visible as the incident or crime it is about (recording's
one rule per kind, R-RESTRICTED), so allocating or completing one never reveals a restricted record."""

from __future__ import annotations

from typing import Any

from config.permissions import Role
from qa.models import Amendment, DipSample, UnrecordedFlag
from recording.models import Crime, Incident
from recording.permissions import can_view_crime, can_view_incident


def can_view_sample(user: Any, sample: DipSample) -> bool:
    model = sample.content_type.model_class()
    record = model._base_manager.filter(pk=sample.object_id).first() if model is not None else None
    if isinstance(record, Crime):
        return can_view_crime(user, record)
    if isinstance(record, Incident):
        return can_view_incident(user, record)
    return False


def can_see_complaint_caseloads(user: Any) -> bool:
    """Advisors' complaint caseloads are for managers and admins: a sergeant supervises crime work, not
    the OPCC's complaint handlers."""
    return getattr(user, "role", None) in (Role.MANAGER, Role.ADMIN)


def can_view_flag(user: Any, flag: UnrecordedFlag) -> bool:
    return can_view_incident(user, flag.incident)


def can_view_amendment(user: Any, amendment: Amendment) -> bool:
    return can_view_sample(user, amendment.finding.sample)
