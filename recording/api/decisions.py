"""POST /api/v1/recording/decisions/ — which crimes a report must become (recording.rules.decide).

Pure: it reads the offence catalogue and stores nothing. Bad input is a 400 naming the field in DRF's
nested shape, list items keyed by their index: {"alleged": {"1": {"victim": ["..."]}}}."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.permissions import Role, roles_allowed
from recording import rules
from recording.selectors import offence_catalogue


class AwareDateTimeField(serializers.DateTimeField):
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


# ---------------------------------------------------------------- input
MAX_ITEMS = 100  # victims or allegations in one report: far above any real report, bounds the work


class RecordingDecisionVictimInputSerializer(serializers.Serializer[dict[str, Any]]):
    ref = serializers.CharField(max_length=40)
    kind = serializers.ChoiceField(choices=[k.value for k in rules.VictimKind])


class RecordingDecisionAllegationInputSerializer(serializers.Serializer[dict[str, Any]]):
    ref = serializers.CharField(max_length=40)
    victim = serializers.CharField(max_length=40, allow_null=True, required=False, default=None)
    offence = serializers.CharField(max_length=12, help_text="A code of the Home Office offence list.")
    incident = serializers.CharField(max_length=40)
    believed = serializers.BooleanField(default=True)
    avi_no_crime = serializers.BooleanField(default=False)
    offenders = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list
    )

    def validate_offence(self, value: str) -> str:
        offences: Mapping[str, rules.OffenceInfo] = self.context["offences"]
        if value not in offences:
            raise serializers.ValidationError(f'"{value}" is not a Home Office offence code.')
        return value


class RecordingDecisionInputSerializer(serializers.Serializer[dict[str, Any]]):
    reported_at = AwareDateTimeField(help_text="When the report first reached the force (R-NCRS-24H).")
    force = serializers.CharField(max_length=20)
    location_force = serializers.CharField(max_length=20, required=False, allow_null=True, default=None)
    victims: serializers.ListSerializer[dict[str, Any]] = serializers.ListSerializer(
        child=RecordingDecisionVictimInputSerializer(), required=False, max_length=MAX_ITEMS
    )
    alleged: serializers.ListSerializer[dict[str, Any]] = serializers.ListSerializer(
        child=RecordingDecisionAllegationInputSerializer(), allow_empty=False, max_length=MAX_ITEMS
    )

    def to_report(self) -> rules.Report:
        data = self.validated_data
        return rules.Report(
            reported_at=data["reported_at"],
            force=data["force"],
            location_force=data["location_force"],
            victims=tuple(rules.Victim(ref=v["ref"], kind=v["kind"]) for v in data.get("victims", [])),
            alleged=tuple(
                rules.Allegation(
                    ref=a["ref"],
                    victim=a["victim"],
                    offence=a["offence"],
                    incident=a["incident"],
                    believed=a["believed"],
                    avi_no_crime=a["avi_no_crime"],
                    offenders=tuple(a["offenders"]),
                )
                for a in data["alleged"]
            ),
        )


# ---------------------------------------------------------------- output
class RecordingDecisionCrimeOutputSerializer(serializers.Serializer[rules.CrimeToRecord]):
    victim = serializers.CharField(allow_null=True)
    offence = serializers.CharField()
    allegations = serializers.ListField(child=serializers.CharField())
    offenders = serializers.ListField(child=serializers.CharField())
    restricted = serializers.BooleanField(help_text="A need-to-know class (R-RESTRICTED).")
    daily_review = serializers.BooleanField(help_text="Rape or serious sexual offence (R-RAPE-RECORD).")
    rules = serializers.ListField(child=serializers.CharField())


class RecordingDecisionNotRecordedOutputSerializer(serializers.Serializer[rules.NotRecorded]):
    allegation = serializers.CharField()
    rule = serializers.CharField()
    reason = serializers.CharField()


class RecordingDecisionOutputSerializer(serializers.Serializer[rules.Decision]):
    crimes = RecordingDecisionCrimeOutputSerializer(many=True)
    not_recorded = RecordingDecisionNotRecordedOutputSerializer(many=True)
    transfer_to = serializers.CharField(allow_null=True)
    record_by = AwareDateTimeField()
    rules = serializers.ListField(child=serializers.CharField())
    explanation = serializers.ListField(child=serializers.CharField())
    rule_version = serializers.CharField(help_text="The counting-rule set applied (R-RULE-VERSION).")


# ---------------------------------------------------------------- errors in DRF's nested shape
def _error_at(path: str | None, message: str) -> dict[str, Any]:
    """A rules.ReportError field path ("alleged.1.victim") as the nested error DRF would give."""
    parts = (path or "non_field_errors").split(".")
    error: Any = [message]
    for part in reversed(parts):
        error = {part: error}
    return dict(error)


EXAMPLE_REQUEST = {
    "reported_at": "2026-02-07T16:00:00Z",
    "force": "XX",
    "victims": [{"ref": "V1", "kind": "person"}],
    "alleged": [
        {"ref": "A1", "victim": "V1", "offence": "34B", "incident": "I1"},
        {"ref": "A2", "victim": "V1", "offence": "8N", "incident": "I1"},
    ],
}


class RecordingDecisionApi(APIView):
    """Which crimes a report must be recorded as under HOCR/NCRS, by when and by which force.

    Stores nothing. `rules` cites the rule IDs of DOMAIN-crime.md; `explanation` says why."""

    permission_classes = [roles_allowed(*Role.CRIME_STAFF)]
    parser_classes = [JSONParser]  # nested victims/alleged: JSON only

    @extend_schema(
        operation_id="recording_decision",
        request=RecordingDecisionInputSerializer,
        responses={
            200: RecordingDecisionOutputSerializer,
            400: OpenApiResponse(description='Bad input, by field: {"alleged": {"1": {"victim": ["..."]}}}'),
        },
        examples=[OpenApiExample("Robbery with injury", value=EXAMPLE_REQUEST, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        offences = offence_catalogue()
        serializer = RecordingDecisionInputSerializer(data=request.data, context={"offences": offences})
        serializer.is_valid(raise_exception=True)
        try:
            decision = rules.decide(serializer.to_report(), offences)
        except rules.ReportError as exc:
            raise ValidationError(_error_at(exc.field, exc.message)) from exc
        return Response(RecordingDecisionOutputSerializer(decision).data)
