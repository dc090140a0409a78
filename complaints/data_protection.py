"""Data protection reads for complaint cases offered to the shared screens through ComplaintsConfig's
`mopi_review_items` hook (config.registry): closed cases whose retention review date (C-DP-RETENTION)
has come."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from complaints.models import ComplaintCase
from config.registry import ReviewItem

REVIEW_QUEUE_LIMIT = 500


def case_review_items(*, today: date) -> list[ReviewItem]:
    cases = ComplaintCase.objects.filter(
        retention_review_on__isnull=False, retention_review_on__lte=today
    ).order_by("retention_review_on", "pk")[:REVIEW_QUEUE_LIMIT]
    return [
        ReviewItem(
            kind="Complaint case",
            reference=case.reference,
            review_on=case.retention_review_on,  # type: ignore[arg-type]
            url=reverse("complaints:detail", args=[case.pk]),
            detail=f"{case.get_kind_display()} ({case.get_status_display()})",
        )
        for case in cases
    ]
