"""Helpers shared by the crime-recording pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from config.access import roles_required
from config.exceptions import DomainError
from config.permissions import Role
from recording.models import (
    Crime,
)
from recording.services import crimes
from staffing.access_audit import purpose_from
from staffing.models import User

PAGE_SIZE = 25


crime_staff = roles_required(*Role.CRIME_STAFF)
supervisors = roles_required(*Role.SUPERVISORS)


def request_user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def crime_for_view(request: HttpRequest, pk: int, purpose: str) -> Crime:
    return crimes.crime_open(
        user=request_user(request), pk=pk, purpose=purpose_from(request, purpose), path=request.path
    )


def attach_error(form: BaseForm, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return [{"label": "Home", "url": reverse("home")}, *({"label": a, "url": b} for a, b in items)]


def crime_crumbs(crime: Crime, label: str) -> list[dict[str, str | None]]:
    return crumbs(
        ("Crimes", reverse("recording:crime-list")),
        (crime.crime_number, reverse("recording:crime-detail", args=[crime.pk])),
        (label, None),
    )


def form_page(
    request: HttpRequest,
    form: BaseForm,
    *,
    title: str,
    breadcrumbs: list[dict[str, str | None]],
    submit: str,
    on_valid: Callable[[dict[str, Any]], HttpResponse],
    intro: str = "",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            return on_valid(form.cleaned_data)
        except DomainError as exc:
            attach_error(form, exc)
    return render(
        request,
        "recording/form_page.html",
        {
            "form": form,
            "title": title,
            "breadcrumbs": breadcrumbs,
            "submit": submit,
            "intro": intro,
            **(context or {}),
        },
    )


def back_to_crime(crime: Crime, message: str, request: HttpRequest) -> HttpResponse:
    messages.success(request, message)
    return redirect("recording:crime-detail", pk=crime.pk)
