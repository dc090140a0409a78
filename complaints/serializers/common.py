"""What the complaints API's serializers share: choice fields with explicit schemas, plain outputs."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


# Choice fields declare their schema explicitly so drf-spectacular's enum naming never collides.
def choice_field(choices: Any, *, enum: bool = True, **kwargs: Any) -> serializers.ChoiceField:
    values = [c[0] if isinstance(c, tuple | list) else c for c in choices]
    schema: dict[str, Any] = {"type": "string", "enum": values}
    if not enum:  # the same choice set is already published as an enum under another field name
        schema = {"type": "string", "description": "One of: " + ", ".join(values)}

    @extend_schema_field(schema)
    class InlineChoiceField(serializers.ChoiceField):
        pass

    return InlineChoiceField(choices, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class PlainChoiceField(serializers.ChoiceField):
    """Output choice values as plain strings in the schema."""


class Out(serializers.ModelSerializer):
    serializer_choice_field = PlainChoiceField
