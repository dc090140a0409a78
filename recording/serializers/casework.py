"""Work on a recorded crime: reclassification, cancellation, transfers between forces, the outcome,
victim updates, fast-track enquiries and appointments (outputs and inputs, by stage)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from config.fields import ApiDateTimeField
from recording.models import (
    Appointment,
    CancellationRequest,
    ClassificationChange,
    CrimeTransfer,
    Enquiry,
    VictimUpdate,
)
from recording.serializers.common import CodeChoiceField, CodeModelSerializer


class ClassificationChangeSerializer(CodeModelSerializer):
    crime_number = serializers.CharField(source="crime.crime_number")
    from_offence = serializers.CharField(source="from_offence.code", default=None, allow_null=True)
    to_offence = serializers.CharField(source="to_offence.code")
    from_offence_code = serializers.CharField(source="from_offence_code.code", default=None, allow_null=True)
    to_offence_code = serializers.CharField(source="to_offence_code.code", default=None, allow_null=True)
    proposed_by = serializers.CharField(source="proposed_by.username", default=None, allow_null=True)
    decided_by = serializers.CharField(source="decided_by.username", default=None, allow_null=True)

    class Meta:
        model = ClassificationChange
        fields = [
            "id",
            "crime",
            "crime_number",
            "from_offence",
            "to_offence",
            "from_offence_code",
            "to_offence_code",
            "reason",
            "status",
            "proposed_by",
            "proposed_at",
            "decided_by",
            "decided_at",
            "decision_note",
        ]


class ReclassifyInputSerializer(serializers.Serializer[Any]):
    offence = serializers.CharField(max_length=20, help_text="A Home Office class or offence code.")
    reason = serializers.CharField()


class DecisionInputSerializer(serializers.Serializer[Any]):
    approve = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    victim_informed = serializers.BooleanField(default=False)


class CancellationSerializer(CodeModelSerializer):
    crime_number = serializers.CharField(source="crime.crime_number")
    criterion = serializers.CharField(source="criterion.code")
    requested_by = serializers.CharField(source="requested_by.username", default=None, allow_null=True)
    decided_by = serializers.CharField(source="decided_by.username", default=None, allow_null=True)

    class Meta:
        model = CancellationRequest
        fields = [
            "id",
            "crime",
            "crime_number",
            "criterion",
            "evidence",
            "avi",
            "duplicate_of",
            "status",
            "requested_by",
            "requested_at",
            "decided_by",
            "decided_at",
            "decision_note",
            "victim_informed",
        ]


class CancellationInputSerializer(serializers.Serializer[Any]):
    criterion = serializers.CharField(max_length=4)
    evidence = serializers.CharField()
    avi = serializers.CharField(required=False, allow_blank=True, default="")
    duplicate_of = serializers.CharField(required=False, allow_blank=True, default="")


class TransferSerializer(CodeModelSerializer):
    crime_number = serializers.CharField(source="crime.crime_number", default=None, allow_null=True)
    force = serializers.CharField(source="force.code")
    offence = serializers.CharField(source="offence.code", default=None, allow_null=True)
    requested_by = serializers.CharField(source="requested_by.username", default=None, allow_null=True)
    decided_by = serializers.CharField(source="decided_by.username", default=None, allow_null=True)

    class Meta:
        model = CrimeTransfer
        fields = [
            "id",
            "crime",
            "crime_number",
            "direction",
            "force",
            "status",
            "reason",
            "their_reference",
            "offence",
            "reported_at",
            "summary",
            "requested_by",
            "requested_at",
            "decided_by",
            "decided_at",
            "decision_note",
        ]


class TransferOutInputSerializer(serializers.Serializer[Any]):
    force = serializers.CharField(max_length=12)
    reason = serializers.CharField()


class TransferInInputSerializer(serializers.Serializer[Any]):
    force = serializers.CharField(max_length=12)
    their_reference = serializers.CharField(max_length=60)
    offence = serializers.CharField(max_length=12)
    reported_at = ApiDateTimeField()
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    victim_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class TransferDecisionInputSerializer(serializers.Serializer[Any]):
    accept = serializers.BooleanField()
    their_reference = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class OutcomeInputSerializer(serializers.Serializer[Any]):
    outcome = serializers.CharField(max_length=6)
    reason = serializers.CharField()


class VictimUpdateSerializer(CodeModelSerializer):
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)

    class Meta:
        model = VictimUpdate
        fields = ["id", "crime", "victim", "contacted_at", "method", "summary", "next_due", "created_by"]


class VictimUpdateInputSerializer(serializers.Serializer[Any]):
    victim = serializers.IntegerField(required=False, allow_null=True, default=None)
    contacted_at = ApiDateTimeField()
    method = CodeChoiceField(choices=VictimUpdate.Method.choices)
    summary = serializers.CharField()


class EnquirySerializer(CodeModelSerializer):
    assigned_to = serializers.CharField(source="assigned_to.username", default=None, allow_null=True)

    class Meta:
        model = Enquiry
        fields = ["id", "crime", "kind", "status", "details", "result", "assigned_to", "due_at", "created_at"]


class EnquiryInputSerializer(serializers.Serializer[Any]):
    kind = CodeChoiceField(choices=Enquiry.Kind.choices)
    details = serializers.CharField(required=False, allow_blank=True, default="")
    assigned_to = serializers.CharField(required=False, allow_blank=True, default="")
    due_at = ApiDateTimeField(required=False, allow_null=True, default=None)


class EnquiryUpdateInputSerializer(serializers.Serializer[Any]):
    status = CodeChoiceField(choices=Enquiry.Status.choices)
    result = serializers.CharField(required=False, allow_blank=True, default="")


class AppointmentSerializer(CodeModelSerializer):
    officer = serializers.CharField(source="officer.username")
    crime_number = serializers.CharField(source="crime.crime_number")

    class Meta:
        model = Appointment
        fields = [
            "id",
            "crime",
            "crime_number",
            "officer",
            "victim",
            "starts_at",
            "ends_at",
            "location",
            "status",
        ]


class AppointmentInputSerializer(serializers.Serializer[Any]):
    officer = serializers.CharField()
    victim = serializers.IntegerField(required=False, allow_null=True, default=None)
    starts_at = ApiDateTimeField()
    ends_at = ApiDateTimeField()
    location = serializers.CharField(required=False, allow_blank=True, default="")
    notes = serializers.CharField(required=False, allow_blank=True, default="")
