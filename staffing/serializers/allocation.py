"""Allocation: suggestions with their reasons, assignments and workload."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from staffing.models import Allocation, Skill, User
from staffing.selectors import skill_label


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
