"""Allocation: suggest who should take an item, assign, reassign and complete."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.permissions import Role, roles_allowed
from staffing import services
from staffing.api.common import team_param, work_item
from staffing.api.idempotent import idempotent
from staffing.serializers.allocation import (
    AllocationOutputSerializer,
    AssignInputSerializer,
    ItemInputSerializer,
    ReassignInputSerializer,
    SuggestInputSerializer,
    SuggestionOutputSerializer,
)


class AllocationSuggestApi(APIView):
    """Who should take a piece of work needing ?skill= (and ?weight=) in ?team=, and why; with
    ?item_type=&item_id=, for that item (its kind's roles only, less those barred from it)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(parameters=[SuggestInputSerializer], responses=SuggestionOutputSerializer)
    def get(self, request: Request) -> Response:
        data = SuggestInputSerializer(data=request.query_params)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        team = team_param(request, v.get("team", ""))
        item = work_item(request, v["item_type"], v["item_id"]) if "item_type" in v else None
        suggestion = services.allocation_suggest(skill=v["skill"], team=team, weight=v["weight"], item=item)
        return Response(SuggestionOutputSerializer(suggestion).data)


class AllocationAssignApi(APIView):
    """Allocate a work item: no assignee accepts the suggestion; a named one must be eligible unless a
    sergeant gives a reason. 400 when the item already has an open allocation."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(request=AssignInputSerializer, responses={201: AllocationOutputSerializer})
    @idempotent("staffing.allocations.assign")
    def post(self, request: Request) -> Response:
        data = AssignInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        allocation = services.allocation_assign(
            item=work_item(request, v["item_type"], v["item_id"]),
            skill=v["skill"],
            weight=v["weight"],
            assignee=v["assignee"],
            actor=request.user,  # type: ignore[arg-type]
            reason=v["reason"],
            team=team_param(request, v.get("team", "")),
        )
        return Response(AllocationOutputSerializer(allocation).data, status=status.HTTP_201_CREATED)


class AllocationReassignApi(APIView):
    """Move an item's open allocation to someone else (no assignee: the suggestion)."""

    permission_classes = [roles_allowed(*Role.SUPERVISORS)]

    @extend_schema(request=ReassignInputSerializer, responses={201: AllocationOutputSerializer})
    @idempotent("staffing.allocations.reassign")
    def post(self, request: Request) -> Response:
        data = ReassignInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        allocation = services.allocation_reassign(
            item=work_item(request, v["item_type"], v["item_id"]),
            assignee=v["assignee"],
            actor=request.user,  # type: ignore[arg-type]
            reason=v["reason"],
        )
        return Response(AllocationOutputSerializer(allocation).data, status=status.HTTP_201_CREATED)


class AllocationCompleteApi(APIView):
    """Mark an item's open allocation done (its assignee, or a supervisor)."""

    permission_classes = [roles_allowed(*Role.ALL)]

    @extend_schema(request=ItemInputSerializer, responses=AllocationOutputSerializer)
    def post(self, request: Request) -> Response:
        data = ItemInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = work_item(request, data.validated_data["item_type"], data.validated_data["item_id"])
        allocation = services.allocation_complete(item=item, actor=request.user)  # type: ignore[arg-type]
        return Response(AllocationOutputSerializer(allocation).data)
