"""Unrecorded incidents (the sweep's flags): the list and a flag's actions, the same services as the
pages."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.permissions import Role, roles_allowed
from qa import selectors
from qa.filters import UnrecordedFlagFilter
from qa.models import UnrecordedFlag
from qa.serializers import (
    FlagAnswerInputSerializer,
    FlagAssignInputSerializer,
    FlagDismissInputSerializer,
    FlagEscalateInputSerializer,
    FlagResolveInputSerializer,
    UnrecordedFlagOutputSerializer,
)
from qa.services import flags as flag_services
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
