"""Crimes: list, create, record from a decision, detail, assessment and status."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.fields import ApiDateField
from config.inputs import MAX_ITEMS
from config.permissions import Role
from recording import selectors
from recording.api.common import (
    CrimeStaff,
    active_user,
    crime_for,
    request_user,
    validated,
)
from recording.models import (
    AwaitingVictim,
    Crime,
)
from recording.selectors import offence_catalogue
from recording.serializers.common import AwareDateTimeField
from recording.serializers.crimes import (
    AssessmentInputSerializer,
    CrimeCreateInputSerializer,
    CrimeDetailSerializer,
    CrimeDetailsInputMixin,
    CrimeListSerializer,
    StatusInputSerializer,
    SuspectInputSerializer,
    VictimInputSerializer,
)
from recording.serializers.decisions import (
    RecordingDecisionInputSerializer,
    RecordingDecisionOutputSerializer,
    report_error_detail,
)
from recording.services import (
    casework,
    crimes,
    decisions,
)
from staffing.api.idempotent import idempotent

# ---------------------------------------------------------------- crimes


class CrimeListFilterSerializer(serializers.Serializer[dict[str, Any]]):
    """The list's query parameters, checked before the query: `?owner=x` was a 500."""

    q = serializers.CharField(required=False, allow_blank=True, max_length=200)
    status = serializers.ChoiceField(choices=Crime.Status.choices, required=False, allow_blank=True)
    offence = serializers.CharField(required=False, allow_blank=True, max_length=12)
    mine = serializers.BooleanField(required=False)
    breach = serializers.BooleanField(required=False)
    owner = serializers.IntegerField(required=False, min_value=1)
    recorded_from = ApiDateField(required=False)
    recorded_to = ApiDateField(required=False)


class CrimeListCreateApi(ListAPIView):
    """Crimes the caller may see (R-RESTRICTED), newest first. Filters: q, status, offence, mine, breach,
    recorded_from, recorded_to. POST records one crime."""

    permission_classes = [CrimeStaff]
    serializer_class = CrimeListSerializer

    def get_queryset(self) -> QuerySet[Crime]:
        if getattr(self, "swagger_fake_view", False):
            return Crime.objects.none()
        filters = CrimeListFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.crime_list(user=request_user(self.request), filters=filters.validated_data)

    @extend_schema(
        request=CrimeCreateInputSerializer,
        responses=CrimeDetailSerializer,
    )
    @idempotent("recording.crimes.create")
    def post(self, request: Request) -> Response:
        data = validated(CrimeCreateInputSerializer, request.data)
        crime = crimes.crime_create(
            actor=request_user(request),
            offence_code=data["offence"],
            reported_at=data["reported_at"],
            recorded_at=data["recorded_at"],
            victims=[crimes.VictimInput(**v) for v in data["victims"]],
            suspects=[crimes.SuspectInput(**s) for s in data["suspects"]],
            incident_references=data["incident_references"],
            details=crimes.CrimeDetails(
                **{k: data[k] for k in crimes.CrimeDetails.__dataclass_fields__ if k != "extra" and k in data}
            ),
        )
        return Response(
            CrimeDetailSerializer(crime_for(request, crime.pk)).data, status=status.HTTP_201_CREATED
        )


class CrimeFromDecisionInputSerializer(RecordingDecisionInputSerializer, CrimeDetailsInputMixin):
    """The recording-decision request plus what the recorder knows about the people and the incident."""

    incident_reference = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    reported_at = AwareDateTimeField(
        required=False,
        allow_null=True,
        default=None,
        help_text="When the report first reached the force (R-NCRS-24H). With `incident_reference` it may "
        "be left out: it is then the incident's `opened_at`; one more than a minute from it needs "
        "`reported_at_reason`.",
    )
    reported_at_reason = serializers.CharField(
        max_length=2000,
        required=False,
        allow_blank=True,
        default="",
        help_text="Why `reported_at` is not the incident's opening; kept on the crime beside both times.",
    )
    # many=True passes max_length on to the ListSerializer (DRF), which the type stubs do not know.
    victim_details = VictimInputSerializer(many=True, required=False, default=list, max_length=MAX_ITEMS)  # type: ignore[call-arg]
    offender_details = SuspectInputSerializer(many=True, required=False, default=list, max_length=MAX_ITEMS)  # type: ignore[call-arg]
    separate_crime = serializers.BooleanField(
        default=False,
        help_text="The incident already has a live crime for the same victim and offence, and this is "
        "another crime: say why in separate_crime_reason. Without it such a likely duplicate is a 400.",
    )
    separate_crime_reason = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )


class AwaitingVictimPersonSerializer(serializers.Serializer[dict[str, Any]]):
    ref = serializers.CharField(help_text="The victim's ref in the report (e.g. V1).")
    name = serializers.CharField(help_text="The name the recorder entered; blank when none was given.")
    contact = serializers.CharField(help_text="The contact number the recorder entered.")
    offences = serializers.ListField(
        child=serializers.CharField(), help_text="The offences reported, by title."
    )


class AwaitingVictimOutputSerializer(serializers.ModelSerializer[AwaitingVictim]):
    victims = AwaitingVictimPersonSerializer(
        source="people", many=True, read_only=True, help_text="The person to ring for each victim."
    )

    class Meta:
        model = AwaitingVictim
        fields = [
            "id",
            "status",
            "reporter",
            "reported_at",
            "record_by",
            "allegations",
            "daily_review",
            "victims",
        ]


class CrimeFromDecisionOutputSerializer(serializers.Serializer[dict[str, Any]]):
    crimes = CrimeListSerializer(many=True)
    decision = RecordingDecisionOutputSerializer()
    awaiting_victim = AwaitingVictimOutputSerializer(
        allow_null=True,
        help_text="The allegations saved to wait for the victim (R-NCRS-THIRD-PARTY), or null.",
    )


class CrimeFromDecisionApi(APIView):
    """Decide (as POST /recording/decisions/) and record every proposed crime in one atomic step,
    linking the incident when a reference is given: recording.services.decisions.decision_record, as
    the browser's Record button. Takes an Idempotency-Key header."""

    permission_classes = [CrimeStaff]

    @extend_schema(
        request=CrimeFromDecisionInputSerializer,
        responses={201: CrimeFromDecisionOutputSerializer},
    )
    @idempotent("recording.crimes.from-decision")
    def post(self, request: Request) -> Response:
        serializer = CrimeFromDecisionInputSerializer(
            data=request.data, context={"offences": offence_catalogue()}
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            timed = decisions.decision_report_time(
                actor=request_user(request),
                incident_reference=data["incident_reference"],
                reported_at=data["reported_at"],
                reason=data["reported_at_reason"],
            )
            done = decisions.decision_record(
                actor=request_user(request),
                report=serializer.to_report(reported_at=timed.reported_at),
                reported_at_reason=data["reported_at_reason"],
                victims={v["ref"]: crimes.VictimInput(**v) for v in data["victim_details"]},
                offenders={o["ref"]: crimes.SuspectInput(**o) for o in data["offender_details"]},
                incident_reference=data["incident_reference"],
                details=crimes.CrimeDetails(
                    **{
                        k: data[k]
                        for k in crimes.CrimeDetails.__dataclass_fields__
                        if k != "extra" and k in data
                    }
                ),
                separate_crime=data["separate_crime"],
                separate_crime_reason=data["separate_crime_reason"],
            )
        except DomainError as exc:  # engine paths ("alleged.1.victim") nest as DRF nests its own errors
            raise ValidationError(report_error_detail(exc.field, exc.message)) from exc
        return Response(
            CrimeFromDecisionOutputSerializer(
                {"crimes": done.crimes, "decision": done.decision, "awaiting_victim": done.awaiting}
            ).data,
            status=status.HTTP_201_CREATED,
        )


class CrimeDetailApi(APIView):
    permission_classes = [CrimeStaff]

    @extend_schema(responses=CrimeDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(CrimeDetailSerializer(crime_for(request, pk)).data)

    @extend_schema(request=AssessmentInputSerializer, responses=CrimeDetailSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        """THRIVE re-grading, vulnerability flags, solvability screening, victim's view."""
        crime = crime_for(request, pk, purpose="API update")
        data = validated(AssessmentInputSerializer, request.data)
        casework.crime_update_assessment(crime=crime, actor=request_user(request), **data)
        return Response(CrimeDetailSerializer(selectors.crime_get(user=request_user(request), pk=pk)).data)


class CrimeStatusApi(APIView):
    """Move a crime along its lifecycle (allocated, under_investigation); with `owner`, allocate it
    (sergeants, managers, admins). Finalise, cancel and transfer have their own endpoints."""

    permission_classes = [CrimeStaff]

    @extend_schema(request=StatusInputSerializer, responses=CrimeDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        crime = crime_for(request, pk, purpose="Status change")
        data = validated(StatusInputSerializer, request.data)
        user = request_user(request)
        if data["owner"]:
            if user.role not in Role.SUPERVISORS:
                raise DomainError("Only a sergeant, manager or admin allocates crimes.", field="owner")
            owner = active_user(data["owner"], "owner")
            casework.crime_allocate(crime=crime, actor=user, owner=owner, team=None, reason=data["reason"])
            crime.refresh_from_db()
        if data.get("status") and data["status"] != crime.status:
            casework.crime_set_status(crime=crime, actor=user, status=data["status"], reason=data["reason"])
        return Response(CrimeDetailSerializer(selectors.crime_get(user=user, pk=pk)).data)
