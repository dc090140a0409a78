"""Unrecorded-incident flags (the sweep's): the list, open escalations, the figures, the crime a flag may be
resolved with, and what an incident's page shows of its flags and samples."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from config.exceptions import DomainError
from config.listing import capped_count, url_for_each
from config.registry import age_text
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
from staffing.selectors import allocation_page_urls_for

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


def flag_figures() -> dict[str, int | bool]:
    """The counts beside the sergeant's queue: open flags (at most COUNT_CAP, `open_more` when there are
    more, as every queue counts: the view hands the count to the unfiltered open list as its own), open
    escalations, and flags resolved with a crime that did not match the incident (each with a reason
    kept on the flag). Two queries, each reading only what it counts: one aggregate over every flag read
    every open flag on each page view (1.1 s p95 with 299,449 open at ten million incidents, issue 24
    part 4)."""
    open_count, open_more = capped_count(UnrecordedFlag.objects.filter(status=UnrecordedFlag.Status.OPEN))
    mismatched = Q(status=UnrecordedFlag.Status.RESOLVED) & MISMATCHED
    # Only the rows either figure counts: the open escalations (partial index qa_flag_escalated_idx) and
    # the mismatched resolutions (partial index qa_flag_mismatch_idx).
    counts = (
        UnrecordedFlag.objects.filter(ESCALATION_OPEN | mismatched)
        .order_by()
        .aggregate(
            escalations_open=Count("id", filter=ESCALATION_OPEN),
            resolved_mismatched=Count("id", filter=mismatched),
        )
    )
    return {
        "open": open_count,
        "open_more": open_more,
        "escalations_open": counts["escalations_open"],
        "resolved_mismatched": counts["resolved_mismatched"],
    }


@dataclass(frozen=True)
class FlagRow:
    """A row of the sergeant's queue (qa/flag_list.html), its words, dates and links made once here."""

    url: str
    reference: str
    incident_url: str
    nsir_title: str
    opened_iso: str
    opened: str
    hours_open: int
    flagged_iso: str
    flagged: str
    assigned: str
    is_open: bool
    allocate_url: str
    escalation_open: bool
    escalation_answered: bool
    escalation_age: str
    status: str
    mismatch: bool


def flag_list_rows(flags: list[UnrecordedFlag], *, now: datetime, back: str) -> list[FlagRow]:
    """The rows of the sergeant's queue for `flags` (flag_list's, with their incident, NSIR code and
    assignee loaded); `back` is the list's own address, quoted, for the flag page's way back. Built in
    Python rather than by template lookups on model instances, which cost about 0.7 ms a row (issue 24
    part 4)."""
    from staffing.templatetags.resolve_format import when  # the one way times are written

    statuses = dict(UnrecordedFlag._meta.get_field("status").flatchoices)
    flag_url = url_for_each("qa:flag-detail")
    incident_url = url_for_each("recording:incident-detail")
    allocate_url = allocation_page_urls_for(UnrecordedFlag)
    rows = []
    for flag in flags:
        incident = flag.incident
        opened_at = timezone.localtime(incident.opened_at)
        flagged_at = timezone.localtime(flag.flagged_at)
        assignee = flag.assigned_to
        is_open = flag.status == UnrecordedFlag.Status.OPEN
        rows.append(
            FlagRow(
                url=f"{flag_url(flag.pk)}?next={back}",
                reference=incident.reference,
                incident_url=incident_url(flag.incident_id),
                nsir_title=incident.nsir_code.title,
                opened_iso=opened_at.isoformat(),
                opened=when(opened_at),
                hours_open=rules.hours_open(incident.opened_at, flag.closed_at or now),
                flagged_iso=flagged_at.isoformat(),
                flagged=when(flagged_at),
                assigned=(assignee.get_full_name() or str(assignee)) if assignee else "Unassigned",
                is_open=is_open,
                allocate_url=allocate_url(flag.pk) if is_open else "",
                escalation_open=flag.escalation_open,
                escalation_answered=flag.escalation_answered_at is not None,
                escalation_age=age_text(flag.escalated_at, now),
                status=str(statuses.get(flag.status, flag.status)),
                mismatch=bool(flag.resolve_mismatch),
            )
        )
    return rows


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
