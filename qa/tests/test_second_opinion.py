"""The dip-test audit's second opinion re-decides from the incident's own facts, never from the offence
already recorded, and says what it could not check (issue 20 part 4, issue 21 part 4)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from qa.audit_record import narrative_opinion
from qa.selectors import screen_patterns_current
from qa.tests.factories import make_crime, make_incident

pytestmark = pytest.mark.usefixtures("reference_data")

PUSHED = (
    "Caller states her partner pushed her against the wall and punched her in the face. She has a cut lip."
)


def incident_and_crime(
    *, offence: str = "8N", late_hours: float = 2, summary: str = PUSHED, **kw: Any
) -> Any:
    opened = timezone.now() - timedelta(days=2)
    incident = make_incident(nsir="PS-DOMESTIC", summary=summary, opened_at=opened, closed_at=opened)
    # The crime's own report time is retyped to look timely: the opinion does not start from it.
    recorded = opened + timedelta(hours=late_hours)
    crime = make_crime(offence=offence, reported_at=recorded - timedelta(hours=1), recorded_at=recorded, **kw)
    crime.incidents.add(incident)
    return incident, crime


def test_it_agrees_when_the_narrative_discloses_what_was_recorded_in_time() -> None:
    incident, crime = incident_and_crime()
    opinion = narrative_opinion(incident, [crime], screen_patterns_current())
    assert opinion.agrees is True
    assert (
        opinion.crimes[0]["offence"] == "8N"
        and "pushed her against the wall" in opinion.crimes[0]["evidence"]
    )
    assert any("Assault with injury (8N), and it was recorded" in line for _ok, line in opinion.compared)


def test_it_differs_when_another_class_was_recorded_and_it_never_copies_the_recorded_offence() -> None:
    incident, crime = incident_and_crime(offence="58D")  # criminal damage recorded for a beating
    opinion = narrative_opinion(incident, [crime], screen_patterns_current())
    assert opinion.agrees is False
    lines = [line for _ok, line in opinion.compared]
    assert "The narrative discloses Assault with injury (8N), which was not recorded." in lines
    assert "58D was recorded, but the narrative holds no words that disclose it." in lines


def test_the_clock_runs_from_the_incidents_opening_not_the_crimes_retyped_report_time() -> None:
    incident, crime = incident_and_crime(late_hours=30)  # 29 hours after its (retyped) report: "late" by 5
    opinion = narrative_opinion(incident, [crime], screen_patterns_current())
    assert opinion.record_by == incident.opened_at + timedelta(hours=24)
    late = [line for ok, line in opinion.compared if not ok]
    assert late == [
        f"Crime {crime.crime_number} was recorded 30.0 hours after the incident opened: after the 24 "
        "hours the incident's own time allows (R-NCRS-24H)."
    ]


def test_an_unrecorded_crime_in_a_hidden_risk_incident_differs() -> None:
    opened = timezone.now() - timedelta(days=2)
    incident = make_incident(nsir="PS-DOMESTIC", summary=PUSHED, opened_at=opened, closed_at=opened)
    opinion = narrative_opinion(incident, [], screen_patterns_current())
    assert opinion.agrees is False
    assert [line for _ok, line in opinion.compared] == [
        "The narrative discloses Assault with injury (8N), which was not recorded."
    ]


def test_with_no_narrative_it_says_it_did_not_check_instead_of_agreeing() -> None:
    opened = timezone.now() - timedelta(days=2)
    incident = make_incident(nsir="PS-CONCERN", summary="  ", opened_at=opened, closed_at=opened)
    opinion = narrative_opinion(incident, [], screen_patterns_current())
    assert opinion.agrees is None and opinion.compared == []
    assert opinion.not_checked[0] == "The crimes disclosed: the incident logged no narrative to read."
    assert any("does not hold the reporter" in line for line in opinion.not_checked)


@pytest.mark.django_db
def test_the_audit_page_shows_where_the_incidents_own_facts_differ_from_the_record(
    client: Any, make_user: Any, settings: Any
) -> None:
    """What the sergeant auditing a sampled crime reads: the narrative's own offence against the one
    recorded, line by line, never "agrees" because the recorded offence was re-decided."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from django.urls import reverse

    from qa.services import dip_test

    settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = 1
    noon = datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))
    incident = make_incident(nsir="PS-DOMESTIC", summary=PUSHED, opened_at=noon - timedelta(hours=2))
    crime = make_crime(offence="58D", reported_at=noon - timedelta(hours=1), recorded_at=noon)
    crime.incidents.add(incident)
    sample = dip_test.dip_test_draw(day=date(2026, 3, 1)).samples.get(object_id=crime.pk, kind="crime")
    client.force_login(make_user("sergeant"))
    page = client.get(reverse("qa:dip-sample-audit", args=[sample.pk])).content.decode()
    assert "Second opinion: the incident's own facts" in page
    assert "The narrative discloses Assault with injury (8N), which was not recorded." in page
    assert "58D was recorded, but the narrative holds no words that disclose it." in page
