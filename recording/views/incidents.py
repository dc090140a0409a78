"""The incident page, opening an incident at first contact, and linking crimes to incidents."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from config.exceptions import DomainError
from config.permissions import Role
from config.registry import incident_sections_for
from recording import selectors
from recording.forms.incidents import CrimeIncidentForm, IncidentCrimeForm, IncidentOpenForm
from recording.models import Incident
from recording.services import incidents as incident_services
from recording.views.common import attach_error, crime_for_view, crime_staff, crumbs, request_user


def decide_url(incident: Incident) -> str:
    """The recording decision with this incident filled in."""
    return f"{reverse('recording:decide')}?{urlencode({'incident': incident.reference})}"


def _incident_page(
    request: HttpRequest,
    incident: Incident,
    *,
    link_form: Form | None = None,
    unlink_form: Form | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request_user(request)
    crimes = list(incident.crimes.all())
    history = selectors.incident_history(incident=incident)
    return render(
        request,
        "recording/incident_detail.html",
        {
            "incident": incident,
            "restricted": incident_services.incident_restricted_cached(incident),
            "crimes": crimes,
            "history": history,
            "code_changes": [row for row in history if row["code_changed"]],
            "sections": incident_sections_for(incident, user),
            "decide_url": decide_url(incident),
            "link_form": link_form or IncidentCrimeForm(auto_id="link_%s"),
            "unlink_form": unlink_form or IncidentCrimeForm(auto_id="unlink_%s"),
            "error_form": link_form or unlink_form,
            "may_link": user.role in Role.CRIME_STAFF,
            "breadcrumbs": crumbs(
                ("Incidents", reverse("recording:incident-list")), (incident.reference, None)
            ),
        },
        status=status,
    )


def _incident(request: HttpRequest, pk: int, purpose: str) -> Incident:
    return incident_services.incident_get_logged(
        user=request_user(request), pk=pk, request=request, purpose=purpose
    )


@crime_staff
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything about one incident: the log, its NSIR code and its changes, the crimes recorded from it
    and (from qa) its unrecorded-incident flags and dip-test samples. Need-to-know incidents: 404 for
    those who may not see them; every view logged."""
    return _incident_page(request, _incident(request, pk, "Incident page"))


@crime_staff
@require_POST
def incident_crime(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Link (`link`) or unlink (`unlink`) a crime on the incident page, with a reason."""
    if action not in {"link", "unlink"}:
        raise Http404("No such action.")
    incident = _incident(request, pk, f"Incident page: {action} a crime")
    form = IncidentCrimeForm(request.POST, auto_id=f"{action}_%s")
    if form.is_valid():
        service = (
            incident_services.incident_link_crime
            if action == "link"
            else incident_services.incident_unlink_crime
        )
        try:
            service(
                incident_id=incident.pk,
                crime_number=form.cleaned_data["crime_number"],
                actor=request_user(request),
                reason=form.cleaned_data["reason"],
            )
        except DomainError as exc:
            attach_error(form, exc)
        else:
            done = "linked to" if action == "link" else "unlinked from"
            messages.success(
                request, f"Crime {form.cleaned_data['crime_number']} {done} {incident.reference}."
            )
            return redirect("recording:incident-detail", pk=incident.pk)
    incident = selectors.incident_get(user=request_user(request), pk=incident.pk)
    bound: dict[str, Any] = {"link_form" if action == "link" else "unlink_form": form}
    return _incident_page(request, incident, status=400, **bound)


@crime_staff
@require_POST
def crime_incident(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Link or unlink an incident on the crime page (the same services as the incident page)."""
    if action not in {"link", "unlink"}:
        raise Http404("No such action.")
    crime = crime_for_view(request, pk, f"Crime page: {action} an incident")
    form = CrimeIncidentForm(request.POST)
    if form.is_valid():
        try:
            incident = selectors.incident_visible(user=request_user(request)).get(
                reference=form.cleaned_data["incident"].strip()
            )
        except Incident.DoesNotExist:
            form.add_error("incident", f"No incident {form.cleaned_data['incident'].strip()}.")
        else:
            service = (
                incident_services.incident_link_crime
                if action == "link"
                else incident_services.incident_unlink_crime
            )
            try:
                service(
                    incident_id=incident.pk,
                    crime_number=crime.crime_number,
                    actor=request_user(request),
                    reason=form.cleaned_data["reason"],
                )
            except DomainError as exc:
                attach_error(form, exc)
            else:
                done = "linked to" if action == "link" else "unlinked from"
                messages.success(request, f"Incident {incident.reference} {done} crime {crime.crime_number}.")
                return redirect("recording:crime-detail", pk=crime.pk)
    for error in [e for errors in form.errors.values() for e in errors]:
        messages.error(request, f"The incident was not {action}ed: {error}")
    return redirect("recording:crime-detail", pk=crime.pk)


@crime_staff
def incident_new(request: HttpRequest) -> HttpResponse:
    """Open an incident for a report taken in Resolve (no command-and-control feed, a front counter, an
    online report), then go straight on to the recording decision with its reference filled in."""
    form = IncidentOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            incident = incident_services.incident_open(
                actor=request_user(request),
                nsir_code=data["nsir_code"],
                summary=data["summary"],
                location=data["location"],
                grade=data["grade"],
                opened_at=data["opened_at"] or timezone.now(),
            )
        except DomainError as exc:
            attach_error(form, exc)
        else:
            messages.success(request, f"Incident {incident.reference} opened. Now decide what to record.")
            return redirect(decide_url(incident))
    return render(
        request,
        "recording/incident_new.html",
        {
            "form": form,
            "breadcrumbs": crumbs(
                ("Incidents", reverse("recording:incident-list")), ("Open an incident", None)
            ),
        },
        status=400 if request.method == "POST" else 200,
    )
