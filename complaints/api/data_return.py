"""GET /api/v1/complaints/data-return/?period=YYYY-Qn|YYYY[&format=csv] (contract "Public complaint form
and complaint data"): the IOPC data return for a financial-year quarter or year, each figure with its
definition. Managers and admins."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from complaints.returns.rules import PeriodError, period_parse
from complaints.returns.selectors import data_return
from config.exports import csv_bytes
from config.permissions import Role, roles_allowed


def data_return_csv_rows(data: dict[str, Any]) -> list[list[Any]]:
    """One row per figure, and one per breakdown line (its key, then the line's label)."""
    rows: list[list[Any]] = []
    for figure in data["figures"]:
        common = [figure["unit"], "yes" if figure["definition_verified"] else "no", figure["definition"]]
        if isinstance(figure["value"], list):
            rows += [[figure["key"], line["label"], line["value"], *common] for line in figure["value"]]
        else:
            rows.append([figure["key"], "", figure["value"], *common])
    return rows


CSV_HEADERS = ["key", "breakdown", "value", "unit", "definition_verified", "definition"]


class DataReturnCsvRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        if not isinstance(data, dict) or "figures" not in data:
            return csv_bytes(["detail"], [[str(data)]], bom=False)
        return csv_bytes(CSV_HEADERS, data_return_csv_rows(data), bom=False)


class DataReturnApi(APIView):
    permission_classes = [roles_allowed(Role.MANAGER, Role.ADMIN)]
    renderer_classes = [JSONRenderer, DataReturnCsvRenderer]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "period",
                str,
                required=True,
                description="YYYY-Qn (a quarter of the financial year, April to March) or YYYY (the year "
                "that starts in April of YYYY).",
            )
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request) -> Response:
        try:
            period = period_parse(request.query_params.get("period", ""))
        except PeriodError as exc:
            raise ValidationError({"period": [str(exc)]}) from exc
        response = Response(data_return(period).as_dict())
        if (
            getattr(request, "accepted_renderer", None) is not None
            and request.accepted_renderer.format == "csv"
        ):
            response["Content-Disposition"] = f'attachment; filename="resolve-data-return-{period.label}.csv"'
        return response
