"""Letters to a crime's victim (issue 22): drafted from the crime's template, sent as a victim contact
that moves the next update, and a restricted crime's letters kept to those who may see the crime."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.http import Http404
from django.utils import timezone

from recording.models import VictimUpdate
from recording.tests.factories import CrimeFactory, CrimeVictimFactory
from staffing.models import AccessLog, Letter
from staffing.services import letters as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def investigator(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("investigator")


def test_a_victim_update_letter_is_a_victim_contact(investigator: Any) -> None:
    crime = CrimeFactory(owner=investigator, status="allocated")
    CrimeVictimFactory(crime=crime, name="Robin Hart", contact="robin@example.org")
    letter = services.letter_draft(
        record_type="crime", record_id=crime.pk, actor=investigator, purpose="victim_update"
    )
    assert letter.template_version.template.key == "crime-victim-update"
    assert (letter.recipient_name, letter.recipient_email) == ("Robin Hart", "robin@example.org")
    assert crime.crime_number in letter.subject
    body = services.rules.GUIDANCE.sub("We have viewed the CCTV from the pub.", letter.body)
    services.letter_edit(letter_id=letter.pk, actor=investigator, subject=letter.subject, body=body)
    services.letter_issue(letter_id=letter.pk, actor=investigator)
    services.letter_send(letter_id=letter.pk, actor=investigator, channel="post_by_hand")
    update = VictimUpdate.objects.get(crime=crime)
    assert update.method == "letter" and update.summary.startswith("Letter sent")
    crime.refresh_from_db()
    assert crime.next_victim_update_due is not None and crime.next_victim_update_due > timezone.now()


def test_a_restricted_crimes_letter_is_hidden_from_who_may_not_see_the_crime(
    investigator: Any, make_user: Callable[..., Any]
) -> None:
    crime = CrimeFactory(restricted=True, owner=investigator, status="allocated")
    CrimeVictimFactory(crime=crime)
    letter = services.letter_draft(
        record_type="crime", record_id=crime.pk, actor=investigator, purpose="victim_update"
    )
    outsider = make_user("investigator")
    with pytest.raises(Http404):
        services.letter_draft(
            record_type="crime", record_id=crime.pk, actor=outsider, purpose="victim_update"
        )
    with pytest.raises(Http404):
        services.letter_record_open(
            record_type=letter.record_type, record_id=letter.record_id, user=outsider, purpose="Letter"
        )
    assert AccessLog.objects.filter(user=outsider, record_id=str(crime.pk), action="refused").exists()


def test_crime_letters_offer_only_the_crimes_placeholders(
    make_user: Callable[..., Any], reference_data: None
) -> None:
    manager = make_user("manager")
    with pytest.raises(services.DomainError) as err:
        services.letter_template_create(
            actor=manager,
            key="crime-oops",
            name="Oops",
            record_type="crime",
            purpose="other",
            subject="About {{ crime_number }}",
            body="Your complaint {{ case_reference }}",
        )
    assert err.value.field == "body" and "case_reference" in err.value.message
    assert not Letter.objects.exists()


def test_the_victims_code_notice_shows_its_clock_and_sending_it_tells_the_victim(
    investigator: Any, client: Any
) -> None:
    from config.working_days import add_working_days, bank_holidays
    from recording.services.victims_code import victim_notice_record

    crime = CrimeFactory(owner=investigator, status="allocated")
    CrimeVictimFactory(
        crime=crime, name="Robin Hart", contact="1 Mill Lane\nDemotown", enhanced_rights="most_serious"
    )
    decided = timezone.now() - timedelta(minutes=30)
    notice = victim_notice_record(
        crime=crime,
        actor=investigator,
        kind="not_investigated",
        decided_at=decided,
        reason="No lines of enquiry.",
    )
    day = timezone.localdate(decided)
    assert notice.due_on == add_working_days(day, 1, bank_holidays(day, days=31))  # enhanced: 1 working day
    letter = services.letter_draft(
        record_type="crime", record_id=crime.pk, actor=investigator, purpose="vcop_no_investigation"
    )
    assert "No lines of enquiry." in letter.body
    client.force_login(investigator)
    page = client.get(f"/staffing/letters/{letter.pk}/").content.decode()
    assert "Victims&#x27; Code notice due (1 working day: enhanced rights)" in page
    assert f"{notice.due_on.day} {notice.due_on:%b}" in page
    services.letter_issue(letter_id=letter.pk, actor=investigator)
    services.letter_send(letter_id=letter.pk, actor=investigator, channel="post_by_hand")
    notice.refresh_from_db()
    assert notice.told_at is not None and notice.told_method == "letter"
    assert VictimUpdate.objects.filter(crime=crime).count() == 1
