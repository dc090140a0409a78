"""Reads the triage rules need from the database."""

from __future__ import annotations

from complaints.models import ComplaintCategory


def complaint_category_codes() -> frozenset[str]:
    """Every complaint category code in the reference table (one query)."""
    return frozenset(ComplaintCategory.objects.values_list("code", flat=True))
