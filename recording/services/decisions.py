"""The recording decision, from report to crimes: the one path the decide page and the API both take.

`decision_check` runs the engine (recording.rules.decide) and the checks recording needs (the incident
exists, the report is not in the future), so Decide refuses what Record would refuse; `decision_record`
checks again inside its transaction, refuses a likely duplicate, and records every crime."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from config.exceptions import DomainError
from recording import lifecycle, rules
from recording.models import Crime, CrimeVictim, Incident
from recording.selectors import offence_catalogue
from recording.services.crimes import (
    CrimeDetails,
    SuspectInput,
    VictimInput,
    crime_create_from_decision,
)
from staffing.models import User


@dataclass(frozen=True)
class DecisionRecorded:
    decision: rules.Decision
    crimes: list[Crime] = field(default_factory=list)


def decision_check(*, report: rules.Report, incident_reference: str = "") -> rules.Decision:
    """The engine's decision for `report`, or a DomainError naming the field to blame (engine paths such
    as "alleged.0.offence" are kept: the form and the API each place them)."""
    if timezone.is_naive(report.reported_at):
        raise DomainError("Give the time with a time zone.", field="reported_at")
    if report.reported_at > timezone.now():
        raise DomainError("The report cannot be in the future.", field="reported_at")
    reference = incident_reference.strip()
    if reference and not Incident.objects.filter(reference=reference).exists():
        raise DomainError(f"No incident with reference {reference!r}.", field="incident_reference")
    try:
        return rules.decide(report, offence_catalogue())
    except rules.ReportError as exc:
        raise DomainError(exc.message, field=exc.field) from exc


def decision_likely_duplicates(
    *,
    decision: rules.Decision,
    victims: Mapping[str, VictimInput],
    incident_reference: str,
) -> dict[str, list[str]]:
    """Live crimes already recorded for the same incident, offence class and victim, by the victim ref
    of each proposed crime that would repeat them. The same victim is the same name (case aside) when
    the recorder named them, else the same victim ref; crimes with no victim are never duplicates here
    (two people possessing drugs are two crimes, R-VICTIMLESS-COUNT)."""
    reference = incident_reference.strip()
    if not reference:
        return {}
    found: dict[str, list[str]] = {}
    for proposal in decision.crimes:
        if proposal.victim is None:
            continue
        given = victims.get(proposal.victim)
        name = given.name.strip() if given else ""
        same_victim = Q(crime=OuterRef("pk")) & (Q(name__iexact=name) if name else Q(ref=proposal.victim))
        numbers = list(
            Crime.objects.filter(incidents__reference=reference, offence__code=proposal.offence)
            .exclude(status__in=[lifecycle.CANCELLED, lifecycle.TRANSFERRED])
            .filter(Exists(CrimeVictim.objects.filter(same_victim)))
            .order_by("recorded_at")
            .values_list("crime_number", flat=True)
        )
        if numbers:
            found[proposal.victim] = numbers
    return found


@transaction.atomic
def decision_record(
    *,
    actor: User,
    report: rules.Report,
    victims: Mapping[str, VictimInput] | None = None,
    offenders: Mapping[str, SuspectInput] | None = None,
    incident_reference: str = "",
    details: CrimeDetails | None = None,
    separate_crime: bool = False,
    separate_crime_reason: str = "",
) -> DecisionRecorded:
    """Decide and record every crime of the decision, all or none (R-NCRS-BOP, R-ONE-PER-VICTIM ...).

    A likely duplicate (R-CANCEL-C3-DUPLICATE is the rule for one recorded by mistake) is refused,
    naming the crime already recorded, unless `separate_crime_reason` says why this is another crime;
    the reason is kept in the crime's decision explanation and its history."""
    victims = victims or {}
    incident_reference = incident_reference.strip()
    # Lock the incident first: two recorders recording the same incident at once queue here, so the
    # second sees the first's crimes in the duplicate check.
    if incident_reference:
        Incident.objects.select_for_update().filter(reference=incident_reference).first()
    decision = decision_check(report=report, incident_reference=incident_reference)
    reason = separate_crime_reason.strip()
    if separate_crime and not reason:
        raise DomainError("Say why this is a separate crime.", field="separate_crime_reason")
    duplicates = decision_likely_duplicates(
        decision=decision, victims=victims, incident_reference=incident_reference
    )
    if duplicates and not separate_crime:
        listed = "; ".join(f"{', '.join(numbers)} for {ref}" for ref, numbers in duplicates.items())
        raise DomainError(
            f"Incident {incident_reference} already has a live crime for the same victim and offence: "
            f"{listed}. If this is a separate crime, tick 'This is a separate crime' and say why; "
            "otherwise open the existing crime.",
            field="separate_crime_reason",
        )
    notes: tuple[str, ...] = ()
    if duplicates:
        already = ", ".join(n for numbers in duplicates.values() for n in numbers)
        notes = (f"Recorded as a separate crime from {already}: {reason}",)
    made = crime_create_from_decision(
        actor=actor,
        report=report,
        decision=decision,
        victims=victims,
        offenders=offenders,
        incident_reference=incident_reference,
        details=details,
        extra_explanation=notes,
    )
    return DecisionRecorded(decision=decision, crimes=made)
