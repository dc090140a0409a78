"""The whole record a dip-test auditor judges (R-DIP-TEST: re-decide each sampled item against NCRS and
HOCR): the incident's log, every linked crime with its victims, offences, classification history,
recording time against the 24-hour clock (R-NCRS-24H) and outcome with its evidence, and, as an
independent second opinion, what the incident's own facts say: the hidden-crime screen's reading of its
narrative and the clock from its opening, compared line by line with what was recorded. It never starts
from the offence recorded (a check that re-decides from the answer it checks always agrees); where it
cannot compare, it says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from qa import rules
from qa.history import Change, crime_changes, incident_nsir_changes, sample_crimes
from qa.models import DipSample, ScreenedIncident
from qa.screen import PatternSet, screen
from qa.selectors import screen_patterns_current
from recording.models import Crime, Incident


@dataclass(frozen=True)
class CrimeRecord:
    crime: Crime
    victims: list[str]
    suspects: list[str]
    classification_history: list[Change]
    hours_to_record: float
    within_24h: bool


@dataclass(frozen=True)
class IncidentRecord:
    incident: Incident
    nsir_history: list[Change]


@dataclass(frozen=True)
class AuditRecord:
    incidents: list[IncidentRecord]
    crimes: list[CrimeRecord]
    opinions: list[NarrativeOpinion]
    # Why there is no second opinion at all ("" when there is one per incident).
    no_opinion: str = ""


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


@dataclass(frozen=True)
class NarrativeOpinion:
    """The second opinion on one incident, re-decided from the incident's own facts, never from what was
    recorded: the hidden-crime screen reads its narrative (qa.screen) for the crimes it discloses, and the
    24-hour clock runs from the incident's opening (R-NCRS-24H), not from the crime's own report time.
    Each comparison with what was recorded is a line of `compared`; what could not be compared is a line
    of `not_checked`; `agrees` is None when nothing could be compared (the page then says so)."""

    incident: str
    verdict: str = ""
    score: float | None = None
    crimes: list[dict[str, Any]] = field(default_factory=list)
    discounted: list[dict[str, Any]] = field(default_factory=list)
    segments: list[rules.Segment] = field(default_factory=list)
    record_by: datetime | None = None
    compared: list[tuple[bool, str]] = field(default_factory=list)
    not_checked: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool | None:
        return all(ok for ok, _line in self.compared) if self.compared else None


def _recorded(crimes: list[Crime]) -> list[Crime]:
    return [c for c in crimes if c.status != Crime.Status.CANCELLED]


def narrative_opinion(incident: Incident, crimes: list[Crime], patterns: PatternSet) -> NarrativeOpinion:
    """Re-decide the incident from its own facts (issue 20 part 4, issue 21 part 4)."""
    not_checked = [
        "Who reported it: the incident log does not hold the reporter, so it was not compared "
        "(R-NCRS-THIRD-PARTY)."
    ]
    narrative = incident.summary.strip()
    record_by = incident.opened_at + timedelta(hours=24)
    compared: list[tuple[bool, str]] = []
    for crime in _recorded(crimes):
        hours = (crime.recorded_at - incident.opened_at).total_seconds() / 3600
        on_time = crime.recorded_at <= record_by
        compared.append(
            (
                on_time,
                f"Crime {crime.crime_number} was recorded {hours:.1f} hours after the incident opened: "
                + ("within" if on_time else "after")
                + " the 24 hours the incident's own time allows (R-NCRS-24H).",
            )
        )
    if not narrative:
        not_checked.insert(0, "The crimes disclosed: the incident logged no narrative to read.")
        return NarrativeOpinion(
            incident=incident.reference, record_by=record_by, compared=compared, not_checked=not_checked
        )
    result = screen(narrative, incident.nsir_code.code, patterns)
    crimes_found = [
        {
            "offence": c.offence,
            "title": patterns.offence_title(c.offence),
            "principal": c.principal,
            "evidence": [e.text for e in c.evidence],
        }
        for c in result.crimes
    ]
    discounted = [{"text": d.text, "why": d.why_label} for d in result.discounted]
    segments = rules.narrative_segments(
        narrative,
        [(e.start, e.end) for c in result.crimes for e in c.evidence],
        [(d.start, d.end, d.why_label) for d in result.discounted],
    )
    found = {c.offence for c in result.crimes}
    recorded = {c.offence.code for c in _recorded(crimes)}
    if result.verdict == "unsure":
        not_checked.insert(0, "The crimes disclosed: the screen cannot decide from the narrative (unsure).")
    else:
        titles = {c["offence"]: c["title"] for c in crimes_found}
        for code in sorted(found & recorded):
            compared.append((True, f"The narrative discloses {titles[code]} ({code}), and it was recorded."))
        for code in sorted(found - recorded):
            compared.append(
                (False, f"The narrative discloses {titles[code]} ({code}), which was not recorded.")
            )
        for code in sorted(recorded - found):
            compared.append(
                (False, f"{code} was recorded, but the narrative holds no words that disclose it.")
            )
        if not found and not recorded:
            compared.append((True, "The narrative discloses no crime, and none was recorded."))
    return NarrativeOpinion(
        incident=incident.reference,
        verdict=ScreenedIncident.Verdict(result.verdict).label,
        score=result.score,
        crimes=crimes_found,
        discounted=discounted,
        segments=segments,
        record_by=record_by,
        compared=compared,
        not_checked=not_checked,
    )


def dip_sample_record(sample: DipSample) -> AuditRecord:
    """Everything the audit page shows about the sampled record."""
    crimes = sample_crimes(sample)
    if sample.kind == DipSample.Kind.INCIDENT:
        incidents = list(Incident.objects.filter(pk=sample.object_id).select_related("nsir_code"))
    else:
        incidents = list(Incident.objects.filter(crimes__pk=sample.object_id).select_related("nsir_code"))
    patterns = screen_patterns_current()
    return AuditRecord(
        incidents=[IncidentRecord(i, incident_nsir_changes(i)) for i in incidents],
        crimes=[_crime_record(crime) for crime in crimes],
        opinions=[narrative_opinion(i, crimes, patterns) for i in incidents],
        no_opinion=""
        if incidents
        else "Not checked: no incident is linked to this crime, so there is no account of its own "
        "(narrative, time, reporter) to re-decide it from.",
    )
