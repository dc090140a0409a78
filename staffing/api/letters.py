"""Letters (issue 22 parts 2-4): drafted about a record, edited, approved, issued, sent, and
the PDF. Thin views over staffing.services.letters; every letter read or written opens its record
through its kind (need-to-know checked, the access logged)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.permissions import Role, roles_allowed
from staffing.api.idempotent import idempotent
from staffing.models import Letter, LetterSend, User
from staffing.permissions import LETTER_WRITERS
from staffing.selectors import letters as selectors
from staffing.serializers.letters import DecideIn, DraftIn, EditIn, LetterOut, RecordQuery, SendIn, SendOut
from staffing.services import letters as services
from staffing.services.letters.documents import letter_pdf


# ---------------------------------------------------------------- helpers
def request_user(request: Request) -> User:
    return request.user  # type: ignore[return-value]


def letter_for(request: Request, letter_id: int, *, action: str = "letter") -> Letter:
    """The letter, if the caller may see the record it is about (else 404, as for no letter); the
    opening of the record is logged by its kind."""
    from django.http import Http404

    letter = selectors.letter_get(letter_id=letter_id)
    if letter is None:
        raise Http404("No such letter.")
    services.letter_record_open(
        record_type=letter.record_type,
        record_id=letter.record_id,
        user=request_user(request),
        purpose=f"Letter {letter.pk}",
        path=request.path,
        action=action,
    )
    return letter


def fresh(letter_id: int) -> dict[str, Any]:
    letter = selectors.letter_get(letter_id=letter_id)
    return dict(LetterOut(letter).data)


# ---------------------------------------------------------------- letters
class LetterListApi(APIView):
    """GET ?record_type=&record_id=: the letters about a record. POST: draft a letter about a record
    from the template that fits it (`purpose`) or a named `template`."""

    permission_classes = [roles_allowed(*LETTER_WRITERS)]

    @extend_schema(parameters=[RecordQuery], responses=LetterOut(many=True))
    def get(self, request: Request) -> Response:
        query = RecordQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        services.letter_record_open(
            user=request_user(request),
            path=request.path,
            purpose="Letters about the record",
            **query.validated_data,
        )
        letters = selectors.letters_for_record(**query.validated_data)
        return Response(LetterOut(letters, many=True).data)

    @extend_schema(request=DraftIn, responses={201: LetterOut})
    @idempotent("letters.letter.draft")
    def post(self, request: Request) -> Response:
        data = DraftIn(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        letter = services.letter_draft(
            record_type=d["record_type"],
            record_id=d["record_id"],
            actor=request_user(request),
            purpose=d["purpose"],
            template_id=d["template"],
            path=request.path,
        )
        return Response(fresh(letter.pk), status=status.HTTP_201_CREATED)


class LetterDetailApi(APIView):
    """GET: one letter. PATCH: edit a draft's heading and paragraphs."""

    permission_classes = [roles_allowed(*LETTER_WRITERS)]

    @extend_schema(responses=LetterOut)
    def get(self, request: Request, letter_id: int) -> Response:
        return Response(LetterOut(letter_for(request, letter_id)).data)

    @extend_schema(request=EditIn, responses=LetterOut)
    def patch(self, request: Request, letter_id: int) -> Response:
        letter_for(request, letter_id)
        data = EditIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.letter_edit(letter_id=letter_id, actor=request_user(request), **data.validated_data)
        return Response(fresh(letter_id))


class LetterActionApi(APIView):
    """POST .../{id}/submit/ (send for approval), approve/ and return/ (manager, admin; return needs a
    `comment`), issue/ (freeze the text)."""

    permission_classes = [roles_allowed(*LETTER_WRITERS)]
    action = ""

    @extend_schema(request=DecideIn, responses=LetterOut)
    def post(self, request: Request, letter_id: int) -> Response:
        letter_for(request, letter_id)
        data = DecideIn(data=request.data)
        data.is_valid(raise_exception=True)
        d, me = data.validated_data, request_user(request)
        if self.action == "submit":
            services.letter_submit(letter_id=letter_id, actor=me, version=d["version"])
        elif self.action in ("approve", "return"):
            services.letter_decide(
                letter_id=letter_id,
                actor=me,
                approve=self.action == "approve",
                comment=d["comment"],
                version=d["version"],
            )
        elif self.action == "issue":
            services.letter_issue(letter_id=letter_id, actor=me, version=d["version"])
        else:  # pragma: no cover - the URLconf names every action
            raise DomainError("No such action.")
        return Response(fresh(letter_id))


class LetterSendApi(APIView):
    """POST: send an issued letter: `email`, `notify_email`, `notify_letter` (GOV.UK Notify, when
    configured) or `post_by_hand` with `posted_on`. 202: queued (the send's status follows)."""

    permission_classes = [roles_allowed(*LETTER_WRITERS)]

    @extend_schema(request=SendIn, responses={202: SendOut})
    @idempotent("letters.letter.send")
    def post(self, request: Request, letter_id: int) -> Response:
        letter_for(request, letter_id)
        data = SendIn(data=request.data)
        data.is_valid(raise_exception=True)
        send = services.letter_send(letter_id=letter_id, actor=request_user(request), **data.validated_data)
        send.refresh_from_db()
        return Response(SendOut(send).data, status=status.HTTP_202_ACCEPTED)


class SendRetryApi(APIView):
    """POST: send again a send that failed for good."""

    permission_classes = [roles_allowed(*LETTER_WRITERS)]

    @extend_schema(request=None, responses={202: SendOut})
    def post(self, request: Request, send_id: int) -> Response:
        from django.shortcuts import get_object_or_404

        send = get_object_or_404(LetterSend, pk=send_id)
        letter_for(request, send.letter_id)
        send = services.letter_send_retry(send_id=send_id, actor=request_user(request))
        return Response(SendOut(send).data, status=status.HTTP_202_ACCEPTED)


class LetterPdfApi(APIView):
    """GET: the issued letter as an accessible PDF (tagged, with its language and title)."""

    permission_classes = [roles_allowed(*LETTER_WRITERS)]

    @extend_schema(responses={(200, "application/pdf"): bytes})
    def get(self, request: Request, letter_id: int) -> HttpResponse:
        letter = letter_for(request, letter_id, action="download")
        if not letter.is_issued:
            raise DomainError(
                "Only an issued letter has a PDF; preview the draft on its page.", field="status"
            )
        response = HttpResponse(letter_pdf(letter.issued_html), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="letter-{letter.pk}.pdf"'
        return response


class ApprovalQueueApi(ListAPIView):
    """GET: letters awaiting a manager's approval (never the caller's own)."""

    permission_classes = [roles_allowed(Role.MANAGER, Role.ADMIN)]
    serializer_class = LetterOut

    def get_queryset(self) -> QuerySet[Letter]:
        if getattr(self, "swagger_fake_view", False):
            return Letter.objects.none()
        return selectors.letter_approval_queue(user=self.request.user)  # type: ignore[arg-type]
