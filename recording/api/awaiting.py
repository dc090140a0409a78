"""Third-party reports awaiting the victim (R-NCRS-THIRD-PARTY): the sergeant's queue and its two
decisions, over the same selector and services as the queue page (recording.services.awaiting)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from recording import selectors
from recording.api.common import CrimeStaff, request_user, validated
from recording.api.crimes import AwaitingVictimOutputSerializer
from recording.serializers.crimes import CrimeListSerializer
from recording.services import awaiting
from staffing.access_audit import purpose_from
from staffing.api.idempotent import idempotent


class AwaitingRecordInputSerializer(serializers.Serializer[dict[str, str]]):
    note = serializers.CharField(max_length=2000, help_text="What the victim said when spoken to.")


class AwaitingCloseInputSerializer(serializers.Serializer[dict[str, str]]):
    reason = serializers.CharField(max_length=2000, help_text="Why no crime is to be recorded.")


class AwaitingVictimListApi(APIView):
    """GET: the reports still awaiting the victim the caller may see, nearest 24-hour deadline first
    (the home queue's own rows)."""

    permission_classes = [CrimeStaff]
    pagination_class = PageNumberPagination

    @extend_schema(responses=AwaitingVictimOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = selectors.awaiting_victim_queue(user=request_user(request))
        paginator = PageNumberPagination()
        rows = list(paginator.paginate_queryset(qs, request, view=self) or [])
        # Each row names the victim and gives their number: log the view of every report listed.
        awaiting.awaiting_views_log(
            user=request_user(request),
            rows=rows,
            purpose=purpose_from(request, "Reports awaiting the victim (API list)"),
            path=request.get_full_path(),
        )
        return paginator.get_paginated_response(AwaitingVictimOutputSerializer(rows, many=True).data)


class AwaitingVictimRecordApi(APIView):
    """POST: the victim confirms: decide the waiting allegations again and record the crimes (201)."""

    permission_classes = [CrimeStaff]

    @extend_schema(request=AwaitingRecordInputSerializer, responses={201: CrimeListSerializer(many=True)})
    @idempotent("recording.awaiting.record")
    def post(self, request: Request, pk: int) -> Response:
        user = request_user(request)
        row = awaiting.awaiting_open(
            user=user, pk=pk, purpose=purpose_from(request, "API record"), path=request.path
        )
        data = validated(AwaitingRecordInputSerializer, request.data)
        made = awaiting.awaiting_record(awaiting_id=row.pk, actor=user, note=data["note"])
        return Response(CrimeListSerializer(made, many=True).data, status=status.HTTP_201_CREATED)


class AwaitingVictimCloseApi(APIView):
    """POST: close without a crime, with the reason (kept and audited)."""

    permission_classes = [CrimeStaff]

    @extend_schema(request=AwaitingCloseInputSerializer, responses=AwaitingVictimOutputSerializer)
    def post(self, request: Request, pk: int) -> Response:
        user = request_user(request)
        row = awaiting.awaiting_open(
            user=user, pk=pk, purpose=purpose_from(request, "API close"), path=request.path
        )
        data = validated(AwaitingCloseInputSerializer, request.data)
        closed = awaiting.awaiting_close(awaiting_id=row.pk, actor=user, reason=data["reason"])
        return Response(AwaitingVictimOutputSerializer(closed).data)
