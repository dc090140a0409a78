"""The whole record a dip-test auditor judges (R-DIP-TEST: re-decide each sampled item against NCRS and
HOCR): the incident's log, every linked crime with its victims, offences, classification history,
recording time against the 24-hour clock (R-NCRS-24H) and outcome with its evidence, and, as a second
opinion, what the recording engine (recording.rules, pure) decides for the stored facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings

from qa.history import Change, crime_changes, incident_nsir_changes, sample_crimes
from qa.models import DipSample
from recording import rules as engine
from recording.models import Crime, CrimeVictim, Incident
from recording.selectors import offence_catalogue


@dataclass(frozen=True)
class CrimeRecord:
    crime: Crime
    victims: list[str]
    suspects: list[str]
    classification_history: list[Change]
    hours_to_record: float
    within_24h: bool


@dataclass(frozen=True)
class EngineOpinion:
    """What the engine decides from the stored facts, beside what was recorded."""

    crimes: list[str] = field(default_factory=list)
    record_by: datetime | None = None
    explanation: list[str] = field(default_factory=list)
    agrees: bool | None = None
    problem: str = ""


@dataclass(frozen=True)
class IncidentRecord:
    incident: Incident
    nsir_history: list[Change]


@dataclass(frozen=True)
class AuditRecord:
    incidents: list[IncidentRecord]
    crimes: list[CrimeRecord]
    opinion: EngineOpinion


def _crime_record(crime: Crime) -> CrimeRecord:
    hours = (crime.recorded_at - crime.reported_at).total_seconds() / 3600
    return CrimeRecord(
        crime=crime,
        victims=[
            f"{v.name} ({v.get_kind_display().lower()}"
            + (f", aged {v.age}" if v.age is not None else "")
            + (", vulnerable" if v.vulnerable else "")
            + ")"
            for v in crime.victims.all()
        ],
        suspects=[s.name or s.description or s.ref or "Unnamed" for s in crime.suspects.all()],
        classification_history=crime_changes([crime], fields=("offence",)),
        hours_to_record=round(hours, 1),
        within_24h=crime.recorded_at <= crime.record_by,
    )


def engine_opinion(crimes: list[Crime]) -> EngineOpinion:
    """Run the recording engine on the facts as stored: each crime's victims and offence as one
    allegation (believed, as recorded), grouped by its incident. The engine cannot see what was never
    stored (an allegation nobody wrote down), so its answer is a second opinion, not the audit."""
    if not crimes:
        return EngineOpinion(problem="No crime is recorded, so there are no stored allegations to decide.")
    victims: dict[str, engine.Victim] = {}
    alleged: list[engine.Allegation] = []
    for crime in crimes:
        incident = next((i.reference for i in crime.incidents.all()), crime.crime_number)
        crime_victims: list[CrimeVictim | None] = list(crime.victims.all()) or [None]
        for victim in crime_victims:
            ref = None
            if victim is not None:
                ref = f"V{victim.pk}"
                victims[ref] = engine.Victim(ref=ref, kind=victim.kind)
            alleged.append(
                engine.Allegation(
                    ref=f"{crime.crime_number}/{ref or 'no victim'}",
                    victim=ref,
                    offence=crime.offence.code,
                    incident=incident,
                    offenders=tuple(f"O{s.pk}" for s in crime.suspects.all()),
                )
            )
    force = settings.RESOLVE_FORCE_CODE
    report = engine.Report(
        reported_at=min(c.reported_at for c in crimes),
        force=force,
        location_force=crimes[0].location_force or force,
        victims=tuple(victims.values()),
        alleged=tuple(alleged),
    )
    try:
        decision = engine.decide(report, offence_catalogue())
    except engine.ReportError as err:
        return EngineOpinion(problem=f"The engine cannot decide from the stored facts: {err.message}")
    decided = sorted(c.offence for c in decision.crimes)
    recorded = sorted(c.offence.code for c in crimes if c.status != Crime.Status.CANCELLED)
    return EngineOpinion(
        crimes=[
            f"{c.offence} ({len(c.allegations)} allegation{'s' if len(c.allegations) != 1 else ''})"
            for c in decision.crimes
        ],
        record_by=decision.record_by,
        explanation=list(decision.explanation),
        agrees=decided == recorded,
    )


def dip_sample_record(sample: DipSample) -> AuditRecord:
    """Everything the audit page shows about the sampled record."""
    crimes = sample_crimes(sample)
    if sample.kind == DipSample.Kind.INCIDENT:
        incidents = list(Incident.objects.filter(pk=sample.object_id).select_related("nsir_code"))
    else:
        incidents = list(Incident.objects.filter(crimes__pk=sample.object_id).select_related("nsir_code"))
    return AuditRecord(
        incidents=[IncidentRecord(i, incident_nsir_changes(i)) for i in incidents],
        crimes=[_crime_record(crime) for crime in crimes],
        opinion=engine_opinion(crimes),
    )
