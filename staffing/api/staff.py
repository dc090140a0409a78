"""Who the caller is, teams, skills, training, the rota, who is on shift, coverage and workload."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.permissions import Role, roles_allowed
from staffing import selectors, services
from staffing.api.common import team_param, team_required
from staffing.api.idempotent import idempotent
from staffing.models import Skill, Team, TrainingRecord
from staffing.serializers.allocation import WorkloadOutputSerializer
from staffing.serializers.staff import (
    CoverageOutputSerializer,
    MeOutputSerializer,
    OnShiftOutputSerializer,
    ShiftOutputSerializer,
    SkillOutputSerializer,
    TeamOutputSerializer,
    TrainingInputSerializer,
    TrainingOutputSerializer,
)
from staffing.services.rota import LONDON


class MeApi(APIView):
    """Who the caller is: username, role and team."""

    permission_classes = [roles_allowed(*Role.ALL)]

    @extend_schema(responses=MeOutputSerializer)
    def get(self, request: Request) -> Response:
        return Response(MeOutputSerializer(request.user).data)  # type: ignore[arg-type]


class TeamListApi(ListAPIView):
    """Resolution Centre teams with their sergeant, capacity and current investigators."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]
    serializer_class = TeamOutputSerializer

    def get_queryset(self) -> QuerySet[Team]:
        return selectors.team_list()


class SkillListApi(APIView):
    """The skill codes work can need and people can be trained in."""

    permission_classes = [roles_allowed(*Role.ALL)]

    @extend_schema(responses=SkillOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        data = [{"code": code, "label": str(label)} for code, label in Skill.choices]
        return Response(SkillOutputSerializer(data, many=True).data)


class TrainingApi(ListAPIView):
    """GET: training records of a team (?team=CODE, default your own; ?expiring=true for the next 30
    days). POST: record training (sergeant, manager, admin)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]
    serializer_class = TrainingOutputSerializer

    def get_queryset(self) -> QuerySet[TrainingRecord]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller
            return TrainingRecord.objects.none()
        team = team_param(self.request)
        if self.request.query_params.get("expiring") in ("1", "true"):
            return selectors.training_expiring(team)
        return selectors.training_for_team(team)

    @extend_schema(request=TrainingInputSerializer, responses={201: TrainingOutputSerializer})
    @idempotent("staffing.training.record")
    def post(self, request: Request) -> Response:
        data = TrainingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = services.training_record_add(actor=request.user, **data.validated_data)  # type: ignore[arg-type]
        return Response(TrainingOutputSerializer(record).data, status=status.HTTP_201_CREATED)


class RotaApi(APIView):
    """A team's shifts with the people on each: ?team=CODE&from=YYYY-MM-DD&days=7 (at most 31)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(
        parameters=[
            OpenApiParameter("team", str),
            OpenApiParameter("from", OpenApiTypes.DATE),
            OpenApiParameter("days", int),
        ],
        responses=ShiftOutputSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        team = team_required(request)
        try:
            first = (
                date.fromisoformat(request.query_params["from"]) if "from" in request.query_params else None
            )
        except ValueError as exc:
            raise DomainError("Use a date like 2026-03-02.", field="from") from exc
        try:
            days = int(request.query_params.get("days", "7"))
        except ValueError as exc:
            raise DomainError("Give a whole number of days.", field="days") from exc
        if not 1 <= days <= 31:
            raise DomainError("Between 1 and 31 days.", field="days")
        day = first or timezone.localdate()
        start = datetime.combine(day, datetime.min.time(), tzinfo=LONDON)
        shifts = selectors.rota_range(team, start, start + timedelta(days=days))
        return Response(ShiftOutputSerializer(shifts, many=True).data)


class OnShiftApi(APIView):
    """Who is on shift now in a team and who is on the next shift."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(parameters=[OpenApiParameter("team", str)], responses=OnShiftOutputSerializer)
    def get(self, request: Request) -> Response:
        team = team_required(request)
        now, nxt = selectors.now_and_next(team)
        return Response(OnShiftOutputSerializer({"team": team.code, "now": now, "next": nxt}).data)


class CoverageApi(APIView):
    """Each work area's minimum of trained people against the shift now and the next shift."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(parameters=[OpenApiParameter("team", str)], responses=CoverageOutputSerializer)
    def get(self, request: Request) -> Response:
        team = team_required(request)
        now, nxt = selectors.coverage(team)
        return Response(CoverageOutputSerializer({"team": team.code, "now": now, "next": nxt}).data)


class WorkloadApi(APIView):
    """Open work per person in a team (?team=CODE, default your own; managers without a team: all)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(parameters=[OpenApiParameter("team", str)], responses=WorkloadOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = selectors.workload_by_person(team_param(request))
        return Response(WorkloadOutputSerializer(rows, many=True).data)
