"""Nightly dip-test (R-DIP-TEST): draw a reproducible stratified sample of the previous day's work, let a
sergeant audit each item, and turn every "no" into an AuditFinding and an Amendment for the record's owner.

Strata (each unit in exactly one, so the weights N_h/n_h add back up to the day):
- `cancellation`      every crime cancelled that day (take-all: HMIC found ~1 in 5 wrong, R-CANCEL-DDM);
- `outcome-14-16`     every crime finalised that day with outcome 14 or 16 (take-all, R-OUTCOME-VICTIM-VIEW);
- `crime:<category>`  the other crimes recorded that day, by offence category (R-CLASSIFY);
- `incident:<NSIR>`   crime-related incidents opened that day, by NSIR crime type;
- `hidden-risk:<band>` non-crime incidents closed that day under a hidden_crime_risk code, over-sampled
                      (R-NSIR-SWEEP) and stratified by the hidden-crime screen's score (issue 21 part 4):
                      `high` (score >= 0.5) takes RESOLVE_DIPTEST_HIDDEN_RISK, `mid` half of it, `low` a
                      quarter, and incidents the screen has not read (`unscreened`) the
                      whole of it (qa.rules.score_band_sizes).
Sample sizes come from settings RESOLVE_DIPTEST_* and are stored on the DipTest with the seed, so the
very same sample can be drawn again from (date, seed).

The estimator. Within stratum h (N_h units that day, n_h drawn by simple random sampling without
replacement) each audited unit carries the design weight w = N_h / n_h, and compliance is estimated as
p̂ = Σ w_i·y_i / Σ w_i (qa.rules.weighted_compliance). When every drawn unit is audited, Σ w_i = Σ_h N_h = N
is fixed, so p̂ is the Horvitz–Thompson estimator of the population share, Σ_h N_h·ȳ_h / N, which is
exactly unbiased whatever n_h each stratum is given: over-sampling high-score incidents changes how
precise the estimate is, never what it estimates. (Before every unit is audited p̂ is the Hájek ratio,
unbiased up to O(1/n).) qa/tests/test_rules.py proves it with a fixed seed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from config.exceptions import DomainError
from qa import rules
from qa.history import amendment_changes, sample_crimes
from qa.models import Amendment, AuditFinding, DipSample, DipTest
from qa.services.allocation import dip_sample_barred
from qa.services.timing import day_bounds
from recording.models import Crime, Incident
from staffing import rules as staffing_rules
from staffing.models import User
from staffing.services import allocation_finish, allocation_give_to

TAKE_ALL = None
OUTCOME_CODES_VICTIM_VIEW = ("14", "16")

QUESTIONS: dict[str, str] = {
    "recording_right": AuditFinding.ErrorType.UNRECORDED,
    "count_right": AuditFinding.ErrorType.COUNT,
    "classification_right": AuditFinding.ErrorType.CLASSIFICATION,
    "within_24h": AuditFinding.ErrorType.LATE,
    "outcome_right": AuditFinding.ErrorType.OUTCOME,
}


def configured_sizes() -> dict[str, int | None]:
    """Sample size per stratum kind (settings RESOLVE_DIPTEST_*); None = take all. The hidden-risk
    strata are sized per score band."""
    bands = rules.score_band_sizes(int(settings.RESOLVE_DIPTEST_HIDDEN_RISK))
    return {
        "crime": int(settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY),
        "incident": int(settings.RESOLVE_DIPTEST_INCIDENTS_PER_CODE),
        **{f"hidden-risk:{band}": n for band, n in bands.items()},
        "cancellation": TAKE_ALL,
        "outcome-14-16": TAKE_ALL,
    }


def _size_for(stratum: str, sizes: dict[str, int | None]) -> int | None:
    return sizes[stratum] if stratum in sizes else sizes[stratum.split(":", 1)[0]]


def dip_test_populations(
    day: date,
) -> tuple[dict[str, list[int]], dict[int, dict[str, Any]], dict[int, dict[str, Any]]]:
    """The day's units by stratum (ids prefixed by kind in the returned maps). Returns
    (population_by_stratum with keys 'crime:…'/'incident:…', crime rows by id, incident rows by id)."""
    start, end = day_bounds(day)
    crime_fields = ("id", "crime_number", "offence__category", "owner_id", "team_id")
    cancelled = {
        row["id"]: row
        for row in Crime.objects.filter(cancelled_at__gte=start, cancelled_at__lt=end).values(*crime_fields)
    }
    outcome = {
        row["id"]: row
        for row in Crime.objects.filter(
            outcome_at__gte=start, outcome_at__lt=end, outcome__code__in=OUTCOME_CODES_VICTIM_VIEW
        ).values(*crime_fields)
        if row["id"] not in cancelled
    }
    recorded = {
        row["id"]: row
        for row in Crime.objects.filter(recorded_at__gte=start, recorded_at__lt=end).values(*crime_fields)
        if row["id"] not in cancelled and row["id"] not in outcome
    }
    incident_fields = ("id", "reference", "nsir_code__code")
    crime_incidents = {
        row["id"]: row
        for row in Incident.objects.filter(
            crime_related=True, opened_at__gte=start, opened_at__lt=end
        ).values(*incident_fields)
    }
    hidden = {
        row["id"]: row
        for row in Incident.objects.filter(
            crime_related=False, nsir_code__hidden_crime_risk=True, closed_at__gte=start, closed_at__lt=end
        ).values(*incident_fields, "screen_reading__score")
    }
    population: dict[str, list[int]] = {}
    for stratum, rows in (("cancellation", cancelled), ("outcome-14-16", outcome)):
        if rows:
            population[stratum] = list(rows)
    for crime_id, row in recorded.items():
        population.setdefault(f"crime:{row['offence__category']}", []).append(crime_id)
    for incident_id, row in crime_incidents.items():
        population.setdefault(f"incident:{row['nsir_code__code']}", []).append(incident_id)
    for incident_id, row in hidden.items():
        band = rules.score_band(row["screen_reading__score"])
        population.setdefault(f"hidden-risk:{band}", []).append(incident_id)
    crimes = {**cancelled, **outcome, **recorded}
    incidents = {**crime_incidents, **hidden}
    return population, crimes, incidents


def _is_incident_stratum(stratum: str) -> bool:
    return stratum.startswith(("incident:", "hidden-risk"))


@transaction.atomic
def dip_test_draw(*, day: date, seed: str | None = None) -> DipTest:
    """Draw the dip-test for `day` (idempotent: a second call returns the existing one unchanged)."""
    existing = DipTest.objects.filter(date=day).first()
    if existing is not None:
        return existing
    seed = seed or settings.RESOLVE_DIPTEST_SEED
    sizes = configured_sizes()
    population, crimes, incidents = dip_test_populations(day)
    drawn = rules.draw_sample(
        population, {s: _size_for(s, sizes) for s in population}, rules.sample_seed(day, seed)
    )
    try:
        with transaction.atomic():
            dip_test = DipTest(
                date=day, seed=seed, sizes=sizes, populations={s: d.population for s, d in drawn.items()}
            )
            dip_test._change_reason = f"Nightly dip-test of {day} (R-DIP-TEST)"  # type: ignore[attr-defined]
            dip_test.save()
    except IntegrityError:  # another worker drew it at the same moment
        return DipTest.objects.get(date=day)
    crime_type = ContentType.objects.get_for_model(Crime)
    incident_type = ContentType.objects.get_for_model(Incident)
    samples: list[DipSample] = []
    for stratum, sample in drawn.items():
        for unit in sample.items:
            if _is_incident_stratum(stratum):
                row = incidents[unit]
                samples.append(
                    DipSample(
                        dip_test=dip_test,
                        content_type=incident_type,
                        object_id=unit,
                        kind=DipSample.Kind.INCIDENT,
                        label=row["reference"],
                        stratum=stratum,
                        category=row["nsir_code__code"],
                        weight=sample.weight,
                    )
                )
            else:
                row = crimes[unit]
                samples.append(
                    DipSample(
                        dip_test=dip_test,
                        content_type=crime_type,
                        object_id=unit,
                        kind=DipSample.Kind.CRIME,
                        label=row["crime_number"],
                        stratum=stratum,
                        category=row["offence__category"],
                        weight=sample.weight,
                        owner_id=row["owner_id"],
                        team_id=row["team_id"],
                    )
                )
    bulk_create_with_history(samples, DipSample, default_change_reason=f"Sampled for the dip-test of {day}")
    return dip_test


def dip_sample_questions(sample: DipSample) -> dict[str, str | None]:
    """Each audit question, and why it cannot apply to this record (None: it applies and must be answered
    yes or no). Whether a crime should have been recorded always applies; count, classification and the
    24-hour clock need a crime; the outcome question needs an outcome."""
    crimes = sample_crimes(sample)
    no_crime = None if crimes else "no crime is recorded for this incident"
    no_outcome = None if any(c.outcome_id for c in crimes) else "no outcome has been recorded yet"
    return {
        "recording_right": None,
        "count_right": no_crime,
        "classification_right": no_crime,
        "within_24h": no_crime,
        "outcome_right": no_crime or no_outcome,
    }


@transaction.atomic
def dip_sample_audit(
    *, sample_id: int, answers: dict[str, bool | None], notes: str, actor: User
) -> DipSample:
    """Record a sergeant's audit of one sampled item: every question that applies answered yes or no
    (none is assumed), by someone who neither owns nor recorded the record. Each "no" records an
    AuditFinding of its error type and opens an Amendment for the record's owner, due in
    RESOLVE_AMENDMENT_DAYS days (R-DIP-TEST: feed back)."""
    sample = DipSample.objects.select_for_update().get(pk=sample_id)
    if sample.audited_at is not None:
        raise DomainError("This item has already been audited.", field="non_field_errors")
    if actor.pk in dip_sample_barred(sample):
        raise DomainError(
            "You own or recorded this record: another sergeant must audit it.", field="non_field_errors"
        )
    unknown = set(answers) - set(QUESTIONS)
    if unknown:
        raise DomainError(f"Unknown question: {', '.join(sorted(unknown))}.", field=sorted(unknown)[0])
    for question, why_not in dip_sample_questions(sample).items():
        if why_not is None and answers.get(question) is None:
            raise DomainError("Answer this question: yes or no.", field=question)
        if why_not is not None and answers.get(question) is not None:
            raise DomainError(f"This question does not apply: {why_not}.", field=question)
    now = timezone.now()
    errors = rules.audit_errors(answers, QUESTIONS)
    for question in QUESTIONS:
        setattr(sample, question, answers.get(question))
    sample.compliant = not errors
    sample.notes = notes.strip()
    sample.audited_at = now
    sample.audited_by = actor
    sample._change_reason = f"Audited by {actor}"  # type: ignore[attr-defined]
    sample.save()
    due = rules.amendment_due(timezone.localdate(now), days=int(settings.RESOLVE_AMENDMENT_DAYS))
    for error_type in errors:  # every "no" is a finding: compliance and findings agree by construction
        finding = AuditFinding(sample=sample, error_type=error_type, found_at=now, found_by=actor)
        finding._change_reason = f"Dip-test finding on {sample.label}"  # type: ignore[attr-defined]
        finding.save()
        amendment = Amendment(finding=finding, owner_id=sample.owner_id, due_on=due)
        reason = f"Amendment opened for {sample.label}: {finding.get_error_type_display()}"
        amendment._change_reason = reason  # type: ignore[attr-defined]
        amendment.save()
        _allocate_to_owner(amendment, actor)
    allocation_finish(item=sample, actor=actor)
    return sample


def _allocate_to_owner(amendment: Amendment, actor: User) -> None:
    """The record's owner puts their own error right (R-DIP-TEST feedback): allocate the amendment to
    them through staffing so it counts in their workload. If staffing refuses (owner gone, or the auditor
    may not override its rules) the amendment is left for a sergeant to allocate from the home queue."""
    owner = amendment.owner
    if owner is None or not owner.is_active:
        return
    try:
        allocation_give_to(
            item=amendment,
            assignee=owner,
            actor=actor,
            reason="The record's owner puts their own recording error right (R-DIP-TEST).",
        )
    except DomainError:
        return


@transaction.atomic
def amendment_mark_fixed(
    *, amendment_id: int, note: str, actor: User, no_change_needed: bool = False
) -> Amendment:
    """The record's owner (or a supervisor) says the error is put right. The record's history must show
    a change, after the finding, to what the error names (qa.history.amendment_changes); otherwise the
    fixer ticks "no change needed" and the note says why. Either way the note is required."""
    amendment = Amendment.objects.select_for_update().select_related("finding__sample").get(pk=amendment_id)
    if amendment.status != Amendment.Status.OPEN:
        raise DomainError("This amendment is not open.", field="non_field_errors")
    if actor.role == User.Role.INVESTIGATOR and amendment.owner_id != actor.pk:
        raise DomainError(
            "Only the record's owner or a supervisor can mark this fixed.", field="non_field_errors"
        )
    note = note.strip()
    if not note:
        raise DomainError(
            "Say why no change is needed." if no_change_needed else "Say what was corrected.", field="note"
        )
    if not no_change_needed and not amendment_changes(amendment):
        error = amendment.finding.get_error_type_display().lower()
        raise DomainError(
            f"The record's history shows no change since this error ({error}) was found on "
            f"{timezone.localtime(amendment.finding.found_at):%-d %b %Y %H:%M}. Correct the record first, "
            'or tick "No change is needed" and say why.',
            field="note",
        )
    amendment.status = Amendment.Status.FIXED
    amendment.fix_note = note
    amendment.no_change_reason = note if no_change_needed else ""
    amendment.fixed_at = timezone.now()
    amendment.fixed_by = actor
    reason = "no change needed" if no_change_needed else "record corrected"
    amendment._change_reason = f"Marked fixed by {actor} ({reason})"  # type: ignore[attr-defined]
    amendment.save(update_fields=["status", "fix_note", "no_change_reason", "fixed_at", "fixed_by"])
    return amendment


def amendment_confirm_refusal(*, amendment: Amendment, actor: User) -> str:
    """Why `actor` may not confirm this fix now ("" when they may): only a fix marked done, by a sergeant
    or above who is not the person who marked it fixed, within their team (issue 17's team scope: the
    owner's sergeant, else the sampled team's; managers any). The page shows this instead of a button."""
    if actor.role not in (User.Role.SERGEANT, User.Role.MANAGER, User.Role.ADMIN):
        return "Only a sergeant or manager confirms a fix."
    if amendment.status != Amendment.Status.FIXED:
        return "Only a fix marked done can be confirmed."
    if amendment.fixed_by_id == actor.pk:
        return "You marked this fixed: someone else must check and confirm it."
    owner_team = amendment.owner.team_id if amendment.owner is not None else None
    return (
        staffing_rules.team_scope_refusal(
            actor_role=actor.role,
            actor_team_id=actor.team_id,
            work_team_id=owner_team or amendment.finding.sample.team_id,
            what="confirm this fix",
        )
        or ""
    )


@transaction.atomic
def amendment_confirm(*, amendment_id: int, actor: User) -> Amendment:
    """A sergeant other than the person who marked it fixed checks the corrected record (its before and
    after, qa.history.amendment_changes) and confirms the fix; only then does the error count against
    the record's owner (qa.compliance)."""
    amendment = (
        Amendment.objects.select_for_update(of=("self",))
        .select_related("owner", "finding__sample")
        .get(pk=amendment_id)
    )
    refusal = amendment_confirm_refusal(amendment=amendment, actor=actor)
    if refusal:
        raise DomainError(refusal, field="non_field_errors")
    amendment.status = Amendment.Status.CONFIRMED
    amendment.confirmed_at = timezone.now()
    amendment.confirmed_by = actor
    amendment._change_reason = f"Fix confirmed by {actor}"  # type: ignore[attr-defined]
    amendment.save(update_fields=["status", "confirmed_at", "confirmed_by"])
    allocation_finish(item=amendment, actor=actor)
    return amendment
