"""Every non-trivial read of the QA app, with related data loaded for rendering."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from qa.models import Amendment, DipSample, DipTest, RapeReview, UnrecordedFlag
from staffing.models import User


def flag_list(*, status: str | None = None, assigned: str = "", q: str = "") -> QuerySet[UnrecordedFlag]:
    """Flags oldest incident first (the sergeant's queue order). `assigned`: "yes", "no" or "" (any);
    `q`: part of the incident reference."""
    flags = UnrecordedFlag.objects.select_related("incident__nsir_code", "assigned_to", "closing_nsir_code")
    if status:
        flags = flags.filter(status=status)
    if assigned in {"yes", "no"}:
        flags = flags.filter(assigned_to__isnull=assigned == "no")
    if q.strip():
        flags = flags.filter(incident__reference__icontains=q.strip())
    # incident_opened_at is the incident's opened_at copied by the sweep: indexed (qa_flag_queue_idx), so a
    # page of the queue reads 50 index entries instead of joining and sorting every open flag.
    return flags.order_by("incident_opened_at", "id")


def flag_get(flag_id: int) -> UnrecordedFlag:
    return flag_list().get(pk=flag_id)


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
        "finding__sample__dip_test", "owner", "confirmed_by"
    ).exclude(status=Amendment.Status.CONFIRMED)
    if user.role == User.Role.INVESTIGATOR:
        return amendments.filter(owner=user)
    if user.role == User.Role.SERGEANT and user.team_id is not None:
        return amendments.filter(Q(owner__team_id=user.team_id) | Q(owner__isnull=True))
    return amendments


def rape_review_queue(*, reviewed: bool = False) -> QuerySet[RapeReview]:
    reviews = RapeReview.objects.select_related("incident__nsir_code", "crime__offence", "reviewed_by")
    if reviewed:
        return reviews.filter(reviewed_at__isnull=False).order_by("-reviewed_at")
    return reviews.filter(reviewed_at__isnull=True).order_by("queued_at", "id")
