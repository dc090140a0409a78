"""POST /api/v1/recording/decisions/ — which crimes a report must become (recording.rules.decide).

Pure: it reads the offence catalogue and stores nothing. Bad input is a 400 naming the field in DRF's
nested shape, list items keyed by their index: {"alleged": {"1": {"victim": ["..."]}}}."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.inputs import StrictJSONParser
from config.permissions import Role, roles_allowed
from recording import rules
from recording.selectors import offence_catalogue
from recording.serializers.decisions import (
    RecordingDecisionInputSerializer,
    RecordingDecisionOutputSerializer,
    report_error_detail,
)

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
    parser_classes = [StrictJSONParser]  # nested victims/alleged: JSON only

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
            raise ValidationError(report_error_detail(exc.field, exc.message)) from exc
        return Response(RecordingDecisionOutputSerializer(decision).data)
