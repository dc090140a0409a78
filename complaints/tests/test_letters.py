"""Letters about complaint cases (issue 22): templates managers keep, drafting from the template that
fits the case, approval, issue, the accessible PDF and sending by e-mail through a real SMTP server."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer
from pypdf import PdfReader

from complaints import services as complaint_services
from complaints.models import CaseAction, Contact
from complaints.tests.factories import ComplaintCaseFactory
from config.exceptions import DomainError
from staffing.models import Letter, LetterSend, LetterTemplate
from staffing.services import letters as services
from staffing.services.letters.documents import letter_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor", direct_phone="01234 567890", direct_email="sam.advisor@opcc.example")


@pytest.fixture
def manager(make_user: Callable[..., Any]) -> Any:
    return make_user("manager", direct_phone="01234 500000")


def _draft(case: Any, actor: Any, purpose: str) -> Letter:
    return services.letter_draft(
        record_type="complaint_case", record_id=case.pk, actor=actor, purpose=purpose
    )


def _fill(letter: Letter, actor: Any, text: str = "We have spoken to the officer.") -> Letter:
    """The handler replaces the template's bracketed guidance with what they mean to say."""
    body = services.rules.GUIDANCE.sub(text, letter.body)
    return services.letter_edit(letter_id=letter.pk, actor=actor, subject=letter.subject, body=body)


def _closed_s3_case(advisor: Any, **kwargs: Any) -> Any:
    case = ComplaintCaseFactory(
        actor=advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False, **kwargs
    )
    complaint_services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    complaint_services.complaint_close(
        case_id=case.pk,
        actor=advisor,
        outcome_code="S3-SERVICE-ACCEPTABLE",
        outcome_on=timezone.localdate() - dt.timedelta(days=1),
        reason="The officer's notes and the call log were examined.",
    )
    return case


# ---------------------------------------------------------------- templates and versions
def test_a_manager_edits_the_update_template_and_only_new_letters_use_the_new_version(
    advisor: Any, manager: Any
) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    old = _fill(_draft(case, advisor, "update"), advisor)
    old = services.letter_issue(letter_id=old.pk, actor=advisor)
    old_html = old.issued_html
    template = LetterTemplate.objects.get(key="complaint-update")
    v1 = template.versions.get(number=1)
    services.letter_template_update(
        template_id=template.pk,
        actor=manager,
        subject=v1.subject,
        body=v1.body.replace("I am writing to update you", "This is your four-weekly update"),
        note="Plainer opening",
    )
    new = _draft(case, advisor, "update")
    old.refresh_from_db()
    assert (new.template_version.number, old.template_version.number) == (2, 1)
    assert "This is your four-weekly update" in new.body
    assert "I am writing to update you" in old.body
    assert old.issued_html == old_html  # the issued text is frozen


def test_a_template_with_an_unknown_placeholder_is_refused_naming_it(
    manager: Any, reference_data: None
) -> None:
    with pytest.raises(DomainError) as err:
        services.letter_template_create(
            actor=manager,
            key="complaint-chase",
            name="Chaser",
            record_type="complaint_case",
            purpose="other",
            subject="About {{ case_reference }}",
            body="Dear {{ recipient_name }}, your officer {{ officer_favourite_colour }} ...",
        )
    assert err.value.field == "body"
    assert "officer_favourite_colour" in err.value.message
    assert not LetterTemplate.objects.filter(key="complaint-chase").exists()


def test_only_a_manager_keeps_templates(advisor: Any) -> None:
    with pytest.raises(DomainError):
        services.letter_template_create(
            actor=advisor,
            key="x",
            name="X",
            record_type="complaint_case",
            purpose="other",
            subject="S",
            body="B",
        )


def test_every_shipped_template_uses_only_its_kinds_placeholders_and_states() -> None:
    for template in LetterTemplate.objects.all():
        _, source = services.letter_kind(template.record_type)
        current = template.versions.get(number=template.version)
        for text in (current.subject, current.body):
            assert services.rules.template_problems(text, source.names()) == [], template.key
        assert services.rules.conditions_problems(template.conditions, [k for k, _ in source.states]) == []


def test_the_preview_renders_against_a_real_case(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    preview = services.letter_template_preview(
        record_type="complaint_case",
        record_id=case.pk,
        subject="About {{ case_reference }}",
        body="Dear {{ recipient_name }}, {{ nope }}",
        user=advisor,
    )
    assert preview["subject"] == f"About {case.reference}"
    assert preview["body"].startswith("Dear Alex Morgan,")
    assert any("nope" in p for p in preview["problems"])


# ---------------------------------------------------------------- drafting from the case's state
def test_the_acknowledgement_fits_whether_contact_was_made(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    before = _draft(case, advisor, "acknowledgement")
    assert before.template_version.template.key == "complaint-acknowledgement"
    assert "I will contact you soon" in before.body
    complaint_services.complaint_initial_contact(
        case_id=case.pk, actor=advisor, at=timezone.now(), method="phone", summary="Talked it through"
    )
    after = _draft(case, advisor, "acknowledgement")
    assert after.template_version.template.key == "complaint-acknowledgement-contacted"
    assert "Thank you for talking to us" in after.body


def test_no_outcome_letter_before_an_outcome(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    with pytest.raises(DomainError) as err:
        _draft(case, advisor, "outcome")
    assert err.value.field == "purpose"


def test_the_outcome_letter_carries_each_allegations_outcome_and_the_review_right(advisor: Any) -> None:
    case = _closed_s3_case(advisor)
    case.refresh_from_db()
    letter = _draft(case, advisor, "outcome")
    assert letter.template_version.template.key == "complaint-outcome-review"
    assert "Your right to a review" in letter.body
    assert f"{case.review_deadline.day} {case.review_deadline:%B %Y}" in letter.body  # C-REVIEW-28D
    assert "A1" in letter.body or case.allegations.first().category.title in letter.body


def test_an_outcome_letter_needing_approval_cannot_be_issued_before_approval(
    advisor: Any, manager: Any
) -> None:
    case = _closed_s3_case(advisor)
    letter = _draft(case, advisor, "outcome")
    with pytest.raises(DomainError) as err:
        services.letter_issue(letter_id=letter.pk, actor=advisor)
    assert err.value.field == "status"
    services.letter_submit(letter_id=letter.pk, actor=advisor)
    with pytest.raises(DomainError):
        services.letter_issue(letter_id=letter.pk, actor=advisor)
    returned = services.letter_decide(
        letter_id=letter.pk, actor=manager, approve=False, comment="Name the body."
    )
    assert returned.status == Letter.Status.RETURNED and returned.approval_comment == "Name the body."
    services.letter_submit(letter_id=letter.pk, actor=advisor)
    services.letter_decide(letter_id=letter.pk, actor=manager, approve=True)
    issued = services.letter_issue(letter_id=letter.pk, actor=advisor)
    assert issued.status == Letter.Status.ISSUED and issued.issued_by == advisor and issued.issued_at


def test_nobody_approves_their_own_letter(advisor: Any, make_user: Callable[..., Any]) -> None:
    me = make_user("manager", direct_phone="01234 1")
    case = _closed_s3_case(advisor)
    letter = services.letter_draft(
        record_type="complaint_case", record_id=case.pk, actor=me, purpose="outcome"
    )
    services.letter_submit(letter_id=letter.pk, actor=me)
    with pytest.raises(DomainError):
        services.letter_decide(letter_id=letter.pk, actor=me, approve=True)


def test_a_letter_names_its_handler_with_a_direct_contact(
    advisor: Any, make_user: Callable[..., Any]
) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    letter = services.letter_issue(letter_id=_draft(case, advisor, "acknowledgement").pk, actor=advisor)
    assert "01234 567890" in letter.issued_html and "sam.advisor@opcc.example" in letter.issued_html
    assert "Resolution advisor (OPCC)" in letter.issued_html
    nobody = make_user("advisor", direct_phone="", direct_email="")
    draft = services.letter_draft(
        record_type="complaint_case", record_id=case.pk, actor=nobody, purpose="acknowledgement"
    )
    with pytest.raises(DomainError) as err:
        services.letter_issue(letter_id=draft.pk, actor=nobody)
    assert "101" in err.value.message


def test_guidance_left_in_brackets_stops_the_letter(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    letter = _draft(case, advisor, "update")
    with pytest.raises(DomainError) as err:
        services.letter_issue(letter_id=letter.pk, actor=advisor)
    assert "brackets" in err.value.message


# ---------------------------------------------------------------- format
def _font_sizes(pdf: bytes) -> set[float]:
    sizes: set[float] = set()
    for page in extract_pages(io.BytesIO(pdf)):
        for element in page:
            if isinstance(element, LTTextContainer):
                for line in element:
                    for char in line:  # type: ignore[attr-defined]
                        if isinstance(char, LTChar) and char.get_text().strip():
                            sizes.add(round(char.size, 1))
    return sizes


def test_a_large_print_complainants_pdf_has_no_text_under_16pt_and_is_tagged(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor, complainant={"adjustments": ["large_print"]})
    letter = _draft(case, advisor, "acknowledgement")
    assert letter.format == Letter.Format.LARGE_PRINT
    letter = services.letter_issue(letter_id=letter.pk, actor=advisor)
    pdf = letter_pdf(letter.issued_html)
    sizes = _font_sizes(pdf)
    assert sizes and min(sizes) >= 16, sizes
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en-GB"
    assert reader.metadata is not None and case.reference in str(reader.metadata.title)
    assert case.reference in reader.pages[0].extract_text()  # real text, not a picture of it
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }
    assert all("Sans" in f and "Oblique" not in f and "Serif" not in f for f in fonts), fonts


def test_a_standard_letter_is_clear_print(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    letter = services.letter_issue(letter_id=_draft(case, advisor, "acknowledgement").pk, actor=advisor)
    assert min(_font_sizes(letter_pdf(letter.issued_html))) >= 12


def test_an_easy_read_draft_with_a_twenty_word_sentence_is_flagged(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor, complainant={"adjustments": ["easy_read"]})
    letter = _draft(case, advisor, "update")
    assert letter.format == Letter.Format.EASY_READ
    assert letter.template_version.template.variant == "easy_read"
    long = (
        "We looked at the notes the officer made on the night and then we talked to the officer about them."
    )
    letter = _fill(letter, advisor, long)
    problems = services.letter_problems(letter)
    assert any("20 words" in p for p in problems), problems
    with pytest.raises(DomainError):
        services.letter_issue(letter_id=letter.pk, actor=advisor)
    letter = services.letter_edit(
        letter_id=letter.pk,
        actor=advisor,
        subject=letter.subject,
        body=letter.body.replace(long, "We read the officer's notes."),
    )
    assert services.letter_problems(letter) == []
    issued = services.letter_issue(letter_id=letter.pk, actor=advisor)
    assert 'class="picture"' in issued.issued_html  # a picture slot beside each point


def test_an_interpreter_need_shows_on_the_draft(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor, complainant={"adjustments": ["interpreter"]})
    letter = _draft(case, advisor, "acknowledgement")
    assert letter.translation_needed
    assert any("translation" in reason for reason in letter.format_reasons)


# ---------------------------------------------------------------- sending
def test_posting_by_hand_is_a_contact_with_its_date(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    letter = services.letter_issue(
        letter_id=_fill(_draft(case, advisor, "update"), advisor).pk, actor=advisor
    )
    send = services.letter_send(letter_id=letter.pk, actor=advisor, channel="post_by_hand")
    assert send.status == LetterSend.Status.SENT and send.posted_on == timezone.localdate()
    case.refresh_from_db()
    assert case.next_update_due == timezone.localdate() + dt.timedelta(days=28)
    contact = Contact.objects.filter(case=case).first()
    assert contact is not None and contact.is_update and contact.method == "letter"
    with pytest.raises(DomainError):  # never twice
        services.letter_send(letter_id=letter.pk, actor=advisor, channel="post_by_hand")


def test_an_emailed_update_arrives_with_its_pdf_and_moves_next_update_due(
    advisor: Any, smtp_server: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    letter = services.letter_issue(
        letter_id=_fill(_draft(case, advisor, "update"), advisor).pk, actor=advisor
    )
    with django_capture_on_commit_callbacks(execute=True):
        send = services.letter_send(letter_id=letter.pk, actor=advisor, channel="email")
    send.refresh_from_db()
    assert send.status == LetterSend.Status.SENT, send.last_error
    assert len(smtp_server) == 1
    message = smtp_server[0]
    assert message["To"] == "alex@example.org"
    assert message["Message-ID"] == f"<{send.message_id}@resolve.invalid>"
    assert case.reference in message["Subject"]
    attachments = list(message.iter_attachments())
    assert [a.get_content_type() for a in attachments] == ["application/pdf"]
    assert attachments[0].get_content().startswith(b"%PDF")
    case.refresh_from_db()
    assert case.next_update_due == timezone.localdate() + dt.timedelta(days=28)
    assert CaseAction.objects.filter(
        case=case, kind=CaseAction.Kind.LETTER, rules__contains=["C-UPDATE-28D"]
    ).exists()


def test_a_retried_send_delivers_once(advisor: Any, smtp_server: list[Any], settings: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    letter = services.letter_issue(
        letter_id=_fill(_draft(case, advisor, "update"), advisor).pk, actor=advisor
    )
    good = settings.EMAIL_PORT
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = 9, 2  # the mail server is down: nothing listens on port 9
    # Inside the test's transaction the send's task is not queued (on_commit): the test runs it.
    send = services.letter_send(letter_id=letter.pk, actor=advisor, channel="email")
    assert services.letter_send_deliver(send_id=send.pk) == services.SendOutcome.RETRY
    send.refresh_from_db()
    assert send.status == LetterSend.Status.FAILED and send.attempts == 1 and send.last_error
    case.refresh_from_db()
    assert not Contact.objects.filter(case=case, is_update=True).exists()  # a failed send is no contact
    settings.EMAIL_PORT = good
    assert services.letter_send_deliver(send_id=send.pk) == services.SendOutcome.DONE
    assert services.letter_send_deliver(send_id=send.pk) == services.SendOutcome.SKIPPED  # a late retry
    assert len(smtp_server) == 1
    send.refresh_from_db()
    assert send.status == LetterSend.Status.SENT and send.attempts == 2
    assert Contact.objects.filter(case=case, is_update=True).count() == 1
