"""The recorder's recording-decision screen: enter the report, see the engine's decision, record it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from config.exceptions import DomainError
from recording import forms, rules
from recording.selectors import offence_catalogue
from recording.services import crimes
from recording.views.common import (
    attach_error,
    crime_staff,
    crumbs,
    request_user,
)

# ---------------------------------------------------------------- the recording decision screen


def _report_from(report_form: Any, victims: Any, allegations: Any) -> rules.Report:
    data = report_form.cleaned_data
    return rules.Report(
        reported_at=data["reported_at"],
        force=data["force"].strip().upper(),
        location_force=(data["location_force"] or "").strip().upper() or None,
        victims=tuple(
            rules.Victim(ref=f.cleaned_data["ref"], kind=f.cleaned_data["kind"])
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
                avi_no_crime=f.cleaned_data["avi_no_crime"],
                offenders=tuple(f.cleaned_data["offenders"]),
            )
            for f in allegations.forms
            if f.cleaned_data
        ),
    )


def _engine_error(exc: rules.ReportError, report_form: Any, victims: Any, allegations: Any) -> None:
    """Put the engine's complaint next to the field it names ("alleged.0.offence", "victims.1.ref")."""
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
    "alleged": {"ref": "A{n}", "incident": "I1", "believed": "on"},
    "offenders": {"ref": "O{n}"},
}


@crime_staff
def recording_decide(request: HttpRequest) -> HttpResponse:
    """Enter what a report alleges, see the engine's decision, then record all its crimes in one step."""
    decision: rules.Decision | None = None
    if request.method == "POST":
        data = request.POST.copy()
        action = data.get("action", "decide")
        for prefix, defaults in NEW_ROW_DEFAULTS.items():
            if action == f"add-{prefix}":
                index = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
                data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
                for name, value in defaults.items():
                    data[f"{prefix}-{index}-{name}"] = value.format(n=index + 1)
        report_form = forms.ReportForm(data)
        victims = forms.VictimFormSet(data, prefix="victims")
        allegations = forms.AllegationFormSet(data, prefix="alleged")
        offenders = forms.OffenderFormSet(data, prefix="offenders")
        if action.startswith("add-"):
            # Adding a row is not a submission: show what was typed, unvalidated, plus the new row.
            report_form = forms.ReportForm(initial={bf.name: bf.value() for bf in report_form})
            victims = forms.VictimFormSet(prefix="victims", initial=_typed_rows(victims))
            allegations = forms.AllegationFormSet(prefix="alleged", initial=_typed_rows(allegations))
            offenders = forms.OffenderFormSet(prefix="offenders", initial=_typed_rows(offenders))
            valid = False
        else:
            valid = all(
                [report_form.is_valid(), victims.is_valid(), allegations.is_valid(), offenders.is_valid()]
            )
        if valid and action in {"decide", "record"}:
            try:
                report = _report_from(report_form, victims, allegations)
                decision = rules.decide(report, offence_catalogue())
            except rules.ReportError as exc:
                _engine_error(exc, report_form, victims, allegations)
            else:
                if action == "record":
                    details = report_form.cleaned_data
                    try:
                        made = crimes.crime_create_from_decision(
                            actor=request_user(request),
                            report=report,
                            decision=decision,
                            victims={
                                f.cleaned_data["ref"]: crimes.VictimInput(
                                    ref=f.cleaned_data["ref"],
                                    kind=f.cleaned_data["kind"],
                                    name=f.cleaned_data["name"],
                                    date_of_birth=f.cleaned_data["date_of_birth"],
                                    contact=f.cleaned_data["contact"],
                                    vulnerable=f.cleaned_data["vulnerable"],
                                )
                                for f in victims.forms
                                if f.cleaned_data
                            },
                            offenders={
                                f.cleaned_data["ref"]: crimes.SuspectInput(
                                    ref=f.cleaned_data["ref"],
                                    name=f.cleaned_data["name"],
                                    identified=f.cleaned_data["identified"],
                                    description=f.cleaned_data["description"],
                                )
                                for f in offenders.forms
                                if f.cleaned_data
                            },
                            incident_reference=details["incident_reference"].strip(),
                            details=crimes.CrimeDetails(
                                summary=details["summary"],
                                location=details["location"],
                                grade=details["grade"],
                                domestic_abuse=details["domestic_abuse"],
                                hate_crime=details["hate_crime"],
                                safeguarding_referral=details["safeguarding_referral"],
                            ),
                        )
                    except DomainError as exc:
                        attach_error(report_form, exc)
                    else:
                        numbers = ", ".join(c.crime_number for c in made)
                        messages.success(request, f"Recorded {len(made)} crime(s): {numbers}.")
                        if len(made) == 1:
                            return redirect("recording:crime-detail", pk=made[0].pk)
                        return redirect(reverse("recording:crime-list") + "?mine=&q=&status=recorded")
    else:
        report_form = forms.ReportForm(initial={"force": settings.RESOLVE_FORCE_CODE})
        victims = forms.VictimFormSet(prefix="victims", initial=[{"ref": "V1", "kind": "person"}])
        allegations = forms.AllegationFormSet(
            prefix="alleged", initial=[{"ref": "A1", "victim": "V1", "incident": "I1", "believed": True}]
        )
        offenders = forms.OffenderFormSet(prefix="offenders")
    return render(
        request,
        "recording/decide.html",
        {
            "report_form": report_form,
            "victims": victims,
            "allegations": allegations,
            "offenders": offenders,
            "decision": decision,
            "breadcrumbs": crumbs(("Recording decision", None)),
        },
    )
