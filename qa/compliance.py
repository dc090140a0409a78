"""Compliance and daily figures, computed in ONE place for the dashboard API, its CSV and the screens.

Rates are fractions in [0, 1], None where there is nothing to divide by. Dip-test compliance is the
weighted (N_h/n_h) estimate of the whole day's work with a Wilson 95% interval on Kish's effective sample
size (qa.rules.weighted_compliance; R-CDI-RATE). Complaints figures come from any app whose AppConfig
defines `daily_figures(day) -> dict` (walked through django.apps, so qa never imports complaints)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.apps import apps
from django.db.models import Count, DateTimeField, ExpressionWrapper, F, Q
from django.utils import timezone

from config.db_router import replica_reads
from qa import rules
from qa.models import Amendment, DipSample, UnrecordedFlag
from qa.services.timing import day_bounds
from recording.models import Crime, VictimNotice

NCRS_HOURS = 24  # R-NCRS-24H
COMPLAINT_FIGURES = ("received", "open", "overdue_updates")
DIMENSIONS = ("day", "week", "team", "investigator", "investigator-week", "category")


def estimate(results: Iterable[tuple[float, bool]]) -> rules.ComplianceEstimate:
    return rules.weighted_compliance([rules.AuditResult(weight=w, compliant=c) for w, c in results])


def dip_test_figures(day: date) -> dict[str, Any]:
    rows = list(DipSample.objects.filter(dip_test__date=day).values_list("weight", "compliant", "audited_at"))
    audited = [(w, bool(c)) for w, c, at in rows if at is not None]
    est = estimate(audited)
    return {
        "sampled": len(rows),
        "checked": est.checked,
        "compliant": est.compliant,
        "compliance_rate": est.rate,
        "ci95_low": est.ci95_low,
        "ci95_high": est.ci95_high,
    }


def timeliness_figures(day: date) -> dict[str, Any]:
    """Crimes recorded that day and how many within 24 hours of the report first reaching the force."""
    start, end = day_bounds(day)
    deadline = ExpressionWrapper(F("reported_at") + timedelta(hours=NCRS_HOURS), output_field=DateTimeField())
    counts = Crime.objects.filter(recorded_at__gte=start, recorded_at__lt=end).aggregate(
        total=Count("pk"), on_time=Count("pk", filter=Q(recorded_at__lte=deadline))
    )
    return {
        "crimes_recorded": counts["total"],
        "recorded_within_24h": counts["on_time"],
        "ncrs_timeliness_rate": rules.plain_rate(counts["on_time"], counts["total"]),
    }


def victims_code_figures(day: date, *, now: datetime) -> dict[str, int]:
    """R-VCOP-RIGHT6 on `day`: decisions whose victim notice fell due that day; of those, breaches (the
    victim not told by the end of the day, known once the day is over); and notices still untold at the
    day's end (or now) past their due day. One query."""
    start, end = day_bounds(day)
    cutoff = min(end, now)
    untold_at_cutoff = Q(told_at__isnull=True) | Q(told_at__gte=cutoff)
    counts = VictimNotice.objects.filter(decided_at__lt=cutoff, due_on__lte=day).aggregate(
        due=Count("pk", filter=Q(due_on=day)),
        untold_at_end=Count("pk", filter=Q(due_on=day) & (Q(told_at__isnull=True) | Q(told_at__gte=end))),
        overdue=Count("pk", filter=Q(due_on__lt=day) & untold_at_cutoff),
    )
    counts["breached"] = counts["untold_at_end"] if now >= end else 0  # a day's breaches show once it ends
    return {
        "notices_due": counts["due"],
        "notices_breached": counts["breached"],
        "notices_overdue": counts["overdue"],
    }


def unrecorded_open_at(moment: datetime) -> int:
    """Flags open at `moment`: raised before it and not closed by it."""
    return UnrecordedFlag.objects.filter(
        Q(closed_at__isnull=True) | Q(closed_at__gt=moment), flagged_at__lte=moment
    ).count()


def complaint_figures(day: date) -> dict[str, Any]:
    figures: dict[str, Any] = dict.fromkeys(COMPLAINT_FIGURES, 0)
    for config in apps.get_app_configs():
        hook = getattr(config, "daily_figures", None)
        if hook is None or config.name == "qa":
            continue
        section = hook(day).get("complaints")
        if section:
            figures.update(section)
    return figures


def complaint_caseloads(day: date) -> list[dict[str, Any]]:
    """Open complaint cases per advisor at the end of `day`, from any app whose AppConfig defines
    `complaint_caseloads(day) -> list[dict]` (advisor, open, overdue_updates, initial_contact_overdue)."""
    rows: list[dict[str, Any]] = []
    for config in apps.get_app_configs():
        hook = getattr(config, "complaint_caseloads", None)
        if hook is not None and config.name != "qa":
            rows.extend(hook(day))
    return rows


@replica_reads()
def daily_figures(day: date, *, now: datetime | None = None) -> dict[str, Any]:
    """The contract's daily performance figures for `day` (Europe/London). Read from the read replica when
    DATABASE_REPLICA_URL is set (config/db_router.py): every figure is evaluated inside this call."""
    now = now or timezone.now()
    _, end = day_bounds(day)
    return {
        "date": day.isoformat(),
        **timeliness_figures(day),
        "unrecorded_incidents_open": unrecorded_open_at(min(end, now)),
        "dip_test": dip_test_figures(day),
        "complaints": complaint_figures(day),
        "victims_code": victims_code_figures(day, now=now),
    }


def flatten(figures: dict[str, Any]) -> dict[str, Any]:
    """One level of keys for CSV: dip_test.compliance_rate -> dip_test_compliance_rate."""
    out: dict[str, Any] = {}
    for key, value in figures.items():
        if isinstance(value, dict):
            out.update({f"{key}_{k}": v for k, v in value.items()})
        else:
            out[key] = value
    return out


@dataclass(frozen=True)
class ComplianceRow:
    """One row of a compliance table. Every "no" in an audit is a finding (qa.rules.audit_errors), so
    `not_compliant` (audited items with a finding) is always `estimate.checked - estimate.compliant`;
    `confirmed` counts the findings whose fix someone other than the fixer confirmed, which are the
    errors held against the record's owner."""

    key: str
    estimate: rules.ComplianceEstimate
    findings: int
    confirmed: int = 0
    not_compliant: int = 0


def compliance_by(
    dimension: str, *, start: date, end: date, team_id: int | None = None
) -> list[ComplianceRow]:
    """Weighted compliance of audited dip-test items between `start` and `end` (inclusive), grouped by
    day, ISO week, team, investigator (the record's owner), investigator per week (errors over time, for
    appraisals) or category. `findings` counts every finding (every "no"), `confirmed` those whose fix
    was confirmed, `not_compliant` the items with a finding. `team_id` narrows to one team's records (a
    sergeant's own team)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    samples = DipSample.objects.filter(
        dip_test__date__gte=start, dip_test__date__lte=end, audited_at__isnull=False
    ).annotate(
        finding_count=Count("findings"),
        # An error counts against the record's owner once someone other than the fixer confirmed the fix.
        confirmed_count=Count("findings", filter=Q(findings__amendment__status=Amendment.Status.CONFIRMED)),
    )
    if team_id is not None:
        samples = samples.filter(team_id=team_id)
    rows = samples.values_list(
        "dip_test__date",
        "team__name",
        "owner__username",
        "owner__first_name",
        "owner__last_name",
        "category",
        "weight",
        "compliant",
        "finding_count",
        "confirmed_count",
    )
    groups: dict[str, list[tuple[float, bool]]] = {}
    counts: dict[str, tuple[int, int, int]] = {}
    for day, team, username, first, last, category, weight, compliant, n_findings, n_confirmed in rows:
        if dimension == "day":
            key = day.isoformat()
        elif dimension == "week":
            year, week, _ = day.isocalendar()
            key = f"{year}-W{week:02d}"
        elif dimension == "team":
            key = team or "No team"
        elif dimension in ("investigator", "investigator-week"):
            key = (f"{first} {last}".strip() or username) if username else "No owner (incident)"
            if dimension == "investigator-week":
                year, week, _ = day.isocalendar()
                key = f"{key} · {year}-W{week:02d}"
        else:
            key = category
        groups.setdefault(key, []).append((weight, bool(compliant)))
        found, confirmed, items = counts.get(key, (0, 0, 0))
        counts[key] = (found + n_findings, confirmed + n_confirmed, items + (1 if n_findings else 0))
    return [ComplianceRow(key, estimate(results), *counts[key]) for key, results in sorted(groups.items())]
