"""The manager's dashboard: the day's figures of the daily-performance contract and their trend over
weeks, per team and per investigator, as charts and as export sheets.

Every figure comes from `qa.compliance` — the same functions the daily API (`/api/v1/dashboard/daily/`)
and the daily page use — so the dashboard can never disagree with them. This module only gathers them
over a range of weeks and lays them out:
- NCRS timeliness (R-NCRS-24H): `timeliness_figures(day)` summed over the days of each ISO week;
- unrecorded incidents open at the end of each week: `unrecorded_open_at(moment)`;
- dip-test compliance with its Wilson 95% interval (R-CDI-RATE):
  `compliance_by("week" | "team" | "investigator")`;
- complaints (C-UPDATE-28D timeliness: updates overdue; caseload: open cases) at the end of each week:
  `complaint_figures(day)`; caseloads per advisor at the day's end: `complaint_caseloads(day)`.
- hidden crimes found and recorded each week: `qa.selectors.hidden_crimes_by_week`.
Queries: one per day for timeliness, one or two per week for the snapshots, three for compliance: a
fixed number for the range asked for, never one per crime, sample or case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from config.charts import Chart, Series, bar_chart, fmt_percent, line_chart
from config.exports import Cell, Sheet
from qa import compliance, rules, selectors
from qa.services.timing import day_bounds
from staffing.templatetags.resolve_format import day as day_text

DEFAULT_WEEKS = 8
MAX_WEEKS = 26


@dataclass(frozen=True)
class WeekFigures:
    start: date  # Monday
    end: date  # Sunday, or the dashboard's day in the current week
    key: str  # ISO week, "2026-W09"
    crimes_recorded: int
    recorded_within_24h: int
    ncrs_timeliness_rate: float | None
    unrecorded_open: int
    dip_test: rules.ComplianceEstimate | None
    complaints_open: int
    complaints_overdue_updates: int
    # Possible hidden crimes the nightly screen found that week, and hidden crimes recorded (a crime
    # linked to the flagged incident, or referred to Action Fraud) that week (issue 21 part 3).
    hidden_found: int = 0
    hidden_recorded: int = 0

    @property
    def label(self) -> str:
        return self.start.strftime("%-d %b")


@dataclass(frozen=True)
class Dashboard:
    day: date
    weeks: int
    figures: dict[str, Any]
    trend: list[WeekFigures]
    by_team: list[compliance.ComplianceRow]
    by_investigator: list[compliance.ComplianceRow]
    # Advisors' complaint caseloads: None for a viewer who may not see them (a sergeant: complaints
    # are not theirs to supervise; qa.permissions.can_see_complaint_caseloads).
    caseloads: list[dict[str, Any]] | None

    @property
    def start(self) -> date:
        return self.trend[0].start


def _estimate_or_none(rows: list[compliance.ComplianceRow], key: str) -> rules.ComplianceEstimate | None:
    return next((r.estimate for r in rows if r.key == key), None)


def dashboard_build(
    *, day: date, weeks: int = DEFAULT_WEEKS, now: Any = None, with_caseloads: bool = True
) -> Dashboard:
    """Figures for `day` and the `weeks` ISO weeks up to and including the week of `day`; the advisors'
    caseloads only `with_caseloads` (never computed otherwise)."""
    now = now or timezone.now()
    weeks = max(1, min(weeks, MAX_WEEKS))
    monday = day - timedelta(days=day.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    by_week = compliance.compliance_by("week", start=first, end=day)
    hidden = {w.start: w for w in selectors.hidden_crimes_by_week(first=first, last=day)}
    trend = []
    for i in range(weeks):
        start = first + timedelta(weeks=i)
        end = min(start + timedelta(days=6), day)
        recorded = on_time = 0
        for offset in range((end - start).days + 1):
            t = compliance.timeliness_figures(start + timedelta(days=offset))
            recorded += t["crimes_recorded"]
            on_time += t["recorded_within_24h"]
        _, end_moment = day_bounds(end)
        complaints = compliance.complaint_figures(end)
        year, week, _ = start.isocalendar()
        key = f"{year}-W{week:02d}"
        trend.append(
            WeekFigures(
                start=start,
                end=end,
                key=key,
                crimes_recorded=recorded,
                recorded_within_24h=on_time,
                ncrs_timeliness_rate=rules.plain_rate(on_time, recorded),
                unrecorded_open=compliance.unrecorded_open_at(min(end_moment, now)),
                dip_test=_estimate_or_none(by_week, key),
                complaints_open=int(complaints.get("open", 0) or 0),
                complaints_overdue_updates=int(complaints.get("overdue_updates", 0) or 0),
                hidden_found=hidden[start].found if start in hidden else 0,
                hidden_recorded=hidden[start].recorded if start in hidden else 0,
            )
        )
    return Dashboard(
        day=day,
        weeks=weeks,
        figures=compliance.daily_figures(day, now=now),
        trend=trend,
        by_team=compliance.compliance_by("team", start=first, end=day),
        by_investigator=compliance.compliance_by("investigator", start=first, end=day),
        caseloads=compliance.complaint_caseloads(day) if with_caseloads else None,
    )


# ---------------------------------------------------------------- charts
def _span(d: Dashboard) -> str:
    return f"the {d.weeks} weeks from {day_text(d.start)} to {day_text(d.day)}"


def dashboard_charts(d: Dashboard) -> dict[str, Chart]:
    labels = [w.label for w in d.trend]
    rates = [w.ncrs_timeliness_rate for w in d.trend]
    latest = next((r for r in reversed(rates) if r is not None), None)
    dip = [w.dip_test for w in d.trend]
    charts = {
        "timeliness": line_chart(
            title="NCRS timeliness by week",
            description=(
                f"Share of crimes recorded within 24 hours of the report (R-NCRS-24H), by week commencing, "
                f"over {_span(d)}. Latest week with crimes: "
                f"{fmt_percent(latest) if latest is not None else 'no crimes recorded'}."
            ),
            labels=labels,
            series=[Series("Recorded within 24 hours", rates)],
            x_heading="Week commencing",
            y_max=1.0,
            y_format=fmt_percent,
        ),
        "recorded": bar_chart(
            title="Crimes recorded by week",
            description=(
                f"Crimes recorded, and how many within 24 hours, by week commencing, over {_span(d)}."
            ),
            labels=labels,
            series=[
                Series("Crimes recorded", [w.crimes_recorded for w in d.trend]),
                Series("Within 24 hours", [w.recorded_within_24h for w in d.trend]),
            ],
            x_heading="Week commencing",
        ),
        "unrecorded": line_chart(
            title="Unrecorded crime-related incidents open at week end",
            description=(
                f"Incidents flagged by the sweep and still open at the end of each week, over {_span(d)}."
            ),
            labels=labels,
            series=[Series("Open flags", [w.unrecorded_open for w in d.trend])],
            x_heading="Week commencing",
        ),
        "dip_test": line_chart(
            title="Dip-test compliance by week (95% interval)",
            description=(
                "Weighted share of audited dip-test items that were compliant, with the Wilson 95% interval "
                f"(R-CDI-RATE), by week commencing, over {_span(d)}. Weeks with no audits are gaps."
            ),
            labels=labels,
            series=[
                Series(
                    "Compliance",
                    [e.rate if e else None for e in dip],
                    low=[e.ci95_low if e else None for e in dip],
                    high=[e.ci95_high if e else None for e in dip],
                )
            ],
            x_heading="Week commencing",
            y_max=1.0,
            y_format=fmt_percent,
        ),
        "hidden_crimes": line_chart(
            title="Hidden crimes found and recorded by week",
            description=(
                "Possible hidden crimes the nightly screen found in incidents closed as non-crime, and "
                f"hidden crimes recorded (or referred to Action Fraud), by week commencing, over {_span(d)}."
            ),
            labels=labels,
            series=[
                Series("Found", [w.hidden_found for w in d.trend]),
                Series("Recorded", [w.hidden_recorded for w in d.trend]),
            ],
            x_heading="Week commencing",
        ),
        "complaints": line_chart(
            title="Complaints open and updates overdue at week end",
            description=(
                "Open complaint cases (caseload) and cases whose 28-day update to the complainant is "
                f"overdue (C-UPDATE-28D), at the end of each week, over {_span(d)}."
            ),
            labels=labels,
            series=[
                Series("Open cases", [w.complaints_open for w in d.trend]),
                Series("Updates overdue", [w.complaints_overdue_updates for w in d.trend]),
            ],
            x_heading="Week commencing",
        ),
    }
    if d.by_team:
        charts["by_team"] = bar_chart(
            title="Dip-test compliance by team (95% interval)",
            description=f"Weighted dip-test compliance of each team's audited items over {_span(d)}.",
            labels=[r.key for r in d.by_team],
            series=[
                Series(
                    "Compliance",
                    [r.estimate.rate for r in d.by_team],
                    low=[r.estimate.ci95_low for r in d.by_team],
                    high=[r.estimate.ci95_high for r in d.by_team],
                )
            ],
            x_heading="Team",
            y_max=1.0,
            y_format=fmt_percent,
        )
    if d.caseloads:
        charts["caseloads"] = bar_chart(
            title="Complaint caseloads by advisor",
            description=(
                f"Open complaint cases per advisor at the end of {day_text(d.day)}, and how many of them "
                "are overdue their update to the complainant (C-UPDATE-28D)."
            ),
            labels=[row["advisor"] for row in d.caseloads],
            series=[
                Series("Open cases", [row["open"] for row in d.caseloads]),
                Series("Updates overdue", [row["overdue_updates"] for row in d.caseloads]),
            ],
            x_heading="Advisor",
        )
    return charts


# ---------------------------------------------------------------- exports
def _rate(value: float | None) -> Cell:
    return None if value is None else round(value, 4)


def dashboard_sheets(d: Dashboard) -> list[Sheet]:
    """The same figures as the screen: the day (the contract's fields, flattened as in the daily CSV),
    the weekly trend, and compliance per team and per investigator."""
    flat = compliance.flatten(d.figures)
    daily = Sheet("Daily figures", ["figure", "value"], [[k, v] for k, v in flat.items()])
    weekly = Sheet(
        "Weekly trend",
        [
            "week",
            "week_commencing",
            "week_ending",
            "crimes_recorded",
            "recorded_within_24h",
            "ncrs_timeliness_rate",
            "unrecorded_incidents_open",
            "dip_test_checked",
            "dip_test_compliant",
            "dip_test_compliance_rate",
            "dip_test_ci95_low",
            "dip_test_ci95_high",
            "complaints_open",
            "complaints_overdue_updates",
            "hidden_crimes_found",
            "hidden_crimes_recorded",
        ],
        [
            [
                w.key,
                w.start,
                w.end,
                w.crimes_recorded,
                w.recorded_within_24h,
                _rate(w.ncrs_timeliness_rate),
                w.unrecorded_open,
                w.dip_test.checked if w.dip_test else 0,
                w.dip_test.compliant if w.dip_test else 0,
                _rate(w.dip_test.rate) if w.dip_test else None,
                _rate(w.dip_test.ci95_low) if w.dip_test else None,
                _rate(w.dip_test.ci95_high) if w.dip_test else None,
                w.complaints_open,
                w.complaints_overdue_updates,
                w.hidden_found,
                w.hidden_recorded,
            ]
            for w in d.trend
        ],
    )
    heads = [
        "checked",
        "compliant",
        "compliance_rate",
        "ci95_low",
        "ci95_high",
        "findings",
        "not_compliant",
        "confirmed_findings",
    ]

    def rows(items: list[compliance.ComplianceRow]) -> list[list[Cell]]:
        return [
            [
                r.key,
                r.estimate.checked,
                r.estimate.compliant,
                _rate(r.estimate.rate),
                _rate(r.estimate.ci95_low),
                _rate(r.estimate.ci95_high),
                r.findings,
                r.not_compliant,
                r.confirmed,
            ]
            for r in items
        ]

    sheets = [
        daily,
        weekly,
        Sheet("By team", ["team", *heads], rows(d.by_team)),
        Sheet("By investigator", ["investigator", *heads], rows(d.by_investigator)),
    ]
    if d.caseloads is None:
        return sheets
    return [
        *sheets,
        Sheet(
            "Complaint caseloads",
            ["advisor", "open", "overdue_updates", "initial_contact_overdue"],
            [
                [r["advisor"], r["open"], r["overdue_updates"], r["initial_contact_overdue"]]
                for r in d.caseloads
            ],
        ),
    ]
