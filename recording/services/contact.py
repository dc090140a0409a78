"""Victim contact (Victims' Code cadence), fast-track enquiries and demand appointments."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from config.exceptions import DomainError
from config.permissions import Role
from recording import lifecycle
from recording.models import (
    Appointment,
    Crime,
    CrimeVictim,
    Enquiry,
    VictimNotice,
    VictimUpdate,
)
from recording.services.common import lock_crime, require_past_time, require_reason
from staffing.letter_sources import SentLetter
from staffing.models import User

# ---------------------------------------------------------------- victim contact, enquiries, appointments


@transaction.atomic
def victim_update_record(
    *,
    crime: Crime,
    actor: User,
    contacted_at: datetime,
    method: str,
    summary: str,
    victim: CrimeVictim | None = None,
) -> VictimUpdate:
    """Log a contact; the next update falls due at the frequency agreed with the victim (R-VCOP-RIGHT6),
    or 28 days later without an agreement (lifecycle.agreed_update_due)."""
    crime = lock_crime(crime)
    if victim is not None and victim.crime_id != crime.pk:
        raise DomainError("That victim is not on this crime.", field="victim")
    if method not in VictimUpdate.Method.values:
        raise DomainError(f"Unknown contact method {method!r}.", field="method")
    require_past_time(
        contacted_at,
        field="contacted_at",
        future="A contact cannot be in the future.",
        slack=timedelta(minutes=5),
    )
    if contacted_at < crime.reported_at:
        raise DomainError("A contact cannot be before the crime was reported.", field="contacted_at")
    if not summary.strip():
        raise DomainError("Say what the victim was told.", field="summary")
    update = VictimUpdate(
        crime=crime,
        victim=victim,
        contacted_at=contacted_at,
        method=method,
        summary=summary.strip(),
        next_due=lifecycle.agreed_update_due(
            last_contact=contacted_at, every_days=agreed_update_days(crime, victim)
        ),
        created_by=actor,
    )
    update._history_user = actor  # type: ignore[attr-defined]
    update._change_reason = "Victim update logged"  # type: ignore[attr-defined]
    update.save()
    crime_victim_update_due_set(crime=crime, actor=actor, reason="Victim update logged")
    return update


def agreed_update_days(crime: Crime, victim: CrimeVictim | None) -> int | None:
    """The update frequency agreed with `victim`; for a contact with no victim named, the most frequent
    one agreed with any victim of the crime (None: nobody agreed one, the force's default applies)."""
    if victim is not None:
        return victim.agreed_update_days
    agreed = [v for v in crime.victims.values_list("agreed_update_days", flat=True) if v]
    return min(agreed) if agreed else None


def crime_victim_update_due_set(*, crime: Crime, actor: User, reason: str) -> None:
    """The one writer of a crime's next victim update due (the victim-update queue's clock): the latest
    contact's next due date, recomputed under the frequency agreed now; with no contact yet, the first
    update's date stands. Only an open crime has a clock."""
    if crime.status not in lifecycle.OPEN_STATUSES:
        return
    latest = crime.victim_updates.select_related("victim").order_by("-contacted_at", "-pk").first()
    if latest is None:
        return
    due = lifecycle.agreed_update_due(
        last_contact=latest.contacted_at, every_days=agreed_update_days(crime, latest.victim)
    )
    if crime.next_victim_update_due == due:
        return
    crime.next_victim_update_due = due
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = reason  # type: ignore[attr-defined]
    crime.save(update_fields=["next_victim_update_due", "updated_at"])


@transaction.atomic
def enquiry_create(
    *,
    crime: Crime,
    actor: User,
    kind: str,
    details: str = "",
    assigned_to: User | None = None,
    due_at: datetime | None = None,
) -> Enquiry:
    if kind not in Enquiry.Kind.values:
        raise DomainError(f"Unknown enquiry type {kind!r}.", field="kind")
    if crime.status not in lifecycle.OPEN_STATUSES:
        raise DomainError("Enquiries can only be raised on an open crime.", field="status")
    enquiry = Enquiry(
        crime=crime, kind=kind, details=details, assigned_to=assigned_to, due_at=due_at, created_by=actor
    )
    enquiry._history_user = actor  # type: ignore[attr-defined]
    enquiry._change_reason = "Fast-track enquiry raised"  # type: ignore[attr-defined]
    enquiry.save()
    return enquiry


@transaction.atomic
def enquiry_update(*, enquiry: Enquiry, actor: User, status: str, result: str = "") -> Enquiry:
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if status not in Enquiry.Status.values:
        raise DomainError(f"Unknown status {status!r}.", field="status")
    done = {Enquiry.Status.COMPLETED, Enquiry.Status.NO_RESULT}
    if status in done and not result.strip():
        raise DomainError("Record the result of the enquiry.", field="result")
    enquiry.status = status
    if result.strip():
        enquiry.result = result.strip()
    enquiry._history_user = actor  # type: ignore[attr-defined]
    enquiry._change_reason = f"Enquiry {status}"  # type: ignore[attr-defined]
    enquiry.save()
    return enquiry


@transaction.atomic
def appointment_book(
    *,
    crime: Crime,
    actor: User,
    officer: User,
    starts_at: datetime,
    ends_at: datetime,
    victim: CrimeVictim | None = None,
    location: str = "",
    notes: str = "",
) -> Appointment:
    """Book an officer to see a victim. Refuses a slot overlapping another live booking of the same
    officer; the unique constraint on (officer, starts_at) backs that up against races."""
    if ends_at <= starts_at:
        raise DomainError("The appointment must end after it starts.", field="ends_at")
    if starts_at < timezone.now():
        raise DomainError("An appointment cannot be booked in the past.", field="starts_at")
    if victim is not None and victim.crime_id != crime.pk:
        raise DomainError("That victim is not on this crime.", field="victim")
    if officer.role not in {Role.INVESTIGATOR, Role.SERGEANT, Role.RECORDER}:
        raise DomainError("Book an officer or investigator.", field="officer")
    User.objects.select_for_update().filter(pk=officer.pk).first()  # serialise bookings per officer
    clash = (
        Appointment.objects.filter(officer=officer, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(status=Appointment.Status.CANCELLED)
        .exists()
    )
    if clash:
        raise DomainError(f"{officer} is already booked at that time.", field="starts_at")
    appointment = Appointment(
        crime=crime,
        officer=officer,
        victim=victim,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        notes=notes,
        created_by=actor,
    )
    appointment._history_user = actor  # type: ignore[attr-defined]
    appointment._change_reason = "Appointment booked"  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            appointment.save()
    except IntegrityError:
        raise DomainError(f"{officer} is already booked at that time.", field="starts_at") from None
    return appointment


@transaction.atomic
def appointment_set_status(*, appointment: Appointment, actor: User, status: str, reason: str) -> Appointment:
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if status not in Appointment.Status.values:
        raise DomainError(f"Unknown status {status!r}.", field="status")
    appointment.status = status
    appointment._history_user = actor  # type: ignore[attr-defined]
    appointment._change_reason = require_reason(reason)  # type: ignore[attr-defined]
    appointment.save(update_fields=["status"])
    return appointment


# ---------------------------------------------------------------- letters (issue 22)
def crime_letter_sent(event: SentLetter) -> None:
    """A letter to the victim went out (staffing's letters call this through the crime's record kind):
    it is a victim contact, which moves the next update due (the Victims' Code cadence). The Victims'
    Code notice of a decision not to investigate tells the victim of that decision: its clock stops
    (R-VCOP-RIGHT6), through victims_code's one service for telling."""
    from recording.services.victims_code import victim_notice_tell

    crime = Crime.objects.get(pk=event.record_id)
    method = VictimUpdate.Method.EMAIL if event.method == "email" else VictimUpdate.Method.LETTER
    notice = (
        crime.victim_notices.filter(kind=VictimNotice.Kind.NOT_INVESTIGATED, told_at__isnull=True).first()
        if event.purpose == "vcop_no_investigation"
        else None
    )
    if notice is not None:
        victim_notice_tell(
            notice=notice,
            actor=event.actor,
            told_at=max(event.at, notice.decided_at),
            method=method,
            summary=f"Letter sent: {event.subject}",
        )
        return
    victim = crime.victims.order_by("id").first()
    victim_update_record(
        crime=crime,
        actor=event.actor,
        contacted_at=max(event.at, crime.reported_at),
        method=method,
        summary=f"Letter sent: {event.subject}",
        victim=victim,
    )


@transaction.atomic
def crime_letter_undelivered(event: SentLetter) -> None:
    """A letter to the victim came back undelivered: the victim was not told, so their update is due
    again now (the victim-update queue shows it)."""
    crime = lock_crime(Crime.objects.get(pk=event.record_id))
    if crime.status in lifecycle.OPEN_STATUSES:
        crime.next_victim_update_due = timezone.now()
        crime._history_user = event.actor  # type: ignore[attr-defined]
        crime._change_reason = f"Letter not delivered: {event.subject}"  # type: ignore[attr-defined]
        crime.save(update_fields=["next_victim_update_due", "updated_at"])
