"""Nightly dip-tests (R-DIP-TEST, R-CDI-RATE): the samples, what their audits found, and the QC amendments a
finding asks for."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords


class DipTest(models.Model):
    """One night's dip-test of the previous day's work: the date, the seed and the sizes it was drawn
    with, so anyone can draw the very same sample again."""

    date = models.DateField(unique=True)
    seed = models.CharField(max_length=60)
    sizes = models.JSONField(help_text="Sample size per stratum kind; null = take all.")
    populations = models.JSONField(default=dict, help_text="N_h per stratum on the day.")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"Dip-test {self.date}"


class DipSample(models.Model):
    """One sampled incident or crime, its stratum and design weight N_h/n_h, and the sergeant's audit."""

    class Kind(models.TextChoices):
        INCIDENT = "incident", "Incident"
        CRIME = "crime", "Crime"

    dip_test = models.ForeignKey(DipTest, on_delete=models.CASCADE, related_name="samples")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    label = models.CharField(max_length=60, help_text="Incident reference or crime number.")
    stratum = models.CharField(max_length=80)
    category = models.CharField(max_length=100, help_text="Offence category or NSIR code.")
    weight = models.FloatField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="dip_samples"
    )
    team = models.ForeignKey(
        "staffing.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The audit: None = not answered / not applicable.
    recording_right = models.BooleanField(
        null=True, blank=True, help_text="A crime was recorded if, and only if, one should have been."
    )
    count_right = models.BooleanField(null=True, blank=True)
    classification_right = models.BooleanField(null=True, blank=True)
    within_24h = models.BooleanField(null=True, blank=True)
    outcome_right = models.BooleanField(null=True, blank=True)
    compliant = models.BooleanField(null=True, blank=True)
    notes = models.TextField(blank=True)
    audited_at = models.DateTimeField(null=True, blank=True)
    audited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["dip_test", "stratum", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dip_test", "content_type", "object_id"], name="qa_sample_once_per_test"
            )
        ]
        indexes = [
            models.Index(fields=["audited_at"], name="qa_sample_audited_idx"),
            models.Index(fields=["owner", "audited_at"], name="qa_sample_owner_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.stratum})"


class AuditFinding(models.Model):
    """One "no" in a dip-test audit: the error type found."""

    class ErrorType(models.TextChoices):
        UNRECORDED = "unrecorded", "Crime should have been recorded"
        COUNT = "count", "Wrong number of crimes"
        CLASSIFICATION = "classification", "Wrong classification"
        LATE = "late", "Not recorded within 24 hours"
        OUTCOME = "outcome", "Wrong outcome"

    sample = models.ForeignKey(DipSample, on_delete=models.CASCADE, related_name="findings")
    error_type = models.CharField(max_length=20, choices=ErrorType.choices)
    found_at = models.DateTimeField()
    found_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["found_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "error_type"], name="qa_one_finding_per_type"),
        ]

    def __str__(self) -> str:
        return f"{self.get_error_type_display()} on {self.sample.label}"


class Amendment(models.Model):
    """The QC task a finding opens for the record's owner. It is fixed only when the record's history
    shows a change, after the finding, to what the error names, or with a written reason why none was
    needed; someone other than the fixer confirms it."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        FIXED = "fixed", "Fixed, awaiting confirmation"
        CONFIRMED = "confirmed", "Confirmed"

    finding = models.OneToOneField(AuditFinding, on_delete=models.CASCADE, related_name="amendment")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="amendments"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    fix_note = models.TextField(blank=True, help_text="What was corrected, in the fixer's words.")
    no_change_reason = models.TextField(
        blank=True,
        help_text="Why the record needed no change (a fix with no change in its history must say why).",
    )
    fixed_at = models.DateTimeField(null=True, blank=True)
    fixed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who marked it fixed: someone else confirms it.",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "status"], name="qa_amendment_owner_idx")]

    def __str__(self) -> str:
        return f"Amendment to {self.finding.sample.label} ({self.get_status_display().lower()})"
