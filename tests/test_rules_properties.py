"""Hypothesis on the pure rules engines where the app tests were thin (issue 10 part 4): complaint
time limits (C-UPDATE-28D, C-REVIEW-28D, C-INV-12M-REPORT) and the MoPI
review dates for crimes (recording.mopi). The recording decision engine and complaint triage already
have properties in recording/tests/test_rules.py and complaints/tests/test_rules.py."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from complaints import rules as complaint_rules
from recording import mopi

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(days)
def test_c_update_28d_and_c_review_28d_are_28_days_on(day: date) -> None:
    assert complaint_rules.next_update_due(day) - day == timedelta(days=28)
    assert complaint_rules.review_application_in_time(day, complaint_rules.review_deadline(day))
    assert not complaint_rules.review_application_in_time(
        day, complaint_rules.review_deadline(day) + timedelta(days=1)
    )


@given(days, st.integers(min_value=0, max_value=6))
def test_c_inv_12m_report_dates_move_forward_in_six_month_steps(made_on: date, sent: int) -> None:
    first = complaint_rules.investigation_report_due(made_on, sent)
    later = complaint_rules.investigation_report_due(made_on, sent + 1)
    assert first > made_on and later > first
    assert (later.year - first.year) * 12 + later.month - first.month == 6


@given(
    st.sampled_from(["Theft offences", "Sexual offences", "Violence against the person", "Fraud"]),
    st.booleans(),
    st.integers(min_value=1, max_value=120),
    days,
)
def test_mopi_review_is_never_sooner_than_the_default_and_longer_for_restricted(
    category: str, restricted: bool, rank: int, closed_on: date
) -> None:
    group = mopi.OffenceGroup(category=category, restricted=restricted, seriousness_rank=rank)
    years = mopi.review_years(group)
    assert years >= mopi.DEFAULT_POLICY["default"]
    if restricted or rank <= mopi.DEFAULT_POLICY["serious_rank"]:
        assert years == 10
    review = mopi.review_on(group, closed_on)
    assert review > closed_on
    assert review.year - closed_on.year == years
