"""GET /api/v1/complaints/cases/{id}/bundle/: the review bundle (contract: Files on crimes and
complaint cases). The case is opened with action "export": its need-to-know, and the access log."""

from __future__ import annotations

from typing import Any

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.views import APIView

from complaints.services.bundle import case_bundle_name, case_bundle_stream
from config.permissions import Role, roles_allowed
from staffing.access_audit import purpose_from
from staffing.records import record_open


def case_bundle_response(*, user: Any, pk: int, purpose: str, path: str) -> StreamingHttpResponse:
    """The page and the API answer alike: open the case for export (404 when the caller may not see it),
    then stream the archive."""
    case = record_open(key="complaint_case", pk=pk, user=user, purpose=purpose, path=path, action="export")
    response = StreamingHttpResponse(case_bundle_stream(case=case), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=case_bundle_name(case)
    )
    return response


class CaseBundleApi(APIView):
    """The review bundle of a case: every file, letter, the decision record and the action log, with
    index.csv (path, sha256, size, kind, created_at) at the root. Each export is in the access log."""

    permission_classes = [roles_allowed(*Role.COMPLAINTS)]

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int) -> StreamingHttpResponse:
        return case_bundle_response(
            user=request.user,
            pk=pk,
            purpose=purpose_from(request, "Review bundle for the review body (API)"),
            path=request.path,
        )
