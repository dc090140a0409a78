"""What changed on a sampled record, read from its simple-history rows: the classification history an
auditor reads on the audit page, and the evidence that an amendment's error was put right (R-DIP-TEST:
feed back, and check the record was corrected, not only that someone said so)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from qa.models import Amendment, AuditFinding, DipSample
from recording.models import Crime, HomeOfficeOutcome, Incident, NsirCode, Offence

# The fields of a crime each kind of error is about: a change to one of them after the finding shows
# the record was corrected. Wrong count / wrong recording decision also show as a crime recorded for, or
# removed from, the record (a new crime, a cancellation).
WATCHED: dict[str, tuple[str, ...]] = {
    AuditFinding.ErrorType.CLASSIFICATION: ("offence",),
    AuditFinding.ErrorType.OUTCOME: ("outcome", "outcome_reason", "victim_view", "victim_view_evidence"),
    AuditFinding.ErrorType.LATE: ("reported_at", "recorded_at", "ncrs_breach"),
    AuditFinding.ErrorType.COUNT: ("status",),
    AuditFinding.ErrorType.UNRECORDED: ("status",),
}
FOREIGN_KEYS = ("offence", "outcome")
COUNTING_ERRORS = (AuditFinding.ErrorType.COUNT, AuditFinding.ErrorType.UNRECORDED)
LABELS = {
    "offence": "Classification",
    "outcome": "Outcome",
    "outcome_reason": "Outcome evidence",
    "victim_view": "Victim's view",
    "victim_view_evidence": "Evidence of the victim's view",
    "reported_at": "Reported at",
    "recorded_at": "Recorded at",
    "ncrs_breach": "Recorded late (NCRS breach)",
    "status": "Status",
}


@dataclass(frozen=True)
class Change:
    """One change to a record, as its history shows it."""

    record: str
    what: str
    before: str
    after: str
    at: datetime
    by: str
    reason: str


def sample_crimes(sample: DipSample, *, wider: bool = False) -> list[Crime]:
    """The crimes a sample is about: the sampled crime (with `wider`, also every crime sharing one of
    its incidents, which a wrong count concerns), or every crime linked to the sampled incident."""
    if sample.kind == DipSample.Kind.CRIME:
        where = Q(pk=sample.object_id)
        if wider:
            where |= Q(incidents__crimes__pk=sample.object_id)
    else:
        where = Q(incidents__pk=sample.object_id)
    return list(
        Crime.objects.filter(where).distinct().select_related("offence").order_by("recorded_at", "pk")
    )


def _shown(field: str, value: Any, names: dict[str, dict[int, str]]) -> str:
    if value is None or value == "":
        return "–"
    if field in names:
        return names[field].get(value, str(value))
    if field == "status":
        return str(Crime.Status(value).label) if value in Crime.Status.values else str(value)
    if field == "victim_view":
        return str(Crime.VictimView(value).label) if value in Crime.VictimView.values else str(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%-d %b %Y %H:%M")
    return str(value)


def _value(row: Any, field: str) -> Any:
    """A field's stored value on a history row (a foreign key's id, not a fetched object)."""
    return getattr(row, f"{field}_id") if field in FOREIGN_KEYS else getattr(row, field)


def _names() -> dict[str, dict[int, str]]:
    return {
        "offence": {pk: str(o) for pk, o in Offence.objects.in_bulk().items()},
        "outcome": {pk: str(o) for pk, o in HomeOfficeOutcome.objects.in_bulk().items()},
    }


def crime_changes(
    crimes: list[Crime], *, fields: tuple[str, ...], since: datetime | None = None, created: bool = False
) -> list[Change]:
    """Changes to `fields` of `crimes` (after `since`, when given), oldest first, from their history;
    with `created`, a crime recorded after `since` counts as a change too."""
    names = _names()
    out: list[Change] = []
    for crime in crimes:
        rows = list(crime.history.select_related("history_user").order_by("history_date", "history_id"))
        previous = None
        for row in rows:
            later = since is None or row.history_date > since
            who = str(row.history_user) if row.history_user else "System"
            reason = row.history_change_reason or ""
            if previous is None:
                if created and later and since is not None:
                    out.append(
                        Change(
                            crime.crime_number,
                            "Crime recorded",
                            "–",
                            str(crime.offence),
                            row.history_date,
                            who,
                            reason,
                        )
                    )
            elif later:
                for field in fields:
                    before, after = _value(previous, field), _value(row, field)
                    if before != after:
                        out.append(
                            Change(
                                crime.crime_number,
                                LABELS.get(field, field),
                                _shown(field, before, names),
                                _shown(field, after, names),
                                row.history_date,
                                who,
                                reason,
                            )
                        )
            previous = row
    return sorted(out, key=lambda c: c.at)


def amendment_changes(amendment: Amendment) -> list[Change]:
    """What changed on the record, after the finding was raised, to what its error names."""
    finding = amendment.finding
    error = finding.error_type
    return crime_changes(
        sample_crimes(finding.sample, wider=error in COUNTING_ERRORS),
        fields=WATCHED[error],
        since=finding.found_at,
        created=error in COUNTING_ERRORS,
    )


def incident_nsir_changes(incident: Incident) -> list[Change]:
    """Every change of the incident's NSIR code recorded in its history, oldest first (changes made in
    Resolve; the command-and-control feed's upserts keep their trail in the import batch instead)."""
    names = {pk: f"{code.title} ({code.code})" for pk, code in NsirCode.objects.in_bulk().items()}
    out: list[Change] = []
    previous = None
    for row in incident.history.select_related("history_user").order_by("history_date", "history_id"):
        if previous is not None and previous.nsir_code_id != row.nsir_code_id:
            out.append(
                Change(
                    incident.reference,
                    "NSIR code",
                    names.get(previous.nsir_code_id, "–"),
                    names.get(row.nsir_code_id, "–"),
                    row.history_date,
                    str(row.history_user) if row.history_user else "System",
                    row.history_change_reason or "",
                )
            )
        previous = row
    return out
