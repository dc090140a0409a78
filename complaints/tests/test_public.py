"""The public complaint form at /complain/ (issue 23 part 1): no sign-in, an intake case in the advisors'
triage queue with its proposal worked out, the reference on screen and by e-mail (a real SMTP server,
aiosmtpd in-process), anonymous complainants masked and every unmasking logged, an agent's complaint
waiting for written authority, and the abuse limits (throttle, honeypot, size limits, CSRF)."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator
from email import message_from_bytes
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core.cache import cache
from django.test import Client

from complaints import queues, selectors, services
from complaints.models import Complainant, ComplaintCase, MaskedDetails
from config.exceptions import DomainError
from staffing.models import AccessLog

pytestmark = pytest.mark.django_db
URL = "/complain/"


@pytest.fixture(autouse=True)
def _fresh_throttle() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def form(**over: Any) -> dict[str, Any]:
    data = {
        "kind": "complaint",
        "about": "rude",
        "what_happened": "An officer shouted at me outside the station and would not give his number.",
        "incident_date": "2026-11-30",
        "location": "Market Street",
        "people_involved": "PC Smith",
        "collar_number": "4471",
        "standing": "affected",
        "subject_of_conduct": "yes",
        "name": "Alex Member",
        "email": "alex@example.org",
        "phone": "07700 900123",
        "preferred_contact": "email",
        "website": "",
    }
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


def reference_of(response: Any) -> str:
    match = re.search(r'id="reference">([^<]+)<', response.content.decode())
    assert match, response.content.decode()[:2000]
    return match.group(1)


def test_the_form_opens_without_signing_in_and_says_equality_answers_are_optional(client: Client) -> None:
    page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "csrfmiddlewaretoken" in text
    assert "declining will not affect your complaint" in text
    assert '<label for="id_what_happened">' in text and "<legend>" in text


def test_a_submission_is_an_intake_case_in_every_advisors_triage_queue(
    client: Client, make_user: Callable[..., Any]
) -> None:
    page = client.post(URL, form(), REMOTE_ADDR="198.51.100.7")
    assert page.status_code == 200
    reference = reference_of(page)
    case = ComplaintCase.objects.get(reference=reference)
    assert (case.channel, case.assigned_to, case.kind) == ("web", None, "complaint")
    assert case.created_by.username == "public-form" and not case.created_by.is_active
    assert "PC Smith (collar number 4471)" in case.summary
    assert case.subjects.get().collar_number == "4471"
    person = case.complainants.get()
    assert (person.name, person.email, person.subject_of_conduct) == ("Alex Member", "alex@example.org", True)
    assert person.affected_only_through_media is None  # not asked: the engine assumes it
    assert case.allegations.get().category.code == "H1"
    advisor = make_user("advisor")
    assert case in queues.public_intake(advisor) and case in queues.public_intake(make_user("manager"))
    triage, assumed = selectors.case_triage_and_assumptions(case)
    assert triage.rules and triage.route  # the proposal is worked out from the facts the form asked
    assert "complainant.subject_of_conduct" not in {a.field for a in assumed}  # asked, so not assumed
    staff = Client()
    staff.force_login(advisor)
    assert reference in staff.get("/queues/complaints-public-intake/").content.decode()
    detail = staff.get(f"/complaints/{case.pk}/").content.decode()
    assert 'id="triage-proposal"' in detail


def test_an_anonymous_complainant_is_masked_and_every_unmasking_is_logged(
    client: Client, make_user: Callable[..., Any]
) -> None:
    page = client.post(URL, form(anonymous="on", name="Jo Secret", email="jo@example.org"))
    case = ComplaintCase.objects.get(reference=reference_of(page))
    person = case.complainants.get()
    assert (person.name, person.email, person.phone, person.anonymous) == (
        "Anonymous complainant",
        "",
        "",
        True,
    )
    assert MaskedDetails.objects.get(complainant=person).name == "Jo Secret"
    advisor = make_user("advisor")
    staff = Client()
    staff.force_login(advisor)
    detail = staff.get(f"/complaints/{case.pk}/").content.decode()
    assert "Jo Secret" not in detail and "jo@example.org" not in detail
    assert "Anonymous: details masked" in detail
    search = staff.get("/complaints/search/", {"q": case.reference}).content.decode()
    assert "Jo Secret" not in search
    unmask = f"/complaints/{case.pk}/unmask/{person.pk}/"
    assert "Jo Secret" not in staff.get(unmask).content.decode()
    assert not AccessLog.objects.filter(action="unmask").exists()
    refused = staff.post(unmask, {"reason": ""})
    assert refused.status_code == 400 and "Jo Secret" not in refused.content.decode()
    shown = staff.post(unmask, {"reason": "Calling them back about the first contact"})
    assert shown.status_code == 200 and "Jo Secret" in shown.content.decode()
    log = AccessLog.objects.get(action="unmask")
    assert (log.user, log.record_id, log.purpose) == (
        advisor,
        str(case.pk),
        "Calling them back about the first contact",
    )
    recorder = Client()
    recorder.force_login(make_user("recorder"))
    assert recorder.post(unmask, {"reason": "curious"}).status_code in (403, 404)
    assert AccessLog.objects.filter(action="unmask").count() == 1


def test_a_burst_from_one_address_is_refused_with_when_to_try_again(client: Client, settings: Any) -> None:
    settings.PUBLIC_FORM_LIMIT = 3
    answers = [client.post(URL, form(), REMOTE_ADDR="203.0.113.9").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = client.post(URL, form(), REMOTE_ADDR="203.0.113.9")
    assert (
        refused.status_code == 429 and 0 < int(refused["Retry-After"]) <= settings.PUBLIC_FORM_WINDOW_SECONDS
    )
    assert "try again after" in refused.content.decode()
    assert ComplaintCase.objects.count() == 3
    # another address is not held back by the burst
    assert client.post(URL, form(), REMOTE_ADDR="203.0.113.10").status_code == 200


def test_a_filled_honeypot_stores_nothing_and_looks_like_success(client: Client) -> None:
    page = client.post(URL, form(website="http://spam.example"))
    assert page.status_code == 200 and 'id="reference"' not in page.content.decode()
    assert not ComplaintCase.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("what_happened", "x" * 20_001), ("name", "n" * 201), ("people_involved", "p" * 201)],
)
def test_fields_are_bounded_and_a_refusal_names_the_field(client: Client, field: str, value: str) -> None:
    page = client.post(URL, form(**{field: value}))
    assert page.status_code == 400
    text = page.content.decode()
    if field == "what_happened":  # refused before any view by config.inputs (MAX_TEXT), naming the field
        assert field in text and "too long" in text
    else:
        assert "There is a problem" in text and f'href="#id_{field}"' in text
    assert not ComplaintCase.objects.exists()


def test_a_name_is_needed_unless_anonymous_and_an_address_for_the_copy(client: Client) -> None:
    page = client.post(URL, form(name="", copy_by_email="on", email=""))
    assert page.status_code == 400
    assert 'href="#id_name"' in page.content.decode() and 'href="#id_email"' in page.content.decode()


def test_csrf_is_checked(make_user: Callable[..., Any]) -> None:
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, form()).status_code == 403
    assert not ComplaintCase.objects.exists()


def test_an_agents_complaint_waits_for_written_authority_until_recorded(
    client: Client, make_user: Callable[..., Any]
) -> None:
    page = client.post(URL, form(standing="agent", agent_relationship="other", on_behalf_of="Sam Relative"))
    case = ComplaintCase.objects.get(reference=reference_of(page))
    person = case.complainants.get()
    assert person.authority_awaited and not person.consent_of_affected
    advisor = make_user("advisor")
    with pytest.raises(DomainError, match="written authority of Sam Relative"):
        services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=False, reason="x", route="")
    staff = Client()
    staff.force_login(advisor)
    detail = staff.get(f"/complaints/{case.pk}/").content.decode()
    assert "Waiting for written authority" in detail
    done = staff.post(
        f"/complaints/{case.pk}/authority/",
        {"complainant": person.pk, "version": case.version, "evidence": "Signed letter of authority, 2 Dec"},
    )
    assert done.status_code == 302
    person.refresh_from_db()
    assert (person.authority_awaited, person.consent_of_affected) == (False, True)
    assert "Waiting for written authority" not in staff.get(f"/complaints/{case.pk}/").content.decode()
    assert case.actions.filter(kind="authority").exists()


def test_a_parent_of_a_child_needs_no_written_authority(client: Client) -> None:
    page = client.post(
        URL, form(standing="agent", agent_relationship="parent_guardian", on_behalf_of="My son, 12")
    )
    person = Complainant.objects.get(case__reference=reference_of(page))
    assert (person.authority_awaited, person.consent_of_affected, person.adversely_affected) == (
        False,
        True,
        True,
    )


def test_a_compliment_has_no_allegation(client: Client) -> None:
    page = client.post(URL, form(kind="compliment", what_happened="PC Smith was kind and quick."))
    case = ComplaintCase.objects.get(reference=reference_of(page))
    assert case.kind == "compliment" and not case.allegations.exists()


# ---------------------------------------------------------------- the copy by e-mail
@pytest.fixture
def smtp(settings: Any) -> Iterator[list[Any]]:
    """A real SMTP server in this process; Django's SMTP backend sends to it."""
    received: list[Any] = []

    class Keep(Message):
        def handle_message(self, message: Any) -> None:
            received.append(message)

        def prepare_message(self, session: Any, envelope: Any) -> Any:
            return message_from_bytes(envelope.content)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield received
    finally:
        controller.stop()


def test_the_reference_goes_by_email_when_asked(
    client: Client, smtp: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(URL, form(copy_by_email="on", anonymous="on", email="copy@example.org"))
    reference = reference_of(page)
    assert "We are sending a copy" in page.content.decode()
    assert len(smtp) == 1
    message = smtp[0]
    assert message["To"] == "copy@example.org" and reference in message["Subject"]
    assert reference in message.get_payload() and "shouted at me" in message.get_payload()


def test_no_copy_unless_asked(
    client: Client, smtp: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form())
    assert smtp == []
