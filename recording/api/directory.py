"""The force directory."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from recording import selectors
from recording.api.common import (
    ForceDirectory,
    request_user,
)
from recording.models import (
    Force,
)
from recording.serializers.reference import ForceSerializer
from recording.services import (
    transfers,
)
from staffing.api.idempotent import idempotent


class ForceListApi(ListAPIView):
    """The force directory. GET: crime staff; POST: sergeants, managers, admins (audited)."""

    permission_classes = [ForceDirectory]
    serializer_class = ForceSerializer

    def get_queryset(self) -> QuerySet[Force]:
        return selectors.force_list()

    @extend_schema(request=ForceSerializer, responses=ForceSerializer)
    @idempotent("recording.forces.create")
    def post(self, request: Request) -> Response:
        data = _force_data(request.data)
        force = transfers.force_save(actor=request_user(request), **data)
        return Response(ForceSerializer(force).data, status=status.HTTP_201_CREATED)


class ForceDetailApi(APIView):
    permission_classes = [ForceDirectory]

    @extend_schema(responses=ForceSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(ForceSerializer(get_object_or_404(Force, pk=pk)).data)

    @extend_schema(request=ForceSerializer, responses=ForceSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        force = get_object_or_404(Force, pk=pk)
        current = ForceSerializer(force).data
        raw = request.data.dict() if hasattr(request.data, "dict") else dict(request.data)
        merged = {**current, **raw}
        data = _force_data(merged, instance=force)
        force = transfers.force_save(actor=request_user(request), force=force, **data)
        return Response(ForceSerializer(force).data)


def _force_data(data: Any, instance: Force | None = None) -> dict[str, Any]:
    serializer = ForceSerializer(instance=instance, data=data)
    serializer.is_valid(raise_exception=True)
    values = dict(serializer.validated_data)
    reason = data.get("reason") if hasattr(data, "get") else None
    values["reason"] = reason or (
        "Force directory entry updated" if instance else "Force added to the directory"
    )
    return values
