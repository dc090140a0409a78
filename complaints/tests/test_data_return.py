"""The IOPC data return (issue 23 part 5, C-DATA-RETURN): periods, day counts and means case by case; the
44-force table through the same code reproduces the published national totals; the figures on a seeded
quarter equal hand-counted ones; the API's contract shape, CSV, roles and a bad period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from complaints.models import CaseSuspension, ComplaintCase, Route
from complaints.returns import rules
from complaints.returns.definitions import field_definitions, national_table
from complaints.returns.selectors import data_return, national_comparison
from complaints.tests.factories import ComplaintCaseFactory, ComplimentFactory

LONDON = ZoneInfo("Europe/London")
CONTRACT_KEYS = {
    "cases_logged",
    "allegations_logged",
    "cases_finalised_outside_s3",
    "mean_days_to_finalise_outside_s3",
    "cases_finalised_s3",
    "mean_days_to_finalise_s3_incl_suspension",
    "mean_days_to_finalise_s3_excl_suspension",
    "mean_working_days_to_contact",
    "review_applications",
    "reviews_upheld",
}


# ---------------------------------------------------------------- pure rules
@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2026-Q1", "2026-Q1", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        ("2026-Q2", "2026-Q2", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        ("2026-Q3", "2026-Q3", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        ("2026-Q4", "2026-Q4", dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
        ("2024", "2024", dt.date(2024, 4, 1), dt.date(2025, 3, 31)),
        (" 2027-Q4 ", "2027-Q4", dt.date(2028, 1, 1), dt.date(2028, 3, 31)),
    ],
)
def test_periods_are_quarters_and_years_of_the_financial_year(
    text: str, label: str, start: dt.date, end: dt.date
) -> None:
    assert rules.period_parse(text) == rules.Period(label, start, end)


@pytest.mark.parametrize("text", ["", "2026-Q5", "2026-Q0", "26-Q1", "2026Q1", "1899", "2101-Q1", "Q1-2026"])
def test_a_period_not_of_the_form_is_refused(text: str) -> None:
    with pytest.raises(rules.PeriodError):
        rules.period_parse(text)


@pytest.mark.parametrize(
    ("start", "end", "kind", "holidays", "excluding", "expected"),
    [
        (dt.date(2026, 3, 2), dt.date(2026, 3, 2), "working", (), (), 0),  # same day
        (dt.date(2026, 3, 2), dt.date(2026, 3, 6), "working", (), (), 4),  # Mon -> Fri
        (
            dt.date(2026, 3, 6),
            dt.date(2026, 3, 9),
            "working",
            (),
            (),
            1,
        ),  # Fri -> Mon: the weekend is not worked
        (dt.date(2026, 3, 6), dt.date(2026, 3, 9), "calendar", (), (), 3),
        (
            dt.date(2026, 4, 2),
            dt.date(2026, 4, 7),
            "working",
            (dt.date(2026, 4, 3), dt.date(2026, 4, 6)),
            (),
            1,
        ),
        (
            dt.date(2026, 3, 2),
            dt.date(2026, 3, 31),
            "calendar",
            (),
            ((dt.date(2026, 3, 10), dt.date(2026, 3, 19)),),
            19,
        ),
        (dt.date(2026, 3, 2), dt.date(2026, 3, 31), "calendar", (), ((dt.date(2026, 3, 25), None),), 22),
        (  # overlapping suspensions count once
            dt.date(2026, 3, 2),
            dt.date(2026, 3, 31),
            "calendar",
            (),
            ((dt.date(2026, 3, 10), dt.date(2026, 3, 19)), (dt.date(2026, 3, 15), dt.date(2026, 3, 24))),
            14,
        ),
        (dt.date(2026, 3, 9), dt.date(2026, 3, 2), "working", (), (), 0),  # backwards: nothing
    ],
)
def test_days_between(
    start: dt.date, end: dt.date, kind: str, holidays: Any, excluding: Any, expected: int
) -> None:
    assert rules.days_between(start, end, kind=kind, holidays=holidays, excluding=excluding) == expected


def test_the_counted_days_are_the_walked_days() -> None:
    """days_between counts without walking when no span is excluded; each answer is the walk's."""
    holidays = frozenset(
        {dt.date(2025, 12, 25), dt.date(2025, 12, 26), dt.date(2026, 1, 1), dt.date(2026, 4, 3),
         dt.date(2026, 4, 6), dt.date(2026, 5, 4), dt.date(2026, 12, 26)}  # the last on a Saturday
    )  # fmt: skip
    calendar = rules.HolidayCalendar(holidays)
    assert dt.date(2026, 4, 3) in calendar and dt.date(2026, 4, 4) not in calendar and len(calendar) == 7
    first = dt.date(2025, 12, 20)
    for offset in range(0, 15):
        start = first + dt.timedelta(days=offset)
        for length in (*range(-3, 30), 120, 400):
            end = start + dt.timedelta(days=length)
            for kind in ("calendar", "working"):
                walked = rules.walked_days_between(start, end, kind=kind, holidays=holidays)
                assert rules.days_between(start, end, kind=kind, holidays=holidays) == walked
                assert rules.days_between(start, end, kind=kind, holidays=calendar) == walked


def test_a_mean_over_nothing_is_null_and_rounds_half_up() -> None:
    assert rules.mean([]) is None
    assert rules.mean([1, 2]) == 1.5
    assert rules.mean([1, 1, 2]) == 1.3
    assert rules.mean([0.25, 0.0]) == 0.1  # 0.125 -> 0.1 (half up at one place: .125 is below .15)


def test_the_44_force_table_reproduces_the_published_national_totals() -> None:
    """The IOPC publishes case-weighted means of the force figures: aggregating the 44 force rows with the
    code that builds Resolve's own return gives 60,031 cases in 22 days outside Schedule 3 and 31,687
    cases in 146 (including suspension) and 138 (excluding) days under it. Force means are printed in
    whole days, so the national means are compared after rounding to a whole day."""
    forces, published = national_table()
    assert len(forces) == 44 and len({f.force for f in forces}) == 44
    result = rules.national(forces)
    assert (result.outside_s3_cases, result.s3_cases) == (60031, 31687)
    assert (published.outside_s3_cases, published.s3_cases) == (60031, 31687)
    assert {k: round(v) for k, v in result.means.items() if v is not None} == {
        "outside_s3_mean_days": 22,
        "s3_mean_days_incl_suspension": 146,
        "s3_mean_days_excl_suspension": 138,
    }
    assert result.means["outside_s3_mean_days"] == 22.2  # a plain average of forces would be 32.2


def test_the_comparison_gives_the_median_force_and_the_best_quarter() -> None:
    rows = [
        rules.ForceTimeliness(f"F{n}", 10, float(days), 5, float(days) * 10, float(days) * 9)
        for n, days in enumerate([10, 20, 30, 40, 50])
    ]
    own = rules.ForceTimeliness("Own", 3, 25.0, 1, None, None)
    first = rules.comparison(own, rows)[0]
    assert (first.own, first.national_mean, first.median_force, first.best_quarter) == (
        25.0,
        30.0,
        30.0,
        20.0,
    )
    assert rules.comparison(own, rows)[1].own is None


def test_every_contract_figure_has_a_definition_marked_verified_or_not() -> None:
    definitions = field_definitions()
    assert CONTRACT_KEYS <= set(definitions)
    assert all(d.definition and d.label and d.unit for d in definitions.values())
    assert not any(d.verified for d in definitions.values())  # no official definition was read


# ---------------------------------------------------------------- a seeded quarter
def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


def _case(
    *, received: dt.date, logged: dt.date, closed: dt.date | None = None, route: str = "", **kwargs: Any
) -> ComplaintCase:
    case = ComplaintCaseFactory(received_at=_at(received), **kwargs)
    ComplaintCase.objects.filter(pk=case.pk).update(
        created_at=_at(logged, 11),
        route=route,
        closed_at=_at(closed, 16) if closed else None,
        status=ComplaintCase.Status.CLOSED if closed else ComplaintCase.Status.OPEN,
    )
    return ComplaintCase.objects.get(pk=case.pk)


@pytest.mark.django_db
def test_the_quarter_s_figures_equal_hand_counted_ones(make_user: Callable[..., Any]) -> None:
    advisor = make_user("advisor")
    # Q1 2026 = 1 April to 30 June 2026. Bank holidays in it: Mon 4 May, Mon 25 May.
    a = _case(
        received=dt.date(2026, 4, 1),
        logged=dt.date(2026, 4, 2),
        closed=dt.date(2026, 4, 15),
        route=Route.OUTSIDE_SCHEDULE_3,
        actor=advisor,
    )
    b = _case(
        received=dt.date(2026, 5, 1),
        logged=dt.date(2026, 5, 5),
        closed=dt.date(2026, 6, 30),
        route=Route.SCHEDULE_3_INVESTIGATION,
        actor=advisor,
    )
    CaseSuspension.objects.create(
        case=b,
        started_on=dt.date(2026, 6, 1),
        ended_on=dt.date(2026, 6, 12),
        reason="Criminal proceedings",
        recorded_by=advisor,
    )
    _case(
        received=dt.date(2026, 3, 20),
        logged=dt.date(2026, 3, 20),
        closed=dt.date(2026, 5, 29),
        route=Route.SCHEDULE_3_RP,
        actor=advisor,
    )  # logged before the quarter, finalised in it
    _case(received=dt.date(2026, 6, 29), logged=dt.date(2026, 7, 1), actor=advisor)  # logged after it
    ComplimentFactory(received_at=_at(dt.date(2026, 4, 10)), actor=advisor)  # never a complaint
    ComplaintCase.objects.filter(pk=a.pk).update(initial_contact_at=_at(dt.date(2026, 4, 6)))

    figures = data_return(rules.period_parse("2026-Q1"))
    # a: 1 Apr (Wed) -> 15 Apr = 8 working days (2, 7-10, 13-15; 3 Apr Good Friday, 6 Apr Easter Monday)
    # b: 1 May (Fri) -> 30 Jun = 40 working days (4 and 25 May out); suspended 1-12 Jun = 10 working days
    # c: 20 Mar (Fri) -> 29 May = 46 working days (3, 6 Apr, 4 and 25 May out)
    assert figures.value("cases_logged") == 2  # a and b; the compliment is no complaint
    assert figures.value("allegations_logged") == 2
    assert figures.value("cases_finalised_outside_s3") == 1
    assert figures.value("mean_days_to_finalise_outside_s3") == 8.0
    assert figures.value("cases_finalised_s3") == 2
    assert figures.value("mean_days_to_finalise_s3_incl_suspension") == 43.0  # (40 + 46) / 2
    assert figures.value("mean_days_to_finalise_s3_excl_suspension") == 38.0  # (30 + 46) / 2
    assert figures.value("mean_working_days_to_contact") == 1.0  # a: 1 Apr -> 6 Apr: only Thu 2 Apr
    assert figures.value("mean_days_to_log") == 1.0  # a 1 day, b 1 Fri -> 5 Tue = 1 (4 May out)
    assert figures.value("review_applications") == 0 and figures.value("reviews_upheld") == 0
    assert {r["label"]: r["value"] for r in figures.value("cases_by_route")} == {
        "Outside Schedule 3 (service recovery)": 1,
        "Schedule 3 – investigation": 1,
    }
    comparison = national_comparison(rules.period_parse("2026-Q1"), "Resolve")
    assert [c.own for c in comparison] == [8.0, 43.0, 38.0]
    assert [round(c.national_mean) for c in comparison if c.national_mean] == [22, 146, 138]


@pytest.mark.django_db
def test_an_empty_period_has_null_means() -> None:
    figures = data_return(rules.period_parse("2019-Q2"))
    assert figures.value("cases_logged") == 0
    assert figures.value("mean_days_to_finalise_outside_s3") is None
    assert figures.value("mean_working_days_to_contact") is None


# ---------------------------------------------------------------- the API
@pytest.mark.django_db
def test_the_api_answers_the_contract_shape_and_csv(api_as: Callable[..., Any]) -> None:
    manager = api_as("manager")
    answer = manager.get("/api/v1/complaints/data-return/?period=2026-Q1")
    assert answer.status_code == 200
    body = answer.json()
    assert (body["period"], body["from"], body["to"]) == ("2026-Q1", "2026-04-01", "2026-06-30")
    keys = {f["key"] for f in body["figures"]}
    assert CONTRACT_KEYS <= keys
    figure = next(f for f in body["figures"] if f["key"] == "mean_days_to_finalise_s3_excl_suspension")
    assert figure["value"] is None and figure["definition"] and figure["definition_verified"] is False
    csv = manager.get("/api/v1/complaints/data-return/?period=2026&format=csv")
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode().splitlines()[0] == "key,breakdown,value,unit,definition_verified,definition"


@pytest.mark.django_db
def test_the_api_refuses_a_bad_period_and_other_roles(api_as: Callable[..., Any]) -> None:
    bad = api_as("manager").get("/api/v1/complaints/data-return/?period=2026-Q9")
    assert bad.status_code == 400 and "period" in bad.json()
    assert api_as("advisor").get("/api/v1/complaints/data-return/?period=2026").status_code == 403
    assert api_as("sergeant").get("/api/v1/complaints/data-return/?period=2026").status_code == 403


@pytest.mark.django_db
def test_the_managers_page_shows_the_figures_with_definitions_and_the_national_comparison(
    client: Any, make_user: Callable[..., Any]
) -> None:
    client.force_login(make_user("manager"))
    page = client.get("/complaints/data-return/?period=2026-Q1")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Complaint cases logged" in html and "Definition not verified" in html
    assert 'id="national-comparison"' in html and ">22.2<" in html  # the national mean outside Schedule 3
    assert "/api/v1/complaints/data-return/?period=2026-Q1&amp;format=csv" in html
    bad = client.get("/complaints/data-return/?period=2026-Q7")
    assert bad.status_code == 400 and "There is a problem" in bad.content.decode()
    client.force_login(make_user("advisor"))
    assert client.get("/complaints/data-return/").status_code == 403
