from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.fields import ApiDateField, ApiDateTimeField
from config.inputs import MAX_ITEMS
from recording import rules
from recording.models import (
    Appointment,
    AwaitingVictim,
    CancellationRequest,
    ClassificationChange,
    Crime,
    CrimeSuspect,
    CrimeTransfer,
    CrimeVictim,
    Enquiry,
    Force,
    Grade,
    VictimUpdate,
)
from recording.rules.third_party import ADULT_AGE
from staffing.models import ReasonableAdjustment


@extend_schema_field(OpenApiTypes.STR)
class CodeChoiceField(serializers.ChoiceField):
    """A choice validated like ChoiceField but documented as a plain string, so the many `status` and
    `kind` choice sets of this app do not collide as OpenAPI enum names."""


class CodeModelSerializer(serializers.ModelSerializer[Any]):
    serializer_choice_field = CodeChoiceField


# ---------------------------------------------------------------- outputs


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


class VictimUpdateSerializer(CodeModelSerializer):
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)

    class Meta:
        model = VictimUpdate
        fields = ["id", "crime", "victim", "contacted_at", "method", "summary", "next_due", "created_by"]


class EnquirySerializer(CodeModelSerializer):
    assigned_to = serializers.CharField(source="assigned_to.username", default=None, allow_null=True)

    class Meta:
        model = Enquiry
        fields = ["id", "crime", "kind", "status", "details", "result", "assigned_to", "due_at", "created_at"]


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


class OffenceChoiceSerializer(serializers.Serializer[Any]):
    """One offence search result (recording.selectors.OffenceChoice)."""

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


# ---------------------------------------------------------------- inputs


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


class ReclassifyInputSerializer(serializers.Serializer[Any]):
    offence = serializers.CharField(max_length=20, help_text="A Home Office class or offence code.")
    reason = serializers.CharField()


class DecisionInputSerializer(serializers.Serializer[Any]):
    approve = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    victim_informed = serializers.BooleanField(default=False)


class CancellationInputSerializer(serializers.Serializer[Any]):
    criterion = serializers.CharField(max_length=4)
    evidence = serializers.CharField()
    avi = serializers.CharField(required=False, allow_blank=True, default="")
    duplicate_of = serializers.CharField(required=False, allow_blank=True, default="")


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


class VictimUpdateInputSerializer(serializers.Serializer[Any]):
    victim = serializers.IntegerField(required=False, allow_null=True, default=None)
    contacted_at = ApiDateTimeField()
    method = CodeChoiceField(choices=VictimUpdate.Method.choices)
    summary = serializers.CharField()


class EnquiryInputSerializer(serializers.Serializer[Any]):
    kind = CodeChoiceField(choices=Enquiry.Kind.choices)
    details = serializers.CharField(required=False, allow_blank=True, default="")
    assigned_to = serializers.CharField(required=False, allow_blank=True, default="")
    due_at = ApiDateTimeField(required=False, allow_null=True, default=None)


class EnquiryUpdateInputSerializer(serializers.Serializer[Any]):
    status = CodeChoiceField(choices=Enquiry.Status.choices)
    result = serializers.CharField(required=False, allow_blank=True, default="")


class AppointmentInputSerializer(serializers.Serializer[Any]):
    officer = serializers.CharField()
    victim = serializers.IntegerField(required=False, allow_null=True, default=None)
    starts_at = ApiDateTimeField()
    ends_at = ApiDateTimeField()
    location = serializers.CharField(required=False, allow_blank=True, default="")
    notes = serializers.CharField(required=False, allow_blank=True, default="")


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


class IncidentFeedItemSerializer(serializers.Serializer[Any]):
    """One incident of the feed (documentation of the contract; validation is in the service)."""

    reference = serializers.CharField(max_length=40)
    opened_at = ApiDateTimeField()
    closed_at = ApiDateTimeField(required=False, allow_null=True)
    nsir_code = serializers.CharField(help_text="A code of nsir_codes.csv; decides crime_related.")
    grade = CodeChoiceField(choices=Grade.choices, required=False, allow_blank=True)
    summary = serializers.CharField(required=False, allow_blank=True)
    location = serializers.CharField(required=False, allow_blank=True)
    crime_number = serializers.CharField(required=False, allow_null=True)


class IncidentBulkInputSerializer(serializers.Serializer[Any]):
    incidents = IncidentFeedItemSerializer(many=True, help_text="Up to 5,000 incidents.")


class IncidentBulkOutputSerializer(serializers.Serializer[Any]):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    batch = serializers.IntegerField(help_text="The ImportBatch that records this load.")


# ---------------------------------------------------------------- the recording decision
# POST /api/v1/recording/decisions/ and the body of POST /api/v1/recording/crimes/from-decision/
# (contract "Recording decision"): the report in, recording.rules.decide's Decision out.


class AwareDateTimeField(ApiDateTimeField):
    """An ISO-8601 time that must carry its offset (`Z` or `+01:00`); written out in UTC with `Z`."""

    default_error_messages = {
        "naive": "Give the time with its offset, e.g. 2026-03-01T14:05:00Z.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(default_timezone=UTC, **kwargs)

    def enforce_timezone(self, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            self.fail("naive")
        return super().enforce_timezone(value)


# ---------------------------------------------------------------- recording decision: input


class RecordingDecisionVictimInputSerializer(serializers.Serializer[dict[str, Any]]):
    ref = serializers.CharField(max_length=40)
    kind = serializers.ChoiceField(choices=[k.value for k in rules.VictimKind])
    age = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        max_value=130,
        help_text=f"Whole years; under {ADULT_AGE} is a child (R-NCRS-THIRD-PARTY).",
    )
    vulnerable = serializers.BooleanField(default=False, help_text="A vulnerable adult (R-NCRS-THIRD-PARTY).")
    unreachable = serializers.BooleanField(
        default=False, help_text="The victim cannot be identified or traced (R-NCRS-THIRD-PARTY)."
    )
    supports_action = serializers.BooleanField(
        default=True,
        help_text="False when the victim does not want police action: the crime is still recorded "
        "(R-NCRS-VICTIM-BELIEF) and the victim's view is kept on it.",
    )


class RecordingDecisionAllegationInputSerializer(serializers.Serializer[dict[str, Any]]):
    ref = serializers.CharField(max_length=40)
    victim = serializers.CharField(max_length=40, allow_null=True, required=False, default=None)
    offence = serializers.CharField(
        max_length=20,
        help_text="A Home Office class (ho_offences.csv, e.g. 9A) or offence code (ho_offence_codes.csv, "
        "e.g. 125/9): an offence code counts by its own V/S marker and is recorded under its class.",
    )
    incident = serializers.CharField(max_length=40)
    believed = serializers.BooleanField(
        default=True, help_text="On the balance of probability the account is believed (no AVI against it)."
    )
    avi_no_crime = serializers.BooleanField(default=False)
    offenders = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list, max_length=MAX_ITEMS
    )
    victim_contacted = serializers.BooleanField(
        default=True,
        help_text="False while the victim has not been spoken to (R-NCRS-THIRD-PARTY).",
    )

    def validate_offence(self, value: str) -> str:
        offences: Mapping[str, rules.OffenceInfo] = self.context["offences"]
        if value not in offences:
            raise serializers.ValidationError(f'"{value}" is not a Home Office offence or class code.')
        return value


class RecordingDecisionInputSerializer(serializers.Serializer[dict[str, Any]]):
    reported_at = AwareDateTimeField(help_text="When the report first reached the force (R-NCRS-24H).")
    force = serializers.CharField(max_length=20)
    location_force = serializers.CharField(max_length=20, required=False, allow_null=True, default=None)
    reporter = serializers.ChoiceField(
        # The stored model's choices (the same values as rules.Reporter, with labels): one enum in the
        # schema, not two colliding ones.
        choices=AwaitingVictim.Reporter.choices,
        default=rules.Reporter.VICTIM.value,
        help_text="Who made the report; anyone but the victim is a third party (R-NCRS-THIRD-PARTY). "
        "`professional`: someone in a care, health, education or safeguarding role; `other`: a friend, "
        "neighbour or other member of the public told of it.",
    )
    victims: serializers.ListSerializer[dict[str, Any]] = serializers.ListSerializer(
        child=RecordingDecisionVictimInputSerializer(), required=False, max_length=MAX_ITEMS
    )
    alleged: serializers.ListSerializer[dict[str, Any]] = serializers.ListSerializer(
        child=RecordingDecisionAllegationInputSerializer(), allow_empty=False, max_length=MAX_ITEMS
    )

    def to_report(self, *, reported_at: datetime | None = None) -> rules.Report:
        """The engine's report; `reported_at` given replaces the request's (the time a service settled
        from the incident, R-NCRS-24H)."""
        data = self.validated_data
        return rules.Report(
            reported_at=reported_at or data["reported_at"],
            force=data["force"],
            location_force=data["location_force"],
            reporter=data["reporter"],
            victims=tuple(
                rules.Victim(
                    ref=v["ref"],
                    kind=v["kind"],
                    age=v["age"],
                    vulnerable=v["vulnerable"],
                    unreachable=v["unreachable"],
                    supports_action=v["supports_action"],
                )
                for v in data.get("victims", [])
            ),
            alleged=tuple(
                rules.Allegation(
                    ref=a["ref"],
                    victim=a["victim"],
                    offence=a["offence"],
                    incident=a["incident"],
                    believed=a["believed"],
                    avi_no_crime=a["avi_no_crime"],
                    offenders=tuple(a["offenders"]),
                    victim_contacted=a["victim_contacted"],
                )
                for a in data["alleged"]
            ),
        )


# ---------------------------------------------------------------- recording decision: output
class RecordingDecisionCrimeOutputSerializer(serializers.Serializer[rules.CrimeToRecord]):
    victim = serializers.CharField(allow_null=True)
    offence = serializers.CharField(help_text="The Home Office class the crime is recorded under.")
    offence_code = serializers.CharField(
        allow_null=True, help_text="The Home Office offence code of the principal allegation, when given."
    )
    counted_per = serializers.CharField(
        help_text="`victim` (R-ONE-PER-VICTIM) or `offender` group (R-VICTIMLESS-COUNT)."
    )
    allegations = serializers.ListField(child=serializers.CharField())
    offenders = serializers.ListField(child=serializers.CharField())
    restricted = serializers.BooleanField(help_text="A need-to-know class (R-RESTRICTED).")
    daily_review = serializers.BooleanField(help_text="Rape or serious sexual offence (R-RAPE-RECORD).")
    rules = serializers.ListField(child=serializers.CharField())


class RecordingDecisionNotRecordedOutputSerializer(serializers.Serializer[rules.NotRecorded]):
    allegation = serializers.CharField()
    rule = serializers.CharField()
    reason = serializers.CharField()
    refer_to = serializers.CharField(
        allow_null=True, help_text="`action_fraud` when Action Fraud records it instead (R-FRAUD-AF)."
    )


class RecordingDecisionAwaitingOutputSerializer(serializers.Serializer[rules.AwaitingConfirmation]):
    allegation = serializers.CharField()
    rule = serializers.CharField()
    reason = serializers.CharField()
    victim = serializers.CharField(allow_null=True)
    offence = serializers.CharField(help_text="The class it would be recorded under.")
    offence_code = serializers.CharField(allow_null=True)
    daily_review = serializers.BooleanField(
        help_text="Rape or serious sexual offence: the daily review sees it now (R-RAPE-RECORD)."
    )
    restricted = serializers.BooleanField(help_text="A need-to-know class (R-RESTRICTED).")


class RecordingDecisionCitationOutputSerializer(serializers.Serializer[rules.Citation]):
    rule = serializers.CharField()
    explanation = serializers.ListField(child=serializers.CharField())


class RecordingDecisionOutputSerializer(serializers.Serializer[rules.Decision]):
    crimes = RecordingDecisionCrimeOutputSerializer(many=True)
    not_recorded = RecordingDecisionNotRecordedOutputSerializer(many=True)
    awaiting_confirmation = RecordingDecisionAwaitingOutputSerializer(
        many=True, help_text="Allegations to decide once the victim has been spoken to (R-NCRS-THIRD-PARTY)."
    )
    transfer_to = serializers.CharField(allow_null=True)
    record_by = AwareDateTimeField()
    rules = serializers.ListField(child=serializers.CharField())
    explanation = serializers.ListField(child=serializers.CharField())
    citations = RecordingDecisionCitationOutputSerializer(
        many=True, help_text="Each cited rule beside the explanation lines that rest on it."
    )
    rule_version = serializers.CharField(help_text="The counting-rule set applied (R-RULE-VERSION).")


# ---------------------------------------------------------------- errors in DRF's nested shape
def report_error_detail(path: str | None, message: str) -> dict[str, Any]:
    """A rules.ReportError field path ("alleged.1.victim") as the nested error DRF would give."""
    parts = (path or "non_field_errors").split(".")
    error: Any = [message]
    for part in reversed(parts):
        error = {part: error}
    return dict(error)
