from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.exports import csv_bytes
from config.permissions import Role, roles_allowed
from qa import compliance, selectors
from qa.filters import UnrecordedFlagFilter
from qa.models import HiddenCrimeFlag, UnrecordedFlag
from qa.screen import screen
from qa.serializers import (
    DailyFiguresSerializer,
    DailyQuerySerializer,
    FlagAnswerInputSerializer,
    FlagAssignInputSerializer,
    FlagDismissInputSerializer,
    FlagEscalateInputSerializer,
    FlagResolveInputSerializer,
    HiddenCrimeDismissInputSerializer,
    HiddenCrimeFlagOutputSerializer,
    HiddenCrimeRecordInputSerializer,
    HiddenCrimeReferInputSerializer,
    ScreenInputSerializer,
    ScreenOutputSerializer,
    UnrecordedFlagOutputSerializer,
)
from qa.services import flags as flag_services
from qa.services import hidden_crimes as hidden_services
from staffing.models import User


class UnrecordedIncidentListApi(ListAPIView):
    """Flags raised by the unrecorded-incident sweep (R-NSIR-AUDIT-TRAIL), oldest incident first."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]
    serializer_class = UnrecordedFlagOutputSerializer
    filterset_class = UnrecordedFlagFilter

    def get_queryset(self) -> QuerySet[UnrecordedFlag]:
        return selectors.flag_list()


class FlagActionApi(APIView):
    """POST one action on an open flag: assign (to an investigator), resolve (with the crime number, and a
    reason when the crime does not match the incident), dismiss (reason + NSIR closing code), escalate
    (note to the control room) or answer (the control room's answer). 400 names the field."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]
    inputs: dict[str, type[Any]] = {
        "assign": FlagAssignInputSerializer,
        "resolve": FlagResolveInputSerializer,
        "dismiss": FlagDismissInputSerializer,
        "escalate": FlagEscalateInputSerializer,
        "answer": FlagAnswerInputSerializer,
    }

    @extend_schema(request=FlagDismissInputSerializer, responses=UnrecordedFlagOutputSerializer)
    def post(self, request: Request, pk: int, action: str) -> Response:
        if action not in self.inputs:
            return Response({"detail": "Not found."}, status=404)
        flag = get_object_or_404(UnrecordedFlag, pk=pk)
        data = self.inputs[action](data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        actor = cast(User, request.user)
        if action == "assign":
            investigator = User.objects.filter(username=values["assigned_to"]).first()
            if investigator is None:
                raise DomainError("No such user.", field="assigned_to")
            flag_services.flag_assign(
                flag_id=flag.pk, investigator=investigator, actor=actor, reason=values["reason"]
            )
        elif action == "resolve":
            flag_services.flag_resolve(
                flag_id=flag.pk, crime_number=values["crime_number"], actor=actor, reason=values["reason"]
            )
        elif action == "dismiss":
            flag_services.flag_dismiss(
                flag_id=flag.pk,
                reason=values["reason"],
                closing_nsir_code=values["closing_nsir_code"],
                actor=actor,
            )
        elif action == "answer":
            flag_services.flag_escalation_answer(flag_id=flag.pk, answer=values["answer"], actor=actor)
        else:
            flag_services.flag_escalate(flag_id=flag.pk, note=values["note"], actor=actor)
        return Response(UnrecordedFlagOutputSerializer(selectors.flag_get(flag.pk)).data)


class DailyCsvRenderer(BaseRenderer):
    """`?format=csv`: the same figures as the JSON, one header row and one value row; nested sections are
    flattened (dip_test.compliance_rate -> dip_test_compliance_rate); null is an empty cell."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        flat = compliance.flatten(data if isinstance(data, dict) else {"detail": data})
        return csv_bytes(list(flat), [list(flat.values())], bom=False)


class DailyPerformanceApi(APIView):
    """Daily performance figures (contract "Daily performance"), JSON or `?format=csv`."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]
    renderer_classes = [JSONRenderer, DailyCsvRenderer]

    @extend_schema(
        parameters=[OpenApiParameter("date", str, description="YYYY-MM-DD (Europe/London); default today")],
        responses=DailyFiguresSerializer,
    )
    def get(self, request: Request) -> Response:
        query = DailyQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        day = query.validated_data.get("date") or timezone.localdate()
        figures = compliance.daily_figures(day)
        response = Response(DailyFiguresSerializer(figures).data)
        if (
            getattr(request, "accepted_renderer", None) is not None
            and request.accepted_renderer.format == "csv"
        ):
            response["Content-Disposition"] = f'attachment; filename="resolve-daily-{day.isoformat()}.csv"'
        return response


class ScreenApi(APIView):
    """POST a narrative and its NSIR code; answer the hidden-crime screen's reading (crime / unsure /
    no_crime, the classes with their evidence spans, what was set aside and why). Pure: stores nothing."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(request=ScreenInputSerializer, responses=ScreenOutputSerializer)
    def post(self, request: Request) -> Response:
        data = ScreenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = screen(
            data.validated_data["narrative"],
            data.validated_data["nsir_code"],
            selectors.screen_patterns_current(),
        )
        return Response(ScreenOutputSerializer(result.as_dict()).data)


class HiddenCrimeListApi(ListAPIView):
    """Possible hidden crimes the nightly screen found (issue 21), risk first then the oldest incident:
    the same selector as the sergeant's queue. `?status=` (open by default; `all` for every one)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]
    serializer_class = HiddenCrimeFlagOutputSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=[*HiddenCrimeFlag.Status.values, "all"],
                description="open (default), recorded, referred, dismissed or all",
            )
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[HiddenCrimeFlag]:
        status = self.request.query_params.get("status", HiddenCrimeFlag.Status.OPEN)
        if status != "all" and status not in HiddenCrimeFlag.Status.values:
            raise DomainError(
                f"Choose one of: {', '.join([*HiddenCrimeFlag.Status.values, 'all'])}.", field="status"
            )
        return selectors.hidden_crime_flags(status=None if status == "all" else status)


class HiddenCrimeActionApi(APIView):
    """POST record (`crime_number`, and `reason` when the crime does not match the incident), refer
    (to Action Fraud: `reference`, `detail`, both optional) or dismiss (`reason` from the list and
    `detail` in words) on one open possible hidden crime; the same services as the flag's page."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]
    inputs: dict[str, type[Any]] = {
        "record": HiddenCrimeRecordInputSerializer,
        "refer": HiddenCrimeReferInputSerializer,
        "dismiss": HiddenCrimeDismissInputSerializer,
    }

    @extend_schema(request=HiddenCrimeDismissInputSerializer, responses=HiddenCrimeFlagOutputSerializer)
    def post(self, request: Request, pk: int, action: str) -> Response:
        if action not in self.inputs:
            return Response({"detail": "Not found."}, status=404)
        flag = get_object_or_404(HiddenCrimeFlag, pk=pk)
        data = self.inputs[action](data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        actor = cast(User, request.user)
        if action == "record":
            hidden_services.hidden_crime_record(
                flag_id=flag.pk, crime_number=values["crime_number"], reason=values["reason"], actor=actor
            )
        elif action == "refer":
            hidden_services.hidden_crime_refer(
                flag_id=flag.pk, reference=values["reference"], detail=values["detail"], actor=actor
            )
        else:
            hidden_services.hidden_crime_dismiss(
                flag_id=flag.pk, reason=values["reason"], detail=values["detail"], actor=actor
            )
        return Response(
            HiddenCrimeFlagOutputSerializer(selectors.hidden_crime_flags(status=None).get(pk=flag.pk)).data
        )
