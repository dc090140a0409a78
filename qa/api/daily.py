"""Daily performance figures (contract "Daily performance"), JSON or CSV."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exports import csv_bytes
from config.permissions import Role, roles_allowed
from qa import compliance
from qa.serializers import (
    DailyFiguresSerializer,
    DailyQuerySerializer,
)


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
