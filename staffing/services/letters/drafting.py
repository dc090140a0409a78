"""A letter from draft to issue (issue 22 parts 2-3): drafted from the template that fits its record,
edited as plain paragraphs, approved where its template needs it, issued with its text frozen; and the
direct contact every letter gives for its handler."""

from __future__ import annotations

from typing import Any

import filetype
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from staffing import rules as staffing_rules
from staffing.letter_sources import LetterFacts
from staffing.models import Letter, LetterTemplate, User
from staffing.rules import letters as rules
from staffing.services.files import HEAD_BYTES
from staffing.services.letters.common import APPROVERS, _require_role, _values, letter_record_open
from staffing.services.letters.documents import letter_html, page_count, signature_data_uri


# ---------------------------------------------------------------- drafting
def _format_fields(facts: LetterFacts) -> dict[str, Any]:
    need = rules.format_for(facts.adjustments)
    return {
        "format": need.format.value,
        "large_print": need.format == rules.Format.EASY_READ and "large_print" in facts.adjustments,
        "translation_needed": need.translation,
        "format_reasons": list(need.reasons),
    }


def letter_template_for(*, record_type: str, purpose: str, facts: LetterFacts) -> LetterTemplate | None:
    """The active template of `purpose` that fits the record's state and the person's format."""
    templates = {
        t.key: t for t in LetterTemplate.objects.filter(record_type=record_type, purpose=purpose, active=True)
    }
    chosen = rules.choose_template(
        [rules.Candidate(t.key, t.purpose, t.variant, tuple(t.conditions)) for t in templates.values()],
        purpose=purpose,
        easy_read=rules.format_for(facts.adjustments).format == rules.Format.EASY_READ,
        facts=facts.states,
    )
    return templates[chosen.key] if chosen else None


@transaction.atomic
def letter_draft(
    *,
    record_type: str,
    record_id: int,
    actor: User,
    purpose: str = "",
    template_id: int | None = None,
    path: str = "",
) -> Letter:
    """Draft a letter about a record from the template that fits its state (or the one named), in the
    format its person's recorded adjustments call for. The text is the template's current version
    with the placeholders filled; the handler then edits it as plain paragraphs."""
    _, kind, source, facts = letter_record_open(
        record_type=record_type, record_id=record_id, user=actor, purpose="Drafting a letter", path=path
    )
    if template_id is not None:
        template = LetterTemplate.objects.filter(pk=template_id, record_type=record_type, active=True).first()
        if template is None:
            raise DomainError("No such template for this record.", field="template")
    else:
        if purpose not in LetterTemplate.Purpose.values:
            raise DomainError(f"Unknown letter purpose {purpose!r}.", field="purpose")
        template = letter_template_for(record_type=record_type, purpose=purpose, facts=facts)
        if template is None:
            raise DomainError(
                f"No {LetterTemplate.Purpose(purpose).label.lower()} template fits this record: "
                "ask a manager to add one.",
                field="purpose",
            )
    current = template.versions.get(number=template.version)
    values = _values(facts, handler=actor, recipient_name=facts.recipient_name, today=timezone.localdate())
    letter = Letter(
        record_type=record_type,
        record_id=record_id,
        record_label=facts.label,
        template_version=current,
        purpose=template.purpose,
        sender=facts.sender or settings.RESOLVE_FORCE_NAME,
        recipient_name=facts.recipient_name,
        recipient_email=facts.recipient_email,
        recipient_address=facts.recipient_address,
        subject=rules.render(current.subject, values)[:200],
        body=rules.render(current.body, values),
        handler=actor,
        created_by=actor,
        **_format_fields(facts),
    )
    letter._change_reason = f"Drafted from {template.key} version {current.number}"  # type: ignore[attr-defined]
    letter.full_clean()
    letter.save()
    return letter


def _lock(letter_id: int, version: int | None = None) -> Letter:
    letter = (
        Letter.objects.select_for_update()
        .select_related("template_version__template")
        .filter(pk=letter_id)
        .first()
    )
    if letter is None:
        raise DomainError("No such letter.", field="letter")
    if version is not None and version != letter.version:
        raise DomainError(
            "Someone changed this letter while you were looking at it: reload it and try again.",
            field="version",
        )
    return letter


def _save(letter: Letter, reason: str, fields: list[str]) -> None:
    letter.version += 1
    letter._change_reason = reason  # type: ignore[attr-defined]
    letter.save(update_fields=[*fields, "version", "updated_at"])


@transaction.atomic
def letter_edit(
    *, letter_id: int, actor: User, subject: str, body: str, version: int | None = None
) -> Letter:
    """Change a draft's heading and paragraphs (a draft, or one returned for changes)."""
    letter = _lock(letter_id, version)
    if letter.status not in (Letter.Status.DRAFT, Letter.Status.RETURNED):
        raise DomainError(
            f"This letter is {letter.get_status_display().lower()}: it can no longer be edited.",
            field="status",
        )
    if not subject.strip():
        raise DomainError("The letter needs a heading.", field="subject")
    if not body.strip():
        raise DomainError("The letter has no text.", field="body")
    letter.subject, letter.body = subject.strip(), body.replace("\r\n", "\n").strip()
    _save(letter, "Letter edited", ["subject", "body"])
    return letter


def letter_problems(letter: Letter) -> list[str]:
    """What stops this letter being issued as it stands (also shown on the draft)."""
    problems: list[str] = []
    if letter.format == Letter.Format.EASY_READ:
        for sentence, words in rules.long_sentences(f"{letter.subject}\n{letter.body}"):
            limit = rules.EASY_READ_MAX_WORDS
            problems.append(f"Easy Read: this sentence has {words} words (at most {limit}): “{sentence}”")
    for guidance in rules.unfilled_guidance(letter.body):
        problems.append(f"Replace the guidance in brackets with what you mean to say: {guidance}")
    handler = letter.handler
    if not (handler.direct_phone or handler.direct_email):
        problems.append(
            f"{handler} has no direct phone or e-mail: add one under ‘My letter details’ "
            "(a letter never gives only 101)."
        )
    return problems


@transaction.atomic
def letter_submit(*, letter_id: int, actor: User, version: int | None = None) -> Letter:
    """Send a draft to a manager for approval (templates marked as needing it)."""
    letter = _lock(letter_id, version)
    if letter.status not in (Letter.Status.DRAFT, Letter.Status.RETURNED):
        raise DomainError(f"This letter is {letter.get_status_display().lower()}.", field="status")
    if not letter.template_version.template.needs_approval:
        raise DomainError("This letter's template does not need approval: issue it.", field="status")
    problems = letter_problems(letter)
    if problems:
        raise DomainError(" ".join(problems), field="body")
    letter.status = Letter.Status.AWAITING_APPROVAL
    _save(letter, "Sent for approval", ["status"])
    return letter


@transaction.atomic
def letter_decide(
    *, letter_id: int, actor: User, approve: bool, comment: str = "", version: int | None = None
) -> Letter:
    """A manager approves a letter awaiting approval, or returns it with a comment. Nobody approves a
    letter they drafted or handle."""
    _require_role(actor, APPROVERS, "approve letters")
    letter = _lock(letter_id, version)
    if letter.status != Letter.Status.AWAITING_APPROVAL:
        raise DomainError("This letter is not awaiting approval.", field="status")
    if actor.pk in (letter.created_by_id, letter.handler_id):
        raise DomainError("Another manager must approve a letter you wrote.", field="non_field_errors")
    if not approve and not comment.strip():
        raise DomainError("Say what needs changing.", field="comment")
    letter.status = Letter.Status.APPROVED if approve else Letter.Status.RETURNED
    letter.approval_comment = comment.strip()
    letter.decided_by = actor
    letter.decided_at = timezone.now()
    _save(
        letter,
        "Approved" if approve else f"Returned: {comment.strip()}",
        ["status", "approval_comment", "decided_by", "decided_at"],
    )
    return letter


@transaction.atomic
def letter_issue(*, letter_id: int, actor: User, version: int | None = None) -> Letter:
    """Freeze the letter's text with who issued it and when. A letter whose template needs approval
    cannot be issued before a manager approved it."""
    letter = _lock(letter_id, version)
    needs_approval = letter.template_version.template.needs_approval
    if letter.status == Letter.Status.ISSUED:
        raise DomainError("This letter has already been issued.", field="status")
    if needs_approval and letter.status != Letter.Status.APPROVED:
        raise DomainError(
            "This letter needs a manager's approval before it is issued: send it for approval.",
            field="status",
        )
    if not needs_approval and letter.status not in (Letter.Status.DRAFT, Letter.Status.RETURNED):
        raise DomainError(f"This letter is {letter.get_status_display().lower()}.", field="status")
    problems = letter_problems(letter)
    if problems:
        raise DomainError(" ".join(problems), field="body")
    today = timezone.localdate()
    html = letter_html(letter, dated=today, signature=signature_data_uri(letter.handler))
    if letter.format == Letter.Format.EASY_READ and (pages := page_count(html)) > rules.EASY_READ_MAX_PAGES:
        raise DomainError(
            f"Easy Read: this letter runs to {pages} pages (at most {rules.EASY_READ_MAX_PAGES}).",
            field="body",
        )
    letter.status = Letter.Status.ISSUED
    letter.issued_by = actor
    letter.issued_at = timezone.now()
    letter.dated = today
    letter.issued_html = html
    _save(letter, "Issued", ["status", "issued_by", "issued_at", "dated", "issued_html"])
    return letter


# ---------------------------------------------------------------- the handler's letter details
SIGNATURE_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg"}


def user_signature_check(*, upload: Any) -> str:
    """The content type of a signature image read from its content (as evidence files are, with the
    same content-sniffing library); DomainError naming `signature` for anything but a PNG or JPEG
    picture of at most staffing.rules.SIGNATURE_MAX_BYTES."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head) if head else None
    verdict = staffing_rules.signature_verdict(
        size=int(upload.size or 0), guessed=kind.mime if kind is not None else None
    )
    if verdict.refusal:
        raise DomainError(verdict.refusal, field="signature")
    return verdict.content_type


@transaction.atomic
def user_letter_details_update(
    *,
    user: User,
    actor: User,
    direct_phone: str,
    direct_email: str,
    signature: Any = None,
    remove_signature: bool = False,
) -> User:
    """The direct phone and e-mail every letter a person handles prints (never only 101), and their
    optional signature image (PNG or JPEG, checked by its content: user_signature_check)."""
    if actor.pk != user.pk and actor.role != User.Role.ADMIN:
        raise DomainError("You may change only your own letter details.", field="non_field_errors")
    phone, mail = direct_phone.strip(), direct_email.strip()
    if not (phone or mail):
        raise DomainError(
            "Give a direct phone number or e-mail address: letters never give only 101.", field="direct_phone"
        )
    if phone and phone.replace(" ", "") in ("101", "999"):
        raise DomainError("Give your own direct line, not 101 or 999.", field="direct_phone")
    user.direct_phone, user.direct_email = phone, mail
    fields = ["direct_phone", "direct_email"]
    if remove_signature:
        user.signature = ""
        fields.append("signature")
    elif signature is not None:
        content_type = user_signature_check(upload=signature)
        user.signature.save(
            f"signature-{user.pk}.{SIGNATURE_EXTENSIONS[content_type]}", signature, save=False
        )
        fields.append("signature")
    user._change_reason = "Letter details changed"  # type: ignore[attr-defined]
    user.full_clean(exclude=["password", "username"])
    user.save(update_fields=fields)
    return user
