"""Celery wrappers for complaints: each calls one service and nothing else (STYLE.md §8)."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from complaints.services.public import public_copy_send


@shared_task(acks_late=True, autoretry_for=(OperationalError, OSError), retry_backoff=True, max_retries=5)
def public_copy_send_task(complainant_id: int) -> bool:
    """The public form's copy by e-mail, sent after the submission commits (an SMTP server that is away
    retries here, never failing the person's submission)."""
    return public_copy_send(complainant_id=complainant_id)
