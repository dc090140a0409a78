"""The public complaint form (issue 23 part 1) and the two staff pages it brings: unmasking an anonymous
complainant's details (logged) and recording an agent's written authority.

`/complain/` needs no sign-in (SECURITY.md "Public URLs"): it works without JavaScript, refuses a
burst from one address (429 saying when to try again), drops a filled honeypot silently, bounds every
field and keeps Django's CSRF check."""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from complaints import forms, services
from complaints.models import Complainant
from complaints.views.common import me
from config.access import public, roles_required
from config.exceptions import DomainError
from config.permissions import Role
from config.tasks import enqueue
from staffing.access_audit import purpose_from


def _client_address(request: HttpRequest) -> str:
    """The address the request came from as the server saw it (the proxy in front sets REMOTE_ADDR; a
    client-supplied X-Forwarded-For is never trusted here, or a bot could pick a fresh one each time)."""
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def throttle_wait(address: str) -> int | None:
    """Seconds until `address` may submit again, or None when it may now. An address may make
    PUBLIC_FORM_LIMIT submissions in a window of PUBLIC_FORM_WINDOW_SECONDS that opens at its first
    one (not at a clock boundary, where a burst split across two windows would get twice the limit);
    the count lives in the shared cache (Redis in production), so every worker process counts the same
    burst, and incr keeps two submissions at once from reading the same count."""
    window = int(settings.PUBLIC_FORM_WINDOW_SECONDS)
    now = time.time()
    key = f"complain:{address}"
    if cache.add(f"{key}:opened", now, timeout=window):
        cache.set(key, 0, timeout=window)  # a new window: the last one's count has gone or is stale
    try:
        count = cache.incr(key)
    except ValueError:  # the count expired between the check and incr: this is a new window's first
        cache.set(key, 1, timeout=window)
        count = 1
    if count <= int(settings.PUBLIC_FORM_LIMIT):
        return None
    opened = cache.get(f"{key}:opened", now)
    return max(1, int(opened + window - now))


def _refused(request: HttpRequest, wait: int) -> HttpResponse:
    again = timezone.localtime(timezone.now() + dt.timedelta(seconds=wait))
    response = render(
        request,
        "complaints/public/throttled.html",
        {"again": again, "minutes": (wait + 59) // 60},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


@public
@require_http_methods(["GET", "POST"])
def complain(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: a new intake case, its reference on screen (and by e-mail when asked)."""
    if request.method == "GET":
        return render(request, "complaints/public/form.html", {"form": forms.PublicComplaintForm()})
    wait = throttle_wait(_client_address(request))
    if wait is not None:
        return _refused(request, wait)
    form = forms.PublicComplaintForm(request.POST)
    if form.is_bot():
        # A filled honeypot: answer as if it worked (a bot learns nothing), store nothing.
        return render(request, "complaints/public/sent.html", {"reference": None}, status=200)
    if form.is_valid():
        try:
            case = services.public_complaint_submit(submission=form.submission())
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            if form.cleaned_data.get("copy_by_email"):
                from complaints.tasks import public_copy_send_task

                enqueue(public_copy_send_task, case.complainants.get().pk)
            return render(
                request,
                "complaints/public/sent.html",
                {
                    "reference": case.reference,
                    "case": case,
                    "emailed": form.cleaned_data.get("copy_by_email"),
                },
            )
    return render(request, "complaints/public/form.html", {"form": form}, status=400)


@roles_required(*Role.COMPLAINTS)
@require_http_methods(["GET", "POST"])
def complainant_unmask(request: HttpRequest, pk: int, complainant_id: int) -> HttpResponse:
    """GET: asks why. POST: the anonymous complainant's details on this page only, the unmasking logged."""
    case = services.case_open(
        user=me(request), pk=pk, purpose=purpose_from(request, "Complaint handling"), path=request.path
    )
    complainant = Complainant.objects.filter(case=case, pk=complainant_id, anonymous=True).first()
    form = forms.UnmaskForm(request.POST or None)
    details = None
    if complainant is not None and request.method == "POST" and form.is_valid():
        try:
            details = services.complainant_unmask(
                user=me(request),
                complainant_id=complainant.pk,
                reason=form.cleaned_data["reason"],
                path=request.path,
            )
        except DomainError as exc:
            form.add_error("reason", exc.message)
    status = 400 if request.method == "POST" and details is None else 200
    return render(
        request,
        "complaints/public/unmask.html",
        {"case": case, "complainant": complainant, "form": form, "details": details},
        status=404 if complainant is None else status,
    )


@roles_required(*Role.COMPLAINTS)
@require_POST
def authority_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the written authority an agent's complaint waits for; the case page again."""
    case = services.case_open(
        user=me(request), pk=pk, purpose=purpose_from(request, "Complaint handling"), path=request.path
    )
    form = forms.AuthorityForm(request.POST)
    error = "Say what written authority was received."
    if form.is_valid():
        try:
            services.complaint_authority_record(
                case_id=case.pk,
                actor=me(request),
                complainant_id=form.cleaned_data["complainant"],
                evidence=form.cleaned_data["evidence"],
                version=form.cleaned_data.get("version"),
            )
        except DomainError as exc:
            error = exc.message
        else:
            from django.contrib import messages

            messages.success(request, "Written authority recorded: handling may proceed.")
            return redirect(reverse("complaints:detail", args=[case.pk]))
    return render(
        request, "complaints/public/authority_refused.html", {"case": case, "error": error}, status=400
    )
