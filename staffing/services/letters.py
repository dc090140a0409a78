"""Every write to letters and letter templates (issue 22 parts 1-4): templates and their versions,
drafting a letter from the template that fits its record, editing, approval, issuing (the text frozen)
and sending (a Celery task that claims its send by a conditional update, so a retry never sends twice).

The record a letter is about belongs to an app above staffing: it is reached through its registered
record kind (staffing.records), whose `open` checks need-to-know and logs the access, and whose
`letters` (staffing.letter_sources.LetterSource) gives the placeholders, the facts and what a sent
letter does to the record (a contact in its log, the clock it answers)."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from config.exceptions import DomainError
from staffing import letter_rules as rules
from staffing import letter_transport
from staffing.letter_documents import letter_html, page_count, signature_data_uri
from staffing.letter_sources import LetterFacts, LetterSource, SentLetter
from staffing.letter_transport import PermanentTransportError, TransportError
from staffing.models import Letter, LetterSend, LetterTemplate, LetterTemplateVersion, User
from staffing.records import RecordKind, record_kind, record_kinds

logger = logging.getLogger(__name__)

TEMPLATE_MANAGERS = (User.Role.MANAGER, User.Role.ADMIN)
APPROVERS = (User.Role.MANAGER, User.Role.ADMIN)
STALE_CLAIM = dt.timedelta(minutes=10)


# ---------------------------------------------------------------- record kinds
def letter_kind(record_type: str) -> tuple[RecordKind, LetterSource]:
    kind = record_kinds().get(record_type)
    source = getattr(kind, "letters", None) if kind is not None else None
    if kind is None or source is None:
        raise DomainError(f"Letters cannot be written about {record_type!r} records.", field="record_type")
    return kind, source


def letter_record_open(
    *, record_type: str, record_id: int, user: User, purpose: str, path: str = "", action: str = "letter"
) -> tuple[Any, RecordKind, LetterSource, LetterFacts]:
    """The record (need-to-know checked, the access logged by its kind) and its letter facts."""
    kind, source = letter_kind(record_type)
    record = kind.open(user=user, pk=record_id, purpose=purpose, path=path, action=action)
    return record, kind, source, source.facts(record)


def _values(facts: LetterFacts, *, handler: User, recipient_name: str, today: dt.date) -> dict[str, str]:
    return {
        **facts.values,
        "today": rules.long_date(today),
        "recipient_name": recipient_name,
        "force_name": settings.RESOLVE_FORCE_NAME,
        "handler_name": str(handler),
        "handler_role": handler.get_role_display(),
        "handler_phone": handler.direct_phone,
        "handler_email": handler.direct_email,
    }


# ---------------------------------------------------------------- templates
def _check_text(*, source: LetterSource, subject: str, body: str) -> None:
    if not subject.strip():
        raise DomainError("Give the template a subject (the letter's heading).", field="subject")
    if not body.strip():
        raise DomainError("The template has no text.", field="body")
    names = source.names()
    for field, text in (("subject", subject), ("body", body)):
        problems = rules.template_problems(text, names)
        if problems:
            raise DomainError(" ".join(p.message for p in problems), field=field)


def _check_conditions(*, source: LetterSource, conditions: list[str]) -> list[str]:
    cleaned = [c.strip() for c in conditions if c and c.strip()]
    unknown = rules.conditions_problems(cleaned, [key for key, _ in source.states])
    if unknown:
        raise DomainError(f"Unknown record state {', '.join(unknown)}.", field="conditions")
    return cleaned


def _require_role(actor: User, roles: tuple[str, ...], what: str) -> None:
    if actor.role not in roles:
        raise DomainError(f"Only a manager or administrator may {what}.", field="non_field_errors")


@transaction.atomic
def letter_template_create(
    *,
    actor: User,
    key: str,
    name: str,
    record_type: str,
    purpose: str,
    subject: str,
    body: str,
    variant: str = LetterTemplate.Variant.STANDARD,
    channel: str = LetterTemplate.Channel.LETTER,
    conditions: list[str] | None = None,
    needs_approval: bool = False,
    note: str = "",
) -> LetterTemplate:
    """A new template and its first version. An unknown placeholder is refused naming it (field body)."""
    _require_role(actor, TEMPLATE_MANAGERS, "create letter templates")
    _, source = letter_kind(record_type)
    if purpose not in LetterTemplate.Purpose.values:
        raise DomainError(f"Unknown purpose {purpose!r}.", field="purpose")
    if variant not in LetterTemplate.Variant.values:
        raise DomainError(f"Unknown variant {variant!r}.", field="variant")
    if channel not in LetterTemplate.Channel.values:
        raise DomainError(f"Unknown channel {channel!r}.", field="channel")
    if not name.strip():
        raise DomainError("Name the template.", field="name")
    if not key.strip():
        raise DomainError("Give the template a key.", field="key")
    if LetterTemplate.objects.filter(key=key).exists():
        raise DomainError(f"A template with the key {key!r} already exists.", field="key")
    cleaned = _check_conditions(source=source, conditions=conditions or [])
    _check_text(source=source, subject=subject, body=body)
    template = LetterTemplate(
        key=key,
        name=name.strip(),
        record_type=record_type,
        purpose=purpose,
        variant=variant,
        channel=channel,
        conditions=cleaned,
        needs_approval=needs_approval,
        version=1,
    )
    template._change_reason = note or "Template created"  # type: ignore[attr-defined]
    template.full_clean()
    template.save()
    LetterTemplateVersion.objects.create(
        template=template,
        number=1,
        subject=subject,
        body=body,
        note=note or "First version",
        created_by=actor,
    )
    return template


@transaction.atomic
def letter_template_update(
    *,
    template_id: int,
    actor: User,
    subject: str,
    body: str,
    note: str,
    name: str | None = None,
    needs_approval: bool | None = None,
    conditions: list[str] | None = None,
    active: bool | None = None,
    version: int | None = None,
) -> LetterTemplate:
    """A new version of a template (the old ones kept: letters drafted from them keep their text).
    `version`: the version the editor saw; a later one saved meanwhile is a conflict."""
    _require_role(actor, TEMPLATE_MANAGERS, "edit letter templates")
    template = LetterTemplate.objects.select_for_update().filter(pk=template_id).first()
    if template is None:
        raise DomainError("No such template.", field="template")
    if version is not None and version != template.version:
        raise DomainError(
            f"Someone saved version {template.version} of this template while you were editing it: "
            "reload it and make your change again.",
            field="version",
        )
    _, source = letter_kind(template.record_type)
    if not note.strip():
        raise DomainError("Say what you changed and why.", field="note")
    _check_text(source=source, subject=subject, body=body)
    if conditions is not None:
        template.conditions = _check_conditions(source=source, conditions=conditions)
    if name is not None and name.strip():
        template.name = name.strip()
    if needs_approval is not None:
        template.needs_approval = needs_approval
    if active is not None:
        template.active = active
    current = template.versions.order_by("-number").first()
    changed_text = current is None or (current.subject, current.body) != (subject, body)
    if changed_text:
        template.version += 1
        LetterTemplateVersion.objects.create(
            template=template,
            number=template.version,
            subject=subject,
            body=body,
            note=note.strip(),
            created_by=actor,
        )
    template._change_reason = note.strip()  # type: ignore[attr-defined]
    template.save()
    return template


def letter_template_preview(
    *,
    record_type: str,
    record_id: int,
    subject: str,
    body: str,
    user: User,
    path: str = "",
) -> dict[str, Any]:
    """The template text rendered against a real record (nothing stored; the view of the record is
    logged by its kind). Problems are returned, not raised, so the preview shows them as one types."""
    _, kind, source, facts = letter_record_open(
        record_type=record_type, record_id=record_id, user=user, purpose="Letter template preview", path=path
    )
    names = source.names()
    problems = [
        p.message for p in rules.template_problems(subject, names) + rules.template_problems(body, names)
    ]
    values = _values(facts, handler=user, recipient_name=facts.recipient_name, today=timezone.localdate())
    return {
        "record": facts.label,
        "subject": rules.render(subject, values),
        "body": rules.render(body, values),
        "blocks": rules.blocks(rules.render(body, values)),
        "problems": problems,
    }


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


# ---------------------------------------------------------------- sending
def notify_configured() -> bool:
    return bool(getattr(settings, "NOTIFY_API_KEY", ""))


@transaction.atomic
def letter_send(
    *, letter_id: int, actor: User, channel: str, posted_on: dt.date | None = None, to: str = ""
) -> LetterSend:
    """Send an issued letter: by e-mail or GOV.UK Notify (a background task that claims the send, so
    a retry never sends twice), or record that it was printed and posted by hand on a date (a
    contact on the record at once)."""
    letter = _lock(letter_id)
    if letter.status != Letter.Status.ISSUED:
        raise DomainError("Issue the letter before sending it.", field="status")
    if channel not in LetterSend.Channel.values:
        raise DomainError(f"Unknown way of sending {channel!r}.", field="channel")
    if (
        channel in (LetterSend.Channel.NOTIFY_EMAIL, LetterSend.Channel.NOTIFY_LETTER)
        and not notify_configured()
    ):
        raise DomainError("GOV.UK Notify is not configured for this force.", field="channel")
    if letter.sends.exclude(
        status__in=[LetterSend.Status.GAVE_UP, LetterSend.Status.PERMANENT_FAILURE]
    ).exists():
        raise DomainError("This letter has already been sent (or is being sent).", field="channel")
    send = LetterSend(letter=letter, channel=channel, message_id=uuid.uuid4(), requested_by=actor)
    if channel == LetterSend.Channel.POST_BY_HAND:
        posted_on = posted_on or timezone.localdate()
        if posted_on > timezone.localdate():
            raise DomainError("The posting date cannot be in the future.", field="posted_on")
        if posted_on < (letter.dated or posted_on):
            raise DomainError("The letter was posted before it was dated.", field="posted_on")
        send.to = letter.recipient_address
        send.status = LetterSend.Status.SENT
        send.posted_on = posted_on
        send.sent_at = timezone.now()
        send._change_reason = f"Printed and posted by hand on {posted_on.isoformat()}"  # type: ignore[attr-defined]
        send.save()
        _announce_sent(send, method="letter")
        return send
    if channel in (LetterSend.Channel.EMAIL, LetterSend.Channel.NOTIFY_EMAIL):
        send.to = (to or letter.recipient_email).strip()
        if not send.to:
            raise DomainError("There is no e-mail address for the person written to.", field="to")
    else:
        send.to = letter.recipient_address
        if not send.to.strip():
            raise DomainError("There is no postal address for the person written to.", field="to")
    send._change_reason = f"Queued: {send.get_channel_display()}"  # type: ignore[attr-defined]
    send.full_clean()
    send.save()
    _enqueue(send.pk)
    return send


def _enqueue(send_id: int) -> None:
    from config.tasks import enqueue
    from staffing.tasks import letter_send_deliver_task

    enqueue(letter_send_deliver_task, send_id)


def _announce_sent(send: LetterSend, *, method: str, undelivered: bool = False) -> None:
    letter = send.letter
    _, source = letter_kind(letter.record_type)
    event = SentLetter(
        record_id=letter.record_id,
        letter_id=letter.pk,
        purpose=letter.purpose,
        subject=letter.subject,
        at=send.sent_at or timezone.now(),
        method=method,
        actor=send.requested_by,
    )
    (source.on_undelivered if undelivered else source.on_sent)(event)


class SendOutcome:
    DONE = "done"  # sent now
    SKIPPED = "skipped"  # nothing to do: already sent, or claimed by another worker
    RETRY = "retry"  # failed; the task retries with backoff


def letter_send_deliver(*, send_id: int, final_attempt: bool = False) -> str:
    """Hand one queued send to its transport, once. The send is claimed by a conditional update
    (queued or failed -> sending); a send that is sending, sent or delivered is left alone, so two
    workers or a retry after success never send twice. The transport is called outside any
    transaction; the result is written afterwards, with the record's contact and clock."""
    now = timezone.now()
    claimed = LetterSend.objects.filter(
        pk=send_id, status__in=[LetterSend.Status.QUEUED, LetterSend.Status.FAILED]
    ).update(status=LetterSend.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return SendOutcome.SKIPPED
    send = LetterSend.objects.select_related("letter__handler").get(pk=send_id)
    try:
        provider_id = letter_transport.deliver(send)
    except PermanentTransportError as exc:
        _send_failed(send_id, str(exc), give_up=True)
        return SendOutcome.SKIPPED
    except TransportError as exc:
        _send_failed(send_id, str(exc), give_up=final_attempt)
        return SendOutcome.SKIPPED if final_attempt else SendOutcome.RETRY
    _send_succeeded(send_id, provider_id)
    return SendOutcome.DONE


@transaction.atomic
def _send_succeeded(send_id: int, provider_id: str) -> None:
    send = LetterSend.objects.select_for_update().select_related("letter", "requested_by").get(pk=send_id)
    send.status = LetterSend.Status.SENT
    send.sent_at = timezone.now()
    send.provider_id = provider_id
    send.last_error = ""
    send._change_reason = f"Sent: {send.get_channel_display()}"  # type: ignore[attr-defined]
    send.save()
    method = "letter" if send.channel == LetterSend.Channel.NOTIFY_LETTER else "email"
    _announce_sent(send, method=method)


@transaction.atomic
def _send_failed(send_id: int, error: str, *, give_up: bool) -> None:
    send = LetterSend.objects.select_for_update().get(pk=send_id)
    send.status = LetterSend.Status.GAVE_UP if give_up else LetterSend.Status.FAILED
    send.last_error = error[:2000]
    send._change_reason = ("Gave up: " if give_up else "Failed, will retry: ") + error[:200]  # type: ignore[attr-defined]
    send.save()
    logger.warning("letter send %s failed (%s): %s", send_id, "gave up" if give_up else "will retry", error)


@transaction.atomic
def letter_send_retry(*, send_id: int, actor: User) -> LetterSend:
    """A person sends again a send that gave up (the failure shown on the letter)."""
    send = LetterSend.objects.select_for_update().filter(pk=send_id).first()
    if send is None:
        raise DomainError("No such send.", field="send")
    if send.status != LetterSend.Status.GAVE_UP:
        raise DomainError("Only a send that failed can be retried.", field="status")
    send.status = LetterSend.Status.QUEUED
    send._change_reason = f"Retried by {actor}"  # type: ignore[attr-defined]
    send.save()
    _enqueue(send.pk)
    return send


def letter_send_reclaim_stale(*, now: dt.datetime | None = None) -> int:
    """Sends claimed long ago and never finished (a worker died mid-send). One that went to Notify is
    looked up there by our reference: found, it is sent; not found, queued again. An e-mail's fate is
    unknowable from here, so it is marked for a person to check, never resent blindly. Returns how
    many were settled."""
    now = now or timezone.now()
    settled = 0
    stale = LetterSend.objects.filter(status=LetterSend.Status.SENDING, claimed_at__lt=now - STALE_CLAIM)
    for send in stale.iterator(chunk_size=100):
        if send.channel in (LetterSend.Channel.NOTIFY_EMAIL, LetterSend.Channel.NOTIFY_LETTER):
            found = letter_transport.notify_find(str(send.message_id))
            if found:
                _send_succeeded(send.pk, found)
            else:
                with transaction.atomic():
                    s = LetterSend.objects.select_for_update().get(pk=send.pk)
                    s.status = LetterSend.Status.QUEUED
                    s._change_reason = "Not found at GOV.UK Notify after a stalled send: queued again"  # type: ignore[attr-defined]
                    s.save()
                    _enqueue(s.pk)
        else:
            with transaction.atomic():
                s = LetterSend.objects.select_for_update().get(pk=send.pk)
                s.status = LetterSend.Status.UNKNOWN
                s._change_reason = "Sending stalled: check whether it arrived before sending again"  # type: ignore[attr-defined]
                s.save()
        settled += 1
    return settled


NOTIFY_DELIVERED = {"delivered", "received"}
NOTIFY_PERMANENT = {"permanent-failure", "validation-failed", "technical-failure", "cancelled"}


@transaction.atomic
def letter_send_status_record(*, send_id: int, provider_status: str) -> LetterSend:
    """Record the delivery status Notify reports. Delivered: shown. A permanent failure: shown, and the
    record's contact is reopened (the owning app's `on_undelivered`), as the letter never arrived."""
    send = LetterSend.objects.select_for_update().select_related("letter", "requested_by").get(pk=send_id)
    if send.provider_status == provider_status:
        return send
    send.provider_status = provider_status
    reopen = False
    if provider_status in NOTIFY_DELIVERED and send.status == LetterSend.Status.SENT:
        send.status = LetterSend.Status.DELIVERED
        send.delivered_at = timezone.now()
    elif provider_status in NOTIFY_PERMANENT and send.status in (
        LetterSend.Status.SENT,
        LetterSend.Status.DELIVERED,
    ):
        send.status = LetterSend.Status.PERMANENT_FAILURE
        reopen = True
    send._change_reason = f"GOV.UK Notify reports {provider_status}"  # type: ignore[attr-defined]
    send.save()
    if reopen:
        _announce_sent(
            send,
            method="email" if send.channel == LetterSend.Channel.NOTIFY_EMAIL else "letter",
            undelivered=True,
        )
    return send


def letter_send_status_poll() -> int:
    """Ask Notify about every send it has not finished with; returns how many changed."""
    changed = 0
    pending = LetterSend.objects.filter(
        status=LetterSend.Status.SENT,
        channel__in=[LetterSend.Channel.NOTIFY_EMAIL, LetterSend.Channel.NOTIFY_LETTER],
    ).exclude(provider_id="")
    for send in pending.iterator(chunk_size=100):
        status = letter_transport.notify_status(send.provider_id)
        if status and status != send.provider_status:
            letter_send_status_record(send_id=send.pk, provider_status=status)
            changed += 1
    return changed


def record_kind_label(record_type: str) -> str:
    try:
        return record_kind(record_type).label
    except Exception:  # noqa: BLE001 - an unregistered kind reads as its key
        return record_type


# ---------------------------------------------------------------- the handler's letter details
SIGNATURE_MAX_BYTES = 300_000


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
    optional signature image (PNG or JPEG, checked by its content)."""
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
        head = signature.read(16)
        signature.seek(0)
        if not (head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")):
            raise DomainError("The signature must be a PNG or JPEG image.", field="signature")
        if signature.size > SIGNATURE_MAX_BYTES:
            raise DomainError("The signature image must be under 300 KB.", field="signature")
        user.signature.save(
            f"signature-{user.pk}.{'png' if head.startswith(b'\\x89PNG') else 'jpg'}", signature, save=False
        )
        fields.append("signature")
    user._change_reason = "Letter details changed"  # type: ignore[attr-defined]
    user.full_clean(exclude=["password", "username"])
    user.save(update_fields=fields)
    return user


def letter_templates_ship() -> int:
    """Add any shipped template (staffing/reference/letter_templates.yaml) the force does not have,
    as version 1; a template a force has (same key), edited or not, is left alone. The migration
    loads them once; this puts them back after a database was emptied (a flushed test database)."""
    from staffing.reference import letter_templates_shipped

    added = 0
    for item in letter_templates_shipped():
        if LetterTemplate.objects.filter(key=item["key"]).exists():
            continue
        subject, body = item.pop("subject"), item.pop("body")
        with transaction.atomic():
            template = LetterTemplate(version=1, **item)
            template._change_reason = "Shipped with Resolve"  # type: ignore[attr-defined]
            template.save()
            LetterTemplateVersion.objects.create(
                template=template, number=1, subject=subject, body=body, note="Shipped with Resolve"
            )
        added += 1
    return added
