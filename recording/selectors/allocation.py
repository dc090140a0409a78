"""Work not yet allocated: open crimes and pending transfers nobody holds a staffing Allocation for."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from config.queues import risk_order
from recording import lifecycle
from recording.models import (
    Crime,
    CrimeTransfer,
)
from recording.selectors.changes import transfer_visible, with_transfer_risk
from recording.selectors.crimes import crime_visible
from staffing.models import Allocation, User


def _unallocated(qs: QuerySet[Any], model_name: str) -> QuerySet[Any]:
    """Leave out items holding an open staffing Allocation (content type matched inside the subquery,
    so no separate content-type lookup runs)."""
    return qs.exclude(
        Exists(
            Allocation.objects.filter(
                content_type__app_label="recording",
                content_type__model=model_name,
                object_id=OuterRef("pk"),
                status=Allocation.Status.OPEN,
            )
        )
    )


def crimes_to_allocate(*, user: User) -> QuerySet[Crime]:
    """Open crimes `user` may see that no investigator has been allocated, oldest recorded first."""
    return _unallocated(
        crime_visible(user=user)
        .filter(status__in=lifecycle.OPEN_STATUSES)
        .select_related("offence", "owner", "team"),
        "crime",
    ).order_by("recorded_at", "id")


def transfers_to_allocate(*, user: User) -> QuerySet[CrimeTransfer]:
    """Pending transfers `user` may see that nobody has been allocated to arrange (R-TRANSFER-PROTOCOL),
    in the risk order of the crime each is about (selectors.changes.with_transfer_risk), then the
    oldest."""
    return with_transfer_risk(
        _unallocated(
            transfer_visible(user=user)
            .filter(status=CrimeTransfer.Status.PENDING)
            .select_related("force", "crime", "offence"),
            "crimetransfer",
        )
    ).order_by(*risk_order("requested_at"), "id")
