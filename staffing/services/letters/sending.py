"""Sending an issued letter, never lost, never twice (issue 22 part 4): e-mail, GOV.UK Notify or post by
hand; a Celery task claims each send by a conditional update; Notify's delivery status; stalled sends
settled without sending again."""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from config.exceptions import DomainError
from staffing.letter_sources import SentLetter
from staffing.models import Letter, LetterSend, User
from staffing.services.letters import transport as letter_transport
from staffing.services.letters.common import STALE_CLAIM, letter_kind
from staffing.services.letters.drafting import _lock
from staffing.services.letters.transport import PermanentTransportError, TransportError

logger = logging.getLogger(__name__)


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
