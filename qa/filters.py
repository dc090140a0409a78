from __future__ import annotations

import django_filters

from qa.models import UnrecordedFlag


class UnrecordedFlagFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=UnrecordedFlag.Status.choices)

    class Meta:
        model = UnrecordedFlag
        fields = ["status"]
