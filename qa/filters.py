from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from qa.models import UnrecordedFlag
from qa.selectors import ESCALATION_OPEN, MISMATCHED


class UnrecordedFlagFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=UnrecordedFlag.Status.choices)
    escalation = django_filters.ChoiceFilter(
        choices=[("open", "Waiting for the control room"), ("answered", "Answered")],
        method="filter_escalation",
    )
    mismatch = django_filters.BooleanFilter(
        method="filter_mismatch", help_text="true: resolved with a crime that did not match (reason kept)."
    )

    class Meta:
        model = UnrecordedFlag
        fields = ["status"]

    def filter_escalation(
        self, queryset: QuerySet[UnrecordedFlag], name: str, value: str
    ) -> QuerySet[UnrecordedFlag]:
        if value == "open":
            return queryset.filter(ESCALATION_OPEN)
        return queryset.filter(escalation_answered_at__isnull=False)

    def filter_mismatch(
        self, queryset: QuerySet[UnrecordedFlag], name: str, value: bool | None
    ) -> QuerySet[UnrecordedFlag]:
        if value is None:
            return queryset
        return queryset.filter(MISMATCHED) if value else queryset.exclude(MISMATCHED)
