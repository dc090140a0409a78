from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import serializers

from config.fields import ApiDateField, ApiDateTimeField
from qa import rules
from qa.models import HiddenCrimeFlag, UnrecordedFlag


class UnrecordedFlagOutputSerializer(serializers.ModelSerializer[UnrecordedFlag]):
    """Contract: reference, opened_at, nsir_code, hours_open, flagged_at, status, assigned_to (+ extras)."""

    reference = serializers.CharField(source="incident.reference", read_only=True)
    opened_at = ApiDateTimeField(source="incident.opened_at", read_only=True)
    nsir_code = serializers.CharField(source="incident.nsir_code.code", read_only=True)
    hours_open = serializers.SerializerMethodField()
    assigned_to = serializers.CharField(
        source="assigned_to.username", default=None, allow_null=True, read_only=True
    )
    closing_nsir_code = serializers.CharField(
        source="closing_nsir_code.code", default=None, allow_null=True, read_only=True
    )
    incident_id = serializers.IntegerField(read_only=True)
    nsir_title = serializers.CharField(source="incident.nsir_code.title", read_only=True)
    escalation = serializers.SerializerMethodField()
    escalation_hours = serializers.SerializerMethodField()
    escalation_answered_by = serializers.CharField(
        source="escalation_answered_by.username", default=None, allow_null=True, read_only=True
    )

    class Meta:
        model = UnrecordedFlag
        fields = [
            "id",
            "reference",
            "opened_at",
            "nsir_code",
            "hours_open",
            "flagged_at",
            "status",
            "assigned_to",
            "closed_at",
            "resolved_crime_number",
            "dismiss_reason",
            "closing_nsir_code",
            "resolve_mismatch",
            "resolve_reason",
            "escalated_at",
            "escalation_note",
            "escalation",
            "escalation_hours",
            "escalation_answer",
            "escalation_answered_at",
            "escalation_answered_by",
            "incident_id",
            "nsir_title",
        ]

    def get_hours_open(self, flag: UnrecordedFlag) -> int:
        """Hours since the incident opened, until now or until the flag closed."""
        return rules.hours_open(flag.incident.opened_at, flag.closed_at or timezone.now())

    def get_escalation(self, flag: UnrecordedFlag) -> str | None:
        """ "open" while waiting for the control room, "answered" once its answer is recorded, else null."""
        if flag.escalation_open:
            return "open"
        return "answered" if flag.escalation_answered_at else None

    def get_escalation_hours(self, flag: UnrecordedFlag) -> int | None:
        """Hours the escalation has waited (until its answer, or until now)."""
        if flag.escalated_at is None:
            return None
        return rules.hours_open(flag.escalated_at, flag.escalation_answered_at or timezone.now())


class DailyQuerySerializer(serializers.Serializer[dict[str, object]]):
    date = ApiDateField(required=False, input_formats=["%Y-%m-%d"])

    def validate_date(self, value: object) -> object:
        if refusal := rules.figures_day_refusal(value, timezone.localdate()):  # type: ignore[arg-type]
            raise serializers.ValidationError(refusal)
        return value


class DipTestFiguresSerializer(serializers.Serializer[dict[str, object]]):
    sampled = serializers.IntegerField()
    checked = serializers.IntegerField()
    compliant = serializers.IntegerField()
    compliance_rate = serializers.FloatField(allow_null=True)
    ci95_low = serializers.FloatField(allow_null=True)
    ci95_high = serializers.FloatField(allow_null=True)


class ComplaintFiguresSerializer(serializers.Serializer[dict[str, object]]):
    received = serializers.IntegerField()
    open = serializers.IntegerField()
    overdue_updates = serializers.IntegerField()


class DailyFiguresSerializer(serializers.Serializer[dict[str, object]]):
    date = ApiDateField()
    crimes_recorded = serializers.IntegerField()
    recorded_within_24h = serializers.IntegerField()
    ncrs_timeliness_rate = serializers.FloatField(allow_null=True)
    unrecorded_incidents_open = serializers.IntegerField()
    dip_test = DipTestFiguresSerializer()
    complaints = ComplaintFiguresSerializer()


class FlagAssignInputSerializer(serializers.Serializer[dict[str, object]]):
    assigned_to = serializers.CharField(help_text="Username of an active investigator.")
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=300,
        help_text="Needed when the allocation rules would not choose them (off shift, untrained, full).",
    )


class FlagResolveInputSerializer(serializers.Serializer[dict[str, object]]):
    crime_number = serializers.CharField(max_length=40)
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=(
            "Needed when the crime does not match the incident: linked to another incident, of another "
            "force, reported more than RESOLVE_FLAG_MATCH_DAYS days from the incident's opening, at another "
            "place than the incident's location, or of another kind than its NSIR code names."
        ),
    )


class FlagDismissInputSerializer(serializers.Serializer[dict[str, object]]):
    reason = serializers.CharField()
    closing_nsir_code = serializers.CharField(max_length=40)


class FlagEscalateInputSerializer(serializers.Serializer[dict[str, object]]):
    note = serializers.CharField()


class FlagAnswerInputSerializer(serializers.Serializer[dict[str, object]]):
    answer = serializers.CharField(help_text="The control room's answer to the escalation.")


class ScreenInputSerializer(serializers.Serializer[dict[str, str]]):
    """Hidden-crime screen request: the narrative (up to 20,000 characters) and the incident's NSIR code."""

    narrative = serializers.CharField(max_length=20_000, trim_whitespace=False)
    nsir_code = serializers.CharField(max_length=40)

    def validate_nsir_code(self, value: str) -> str:
        from recording.models import NsirCode

        if not NsirCode.objects.filter(code=value).exists():
            raise serializers.ValidationError(f"{value} is not an NSIR code.")
        return value


class ScreenSpanSerializer(serializers.Serializer[Any]):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()


class ScreenCrimeSerializer(serializers.Serializer[Any]):
    offence = serializers.CharField()
    principal = serializers.BooleanField()
    refer_to = serializers.CharField(allow_null=True)
    evidence = ScreenSpanSerializer(many=True)
    patterns = serializers.ListField(child=serializers.CharField())
    rules = serializers.ListField(child=serializers.CharField())


class ScreenDiscountSerializer(ScreenSpanSerializer):
    why = serializers.CharField()
    patterns = serializers.ListField(child=serializers.CharField())


class ScreenOutputSerializer(serializers.Serializer[Any]):
    """Contract (Hidden-crime screen): verdict, score, patterns_version, crimes, discounted."""

    verdict = serializers.ChoiceField(choices=["crime", "unsure", "no_crime"])
    score = serializers.FloatField()
    patterns_version = serializers.IntegerField()
    crimes = ScreenCrimeSerializer(many=True)
    discounted = ScreenDiscountSerializer(many=True)


# ---------------------------------------------------------------- possible hidden crimes (issue 21)
class HiddenCrimeFlagOutputSerializer(serializers.ModelSerializer[HiddenCrimeFlag]):
    """One possible hidden crime: the incident, the screen's reading (the contract's shape, each offence
    with its title), the risk band and the decision."""

    reference = serializers.CharField(source="incident.reference", read_only=True)
    incident_id = serializers.IntegerField(read_only=True)
    opened_at = ApiDateTimeField(source="incident_opened_at", read_only=True)
    nsir_code = serializers.CharField(source="incident.nsir_code.code", read_only=True)
    nsir_title = serializers.CharField(source="incident.nsir_code.title", read_only=True)
    risk = serializers.CharField(source="get_risk_display", read_only=True)
    flagged_at = ApiDateTimeField(read_only=True)
    closed_at = ApiDateTimeField(read_only=True, allow_null=True)
    closed_by = serializers.CharField(
        source="closed_by.username", default=None, allow_null=True, read_only=True
    )
    crime_number = serializers.CharField(
        source="crime.crime_number", default=None, allow_null=True, read_only=True
    )

    class Meta:
        model = HiddenCrimeFlag
        fields = [
            "id",
            "reference",
            "incident_id",
            "opened_at",
            "nsir_code",
            "nsir_title",
            "risk",
            "verdict",
            "score",
            "patterns_version",
            "offences",
            "narrative",
            "reading",
            "flagged_at",
            "status",
            "closed_at",
            "closed_by",
            "crime_number",
            "referral_reference",
            "dismiss_reason",
            "detail",
        ]


class HiddenCrimeRecordInputSerializer(serializers.Serializer[dict[str, object]]):
    crime_number = serializers.CharField(max_length=40, help_text="The crime recorded for the incident.")
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Needed when the crime does not match the incident (place, kind, date, force, incident).",
    )


class HiddenCrimeReferInputSerializer(serializers.Serializer[dict[str, object]]):
    reference = serializers.CharField(required=False, allow_blank=True, default="", max_length=60)
    detail = serializers.CharField(required=False, allow_blank=True, default="", max_length=20_000)


class HiddenCrimeDismissInputSerializer(serializers.Serializer[dict[str, object]]):
    reason = serializers.ChoiceField(choices=HiddenCrimeFlag.DismissReason.choices)
    detail = serializers.CharField(max_length=20_000)
