"""Team, people, training, rota and coverage (the staffing API's own)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from config.fields import ApiDateField, ApiDateTimeField
from staffing.models import Shift, Skill, Team, TrainingRecord, User


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
