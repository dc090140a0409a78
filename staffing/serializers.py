from __future__ import annotations

from rest_framework import serializers

from staffing.models import Team, User


class TeamOutputSerializer(serializers.ModelSerializer[Team]):
    sergeant = serializers.CharField(source="sergeant.username", default=None, read_only=True)
    investigators = serializers.IntegerField(read_only=True)

    class Meta:
        model = Team
        fields = ["code", "name", "sergeant", "capacity", "investigators"]


class MeOutputSerializer(serializers.ModelSerializer[User]):
    team = serializers.CharField(source="team.code", default=None, read_only=True)

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "role", "team"]
