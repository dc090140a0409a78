"""Creating crimes: crime numbers, a crime with its victims, suspects and incidents, victims and suspects
added later, and opening a crime for view (services.decisions turns a recording decision into crimes)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from config import registry
from config.exceptions import DomainError
from recording import lifecycle, selectors
from recording.models import (
    ClassificationChange,
    Crime,
    CrimeNumberCounter,
    CrimeSuspect,
    CrimeVictim,
    Incident,
)
from recording.rules import timeliness
from recording.selectors import incident_attachable
from recording.services.common import require_crime_team, require_past_time
from staffing.models import ReasonableAdjustment, User
from staffing.services import access_log_record, open_logged

# The event the apps above listen for (config.registry.announce): a crime is linked to an incident,
# recorded from it or linked afterwards; qa closes a possible-hidden-crime flag on that incident.
CRIME_LINKED_TO_INCIDENT = "crime_linked_to_incident"


@dataclass(frozen=True)
class VictimInput:
    ref: str = ""
    kind: str = CrimeVictim.Kind.PERSON
    name: str = ""
    date_of_birth: date | None = None
    age: int | None = None
    contact: str = ""
    vulnerable: bool = False
    # The format letters to the victim need (staffing.models.ReasonableAdjustment codes).
    adjustments: tuple[str, ...] = ()
    adjustment_notes: str = ""


def victim_adjustments_check(adjustments: Sequence[str]) -> list[str]:
    """The victim's reasonable adjustments, refused if any is not on the one list complainants use."""
    if bad := ReasonableAdjustment.unknown(list(adjustments)):
        raise DomainError(f"Unknown reasonable adjustment {bad[0]!r}.", field="adjustments")
    return list(dict.fromkeys(adjustments))


@dataclass(frozen=True)
class SuspectInput:
    ref: str = ""
    name: str = ""
    identified: bool = False
    description: str = ""
    date_of_birth: date | None = None


@dataclass(frozen=True)
class CrimeDetails:
    """What a recorder knows beyond the counting decision."""

    summary: str = ""
    location: str = ""
    grade: str = ""
    vulnerable_victim: bool = False
    domestic_abuse: bool = False
    hate_crime: bool = False
    safeguarding_referral: bool = False
    safeguarding_notes: str = ""
    thrive_notes: str = ""
    extra: Mapping[str, object] = field(default_factory=dict)


def crime_number_next(*, at: datetime, force: str | None = None) -> str:
    """The next crime number for the force and the (Europe/London) year of `at`: a counter row locked
    with SELECT ... FOR UPDATE, so two recorders never get the same number. Call inside a transaction."""
    force_code = force or settings.RESOLVE_FORCE_CODE
    year = timezone.localtime(at).year
    CrimeNumberCounter.objects.get_or_create(force=force_code, year=year)
    counter = CrimeNumberCounter.objects.select_for_update().get(force=force_code, year=year)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    return lifecycle.crime_number_format(force_code, year, counter.last_value)


def _incidents(references: Sequence[str], actor: User) -> list[Incident]:
    """The incidents to link, locked. One linked to a restricted crime `actor` may not see is "not
    found", as the incident log hides it (issue 17)."""
    refs = [r.strip() for r in references if r and r.strip()]
    found = {
        i.reference: i
        for i in incident_attachable(user=actor).select_for_update(of=("self",)).filter(reference__in=refs)
    }
    for ref in refs:
        if ref not in found:
            raise DomainError(f"No incident with reference {ref!r}.", field="incident_reference")
    return [found[r] for r in refs]


@transaction.atomic
def crime_create(
    *,
    actor: User,
    offence_code: str,
    reported_at: datetime,
    recorded_at: datetime | None = None,
    victims: Sequence[VictimInput] = (),
    suspects: Sequence[SuspectInput] = (),
    incident_references: Sequence[str] = (),
    details: CrimeDetails | None = None,
    location_force: str = "",
    crime_number: str | None = None,
    sending_force_reference: str = "",
    decision_rules: Sequence[str] = (),
    decision_explanation: Sequence[str] = (),
    reason: str = "Crime recorded",
    incident_opened_at: datetime | None = None,
    reported_at_reason: str = "",
    victim_view: str = "",
) -> Crime:
    """Record one crime (R-CLASSIFY): number, clock (R-NCRS-24H), restricted flag (R-RESTRICTED),
    victims, suspects, the first classification row and links to its incidents."""
    details = details or CrimeDetails()
    # A class code, or a Home Office offence code recorded under its class (R-CLASSIFY).
    offence, ho_offence = selectors.offence_resolve(offence_code)
    now = timezone.now()
    recorded = recorded_at or now
    require_past_time(reported_at, field="reported_at", future="The report cannot be in the future.")
    if recorded < reported_at:
        raise DomainError("A crime cannot be recorded before it was reported.", field="recorded_at")
    if crime_number is not None and Crime.objects.filter(crime_number=crime_number).exists():
        raise DomainError(f"Crime number {crime_number} is already in use.", field="crime_number")
    incidents = _incidents(incident_references, actor)
    crime = Crime(
        crime_number=crime_number or crime_number_next(at=recorded),
        sending_force_reference=sending_force_reference,
        offence=offence,
        offence_code=ho_offence,
        summary=details.summary,
        location=details.location,
        location_force=location_force or settings.RESOLVE_FORCE_CODE,
        reported_at=reported_at,
        incident_opened_at=incident_opened_at,
        reported_at_reason=reported_at_reason,
        victim_view=victim_view,
        recorded_at=recorded,
        record_by=timeliness.record_by(reported_at),
        ncrs_breach=timeliness.is_ncrs_breach(reported_at=reported_at, recorded_at=recorded, now=now),
        restricted=offence.restricted,
        seriousness_rank=offence.seriousness_rank,
        grade=details.grade,
        thrive_notes=details.thrive_notes,
        vulnerable_victim=details.vulnerable_victim or any(v.vulnerable for v in victims),
        domestic_abuse=details.domestic_abuse,
        hate_crime=details.hate_crime,
        safeguarding_referral=details.safeguarding_referral,
        safeguarding_notes=details.safeguarding_notes,
        next_victim_update_due=lifecycle.first_victim_update_due(recorded) if victims else None,
        recorded_by=actor,
        decision_rules=list(decision_rules),
        decision_explanation=list(decision_explanation),
    )
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = reason  # type: ignore[attr-defined]
    crime.full_clean(exclude=["incidents"])
    try:
        with transaction.atomic():
            crime.save()
    except IntegrityError:
        raise DomainError(
            f"Crime number {crime.crime_number} is already in use.", field="crime_number"
        ) from None
    for v in victims:
        victim = CrimeVictim(
            crime=crime,
            ref=v.ref,
            kind=v.kind,
            name=v.name or v.ref or "Unnamed victim",
            date_of_birth=v.date_of_birth,
            age=v.age,
            contact=v.contact,
            vulnerable=v.vulnerable,
            adjustments=victim_adjustments_check(v.adjustments),
            adjustment_notes=v.adjustment_notes,
        )
        victim._history_user = actor  # type: ignore[attr-defined]
        victim._change_reason = reason  # type: ignore[attr-defined]
        victim.full_clean(exclude=["crime"])
        victim.save()
    for s in suspects:
        suspect = CrimeSuspect(
            crime=crime,
            ref=s.ref,
            name=s.name,
            identified=s.identified,
            description=s.description,
            date_of_birth=s.date_of_birth,
        )
        suspect._history_user = actor  # type: ignore[attr-defined]
        suspect._change_reason = reason  # type: ignore[attr-defined]
        suspect.save()
    initial = ClassificationChange(
        crime=crime,
        from_offence=None,
        to_offence=offence,
        to_offence_code=ho_offence,
        reason=reason,
        status=ClassificationChange.Status.INITIAL,
        proposed_by=actor,
        decided_by=actor,
        decided_at=recorded,
    )
    initial._history_user = actor  # type: ignore[attr-defined]
    initial._change_reason = reason  # type: ignore[attr-defined]
    initial.save()
    if incidents:
        crime.incidents.add(*incidents)
        for incident in incidents:
            if not incident.crime_number:
                incident.crime_number = crime.crime_number
                incident.save(update_fields=["crime_number", "updated_at"])
            registry.announce(CRIME_LINKED_TO_INCIDENT, incident_id=incident.pk, crime_id=crime.pk)
    return crime


@transaction.atomic
def crime_victim_add(*, crime: Crime, actor: User, victim: VictimInput, reason: str) -> CrimeVictim:
    require_crime_team(actor, crime, "add a victim to it")
    row = CrimeVictim(
        crime=crime,
        ref=victim.ref,
        kind=victim.kind,
        name=victim.name,
        date_of_birth=victim.date_of_birth,
        age=victim.age,
        contact=victim.contact,
        vulnerable=victim.vulnerable,
        adjustments=victim_adjustments_check(victim.adjustments),
        adjustment_notes=victim.adjustment_notes,
    )
    row._history_user = actor  # type: ignore[attr-defined]
    row._change_reason = reason  # type: ignore[attr-defined]
    row.full_clean(exclude=["crime"])
    row.save()
    if crime.next_victim_update_due is None and crime.status in lifecycle.OPEN_STATUSES:
        crime.next_victim_update_due = lifecycle.first_victim_update_due(timezone.now())
        crime._history_user = actor  # type: ignore[attr-defined]
        crime._change_reason = reason  # type: ignore[attr-defined]
        crime.save(update_fields=["next_victim_update_due", "updated_at"])
    return row


@transaction.atomic
def crime_suspect_add(*, crime: Crime, actor: User, suspect: SuspectInput, reason: str) -> CrimeSuspect:
    require_crime_team(actor, crime, "add a suspect to it")
    if suspect.identified and not suspect.name.strip():
        raise DomainError("Name the suspect to mark them identified.", field="name")
    row = CrimeSuspect(
        crime=crime,
        ref=suspect.ref,
        name=suspect.name,
        identified=suspect.identified,
        description=suspect.description,
        date_of_birth=suspect.date_of_birth,
    )
    row._history_user = actor  # type: ignore[attr-defined]
    row._change_reason = reason  # type: ignore[attr-defined]
    row.save()
    return row


# ---------------------------------------------------------------- need-to-know views (R-RESTRICTED)
CRIME_RECORD_TYPE = "recording.crime"


def crime_views_log(
    *, user: User, crimes: Sequence[Crime], purpose: str, path: str, action: str = "view"
) -> None:
    """Log each view of a restricted crime in the access log (who, when, which crime, why)."""
    for crime in crimes:
        access_log_record(
            user=user,
            record_type=CRIME_RECORD_TYPE,
            record_id=crime.pk,
            label=crime.crime_number,
            purpose=purpose,
            action=action,
            path=path,
        )


def crime_open(*, user: User, pk: int | str, purpose: str, path: str, action: str = "view") -> Crime:
    """One crime for a detail page or the API, as selectors.crime_get. A restricted crime's view is
    logged; so is a refused attempt to open one (the caller gets the same 404 as for no crime at all,
    and the access log shows who tried). Any other `action` than a view ("download", "export": taking
    material away) is logged for every crime, restricted or not."""
    lookup = {"crime_number": pk} if isinstance(pk, str) and "/" in pk else {"pk": pk}
    hidden = Crime.objects.filter(restricted=True, **lookup).values_list("pk", "crime_number")
    return open_logged(
        user=user,
        find=lambda: selectors.crime_get(user=user, pk=pk),
        record_type=CRIME_RECORD_TYPE,
        label=lambda crime: crime.crime_number,
        purpose=purpose,
        path=path,
        action=action,
        logged=lambda crime: crime.restricted or action != "view",
        hidden=hidden.first,
    )
