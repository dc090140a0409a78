"""The recorder's recording-decision screen: enter the report, see the engine's decision, record it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from config.exceptions import DomainError
from config.inputs import MAX_ITEMS
from recording import rules, selectors
from recording.forms.decide import (
    AllegationFormSet,
    OffenderFormSet,
    ReportForm,
    VictimFormSet,
)
from recording.models import Incident
from recording.services import crimes, decisions
from recording.services import incidents as incident_services
from recording.views.common import (
    crime_staff,
    crumbs,
    request_user,
)
from staffing.services.idempotency import IdempotencyConflict, idempotency_run

# Every Record press of one decision form shares its key (contract Conventions: Idempotency-Key).
FORM_SCOPE = "recording.decision-form"

# ---------------------------------------------------------------- the recording decision screen


def _report_from(report_form: Any, victims: Any, allegations: Any, *, reported_at: datetime) -> rules.Report:
    data = report_form.cleaned_data
    return rules.Report(
        reported_at=reported_at,
        force=data["force"].strip().upper(),
        location_force=(data["location_force"] or "").strip().upper() or None,
        reporter=data["reporter"],
        victims=tuple(
            rules.Victim(
                ref=f.cleaned_data["ref"],
                kind=f.cleaned_data["kind"],
                age=f.cleaned_data["age"],
                vulnerable=f.cleaned_data["vulnerable"],
                unreachable=f.cleaned_data["unreachable"],
                supports_action=not f.cleaned_data["no_police_action"],
            )
            for f in victims.forms
            if f.cleaned_data
        ),
        alleged=tuple(
            rules.Allegation(
                ref=f.cleaned_data["ref"],
                victim=f.cleaned_data["victim"] or None,
                offence=f.cleaned_data["offence"].strip().upper(),
                incident=f.cleaned_data["incident"],
                believed=f.cleaned_data["believed"],
                victim_contacted=f.cleaned_data["victim_contacted"],
                avi_no_crime=f.cleaned_data["avi_no_crime"],
                offenders=tuple(f.cleaned_data["offenders"]),
            )
            for f in allegations.forms
            if f.cleaned_data
        ),
    )


def _place_error(exc: DomainError, report_form: Any, victims: Any, allegations: Any) -> None:
    """Put a complaint next to the field it names: a report field, or an engine path such as
    "alleged.0.offence" or "victims.1.ref"."""
    parts = (exc.field or "").split(".")
    formsets = {"alleged": allegations, "victims": victims}
    if len(parts) == 3 and parts[0] in formsets and parts[1].isdigit():
        forms_ = [f for f in formsets[parts[0]].forms if f.cleaned_data]
        index = int(parts[1])
        if index < len(forms_) and parts[2] in forms_[index].fields:
            forms_[index].add_error(parts[2], exc.message)
            return
    if parts[0] in report_form.fields:
        report_form.add_error(parts[0], exc.message)
    else:
        report_form.add_error(None, exc.message)


def _typed_rows(formset: Any) -> list[dict[str, Any]]:
    return [{bf.name: bf.value() for bf in form} for form in formset.forms]


# A row added with the "add row" buttons (no JavaScript) starts with sensible values.
NEW_ROW_DEFAULTS: dict[str, dict[str, str]] = {
    "victims": {"ref": "V{n}", "kind": "person"},
    "alleged": {"ref": "A{n}", "incident": "I1", "believed": "on", "victim_contacted": "on"},
    "offenders": {"ref": "O{n}"},
}


def _victim_inputs(victims: Any) -> dict[str, crimes.VictimInput]:
    return {
        f.cleaned_data["ref"]: crimes.VictimInput(
            ref=f.cleaned_data["ref"],
            kind=f.cleaned_data["kind"],
            name=f.cleaned_data["name"],
            date_of_birth=f.cleaned_data["date_of_birth"],
            age=f.cleaned_data["age"],
            contact=f.cleaned_data["contact"],
            vulnerable=f.cleaned_data["vulnerable"],
        )
        for f in victims.forms
        if f.cleaned_data
    }


def _offender_inputs(offenders: Any) -> dict[str, crimes.SuspectInput]:
    return {
        f.cleaned_data["ref"]: crimes.SuspectInput(
            ref=f.cleaned_data["ref"],
            name=f.cleaned_data["name"],
            identified=f.cleaned_data["identified"],
            description=f.cleaned_data["description"],
        )
        for f in offenders.forms
        if f.cleaned_data
    }


def _details(data: dict[str, Any]) -> crimes.CrimeDetails:
    return crimes.CrimeDetails(
        summary=data["summary"],
        location=data["location"],
        grade=data["grade"],
        domestic_abuse=data["domestic_abuse"],
        hate_crime=data["hate_crime"],
        safeguarding_referral=data["safeguarding_referral"],
    )


def _incident_for(request: HttpRequest, reference: str) -> Incident | None:
    """The incident the decision is recorded from, when the recorder may see it (a need-to-know one's
    view is logged as on its own page); otherwise None, and Decide names the reference as not found."""
    if not reference:
        return None
    try:
        return incident_services.incident_get_logged(
            user=request_user(request), pk=reference, request=request, purpose="Recording decision"
        )
    except Http404:
        return None


def _incident_facts(incident: Incident | None) -> dict[str, Any]:
    """What the decision form carries from the incident: the time the report first reached the force
    (its opening, R-NCRS-24H), what was reported, where, and its grade. Never retyped."""
    if incident is None:
        return {}
    return {
        "reported_at": timezone.localtime(incident.opened_at),
        "summary": incident.summary,
        "location": incident.location,
        "grade": incident.grade,
    }


def _candidate_rows(request: HttpRequest) -> list[dict[str, Any]]:
    """One allegation row per candidate offence (`?offence=8N&offence=58C`, as the hidden-crime queue
    links here), each against the first victim; none given, one empty row."""
    row = {"victim": "V1", "incident": "I1", "believed": True, "victim_contacted": True}
    codes = [c.strip().upper()[:20] for c in request.GET.getlist("offence") if c.strip()][:MAX_ITEMS]
    if not codes:
        return [{"ref": "A1", **row}]
    return [{"ref": f"A{n}", "offence": code, **row} for n, code in enumerate(codes, start=1)]


def recorded_url(answer: dict[str, Any]) -> str:
    """The confirmation page for what a Record made: its crimes, and a report saved awaiting the victim."""
    query = {"crime": answer["crimes"], "awaiting": [answer["awaiting"]] if answer.get("awaiting") else []}
    return reverse("recording:decision-recorded") + "?" + urlencode(query, doseq=True)


@crime_staff
def recording_decide(request: HttpRequest) -> HttpResponse:
    """Enter what a report alleges, see the engine's decision, then record all its crimes in one step.
    `?incident=<reference>` fills the incident in (the new-incident page sends recorders here)."""
    decision: rules.Decision | None = None
    if request.method == "POST":
        data = request.POST.copy()
        # "enter": Enter pressed in a text field (the form's first, hidden submit button) decides.
        action = data.get("action", "decide")
        action = "decide" if action == "enter" else action
        for prefix, defaults in NEW_ROW_DEFAULTS.items():
            if action == f"add-{prefix}":
                # The count comes back from the browser: anything but a small number starts afresh.
                raw = data.get(f"{prefix}-TOTAL_FORMS") or "0"
                index = min(int(raw), MAX_ITEMS) if raw.isdigit() else 0
                data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
                for name, value in defaults.items():
                    data[f"{prefix}-{index}-{name}"] = value.format(n=index + 1)
        report_form = ReportForm(data)
        victims = VictimFormSet(data, prefix="victims")
        allegations = AllegationFormSet(data, prefix="alleged")
        offenders = OffenderFormSet(data, prefix="offenders")
        if action.startswith("add-"):
            # Adding a row is not a submission: show what was typed, unvalidated, plus the new row.
            report_form = ReportForm(initial={bf.name: bf.value() for bf in report_form})
            victims = VictimFormSet(prefix="victims", initial=_typed_rows(victims))
            allegations = AllegationFormSet(prefix="alleged", initial=_typed_rows(allegations))
            offenders = OffenderFormSet(prefix="offenders", initial=_typed_rows(offenders))
            valid = False
        else:
            valid = all(
                [report_form.is_valid(), victims.is_valid(), allegations.is_valid(), offenders.is_valid()]
            )
        if valid and action in {"decide", "record"}:
            details = report_form.cleaned_data
            try:
                # The report time: the incident's opening unless changed with a reason (R-NCRS-24H).
                timed = decisions.decision_report_time(
                    actor=request_user(request),
                    incident_reference=details["incident_reference"],
                    reported_at=details["reported_at"],
                    reason=details["reported_at_reason"],
                )
                report = _report_from(report_form, victims, allegations, reported_at=timed.reported_at)
                # Decide checks what Record checks (the engine, the incident, the report time).
                decision = decisions.decision_check(
                    actor=request_user(request),
                    report=report,
                    incident_reference=details["incident_reference"],
                    reported_at_reason=details["reported_at_reason"],
                )
                if action == "record":
                    return _record(request, data, report_form, report, victims, offenders)
            except DomainError as exc:
                _place_error(exc, report_form, victims, allegations)
    else:
        reference = request.GET.get("incident", "").strip()[:40]
        incident = _incident_for(request, reference)
        report_form = ReportForm(
            initial={
                "force": settings.RESOLVE_FORCE_CODE,
                "incident_reference": reference,
                "idempotency_key": uuid.uuid4().hex,
                **_incident_facts(incident),
            }
        )
        victims = VictimFormSet(prefix="victims", initial=[{"ref": "V1", "kind": "person"}])
        allegations = AllegationFormSet(prefix="alleged", initial=_candidate_rows(request))
        offenders = OffenderFormSet(prefix="offenders")
    if request.method == "POST":
        incident = _incident_for(request, str(report_form["incident_reference"].value() or "").strip()[:40])
    options = selectors.offence_search()
    return render(
        request,
        "recording/decide.html",
        {
            "report_form": report_form,
            "victims": victims,
            "allegations": allegations,
            "offenders": offenders,
            "decision": decision,
            # The incident recorded from: its opening is the report time unless changed with a reason.
            "incident": incident,
            # Offences and forces are chosen by name: the lists the inputs suggest from (no JavaScript
            # needed; with it, the offence list narrows as the recorder types).
            "offence_options": options,
            # The decision names offences by code; the screen reads them by title.
            "offence_titles": {o.code: f"{o.title} ({o.code})" for o in options},
            "force_options": selectors.force_list(),
            "breadcrumbs": crumbs(("Recording decision", None)),
        },
    )


def _record(
    request: HttpRequest, data: Any, report_form: Any, report: rules.Report, victims: Any, offenders: Any
) -> HttpResponse:
    """Record once per form: the same form sent again (Back and resubmit, a double click) replays the
    first answer; the same form sent with other contents is refused (start a new decision)."""
    details = report_form.cleaned_data
    key = details["idempotency_key"] or uuid.uuid4().hex  # a form from before keys existed: record once

    def record() -> tuple[int, dict[str, Any]]:
        done = decisions.decision_record(
            actor=request_user(request),
            report=report,
            victims=_victim_inputs(victims),
            offenders=_offender_inputs(offenders),
            incident_reference=details["incident_reference"],
            details=_details(details),
            separate_crime=details["separate_crime"],
            separate_crime_reason=details["separate_crime_reason"],
            reported_at_reason=details["reported_at_reason"],
        )
        return 201, {
            "crimes": [c.pk for c in done.crimes],
            "awaiting": done.awaiting.pk if done.awaiting else None,
        }

    body = {k: v for k, v in data.lists() if k not in {"csrfmiddlewaretoken", "action"}}
    try:
        answer = idempotency_run(
            user=request_user(request), scope=FORM_SCOPE, key=key, body=body, create=record
        )
    except IdempotencyConflict:
        raise DomainError(
            "This decision form has already recorded crimes and was changed since: start a new recording "
            "decision for a different report.",
            field=None,
        ) from None
    if answer.replayed:
        messages.info(request, "This decision was already recorded: nothing new was recorded.")
    else:
        messages.success(request, f"Recorded {len(answer.body['crimes'])} crime(s).")
        if answer.body.get("awaiting"):
            messages.info(request, "Allegations awaiting the victim are saved in the sergeant's queue.")
    return redirect(recorded_url(answer.body))


@crime_staff
def recording_decision_recorded(request: HttpRequest) -> HttpResponse:
    """The confirmation after Record: every crime number made, restricted ones included, with links
    the recorder can open (they recorded them). Restricted crimes listed here are logged as viewed."""
    ids = [int(v) for v in request.GET.getlist("crime") if v.isdigit()][:100]
    made = selectors.crime_list_recorded(user=request_user(request), ids=ids)
    waiting = selectors.awaiting_victim_visible(user=request_user(request)).filter(
        pk__in=[int(v) for v in request.GET.getlist("awaiting") if v.isdigit()][:10]
    )
    crimes.crime_views_log(
        user=request_user(request),
        crimes=[c for c in made if c.restricted],
        purpose="Recording confirmation",
        path=request.path,
    )
    return render(
        request,
        "recording/decision_recorded.html",
        {
            "crimes": made,
            "awaiting": list(waiting),
            "breadcrumbs": crumbs(
                ("Recording decision", reverse("recording:decide")), ("Crimes recorded", None)
            ),
        },
    )


@crime_staff
def recording_offence_options(request: HttpRequest) -> HttpResponse:
    """htmx: the offence list narrowed to what was typed in an offence input (each allegation row's
    input has its own name, so the typed text is the one value sent)."""
    typed = next(iter(request.GET.dict().values()), "")[:120]
    return render(
        request,
        "recording/partials/_offence_options.html",
        {"offence_options": selectors.offence_search(typed, limit=50)},
    )
