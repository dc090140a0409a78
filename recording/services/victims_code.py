"""The Victims' Code clocks on crimes (R-VCOP-RIGHT6): what was agreed with each victim (how often they
are updated, how, and whether they have enhanced rights), and the decisions they must be told of within
5 working days, or 1 under enhanced rights. Due dates come from the pure rules in recording.lifecycle;
the bank holidays from config.working_days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from config.working_days import bank_holidays
from recording import lifecycle
from recording.models import ContactMethod, Crime, CrimeVictim, VictimNotice
from recording.services.common import lock_crime, require_past_time
from recording.services.contact import crime_victim_update_due_set, victim_update_record
from recording.services.crimes import victim_adjustments_check
from staffing.models import User


@transaction.atomic
def victim_agreement_record(
    *,
    crime: Crime,
    victim: CrimeVictim,
    actor: User,
    update_every_days: int,
    contact_method: str,
    enhanced_rights: str = "",
    adjustments: Sequence[str] | None = None,
    adjustment_notes: str | None = None,
) -> CrimeVictim:
    """Record what was agreed with a victim (R-VCOP-RIGHT6: agreed and recorded; the victim may change it
    at any time): how often they are updated, how they are contacted, why they have enhanced rights if
    they do, and the format letters to them need (reasonable adjustments, as a complainant's: None
    leaves them as they are). The crime's next update due follows the new frequency at once."""
    crime = lock_crime(crime)
    if victim.crime_id != crime.pk:
        raise DomainError("That victim is not on this crime.", field="victim")
    if error := lifecycle.agreed_update_days_error(update_every_days):
        raise DomainError(error, field="update_every_days")
    if contact_method not in ContactMethod.values:
        raise DomainError("Choose how the victim wants to be contacted.", field="contact_method")
    if enhanced_rights not in CrimeVictim.EnhancedRights.values:
        raise DomainError(f"Unknown enhanced rights reason {enhanced_rights!r}.", field="enhanced_rights")
    victim = CrimeVictim.objects.select_for_update().get(pk=victim.pk)
    fields = ["agreed_update_days", "agreed_contact_method", "enhanced_rights", "agreed_at"]
    if adjustments is not None:
        victim.adjustments = victim_adjustments_check(adjustments)
        fields.append("adjustments")
    if adjustment_notes is not None:
        victim.adjustment_notes = adjustment_notes.strip()
        fields.append("adjustment_notes")
    victim.agreed_update_days = update_every_days
    victim.agreed_contact_method = contact_method
    victim.enhanced_rights = enhanced_rights
    victim.agreed_at = timezone.now()
    victim._history_user = actor  # type: ignore[attr-defined]
    victim._change_reason = (  # type: ignore[attr-defined]
        f"Agreed with the victim: an update every {update_every_days} days by "
        f"{ContactMethod(contact_method).label.lower()}"
    )
    victim.save(update_fields=fields)
    crime_victim_update_due_set(crime=crime, actor=actor, reason="Update frequency agreed with the victim")
    return victim


@transaction.atomic
def victim_notice_record(
    *, crime: Crime, actor: User, kind: str, decided_at: datetime, reason: str
) -> VictimNotice:
    """Record a decision the victim must be told of (a key decision, or a decision not to investigate):
    its due date is R-VCOP-RIGHT6's, from the victims' rights now (1 working day if any victim of the
    crime has enhanced rights, else 5), counted from the day of the decision in London."""
    crime = lock_crime(crime)
    if kind not in VictimNotice.Kind.values:
        raise DomainError(f"Unknown decision {kind!r}.", field="kind")
    if not reason.strip():
        raise DomainError("Say what was decided and why, as the victim will be told.", field="reason")
    require_past_time(
        decided_at,
        field="decided_at",
        future="A decision cannot be in the future.",
        slack=timedelta(minutes=5),
    )
    if decided_at < crime.reported_at:
        raise DomainError("A decision cannot be before the crime was reported.", field="decided_at")
    victims = [v for v in crime.victims.all() if v.kind == CrimeVictim.Kind.PERSON]
    if not victims:
        raise DomainError("This crime names no victim to tell.", field="kind")
    enhanced = any(v.has_enhanced_rights for v in victims)
    decided_on = timezone.localdate(decided_at)
    notice = VictimNotice(
        crime=crime,
        kind=kind,
        decided_at=decided_at,
        reason=reason.strip(),
        enhanced=enhanced,
        due_on=lifecycle.victim_notice_due(
            decided_on=decided_on, enhanced=enhanced, bank_holidays=bank_holidays(decided_on, days=31)
        ),
        decided_by=actor,
    )
    notice._history_user = actor  # type: ignore[attr-defined]
    notice._change_reason = f"{notice.get_kind_display()}: the victim to be told by {notice.due_on:%d %b %Y}"  # type: ignore[attr-defined]
    notice.save()
    return notice


@transaction.atomic
def victim_notice_tell(
    *, notice: VictimNotice, actor: User, told_at: datetime, method: str, summary: str = ""
) -> VictimNotice:
    """The victim was told of the decision: the notice's clock stops, and the telling is a contact in the
    victim-contact log (which moves the update clock). Called by the page, the API, and a letter sent."""
    notice = VictimNotice.objects.select_for_update().select_related("crime").get(pk=notice.pk)
    if notice.told_at is not None:
        raise DomainError("The victim was already told of this decision.", field="told_at")
    if told_at < notice.decided_at:
        raise DomainError("The victim cannot be told before the decision was made.", field="told_at")
    if method not in ContactMethod.values:
        raise DomainError(f"Unknown contact method {method!r}.", field="method")
    victim_update_record(
        crime=notice.crime,
        actor=actor,
        contacted_at=told_at,
        method=method,
        summary=summary.strip() or f"Told of the decision: {notice.get_kind_display()}. {notice.reason}",
    )
    notice.told_at = told_at
    notice.told_by = actor
    notice.told_method = method
    notice._history_user = actor  # type: ignore[attr-defined]
    notice._change_reason = "The victim was told"  # type: ignore[attr-defined]
    notice.save(update_fields=["told_at", "told_by", "told_method"])
    return notice
