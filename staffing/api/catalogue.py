"""The rule catalogue (issue 16 part 5)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.permissions import Role, roles_allowed
from staffing import selectors
from staffing.filters import RuleFilter
from staffing.models import Rule
from staffing.serializers.records import RuleOutputSerializer


class RuleListApi(ListAPIView):
    """Every rule Resolve cites (R-… crime recording, C-… complaints) with its words, sources and
    verification, in catalogue order, paginated. Filter with `?domain=crime|complaints`,
    `?verified=true|false`, `?q=` (ID or words). Any signed-in role."""

    permission_classes = [roles_allowed(*Role.ALL)]
    serializer_class = RuleOutputSerializer
    filterset_class = RuleFilter

    def get_queryset(self) -> QuerySet[Rule]:
        return selectors.rule_list()


class RuleDetailApi(APIView):
    """One rule by its ID (`/api/v1/rules/R-NCRS-24H/`); 404 when the catalogue has no such rule."""

    permission_classes = [roles_allowed(*Role.ALL)]

    @extend_schema(responses=RuleOutputSerializer)
    def get(self, request: Request, code: str) -> Response:
        try:
            rule = selectors.rule_get(code=code)
        except Rule.DoesNotExist as exc:
            raise NotFound(f"No rule {code} in the catalogue.") from exc
        return Response(RuleOutputSerializer(rule).data)
