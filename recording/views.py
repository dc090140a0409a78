"""Crime-recording pages (thin: forms in, services do the work, selectors read)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from config.access import roles_required
from config.exceptions import DomainError
from config.permissions import Role
from recording import forms, rules, selectors
from recording.decision_selectors import offence_catalogue
from recording.models import (
    CancellationRequest,
    ClassificationChange,
    Crime,
    CrimeTransfer,
    Enquiry,
    Force,
    Offence,
)
from recording.permissions import is_ddm
from recording.services import casework, crimes
from staffing.models import User
from staffing.services import access_log_record

PAGE_SIZE = 25


crime_staff = roles_required(*Role.CRIME_STAFF)
supervisors = roles_required(*Role.SUPERVISORS)


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _crime(request: HttpRequest, pk: int, purpose: str) -> Crime:
    crime = selectors.crime_get(user=_user(request), pk=pk)
    if crime.restricted:
        access_log_record(
            user=_user(request),
            record_type="recording.crime",
            record_id=crime.pk,
            label=crime.crime_number,
            purpose=purpose,
            path=request.path,
        )
    return crime


def _attach(form: BaseForm, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return [{"label": "Home", "url": reverse("home")}, *({"label": a, "url": b} for a, b in items)]


def _crime_crumbs(crime: Crime, label: str) -> list[dict[str, str | None]]:
    return _crumbs(
        ("Crimes", reverse("recording:crime-list")),
        (crime.crime_number, reverse("recording:crime-detail", args=[crime.pk])),
        (label, None),
    )


def _form_page(
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
            _attach(form, exc)
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


@crime_staff
def offence_list(request: HttpRequest) -> HttpResponse:
    """The HO offence classifications, searchable by code, title or category (recorders look codes up)."""
    q = request.GET.get("q", "").strip()
    offences = Offence.objects.all()
    if q:
        offences = offences.filter(Q(code__iexact=q) | Q(title__icontains=q) | Q(category__icontains=q))
    return render(request, "recording/offence_list.html", {"offences": offences, "q": q})


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


@crime_staff
def recording_decide(request: HttpRequest) -> HttpResponse:
    """Enter what a report alleges, see the engine's decision, then record all its crimes in one step."""
    decision: rules.Decision | None = None
    if request.method == "POST":
        data = request.POST.copy()
        action = data.get("action", "decide")
        for prefix in ("victims", "alleged", "offenders"):
            if action == f"add-{prefix}":
                data[f"{prefix}-TOTAL_FORMS"] = str(int(data.get(f"{prefix}-TOTAL_FORMS") or 0) + 1)
        report_form = forms.ReportForm(data)
        victims = forms.VictimFormSet(data, prefix="victims")
        allegations = forms.AllegationFormSet(data, prefix="alleged")
        offenders = forms.OffenderFormSet(data, prefix="offenders")
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
                            actor=_user(request),
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
                        _attach(report_form, exc)
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
            "breadcrumbs": _crumbs(("Recording decision", None)),
        },
    )


# ---------------------------------------------------------------- crimes


@crime_staff
def crime_list(request: HttpRequest) -> HttpResponse:
    form = forms.CrimeFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(selectors.crime_list(user=_user(request), filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "recording/crime_list.html",
        {"form": form, "page": page, "query": query.urlencode(), "breadcrumbs": _crumbs(("Crimes", None))},
    )


@crime_staff
def crime_detail(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Crime detail page")
    user = _user(request)
    return render(
        request,
        "recording/crime_detail.html",
        {
            "crime": crime,
            "history": selectors.crime_history(crime=crime),
            "is_supervisor": user.role in Role.SUPERVISORS,
            "breadcrumbs": _crumbs(("Crimes", reverse("recording:crime-list")), (crime.crime_number, None)),
        },
    )


def _back(crime: Crime, message: str, request: HttpRequest) -> HttpResponse:
    messages.success(request, message)
    return redirect("recording:crime-detail", pk=crime.pk)


@crime_staff
def crime_reclassify(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Reclassification")

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.reclassification_propose(
            crime=crime,
            actor=_user(request),
            offence_code=data["offence"].strip().upper(),
            reason=data["reason"],
        )
        return _back(crime, "Reclassification proposed; a sergeant will approve or reject it.", request)

    return _form_page(
        request,
        forms.ReclassifyForm(request.POST or None),
        title=f"Propose a reclassification of {crime.crime_number}",
        intro=(
            f"Now {crime.offence}. The crime keeps counting under its current class until a sergeant "
            "approves (R-RECLASSIFY)."
        ),
        breadcrumbs=_crime_crumbs(crime, "Reclassify"),
        submit="Propose reclassification",
        on_valid=done,
    )


@crime_staff
def crime_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Cancellation request")

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.cancellation_request(
            crime=crime,
            actor=_user(request),
            criterion_code=data["criterion"].code,
            evidence=data["evidence"],
            avi=data["avi"],
            duplicate_of=data["duplicate_of"],
        )
        return _back(crime, "Cancellation requested; a designated decision maker will decide it.", request)

    return _form_page(
        request,
        forms.CancellationForm(request.POST or None),
        title=f"Ask to cancel {crime.crime_number}",
        intro="A recorded crime stays recorded unless a HOCR Section C criterion applies (R-CANCEL-*).",
        breadcrumbs=_crime_crumbs(crime, "Cancel"),
        submit="Request cancellation",
        on_valid=done,
    )


@crime_staff
def crime_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Transfer request")

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.transfer_out_request(
            crime=crime, actor=_user(request), force_code=data["force"], reason=data["reason"]
        )
        return _back(crime, "Transfer opened; record the other force's answer when it comes.", request)

    return _form_page(
        request,
        forms.TransferOutForm(request.POST or None),
        title=f"Transfer {crime.crime_number} to another force",
        intro=(
            "A crime belongs to the force in whose area it happened (R-LOCATION). On acceptance it is "
            "cancelled under C1."
        ),
        breadcrumbs=_crime_crumbs(crime, "Transfer"),
        submit="Open transfer",
        on_valid=done,
        context={"forces": selectors.force_list()},
    )


@roles_required(Role.INVESTIGATOR, *Role.SUPERVISORS)
def crime_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Outcome")

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.crime_finalise(
            crime=crime, actor=_user(request), outcome_code=data["outcome"].code, reason=data["reason"]
        )
        return _back(crime, f"Finalised with outcome {data['outcome'].code}.", request)

    return _form_page(
        request,
        forms.OutcomeForm(request.POST or None),
        title=f"Finalise {crime.crime_number} with an outcome",
        intro=(
            "Charge, caution and similar outcomes need an identified suspect; outcomes 8, 14, 15 and 16 "
            "need the victim's view recorded (R-OUTCOME-SUSPECT, R-OUTCOME-VICTIM-VIEW)."
        ),
        breadcrumbs=_crime_crumbs(crime, "Outcome"),
        submit="Finalise",
        on_valid=done,
    )


@crime_staff
def crime_assess(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Assessment")
    initial = {
        "grade": crime.grade,
        "thrive_notes": crime.thrive_notes,
        "vulnerable_victim": crime.vulnerable_victim,
        "domestic_abuse": crime.domestic_abuse,
        "hate_crime": crime.hate_crime,
        "safeguarding_referral": crime.safeguarding_referral,
        "safeguarding_notes": crime.safeguarding_notes,
        "solvability": crime.solvability,
        "solvability_factors": ", ".join(crime.solvability_factors),
        "solvability_reason": crime.solvability_reason,
        "victim_view": crime.victim_view,
        "victim_view_evidence": crime.victim_view_evidence,
    }

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.crime_update_assessment(crime=crime, actor=_user(request), **data)
        return _back(crime, "Assessment saved.", request)

    return _form_page(
        request,
        forms.AssessmentForm(request.POST or None, initial=initial),
        title=f"THRIVE, vulnerability, solvability and victim's view: {crime.crime_number}",
        breadcrumbs=_crime_crumbs(crime, "Assessment"),
        submit="Save assessment",
        on_valid=done,
    )


@crime_staff
def crime_add_suspect(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Add suspect")

    def done(data: dict[str, Any]) -> HttpResponse:
        crimes.crime_suspect_add(
            crime=crime,
            actor=_user(request),
            suspect=crimes.SuspectInput(
                name=data["name"], identified=data["identified"], description=data["description"]
            ),
            reason=data["reason"],
        )
        return _back(crime, "Suspect added.", request)

    return _form_page(
        request,
        forms.SuspectForm(request.POST or None),
        title=f"Add a suspect to {crime.crime_number}",
        breadcrumbs=_crime_crumbs(crime, "Add suspect"),
        submit="Add suspect",
        on_valid=done,
    )


@crime_staff
def crime_add_victim(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Add victim")

    def done(data: dict[str, Any]) -> HttpResponse:
        crimes.crime_victim_add(
            crime=crime,
            actor=_user(request),
            victim=crimes.VictimInput(
                kind=data["kind"],
                name=data["name"],
                date_of_birth=data["date_of_birth"],
                contact=data["contact"],
                vulnerable=data["vulnerable"],
            ),
            reason=data["reason"],
        )
        return _back(crime, "Victim added.", request)

    return _form_page(
        request,
        forms.VictimForm(request.POST or None),
        title=f"Add a victim to {crime.crime_number}",
        breadcrumbs=_crime_crumbs(crime, "Add victim"),
        submit="Add victim",
        on_valid=done,
    )


@crime_staff
def crime_victim_update(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Victim update")

    def done(data: dict[str, Any]) -> HttpResponse:
        update = casework.victim_update_record(
            crime=crime,
            actor=_user(request),
            victim=data["victim"],
            contacted_at=data["contacted_at"],
            method=data["method"],
            summary=data["summary"],
        )
        return _back(crime, f"Contact logged; next update due {update.next_due:%d %b %Y}.", request)

    return _form_page(
        request,
        forms.VictimUpdateForm(request.POST or None, crime=crime),
        title=f"Log a victim update on {crime.crime_number}",
        intro=(
            "Victims' Code cadence here: first update within 5 days of recording, "
            "then at least every 28 days."
        ),
        breadcrumbs=_crime_crumbs(crime, "Victim update"),
        submit="Log update",
        on_valid=done,
    )


@crime_staff
def crime_enquiry(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Enquiry")

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.enquiry_create(
            crime=crime,
            actor=_user(request),
            kind=data["kind"],
            details=data["details"],
            assigned_to=data["assigned_to"],
            due_at=data["due_at"],
        )
        return _back(crime, "Fast-track enquiry raised.", request)

    return _form_page(
        request,
        forms.EnquiryForm(request.POST or None),
        title=f"Raise a fast-track enquiry on {crime.crime_number}",
        breadcrumbs=_crime_crumbs(crime, "Enquiry"),
        submit="Raise enquiry",
        on_valid=done,
    )


@crime_staff
def enquiry_update(request: HttpRequest, pk: int) -> HttpResponse:
    enquiry = get_object_or_404(Enquiry, pk=pk)
    crime = _crime(request, enquiry.crime_id, "Enquiry update")

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.enquiry_update(
            enquiry=enquiry, actor=_user(request), status=data["status"], result=data["result"]
        )
        return _back(crime, "Enquiry updated.", request)

    return _form_page(
        request,
        forms.EnquiryUpdateForm(
            request.POST or None, initial={"status": enquiry.status, "result": enquiry.result}
        ),
        title=f"{enquiry.get_kind_display()} enquiry on {crime.crime_number}",
        breadcrumbs=_crime_crumbs(crime, "Enquiry"),
        submit="Save",
        on_valid=done,
    )


@crime_staff
def crime_appointment(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Appointment")

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.appointment_book(crime=crime, actor=_user(request), **data)
        return _back(crime, "Appointment booked.", request)

    return _form_page(
        request,
        forms.AppointmentForm(request.POST or None, crime=crime),
        title=f"Book an appointment for {crime.crime_number}",
        breadcrumbs=_crime_crumbs(crime, "Appointment"),
        submit="Book",
        on_valid=done,
    )


@crime_staff
def crime_status(request: HttpRequest, pk: int) -> HttpResponse:
    crime = _crime(request, pk, "Status change")
    user = _user(request)

    def done(data: dict[str, Any]) -> HttpResponse:
        if data["owner"] is not None:
            if user.role not in Role.SUPERVISORS:
                raise DomainError("Only a sergeant, manager or admin allocates crimes.", field="owner")
            casework.crime_allocate(
                crime=crime, actor=user, owner=data["owner"], team=None, reason=data["reason"]
            )
            crime.refresh_from_db()
        if data["status"] != crime.status:
            casework.crime_set_status(crime=crime, actor=user, status=data["status"], reason=data["reason"])
        return _back(crime, "Status saved.", request)

    return _form_page(
        request,
        forms.StatusForm(request.POST or None, initial={"status": crime.status, "owner": crime.owner_id}),
        title=f"Allocate or change the status of {crime.crime_number}",
        intro=f"Now {crime.get_status_display().lower()}.",
        breadcrumbs=_crime_crumbs(crime, "Status"),
        submit="Save",
        on_valid=done,
    )


# ---------------------------------------------------------------- sergeants' queues


@crime_staff
def reclassification_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "proposed")
    qs = selectors.reclassification_list(
        status=status if status in ClassificationChange.Status.values else ""
    )
    qs = qs.filter(crime__in=selectors.crime_visible(user=_user(request)))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "recording/reclassification_list.html",
        {
            "page": page,
            "status": status,
            "statuses": ClassificationChange.Status.choices[1:],
            "breadcrumbs": _crumbs(("Reclassifications", None)),
        },
    )


@supervisors
def reclassification_decide(request: HttpRequest, pk: int) -> HttpResponse:
    change = get_object_or_404(
        ClassificationChange.objects.select_related("crime", "from_offence", "to_offence"), pk=pk
    )
    crime = _crime(request, change.crime_id, "Reclassification decision")

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.reclassification_decide(
            change=change, actor=_user(request), approve=data["approve"], note=data["note"]
        )
        messages.success(request, "Decision recorded.")
        return redirect("recording:reclassification-list")

    return _form_page(
        request,
        forms.DecideForm(request.POST or None),
        title=f"Reclassify {crime.crime_number}: {change.from_offence} → {change.to_offence}?",
        intro=f"Reason given: {change.reason}",
        breadcrumbs=_crumbs(
            ("Reclassifications", reverse("recording:reclassification-list")), ("Decide", None)
        ),
        submit="Record decision",
        on_valid=done,
    )


@crime_staff
def cancellation_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "pending")
    qs = selectors.cancellation_list(status=status if status in CancellationRequest.Status.values else "")
    qs = qs.filter(crime__in=selectors.crime_visible(user=_user(request)))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "recording/cancellation_list.html",
        {
            "page": page,
            "status": status,
            "statuses": CancellationRequest.Status.choices,
            "can_decide": is_ddm(request.user) or _user(request).role in Role.SUPERVISORS,
            "breadcrumbs": _crumbs(("Cancellations", None)),
        },
    )


@crime_staff
def cancellation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    req = get_object_or_404(CancellationRequest.objects.select_related("crime__offence", "criterion"), pk=pk)
    crime = _crime(request, req.crime_id, "Cancellation decision")
    refusal = casework.cancellation_refusal(request=req, actor=_user(request))
    if refusal and req.status == CancellationRequest.Status.PENDING:
        raise PermissionDenied(refusal)

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.cancellation_decide(
            request=req,
            actor=_user(request),
            approve=data["approve"],
            note=data["note"],
            victim_informed=data["victim_informed"],
        )
        messages.success(request, "Decision recorded.")
        return redirect("recording:cancellation-list")

    return _form_page(
        request,
        forms.CancellationDecideForm(request.POST or None),
        title=f"Cancel {crime.crime_number} under {req.criterion.code}?",
        intro=f"Evidence: {req.evidence}"
        + (f" — AVI: {req.avi}" if req.avi else "")
        + (f" — duplicate of {req.duplicate_of}" if req.duplicate_of else ""),
        breadcrumbs=_crumbs(("Cancellations", reverse("recording:cancellation-list")), ("Decide", None)),
        submit="Record decision",
        on_valid=done,
    )


@crime_staff
def transfer_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "pending")
    qs = selectors.transfer_list(status=status if status in CrimeTransfer.Status.values else "")
    qs = qs.filter(Q(crime__isnull=True) | Q(crime__in=selectors.crime_visible(user=_user(request))))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "recording/transfer_list.html",
        {
            "page": page,
            "status": status,
            "statuses": CrimeTransfer.Status.choices,
            "is_supervisor": _user(request).role in Role.SUPERVISORS,
            "breadcrumbs": _crumbs(("Transfers", None)),
        },
    )


@supervisors
def transfer_incoming(request: HttpRequest) -> HttpResponse:
    def done(data: dict[str, Any]) -> HttpResponse:
        casework.transfer_in_register(
            actor=_user(request),
            force_code=data["force"],
            their_reference=data["their_reference"],
            offence_code=data["offence"].strip().upper(),
            reported_at=data["reported_at"],
            summary=data["summary"],
            victim_name=data["victim_name"],
        )
        messages.success(request, "Incoming transfer registered; accept it to record the crime here.")
        return redirect("recording:transfer-list")

    return _form_page(
        request,
        forms.TransferInForm(request.POST or None),
        title="Register an incoming transfer",
        intro="Another force passes us a crime that happened in our area (R-TRANSFER-PROTOCOL).",
        breadcrumbs=_crumbs(("Transfers", reverse("recording:transfer-list")), ("Incoming", None)),
        submit="Register",
        on_valid=done,
    )


@supervisors
def transfer_decide(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = get_object_or_404(CrimeTransfer.objects.select_related("crime", "force"), pk=pk)
    if transfer.crime_id:
        _crime(request, transfer.crime_id, "Transfer decision")

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.transfer_decide(
            transfer=transfer,
            actor=_user(request),
            accept=data["accept"],
            their_reference=data["their_reference"],
            note=data["note"],
        )
        messages.success(request, "Transfer decision recorded.")
        return redirect("recording:transfer-list")

    what = transfer.crime.crime_number if transfer.crime else transfer.their_reference
    direction = "to" if transfer.direction == CrimeTransfer.Direction.OUTGOING else "from"
    return _form_page(
        request,
        forms.TransferDecideForm(request.POST or None),
        title=f"Transfer of {what} {direction} {transfer.force}",
        breadcrumbs=_crumbs(("Transfers", reverse("recording:transfer-list")), ("Decide", None)),
        submit="Record decision",
        on_valid=done,
    )


# ---------------------------------------------------------------- force directory


@crime_staff
def force_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "recording/force_list.html",
        {
            "forces": selectors.force_list(),
            "is_supervisor": _user(request).role in Role.SUPERVISORS,
            "breadcrumbs": _crumbs(("Force directory", None)),
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
        saved = casework.force_save(actor=_user(request), force=force, **data)
        messages.success(request, f"{saved} saved.")
        return redirect("recording:force-list")

    history = list(force.history.select_related("history_user")[:20]) if force else []
    return _form_page(
        request,
        forms.ForceForm(request.POST or None, initial=initial),
        title=f"Edit {force}" if force else "Add a force",
        breadcrumbs=_crumbs(
            ("Force directory", reverse("recording:force-list")), ("Edit" if force else "Add", None)
        ),
        submit="Save",
        on_valid=done,
        context={"audit": history},
    )


# ---------------------------------------------------------------- incidents


@crime_staff
def incident_list(request: HttpRequest) -> HttpResponse:
    filters = {k: request.GET.get(k, "") for k in ("q", "nsir_code", "unrecorded")}
    page = Paginator(selectors.incident_list(filters=filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "recording/incident_list.html",
        {
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "breadcrumbs": _crumbs(("Incidents", None)),
        },
    )
