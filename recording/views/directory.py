"""The force directory and the incident log."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from config.permissions import Role
from recording import selectors
from recording.forms.directory import ForceForm
from recording.forms.incidents import nsir_choices
from recording.models import (
    Force,
)
from recording.services import transfers
from recording.views.common import (
    PAGE_SIZE,
    crime_staff,
    crumbs,
    form_page,
    request_user,
    supervisors,
)

# ---------------------------------------------------------------- force directory


@crime_staff
def force_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "recording/force_list.html",
        {
            "forces": selectors.force_list(),
            "is_supervisor": request_user(request).role in Role.SUPERVISORS,
            "breadcrumbs": crumbs(("Force directory", None)),
        },
    )


@supervisors
def force_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    force = get_object_or_404(Force, pk=pk) if pk else None
    initial = (
        {
            "code": force.code,
            "name": force.name,
            "transfer_email": force.transfer_email,
            "transfer_phone": force.transfer_phone,
            "notes": force.notes,
            "last_verified": force.last_verified,
        }
        if force
        else {}
    )

    def done(data: dict[str, Any]) -> HttpResponse:
        saved = transfers.force_save(actor=request_user(request), force=force, **data)
        messages.success(request, f"{saved} saved.")
        return redirect("recording:force-list")

    history = list(force.history.select_related("history_user")[:20]) if force else []
    return form_page(
        request,
        ForceForm(request.POST or None, initial=initial),
        title=f"Edit {force}" if force else "Add a force",
        breadcrumbs=crumbs(
            ("Force directory", reverse("recording:force-list")), ("Edit" if force else "Add", None)
        ),
        submit="Save",
        on_valid=done,
        context={"audit": history},
    )


# ---------------------------------------------------------------- incidents


@crime_staff
def incident_list(request: HttpRequest) -> HttpResponse:
    """The incident log the user may see (need-to-know incidents only for those who may), newest first;
    each reference opens the incident page."""
    filters = {k: request.GET.get(k, "") for k in ("q", "nsir_code", "unrecorded")}
    incidents = selectors.incident_list(user=request_user(request), filters=filters)
    page = Paginator(incidents, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "recording/incident_list.html",
        {
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "nsir_groups": nsir_choices()[1:],
            "breadcrumbs": crumbs(("Incidents", None)),
        },
    )
