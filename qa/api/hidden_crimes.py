"""The hidden-crime screen (issue 21): read a narrative, and the flags it raised with their actions."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.permissions import Role, roles_allowed
from qa import selectors
from qa.models import HiddenCrimeFlag
from qa.screen import screen
from qa.serializers import (
    HiddenCrimeDismissInputSerializer,
    HiddenCrimeFlagOutputSerializer,
    HiddenCrimeRecordInputSerializer,
    HiddenCrimeReferInputSerializer,
    ScreenInputSerializer,
    ScreenOutputSerializer,
)
from qa.services import hidden_crimes as hidden_services
from staffing.models import User


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
