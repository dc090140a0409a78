"""The incident feed: the bulk load of command-and-control incidents and its answer."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from config.fields import ApiDateTimeField
from recording.models import Grade
from recording.serializers.common import CodeChoiceField


class IncidentFeedItemSerializer(serializers.Serializer[Any]):
    """One incident of the feed (documentation of the contract; validation is in the service)."""

    reference = serializers.CharField(max_length=40)
    opened_at = ApiDateTimeField()
    closed_at = ApiDateTimeField(required=False, allow_null=True)
    nsir_code = serializers.CharField(help_text="A code of nsir_codes.csv; decides crime_related.")
    grade = CodeChoiceField(choices=Grade.choices, required=False, allow_blank=True)
    summary = serializers.CharField(required=False, allow_blank=True)
    location = serializers.CharField(required=False, allow_blank=True)
    crime_number = serializers.CharField(required=False, allow_null=True)


class IncidentBulkInputSerializer(serializers.Serializer[Any]):
    incidents = IncidentFeedItemSerializer(many=True, help_text="Up to 5,000 incidents.")


class IncidentBulkOutputSerializer(serializers.Serializer[Any]):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    batch = serializers.IntegerField(help_text="The ImportBatch that records this load.")
