"""Letter templates, letters and their sends (contract: Letter templates)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from config.fields import ApiDateField, ApiDateTimeField
from staffing.models import Letter, LetterSend, LetterTemplate
from staffing.services import letters as services


class TemplateVersionOut(serializers.Serializer[Any]):
    number = serializers.IntegerField()
    subject = serializers.CharField()
    body = serializers.CharField()
    note = serializers.CharField()
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)
    created_at = ApiDateTimeField()


class TemplateOut(serializers.ModelSerializer[LetterTemplate]):
    current = serializers.SerializerMethodField()

    class Meta:
        model = LetterTemplate
        fields = [
            "id",
            "key",
            "name",
            "record_type",
            "purpose",
            "variant",
            "channel",
            "conditions",
            "needs_approval",
            "active",
            "version",
            "current",
        ]

    def get_current(self, template: LetterTemplate) -> dict[str, Any]:
        """The current version (number, subject, body, saved at)."""
        if hasattr(template, "current_body"):
            return {
                "number": template.version,
                "subject": getattr(template, "current_subject", ""),
                "body": getattr(template, "current_body", ""),
                "created_at": getattr(template, "current_at", None),
            }
        current = next(v for v in template.versions.all() if v.number == template.version)
        return {
            "number": current.number,
            "subject": current.subject,
            "body": current.body,
            "created_at": current.created_at,
        }


class TemplateDetailOut(TemplateOut):
    versions = TemplateVersionOut(many=True)

    class Meta(TemplateOut.Meta):
        fields = [*TemplateOut.Meta.fields, "versions"]


class TemplateIn(serializers.Serializer[Any]):
    key = serializers.SlugField(max_length=60)
    name = serializers.CharField(max_length=200)
    record_type = serializers.CharField(max_length=40)
    purpose = serializers.ChoiceField(LetterTemplate.Purpose.choices)
    variant = serializers.ChoiceField(LetterTemplate.Variant.choices, default="standard")
    channel = serializers.ChoiceField(LetterTemplate.Channel.choices, default="letter")
    conditions = serializers.ListField(
        child=serializers.CharField(max_length=60), default=list, max_length=20
    )
    needs_approval = serializers.BooleanField(default=False)
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=50_000)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class TemplateVersionIn(serializers.Serializer[Any]):
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=50_000)
    note = serializers.CharField(max_length=300)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)
    name = serializers.CharField(max_length=200, required=False)
    needs_approval = serializers.BooleanField(required=False)
    active = serializers.BooleanField(required=False)
    conditions = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, max_length=20
    )


class PreviewIn(serializers.Serializer[Any]):
    record_type = serializers.CharField(max_length=40)
    record_id = serializers.IntegerField(min_value=1)
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=50_000)


class PreviewOut(serializers.Serializer[Any]):
    record = serializers.CharField()
    subject = serializers.CharField()
    body = serializers.CharField()
    problems = serializers.ListField(child=serializers.CharField())


class SendOut(serializers.ModelSerializer[LetterSend]):
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = LetterSend
        fields = [
            "id",
            "channel",
            "to",
            "message_id",
            "status",
            "status_label",
            "attempts",
            "last_error",
            "sent_at",
            "posted_on",
            "provider_status",
            "delivered_at",
        ]


class LetterOut(serializers.ModelSerializer[Letter]):
    template = serializers.CharField(source="template_version.template.key")
    template_version = serializers.IntegerField(source="template_version.number")
    handler = serializers.CharField(source="handler.username")
    issued_by = serializers.CharField(source="issued_by.username", default=None, allow_null=True)
    decided_by = serializers.CharField(source="decided_by.username", default=None, allow_null=True)
    problems = serializers.SerializerMethodField()
    sends = SendOut(many=True)

    class Meta:
        model = Letter
        fields = [
            "id",
            "record_type",
            "record_id",
            "record_label",
            "template",
            "template_version",
            "purpose",
            "status",
            "format",
            "translation_needed",
            "format_reasons",
            "recipient_name",
            "recipient_email",
            "recipient_address",
            "subject",
            "body",
            "handler",
            "approval_comment",
            "decided_by",
            "decided_at",
            "issued_by",
            "issued_at",
            "dated",
            "version",
            "problems",
            "sends",
        ]

    def get_problems(self, letter: Letter) -> list[str]:
        """What stops the letter being issued as it stands (Easy Read sentences, guidance left in)."""
        return [] if letter.is_issued else services.letter_problems(letter)


class DraftIn(serializers.Serializer[Any]):
    record_type = serializers.CharField(max_length=40)
    record_id = serializers.IntegerField(min_value=1)
    purpose = serializers.ChoiceField([("", ""), *LetterTemplate.Purpose.choices], required=False, default="")
    template = serializers.IntegerField(required=False, allow_null=True, default=None)


class EditIn(serializers.Serializer[Any]):
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=50_000)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class VersionIn(serializers.Serializer[Any]):
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class DecideIn(VersionIn):
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class SendIn(serializers.Serializer[Any]):
    channel = serializers.ChoiceField(LetterSend.Channel.choices)
    posted_on = ApiDateField(required=False, allow_null=True, default=None)
    to = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class RecordQuery(serializers.Serializer[Any]):
    record_type = serializers.CharField(max_length=40)
    record_id = serializers.IntegerField(min_value=1)
