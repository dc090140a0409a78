"""Helpers shared by the crime-recording API views."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.permissions import Role, roles_allowed
from recording.models import (
    Crime,
)
from recording.services import crimes
from staffing.access_audit import purpose_from
from staffing.models import User

CrimeStaff = roles_allowed(*Role.CRIME_STAFF)
Supervisors = roles_allowed(*Role.SUPERVISORS)
# The force directory: crime staff read it; sergeants, managers and admins maintain it (audited).
ForceDirectory = roles_allowed(*Role.CRIME_STAFF, write=Role.SUPERVISORS)


def request_user(request: Request) -> User:
    return request.user  # type: ignore[return-value]


def crime_for(request: Request, pk: int, *, purpose: str = "API view") -> Crime:
    """The crime if the caller may know it exists, else 404; each view of a restricted crime is logged."""
    return crimes.crime_open(
        user=request_user(request), pk=pk, purpose=purpose_from(request, purpose), path=request.path
    )


def validated(serializer_class: type[Any], data: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def active_user(value: str, field: str) -> User | None:
    if not value:
        return None
    user = User.objects.filter(username=value, is_active=True).first()
    if user is None:
        raise DomainError(f"No active user {value!r}.", field=field)
    return user


def paginated(view: APIView, request: Request, qs: QuerySet[Any], serializer_class: type[Any]) -> Response:
    from rest_framework.pagination import PageNumberPagination

    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(qs, request, view=view)
    if page is None:  # pragma: no cover - PAGE_SIZE is always set
        raise Http404
    return paginator.get_paginated_response(serializer_class(page, many=True).data)
