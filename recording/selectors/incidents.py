"""Reads of the incident log: which incidents a user may see or record a crime from, the log and its
search, one incident and its history, and incidents whose NCRS decision is due soon."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from config.permissions import Role
from recording.models import (
    Crime,
    Incident,
)
from recording.permissions import SEE_ALL_RESTRICTED
from recording.selectors.crimes import crime_visible
from staffing.models import User


def incident_attachable(*, user: User) -> QuerySet[Incident]:
    """The incidents a crime may be recorded from by `user`: none linked to a restricted crime they may
    not see (its summary and number stay hidden). A need-to-know incident (a sexual-offence NSIR code)
    is still attachable by its exact reference: the recorder was given it by the control room, and
    having recorded its crime may then see it (incident_visible)."""
    hidden = Crime.objects.filter(incidents=OuterRef("pk"), restricted=True).exclude(
        pk__in=crime_visible(user=user).filter(restricted=True).values("pk")
    )
    return Incident.objects.exclude(Exists(hidden))


def incident_visible(*, user: User) -> QuerySet[Incident]:
    """The incidents `user` may see (recording.permissions.can_view_incident as a query), used by the
    incident page, the incident log and its search, and the API. Sergeants, managers and admins see
    all. Others never see one linked to a restricted crime they may not see, and see one with a
    need-to-know NSIR code (RESOLVE_RESTRICTED_NSIR_CODES, R-RESTRICTED) only if they opened it or own,
    recorded or hold an enquiry on a crime recorded from it."""
    if user.role in SEE_ALL_RESTRICTED:
        return Incident.objects.all()
    if user.role not in Role.CRIME_STAFF:
        return Incident.objects.none()
    theirs = Exists(
        Crime.objects.filter(incidents=OuterRef("pk")).filter(
            Q(owner=user) | Q(recorded_by=user) | Q(enquiries__assigned_to=user)
        )
    )
    code = Q(nsir_code__code__in=settings.RESOLVE_RESTRICTED_NSIR_CODES)
    return incident_attachable(user=user).filter(~code | Q(opened_by=user) | theirs)


def incident_is_restricted(incident: Incident) -> bool:
    """Is the incident need-to-know (its views logged): a need-to-know NSIR code, or a restricted crime
    recorded from it (its log then tells the same story)."""
    if incident.nsir_code.code in settings.RESOLVE_RESTRICTED_NSIR_CODES:
        return True
    return Crime.objects.filter(incidents=incident, restricted=True).exists()


def incident_list(*, user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Incident]:
    filters = filters or {}
    qs = incident_visible(user=user).select_related("nsir_code", "opened_by")
    if q := (filters.get("q") or "").strip():
        qs = qs.filter(Q(reference__iexact=q) | Q(crime_number__iexact=q) | Q(summary__icontains=q))
    if code := filters.get("nsir_code"):
        qs = qs.filter(nsir_code__code=code)
    if filters.get("unrecorded") in {True, "1", "true", "on"}:
        qs = qs.filter(crime_related=True, crime_number__isnull=True)
    return qs.order_by("-opened_at", "-id")


def incident_get(*, user: User, pk: int | str) -> Incident:
    """One incident the user may see (by id, or by reference when given a non-numeric string), with the
    crimes linked to it that the user may see; else Http404."""
    lookup = {"pk": pk} if isinstance(pk, int) or str(pk).isdigit() else {"reference": pk}
    incident = (
        incident_visible(user=user)
        .select_related("nsir_code", "opened_by", "import_batch__created_by")
        .prefetch_related(
            Prefetch(
                "crimes",
                queryset=crime_visible(user=user)
                .select_related("offence", "owner")
                .prefetch_related("victims")
                .order_by("recorded_at", "pk"),
            )
        )
        .filter(**lookup)
        .first()
    )
    if incident is None:
        raise Http404("No such incident.")
    return incident


def incident_history(*, incident: Incident) -> list[dict[str, Any]]:
    """The incident's history rows, oldest first, each marking an NSIR code change from the row before."""
    rows: list[dict[str, Any]] = []
    previous_code: str | None = None
    for record in incident.history.select_related("history_user", "nsir_code").order_by(
        "history_date", "history_id"
    ):
        code = record.nsir_code
        rows.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "why": record.history_change_reason or "",
                "nsir_code": code,
                "code_changed": previous_code is not None and code.code != previous_code,
                "crime_number": record.crime_number,
            }
        )
        previous_code = code.code
    return rows


def incident_awaiting_decision(*, user: User, within: timedelta = timedelta(hours=6)) -> QuerySet[Incident]:
    """Crime-related incidents `user` may see (incident_visible) with no crime number whose NCRS 24-hour
    deadline (opened_at + 24h, R-NCRS-24H) falls within `within` from now: a decision is due soon."""
    now = timezone.now()
    deadline_window_start = now - timedelta(hours=24)
    return (
        incident_visible(user=user)
        .filter(
            crime_related=True,
            crime_number__isnull=True,
            opened_at__gte=deadline_window_start,
            opened_at__lte=deadline_window_start + within,
        )
        .select_related("nsir_code")
    )
