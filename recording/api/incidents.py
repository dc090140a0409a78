"""Incidents: the feed (POST /api/v1/incidents/bulk/, contract: Incident feed), the incident record
(GET /api/v1/incidents/, /api/v1/incidents/{id}/), opening one (POST /api/v1/incidents/) and linking
crimes (POST /api/v1/incidents/{id}/crimes/link/ and .../unlink/)."""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder
from rest_framework.views import APIView

from config.fields import ApiDateTimeField
from config.permissions import Role, roles_allowed
from config.registry import incident_sections_for
from recording import selectors
from recording.api.common import CrimeStaff, paginated, request_user, validated
from recording.models import Crime, Grade, ImportBatch, Incident
from recording.serializers import (
    CodeChoiceField,
    IncidentBulkInputSerializer,
    IncidentBulkOutputSerializer,
)
from recording.services import incidents as incident_services
from recording.views.incidents import decide_url
from staffing.api.idempotent import idempotent
from staffing.models import User

# ---------------------------------------------------------------- incident feed


class IncidentBulkApi(APIView):
    """Create or update up to 5,000 incidents by reference, all or nothing (contract: Incident feed)."""

    permission_classes = [roles_allowed(Role.ADMIN)]

    @extend_schema(request=IncidentBulkInputSerializer, responses=IncidentBulkOutputSerializer)
    def post(self, request: Request) -> Response:
        items = request.data.get("incidents") if isinstance(request.data, dict) else None
        if not isinstance(items, list):
            return Response({"incidents": ["Send a list of incidents."]}, status=status.HTTP_400_BAD_REQUEST)
        if len(items) > incident_services.MAX_API_INCIDENTS:
            return Response(
                {"incidents": [f"Send at most {incident_services.MAX_API_INCIDENTS} incidents a request."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        not_objects = {
            str(i): {"non_field_errors": ["Expected an object."]}
            for i, x in enumerate(items)
            if not isinstance(x, dict)
        }
        if not_objects:
            return Response({"incidents": not_objects}, status=status.HTTP_400_BAD_REQUEST)
        result = incident_services.incidents_upsert(
            rows=enumerate(items),
            actor=request_user(request),
            source=ImportBatch.Source.API,
            source_name=request.path,
            collect_all_errors=True,
        )
        return Response({"created": result.created, "updated": result.updated, "batch": result.batch.pk})


# ---------------------------------------------------------------- the incident record
class IncidentOutputSerializer(serializers.Serializer[Incident]):
    """One incident as its page shows it: the log, the NSIR code by name, the crimes linked to it that the
    caller may see, its history, and what other apps add (qa: `unrecorded_flags`, `dip_samples`)."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    opened_at = ApiDateTimeField()
    closed_at = ApiDateTimeField(allow_null=True)
    nsir_code = serializers.CharField(source="nsir_code.code")
    nsir_title = serializers.CharField(source="nsir_code.title")
    crime_related = serializers.BooleanField()
    grade = serializers.CharField()
    summary = serializers.CharField()
    location = serializers.CharField()
    crime_number = serializers.CharField(allow_null=True)
    opened_by = serializers.CharField(source="opened_by.username", default=None, allow_null=True)
    url = serializers.SerializerMethodField()

    def get_url(self, incident: Incident) -> str:
        return reverse("recording:incident-detail", args=[incident.pk])


class LinkedCrimeSerializer(serializers.Serializer[Crime]):
    id = serializers.IntegerField()
    crime_number = serializers.CharField()
    offence = serializers.CharField(source="offence.code")
    offence_title = serializers.CharField(source="offence.title")
    status = serializers.CharField()
    reported_at = ApiDateTimeField()
    recorded_at = ApiDateTimeField()
    location = serializers.CharField()
    victims = serializers.SerializerMethodField()

    def get_victims(self, crime: Crime) -> list[str]:
        return [v.name for v in crime.victims.all()]


def incident_detail_data(incident: Incident, user: User) -> dict[str, Any]:
    data: dict[str, Any] = dict(IncidentOutputSerializer(incident).data)
    data["restricted"] = incident_services.incident_restricted_cached(incident)
    data["crimes"] = [LinkedCrimeSerializer(crime).data for crime in incident.crimes.all()]
    data["history"] = [
        {
            "at": row["when"],
            "by": row["who"].username if row["who"] else None,
            "nsir_code": row["nsir_code"].code,
            "crime_number": row["crime_number"],
            "reason": row["why"],
        }
        for row in selectors.incident_history(incident=incident)
    ]
    data["decide_url"] = decide_url(incident)
    for section in incident_sections_for(incident, user):
        data[section.key] = [{k: v for k, v in row.items() if k != "url"} for row in section.rows]
    # Plain JSON (times as ISO strings with their offset), as an Idempotency-Key answer is kept.
    return dict(json.loads(json.dumps(data, cls=JSONEncoder)))


class IncidentListCreateApi(APIView):
    """GET: the incidents the caller may see (need-to-know ones only for those who may), newest first,
    paginated; `?q=` (reference, crime number or words), `?nsir_code=`, `?unrecorded=1`.
    POST: open an incident for a report taken in Resolve (front counter, online, no feed): 201 with the
    incident and `decide_url`, the recording decision with it filled in."""

    permission_classes = [CrimeStaff]
    pagination_class = PageNumberPagination  # so the schema shows the paged envelope it answers

    class OpenInputSerializer(serializers.Serializer[Any]):
        nsir_code = serializers.CharField(max_length=40, help_text="A code of the NSIR code list.")
        summary = serializers.CharField(help_text="What was reported (the log narrative).")
        location = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
        grade = CodeChoiceField(choices=Grade.choices, required=False, allow_blank=True, default="")
        opened_at = ApiDateTimeField(required=False, allow_null=True, default=None)

    @extend_schema(responses=IncidentOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        filters = {k: request.query_params.get(k, "") for k in ("q", "nsir_code", "unrecorded")}
        qs = selectors.incident_list(user=request_user(request), filters=filters)
        return paginated(self, request, qs, IncidentOutputSerializer)

    @extend_schema(
        request=OpenInputSerializer,
        responses={201: IncidentOutputSerializer},
    )
    @idempotent("recording.incidents.open")
    def post(self, request: Request) -> Response:
        """Takes an Idempotency-Key header: a retry with the same key opens no second incident."""
        data = validated(self.OpenInputSerializer, request.data)
        incident = incident_services.incident_open(actor=request_user(request), **data)
        loaded = selectors.incident_get(user=request_user(request), pk=incident.pk)
        return Response(incident_detail_data(loaded, request_user(request)), status=status.HTTP_201_CREATED)


class IncidentDetailApi(APIView):
    """One incident, as its page shows it; 404 for a need-to-know incident the caller may not see (the
    attempt is logged, as every view of one is)."""

    permission_classes = [CrimeStaff]

    @extend_schema(responses=IncidentOutputSerializer)
    def get(self, request: Request, pk: int) -> Response:
        incident = incident_services.incident_get_logged(
            user=request_user(request), pk=pk, request=request, purpose="API view"
        )
        return Response(incident_detail_data(incident, request_user(request)))


class IncidentCrimeApi(APIView):
    """POST `link` or `unlink` a crime with a reason (audited on both records): {"crime_number", "reason"}.
    Linking writes the crime number onto an incident that has none, so the sweep closes its flag."""

    permission_classes = [CrimeStaff]

    class LinkInputSerializer(serializers.Serializer[Any]):
        crime_number = serializers.CharField(max_length=40)
        reason = serializers.CharField()

    @extend_schema(request=LinkInputSerializer, responses=IncidentOutputSerializer)
    def post(self, request: Request, pk: int, action: str) -> Response:
        if action not in {"link", "unlink"}:
            raise Http404("No such action.")
        user = request_user(request)
        incident = incident_services.incident_get_logged(
            user=user, pk=pk, request=request, purpose=f"API: {action} a crime"
        )
        data = validated(self.LinkInputSerializer, request.data)
        service = (
            incident_services.incident_link_crime
            if action == "link"
            else incident_services.incident_unlink_crime
        )
        service(incident_id=incident.pk, actor=user, **data)
        return Response(incident_detail_data(selectors.incident_get(user=user, pk=incident.pk), user))
