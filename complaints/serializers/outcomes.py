"""Outcomes: recording the outcome and closing."""

from __future__ import annotations

from rest_framework import serializers

from config.fields import ApiDateField


class OutcomeIn(serializers.Serializer):
    outcome = serializers.CharField()
    outcome_on = ApiDateField(required=False)
    allegation_outcomes = serializers.DictField(child=serializers.CharField(), required=False, default=dict)
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True, default=None)
