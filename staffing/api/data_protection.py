"""The access log report, MoPI retention review and subject access (managers and admins)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.permissions import Role, roles_allowed
from config.registry import mopi_review_items_for, subject_access_for
from staffing import services
from staffing.access_audit import AccessLogFilter, access_log_search
from staffing.models import AccessLog
from staffing.serializers.records import (
    AccessLogOutputSerializer,
    AccessLogQuerySerializer,
    ReviewItemOutputSerializer,
    SubjectAccessOutputSerializer,
    SubjectAccessQuerySerializer,
)


class AccessLogApi(ListAPIView):
    """The auditor's report of the access log (views of restricted records: who, when, what, purpose),
    newest first; filter by record type/id, user and date range (Europe/London days). Managers and
    admins."""

    permission_classes = [roles_allowed(Role.MANAGER, Role.ADMIN)]
    serializer_class = AccessLogOutputSerializer

    @extend_schema(parameters=[AccessLogQuerySerializer])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[AccessLog]:
        query = AccessLogQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        d = query.validated_data
        return access_log_search(
            AccessLogFilter(
                record_type=d.get("record_type", ""),
                record_id=d.get("record_id", ""),
                username=d.get("user", ""),
                date_from=d.get("date_from"),
                date_to=d.get("date_to"),
            )
        )


class MopiReviewApi(APIView):
    """Records across Resolve (crimes, complaint cases) whose MoPI retention review date has come."""

    permission_classes = [roles_allowed(Role.MANAGER, Role.ADMIN)]

    @extend_schema(responses=ReviewItemOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        items = mopi_review_items_for(request.user, timezone.localdate())
        return Response(ReviewItemOutputSerializer(items, many=True).data)


class SubjectAccessApi(APIView):
    """Everything held about a named person across crimes and complaint cases (subject access);
    each export is logged in the access log with the purpose given."""

    permission_classes = [roles_allowed(Role.MANAGER, Role.ADMIN)]

    @extend_schema(parameters=[SubjectAccessQuerySerializer], responses=SubjectAccessOutputSerializer)
    def get(self, request: Request) -> Response:
        query = SubjectAccessQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        name = query.validated_data["name"]
        records = subject_access_for(name, request.user)
        services.access_log_record(
            user=request.user,
            record_type="subject_access",
            record_id=name[:60],
            label=name,
            action="export",
            purpose=query.validated_data["purpose"] or "Subject access request (API)",
            path=request.path,
        )
        return Response({"name": name, "records": records})
