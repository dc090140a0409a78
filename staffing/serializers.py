from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.fields import ApiDateField, ApiDateTimeField
from config.registry import rule_uses_for
from staffing.models import AccessLog, Allocation, RecordFile, Rule, Shift, Skill, Team, TrainingRecord, User
from staffing.selectors import skill_label


class TeamOutputSerializer(serializers.ModelSerializer[Team]):
    sergeant = serializers.CharField(
        source="sergeant.username", default=None, allow_null=True, read_only=True
    )
    investigators = serializers.IntegerField(read_only=True)

    class Meta:
        model = Team
        fields = ["code", "name", "sergeant", "capacity", "investigators"]


class MeOutputSerializer(serializers.ModelSerializer[User]):
    team = serializers.CharField(source="team.code", default=None, read_only=True, allow_null=True)

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "role", "team"]


class SkillOutputSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]


class TrainingOutputSerializer(serializers.ModelSerializer[TrainingRecord]):
    user = serializers.CharField(source="user.username", read_only=True)

    class Meta:
        model = TrainingRecord
        fields = ["id", "user", "skill", "trained_on", "expires_on", "evidence"]


class TrainingInputSerializer(serializers.Serializer[Any]):
    user = serializers.SlugRelatedField(slug_field="username", queryset=User.objects.filter(is_active=True))
    skill = serializers.ChoiceField(choices=Skill.choices)
    trained_on = ApiDateField()
    expires_on = ApiDateField(required=False, allow_null=True, default=None)
    evidence = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)


class PersonSerializer(serializers.ModelSerializer[User]):
    name = serializers.CharField(source="display_name", read_only=True)

    class Meta:
        model = User
        fields = ["username", "name", "role"]


class ShiftOutputSerializer(serializers.ModelSerializer[Shift]):
    team = serializers.CharField(source="team.code", read_only=True)
    people = serializers.SerializerMethodField()

    class Meta:
        model = Shift
        fields = ["id", "team", "kind", "starts_at", "ends_at", "people"]

    def get_people(self, shift: Shift) -> list[str]:
        return [a.user.username for a in shift.assignments.all()]


class ShiftViewSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField(source="shift.kind")
    starts_at = ApiDateTimeField(source="shift.starts_at")
    ends_at = ApiDateTimeField(source="shift.ends_at")
    people = PersonSerializer(many=True)
    absent = PersonSerializer(many=True)


class OnShiftOutputSerializer(serializers.Serializer[Any]):
    team = serializers.CharField()
    now = ShiftViewSerializer(allow_null=True)
    next = ShiftViewSerializer(allow_null=True)


class CoverageLineSerializer(serializers.Serializer[Any]):
    area = serializers.CharField(source="requirement.area")
    skill = serializers.CharField(source="requirement.skill")
    minimum = serializers.IntegerField(source="requirement.minimum")
    have = serializers.IntegerField()
    short_by = serializers.IntegerField()


class ShiftCoverageSerializer(serializers.Serializer[Any]):
    shift_starts_at = ApiDateTimeField(source="shift.starts_at", default=None)
    shift_kind = serializers.CharField(source="shift.kind", default=None, allow_null=True)
    lines = CoverageLineSerializer(many=True)
    gaps = CoverageLineSerializer(many=True)


class CoverageOutputSerializer(serializers.Serializer[Any]):
    team = serializers.CharField()
    now = ShiftCoverageSerializer()
    next = ShiftCoverageSerializer()


class CandidateSerializer(serializers.Serializer[Any]):
    username = serializers.CharField(source="candidate.username")
    name = serializers.CharField(source="candidate.name")
    load = serializers.IntegerField(source="candidate.load")
    items = serializers.IntegerField(source="candidate.items")
    on_shift = serializers.BooleanField(source="candidate.on_shift")
    absent = serializers.BooleanField(source="candidate.absent")
    skilled = serializers.BooleanField(source="candidate.skilled")
    eligible = serializers.BooleanField()
    why_not = serializers.CharField()


class SpecialistSerializer(serializers.Serializer[Any]):
    skill = serializers.CharField()
    skill_label = serializers.SerializerMethodField()
    why = serializers.CharField()

    def get_skill_label(self, obj: Any) -> str:
        return skill_label(obj.skill)


class LeftOutSerializer(serializers.Serializer[Any]):
    username = serializers.CharField()
    name = serializers.CharField()
    role = serializers.CharField()
    why = serializers.CharField()


class SuggestionOutputSerializer(serializers.Serializer[Any]):
    skill = serializers.CharField()
    user = serializers.CharField(source="user.username", default=None, allow_null=True)
    reason = serializers.CharField()
    max_load = serializers.IntegerField()
    candidates = CandidateSerializer(many=True)
    specialist = SpecialistSerializer(
        allow_null=True, help_text="A specialist skill the item demands (only those trained in it count)."
    )
    left_out = LeftOutSerializer(
        many=True,
        help_text="People of the team never offered this item, and why (their role, barred, untrained).",
    )


class SuggestInputSerializer(serializers.Serializer[Any]):
    skill = serializers.ChoiceField(choices=Skill.choices)
    team = serializers.CharField(required=False)
    weight = serializers.IntegerField(required=False, default=1, min_value=1, max_value=100)
    item_type = serializers.CharField(
        required=False,
        help_text='With item_id: the work item ("app_label.model"); only people whose role may take that '
        "kind of work, and who are not barred from the item, are considered.",
    )
    item_id = serializers.IntegerField(required=False, min_value=1)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("item_type" in attrs) != ("item_id" in attrs):
            missing = "item_id" if "item_type" in attrs else "item_type"
            raise serializers.ValidationError({missing: "Give item_type and item_id together."})
        return attrs


class ItemInputSerializer(serializers.Serializer[Any]):
    item_type = serializers.CharField(
        help_text='The work item\'s model as "app_label.model", e.g. "recording.crime".'
    )
    item_id = serializers.IntegerField(min_value=1)


class AssignInputSerializer(ItemInputSerializer):
    skill = serializers.ChoiceField(choices=Skill.choices)
    weight = serializers.IntegerField(min_value=1, max_value=100, default=1)
    assignee = serializers.SlugRelatedField(
        slug_field="username",
        queryset=User.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        default=None,
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)
    team = serializers.CharField(required=False)


class ReassignInputSerializer(ItemInputSerializer):
    assignee = serializers.SlugRelatedField(
        slug_field="username",
        queryset=User.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        default=None,
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class AllocationOutputSerializer(serializers.ModelSerializer[Allocation]):
    item_type = serializers.SerializerMethodField()
    item_id = serializers.IntegerField(source="object_id")
    assigned_to = serializers.CharField(source="assigned_to.username")
    assigned_by = serializers.CharField(source="assigned_by.username")
    team = serializers.CharField(source="team.code", default=None, allow_null=True)

    class Meta:
        model = Allocation
        fields = [
            "id",
            "item_type",
            "item_id",
            "item_label",
            "skill",
            "weight",
            "team",
            "assigned_to",
            "assigned_by",
            "reason",
            "status",
            "created_at",
            "closed_at",
        ]

    def get_item_type(self, allocation: Allocation) -> str:
        ct = allocation.content_type
        return f"{ct.app_label}.{ct.model}"


class WorkloadOutputSerializer(serializers.Serializer[Any]):
    username = serializers.CharField(source="user.username")
    name = serializers.CharField(source="user.display_name")
    role = serializers.CharField(source="user.role")
    items = serializers.IntegerField()
    load = serializers.IntegerField()
    max_load = serializers.IntegerField()


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
