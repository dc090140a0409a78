"""Across records: the access log, MoPI review, subject access, the rule catalogue and
files on records."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.fields import ApiDateField, ApiDateTimeField
from config.registry import rule_uses_for
from staffing.models import AccessLog, RecordFile, Rule


class AccessLogOutputSerializer(serializers.ModelSerializer[AccessLog]):
    username = serializers.CharField(source="user.username")
    role = serializers.CharField(source="user.role")
    record = serializers.CharField(source="record_label")

    class Meta:
        model = AccessLog
        fields = [
            "id",
            "at",
            "username",
            "role",
            "action",
            "record_type",
            "record_id",
            "record",
            "purpose",
            "path",
        ]


class AccessLogQuerySerializer(serializers.Serializer[Any]):
    record_type = serializers.CharField(required=False, allow_blank=True, max_length=60)
    record_id = serializers.CharField(required=False, allow_blank=True, max_length=60)
    user = serializers.CharField(required=False, allow_blank=True, max_length=150)
    date_from = ApiDateField(required=False)
    date_to = ApiDateField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("date_from"), attrs.get("date_to")
        if start and end and end < start:
            raise serializers.ValidationError({"date_to": ["The end date is before the start date."]})
        return attrs


class ReviewItemOutputSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField()
    reference = serializers.CharField()
    review_on = ApiDateField()
    url = serializers.CharField()
    detail = serializers.CharField()


class SubjectAccessQuerySerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    purpose = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class SubjectAccessOutputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    records = serializers.DictField(
        child=serializers.DictField(), help_text="What each part of Resolve holds."
    )


class RuleUseOutputSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField(help_text="Decision, Queue or Screen.")
    label = serializers.CharField()  # type: ignore[assignment]


class RuleOutputSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="The stable rule ID cited in decisions, e.g. R-NCRS-24H.")
    domain = serializers.CharField(help_text="crime or complaints.")
    domain_label = serializers.CharField(source="get_domain_display")
    section = serializers.CharField()
    words = serializers.CharField(help_text="What the rule says.")
    sources = serializers.ListField(child=serializers.CharField(), source="source_lines")
    verified = serializers.BooleanField(help_text="False when the domain notes mark the rule unverified.")
    note = serializers.CharField(help_text="The caveat attached to the rule, if any.")
    url = serializers.SerializerMethodField(help_text="The rule's page in Resolve.")
    used_by = serializers.SerializerMethodField(help_text="The decisions, queues and screens resting on it.")

    def get_url(self, rule: Rule) -> str:
        return reverse("staffing:rule-detail", args=[rule.code])

    @extend_schema_field(RuleUseOutputSerializer(many=True))
    def get_used_by(self, rule: Rule) -> list[dict[str, str]]:
        return [{"kind": use.kind, "label": use.label} for use in rule_uses_for(rule.code)]


# ---------------------------------------------------------------- files on records (contract: Files on ...)
class RecordFileInputSerializer(serializers.Serializer[Any]):
    file = serializers.FileField(
        required=False, allow_empty_file=True, help_text="The file; its type is read from its content."
    )
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class RecordFileOutputSerializer(serializers.Serializer[Any]):
    """An uploaded file, as the upload answers (contract: exactly these fields)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    size = serializers.IntegerField(help_text="Bytes.")
    content_type = serializers.CharField(help_text="Read from the file's content, not its name.")
    uploaded_at = ApiDateTimeField()
    uploaded_by = serializers.CharField(source="uploaded_by.username")


class RecordFileListSerializer(RecordFileOutputSerializer):
    """A file in the record's list: the upload's fields, and what the list adds."""

    description = serializers.CharField()
    sha256 = serializers.CharField(help_text="SHA-256 of the stored bytes, hex.")
    withdrawn_at = ApiDateTimeField(allow_null=True)
    withdrawn_by = serializers.CharField(source="withdrawn_by.username", default=None, allow_null=True)
    withdrawn_reason = serializers.CharField()
    retention_review_on = serializers.SerializerMethodField(
        help_text="The record's retention review date (null while the record is open)."
    )

    def get_retention_review_on(self, row: RecordFile) -> str | None:
        day = self.context.get("review_on")
        return day.isoformat() if day is not None else None
