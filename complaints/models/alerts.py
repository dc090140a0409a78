"""Repeat-subject alerts (issue 23 part 3): the force's roster, the thresholds and the alerts raised."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from complaints.models.intake import Allegation


class RosterPerson(models.Model):
    """An officer or member of staff on the force's roster (issue 23 part 3): imported from CSV by
    complaints.services.roster.roster_import (page and manage.py import_roster), keyed by collar number."""

    collar_number = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    rank = models.CharField(max_length=60, blank=True)
    team_name = models.CharField(max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["collar_number"]

    def __str__(self) -> str:
        return f"{self.rank} {self.name} ({self.collar_number})".strip()


class RepeatThreshold(models.Model):
    """A repeat-subject alert threshold (issue 23 part 3): reference data the force can change, loaded from
    complaints/reference/repeat_thresholds.csv by `manage.py load_reference` (each change in history).
    `months` empty: any earlier allegation; `category_groups`: the letters of the category groups the
    newest allegation must be in (empty: any)."""

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    allegations = models.PositiveSmallIntegerField(help_text="How many allegations about one person")
    months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Within how many months (empty: any time before)"
    )
    category_groups = models.CharField(
        max_length=40, blank=True, help_text="Category group letters, e.g. 'F G J' (empty: any category)"
    )
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(allegations__gte=1), name="repeat_threshold_counts"),
            models.CheckConstraint(
                condition=models.Q(months__isnull=True) | models.Q(months__gte=1),
                name="repeat_threshold_months",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SubjectAlert(models.Model):
    """A repeat-subject alert (issue 23 part 3): which person, which threshold, which allegations, raised
    by complaints.services.alerts; a supervisor answers it within one working day."""

    person = models.ForeignKey(RosterPerson, on_delete=models.PROTECT, related_name="alerts")
    threshold = models.ForeignKey(RepeatThreshold, on_delete=models.PROTECT, related_name="alerts")
    # The threshold as it read when the alert was raised (the reference row may change later).
    threshold_rule = models.CharField(max_length=200)
    trigger = models.ForeignKey(Allegation, on_delete=models.PROTECT, related_name="+")
    allegations = models.ManyToManyField(Allegation, related_name="subject_alerts")
    raised_at = models.DateTimeField(default=timezone.now)
    response_due = models.DateField(db_index=True, help_text="One working day after it was raised")
    agrees = models.BooleanField(null=True, blank=True, help_text="The supervisor agrees action is needed")
    action_taken = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at", "-id"]
        indexes = [
            models.Index(
                fields=["response_due"], condition=models.Q(responded_at__isnull=True), name="alert_open_due"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(responded_at__isnull=True, agrees__isnull=True)
                | models.Q(responded_at__isnull=False, agrees__isnull=False),
                name="alert_answered_whole",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.threshold_rule}"

    @property
    def is_open(self) -> bool:
        return self.responded_at is None
