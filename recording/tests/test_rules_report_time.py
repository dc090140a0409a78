"""R-NCRS-24H: the report time a crime recorded from an incident keeps (rules.timeliness.report_time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from recording import rules
from recording.rules import timeliness

OPENED = datetime(2026, 3, 1, 2, 38, 45, tzinfo=UTC)


def test_left_out_the_report_time_is_the_incidents_opening() -> None:
    got = timeliness.report_time(incident_opened_at=OPENED, given=None)
    assert got == timeliness.ReportTime(reported_at=OPENED, incident_opened_at=OPENED, reason="")


@pytest.mark.parametrize(
    "offset", [timedelta(0), timedelta(seconds=-45), timedelta(seconds=59), timedelta(minutes=1)]
)
def test_a_time_within_a_minute_of_the_opening_is_the_opening_exactly(offset: timedelta) -> None:
    got = timeliness.report_time(incident_opened_at=OPENED, given=OPENED + offset, reason="typed it")
    assert got.reported_at == OPENED
    assert got.reason == ""


@pytest.mark.parametrize(
    "offset", [timedelta(minutes=1, seconds=1), timedelta(hours=21), timedelta(hours=-3)]
)
def test_a_time_further_from_the_opening_needs_a_reason(offset: timedelta) -> None:
    with pytest.raises(rules.ReportError) as caught:
        timeliness.report_time(incident_opened_at=OPENED, given=OPENED + offset, reason="   ")
    assert caught.value.field == "reported_at_reason"
    assert "R-NCRS-24H" in caught.value.message
    assert "02:38" in caught.value.message  # the incident's opening, London time (GMT in March)


def test_with_a_reason_the_clock_runs_from_the_time_given_and_both_are_kept() -> None:
    later = OPENED + timedelta(hours=21)
    got = timeliness.report_time(
        incident_opened_at=OPENED, given=later, reason=" Caller rang back to report it "
    )
    assert got == timeliness.ReportTime(
        reported_at=later, incident_opened_at=OPENED, reason="Caller rang back to report it"
    )
    assert timeliness.record_by(got.reported_at) == later + timedelta(hours=24)


def test_without_an_incident_the_time_given_stands() -> None:
    got = timeliness.report_time(incident_opened_at=None, given=OPENED, reason="ignored")
    assert got == timeliness.ReportTime(reported_at=OPENED)


def test_without_an_incident_a_time_must_be_given() -> None:
    with pytest.raises(rules.ReportError) as caught:
        timeliness.report_time(incident_opened_at=None, given=None)
    assert caught.value.field == "reported_at"


def test_a_time_without_a_zone_is_refused() -> None:
    with pytest.raises(rules.ReportError) as caught:
        timeliness.report_time(incident_opened_at=OPENED, given=datetime(2026, 3, 1, 9, 0), reason="x")
    assert caught.value.field == "reported_at"
