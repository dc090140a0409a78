"""Review: the application and its result."""

from __future__ import annotations

from rest_framework import serializers

from complaints.serializers.common import choice_field
from config.fields import ApiDateField


class _ReviewDecision(serializers.Serializer):
    """The review body's decision and what follows it: logged with the application or recorded later."""

    decided_on = ApiDateField(required=False, allow_null=True, default=None)
    recommendations = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="One recommendation per line"
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    follow_up_by = ApiDateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Upheld: when its recommendations are due (default 28 days from the decision)",
    )
    owner = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Upheld: who follows them up (username)"
    )


class ReviewIn(_ReviewDecision):
    received_on = ApiDateField()
    result = serializers.CharField(required=False, allow_blank=True, default="")


class ReviewResultIn(_ReviewDecision):
    result = choice_field(["REVIEW-UPHELD", "REVIEW-NOT-UPHELD"])
