"""The data return's figures for a period, read from the database (C-DATA-RETURN). Each figure carries
its definition (complaints/reference/data_return_fields.csv); the API, its CSV, the managers' page and the
OPCC comparison all read `data_return`, so they cannot differ."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from complaints.models import (
    Allegation,
    CaseSuspension,
    ComplaintCase,
    ReviewApplication,
    Route,
    TriageDecision,
)
from complaints.returns import rules
from complaints.returns.definitions import field_definitions, national_table
from complaints.selectors.reference import criterion_descriptions
from config.working_days import bank_holidays

COMPLAINT_KINDS = (ComplaintCase.Kind.COMPLAINT, ComplaintCase.Kind.DISSATISFACTION)


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: Any  # an int, a float, None (a mean over nothing), or a list of {"label", "value"} rows
    unit: str
    definition: str
    definition_verified: bool

    @property
    def is_breakdown(self) -> bool:
        return isinstance(self.value, list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "definition": self.definition,
            "definition_verified": self.definition_verified,
        }


@dataclass(frozen=True)
class DataReturn:
    period: rules.Period
    figures: tuple[Figure, ...]

    def value(self, key: str) -> Any:
        return next(f.value for f in self.figures if f.key == key)

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.label,
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "figures": [f.as_dict() for f in self.figures],
        }


def _bounds(period: rules.Period) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(period.start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


Spans = tuple[tuple[dt.date, dt.date | None], ...]


def _mean_days(key: str, spans: list[tuple[dt.date, dt.date, Spans]]) -> float | None:
    """The mean of the days from each start to its end, less the days inside its excluded spans, as the
    figure `key` counts them: working or calendar days, by its definition (data). The kind and one
    holiday calendar covering every span are found once per figure, not per case (issue 24 part 4)."""
    if not spans:
        return rules.mean([])
    kind = field_definitions()[key].day_kind or "calendar"
    first = min(start for start, _end, _excluding in spans)
    last = max(max(start, end) for start, end, _excluding in spans)
    holidays = _holiday_calendar(first.year, last.year)
    return rules.mean(
        [
            rules.days_between(start, end, kind=kind, holidays=holidays, excluding=excluding)
            for start, end, excluding in spans
        ]
    )


@lru_cache(maxsize=32)
def _holiday_calendar(first_year: int, last_year: int) -> rules.HolidayCalendar:
    """The bank holidays of whole calendar years (a fixed list for past years), built once for every
    case of a return rather than per case."""
    first, last = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    return rules.HolidayCalendar(bank_holidays(first, (last - first).days))


def _rows(counter: Counter[str]) -> list[dict[str, Any]]:
    return [
        {"label": label, "value": count}
        for label, count in sorted(counter.items(), key=lambda i: (-i[1], i[0]))
    ]


def data_return(period: rules.Period) -> DataReturn:
    start, end = _bounds(period)
    tz = timezone.get_current_timezone()
    # In no order: every figure is a count, a mean of whole days or a breakdown sorted by count, and the
    # models' default orders sorted the year's cases and allegations for nothing (issue 24 part 4).
    complaints = ComplaintCase.objects.filter(kind__in=COMPLAINT_KINDS).order_by()
    logged = complaints.filter(created_at__gte=start, created_at__lt=end)
    finalised = complaints.filter(closed_at__gte=start, closed_at__lt=end)
    # The finalised cases' suspensions in one query selecting them by the same filter (not a prefetch
    # naming thousands of case ids).
    suspended: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
    for case_id, started_on, ended_on in (
        CaseSuspension.objects.filter(case__in=finalised.values("pk"))
        .order_by()
        .values_list("case_id", "started_on", "ended_on")
    ):
        suspended.setdefault(case_id, []).append((started_on, ended_on))

    # Rows, not model instances: a year's return reads thousands of cases (issue 24 part 3). Each time is
    # read as its local day once here (the current time zone looked up once per return), not per figure.
    def local(moment: dt.datetime) -> dt.date:
        return moment.astimezone(tz).date()

    timed = [
        (pk, local(received_at), local(closed_at), route)
        for pk, received_at, closed_at, route in finalised.values_list(
            "pk", "received_at", "closed_at", "route"
        )
        if closed_at is not None  # always: the filter is a range on it
    ]
    outside = [c for c in timed if c[3] == Route.OUTSIDE_SCHEDULE_3]
    under = [c for c in timed if c[3] and c[3] != Route.OUTSIDE_SCHEDULE_3]
    values: dict[str, Any] = {}
    logged_rows = [
        (local(received_at), local(created_at), local(contact) if contact is not None else None, route)
        for received_at, created_at, contact, route in logged.values_list(
            "received_at", "created_at", "initial_contact_at", "route"
        )
    ]
    values["cases_logged"] = len(logged_rows)
    values["allegations_logged"] = Allegation.objects.filter(case__in=logged).count()
    values["cases_finalised_outside_s3"] = len(outside)
    values["mean_days_to_finalise_outside_s3"] = _mean_days(
        "mean_days_to_finalise_outside_s3", [(received, closed, ()) for _pk, received, closed, _r in outside]
    )
    values["cases_finalised_s3"] = len(under)
    values["mean_days_to_finalise_s3_incl_suspension"] = _mean_days(
        "mean_days_to_finalise_s3_incl_suspension",
        [(received, closed, ()) for _pk, received, closed, _r in under],
    )
    values["mean_days_to_finalise_s3_excl_suspension"] = _mean_days(
        "mean_days_to_finalise_s3_excl_suspension",
        [(received, closed, tuple(suspended.get(pk, ()))) for pk, received, closed, _r in under],
    )
    values["mean_working_days_to_contact"] = _mean_days(
        "mean_working_days_to_contact",
        [(received, contact, ()) for received, _created, contact, _r in logged_rows if contact is not None],
    )
    values["mean_days_to_log"] = _mean_days(
        "mean_days_to_log", [(received, created, ()) for received, created, _contact, _r in logged_rows]
    )
    reviews = ReviewApplication.objects.filter(case__kind__in=COMPLAINT_KINDS).order_by()
    values["review_applications"] = reviews.filter(received_on__range=(period.start, period.end)).count()
    decided = reviews.filter(decided_on__range=(period.start, period.end), result__isnull=False)
    values["reviews_upheld"] = decided.filter(result__code="REVIEW-UPHELD").count()
    values["allegations_by_category"] = _rows(
        Counter(
            f"{code} {title}"
            for code, title in Allegation.objects.filter(case__in=logged)
            .order_by()
            .values_list("category__code", "category__title")
        )
    )
    routes = dict(Route.choices)
    values["cases_by_route"] = _rows(Counter(routes.get(c[3], "Not yet decided") for c in logged_rows))
    values["allegations_by_outcome"] = _rows(
        Counter(
            title or case_title or "No outcome recorded"
            for title, case_title in Allegation.objects.filter(case__in=finalised)
            .order_by()
            .values_list("outcome__title", "case__outcome__title")
        )
    )
    values["recording_reasons"] = _rows(_recording_reasons(complaints, period))
    values["review_results"] = _rows(Counter(decided.values_list("result__title", flat=True)))
    definitions = field_definitions()
    return DataReturn(
        period=period,
        figures=tuple(
            Figure(
                key=key,
                label=d.label,
                value=values[key],
                unit=d.unit,
                definition=d.definition,
                definition_verified=d.verified,
            )
            for key, d in definitions.items()
        ),
    )


def _recording_reasons(complaints: QuerySet[ComplaintCase], period: rules.Period) -> Counter[str]:
    """Cases recorded under Schedule 3 in the period, by the RR- reasons their accepted triage cited."""
    words = criterion_descriptions()
    recorded = complaints.filter(recorded_on__range=(period.start, period.end)).prefetch_related(
        Prefetch(
            "triage_decisions",
            queryset=TriageDecision.objects.filter(accepted=True).only("case_id", "rules", "decided_at"),
            to_attr="accepted_triage",
        )
    )
    out: Counter[str] = Counter()
    for case in recorded:
        cited = [r for d in case.accepted_triage[:1] for r in d.rules if str(r).startswith("RR-")]
        for rule in cited or ["not recorded at triage"]:
            out[words.get(rule, rule)] += 1
    return out


def own_timeliness(
    period: rules.Period, force: str, *, figures: DataReturn | None = None
) -> rules.ForceTimeliness:
    """The force's own row in the national table's shape, from the same figures as its return (`figures`
    when the caller already has them: the managers' page shows both)."""
    figures = figures or data_return(period)
    return rules.ForceTimeliness(
        force=force,
        outside_s3_cases=figures.value("cases_finalised_outside_s3"),
        outside_s3_mean_days=figures.value("mean_days_to_finalise_outside_s3"),
        s3_cases=figures.value("cases_finalised_s3"),
        s3_mean_days_incl_suspension=figures.value("mean_days_to_finalise_s3_incl_suspension"),
        s3_mean_days_excl_suspension=figures.value("mean_days_to_finalise_s3_excl_suspension"),
    )


def national_comparison(
    period: rules.Period, force: str, *, figures: DataReturn | None = None
) -> list[rules.Comparison]:
    forces, _published = national_table()
    return rules.comparison(own_timeliness(period, force, figures=figures), forces)
