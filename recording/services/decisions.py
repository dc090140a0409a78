"""The recording decision, from report to crimes: the one path the decide page and the API both take.

`decision_check` runs the engine (recording.rules.decide) and the checks recording needs (the incident
exists, the report is not in the future), so Decide refuses what Record would refuse; `decision_record`
checks again inside its transaction, refuses a likely duplicate, records every crime, and saves the
allegations that wait for the victim (R-NCRS-THIRD-PARTY) as an AwaitingVictim for the sergeant's
queue; `awaiting_record` and `awaiting_close` decide those later."""

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
from recording.models import AwaitingVictim, Crime, CrimeVictim, Incident
from recording.permissions import awaiting_scope_refusal
from recording.rules import timeliness
from recording.selectors import awaiting_victim_get, incident_visible, offence_catalogue
from recording.services.crimes import (
    CrimeDetails,
    SuspectInput,
    VictimInput,
    crime_create_from_decision,
)
from staffing.models import AccessLog, User
from staffing.services import open_logged


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
    if timed.reported_at > timezone.now():
        raise DomainError("The report cannot be in the future.", field="reported_at")
    return timed


def decision_check(
    *, actor: User, report: rules.Report, incident_reference: str = "", reported_at_reason: str = ""
) -> rules.Decision:
    """The engine's decision for `report`, or a DomainError naming the field to blame (engine paths such
    as "alleged.0.offence" are kept: the form and the API each place them). With an incident, the
    report time is checked against its opening and the decision's clock follows decision_report_time."""
    return _decide(
        actor=actor,
        report=report,
        incident_reference=incident_reference,
        reported_at_reason=reported_at_reason,
    )[0]


def _decide(
    *, actor: User, report: rules.Report, incident_reference: str, reported_at_reason: str
) -> tuple[rules.Decision, rules.Report, timeliness.ReportTime]:
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
    if incident_reference:
        Incident.objects.select_for_update().filter(reference=incident_reference).first()
    decision, report, timed = _decide(
        actor=actor,
        report=report,
        incident_reference=incident_reference,
        reported_at_reason=reported_at_reason,
    )
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
            details=details or CrimeDetails(),
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


def _report_from_stored(stored: dict[str, Any], *, only: set[str]) -> rules.Report:
    """The stored report with only the waiting allegations, now with the victim spoken to."""
    data = stored["report"]
    return rules.Report(
        reported_at=datetime.fromisoformat(data["reported_at"]),
        force=data["force"],
        location_force=data["location_force"],
        reporter=data["reporter"],
        victims=tuple(rules.Victim(**v) for v in data["victims"]),
        alleged=tuple(
            replace(rules.Allegation(**a), victim_contacted=True) for a in data["alleged"] if a["ref"] in only
        ),
    )


def _victim_input(data: dict[str, Any]) -> VictimInput:
    born = data.get("date_of_birth")
    return VictimInput(**{**data, "date_of_birth": date.fromisoformat(born) if born else None})


def _suspect_input(data: dict[str, Any]) -> SuspectInput:
    born = data.get("date_of_birth")
    return SuspectInput(**{**data, "date_of_birth": date.fromisoformat(born) if born else None})


def _awaiting_lock(awaiting_id: int) -> AwaitingVictim:
    row = AwaitingVictim.objects.select_for_update().filter(pk=awaiting_id).first()
    if row is None:
        raise DomainError("No such report awaiting the victim.")
    if row.status != AwaitingVictim.Status.AWAITING:
        raise DomainError(f"This report was already decided: {row.get_status_display().lower()}.")
    return row


def _awaiting_in_scope(row: AwaitingVictim, actor: User, what: str) -> None:
    """Team scope (issue 20 part 6): the one question the page and the API both reach through here."""
    refusal = awaiting_scope_refusal(actor, row, what)
    if refusal:
        raise DomainError(refusal, field="non_field_errors")


@transaction.atomic
def awaiting_record(*, awaiting_id: int, actor: User, note: str) -> list[Crime]:
    """The victim has been spoken to and confirms: decide the waiting allegations again with the victim
    contacted, and record the crimes that decision gives (the 24-hour clock still runs from the report,
    so a late record is still a timeliness breach)."""
    row = _awaiting_lock(awaiting_id)
    _awaiting_in_scope(row, actor, "record this report")
    stored = row.report
    report = _report_from_stored(stored, only={a["allegation"] for a in row.allegations})
    decision, report, timed = _decide(
        actor=actor,
        report=report,
        incident_reference=stored["incident_reference"],
        # Saved before report times were checked against the incident: the time then saved stands.
        reported_at_reason=stored.get("reported_at_reason", "Report time as saved awaiting the victim."),
    )
    if not decision.crimes:
        raise DomainError(
            "With the victim spoken to, the decision records no crime: close it and say why instead.",
            field="note",
        )
    made = crime_create_from_decision(
        actor=actor,
        report=report,
        decision=decision,
        victims={ref: _victim_input(v) for ref, v in stored["victim_details"].items()},
        offenders={ref: _suspect_input(o) for ref, o in stored["offender_details"].items()},
        incident_reference=stored["incident_reference"],
        details=CrimeDetails(**stored["details"]),
        report_time=timed,
    )
    row.status = AwaitingVictim.Status.RECORDED
    row.decided_by = actor
    row.decided_at = timezone.now()
    row.decision_note = note.strip()
    row._change_reason = (  # type: ignore[attr-defined]
        f"Recorded after the victim was spoken to: {', '.join(c.crime_number for c in made)}"
    )
    row.save()
    row.crimes.add(*made)
    return made


@transaction.atomic
def awaiting_close(*, awaiting_id: int, actor: User, reason: str) -> AwaitingVictim:
    """Close without a crime, saying why (e.g. the victim says nothing happened: that is their account,
    R-NCRS-VICTIM-BELIEF). The reason is kept and audited."""
    reason = reason.strip()
    if not reason:
        raise DomainError("Say why no crime is to be recorded.", field="reason")
    row = _awaiting_lock(awaiting_id)
    _awaiting_in_scope(row, actor, "close this report")
    row.status = AwaitingVictim.Status.CLOSED
    row.decided_by = actor
    row.decided_at = timezone.now()
    row.decision_note = reason
    row._change_reason = f"Closed without a crime: {reason}"  # type: ignore[attr-defined]
    row.save()
    return row


AWAITING_RECORD_TYPE = "recording.awaiting_victim"


def awaiting_open(*, user: User, pk: int, purpose: str, path: str) -> AwaitingVictim:
    """One report awaiting the victim for its page. Every view is logged: the page names the victim and
    gives their number (and a restricted one is need-to-know, R-RESTRICTED)."""
    return open_logged(
        user=user,
        find=lambda: awaiting_victim_get(user=user, pk=pk),
        record_type=AWAITING_RECORD_TYPE,
        label=lambda row: row.label,
        purpose=purpose,
        path=path,
    )


def awaiting_views_log(*, user: User, rows: Sequence[AwaitingVictim], purpose: str, path: str) -> None:
    """Log the view of each report a queue page or the API list shows with its victim's name and number:
    one access-log row per report, written in one statement."""
    AccessLog.objects.bulk_create(
        [
            AccessLog(
                user=user,
                record_type=AWAITING_RECORD_TYPE,
                record_id=str(row.pk),
                record_label=row.label[:200],
                purpose=purpose[:300],
                action="view",
                path=path[:300],
            )
            for row in rows
        ]
    )
