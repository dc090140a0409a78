"""Incident feed: POST /api/v1/incidents/bulk/ (contract: Incident feed)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.permissions import Role, roles_allowed
from recording.api.common import (
    request_user,
)
from recording.models import (
    ImportBatch,
)
from recording.serializers import (
    IncidentBulkInputSerializer,
    IncidentBulkOutputSerializer,
)
from recording.services import (
    incidents,
)

# ---------------------------------------------------------------- incident feed


class IncidentBulkApi(APIView):
    """Create or update up to 5,000 incidents by reference, all or nothing (contract: Incident feed)."""

    permission_classes = [roles_allowed(Role.ADMIN)]

    @extend_schema(request=IncidentBulkInputSerializer, responses=IncidentBulkOutputSerializer)
    def post(self, request: Request) -> Response:
        items = request.data.get("incidents") if isinstance(request.data, dict) else None
        if not isinstance(items, list):
            return Response({"incidents": ["Send a list of incidents."]}, status=status.HTTP_400_BAD_REQUEST)
        if len(items) > incidents.MAX_API_INCIDENTS:
            return Response(
                {"incidents": [f"Send at most {incidents.MAX_API_INCIDENTS} incidents a request."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        not_objects = {
            str(i): {"non_field_errors": ["Expected an object."]}
            for i, x in enumerate(items)
            if not isinstance(x, dict)
        }
        if not_objects:
            return Response({"incidents": not_objects}, status=status.HTTP_400_BAD_REQUEST)
        result = incidents.incidents_upsert(
            rows=enumerate(items),
            actor=request_user(request),
            source=ImportBatch.Source.API,
            source_name=request.path,
            collect_all_errors=True,
        )
        return Response({"created": result.created, "updated": result.updated, "batch": result.batch.pk})
