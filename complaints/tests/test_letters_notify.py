"""Letters through GOV.UK Notify's official client (notifications-python-client) against a local server
that checks requests as Notify's documented API does (staffing/tests/notify_fake.py): sending, delivery
status, a permanent failure reopening the contact, and a stalled send settled without a second send."""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.utils import timezone

from complaints.models import CaseAction
from complaints.tests.factories import ComplaintCaseFactory
from staffing.models import Letter, LetterSend
from staffing.services import letters as services
from staffing.tests.notify_fake import FakeNotify, fake_notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def notify(settings: Any) -> Iterator[FakeNotify]:
    with fake_notify() as fake:
        settings.NOTIFY_API_KEY = fake.api_key
        settings.NOTIFY_BASE_URL = fake.url
        settings.NOTIFY_EMAIL_TEMPLATE_ID = str(uuid.uuid4())
        yield fake


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


def _issued_update(advisor: Any) -> tuple[Any, Letter]:
    case = ComplaintCaseFactory(actor=advisor, complainant={"address": "1 High Street\nDemotown\nDT1 1AA"})
    letter = services.letter_draft(
        record_type="complaint_case", record_id=case.pk, actor=advisor, purpose="update"
    )
    body = services.rules.GUIDANCE.sub("We have read the call log.", letter.body)
    services.letter_edit(letter_id=letter.pk, actor=advisor, subject=letter.subject, body=body)
    return case, services.letter_issue(letter_id=letter.pk, actor=advisor)


def test_an_email_goes_through_notify_with_our_reference(advisor: Any, notify: FakeNotify) -> None:
    case, letter = _issued_update(advisor)
    send = services.letter_send(letter_id=letter.pk, actor=advisor, channel="notify_email")
    assert services.letter_send_deliver(send_id=send.pk) == services.SendOutcome.DONE
    send.refresh_from_db()
    assert send.status == LetterSend.Status.SENT and send.provider_id in notify.notifications
    [request] = notify.requests
    assert request["path"] == "/v2/notifications/email"
    assert request["json"]["email_address"] == "alex@example.org"
    assert request["json"]["reference"] == str(send.message_id)
    assert "We have read the call log." in request["json"]["personalisation"]["body"]
    case.refresh_from_db()
    assert case.next_update_due == timezone.localdate() + dt.timedelta(days=28)


def test_a_posted_letter_goes_to_notify_as_the_pdf(advisor: Any, notify: FakeNotify) -> None:
    _, letter = _issued_update(advisor)
    send = services.letter_send(letter_id=letter.pk, actor=advisor, channel="notify_letter")
    services.letter_send_deliver(send_id=send.pk)
    [request] = notify.requests
    assert request["path"] == "/v2/notifications/letter"
    assert base64.b64decode(request["json"]["content"]).startswith(b"%PDF")


def test_delivery_status_is_shown_and_a_permanent_failure_reopens_the_update(
    advisor: Any, notify: FakeNotify
) -> None:
    case, letter = _issued_update(advisor)
    send = services.letter_send(letter_id=letter.pk, actor=advisor, channel="notify_email")
    services.letter_send_deliver(send_id=send.pk)
    send.refresh_from_db()
    notify.set_status(send.provider_id, "delivered")
    assert services.letter_send_status_poll() == 1
    send.refresh_from_db()
    assert send.status == LetterSend.Status.DELIVERED and send.delivered_at

    _, second = _issued_update(advisor)
    other = services.letter_send(letter_id=second.pk, actor=advisor, channel="notify_email")
    services.letter_send_deliver(send_id=other.pk)
    other.refresh_from_db()
    notify.set_status(other.provider_id, "permanent-failure")
    services.letter_send_status_poll()
    other.refresh_from_db()
    assert other.status == LetterSend.Status.PERMANENT_FAILURE
    reopened = other.letter.record_id
    from complaints.models import ComplaintCase

    case2 = ComplaintCase.objects.get(pk=reopened)
    assert case2.next_update_due == timezone.localdate()  # the update is due again
    assert CaseAction.objects.filter(case=case2, summary__startswith="Letter not delivered").exists()


def test_notify_down_is_retried_and_a_refused_address_is_not(advisor: Any, notify: FakeNotify) -> None:
    _, letter = _issued_update(advisor)
    send = services.letter_send(letter_id=letter.pk, actor=advisor, channel="notify_email")
    notify.fail_next = 1
    assert services.letter_send_deliver(send_id=send.pk) == services.SendOutcome.RETRY
    assert services.letter_send_deliver(send_id=send.pk) == services.SendOutcome.DONE
    assert len(notify.notifications) == 1

    _, bad = _issued_update(advisor)
    refused = services.letter_send(
        letter_id=bad.pk, actor=advisor, channel="notify_email", to="not-an-address"
    )
    assert services.letter_send_deliver(send_id=refused.pk) == services.SendOutcome.SKIPPED
    refused.refresh_from_db()
    assert refused.status == LetterSend.Status.GAVE_UP and "400" in refused.last_error


def test_a_stalled_notify_send_is_found_by_its_reference_not_sent_again(
    advisor: Any, notify: FakeNotify
) -> None:
    _, letter = _issued_update(advisor)
    send = services.letter_send(letter_id=letter.pk, actor=advisor, channel="notify_email")
    services.letter_send_deliver(send_id=send.pk)
    # The worker died after Notify took the message but before it wrote down that it had.
    LetterSend.objects.filter(pk=send.pk).update(
        status=LetterSend.Status.SENDING, provider_id="", claimed_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert services.letter_send_reclaim_stale() == 1
    send.refresh_from_db()
    assert send.status == LetterSend.Status.SENT and send.provider_id in notify.notifications
    assert len(notify.requests) == 1  # never sent twice


def test_notify_is_offered_only_when_configured(advisor: Any, settings: Any) -> None:
    settings.NOTIFY_API_KEY = ""
    _, letter = _issued_update(advisor)
    with pytest.raises(services.DomainError) as err:
        services.letter_send(letter_id=letter.pk, actor=advisor, channel="notify_email")
    assert err.value.field == "channel"
