"""Reads of crimes: who may see which (R-RESTRICTED), the list and one crime with everything its page
shows, its audit trail, and the home queues of crimes (victim updates overdue, the rape daily review)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from recording import lifecycle
from recording.models import (
    Appointment,
    CancellationRequest,
    ClassificationChange,
    Crime,
    CrimeTransfer,
    CrimeVictim,
    Enquiry,
    VictimNotice,
    VictimUpdate,
)
from recording.permissions import SEE_ALL_RESTRICTED
from staffing.models import User


def crime_visible(*, user: User) -> QuerySet[Crime]:
    """R-RESTRICTED, the one rule for every path: a restricted crime is seen by sergeants, managers and
    admins, and by the people working on it: who recorded it, its owner, and an investigator holding
    one of its enquiries (recording.permissions.can_view_crime says the same for one crime)."""
    qs = Crime.objects.all()
    if user.role not in SEE_ALL_RESTRICTED:
        qs = qs.filter(
            Q(restricted=False)
            | Q(owner=user)
            | Q(recorded_by=user)
            | Exists(Enquiry.objects.filter(crime=OuterRef("pk"), assigned_to=user))
        )
    return qs


def crime_list_recorded(*, user: User, ids: list[int]) -> list[Crime]:
    """The crimes just recorded (the confirmation page), those the user may see, in number order."""
    return list(
        crime_visible(user=user)
        .filter(pk__in=ids)
        .select_related("offence")
        .prefetch_related("victims", "incidents")
        .order_by("crime_number")
    )


def crime_list(*, user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Crime]:
    filters = filters or {}
    qs = crime_visible(user=user).select_related("offence", "offence_code", "owner", "team", "outcome")
    if q := (filters.get("q") or "").strip():
        qs = qs.filter(
            Q(crime_number__icontains=q)
            | Q(summary__icontains=q)
            | Q(incidents__reference__iexact=q)
            | Q(sending_force_reference__iexact=q)
        ).distinct()
    if status := filters.get("status"):
        qs = qs.filter(status=status)
    if offence := filters.get("offence"):
        # A class (every crime under it) or a Home Office offence code (the crimes recorded as it).
        qs = qs.filter(Q(offence__code__iexact=offence) | Q(offence_code__code__iexact=offence))
    if filters.get("mine") in {True, "1", "true", "on"}:
        qs = qs.filter(owner=user)
    if filters.get("breach") in {True, "1", "true", "on"}:
        qs = qs.filter(ncrs_breach=True)
    if owner := filters.get("owner"):
        qs = qs.filter(owner_id=owner)
    if recorded_from := filters.get("recorded_from"):
        qs = qs.filter(recorded_at__date__gte=recorded_from)
    if recorded_to := filters.get("recorded_to"):
        qs = qs.filter(recorded_at__date__lte=recorded_to)
    return qs.order_by("-recorded_at", "-id")


def crime_get(*, user: User, pk: int | str, for_update: bool = False) -> Crime:
    """One crime the user may see, with everything the detail page shows; else Http404."""
    qs = crime_visible(user=user).select_related(
        "offence", "offence_code", "owner", "team", "outcome", "cancelled_under", "recorded_by"
    )
    lookup = {"crime_number": pk} if isinstance(pk, str) and "/" in pk else {"pk": pk}
    crime = (
        qs.prefetch_related(
            "victims",
            "suspects",
            "incidents__nsir_code",
            Prefetch(
                "classification_changes",
                queryset=ClassificationChange.objects.select_related(
                    "from_offence_code",
                    "to_offence_code",
                    "from_offence",
                    "to_offence",
                    "proposed_by",
                    "decided_by",
                ),
            ),
            Prefetch(
                "cancellations",
                queryset=CancellationRequest.objects.select_related(
                    "criterion", "requested_by", "decided_by"
                ),
            ),
            Prefetch(
                "transfers",
                queryset=CrimeTransfer.objects.select_related("force", "requested_by", "decided_by"),
            ),
            Prefetch("victim_updates", queryset=VictimUpdate.objects.select_related("victim", "created_by")),
            Prefetch("enquiries", queryset=Enquiry.objects.select_related("assigned_to")),
            Prefetch("appointments", queryset=Appointment.objects.select_related("officer", "victim")),
            Prefetch("victim_notices", queryset=VictimNotice.objects.select_related("decided_by", "told_by")),
        )
        .filter(**lookup)
        .first()
    )
    if crime is None:
        raise Http404("No such crime.")
    return crime


def crime_history(*, crime: Crime) -> list[dict[str, Any]]:
    """The audit trail of a crime and its parts, newest first: who, when, what, why."""
    rows: list[dict[str, Any]] = []
    sources: list[tuple[str, Any]] = [
        ("Crime", crime.history.select_related("history_user")),
        ("Victim", crime.victims.model.history.filter(crime_id=crime.pk).select_related("history_user")),
        ("Suspect", crime.suspects.model.history.filter(crime_id=crime.pk).select_related("history_user")),
        (
            "Classification",
            ClassificationChange.history.filter(crime_id=crime.pk).select_related("history_user"),
        ),
        (
            "Cancellation",
            CancellationRequest.history.filter(crime_id=crime.pk).select_related("history_user"),
        ),
        ("Transfer", CrimeTransfer.history.filter(crime_id=crime.pk).select_related("history_user")),
        ("Victim update", VictimUpdate.history.filter(crime_id=crime.pk).select_related("history_user")),
        ("Enquiry", Enquiry.history.filter(crime_id=crime.pk).select_related("history_user")),
        ("Appointment", Appointment.history.filter(crime_id=crime.pk).select_related("history_user")),
    ]
    kinds = {"+": "created", "~": "changed", "-": "deleted"}
    for label, qs in sources:
        previous: dict[int, Any] = {}
        for record in qs.order_by("history_date", "history_id"):
            changes: list[str] = []
            prior = previous.get(record.id)
            if prior is not None:
                delta = record.diff_against(prior)
                changes = [c.field for c in delta.changes if c.field != "updated_at"]
            previous[record.id] = record
            rows.append(
                {
                    "what": f"{label} {kinds.get(record.history_type, record.history_type)}",
                    "fields": changes,
                    "when": record.history_date,
                    "who": record.history_user,
                    "why": record.history_change_reason or "",
                }
            )
    rows.sort(key=lambda r: r["when"], reverse=True)
    return rows


def crime_victim_updates_overdue(*, user: User) -> QuerySet[Crime]:
    """Open crimes whose next victim update (Victims' Code) is past due: every one for sergeants,
    managers and admins; the user's own for everyone else."""
    qs = crime_visible(user=user).filter(
        next_victim_update_due__lt=timezone.now(), status__in=lifecycle.OPEN_STATUSES
    )
    if user.role not in SEE_ALL_RESTRICTED:
        qs = qs.filter(owner=user)
    # Each victim's agreed frequency and contact method (R-VCOP-RIGHT6) shows on the queue's rows.
    victims = CrimeVictim.objects.only("crime_id", "name", "agreed_update_days", "agreed_contact_method")
    return qs.select_related("offence", "owner", "team").prefetch_related(
        Prefetch("victims", queryset=victims)
    )


def crimes_rape_last_24h(*, user: User) -> QuerySet[Crime]:
    """Rape and serious sexual offences recorded in the last 24 hours and still live (not cancelled or
    transferred away): the daily review of R-RAPE-RECORD."""
    return (
        crime_visible(user=user)
        .filter(
            recorded_at__gte=timezone.now() - timedelta(hours=24),
            offence__category__icontains="sexual",
            offence__seriousness_rank__lte=lifecycle.SERIOUS_SEXUAL_MAX_RANK,
        )
        .exclude(status__in=[lifecycle.CANCELLED, lifecycle.TRANSFERRED])
        .select_related("offence", "owner", "team")
    )


@dataclass(frozen=True)
class CrimeQueueRow:
    """A row of a work queue of crimes (queues/rows/crime.html), its words, dates and links made once.
    The risk fields keep the crime's own names, so queues/rows/_risk.html reads it as it reads a crime."""

    url: str
    crime_number: str
    offence: str
    recorded_iso: str
    recorded: str
    owner: str
    allocate_url: str
    restricted: bool
    vulnerable_victim: bool
    domestic_abuse: bool
    hate_crime: bool
    grade: str


def crime_queue_rows(crimes: list[Crime], queue: Any) -> list[CrimeQueueRow]:
    """The rows of a work queue of crimes (its selector loads the offence and the owner); the allocation
    screen's link only on a queue whose `extra` says `allocate`."""
    from config.listing import url_for_each
    from staffing.selectors import allocation_page_urls_for
    from staffing.templatetags.resolve_format import when  # the one way times are written

    allocate = bool(queue.extra.get("allocate"))
    crime_url = url_for_each("recording:crime-detail")
    allocate_url = allocation_page_urls_for(Crime) if allocate else None
    rows = []
    for crime in crimes:
        recorded_at = timezone.localtime(crime.recorded_at)
        owner = crime.owner
        rows.append(
            CrimeQueueRow(
                url=crime_url(crime.pk),
                crime_number=crime.crime_number,
                offence=f"{crime.offence.code} {crime.offence.title}",
                recorded_iso=recorded_at.isoformat(),
                recorded=when(recorded_at),
                owner=(owner.get_full_name() or str(owner)) if owner else "Unallocated",
                allocate_url=allocate_url(crime.pk) if allocate_url else "",
                restricted=crime.restricted,
                vulnerable_victim=crime.vulnerable_victim,
                domestic_abuse=crime.domestic_abuse,
                hate_crime=crime.hate_crime,
                grade=crime.grade,
            )
        )
    return rows
