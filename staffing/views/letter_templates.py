"""Letter templates managers keep (issue 22 part 1), with a live preview against a real record."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from config.access import roles_required
from config.exceptions import DomainError
from staffing import forms
from staffing.models import LetterTemplate
from staffing.permissions import LETTER_WRITERS, TEMPLATE_READERS, TEMPLATE_WRITERS
from staffing.selectors import letters as selectors
from staffing.services import letters as services
from staffing.views.common import crumbs, form_error, user_of


def _kind_help(record_type: str) -> dict[str, Any]:
    """The placeholders and states a record kind offers, for the template pages."""
    try:
        _, source = services.letter_kind(record_type)
    except DomainError:
        return {"placeholders": [], "states": []}
    return {"placeholders": source.all_placeholders(), "states": source.states}


@roles_required(*TEMPLATE_READERS)
def template_list(request: HttpRequest) -> HttpResponse:
    templates = list(selectors.letter_template_list())
    return render(
        request,
        "staffing/letters/template_list.html",
        {
            "templates": templates,
            "may_edit": user_of(request).role in TEMPLATE_WRITERS,
            "kinds": selectors.RECORD_TYPE_LABELS,
            "breadcrumbs": crumbs(("Letter templates", None)),
        },
    )


@roles_required(*TEMPLATE_WRITERS)
def template_new(request: HttpRequest) -> HttpResponse:
    form = forms.TemplateCreateForm(
        request.POST or None, initial={"record_type": request.GET.get("record_type")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            template = services.letter_template_create(actor=user_of(request), **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
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
            "breadcrumbs": crumbs(("Letter templates", reverse("staffing:letter-templates")), ("New", None)),
        },
    )


@roles_required(*TEMPLATE_READERS)
def template_detail(request: HttpRequest, template_id: int) -> HttpResponse:
    template = selectors.letter_template_get(template_id=template_id)
    if template is None:
        raise Http404("No such template")
    versions = list(template.versions.all())
    current = next(v for v in versions if v.number == template.version)
    may_edit = user_of(request).role in TEMPLATE_WRITERS
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
                    template_id=template.pk, actor=user_of(request), **form.cleaned_data
                )
            except DomainError as exc:
                form_error(form, exc)
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
            "breadcrumbs": crumbs(
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
                user=user_of(request),
                path=request.path,
            )
        except (DomainError, Http404):
            context["missing"] = True
    return render(request, "staffing/letters/partials/_preview.html", context)
