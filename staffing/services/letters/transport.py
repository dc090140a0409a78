"""The transports a letter goes out by (issue 22 part 4): Django's e-mail framework (the console
backend on the demo, SMTP from the environment in production) and GOV.UK Notify through its official
Python client (notifications-python-client) when a force configures NOTIFY_API_KEY.

Each transport is given our own message id (`LetterSend.message_id`): the e-mail's Message-ID header
and Notify's `reference`, so a message can always be matched to its send, and a stalled send can be
looked up at Notify before anything is sent again."""

from __future__ import annotations

import io
import smtplib
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage

from staffing.models import LetterSend
from staffing.services.letters.documents import letter_pdf


class TransportError(Exception):
    """A send that failed and may be retried (the transport did not take the message)."""


class PermanentTransportError(Exception):
    """A send the transport refused for good (a bad address): retrying cannot help."""


def _filename(send: LetterSend) -> str:
    reference = send.letter.record_label.replace("/", "-").replace(" ", "-")
    return f"{reference}-{send.letter.purpose}.pdf"


def deliver(send: LetterSend) -> str:
    """Hand the send's letter to its transport; the transport's own id (Notify's notification id) or
    "" for e-mail. TransportError: not taken, may be retried; PermanentTransportError: refused."""
    if send.channel == LetterSend.Channel.EMAIL:
        return _email(send)
    if send.channel == LetterSend.Channel.NOTIFY_EMAIL:
        return _notify_email(send)
    if send.channel == LetterSend.Channel.NOTIFY_LETTER:
        return _notify_letter(send)
    raise PermanentTransportError(f"{send.get_channel_display()} is not sent by a transport.")


# ---------------------------------------------------------------- e-mail (Django)
def email_text(send: LetterSend) -> str:
    letter = send.letter
    handler = letter.handler
    contact = ", ".join(x for x in (handler.direct_phone, handler.direct_email) if x)
    return (
        f"Dear {letter.recipient_name},\n\n"
        f"Please find attached our letter “{letter.subject}” (reference {letter.record_label}).\n\n"
        f"{letter.body}\n\n"
        f"{handler}\n{handler.get_role_display()}\n{contact}\n"
    )


def _email(send: LetterSend) -> str:
    letter = send.letter
    message = EmailMessage(
        subject=f"{letter.subject} ({letter.record_label})",
        body=email_text(send),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[send.to],
        reply_to=[letter.handler.direct_email] if letter.handler.direct_email else None,
        headers={"Message-ID": f"<{send.message_id}@{settings.LETTER_MESSAGE_ID_DOMAIN}>"},
    )
    message.attach(_filename(send), letter_pdf(letter.issued_html), "application/pdf")
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        if codes and all(500 <= code < 600 for code in codes):
            raise PermanentTransportError(f"The mail server refused {send.to}: {exc.recipients}") from exc
        raise TransportError(f"The mail server deferred {send.to}: {exc.recipients}") from exc
    except (TimeoutError, smtplib.SMTPException, OSError) as exc:
        raise TransportError(f"E-mail not sent: {exc}") from exc
    return ""


# ---------------------------------------------------------------- GOV.UK Notify
def _notify_client() -> Any:
    from notifications_python_client.notifications import NotificationsAPIClient

    return NotificationsAPIClient(
        settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL, timeout=settings.EMAIL_TIMEOUT
    )


def _notify_call(call: Any) -> dict[str, Any]:
    from notifications_python_client.errors import HTTPError

    try:
        return dict(call())
    except HTTPError as exc:
        status = getattr(exc, "status_code", 0) or 0
        message = f"GOV.UK Notify answered {status}: {getattr(exc, 'message', exc)}"
        # 400 and 403 are about the request itself (a bad address, a wrong key): retrying cannot help.
        if status in (400, 403):
            raise PermanentTransportError(message) from exc
        raise TransportError(message) from exc
    except (OSError, ValueError) as exc:
        raise TransportError(f"GOV.UK Notify could not be reached: {exc}") from exc


def _notify_email(send: LetterSend) -> str:
    letter = send.letter
    client = _notify_client()
    answer = _notify_call(
        lambda: client.send_email_notification(
            email_address=send.to,
            template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
            personalisation={
                "subject": f"{letter.subject} ({letter.record_label})",
                "body": email_text(send),
            },
            reference=str(send.message_id),
        )
    )
    return str(answer["id"])


def _notify_letter(send: LetterSend) -> str:
    client = _notify_client()
    pdf = io.BytesIO(letter_pdf(send.letter.issued_html))
    answer = _notify_call(
        lambda: client.send_precompiled_letter_notification(reference=str(send.message_id), pdf_file=pdf)
    )
    return str(answer["id"])


def notify_status(provider_id: str) -> str:
    """Notify's status of one notification ("delivered", "permanent-failure", ...), "" if unknown."""
    try:
        answer = _notify_call(lambda: _notify_client().get_notification_by_id(provider_id))
    except (TransportError, PermanentTransportError):
        return ""
    return str(answer.get("status", ""))


def notify_find(reference: str) -> str:
    """Notify's id of the notification we sent with `reference`, "" when Notify has none."""
    answer = _notify_call(lambda: _notify_client().get_all_notifications(reference=reference))
    found = answer.get("notifications") or []
    return str(found[0]["id"]) if found else ""
