"""A resolution advisor drafts an update letter from a case, edits it, issues it and e-mails it, in a
real browser; the e-mail reaches a real SMTP server with the PDF attached (issue 22)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from complaints.models import ComplaintCase
from complaints.tests.factories import ComplaintCaseFactory
from conftest import axe_violations, screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_advisor_takes_an_update_letter_from_draft_to_sent(
    page: Any, make_user: Callable[..., Any], reference_data: None, smtp_server: list[Any]
) -> None:
    advisor = make_user(
        "advisor",
        username="adv.letters",
        password="correct-horse-battery",
        direct_phone="01632 960123",
        direct_email="adv.letters@opcc.example",
    )
    case = ComplaintCaseFactory(
        actor=advisor, complainant={"name": "Jordan Ellis", "email": "jordan@example.org"}
    )
    sign_in(page, "adv.letters", then=f"/complaints/{case.pk}/")

    # Draft: the case page offers the letters; Resolve picks the update template.
    page.click("#action-letter summary")
    page.select_option("#id_letter-kind", "update")
    page.click("#action-letter button[type=submit]")
    page.wait_for_selector("text=Progress update letter drafted")
    assert "Replace the guidance in brackets" in page.locator("#letter-problems").inner_text()
    assert "C-UPDATE-28D" in page.locator("#letter-clock").inner_text()
    screenshot(page, "01-draft")

    # Edit as plain paragraphs: say what the update is.
    body = page.locator("#id_body").input_value()
    start, end = body.index("["), body.index("]") + 1
    page.fill("#id_body", body[:start] + "We have spoken to the officer and read the call log." + body[end:])
    page.click("form[action$='/edit/'] button[type=submit]")
    page.wait_for_selector("text=Letter saved.")
    assert page.locator("#letter-problems").count() == 0
    assert axe_violations(page) == []

    # Issue: the text is frozen with who and when.
    page.click("form[action$='/issue/'] button[type=submit]")
    page.wait_for_selector("text=Letter issued")
    assert "Issued" in page.locator("#letter-status").inner_text()
    screenshot(page, "02-issued")

    # Send by e-mail: the send task runs and the page shows it sent.
    page.select_option("#id_channel", "email")
    page.click("form[action$='/send/'] button[type=submit]")
    page.wait_for_selector("text=Sending: the status below")
    page.reload()
    assert page.locator(".send-status").first.inner_text().startswith("Sent")
    screenshot(page, "03-sent")

    assert len(smtp_server) == 1
    message = smtp_server[0]
    assert message["To"] == "jordan@example.org"
    assert "We have spoken to the officer" in message.get_body(("plain",)).get_content()
    assert [a.get_content_type() for a in message.iter_attachments()] == ["application/pdf"]
    assert ComplaintCase.objects.get(pk=case.pk).next_update_due == timezone.localdate() + dt.timedelta(
        days=28
    )
