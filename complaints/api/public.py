"""The public form's two follow-ups through the API (issue 23 part 1), on the services the case page
calls (complaints.services.public) with the page's gates: complaints roles, the case opened through
case_open (need-to-know: 404, and the opening logged), then the service.

- Unmasking an anonymous complainant: the details, once, with the reason logged (access log "unmask").
- Recording the written authority an agent's complaint waits for (C-ELIG-ON-BEHALF)."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from complaints import services
from complaints.api.cases import STAFF, _detail, _me
from complaints.models import Complainant
from complaints.serializers import CaseDetailOut
from staffing.access_audit import purpose_from


def _case_opened(request: Request, pk: int) -> Any:
    """The case, as the page opens it (the same purpose words, the same log row)."""
    return services.case_open(
        user=_me(request), pk=pk, purpose=purpose_from(request, "Complaint handling"), path=request.path
    )


class UnmaskIn(serializers.Serializer[Any]):
    reason = serializers.CharField(
        max_length=300, allow_blank=True, help_text="Why you need to see the complainant's details (logged)."
    )


class MaskedDetailsOut(serializers.Serializer[Any]):
    complainant = serializers.IntegerField(source="complainant_id")
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    address = serializers.CharField()


class AuthorityIn(serializers.Serializer[Any]):
    complainant = serializers.IntegerField(help_text="The agent (a complainant on the case) waiting.")
    evidence = serializers.CharField(
        max_length=500, allow_blank=True, help_text="Written authority received: what, and when."
    )
    version = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="The case version you last read."
    )


class CaseComplainantUnmaskApi(APIView):
    """POST: an anonymous complainant's own details, for someone with the unmask permission; every
    unmasking is logged against the case with its reason. 404 if the complainant is not anonymous on
    this case, or the caller may not see the case."""

    permission_classes = [STAFF]

    @extend_schema(request=UnmaskIn, responses=MaskedDetailsOut)
    def post(self, request: Request, pk: int, complainant_id: int) -> Response:
        case = _case_opened(request, pk)
        complainant = Complainant.objects.filter(case=case, pk=complainant_id, anonymous=True).first()
        if complainant is None:
            raise Http404("No such anonymous complainant on this case.")
        s = UnmaskIn(data=request.data)
        s.is_valid(raise_exception=True)
        details = services.complainant_unmask(
            user=_me(request),
            complainant_id=complainant.pk,
            reason=s.validated_data["reason"],
            path=request.path,
        )
        return Response(MaskedDetailsOut(details).data)


class CaseAuthorityApi(APIView):
    """POST: the written authority of the person an agent acts for was received; handling may proceed
    (the case's triage is no longer refused for it). Answers the case."""

    permission_classes = [STAFF]

    @extend_schema(request=AuthorityIn, responses=CaseDetailOut)
    def post(self, request: Request, pk: int) -> Response:
        case = _case_opened(request, pk)
        s = AuthorityIn(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        services.complaint_authority_record(
            case_id=case.pk,
            actor=_me(request),
            complainant_id=d["complainant"],
            evidence=d["evidence"],
            version=d["version"],
        )
        return _detail(request, case.pk)
