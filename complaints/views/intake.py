"""Intake: logging a new case by hand."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from complaints import forms, services
from complaints.views.common import complaints_staff, crumbs, mark_errors, me
from config.exceptions import DomainError


# ---------------------------------------------------------------- intake
@complaints_staff
def case_create(request: HttpRequest) -> HttpResponse:
    form = forms.IntakeForm(request.POST or None, initial={"kind": request.GET.get("kind", "complaint")})
    if request.method == "POST" and form.is_valid():
        try:
            case = services.complaint_create(actor=me(request), **form.service_kwargs())
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, f"Case {case.reference} created.")
            return redirect("complaints:detail", pk=case.pk)
    mark_errors(form)
    return render(
        request,
        "complaints/case_form.html",
        {"form": form, "breadcrumbs": crumbs(("New case", None))},
        status=400 if form.errors else 200,
    )
