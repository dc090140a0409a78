from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.permissions import Role, roles_allowed
from staffing import selectors
from staffing.models import Team
from staffing.serializers import MeOutputSerializer, TeamOutputSerializer


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
