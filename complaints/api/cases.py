"""Complaints API: thin views over selectors and services. Roles: advisor, manager, admin;
need-to-know per case (a subject of a case never sees it: 404); every case view is access-logged."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from complaints import selectors, serializers, services
from complaints.models import ComplaintCase
from config.exceptions import DomainError
from config.permissions import Role, roles_allowed
from staffing.access_audit import purpose_from
from staffing.api.idempotent import idempotent
from staffing.models import User

STAFF = roles_allowed(*Role.COMPLAINTS)
# One case: any signed-in role may ask, but only those with need-to-know find it (others get 404).
CASE = roles_allowed(*Role.ALL)


def _me(request: Any) -> User:
    """The signed-in user (the permission checks have already refused anonymous callers)."""
    return cast(User, request.user)


def _case(request: Request, pk: int, *, action: str = "view") -> ComplaintCase:
    return services.case_open(
        user=_me(request),
        pk=pk,
        purpose=purpose_from(request, "Complaint handling (API)"),
        path=request.path,
        action=action,
    )


def _detail(request: Request, pk: int, code: int = status.HTTP_200_OK) -> Response:
    case = selectors.case_get_for_user(user=_me(request), pk=pk)
    return Response(serializers.CaseDetailOut(case).data, status=code)


def _user(username: str | None, field: str) -> User:
    user = User.objects.filter(username=username or "", is_active=True).first()
    if user is None:
        raise DomainError(f"Unknown user {username!r}.", field=field)
    return user


def _create(request: Request, data: dict[str, Any]) -> ComplaintCase:
    for allegation in data["allegations"]:
        allegation["category"] = allegation["category"].code
    return services.complaint_create(actor=_me(request), **data)


class CaseListCreateApi(ListAPIView):
    """GET: cases the caller may see (`?q=` name, reference or officer; `?mine=1`; `?overdue=1`).
    POST: log a complaint, expression of dissatisfaction or compliment."""

    permission_classes = [STAFF]
    serializer_class = serializers.CaseListOut

    def get_queryset(self) -> QuerySet[ComplaintCase]:
        if getattr(self, "swagger_fake_view", False):
            return ComplaintCase.objects.none()
        user = _me(self.request)
        params = self.request.query_params
        if params.get("overdue"):
            return selectors.case_list_overdue(user=user)
        if params.get("mine"):
            return selectors.case_list_mine(user=user)
        return selectors.case_search(user=user, q=params.get("q", ""), status=params.get("status", ""))

    @extend_schema(request=serializers.CaseIn, responses={201: serializers.CaseDetailOut})
    @idempotent("complaints.cases.create")
    def post(self, request: Request) -> Response:
        data = serializers.CaseIn(data=request.data)
        data.is_valid(raise_exception=True)
        case = _create(request, dict(data.validated_data))
        return _detail(request, case.pk, status.HTTP_201_CREATED)


class CaseDetailApi(APIView):
    permission_classes = [CASE]

    @extend_schema(responses=serializers.CaseDetailOut)
    def get(self, request: Request, pk: int) -> Response:
        case = _case(request, pk)
        return Response(serializers.CaseDetailOut(case).data)


class CaseActionApi(APIView):
    """POST one case action, named by `action` (its enum lists every action this endpoint takes, from the
    actions' one specification, complaints.actions.SPECS); who may and when are checked first, and a
    refusal is a 400 naming the field to blame, in words."""

    permission_classes = [CASE]

    @extend_schema(request=serializers.ActionIn, responses=serializers.CaseDetailOut)
    def post(self, request: Request, pk: int) -> Response:
        case = _case(request, pk, action="edit")
        s = serializers.ActionIn(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        for field in ("assignee", "recipient", "person"):  # usernames in, users to the service
            if d.get(field):
                d[field] = _user(d[field], field)
        services.case_action(d["action"], case_id=case.pk, actor=_me(request), data=d)
        return _detail(request, case.pk)


class CaseContactsApi(APIView):
    permission_classes = [CASE]

    @extend_schema(responses=serializers.ContactOut(many=True))
    def get(self, request: Request, pk: int) -> Response:
        case = _case(request, pk)
        return Response(serializers.ContactOut(case.contacts.all(), many=True).data)

    @extend_schema(request=serializers.ContactIn, responses={201: serializers.ContactOut})
    @idempotent("complaints.contacts.create")
    def post(self, request: Request, pk: int) -> Response:
        case = _case(request, pk, action="edit")
        s = serializers.ContactIn(data=request.data)
        s.is_valid(raise_exception=True)
        contact = services.case_action("contact", case_id=case.pk, actor=_me(request), data=s.validated_data)
        return Response(serializers.ContactOut(contact).data, status=status.HTTP_201_CREATED)


class CaseOutcomeApi(APIView):
    permission_classes = [CASE]

    @extend_schema(request=serializers.OutcomeIn, responses=serializers.CaseDetailOut)
    def post(self, request: Request, pk: int) -> Response:
        case = _case(request, pk, action="edit")
        s = serializers.OutcomeIn(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        try:
            per_allegation = {int(k): v for k, v in d["allegation_outcomes"].items()}
        except ValueError as exc:
            raise DomainError("Allegation ids must be numbers.", field="allegation_outcomes") from exc
        services.case_action(
            "close", case_id=case.pk, actor=_me(request), data={**d, "allegation_outcomes": per_allegation}
        )
        return _detail(request, case.pk)


class CaseReviewApi(APIView):
    permission_classes = [CASE]

    @extend_schema(request=serializers.ReviewIn, responses={201: serializers.ReviewOut})
    @idempotent("complaints.reviews.create")
    def post(self, request: Request, pk: int) -> Response:
        case = _case(request, pk, action="edit")
        s = serializers.ReviewIn(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        d["owner"] = _user(d["owner"], "owner") if d.get("owner") else None
        review = services.case_action("review", case_id=case.pk, actor=_me(request), data=d)
        return Response(serializers.ReviewOut(review).data, status=status.HTTP_201_CREATED)


class CaseReviewResultApi(APIView):
    """The review body's result, recorded on the application itself (C-REVIEW-OUTCOME)."""

    permission_classes = [CASE]

    @extend_schema(request=serializers.ReviewResultIn, responses=serializers.ReviewOut)
    def post(self, request: Request, pk: int, review_id: int) -> Response:
        case = _case(request, pk, action="edit")
        review = case.reviews.filter(pk=review_id).first()
        if review is None:
            raise Http404("No such review application")
        s = serializers.ReviewResultIn(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        d["owner"] = _user(d["owner"], "owner") if d.get("owner") else None
        review = services.case_action(
            "review_result", case_id=case.pk, actor=_me(request), data={**d, "review": review.pk}
        )
        return Response(serializers.ReviewOut(review).data)


class ComplimentListCreateApi(ListAPIView):
    """GET: compliments; POST: record one (C-COMPLIMENT). Forward with the case action `forward`."""

    permission_classes = [STAFF]
    serializer_class = serializers.CaseListOut

    def get_queryset(self) -> QuerySet[ComplaintCase]:
        if getattr(self, "swagger_fake_view", False):
            return ComplaintCase.objects.none()
        return selectors.case_search(user=_me(self.request)).filter(kind=ComplaintCase.Kind.COMPLIMENT)

    @extend_schema(request=serializers.CaseIn, responses={201: serializers.CaseDetailOut})
    @idempotent("complaints.compliments.create")
    def post(self, request: Request) -> Response:
        data = serializers.CaseIn(data={**dict(request.data), "kind": "compliment"})
        data.is_valid(raise_exception=True)
        case = _create(request, dict(data.validated_data))
        return _detail(request, case.pk, status.HTTP_201_CREATED)


class LearningReportApi(APIView):
    """Themes by category, routes, outcomes, reviews and repeat subjects for a month or quarter."""

    permission_classes = [STAFF]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        period, year, number = selectors.learning_period(
            period=request.query_params.get("period"),
            year=request.query_params.get("year"),
            number=request.query_params.get("number"),
            today=timezone.localdate(),
        )
        start, end = selectors.period_bounds(period=period, year=year, number=number)
        report = selectors.learning_report(start=start, end=end)
        return Response({"period": period, "year": year, "number": number, **report.__dict__})
