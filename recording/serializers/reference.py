"""The force directory and the offence search (reference data the recording forms pick from)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from recording.models import Force
from recording.serializers.common import CodeModelSerializer


class ForceSerializer(CodeModelSerializer):
    class Meta:
        model = Force
        fields = [
            "id",
            "code",
            "name",
            "transfer_email",
            "transfer_phone",
            "notes",
            "last_verified",
            "updated_at",
        ]
        read_only_fields = ["id", "updated_at"]


class OffenceChoiceSerializer(serializers.Serializer[Any]):
    """One offence search result (recording.selectors.reference.OffenceChoice)."""

    code = serializers.CharField(help_text="What a recording decision takes as alleged[].offence.")
    title = serializers.CharField()
    is_class = serializers.BooleanField(help_text="A Home Office class, not an offence code within one.")
    class_code = serializers.CharField()
    class_title = serializers.CharField()
    category = serializers.CharField()
    seriousness_rank = serializers.IntegerField()
    restricted = serializers.BooleanField()
    victim_based = serializers.BooleanField()
    counting = serializers.CharField(help_text="An offence's marker: V, S or S/V; blank for a class.")
    counting_label = serializers.CharField()
    legislation = serializers.CharField()
    source_url = serializers.CharField(source="source", help_text="The HOCR page the offence was read from.")
