"""Unrecorded-incident flags (the sweep's): the list, open escalations, the figures, the crime a flag may be
resolved with, and what an incident's page shows of its flags and samples."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet

from config.exceptions import DomainError
from qa import rules
from qa.crime_kinds import incident_kind
from qa.models import (
    DipSample,
    SweepRun,
    UnrecordedFlag,
)
from recording.models import Crime, Incident
from recording.selectors import crime_visible
from staffing.models import User

ESCALATION_OPEN = Q(
    status=UnrecordedFlag.Status.OPEN, escalated_at__isnull=False, escalation_answered_at__isnull=True
)
MISMATCHED = ~Q(resolve_mismatch="")


def flag_list(
    *,
    status: str | None = None,
    assigned: str = "",
    q: str = "",
    escalation: str = "",
    mismatch: str = "",
) -> QuerySet[UnrecordedFlag]:
    """Flags oldest incident first (the sergeant's queue order). `assigned`: "yes", "no" or "" (any);
    `q`: part of the incident reference; `escalation`: "open" (waiting for the control room),
    "answered" or "" (any); `mismatch`: "yes" for flags resolved with a crime that did not match."""
    flags = UnrecordedFlag.objects.select_related("incident__nsir_code", "assigned_to", "closing_nsir_code")
    if status:
        flags = flags.filter(status=status)
    if assigned in {"yes", "no"}:
        flags = flags.filter(assigned_to__isnull=assigned == "no")
    if q.strip():
        flags = flags.filter(incident__reference__icontains=q.strip())
    if escalation == "open":
        flags = flags.filter(ESCALATION_OPEN)
    elif escalation == "answered":
        flags = flags.filter(escalation_answered_at__isnull=False)
    if mismatch == "yes":
        flags = flags.filter(MISMATCHED)
    # incident_opened_at is the incident's opened_at copied by the sweep: indexed (qa_flag_queue_idx), so a
    # page of the queue reads 50 index entries instead of joining and sorting every open flag.
    return flags.order_by("incident_opened_at", "id")


def flag_escalations_open() -> QuerySet[UnrecordedFlag]:
    """Flags waiting for the control room's answer, longest waiting first (partial index
    qa_flag_escalated_idx)."""
    return flag_list(escalation="open").order_by("escalated_at", "id")


def flag_figures() -> dict[str, int]:
    """The counts beside the sergeant's queue, in one query: open flags, open escalations, and flags
    resolved with a crime that did not match the incident (each with a reason kept on the flag)."""
    return UnrecordedFlag.objects.aggregate(
        open=Count("id", filter=Q(status=UnrecordedFlag.Status.OPEN)),
        escalations_open=Count("id", filter=ESCALATION_OPEN),
        resolved_mismatched=Count("id", filter=Q(status=UnrecordedFlag.Status.RESOLVED) & MISMATCHED),
    )


@dataclass(frozen=True)
class FlagCandidate:
    """A crime offered to resolve a flag, beside the incident, and whether it matches."""

    incident: Incident
    crime: Crime
    match: rules.FlagMatch
    linked: bool  # already linked to this incident


def flag_candidate(*, incident: Incident, crime_number: str, user: User) -> FlagCandidate:
    """The crime `crime_number` (one the user may see) checked against the incident it would resolve
    (qa.rules.flag_crime_match); DomainError on `crime_number` when there is no such crime."""
    number = crime_number.strip()
    if not number:
        raise DomainError("Give the crime number that was recorded.", field="crime_number")
    crime = (
        crime_visible(user=user)
        .select_related("offence")
        .prefetch_related("victims", "incidents")
        .filter(crime_number=number)
        .first()
    )
    if crime is None:
        raise DomainError(f"No crime {number} is recorded.", field="crime_number")
    references = [i.reference for i in crime.incidents.all() if i.pk != incident.pk]
    our_force = settings.RESOLVE_FORCE_CODE
    match = rules.flag_crime_match(
        incident_opened_at=incident.opened_at,
        crime_reported_at=crime.reported_at,
        crime_forces=[crime.crime_number.split("/", 1)[0], crime.location_force],
        our_force=our_force,
        other_incidents=references,
        match_days=int(settings.RESOLVE_FLAG_MATCH_DAYS),
        incident_location=incident.location,
        crime_location=crime.location,
        incident_kind=incident_kind(incident.nsir_code.code, incident.nsir_code.title),
        crime_offence=rules.OffenceFacts(
            code=crime.offence.code, title=crime.offence.title, category=crime.offence.category
        ),
    )
    linked = any(i.pk == incident.pk for i in crime.incidents.all())
    return FlagCandidate(incident=incident, crime=crime, match=match, linked=linked)


def incident_flags(incident: Incident) -> list[UnrecordedFlag]:
    return list(
        UnrecordedFlag.objects.filter(incident=incident)
        .select_related("assigned_to", "closed_by")
        .order_by("flagged_at", "id")
    )


def incident_dip_samples(incident: Incident) -> list[DipSample]:
    """Dip-test samples of the incident itself and of the crimes recorded from it."""
    incident_type = ContentType.objects.get_for_model(Incident)
    crime_type = ContentType.objects.get_for_model(Crime)
    crime_ids = Crime.incidents.through.objects.filter(incident_id=incident.pk).values("crime_id")
    return list(
        DipSample.objects.filter(
            Q(content_type=incident_type, object_id=incident.pk)
            | Q(content_type=crime_type, object_id__in=crime_ids)
        )
        .select_related("dip_test", "audited_by")
        .order_by("dip_test__date", "id")
    )


def last_sweep() -> SweepRun | None:
    """The last sweep that finished its work: the queue is as current as this."""
    return SweepRun.objects.filter(complete=True).order_by("-started_at").first()


def flag_get(flag_id: int) -> UnrecordedFlag:
    return flag_list().get(pk=flag_id)
