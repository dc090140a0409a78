from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from staffing.models import Rule


class RuleFilter(django_filters.FilterSet):
    """The rule catalogue's filters, shared by the Rules page and GET /api/v1/rules/."""

    q = django_filters.CharFilter(method="search", label="Search ID or words", max_length=100)
    domain = django_filters.ChoiceFilter(choices=Rule.Domain.choices, empty_label="Both", label="Domain")
    verified = django_filters.ChoiceFilter(
        choices=[("true", "Verified"), ("false", "Unverified")],
        method="by_verified",
        empty_label="Either",
        label="Verified",
    )

    class Meta:
        model = Rule
        fields = ["q", "domain", "verified"]

    def search(self, queryset: QuerySet[Rule], name: str, value: str) -> QuerySet[Rule]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(code__icontains=value) | Q(words__icontains=value) | Q(section__icontains=value)
        )

    def by_verified(self, queryset: QuerySet[Rule], name: str, value: str) -> QuerySet[Rule]:
        return queryset.filter(verified=value == "true")
