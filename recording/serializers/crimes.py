"""Crimes in and out: the list and detail of a crime with its victims and suspects, and the inputs
that create one, assess it and change its status or owner."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from config.fields import ApiDateField, ApiDateTimeField
from config.inputs import MAX_ITEMS
from recording.models import Crime, CrimeSuspect, CrimeVictim, Grade
from recording.serializers.casework import (
    CancellationSerializer,
    ClassificationChangeSerializer,
    EnquirySerializer,
    TransferSerializer,
    VictimUpdateSerializer,
)
from recording.serializers.common import CodeChoiceField, CodeModelSerializer
from staffing.models import ReasonableAdjustment


class VictimSerializer(CodeModelSerializer):
    class Meta:
        model = CrimeVictim
        fields = [
            "id",
            "ref",
            "kind",
            "name",
            "date_of_birth",
            "age",
            "contact",
            "vulnerable",
            "adjustments",
            "adjustment_notes",
        ]
        extra_kwargs = {"adjustments": {"help_text": "Reasonable adjustments: the format letters need."}}


class SuspectSerializer(CodeModelSerializer):
    class Meta:
        model = CrimeSuspect
        fields = ["id", "ref", "name", "date_of_birth", "description", "identified"]


class CrimeListSerializer(CodeModelSerializer):
    offence = serializers.CharField(source="offence.code")
    offence_title = serializers.CharField(source="offence.title")
    offence_code = serializers.CharField(
        source="offence_code.code",
        default=None,
        allow_null=True,
        help_text="The Home Office offence within the class, if known.",
    )
    owner = serializers.CharField(source="owner.username", default=None, allow_null=True)
    team = serializers.CharField(source="team.code", default=None, allow_null=True)
    outcome = serializers.CharField(source="outcome.code", default=None, allow_null=True)

    class Meta:
        model = Crime
        fields = [
            "id",
            "crime_number",
            "offence",
            "offence_title",
            "offence_code",
            "status",
            "reported_at",
            "incident_opened_at",
            "reported_at_reason",
            "recorded_at",
            "record_by",
            "ncrs_breach",
            "restricted",
            "grade",
            "owner",
            "team",
            "outcome",
            "next_victim_update_due",
        ]


class CrimeDetailSerializer(CrimeListSerializer):
    victims = VictimSerializer(many=True)
    suspects = SuspectSerializer(many=True)
    incidents = serializers.SerializerMethodField()
    classification_changes = ClassificationChangeSerializer(many=True)
    cancellations = CancellationSerializer(many=True)
    transfers = TransferSerializer(many=True)
    victim_updates = VictimUpdateSerializer(many=True)
    enquiries = EnquirySerializer(many=True)
    cancelled_under = serializers.CharField(source="cancelled_under.code", default=None, allow_null=True)

    class Meta(CrimeListSerializer.Meta):
        fields = [
            *CrimeListSerializer.Meta.fields,
            "sending_force_reference",
            "version",
            "review_on",
            "summary",
            "location",
            "location_force",
            "thrive_notes",
            "vulnerable_victim",
            "domestic_abuse",
            "hate_crime",
            "safeguarding_referral",
            "safeguarding_notes",
            "solvability",
            "solvability_factors",
            "solvability_reason",
            "victim_view",
            "victim_view_evidence",
            "decision_rules",
            "decision_explanation",
            "outcome_at",
            "outcome_reason",
            "cancelled_under",
            "cancelled_at",
            "incidents",
            "victims",
            "suspects",
            "classification_changes",
            "cancellations",
            "transfers",
            "victim_updates",
            "enquiries",
        ]

    def get_incidents(self, obj: Crime) -> list[str]:
        return [i.reference for i in obj.incidents.all()]


class VictimInputSerializer(serializers.Serializer[Any]):
    ref = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    kind = CodeChoiceField(choices=CrimeVictim.Kind.choices, default=CrimeVictim.Kind.PERSON)
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    date_of_birth = ApiDateField(required=False, allow_null=True, default=None)
    age = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0, max_value=130)
    contact = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    vulnerable = serializers.BooleanField(default=False)
    adjustments = serializers.ListField(
        child=CodeChoiceField(choices=ReasonableAdjustment.choices),
        required=False,
        default=list,
        max_length=MAX_ITEMS,
        help_text="Reasonable adjustments (as a complainant's): the format letters to the victim need.",
    )
    adjustment_notes = serializers.CharField(required=False, allow_blank=True, default="")


class SuspectInputSerializer(serializers.Serializer[Any]):
    ref = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    identified = serializers.BooleanField(default=False)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    date_of_birth = ApiDateField(required=False, allow_null=True, default=None)


class CrimeDetailsInputMixin(serializers.Serializer[Any]):
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    location = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    grade = CodeChoiceField(choices=Grade.choices, required=False, allow_blank=True, default="")
    vulnerable_victim = serializers.BooleanField(default=False)
    domestic_abuse = serializers.BooleanField(default=False)
    hate_crime = serializers.BooleanField(default=False)
    safeguarding_referral = serializers.BooleanField(default=False)
    safeguarding_notes = serializers.CharField(required=False, allow_blank=True, default="")
    thrive_notes = serializers.CharField(required=False, allow_blank=True, default="")


class CrimeCreateInputSerializer(CrimeDetailsInputMixin):
    offence = serializers.CharField(max_length=20, help_text="A Home Office class or offence code.")
    reported_at = ApiDateTimeField()
    recorded_at = ApiDateTimeField(required=False, allow_null=True, default=None)
    incident_references = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list, max_length=MAX_ITEMS
    )
    victims: serializers.ListSerializer[Any] = serializers.ListSerializer(
        child=VictimInputSerializer(), required=False, default=list, max_length=MAX_ITEMS
    )
    suspects: serializers.ListSerializer[Any] = serializers.ListSerializer(
        child=SuspectInputSerializer(), required=False, default=list, max_length=MAX_ITEMS
    )


class AssessmentInputSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField()
    grade = CodeChoiceField(choices=Grade.choices, required=False, allow_blank=True)
    thrive_notes = serializers.CharField(required=False, allow_blank=True)
    vulnerable_victim = serializers.BooleanField(required=False)
    domestic_abuse = serializers.BooleanField(required=False)
    hate_crime = serializers.BooleanField(required=False)
    safeguarding_referral = serializers.BooleanField(required=False)
    safeguarding_notes = serializers.CharField(required=False, allow_blank=True)
    solvability = CodeChoiceField(choices=Crime.Solvability.choices, required=False)
    solvability_factors = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, max_length=MAX_ITEMS
    )
    solvability_reason = serializers.CharField(required=False, allow_blank=True)
    victim_view = CodeChoiceField(choices=Crime.VictimView.choices, required=False, allow_blank=True)
    victim_view_evidence = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="The crime's version when you read it: if someone changed it since, 400 on version.",
    )


class StatusInputSerializer(serializers.Serializer[Any]):
    status = CodeChoiceField(choices=Crime.Status.choices, required=False)
    owner = serializers.CharField(required=False, allow_blank=True, default="")
    reason = serializers.CharField()
