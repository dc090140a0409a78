"""A crime's victims: adding one, logging updates and appointments, and the Victims' Code (R-VCOP-RIGHT6):
what was agreed with each victim and the decisions they must be told of."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from recording.forms.victims import (
    AppointmentForm,
    VictimAgreementForm,
    VictimForm,
    VictimNoticeForm,
    VictimNoticeToldForm,
    VictimUpdateForm,
)
from recording.services import contact, crimes, victims_code
from recording.views.common import (
    back_to_crime,
    crime_crumbs,
    crime_for_view,
    crime_staff,
    form_page,
    request_user,
)
from staffing.templatetags.resolve_format import day as day_text


@crime_staff
def crime_add_victim(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Add victim")

    def done(data: dict[str, Any]) -> HttpResponse:
        crimes.crime_victim_add(
            crime=crime,
            actor=request_user(request),
            victim=crimes.VictimInput(
                kind=data["kind"],
                name=data["name"],
                date_of_birth=data["date_of_birth"],
                contact=data["contact"],
                vulnerable=data["vulnerable"],
                adjustments=tuple(data["adjustments"]),
                adjustment_notes=data["adjustment_notes"],
            ),
            reason=data["reason"],
        )
        return back_to_crime(crime, "Victim added.", request)

    return form_page(
        request,
        VictimForm(request.POST or None),
        title=f"Add a victim to {crime.crime_number}",
        breadcrumbs=crime_crumbs(crime, "Add victim"),
        submit="Add victim",
        on_valid=done,
    )


@crime_staff
def crime_victim_update(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Victim update")

    def done(data: dict[str, Any]) -> HttpResponse:
        update = contact.victim_update_record(
            crime=crime,
            actor=request_user(request),
            victim=data["victim"],
            contacted_at=data["contacted_at"],
            method=data["method"],
            summary=data["summary"],
        )
        return back_to_crime(crime, f"Contact logged; next update due {day_text(update.next_due)}.", request)

    return form_page(
        request,
        VictimUpdateForm(request.POST or None, crime=crime),
        title=f"Log a victim update on {crime.crime_number}",
        intro=(
            "Victims' Code cadence here: first update within 5 days of recording, "
            "then at least every 28 days."
        ),
        breadcrumbs=crime_crumbs(crime, "Victim update"),
        submit="Log update",
        on_valid=done,
    )


@crime_staff
def crime_appointment(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Appointment")

    def done(data: dict[str, Any]) -> HttpResponse:
        contact.appointment_book(crime=crime, actor=request_user(request), **data)
        return back_to_crime(crime, "Appointment booked.", request)

    return form_page(
        request,
        AppointmentForm(request.POST or None, crime=crime),
        title=f"Book an appointment for {crime.crime_number}",
        breadcrumbs=crime_crumbs(crime, "Appointment"),
        submit="Book",
        on_valid=done,
    )


@crime_staff
def crime_victim_agreement(request: HttpRequest, pk: int, victim_id: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Victims' Code agreement")
    victim = get_object_or_404(crime.victims.all(), pk=victim_id)

    def done(data: dict[str, Any]) -> HttpResponse:
        victims_code.victim_agreement_record(
            crime=crime,
            victim=victim,
            actor=request_user(request),
            update_every_days=data["update_every_days"],
            contact_method=data["contact_method"],
            enhanced_rights=data["enhanced_rights"],
            adjustments=data["adjustments"],
            adjustment_notes=data["adjustment_notes"],
        )
        return back_to_crime(crime, f"Recorded what {victim} agreed.", request)

    initial = {
        "update_every_days": victim.agreed_update_days or 28,
        "contact_method": victim.agreed_contact_method,
        "enhanced_rights": victim.enhanced_rights,
        "adjustments": victim.adjustments,
        "adjustment_notes": victim.adjustment_notes,
    }
    return form_page(
        request,
        VictimAgreementForm(request.POST or None, initial=initial),
        title=f"What {victim} agreed ({crime.crime_number})",
        intro=(
            "Victims' Code Right 6: agree with the victim how often they are updated and how they are "
            "contacted, and record it with the format letters to them need. The victim may change it at "
            "any time; the next update due follows."
        ),
        breadcrumbs=crime_crumbs(crime, "Victims' Code agreement"),
        submit="Record agreement",
        on_valid=done,
    )


@crime_staff
def crime_victim_notice(request: HttpRequest, pk: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Victims' Code decision")

    def done(data: dict[str, Any]) -> HttpResponse:
        notice = victims_code.victim_notice_record(
            crime=crime,
            actor=request_user(request),
            kind=data["kind"],
            decided_at=data["decided_at"],
            reason=data["reason"],
        )
        return back_to_crime(crime, f"Recorded; tell the victim by {day_text(notice.due_on)}.", request)

    return form_page(
        request,
        VictimNoticeForm(request.POST or None),
        title=f"A decision to tell the victim of ({crime.crime_number})",
        intro=(
            "Victims' Code Right 6: the victim is told of key decisions, and of a decision not to "
            "investigate, within 5 working days, or 1 working day if they have enhanced rights."
        ),
        breadcrumbs=crime_crumbs(crime, "Victims' Code decision"),
        submit="Record decision",
        on_valid=done,
    )


@crime_staff
def crime_victim_notice_told(request: HttpRequest, pk: int, notice_id: int) -> HttpResponse:
    crime = crime_for_view(request, pk, "Victims' Code notice")
    notice = get_object_or_404(crime.victim_notices.all(), pk=notice_id)

    def done(data: dict[str, Any]) -> HttpResponse:
        victims_code.victim_notice_tell(
            notice=notice,
            actor=request_user(request),
            told_at=data["told_at"],
            method=data["method"],
            summary=data["summary"],
        )
        return back_to_crime(crime, "Recorded that the victim was told; the contact is logged.", request)

    return form_page(
        request,
        VictimNoticeToldForm(request.POST or None),
        title=f"The victim was told: {notice.get_kind_display()} ({crime.crime_number})",
        intro=f"Due by {day_text(notice.due_on)}. {notice.reason}",
        breadcrumbs=crime_crumbs(crime, "Victim told"),
        submit="Record that the victim was told",
        on_valid=done,
    )
