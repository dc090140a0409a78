"""Letters pages (issue 22): templates managers keep (with a live preview against a real record),
drafting a letter from a record, editing, approval, issue, the accessible PDF and sending. Thin views
over staffing.services.letters, the same services the API calls."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST

from config.access import roles_required
from config.csp import INLINE_STYLE_CSP
from config.exceptions import DomainError
from config.permissions import Role
from staffing import letter_rules as rules
from staffing import letter_selectors as selectors
from staffing import letters_forms as forms
from staffing.letter_documents import letter_html, letter_pdf
from staffing.models import Letter, LetterSend, LetterTemplate, User
from staffing.services import letters as services

TEMPLATE_READERS = (Role.ADVISOR, Role.MANAGER, Role.ADMIN)
TEMPLATE_WRITERS = (Role.MANAGER, Role.ADMIN)
LETTER_WRITERS = (Role.INVESTIGATOR, Role.SERGEANT, Role.ADVISOR, Role.MANAGER, Role.ADMIN)


def _me(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _error(form: Any, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def _crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return [
        {"label": "Home", "url": reverse("home")},
        *({"label": label, "url": url} for label, url in items),
    ]


def _kind_help(record_type: str) -> dict[str, Any]:
    """The placeholders and states a record kind offers, for the template pages."""
    try:
        _, source = services.letter_kind(record_type)
    except DomainError:
        return {"placeholders": [], "states": []}
    return {"placeholders": source.all_placeholders(), "states": source.states}


# ---------------------------------------------------------------- templates
@roles_required(*TEMPLATE_READERS)
def template_list(request: HttpRequest) -> HttpResponse:
    templates = list(selectors.letter_template_list())
    return render(
        request,
        "staffing/letters/template_list.html",
        {
            "templates": templates,
            "may_edit": _me(request).role in TEMPLATE_WRITERS,
            "kinds": selectors.RECORD_TYPE_LABELS,
            "breadcrumbs": _crumbs(("Letter templates", None)),
        },
    )


@roles_required(*TEMPLATE_WRITERS)
def template_new(request: HttpRequest) -> HttpResponse:
    form = forms.TemplateCreateForm(
        request.POST or None, initial={"record_type": request.GET.get("record_type")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            template = services.letter_template_create(actor=_me(request), **form.cleaned_data)
        except DomainError as exc:
            _error(form, exc)
        else:
            messages.success(request, f"Template “{template.name}” saved as version 1.")
            return redirect("staffing:letter-template", template_id=template.pk)
    record_type = form.data.get("record_type") or form.initial.get("record_type") or "complaint_case"
    return render(
        request,
        "staffing/letters/template_new.html",
        {
            "form": form,
            **_kind_help(str(record_type)),
            "breadcrumbs": _crumbs(("Letter templates", reverse("staffing:letter-templates")), ("New", None)),
        },
    )


@roles_required(*TEMPLATE_READERS)
def template_detail(request: HttpRequest, template_id: int) -> HttpResponse:
    template = selectors.letter_template_get(template_id=template_id)
    if template is None:
        raise Http404("No such template")
    versions = list(template.versions.all())
    current = next(v for v in versions if v.number == template.version)
    may_edit = _me(request).role in TEMPLATE_WRITERS
    initial = {
        "subject": current.subject,
        "body": current.body,
        "version": template.version,
        "needs_approval": template.needs_approval,
        "active": template.active,
    }
    form = forms.TemplateEditForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not may_edit:
            raise Http404("No such page")
        if form.is_valid():
            try:
                services.letter_template_update(
                    template_id=template.pk, actor=_me(request), **form.cleaned_data
                )
            except DomainError as exc:
                _error(form, exc)
            else:
                messages.success(request, "Template saved as a new version.")
                return redirect("staffing:letter-template", template_id=template.pk)
    return render(
        request,
        "staffing/letters/template_detail.html",
        {
            "template": template,
            "current": current,
            "versions": versions,
            "form": form,
            "may_edit": may_edit,
            "preview_form": forms.PreviewForm(),
            "kind_label": selectors.RECORD_TYPE_LABELS.get(template.record_type, template.record_type),
            **_kind_help(template.record_type),
            "breadcrumbs": _crumbs(
                ("Letter templates", reverse("staffing:letter-templates")), (template.name, None)
            ),
        },
    )


@roles_required(*LETTER_WRITERS)
@require_POST
def template_preview(request: HttpRequest, template_id: int) -> HttpResponse:
    """The live preview (htmx): the text being edited, rendered against a real record."""
    template = LetterTemplate.objects.filter(pk=template_id).first()
    if template is None:
        raise Http404("No such template")
    form = forms.PreviewForm(request.POST)
    context: dict[str, Any] = {"form": form}
    if form.is_valid():
        try:
            context["preview"] = services.letter_template_preview(
                record_type=template.record_type,
                record_id=form.cleaned_data["record_id"],
                subject=form.cleaned_data["subject"] or "",
                body=form.cleaned_data["body"] or "",
                user=_me(request),
                path=request.path,
            )
        except (DomainError, Http404):
            context["missing"] = True
    return render(request, "staffing/letters/partials/_preview.html", context)


# ---------------------------------------------------------------- drafting
@roles_required(*LETTER_WRITERS)
def letter_new(request: HttpRequest) -> HttpResponse:
    """Choose the letter to draft about a record (?record_type=&record_id=)."""
    record_type = request.GET.get("record_type") or request.POST.get("record_type") or ""
    raw_id = request.GET.get("record_id") or request.POST.get("record_id") or ""
    if not raw_id.isdigit():
        raise Http404("No such record")
    try:
        record, kind, source, facts = services.letter_record_open(
            record_type=record_type,
            record_id=int(raw_id),
            user=_me(request),
            purpose="Drafting a letter",
            path=request.path,
        )
    except DomainError as exc:
        raise Http404("No such record") from exc
    purposes = [(p, LetterTemplate.Purpose(p).label) for p in source.purposes]
    form = forms.DraftForm(request.POST or None, purposes=purposes)
    if request.method == "POST" and form.is_valid():
        try:
            letter = services.letter_draft(
                record_type=record_type,
                record_id=int(raw_id),
                actor=_me(request),
                purpose=form.cleaned_data["purpose"],
                path=request.path,
            )
        except DomainError as exc:
            _error(form, exc)
        else:
            messages.success(
                request, f"{letter.get_purpose_display()} letter drafted: edit it, then issue it."
            )
            return redirect("staffing:letter", letter_id=letter.pk)
    need = rules.format_for(facts.adjustments)
    return render(
        request,
        "staffing/letters/letter_new.html",
        {
            "form": form,
            "record_type": record_type,
            "record_id": raw_id,
            "record_label": facts.label,
            "record_url": kind.url(record),
            "kind_label": kind.label,
            "format_label": rules.FORMAT_LABELS[need.format],
            "need": need,
            "clocks": [
                (LetterTemplate.Purpose(p).label, c) for p, c in facts.clocks.items() if p in source.purposes
            ],
            "breadcrumbs": _crumbs((f"{kind.label} {facts.label}", kind.url(record)), ("New letter", None)),
        },
    )


def _letter(request: HttpRequest, letter_id: int, action: str = "letter") -> tuple[Letter, Any, Any, Any]:
    letter = selectors.letter_get(letter_id=letter_id)
    if letter is None:
        raise Http404("No such letter")
    record, kind, source, facts = services.letter_record_open(
        record_type=letter.record_type,
        record_id=letter.record_id,
        user=_me(request),
        purpose=f"Letter {letter.pk}",
        path=request.path,
        action=action,
    )
    return letter, record, kind, facts


@roles_required(*LETTER_WRITERS)
def letter_detail(
    request: HttpRequest, letter_id: int, forms_in: dict[str, Any] | None = None
) -> HttpResponse:
    letter, record, kind, facts = _letter(request, letter_id)
    me = _me(request)
    needs_approval = letter.template_version.template.needs_approval
    editable = letter.status in (Letter.Status.DRAFT, Letter.Status.RETURNED)
    forms_in = forms_in or {}
    sends = list(letter.sends.all())
    active_send = next(
        (
            s
            for s in sends
            if s.status not in (LetterSend.Status.GAVE_UP, LetterSend.Status.PERMANENT_FAILURE)
        ),
        None,
    )
    context = {
        "letter": letter,
        "record_url": kind.url(record),
        "kind_label": kind.label,
        "template": letter.template_version.template,
        "needs_approval": needs_approval,
        "editable": editable,
        "problems": [] if letter.is_issued else services.letter_problems(letter),
        "clock": facts.clocks.get(letter.purpose),
        "format_label": dict(Letter.Format.choices)[letter.format],
        "edit_form": forms_in.get("edit")
        or forms.LetterEditForm(
            initial={"subject": letter.subject, "body": letter.body, "version": letter.version}
        ),
        "decide_form": forms_in.get("decide") or forms.DecideForm(initial={"version": letter.version}),
        "send_form": forms_in.get("send") or forms.SendForm(notify=services.notify_configured()),
        "may_submit": editable and needs_approval,
        "may_issue": (letter.status == Letter.Status.APPROVED) or (editable and not needs_approval),
        "may_decide": letter.status == Letter.Status.AWAITING_APPROVAL
        and me.role in services.APPROVERS
        and me.pk not in (letter.created_by_id, letter.handler_id),
        "may_send": letter.is_issued and active_send is None,
        "sends": sends,
        "breadcrumbs": _crumbs((f"{kind.label} {letter.record_label}", kind.url(record)), ("Letter", None)),
    }
    return render(request, "staffing/letters/letter_detail.html", context)


@roles_required(*LETTER_WRITERS)
@require_POST
def letter_action(request: HttpRequest, letter_id: int, name: str) -> HttpResponse:
    """One action on a letter by its name: edit, submit, approve, return, issue, send, retry."""
    letter, _record, _kind, _facts = _letter(request, letter_id)
    me = _me(request)
    form: Any
    key = {"approve": "decide", "return": "decide", "submit": "decide", "issue": "decide"}.get(name, name)
    if name == "edit":
        form = forms.LetterEditForm(request.POST)
    elif name in ("approve", "return", "submit", "issue"):
        form = forms.DecideForm(request.POST)
    elif name == "send":
        form = forms.SendForm(request.POST, notify=services.notify_configured())
    elif name == "retry":
        send = letter.sends.filter(pk=request.POST.get("send", "0") or 0).first()
        if send is None:
            raise Http404("No such send")
        try:
            services.letter_send_retry(send_id=send.pk, actor=me)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Sending again.")
        return redirect("staffing:letter", letter_id=letter.pk)
    else:
        raise Http404("No such action")
    if form.is_valid():
        d = form.cleaned_data
        try:
            if name == "edit":
                services.letter_edit(
                    letter_id=letter.pk, actor=me, subject=d["subject"], body=d["body"], version=d["version"]
                )
                done = "Letter saved."
            elif name == "submit":
                services.letter_submit(letter_id=letter.pk, actor=me, version=d["version"])
                done = "Sent to a manager for approval."
            elif name in ("approve", "return"):
                services.letter_decide(
                    letter_id=letter.pk,
                    actor=me,
                    approve=name == "approve",
                    comment=d["comment"],
                    version=d["version"],
                )
                done = "Letter approved." if name == "approve" else "Letter returned with your comment."
            elif name == "issue":
                services.letter_issue(letter_id=letter.pk, actor=me, version=d["version"])
                done = "Letter issued: its text is now fixed. Send it below."
            else:
                send = services.letter_send(
                    letter_id=letter.pk, actor=me, channel=d["channel"], posted_on=d["posted_on"], to=d["to"]
                )
                done = (
                    f"Recorded as posted by hand on {rules.long_date(send.posted_on)}."
                    if send.channel == LetterSend.Channel.POST_BY_HAND
                    else "Sending: the status below shows when it has gone."
                )
        except DomainError as exc:
            _error(form, exc)
        else:
            messages.success(request, done)
            return redirect("staffing:letter", letter_id=letter.pk)
    return letter_detail(request, letter.pk, forms_in={key: form})


@roles_required(*LETTER_WRITERS)
@csp_override(INLINE_STYLE_CSP)  # the letter carries its own stylesheet (the same HTML makes the PDF)
def letter_document(request: HttpRequest, letter_id: int) -> HttpResponse:
    """The letter as the person will read it: the issued text, or the draft as it stands."""
    letter, *_ = _letter(request, letter_id)
    return HttpResponse(letter.issued_html if letter.is_issued else letter_html(letter, dated=_today()))


@roles_required(*LETTER_WRITERS)
def letter_pdf_view(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter, *_ = _letter(request, letter_id, action="download")
    html = letter.issued_html if letter.is_issued else letter_html(letter, dated=_today())
    response = HttpResponse(letter_pdf(html), content_type="application/pdf")
    name = f"{letter.record_label}-{letter.purpose}".replace("/", "-").replace(" ", "-")
    response["Content-Disposition"] = (
        f'attachment; filename="{name}{"" if letter.is_issued else "-draft"}.pdf"'
    )
    return response


def _today() -> Any:
    from django.utils import timezone

    return timezone.localdate()


# ---------------------------------------------------------------- approvals and my details
@roles_required(Role.MANAGER, Role.ADMIN)
def approvals(request: HttpRequest) -> HttpResponse:
    from staffing.queues import LETTERS_TO_APPROVE

    letters = list(LETTERS_TO_APPROVE.select(_me(request)))  # the home page's count is of the same rows
    return render(
        request,
        "staffing/letters/approvals.html",
        {
            "letters": letters,
            "kinds": selectors.RECORD_TYPE_LABELS,
            "breadcrumbs": _crumbs(("Letters to approve", None)),
        },
    )


@roles_required(*Role.ALL)
def my_details(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    form = forms.LetterDetailsForm(
        request.POST or None,
        request.FILES or None,
        initial={"direct_phone": me.direct_phone, "direct_email": me.direct_email},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.user_letter_details_update(
                user=me,
                actor=me,
                direct_phone=d["direct_phone"],
                direct_email=d["direct_email"],
                signature=d["signature"],
                remove_signature=d["remove_signature"],
            )
        except DomainError as exc:
            _error(form, exc)
        else:
            messages.success(request, "Your letter details are saved.")
            return redirect("staffing:letter-details")
    return render(
        request,
        "staffing/letters/my_details.html",
        {"form": form, "me": me, "breadcrumbs": _crumbs(("My letter details", None))},
    )
