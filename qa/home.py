"""The QA work queues on a user's home page (config.registry walks QaConfig.home_queues)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Min
from django.urls import reverse

from config.permissions import Role, user_has_role
from config.registry import Queue
from qa import selectors
from qa.models import DipSample, RapeReview, UnrecordedFlag


def queues_for(user: Any) -> list[Queue]:
    queues: list[Queue] = []
    if user_has_role(user, Role.SUPERVISORS):
        flags = UnrecordedFlag.objects.filter(status=UnrecordedFlag.Status.OPEN).aggregate(
            n=Count("pk"), oldest=Min("incident__opened_at")
        )
        queues.append(
            Queue(
                "qa-unrecorded",
                "Unrecorded crime-related incidents",
                reverse("qa:flag-list"),
                flags["n"],
                flags["oldest"],
                "Incidents with no crime number past the grace period",
                order=40,
            )
        )
        samples = DipSample.objects.filter(audited_at__isnull=True).aggregate(
            n=Count("pk"), oldest=Min("dip_test__created_at")
        )
        queues.append(
            Queue(
                "qa-dip-test",
                "Dip-test items to audit",
                reverse("qa:dip-test-list"),
                samples["n"],
                samples["oldest"],
                order=42,
            )
        )
        to_allocate = [
            selectors.flags_to_allocate().aggregate(n=Count("pk"), oldest=Min("incident__opened_at")),
            selectors.samples_to_allocate().aggregate(n=Count("pk"), oldest=Min("dip_test__created_at")),
            selectors.amendments_to_allocate().aggregate(n=Count("pk"), oldest=Min("finding__found_at")),
        ]
        queues.append(
            Queue(
                "qa-to-allocate",
                "QA work to allocate",
                reverse("qa:to-allocate"),
                sum(agg["n"] for agg in to_allocate),
                min((agg["oldest"] for agg in to_allocate if agg["oldest"]), default=None),
                "Unrecorded-incident flags, dip-test audits and amendments nobody has been given",
                order=39,
            )
        )
        reviews = RapeReview.objects.filter(reviewed_at__isnull=True).aggregate(
            n=Count("pk"), oldest=Min("queued_at")
        )
        queues.append(
            Queue(
                "qa-rape-review",
                "Rape reports to review",
                reverse("qa:rape-review-list"),
                reviews["n"],
                reviews["oldest"],
                "Restricted: daily review (R-RAPE-RECORD)",
                order=46,
            )
        )
    if user_has_role(user, (Role.INVESTIGATOR, *Role.SUPERVISORS)):
        amendments = selectors.amendment_list(user=user).aggregate(n=Count("pk"))
        queues.append(
            Queue(
                "qa-amendments",
                "QC amendments",
                reverse("qa:amendment-list"),
                amendments["n"],
                None,
                "Errors found by dip-tests to put right",
                order=44,
            )
        )
    return queues
