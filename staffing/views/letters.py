"""Letters (issue 22 parts 2-4): drafting a letter from a record, editing, approval, issue, the accessible
PDF and sending; approvals and a person's letter details. Thin views over staffing.services.letters, the
same services the API calls."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST

from config.access import roles_required
from config.csp import INLINE_STYLE_CSP
from config.exceptions import DomainError
from config.permissions import Role
from staffing import forms
from staffing.models import Letter, LetterSend, LetterTemplate
from staffing.permissions import LETTER_WRITERS
from staffing.rules import letters as rules
from staffing.selectors import letters as selectors
from staffing.services import letters as services
from staffing.services.letters.documents import letter_html, letter_pdf
from staffing.views.common import crumbs, form_error, user_of


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
            user=user_of(request),
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
                actor=user_of(request),
                purpose=form.cleaned_data["purpose"],
                path=request.path,
            )
        except DomainError as exc:
            form_error(form, exc)
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
            "breadcrumbs": crumbs((f"{kind.label} {facts.label}", kind.url(record)), ("New letter", None)),
        },
    )


def _letter(request: HttpRequest, letter_id: int, action: str = "letter") -> tuple[Letter, Any, Any, Any]:
    letter = selectors.letter_get(letter_id=letter_id)
    if letter is None:
        raise Http404("No such letter")
    record, kind, source, facts = services.letter_record_open(
        record_type=letter.record_type,
        record_id=letter.record_id,
        user=user_of(request),
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
    me = user_of(request)
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
        "breadcrumbs": crumbs((f"{kind.label} {letter.record_label}", kind.url(record)), ("Letter", None)),
    }
    return render(request, "staffing/letters/letter_detail.html", context)


@roles_required(*LETTER_WRITERS)
@require_POST
def letter_action(request: HttpRequest, letter_id: int, name: str) -> HttpResponse:
    """One action on a letter by its name: edit, submit, approve, return, issue, send, retry."""
    letter, _record, _kind, _facts = _letter(request, letter_id)
    me = user_of(request)
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
            form_error(form, exc)
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

    letters = list(LETTERS_TO_APPROVE.select(user_of(request)))  # the home page's count is of the same rows
    return render(
        request,
        "staffing/letters/approvals.html",
        {
            "letters": letters,
            "kinds": selectors.RECORD_TYPE_LABELS,
            "breadcrumbs": crumbs(("Letters to approve", None)),
        },
    )


@roles_required(*Role.ALL)
def my_details(request: HttpRequest) -> HttpResponse:
    me = user_of(request)
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
            form_error(form, exc)
        else:
            messages.success(request, "Your letter details are saved.")
            return redirect("staffing:letter-details")
    return render(
        request,
        "staffing/letters/my_details.html",
        {"form": form, "me": me, "breadcrumbs": crumbs(("My letter details", None))},
    )
