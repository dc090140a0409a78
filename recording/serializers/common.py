"""The fields and base serializer every recording API serializer shares."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.fields import ApiDateTimeField


@extend_schema_field(OpenApiTypes.STR)
class CodeChoiceField(serializers.ChoiceField):
    """A choice validated like ChoiceField but documented as a plain string, so the many `status` and
    `kind` choice sets of this app do not collide as OpenAPI enum names."""


class CodeModelSerializer(serializers.ModelSerializer[Any]):
    serializer_choice_field = CodeChoiceField


class AwareDateTimeField(ApiDateTimeField):
    """An ISO-8601 time that must carry its offset (`Z` or `+01:00`); written out in UTC with `Z`."""

    default_error_messages = {
        "naive": "Give the time with its offset, e.g. 2026-03-01T14:05:00Z.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(default_timezone=UTC, **kwargs)

    def enforce_timezone(self, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            self.fail("naive")
        return super().enforce_timezone(value)
