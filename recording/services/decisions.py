"""The recording decision, from report to crimes: the one path the decide page and the API both take.

`decision_check` runs the engine (recording.rules.decide) and the checks recording needs (the incident
exists, the report is not in the future), so Decide refuses what Record would refuse; `decision_record`
checks again inside its transaction, refuses a likely duplicate, records every crime, and saves the
allegations that wait for the victim (R-NCRS-THIRD-PARTY) as an AwaitingVictim for the sergeant's
queue (services.awaiting decides those later). `crime_create_from_decision` turns a decision into crimes
for both."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from config import registry
from config.exceptions import DomainError
from recording import lifecycle, rules
from recording.models import AwaitingVictim, Crime, CrimeTransfer, CrimeVictim, Force, Incident
from recording.rules import timeliness
from recording.selectors import incident_visible, offence_catalogue
from recording.services.common import require_past_time
from recording.services.crimes import CrimeDetails, SuspectInput, VictimInput, crime_create
from staffing.models import User


@dataclass(frozen=True)
class DecisionRecorded:
    decision: rules.Decision
    crimes: list[Crime] = field(default_factory=list)
    awaiting: AwaitingVictim | None = None


# The event qa's daily rape review listens for (config.registry.announce): a rape or serious sexual
# offence report now awaiting the victim reaches the review at once (R-RAPE-RECORD).
SERIOUS_SEXUAL_REPORT_AWAITING = "serious_sexual_report_awaiting"


def decision_report_time(
    *, actor: User, incident_reference: str, reported_at: datetime | None, reason: str = ""
) -> timeliness.ReportTime:
    """When the report first reached the force (R-NCRS-24H): with an incident, its opening unless the
    recorder gives another time and says why (timeliness.report_time); without one, the time given. An
    incident the actor may not see is "not found", as crime_create's link refuses it."""
    reference = incident_reference.strip()
    opened_at: datetime | None = None
    if reference:
        opened_at = (
            incident_visible(user=actor)
            .filter(reference=reference)
            .values_list("opened_at", flat=True)
            .first()
        )
        if opened_at is None:
            raise DomainError(f"No incident with reference {reference!r}.", field="incident_reference")
    if reported_at is not None and timezone.is_naive(reported_at):
        raise DomainError("Give the time with a time zone.", field="reported_at")
    try:
        timed = timeliness.report_time(incident_opened_at=opened_at, given=reported_at, reason=reason)
    except rules.ReportError as exc:
        raise DomainError(exc.message, field=exc.field) from exc
    require_past_time(timed.reported_at, field="reported_at", future="The report cannot be in the future.")
    return timed


def decision_check(
    *, actor: User, report: rules.Report, incident_reference: str = "", reported_at_reason: str = ""
) -> rules.Decision:
    """The engine's decision for `report`, or a DomainError naming the field to blame (engine paths such
    as "alleged.0.offence" are kept: the form and the API each place them). With an incident, the
    report time is checked against its opening and the decision's clock follows decision_report_time."""
    return decision_timed(
        actor=actor,
        report=report,
        incident_reference=incident_reference,
        reported_at_reason=reported_at_reason,
    )[0]


def decision_timed(
    *, actor: User, report: rules.Report, incident_reference: str, reported_at_reason: str
) -> tuple[rules.Decision, rules.Report, timeliness.ReportTime]:
    """decision_check's decision, with the report at its settled report time and that time (R-NCRS-24H),
    for the paths that go on to record it."""
    timed = decision_report_time(
        actor=actor,
        incident_reference=incident_reference,
        reported_at=report.reported_at,
        reason=reported_at_reason,
    )
    report = replace(report, reported_at=timed.reported_at)
    try:
        return rules.decide(report, offence_catalogue()), report, timed
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


def _report_time_words(report_time: timeliness.ReportTime | None) -> list[str]:
    """The history's words for a report time that is not the incident's opening (R-NCRS-24H)."""
    if report_time is None or not report_time.reason or report_time.incident_opened_at is None:
        return []
    opened = timezone.localtime(report_time.incident_opened_at)
    given = timezone.localtime(report_time.reported_at)
    return [
        f"Report time {given:%d %b %Y %H:%M}, not the incident's opening {opened:%d %b %Y %H:%M}: "
        f"{report_time.reason}"
    ]


@transaction.atomic
def crime_create_from_decision(
    *,
    actor: User,
    report: rules.Report,
    decision: rules.Decision,
    victims: Mapping[str, VictimInput] | None = None,
    offenders: Mapping[str, SuspectInput] | None = None,
    incident_reference: str = "",
    details: CrimeDetails | None = None,
    extra_explanation: Sequence[str] = (),
    report_time: timeliness.ReportTime | None = None,
) -> list[Crime]:
    """Create every crime the decision proposes, all or none. When the crime happened in another
    force's area (R-LOCATION) each crime is recorded here and an outgoing transfer to that force is
    opened (R-TRANSFER-PROTOCOL); on acceptance it is cancelled under C1. `report_time` keeps the
    incident's opening and the reason a different report time was given (R-NCRS-24H)."""
    victims = victims or {}
    offenders = offenders or {}
    known_victims = {v.ref: v for v in report.victims}
    for ref in victims:
        if ref not in known_victims:
            raise DomainError(f"Victim {ref!r} is not in the report.", field="victims")
    if not decision.crimes:
        raise DomainError("The decision proposes no crime to record.", field="crimes")
    force: Force | None = None
    if decision.transfer_to:
        force = Force.objects.filter(code=decision.transfer_to).first()
        if force is None:
            raise DomainError(
                f"Force {decision.transfer_to!r} is not in the force directory; add it before transferring.",
                field="location_force",
            )
    created: list[Crime] = []
    for proposal in decision.crimes:
        victim_inputs: list[VictimInput] = []
        if proposal.victim is not None:
            if proposal.victim not in known_victims:
                raise DomainError(f"Victim {proposal.victim!r} is not in the report.", field="victims")
            given = victims.get(proposal.victim)
            kind = known_victims[proposal.victim].kind
            victim_inputs.append(
                VictimInput(
                    ref=proposal.victim,
                    kind=kind if kind in CrimeVictim.Kind.values else CrimeVictim.Kind.PERSON,
                    name=given.name if given else "",
                    date_of_birth=given.date_of_birth if given else None,
                    age=given.age if given else None,
                    contact=given.contact if given else "",
                    vulnerable=given.vulnerable if given else False,
                    adjustments=tuple(given.adjustments) if given else (),
                    adjustment_notes=given.adjustment_notes if given else "",
                )
            )
        suspect_inputs = [offenders.get(ref) or SuspectInput(ref=ref) for ref in proposal.offenders]
        crime = crime_create(
            actor=actor,
            offence_code=proposal.offence_code or proposal.offence,
            reported_at=report.reported_at,
            incident_opened_at=report_time.incident_opened_at if report_time else None,
            reported_at_reason=report_time.reason if report_time else "",
            # The victim's wish carried from the report (R-NCRS-VICTIM-BELIEF: recorded all the same).
            victim_view=Crime.VictimView.DOES_NOT_SUPPORT
            if proposal.victim is not None and not known_victims[proposal.victim].supports_action
            else "",
            victims=victim_inputs,
            suspects=suspect_inputs,
            incident_references=[incident_reference] if incident_reference else [],
            details=details,
            location_force=report.location_force or report.force,
            decision_rules=list(dict.fromkeys([*decision.rules, *proposal.rules])),
            decision_explanation=[*decision.explanation, *extra_explanation],
            reason=" ".join(
                [
                    f"Recorded from the recording decision ({', '.join(proposal.allegations)}).",
                    *extra_explanation,
                    *_report_time_words(report_time),
                ]
            ),
        )
        if force is not None:
            transfer = CrimeTransfer(
                crime=crime,
                direction=CrimeTransfer.Direction.OUTGOING,
                force=force,
                reason=f"Happened in {force.code}'s area (R-LOCATION).",
                requested_by=actor,
            )
            transfer._history_user = actor  # type: ignore[attr-defined]
            transfer._change_reason = "Transfer opened from the recording decision"  # type: ignore[attr-defined]
            transfer.save()
        created.append(crime)
    return created


def _with_incident_facts(details: CrimeDetails, incident: Incident | None) -> CrimeDetails:
    """A crime recorded from an incident carries what the incident says was reported, where, and its
    THRIVE grade, never retyped: the decide page fills them in, and what the recorder leaves blank (or an
    API caller leaves out) is the incident's. (decision_timed has already checked the recorder may see
    the incident, and the report time against its opening.)"""
    if incident is None:
        return details
    return replace(
        details,
        summary=details.summary or incident.summary,
        location=details.location or incident.location,
        grade=details.grade or incident.grade,
    )


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
    reported_at_reason: str = "",
) -> DecisionRecorded:
    """Decide and record every crime of the decision, all or none (R-NCRS-BOP, R-ONE-PER-VICTIM ...).

    A likely duplicate (R-CANCEL-C3-DUPLICATE is the rule for one recorded by mistake) is refused,
    naming the crime already recorded, unless `separate_crime_reason` says why this is another crime;
    the reason is kept in the crime's decision explanation and its history."""
    victims = victims or {}
    incident_reference = incident_reference.strip()
    # Lock the incident first: two recorders recording the same incident at once queue here, so the
    # second sees the first's crimes in the duplicate check.
    incident = None
    if incident_reference:
        incident = Incident.objects.select_for_update().filter(reference=incident_reference).first()
    decision, report, timed = decision_timed(
        actor=actor,
        report=report,
        incident_reference=incident_reference,
        reported_at_reason=reported_at_reason,
    )
    details = _with_incident_facts(details or CrimeDetails(), incident)
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
            "otherwise open the existing crime: a second report of a crime already recorded is part of it, "
            "never a new record (R-CANCEL-C3-DUPLICATE).",
            field="separate_crime_reason",
        )
    notes: tuple[str, ...] = ()
    if duplicates:
        already = ", ".join(n for numbers in duplicates.values() for n in numbers)
        notes = (f"Recorded as a separate crime from {already}: {reason}",)
    if not decision.crimes and not decision.awaiting_confirmation:
        raise DomainError("The decision proposes no crime to record.", field="crimes")
    made: list[Crime] = []
    if decision.crimes:
        made = crime_create_from_decision(
            actor=actor,
            report=report,
            decision=decision,
            victims=victims,
            offenders=offenders,
            incident_reference=incident_reference,
            details=details,
            extra_explanation=notes,
            report_time=timed,
        )
    awaiting = None
    if decision.awaiting_confirmation:
        awaiting = _awaiting_save(
            actor=actor,
            report=report,
            decision=decision,
            victims=victims,
            offenders=offenders or {},
            incident_reference=incident_reference,
            details=details,
            report_time=timed,
        )
    return DecisionRecorded(decision=decision, crimes=made, awaiting=awaiting)


# ---------------------------------------------------------------- awaiting the victim (R-NCRS-THIRD-PARTY)
def _plain(value: Any) -> Any:
    """A dataclass's fields as JSON: dates and times as ISO text, tuples as lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _awaiting_save(
    *,
    actor: User,
    report: rules.Report,
    decision: rules.Decision,
    victims: Mapping[str, VictimInput],
    offenders: Mapping[str, SuspectInput],
    incident_reference: str,
    details: CrimeDetails,
    report_time: timeliness.ReportTime,
) -> AwaitingVictim:
    # Each waiting allegation keeps its offence's title, so the queue names what was reported in words.
    catalogue = offence_catalogue()
    waiting = [
        {
            **_plain(asdict(a)),
            "offence_title": catalogue[a.offence_code or a.offence].title
            if (a.offence_code or a.offence) in catalogue
            else "",
        }
        for a in decision.awaiting_confirmation
    ]
    # Its place in the sergeant's queue (the crime queues' risk order): the most serious waiting offence,
    # whether a victim waited for is vulnerable, and the report's own flags and grade.
    ranks = [catalogue[a.offence].seriousness_rank for a in decision.awaiting_confirmation]
    waiting_for = {a.victim for a in decision.awaiting_confirmation}
    vulnerable = (
        details.vulnerable_victim
        or any(v.vulnerable for v in report.victims if v.ref in waiting_for)
        or any(v.vulnerable for ref, v in victims.items() if ref in waiting_for)
    )
    row = AwaitingVictim(
        reporter=report.reporter,
        reported_at=report.reported_at,
        record_by=decision.record_by,
        incident=Incident.objects.filter(reference=incident_reference).first()
        if incident_reference
        else None,
        summary=details.summary,
        allegations=waiting,
        report={
            "report": _plain(asdict(report)),
            "victim_details": {ref: _plain(asdict(v)) for ref, v in victims.items()},
            "offender_details": {ref: _plain(asdict(o)) for ref, o in offenders.items()},
            "incident_reference": incident_reference,
            "details": _plain({k: v for k, v in asdict(details).items() if k != "extra"}),
            "reported_at_reason": report_time.reason,
        },
        restricted=any(a.restricted for a in decision.awaiting_confirmation),
        daily_review=any(a.daily_review for a in decision.awaiting_confirmation),
        seriousness_rank=min(ranks),
        vulnerable_victim=vulnerable,
        domestic_abuse=details.domestic_abuse,
        hate_crime=details.hate_crime,
        grade=details.grade,
        created_by=actor,
        team_id=actor.team_id,
    )
    row._change_reason = (  # type: ignore[attr-defined]
        "Saved awaiting the victim (R-NCRS-THIRD-PARTY): "
        + ", ".join(a.allegation for a in decision.awaiting_confirmation)
    )
    row.save()
    if row.daily_review:
        registry.announce(SERIOUS_SEXUAL_REPORT_AWAITING, awaiting_id=row.pk)
    return row
