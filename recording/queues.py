"""Home-page work queues for crime recording (see config.registry)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone

from config.permissions import Role
from config.registry import Queue
from recording import lifecycle, selectors
from recording.models import CancellationRequest, ClassificationChange, CrimeTransfer
from recording.permissions import is_ddm


def _queue(key: str, label: str, url: str, agg: dict[str, Any], description: str, order: int) -> Queue:
    return Queue(
        key=key,
        label=label,
        url=url,
        count=agg["n"],
        oldest=agg["oldest"],
        description=description,
        order=order,
    )


def recording_queues(user: Any) -> list[Queue]:
    role = getattr(user, "role", None)
    if role not in Role.CRIME_STAFF:
        return []
    queues: list[Queue] = []
    visible = selectors.crime_visible(user=user)
    if role in Role.SUPERVISORS or is_ddm(user):
        agg = CancellationRequest.objects.filter(
            status=CancellationRequest.Status.PENDING, crime__in=visible
        ).aggregate(n=Count("id"), oldest=Min("requested_at"))
        queues.append(
            _queue(
                "recording-cancellations",
                "Cancellations awaiting a DDM decision",
                reverse("recording:cancellation-list") + "?status=pending",
                agg,
                "R-CANCEL-DDM",
                20,
            )
        )
    if role in Role.SUPERVISORS:
        agg = ClassificationChange.objects.filter(
            status=ClassificationChange.Status.PROPOSED, crime__in=visible
        ).aggregate(n=Count("id"), oldest=Min("proposed_at"))
        queues.append(
            _queue(
                "recording-reclassifications",
                "Reclassifications awaiting approval",
                reverse("recording:reclassification-list") + "?status=proposed",
                agg,
                "R-RECLASSIFY",
                21,
            )
        )
        for direction, label in (
            (CrimeTransfer.Direction.INCOMING, "in"),
            (CrimeTransfer.Direction.OUTGOING, "out"),
        ):
            agg = (
                selectors.transfer_visible(user=user)
                .filter(status=CrimeTransfer.Status.PENDING, direction=direction)
                .aggregate(n=Count("id"), oldest=Min("requested_at"))
            )
            queues.append(
                _queue(
                    f"recording-transfers-{label}",
                    f"Transfers {label}: pending",
                    reverse("recording:transfer-list") + "?status=pending",
                    agg,
                    "R-TRANSFER-PROTOCOL",
                    22,
                )
            )
        crimes = selectors.crimes_to_allocate(user=user).aggregate(n=Count("id"), oldest=Min("recorded_at"))
        moves = selectors.transfers_to_allocate(user=user).aggregate(
            n=Count("id"), oldest=Min("requested_at")
        )
        queues.append(
            _queue(
                "recording-to-allocate",
                "Crimes and transfers to allocate",
                reverse("recording:to-allocate"),
                {
                    "n": crimes["n"] + moves["n"],
                    "oldest": min((d for d in (crimes["oldest"], moves["oldest"]) if d), default=None),
                },
                "Open crimes with no investigator allocated, and pending transfers nobody is arranging",
                11,
            )
        )
        since = timezone.now() - timedelta(hours=24)
        agg = (
            visible.filter(
                recorded_at__gte=since,
                offence__category__icontains="sexual",
                offence__seriousness_rank__lte=lifecycle.SERIOUS_SEXUAL_MAX_RANK,
            )
            .exclude(status__in=[lifecycle.CANCELLED, lifecycle.TRANSFERRED])
            .aggregate(n=Count("id"), oldest=Min("recorded_at"))
        )
        queues.append(
            _queue(
                "recording-rape-daily-review",
                "Rape and serious sexual offences recorded in the last 24 hours (daily review)",
                reverse("recording:crime-list") + "?status=recorded",
                agg,
                "R-RAPE-RECORD",
                12,
            )
        )
    if role in {Role.RECORDER, *Role.SUPERVISORS}:
        agg = selectors.incident_awaiting_decision().aggregate(n=Count("id"), oldest=Min("opened_at"))
        queues.append(
            _queue(
                "recording-ncrs-due",
                "Crime-related incidents due an NCRS decision within 6 hours",
                reverse("recording:incident-list") + "?unrecorded=1",
                agg,
                "R-NCRS-24H: record within 24 hours of the report",
                10,
            )
        )
    agg = selectors.crime_victim_updates_overdue(user=user).aggregate(
        n=Count("id"), oldest=Min("next_victim_update_due")
    )
    queues.append(
        _queue(
            "recording-victim-updates",
            "Victim updates overdue" if role in Role.SUPERVISORS else "My victim updates overdue",
            reverse("recording:crime-list") + ("" if role in Role.SUPERVISORS else "?mine=on"),
            agg,
            "Victims' Code: first within 5 days, then every 28 days",
            15,
        )
    )
    return queues
