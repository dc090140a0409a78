"""Dip-tests and their samples, amendments, the rape review queue, and QA work not yet allocated."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from qa.models import (
    Amendment,
    DipSample,
    DipTest,
    RapeReview,
    UnrecordedFlag,
)
from qa.selectors.flags import flag_list
from staffing.models import Allocation, User


def dip_test_list() -> QuerySet[DipTest]:
    return DipTest.objects.annotate(
        sampled=Count("samples"), checked=Count("samples", filter=Q(samples__audited_at__isnull=False))
    ).order_by("-date")


def dip_samples_to_audit() -> QuerySet[DipSample]:
    return DipSample.objects.filter(audited_at__isnull=True).select_related("dip_test", "owner", "team")


def dip_test_samples(dip_test: DipTest) -> QuerySet[DipSample]:
    return (
        dip_test.samples.select_related("owner", "team", "audited_by")
        .prefetch_related("findings")
        .order_by("audited_at", "stratum", "id")
    )


def amendment_list(*, user: User) -> QuerySet[Amendment]:
    """Investigators see their own amendments; sergeants their team's and unowned ones; managers all."""
    amendments = Amendment.objects.select_related(
        "finding__sample__dip_test", "owner", "confirmed_by", "fixed_by"
    ).exclude(status=Amendment.Status.CONFIRMED)
    if user.role == User.Role.INVESTIGATOR:
        return amendments.filter(owner=user)
    if user.role == User.Role.SERGEANT and user.team_id is not None:
        return amendments.filter(Q(owner__team_id=user.team_id) | Q(owner__isnull=True))
    return amendments


def rape_review_queue(*, reviewed: bool = False) -> QuerySet[RapeReview]:
    # The victims' names and numbers are shown for crimes (one prefetch for the page).
    reviews = RapeReview.objects.select_related(
        "incident__nsir_code", "crime__offence", "awaiting__incident", "reviewed_by"
    ).prefetch_related("crime__victims")
    if reviewed:
        return reviews.filter(reviewed_at__isnull=False).order_by("-reviewed_at")
    return reviews.filter(reviewed_at__isnull=True).order_by("queued_at", "id")


# ---------------------------------------------------------------- QA work not yet allocated
def _unallocated(qs: QuerySet[Any], model_name: str) -> QuerySet[Any]:
    """Leave out items holding an open staffing Allocation (matched by content type inside the
    subquery, so no separate content-type lookup runs)."""
    return qs.exclude(
        Exists(
            Allocation.objects.filter(
                content_type__app_label="qa",
                content_type__model=model_name,
                object_id=OuterRef("pk"),
                status=Allocation.Status.OPEN,
            )
        )
    )


def flags_to_allocate() -> QuerySet[UnrecordedFlag]:
    """Open flags nobody has been allocated, oldest incident first."""
    return _unallocated(flag_list(status=UnrecordedFlag.Status.OPEN), "unrecordedflag")


def samples_to_allocate() -> QuerySet[DipSample]:
    """Dip-test samples still to audit that no auditor has been allocated, oldest test first."""
    return _unallocated(dip_samples_to_audit(), "dipsample").order_by("dip_test__date", "id")


def amendments_to_allocate() -> QuerySet[Amendment]:
    """Amendments not yet confirmed that nobody has been allocated, soonest due first."""
    return _unallocated(
        Amendment.objects.exclude(status=Amendment.Status.CONFIRMED).select_related(
            "owner", "finding__sample"
        ),
        "amendment",
    ).order_by("due_on", "id")
