"""Reads of reports awaiting the victim (R-NCRS-THIRD-PARTY): who may see them and the sergeant's queue."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from config.queues import risk_order, with_risk
from recording.models import (
    AwaitingVictim,
)
from recording.permissions import SEE_ALL_RESTRICTED
from staffing.models import User


def awaiting_victim_visible(*, user: User) -> QuerySet[AwaitingVictim]:
    """R-RESTRICTED as for crimes: a need-to-know report awaiting the victim is seen by sergeants,
    managers and admins and by the person who saved it."""
    qs = AwaitingVictim.objects.all()
    if user.role not in SEE_ALL_RESTRICTED:
        qs = qs.filter(Q(restricted=False) | Q(created_by=user))
    return qs


def awaiting_victim_queue(*, user: User) -> QuerySet[AwaitingVictim]:
    """The sergeant's queue (its home count, its list page and the API all read this): third-party
    reports still awaiting the victim, in the crime queues' risk order (config.queues.RISK_NOTE: the
    offence, the victim, the grade), then the nearest 24-hour deadline first."""
    return with_risk(
        awaiting_victim_visible(user=user)
        .filter(status=AwaitingVictim.Status.AWAITING)
        .select_related("incident", "created_by")
    ).order_by(*risk_order("record_by"), "id")


def awaiting_victim_get(*, user: User, pk: int) -> AwaitingVictim:
    row = (
        awaiting_victim_visible(user=user)
        .select_related("incident", "created_by", "decided_by")
        .prefetch_related("crimes")
        .filter(pk=pk)
        .first()
    )
    if row is None:
        raise Http404("No such report.")
    return row
