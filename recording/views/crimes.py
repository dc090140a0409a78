"""Crime list, crime detail and the actions on one crime; the pages about its victims are in victims.py."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from config.exceptions import DomainError
from config.listing import valid_filters
from config.permissions import Role
from recording import selectors
from recording.forms.changes import CancellationForm, ReclassifyForm, TransferOutForm
from recording.forms.crimes import (
    AssessmentForm,
    CrimeFilterForm,
    EnquiryForm,
    EnquiryUpdateForm,
    OutcomeForm,
    StatusForm,
    SuspectForm,
)
from recording.models import Enquiry
from recording.permissions import crime_scope_refusal
from recording.services import cancellation, casework, contact, crimes, outcomes, reclassification, transfers
from recording.services.common import crime_change_refusal
from recording.views.common import (
    PAGE_SIZE,
    back_to_crime,
    crime_crumbs,
    crime_for_view,
    crime_staff,
    crumbs,
    form_page,
    request_user,
    roles_required,
)
from staffing.services import allocation_people_for


@crime_staff
def crime_list(request: HttpRequest) -> HttpResponse:
    form = CrimeFilterForm(request.GET or None)
    filters = valid_filters(form)  # a bad date is an error beside it; the other filters still apply
    page = Paginator(selectors.crime_list(user=request_user(request), filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "recording/crime_list.html",
        {"form": form, "page": page, "query": query.urlencode(), "breadcrumbs": crumbs(("Crimes", None))},
    )


@crime_staff
def crime_detail(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Crime detail page")
    user = request_user(request)
    return render(
        request,
        "recording/crime_detail.html",
        {
            "crime": crime,
            "history": selectors.crime_history(crime=crime),
            "is_supervisor": user.role in Role.SUPERVISORS,
            # Status and outcome buttons only for its owner, its team's sergeant or a manager (issue 17).
            "may_change": crime_change_refusal(user, crime, "change it") is None,
            # Assessment, victims and suspects: its own team, or a manager (issue 20 part 6).
            "may_edit": crime_scope_refusal(user, crime, "change it") is None,
            "today": timezone.localdate(),
            "breadcrumbs": crumbs(("Crimes", reverse("recording:crime-list")), (crime.crime_number, None)),
        },
    )


@crime_staff
def crime_reclassify(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Reclassification")

    def done(data: dict[str, Any]) -> HttpResponse:
        reclassification.reclassification_propose(
            crime=crime,
            actor=request_user(request),
            offence_code=data["offence"].strip().upper(),
            reason=data["reason"],
        )
        return back_to_crime(
            crime, "Reclassification proposed; a sergeant will approve or reject it.", request
        )

    return form_page(
        request,
        ReclassifyForm(request.POST or None),
        title=f"Propose a reclassification of {crime.crime_number}",
        intro=(
            f"Now {crime.offence}. The crime keeps counting under its current class until a sergeant "
            "approves (R-RECLASSIFY)."
        ),
        breadcrumbs=crime_crumbs(crime, "Reclassify"),
        submit="Propose reclassification",
        on_valid=done,
    )


@crime_staff
def crime_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Cancellation request")

    def done(data: dict[str, Any]) -> HttpResponse:
        cancellation.cancellation_request(
            crime=crime,
            actor=request_user(request),
            criterion_code=data["criterion"].code,
            evidence=data["evidence"],
            avi=data["avi"],
            duplicate_of=data["duplicate_of"],
        )
        return back_to_crime(
            crime, "Cancellation requested; a designated decision maker will decide it.", request
        )

    return form_page(
        request,
        CancellationForm(request.POST or None),
        title=f"Ask to cancel {crime.crime_number}",
        intro="A recorded crime stays recorded unless a HOCR Section C criterion applies (R-CANCEL-*).",
        breadcrumbs=crime_crumbs(crime, "Cancel"),
        submit="Request cancellation",
        on_valid=done,
    )


@crime_staff
def crime_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Transfer request")

    def done(data: dict[str, Any]) -> HttpResponse:
        transfers.transfer_out_request(
            crime=crime, actor=request_user(request), force_code=data["force"], reason=data["reason"]
        )
        return back_to_crime(
            crime, "Transfer opened; record the other force's answer when it comes.", request
        )

    return form_page(
        request,
        TransferOutForm(request.POST or None),
        title=f"Transfer {crime.crime_number} to another force",
        intro=(
            "A crime belongs to the force in whose area it happened (R-LOCATION). On acceptance it is "
            "cancelled under C1."
        ),
        breadcrumbs=crime_crumbs(crime, "Transfer"),
        submit="Open transfer",
        on_valid=done,
        context={"forces": selectors.force_list()},
    )


@roles_required(Role.INVESTIGATOR, *Role.SUPERVISORS)
def crime_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Outcome")

    def done(data: dict[str, Any]) -> HttpResponse:
        outcomes.crime_finalise(
            crime=crime, actor=request_user(request), outcome_code=data["outcome"].code, reason=data["reason"]
        )
        return back_to_crime(crime, f"Finalised with outcome {data['outcome'].code}.", request)

    return form_page(
        request,
        OutcomeForm(request.POST or None),
        title=f"Finalise {crime.crime_number} with an outcome",
        intro=(
            "Charge, caution and similar outcomes need an identified suspect; outcomes 8, 14, 15 and 16 "
            "need the victim's view recorded (R-OUTCOME-SUSPECT, R-OUTCOME-VICTIM-VIEW)."
        ),
        breadcrumbs=crime_crumbs(crime, "Outcome"),
        submit="Finalise",
        on_valid=done,
    )


@crime_staff
def crime_assess(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Assessment")
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
        "version": crime.version,
    }

    def done(data: dict[str, Any]) -> HttpResponse:
        casework.crime_update_assessment(crime=crime, actor=request_user(request), **data)
        return back_to_crime(crime, "Assessment saved.", request)

    return form_page(
        request,
        AssessmentForm(request.POST or None, initial=initial),
        title=f"THRIVE, vulnerability, solvability and victim's view: {crime.crime_number}",
        breadcrumbs=crime_crumbs(crime, "Assessment"),
        submit="Save assessment",
        on_valid=done,
    )


@crime_staff
def crime_add_suspect(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Add suspect")

    def done(data: dict[str, Any]) -> HttpResponse:
        crimes.crime_suspect_add(
            crime=crime,
            actor=request_user(request),
            suspect=crimes.SuspectInput(
                name=data["name"], identified=data["identified"], description=data["description"]
            ),
            reason=data["reason"],
        )
        return back_to_crime(crime, "Suspect added.", request)

    return form_page(
        request,
        SuspectForm(request.POST or None),
        title=f"Add a suspect to {crime.crime_number}",
        breadcrumbs=crime_crumbs(crime, "Add suspect"),
        submit="Add suspect",
        on_valid=done,
    )


@crime_staff
def crime_enquiry(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Enquiry")

    def done(data: dict[str, Any]) -> HttpResponse:
        contact.enquiry_create(
            crime=crime,
            actor=request_user(request),
            kind=data["kind"],
            details=data["details"],
            assigned_to=data["assigned_to"],
            due_at=data["due_at"],
        )
        return back_to_crime(crime, "Fast-track enquiry raised.", request)

    return form_page(
        request,
        EnquiryForm(request.POST or None),
        title=f"Raise a fast-track enquiry on {crime.crime_number}",
        breadcrumbs=crime_crumbs(crime, "Enquiry"),
        submit="Raise enquiry",
        on_valid=done,
    )


@crime_staff
def enquiry_update(request: HttpRequest, pk: int) -> HttpResponse:
    enquiry = get_object_or_404(Enquiry, pk=pk)
    crime = crime_for_view(request, enquiry.crime_id, "Enquiry update")

    def done(data: dict[str, Any]) -> HttpResponse:
        contact.enquiry_update(
            enquiry=enquiry, actor=request_user(request), status=data["status"], result=data["result"]
        )
        return back_to_crime(crime, "Enquiry updated.", request)

    return form_page(
        request,
        EnquiryUpdateForm(request.POST or None, initial={"status": enquiry.status, "result": enquiry.result}),
        title=f"{enquiry.get_kind_display()} enquiry on {crime.crime_number}",
        breadcrumbs=crime_crumbs(crime, "Enquiry"),
        submit="Save",
        on_valid=done,
    )


@crime_staff
def crime_status(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Status change")
    user = request_user(request)

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
        return back_to_crime(crime, "Status saved.", request)

    form = StatusForm(request.POST or None, initial={"status": crime.status, "owner": crime.owner_id})
    # The owner picker offers exactly whom staffing would accept for this crime: investigators (never a
    # sergeant), trained in any specialist skill it demands (a rape: sexual offences investigation).
    form.fields["owner"].queryset = allocation_people_for(item=crime, team=None).order_by(  # type: ignore[attr-defined]
        "last_name", "first_name", "username"
    )
    return form_page(
        request,
        form,
        title=f"Allocate or change the status of {crime.crime_number}",
        intro=f"Now {crime.get_status_display().lower()}.",
        breadcrumbs=crime_crumbs(crime, "Status"),
        submit="Save",
        on_valid=done,
    )
