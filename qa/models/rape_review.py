"""The daily rape review (R-RAPE-RECORD)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class RapeReview(models.Model):
    """An incident (NSIR CRIME-SEXUAL) or crime (rape / serious sexual offence class) queued for the
    sergeant's daily review. Restricted: every view is logged in staffing's AccessLog."""

    class Decision(models.TextChoices):
        RECORDED_CORRECTLY = "recorded_correctly", "Recorded correctly"
        RECORD_NOW = "record_now", "Crime must be recorded now"
        RECLASSIFY = "reclassify", "Recorded, classification to change"
        NOT_A_CRIME = "not_a_crime", "No notifiable offence (reason given)"
        CANCELLATION_UPHELD = (
            "cancellation_upheld",
            "Cancellation upheld (AVI and senior DDM sign-off on record)",
        )
        CANCELLATION_WRONG = "cancellation_wrong", "Cancellation wrong: the crime must be reinstated"

    class AdviceTeam(models.TextChoices):
        ADULT = "adult", "Adult abuse investigation team"
        CHILD = "child", "Child abuse investigation team"

    class Reason(models.TextChoices):
        NEW_REPORT = "new_report", "New report"
        CANCELLATION = "cancellation", "Cancellation"

    review_date = models.DateField(help_text="The day whose reports this review covers.")
    reason = models.CharField(max_length=20, choices=Reason.choices, default=Reason.NEW_REPORT)
    incident = models.ForeignKey(
        "recording.Incident", null=True, blank=True, on_delete=models.PROTECT, related_name="rape_reviews"
    )
    crime = models.ForeignKey(
        "recording.Crime", null=True, blank=True, on_delete=models.PROTECT, related_name="rape_reviews"
    )
    # A third-party report awaiting the victim (R-NCRS-THIRD-PARTY): queued the moment it is saved.
    awaiting = models.ForeignKey(
        "recording.AwaitingVictim",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rape_reviews",
    )
    label = models.CharField(max_length=60)
    queued_at = models.DateTimeField()
    decision = models.CharField(max_length=30, choices=Decision.choices, blank=True)
    decision_note = models.TextField(blank=True)
    victim_age = models.PositiveSmallIntegerField(null=True, blank=True)
    advice_team = models.CharField(max_length=10, choices=AdviceTeam.choices, blank=True)
    advice = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["reviewed_at", "queued_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(incident__isnull=False, crime__isnull=True, awaiting__isnull=True)
                | models.Q(incident__isnull=True, crime__isnull=False, awaiting__isnull=True)
                | models.Q(incident__isnull=True, crime__isnull=True, awaiting__isnull=False),
                name="qa_rape_review_one_record",
            ),
            models.UniqueConstraint(
                fields=["awaiting", "reason"],
                condition=models.Q(awaiting__isnull=False),
                name="qa_rape_review_awaiting",
            ),
            # A report is queued once as new, and once more if it is cancelled (R-RAPE-RECORD).
            models.UniqueConstraint(
                fields=["incident", "reason"],
                condition=models.Q(incident__isnull=False),
                name="qa_rape_review_incident",
            ),
            models.UniqueConstraint(
                fields=["crime", "reason"],
                condition=models.Q(crime__isnull=False),
                name="qa_rape_review_crime",
            ),
        ]
        indexes = [models.Index(fields=["reviewed_at", "queued_at"], name="qa_rape_review_queue_idx")]

    def __str__(self) -> str:
        return f"Rape review {self.label}"
