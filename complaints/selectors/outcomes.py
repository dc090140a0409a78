"""The outcomes a case may be given on the route it took, and the results a review may record."""

from __future__ import annotations

from django.db.models import QuerySet

from complaints.models import ROUTE_OUTCOMES, ComplaintOutcome


def outcomes_for_route(route: str) -> QuerySet[ComplaintOutcome]:
    """Outcomes that fit the route taken (plus WITHDRAWN/NOT-ELIGIBLE); never review results."""
    applies = (*ROUTE_OUTCOMES.get(route, ()), "any")
    return ComplaintOutcome.objects.filter(applies_to__in=applies).exclude(review_body_relevant="n/a")


def review_results() -> QuerySet[ComplaintOutcome]:
    return ComplaintOutcome.objects.filter(review_body_relevant="n/a")
