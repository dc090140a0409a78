"""Reads of changes a second person decides on crimes the user may see: reclassifications,
cancellations and transfers between forces (the list pages, their home queues and the API lists). Those
awaiting a decision read in the risk order of the crime each is about (config.queues.RISK_NOTE), the
oldest first within one risk: a cancellation of a rape never waits under one of a shoplifting."""

from __future__ import annotations

from typing import Any

from django.db.models import ExpressionWrapper, F, Q, QuerySet, Value
from django.db.models.fields import BooleanField
from django.db.models.functions import Coalesce, Least

from config.queues import risk_order, with_crime_risk
from recording.models import (
    CancellationRequest,
    ClassificationChange,
    CrimeTransfer,
)
from recording.permissions import SEE_ALL_RESTRICTED
from recording.selectors.crimes import crime_visible
from staffing.models import User


def transfer_visible(*, user: User) -> QuerySet[CrimeTransfer]:
    """The transfers `user` may see (recording.permissions.can_view_transfer as a query): those of a
    crime they may see, and incoming ones unless the offence is restricted and they are neither of
    the roles that see every restricted crime nor the person who registered it."""
    incoming = Q(crime__isnull=True)
    if user.role not in SEE_ALL_RESTRICTED:
        incoming &= Q(offence__isnull=True) | Q(offence__restricted=False) | Q(requested_by=user)
    return CrimeTransfer.objects.filter(incoming | Q(crime__in=crime_visible(user=user)))


def _ordered(qs: QuerySet[Any], *, waiting: bool, age_field: str) -> QuerySet[Any]:
    """Awaiting a decision: the risk order, then the oldest (the home queue). Decided, or every status at
    once: the newest first, as before, which the (status, date) index reads a page at a time; nothing
    waits there, and sorting years of decisions by their crimes' risk sorts every one of them (290 ms a
    page at 40,000 decided requests, against 1 ms)."""
    if waiting:
        return qs.order_by(*risk_order(age_field), "id")
    return qs.order_by(f"-{age_field}", "-id")


def reclassification_list(*, user: User, status: str = "") -> QuerySet[ClassificationChange]:
    """Reclassifications of crimes `user` may see (the list page and its home queue)."""
    qs = ClassificationChange.objects.exclude(status=ClassificationChange.Status.INITIAL).select_related(
        "crime",
        "from_offence",
        "to_offence",
        "from_offence_code",
        "to_offence_code",
        "proposed_by",
        "decided_by",
    )
    qs = qs.filter(crime__in=crime_visible(user=user))
    if status:
        qs = qs.filter(status=status)
    # A reclassification weighs the more serious of the crime's offence and the one proposed: a common
    # assault proposed as a rape is a rape's risk (restricted, rank 4) while it waits.
    qs = with_crime_risk(
        qs,
        "crime__",
        restricted=ExpressionWrapper(
            Q(crime__restricted=True) | Q(to_offence__restricted=True), output_field=BooleanField()
        ),
        seriousness_rank=Least(F("crime__seriousness_rank"), F("to_offence__seriousness_rank")),
    )
    return _ordered(qs, waiting=status == ClassificationChange.Status.PROPOSED, age_field="proposed_at")


def cancellation_list(*, user: User, status: str = "") -> QuerySet[CancellationRequest]:
    """Cancellation requests on crimes `user` may see (the list page and its home queue)."""
    qs = CancellationRequest.objects.select_related(
        "crime__offence", "criterion", "requested_by", "decided_by"
    ).filter(crime__in=crime_visible(user=user))
    if status:
        qs = qs.filter(status=status)
    qs = with_crime_risk(qs, "crime__")
    return _ordered(qs, waiting=status == CancellationRequest.Status.PENDING, age_field="requested_at")


def with_transfer_risk(transfers: QuerySet[CrimeTransfer]) -> QuerySet[CrimeTransfer]:
    """The risk of the crime a transfer is about; an incoming one not yet accepted has no crime, so it
    weighs the offence the sending force gave by the same seriousness rank (and counts as not graded)."""
    return with_crime_risk(
        transfers,
        "crime__",
        restricted=Coalesce(F("crime__restricted"), F("offence__restricted"), Value(False)),
        seriousness_rank=Coalesce(F("crime__seriousness_rank"), F("offence__seriousness_rank")),
    )


def transfer_list(*, user: User, status: str = "", direction: str = "") -> QuerySet[CrimeTransfer]:
    """Transfers `user` may see (transfer_visible): the list page and the home queues of transfers in
    and transfers out."""
    qs = transfer_visible(user=user).select_related("crime", "force", "offence", "requested_by", "decided_by")
    if status:
        qs = qs.filter(status=status)
    if direction:
        qs = qs.filter(direction=direction)
    qs = with_transfer_risk(qs)
    return _ordered(qs, waiting=status == CrimeTransfer.Status.PENDING, age_field="requested_at")
