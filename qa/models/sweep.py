"""The sweep for unrecorded incidents (R-NSIR-AUDIT-TRAIL): its flags and its runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class UnrecordedFlag(models.Model):
    """A crime-related incident with no crime number past the grace period. Stays open until a crime
    number arrives (the sweep resolves it) or a sergeant resolves / dismisses it with a reason."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved (crime recorded)"
        DISMISSED = "dismissed", "Dismissed (reason recorded)"

    incident = models.ForeignKey(
        "recording.Incident", on_delete=models.PROTECT, related_name="unrecorded_flags"
    )
    flagged_at = models.DateTimeField()
    incident_opened_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="The incident's opened_at when flagged: the queue's sort key, indexed with the status.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="unrecorded_flags",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_crime_number = models.CharField(max_length=40, blank=True)
    dismiss_reason = models.TextField(blank=True)
    closing_nsir_code = models.ForeignKey(
        "recording.NsirCode", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A resolving crime that does not match the incident (R-NSIR-AUDIT-TRAIL; contract: the resolve
    # endpoint): what did not match, in words, and the sergeant's reason for accepting it. Counted on the
    # flag list. db_default: the sweep inserts flags by SQL naming only the columns it sets.
    resolve_mismatch = models.TextField(blank=True, db_default="")
    resolve_reason = models.TextField(blank=True, db_default="")
    # Escalation to the control room (R-FCR): open from escalated_at until the control room's answer is
    # recorded; the flag itself stays open until a crime or a reason closes it.
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalation_note = models.TextField(blank=True)
    escalation_answer = models.TextField(blank=True, db_default="")
    escalation_answered_at = models.DateTimeField(null=True, blank=True)
    escalation_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["incident__opened_at", "id"]
        constraints = [
            # Never two open flags for one incident, whatever runs concurrently.
            models.UniqueConstraint(
                fields=["incident"], condition=models.Q(status="open"), name="qa_one_open_flag_per_incident"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="dismissed") | ~models.Q(dismiss_reason=""),
                name="qa_dismissed_flag_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(resolve_mismatch="") | ~models.Q(resolve_reason=""),
                name="qa_mismatched_resolution_has_reason",
            ),
        ]
        indexes = [
            # Closing flags walks only the open ones.
            models.Index(fields=["id"], name="qa_flag_open_idx", condition=models.Q(status="open")),
            models.Index(fields=["status", "flagged_at"], name="qa_flag_status_idx"),
            # The sergeant's queue (oldest incident first) without joining every open flag to its incident.
            models.Index(fields=["status", "incident_opened_at", "id"], name="qa_flag_queue_idx"),
            # The open escalations (the sergeant's filter and its count).
            models.Index(
                fields=["escalated_at"],
                name="qa_flag_escalated_idx",
                condition=models.Q(
                    status="open", escalated_at__isnull=False, escalation_answered_at__isnull=True
                ),
            ),
            # The mismatched resolutions beside the queue: resolved flags pile up for ever, and the count
            # read every one of them through the status index.
            models.Index(
                fields=["id"],
                name="qa_flag_mismatch_idx",
                condition=models.Q(status="resolved") & ~models.Q(resolve_mismatch=""),
            ),
        ]

    def __str__(self) -> str:
        # Words, not ids: this is how a flag is named on allocation and workload screens.
        return f"Unrecorded-incident flag on {self.incident.reference} ({self.get_status_display().lower()})"

    @property
    def escalation_open(self) -> bool:
        return (
            self.status == self.Status.OPEN
            and self.escalated_at is not None
            and self.escalation_answered_at is None
        )


class SweepRun(models.Model):
    """One run of the unrecorded-incident sweep: what it did, and the watermarks the next run starts from.

    A full run walks every incident that can still be flagged and every open flag. An incremental run
    walks only what can have changed since the last complete run: incidents whose grace period ended
    since then (opened_at in [last cutoff, this cutoff)) and incidents written since `changes_from` of
    the last complete run (updated_at), so a repeat run costs what is new, not the size of the log."""

    started_at = models.DateTimeField(help_text="Database clock when the run began.")
    finished_at = models.DateTimeField(null=True, blank=True)
    full = models.BooleanField()
    cutoff = models.DateTimeField(help_text="Incidents opened before this were due a crime number.")
    since = models.DateTimeField(
        null=True, blank=True, help_text="Incremental runs: incidents written from this time were read."
    )
    changes_from = models.DateTimeField(
        help_text=(
            "The next incremental run reads incidents written from this time: the start of this run or of "
            "the oldest transaction then open, whichever is earlier, less RESOLVE_SWEEP_OVERLAP_MINUTES."
        )
    )
    flagged = models.PositiveIntegerField(default=0)
    closed = models.PositiveIntegerField(default=0)
    open_after = models.PositiveIntegerField(null=True, blank=True)
    complete = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["complete", "full", "-started_at"], name="qa_sweeprun_last_idx")]

    def __str__(self) -> str:
        return f"{'Full' if self.full else 'Incremental'} sweep at {self.started_at:%Y-%m-%d %H:%M}"
