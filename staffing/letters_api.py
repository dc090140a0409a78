"""The letters API (issue 22; contract "Letter templates"): templates and their versions, previews,
letters drafted about a record, their approval, issue and sending. Thin views over
staffing.services.letters; every letter read or written opens its record through its kind (need-to-know
checked, the access logged)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import DomainError
from config.fields import ApiDateField, ApiDateTimeField
from config.permissions import Role, roles_allowed
from staffing import letter_selectors as selectors
from staffing.idempotent_api import idempotent
from staffing.letter_documents import letter_pdf
from staffing.models import Letter, LetterSend, LetterTemplate, User
from staffing.services import letters as services

TEMPLATE_READERS = (Role.ADVISOR, Role.MANAGER, Role.ADMIN)
TEMPLATE_WRITERS = (Role.MANAGER, Role.ADMIN)
LETTER_WRITERS = (Role.INVESTIGATOR, Role.SERGEANT, Role.ADVISOR, Role.MANAGER, Role.ADMIN)


# ---------------------------------------------------------------- serializers
class TemplateVersionOut(serializers.Serializer[Any]):
    number = serializers.IntegerField()
    subject = serializers.CharField()
    body = serializers.CharField()
    note = serializers.CharField()
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)
    created_at = ApiDateTimeField()


class TemplateOut(serializers.ModelSerializer[LetterTemplate]):
    current = serializers.SerializerMethodField()

    class Meta:
        model = LetterTemplate
        fields = [
            "id",
            "key",
            "name",
            "record_type",
            "purpose",
            "variant",
            "channel",
            "conditions",
            "needs_approval",
            "active",
            "version",
            "current",
        ]

    def get_current(self, template: LetterTemplate) -> dict[str, Any]:
        """The current version (number, subject, body, saved at)."""
        if hasattr(template, "current_body"):
            return {
                "number": template.version,
                "subject": getattr(template, "current_subject", ""),
                "body": getattr(template, "current_body", ""),
                "created_at": getattr(template, "current_at", None),
            }
        current = next(v for v in template.versions.all() if v.number == template.version)
        return {
            "number": current.number,
            "subject": current.subject,
            "body": current.body,
            "created_at": current.created_at,
        }


class TemplateDetailOut(TemplateOut):
    versions = TemplateVersionOut(many=True)

    class Meta(TemplateOut.Meta):
        fields = [*TemplateOut.Meta.fields, "versions"]


class TemplateIn(serializers.Serializer[Any]):
    key = serializers.SlugField(max_length=60)
    name = serializers.CharField(max_length=200)
    record_type = serializers.CharField(max_length=40)
    purpose = serializers.ChoiceField(LetterTemplate.Purpose.choices)
    variant = serializers.ChoiceField(LetterTemplate.Variant.choices, default="standard")
    channel = serializers.ChoiceField(LetterTemplate.Channel.choices, default="letter")
    conditions = serializers.ListField(
        child=serializers.CharField(max_length=60), default=list, max_length=20
    )
    needs_approval = serializers.BooleanField(default=False)
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=50_000)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class TemplateVersionIn(serializers.Serializer[Any]):
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=50_000)
    note = serializers.CharField(max_length=300)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)
    name = serializers.CharField(max_length=200, required=False)
    needs_approval = serializers.BooleanField(required=False)
    active = serializers.BooleanField(required=False)
    conditions = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, max_length=20
    )


class PreviewIn(serializers.Serializer[Any]):
    record_type = serializers.CharField(max_length=40)
    record_id = serializers.IntegerField(min_value=1)
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=50_000)


class PreviewOut(serializers.Serializer[Any]):
    record = serializers.CharField()
    subject = serializers.CharField()
    body = serializers.CharField()
    problems = serializers.ListField(child=serializers.CharField())


class SendOut(serializers.ModelSerializer[LetterSend]):
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = LetterSend
        fields = [
            "id",
            "channel",
            "to",
            "message_id",
            "status",
            "status_label",
            "attempts",
            "last_error",
            "sent_at",
            "posted_on",
            "provider_status",
            "delivered_at",
        ]


class LetterOut(serializers.ModelSerializer[Letter]):
    template = serializers.CharField(source="template_version.template.key")
    template_version = serializers.IntegerField(source="template_version.number")
    handler = serializers.CharField(source="handler.username")
    issued_by = serializers.CharField(source="issued_by.username", default=None, allow_null=True)
    decided_by = serializers.CharField(source="decided_by.username", default=None, allow_null=True)
    problems = serializers.SerializerMethodField()
    sends = SendOut(many=True)

    class Meta:
        model = Letter
        fields = [
            "id",
            "record_type",
            "record_id",
            "record_label",
            "template",
            "template_version",
            "purpose",
            "status",
            "format",
            "translation_needed",
            "format_reasons",
            "recipient_name",
            "recipient_email",
            "recipient_address",
            "subject",
            "body",
            "handler",
            "approval_comment",
            "decided_by",
            "decided_at",
            "issued_by",
            "issued_at",
            "dated",
            "version",
            "problems",
            "sends",
        ]

    def get_problems(self, letter: Letter) -> list[str]:
        """What stops the letter being issued as it stands (Easy Read sentences, guidance left in)."""
        return [] if letter.is_issued else services.letter_problems(letter)


class DraftIn(serializers.Serializer[Any]):
    record_type = serializers.CharField(max_length=40)
    record_id = serializers.IntegerField(min_value=1)
    purpose = serializers.ChoiceField([("", ""), *LetterTemplate.Purpose.choices], required=False, default="")
    template = serializers.IntegerField(required=False, allow_null=True, default=None)


class EditIn(serializers.Serializer[Any]):
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=50_000)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class VersionIn(serializers.Serializer[Any]):
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class DecideIn(VersionIn):
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class SendIn(serializers.Serializer[Any]):
    channel = serializers.ChoiceField(LetterSend.Channel.choices)
    posted_on = ApiDateField(required=False, allow_null=True, default=None)
    to = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class RecordQuery(serializers.Serializer[Any]):
    record_type = serializers.CharField(max_length=40)
    record_id = serializers.IntegerField(min_value=1)


# ---------------------------------------------------------------- helpers
def _me(request: Request) -> User:
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
        user=_me(request),
        purpose=f"Letter {letter.pk}",
        path=request.path,
        action=action,
    )
    return letter


def _fresh(letter_id: int) -> dict[str, Any]:
    letter = selectors.letter_get(letter_id=letter_id)
    return dict(LetterOut(letter).data)


# ---------------------------------------------------------------- templates
class TemplateListApi(ListAPIView):
    """GET: letter and e-mail templates with their current version (advisor, manager, admin).
    POST: a new template (manager, admin); a placeholder that does not exist is a 400 naming `body`."""

    permission_classes = [roles_allowed(*TEMPLATE_READERS, write=TEMPLATE_WRITERS)]
    serializer_class = TemplateOut

    def get_queryset(self) -> QuerySet[LetterTemplate]:
        return selectors.letter_template_list(record_type=self.request.query_params.get("record_type", ""))

    @extend_schema(request=TemplateIn, responses={201: TemplateOut})
    @idempotent("letters.template.create")
    def post(self, request: Request) -> Response:
        data = TemplateIn(data=request.data)
        data.is_valid(raise_exception=True)
        template = services.letter_template_create(actor=_me(request), **data.validated_data)
        out = selectors.letter_template_list().get(pk=template.pk)
        return Response(TemplateOut(out).data, status=status.HTTP_201_CREATED)


class TemplateDetailApi(APIView):
    """GET: one template with every version. POST: save a new version (manager, admin)."""

    permission_classes = [roles_allowed(*TEMPLATE_READERS, write=TEMPLATE_WRITERS)]

    def _get(self, template_id: int) -> LetterTemplate:
        from django.http import Http404

        template = selectors.letter_template_get(template_id=template_id)
        if template is None:
            raise Http404("No such template.")
        return template

    @extend_schema(responses=TemplateDetailOut)
    def get(self, request: Request, template_id: int) -> Response:
        return Response(TemplateDetailOut(self._get(template_id)).data)

    @extend_schema(
        request=TemplateVersionIn,
        responses={201: TemplateDetailOut},
        operation_id="letters_templates_version_create",
    )
    @idempotent("letters.template.version")
    def post(self, request: Request, template_id: int) -> Response:
        self._get(template_id)
        data = TemplateVersionIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.letter_template_update(template_id=template_id, actor=_me(request), **data.validated_data)
        return Response(TemplateDetailOut(self._get(template_id)).data, status=status.HTTP_201_CREATED)


class TemplatePreviewApi(APIView):
    """POST: a template's text rendered against a real record (stores nothing; the record's view is
    logged). Problems (unknown placeholders, template code) are listed, not raised."""

    permission_classes = [roles_allowed(*LETTER_WRITERS)]

    @extend_schema(request=PreviewIn, responses=PreviewOut)
    def post(self, request: Request) -> Response:
        data = PreviewIn(data=request.data)
        data.is_valid(raise_exception=True)
        preview = services.letter_template_preview(
            user=_me(request), path=request.path, **data.validated_data
        )
        return Response(PreviewOut(preview).data)


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
            user=_me(request), path=request.path, purpose="Letters about the record", **query.validated_data
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
            actor=_me(request),
            purpose=d["purpose"],
            template_id=d["template"],
            path=request.path,
        )
        return Response(_fresh(letter.pk), status=status.HTTP_201_CREATED)


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
        services.letter_edit(letter_id=letter_id, actor=_me(request), **data.validated_data)
        return Response(_fresh(letter_id))


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
        d, me = data.validated_data, _me(request)
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
        return Response(_fresh(letter_id))


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
        send = services.letter_send(letter_id=letter_id, actor=_me(request), **data.validated_data)
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
        send = services.letter_send_retry(send_id=send_id, actor=_me(request))
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
