"""GET /api/v1/complaints/export/?from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv|xlsx (contract "Public
complaint form and complaint data"): one row per case received in the range that the caller may see,
filtered as the case search (q, status, category); spreadsheet formulas neutralised (config.exports);
every case exported is written to the access log."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from complaints.selectors import EXPORT_HEADERS, case_export
from complaints.services.common import case_export_log
from config.exports import Sheet, csv_response, xlsx_bytes
from config.fields import ApiDateField
from config.permissions import Role, roles_allowed
from staffing.models import User

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExportQuery(serializers.Serializer[dict[str, Any]]):
    # "from" is a Python keyword: the fields are renamed below.
    date_from = ApiDateField()
    date_to = ApiDateField()
    format = serializers.ChoiceField(choices=["csv", "xlsx"], default="csv")
    q = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    status = serializers.CharField(required=False, allow_blank=True, default="", max_length=20)
    category = serializers.CharField(required=False, allow_blank=True, default="", max_length=6)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["date_to"] < attrs["date_from"]:
            raise serializers.ValidationError({"to": ["The end of the range is before its start."]})
        return attrs


def export_query(params: Any) -> ExportQuery:
    data = {k: v for k, v in params.items() if k not in {"from", "to"}}
    data["date_from"] = params.get("from")
    data["date_to"] = params.get("to")
    query = ExportQuery(data=data)
    if not query.is_valid():
        errors = dict(query.errors)
        for inner, outer in (("date_from", "from"), ("date_to", "to")):
            if inner in errors:
                errors[outer] = errors.pop(inner)
        raise serializers.ValidationError(errors)
    return query


def case_export_response(*, user: User, params: Any, path: str) -> HttpResponse:
    """The export for the page's button and the API alike."""
    values = export_query(params).validated_data
    cases, rows = case_export(
        user=user,
        date_from=values["date_from"],
        date_to=values["date_to"],
        q=values["q"],
        status=values["status"],
        category=values["category"],
    )
    case_export_log(user=user, cases=cases, path=path)
    name = f"complaint-cases-{values['date_from'].isoformat()}-to-{values['date_to'].isoformat()}"
    if values["format"] == "xlsx":
        response = HttpResponse(
            xlsx_bytes([Sheet("Complaint cases", EXPORT_HEADERS, rows)]), content_type=XLSX_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    return csv_response(filename=f"{name}.csv", headers=EXPORT_HEADERS, rows=rows)


class _FileRenderer(BaseRenderer):
    """Lets DRF accept the contract's `?format=csv|xlsx` (DRF reads `format` to choose a renderer). The
    file itself is a Django response made by case_export_response; only an error body is rendered here,
    as JSON, since no spreadsheet can carry it."""

    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return json.dumps(data).encode()


class CsvFileRenderer(_FileRenderer):
    media_type = "text/csv"
    format = "csv"


class XlsxFileRenderer(_FileRenderer):
    media_type = XLSX_TYPE
    format = "xlsx"


class CaseExportApi(APIView):
    permission_classes = [roles_allowed(*Role.COMPLAINTS)]
    renderer_classes = [JSONRenderer, CsvFileRenderer, XlsxFileRenderer]

    @extend_schema(
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE, required=True, description="First day received"),
            OpenApiParameter("to", OpenApiTypes.DATE, required=True, description="Last day received"),
            OpenApiParameter("format", str, enum=["csv", "xlsx"], description="Default csv"),
            OpenApiParameter("q", str, description="As the case search"),
            OpenApiParameter("status", str),
            OpenApiParameter("category", str, description="A category code"),
        ],
        responses={(200, "text/csv"): OpenApiTypes.BINARY, (200, XLSX_TYPE): OpenApiTypes.BINARY},
    )
    def get(self, request: Request) -> HttpResponse:
        return case_export_response(user=request.user, params=request.query_params, path=request.path)  # type: ignore[arg-type]
