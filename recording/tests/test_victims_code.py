"""The Victims' Code clocks on a crime (R-VCOP-RIGHT6) through the services, the API and the page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from qa import compliance
from recording.models import VictimNotice, VictimUpdate
from recording.services import contact, victims_code
from recording.tests.factories import CrimeFactory, CrimeVictimFactory
from staffing.templatetags.resolve_format import day as day_text

pytestmark = pytest.mark.django_db

# Monday 30 November 2026, 10:00 in London (UTC in winter): a week with no bank holiday.
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def crime_with_victim(**victim: Any) -> Any:
    crime = CrimeFactory(reported_at=MONDAY - timedelta(days=3))
    CrimeVictimFactory(crime=crime, name="Sam Patel", **victim)
    return crime


def test_a_victims_notice_of_no_investigation_is_due_1_working_day_later_under_enhanced_rights(
    make_user: Any,
) -> None:
    enhanced = crime_with_victim(vulnerable=True)
    standard = crime_with_victim()
    friday = MONDAY + timedelta(days=4)

    first = victims_code.victim_notice_record(
        crime=enhanced,
        actor=make_user("investigator"),
        kind="not_investigated",
        decided_at=friday,
        reason="x",
    )
    second = victims_code.victim_notice_record(
        crime=standard,
        actor=make_user("investigator"),
        kind="not_investigated",
        decided_at=friday,
        reason="x",
    )

    assert (first.enhanced, first.due_on) == (True, date(2026, 12, 7))  # Friday -> Monday
    assert (second.enhanced, second.due_on) == (False, date(2026, 12, 11))  # Friday -> next Friday
    assert first.history.get().history_change_reason.startswith("Decision not to investigate")  # type: ignore[attr-defined]


def test_a_recorded_reason_gives_enhanced_rights_too(make_user: Any) -> None:
    crime = crime_with_victim(enhanced_rights="intimidated")

    notice = victims_code.victim_notice_record(
        crime=crime, actor=make_user("investigator"), kind="suspect_arrested", decided_at=MONDAY, reason="x"
    )

    assert notice.due_on == date(2026, 12, 1)


def test_a_crime_without_a_victim_has_no_notice_to_give(make_user: Any) -> None:
    from config.exceptions import DomainError

    crime = CrimeFactory(reported_at=MONDAY - timedelta(days=3))
    with pytest.raises(DomainError) as refused:
        victims_code.victim_notice_record(
            crime=crime,
            actor=make_user("investigator"),
            kind="charged",
            decided_at=MONDAY,
            reason="x",
        )
    assert refused.value.field == "kind"


def test_the_agreed_frequency_drives_the_next_update_and_the_queue(make_user: Any) -> None:
    crime = crime_with_victim()
    victim = crime.victims.get()
    actor = make_user("investigator")
    contact.victim_update_record(crime=crime, actor=actor, contacted_at=MONDAY, method="phone", summary="s")
    crime.refresh_from_db()
    assert crime.next_victim_update_due == MONDAY + timedelta(days=28)

    victims_code.victim_agreement_record(
        crime=crime, victim=victim, actor=actor, update_every_days=7, contact_method="email"
    )

    crime.refresh_from_db()
    victim.refresh_from_db()
    assert crime.next_victim_update_due == MONDAY + timedelta(days=7)
    assert (victim.agreed_update_days, victim.agreed_contact_method) == (7, "email")
    contact.victim_update_record(
        crime=crime,
        actor=actor,
        contacted_at=MONDAY + timedelta(days=1),
        method="email",
        summary="s",
        victim=victim,
    )
    crime.refresh_from_db()
    assert crime.next_victim_update_due == MONDAY + timedelta(days=8)


def test_telling_the_victim_stops_the_clock_and_logs_the_contact(make_user: Any) -> None:
    crime = crime_with_victim(vulnerable=True)
    actor = make_user("investigator")
    notice = victims_code.victim_notice_record(
        crime=crime, actor=actor, kind="released_no_charge", decided_at=MONDAY, reason="Insufficient evidence"
    )

    told = victims_code.victim_notice_tell(
        notice=notice, actor=actor, told_at=MONDAY + timedelta(days=2), method="phone"
    )

    assert told.late  # due Tuesday, told Wednesday
    update = VictimUpdate.objects.get(crime=crime)
    assert "Suspect released without charge. Insufficient evidence" in update.summary


def test_the_daily_figures_count_notices_due_late_and_overdue(make_user: Any) -> None:
    actor = make_user("investigator")
    on_time = victims_code.victim_notice_record(
        crime=crime_with_victim(vulnerable=True), actor=actor, kind="charged", decided_at=MONDAY, reason="x"
    )
    victims_code.victim_notice_tell(
        notice=on_time, actor=actor, told_at=MONDAY + timedelta(hours=3), method="sms"
    )
    victims_code.victim_notice_record(
        crime=crime_with_victim(vulnerable=True), actor=actor, kind="charged", decided_at=MONDAY, reason="x"
    )
    after = MONDAY + timedelta(days=5)

    tuesday = compliance.victims_code_figures(date(2026, 12, 1), now=after)
    wednesday = compliance.victims_code_figures(date(2026, 12, 2), now=after)
    still_tuesday = compliance.victims_code_figures(
        date(2026, 12, 1), now=MONDAY + timedelta(days=1, hours=2)
    )

    assert tuesday == {"notices_due": 2, "notices_breached": 1, "notices_overdue": 0}
    assert wednesday == {"notices_due": 0, "notices_breached": 0, "notices_overdue": 1}
    assert still_tuesday == {"notices_due": 2, "notices_breached": 0, "notices_overdue": 0}


def test_the_notices_through_the_api(api_as: Callable[..., APIClient]) -> None:
    crime = crime_with_victim()
    victim = crime.victims.get()
    client = api_as("investigator")

    agreed = client.post(
        f"/api/v1/recording/crimes/{crime.pk}/victims/{victim.pk}/agreement/",
        {"update_every_days": 14, "contact_method": "letter", "enhanced_rights": "persistently_targeted"},
        format="json",
    )
    created = client.post(
        f"/api/v1/recording/crimes/{crime.pk}/victim-notices/",
        {"kind": "not_investigated", "decided_at": MONDAY.isoformat(), "reason": "No lines of enquiry"},
        format="json",
    )
    refused = client.post(
        f"/api/v1/recording/crimes/{crime.pk}/victim-notices/",
        {"kind": "not_investigated", "decided_at": MONDAY.isoformat(), "reason": " "},
        format="json",
    )
    told = client.post(
        f"/api/v1/recording/crimes/{crime.pk}/victim-notices/{created.json()['id']}/told/",
        {"told_at": (MONDAY + timedelta(hours=4)).isoformat(), "method": "letter"},
        format="json",
    )

    assert agreed.status_code == 200 and agreed.json()["has_enhanced_rights"] is True
    assert created.status_code == 201
    assert (created.json()["due_on"], created.json()["kind_label"]) == (
        "2026-12-01",
        "Decision not to investigate",
    )
    assert refused.status_code == 400 and "reason" in refused.json()
    assert told.status_code == 200 and told.json()["late"] is False
    listed = client.get(f"/api/v1/recording/crimes/{crime.pk}/victim-notices/").json()
    assert [n["told_method"] for n in listed] == ["letter"]


def test_the_crime_page_shows_each_clock_and_records_a_decision(make_user: Any) -> None:
    crime = crime_with_victim(vulnerable=True)
    client = Client()
    client.force_login(make_user("investigator"))

    response = client.post(
        f"/recording/crimes/{crime.pk}/victim-notices/new/",
        {"kind": "not_investigated", "decided_at": "2026-11-30T10:00", "reason": "No lines of enquiry"},
    )

    assert response.status_code == 302
    assert VictimNotice.objects.get().due_on == date(2026, 12, 1)
    page = client.get(f"/recording/crimes/{crime.pk}/").content.decode()
    assert "Decision not to investigate: No lines of enquiry" in page
    assert f"{day_text(date(2026, 12, 1))} (1 working day: enhanced rights)" in page
