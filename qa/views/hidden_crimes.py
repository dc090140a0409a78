"""Possible hidden crimes (issue 21): a flag's page (the narrative with its evidence highlighted and what
was discounted struck through, the candidate offences, and the sergeant's three actions) and the
managers' page of how each pattern is doing. The queue itself is qa.queues.HIDDEN_CRIMES on the shared
queue page. Views are thin: every action calls qa.services.hidden_crimes, as the API does."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from config.access import roles_required
from config.permissions import Role
from qa import forms, selectors
from qa.models import HiddenCrimeFlag
from qa.queues import HIDDEN_CRIMES
from qa.services import hidden_crimes as services
from qa.views.common import actor_of, apply_form, crumbs, supervisors
from staffing.services.access import open_logged

ACTIONS = ("record", "refer", "dismiss")
managers = roles_required(Role.MANAGER, Role.ADMIN)


@supervisors
def hidden_crime_detail(request: HttpRequest, pk: int, action: str = "") -> HttpResponse:
    # A narrative disclosing a sexual offence is need-to-know: every view of its flag is logged (the one
    # "open a record and log the access" function).
    flag = open_logged(
        user=actor_of(request),
        find=lambda: get_object_or_404(selectors.hidden_crime_flags(status=None), pk=pk),
        record_type="qa.HiddenCrimeFlag",
        label=lambda f: f.incident.reference,
        purpose="Possible hidden crime: a sexual offence disclosed in the narrative",
        path=request.path,
        logged=lambda f: f.risk == HiddenCrimeFlag.Risk.SEXUAL,
    )
    data = request.POST if request.method == "POST" else None
    record = forms.HiddenCrimeRecordForm(data if action == "record" else None)
    refer = forms.HiddenCrimeReferForm(data if action == "refer" else None)
    dismiss = forms.HiddenCrimeDismissForm(data if action == "dismiss" else None)
    status = 200
    if request.method == "POST":
        actor = actor_of(request)
        done = False
        if action == "record":
            done = apply_form(
                record,
                lambda: services.hidden_crime_record(
                    flag_id=flag.pk,
                    crime_number=record.cleaned_data["crime_number"],
                    reason=record.cleaned_data["record_reason"],
                    actor=actor,
                ),
            )
        elif action == "refer":
            done = apply_form(
                refer,
                lambda: services.hidden_crime_refer(
                    flag_id=flag.pk,
                    reference=refer.cleaned_data["reference"],
                    detail=refer.cleaned_data["refer_detail"],
                    actor=actor,
                ),
            )
        elif action == "dismiss":
            done = apply_form(
                dismiss,
                lambda: services.hidden_crime_dismiss(
                    flag_id=flag.pk,
                    reason=dismiss.cleaned_data["reason"],
                    detail=dismiss.cleaned_data["detail"],
                    actor=actor,
                ),
            )
        if done:
            flag.refresh_from_db()
            messages.success(request, f"{flag.incident.reference}: {flag.get_status_display().lower()}.")
            return redirect("qa:hidden-crime-detail", pk=flag.pk)
        status = 400
    return render(
        request,
        "qa/hidden_crime_detail.html",
        {
            "view": selectors.hidden_crime_view(flag),
            "flag": flag,
            "forms": {"record": record, "refer": refer, "dismiss": dismiss},
            "breadcrumbs": crumbs(
                ("Home", reverse("home")),
                ("Possible hidden crimes", HIDDEN_CRIMES.url),
                (flag.incident.reference, None),
            ),
        },
        status=status,
    )


@managers
def hidden_crime_patterns(request: HttpRequest) -> HttpResponse:
    stats = selectors.hidden_crime_pattern_stats()
    return render(
        request,
        "qa/hidden_crime_patterns.html",
        {
            "stats": stats,
            "review": [s for s in stats if s.for_review],
            "review_uses": selectors.PATTERN_REVIEW_USES,
            "review_precision": selectors.PATTERN_REVIEW_PRECISION,
            "breadcrumbs": crumbs(("Home", reverse("home")), ("Hidden-crime patterns", None)),
        },
    )
