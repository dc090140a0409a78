"""Work never done twice and never lost: answered create requests kept for their Idempotency-Key, and
background work kept while Redis was unreachable."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class IdempotencyKey(models.Model):
    """One answered create request, kept 24 hours so a repeat (a retry, a double click, Back and
    resubmit) creates nothing and gets the first answer (contract Conventions: Idempotency-Key).
    Keys are the caller's own: two people's keys never meet. Written only by
    staffing.services.idempotency; no person edits a row, so there is no history."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(max_length=60, help_text="Which create operation, e.g. recording.decision.")
    key = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the request body, canonical JSON.")
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "scope", "key"], name="staffing_idempotency_key_once")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"


class DelayedTask(models.Model):
    """Background work that could not be queued because Redis was unreachable when its request committed
    (config.tasks.enqueue keeps it here instead of raising or waiting). `delayed_tasks_send` (every minute
    on beat) queues it once Redis answers, then deletes the row. No
    person edits a row, so there is no history; the tasks themselves are idempotent (STYLE.md 8)."""

    task = models.CharField(max_length=200, help_text="The Celery task's registered name.")
    args = models.JSONField(default=list, blank=True)
    options = models.JSONField(default=dict, blank=True, help_text="apply_async options, e.g. the queue.")
    reason = models.TextField(blank=True, help_text="Why it could not be queued the last time it was tried.")
    attempts = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    tried_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.task} kept since {self.created_at:%Y-%m-%d %H:%M}"
