"""Third-party reports saved awaiting the victim (R-NCRS-THIRD-PARTY), decided later: recorded once the
victim is spoken to and confirms (decided again, the 24-hour clock still running from the report), or
closed with a reason; and opening one for view, logged."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from recording import rules
from recording.models import AwaitingVictim, Crime
from recording.permissions import awaiting_scope_refusal
from recording.selectors import awaiting_victim_get
from recording.services.crimes import CrimeDetails, SuspectInput, VictimInput
from recording.services.decisions import crime_create_from_decision, decision_timed
from staffing.models import User
from staffing.services import access_log_records, open_logged


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
    decision, report, timed = decision_timed(
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
    access_log_records(
        user=user,
        record_type=AWAITING_RECORD_TYPE,
        records=[(row.pk, row.label) for row in rows],
        purpose=purpose,
        path=path,
    )
