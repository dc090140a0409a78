"""The hidden-crime screen (issue 21): incidents screened and the runs that screened them, the flags it
raises with the patterns behind each, and the published versions of its patterns."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ScreenedIncident(models.Model):
    """The screen's last reading of one incident closed under a non-crime code, and the version of the
    patterns that read it: the nightly screen reads an incident again only when the version in force is
    newer (qa.services.hidden_crimes). Its verdict and score are what the dip-test stratifies on."""

    class Verdict(models.TextChoices):
        CRIME = "crime", "Crime disclosed"
        UNSURE = "unsure", "Unsure: a sergeant decides"
        NO_CRIME = "no_crime", "No crime disclosed"

    incident = models.OneToOneField(
        "recording.Incident", on_delete=models.CASCADE, related_name="screen_reading"
    )
    patterns_version = models.PositiveIntegerField()
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    score = models.FloatField()
    offences = models.JSONField(default=list, help_text="Offence classes disclosed, the principal first.")
    screened_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["patterns_version"], name="qa_screened_version_idx")]

    def __str__(self) -> str:
        return f"{self.incident.reference}: {self.get_verdict_display()} (patterns v{self.patterns_version})"


class ScreenRun(models.Model):
    """One run of the nightly hidden-crime screen: the version it read with and what it did. A run that
    stops part-way is not complete; the next run carries on from what is still unread at that version."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    patterns_version = models.PositiveIntegerField()
    since = models.DateTimeField(null=True, blank=True, help_text="Incidents closed from this time.")
    screened = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)
    closed = models.PositiveIntegerField(default=0)
    complete = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Hidden-crime screen at {self.started_at:%Y-%m-%d %H:%M} (patterns v{self.patterns_version})"


class HiddenCrimeFlag(models.Model):
    """A possible hidden crime: an incident closed under a non-crime code whose narrative the screen read
    as disclosing a crime (or could not decide). Open until a sergeant records the crime (the flag closes
    when a crime is recorded for, or linked to, the incident), refers it to Action Fraud (R-FRAUD-AF) or
    dismisses it with a reason from the list and their own words. The reading the flag was raised on is
    kept whole (`reading`, the contract's JSON shape), so the page shows exactly what the sergeant was
    shown, whatever the patterns say later."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RECORDED = "recorded", "Crime recorded"
        REFERRED = "referred", "Referred to Action Fraud"
        DISMISSED = "dismissed", "Dismissed (reason recorded)"

    class Risk(models.IntegerChoices):
        SEXUAL = 0, "Sexual offence"
        VIOLENCE = 1, "Violence against the person"
        DOMESTIC = 2, "Domestic abuse"
        OTHER = 3, "Other crime"
        # Issue 21: a narrative the screen cannot decide goes to the sergeant in its own band, after the
        # crimes it did find, and is not counted as a hidden crime found.
        UNSURE = 4, "Unsure: the screen could not decide"

    class DismissReason(models.TextChoices):
        NO_OFFENCE = "no_offence", "No offence disclosed when the whole log is read"
        NEGATED = "negated", "The words are denied, hypothetical or a fear of what might happen"
        OTHER_VICTIM = "other_victim", "About someone else, or already reported elsewhere"
        ALREADY_RECORDED = "already_recorded", "Already recorded under another crime number"
        POINTS_NOT_MADE_OUT = "points_not_made_out", "The points to prove are not made out"
        VERIFIABLE_FACT = "verifiable_fact", "Verifiable information shows no crime happened"
        OTHER = "other", "Another reason (said in the words)"

    incident = models.ForeignKey(
        "recording.Incident", on_delete=models.PROTECT, related_name="hidden_crime_flags"
    )
    patterns_version = models.PositiveIntegerField()
    verdict = models.CharField(max_length=10, choices=ScreenedIncident.Verdict.choices)
    score = models.FloatField()
    narrative = models.TextField(help_text="The narrative as the screen read it: the spans index into it.")
    reading = models.JSONField(help_text="The screen's answer the flag was raised on (API.md shape).")
    offences = models.JSONField(default=list, help_text="Candidate offence classes, the principal first.")
    risk = models.PositiveSmallIntegerField(choices=Risk.choices)
    incident_opened_at = models.DateTimeField(help_text="The queue's second sort key (oldest first).")
    flagged_at = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    crime = models.ForeignKey(
        "recording.Crime", null=True, blank=True, on_delete=models.PROTECT, related_name="hidden_crime_flags"
    )
    referral_reference = models.CharField(max_length=60, blank=True)
    dismiss_reason = models.CharField(max_length=30, choices=DismissReason.choices, blank=True)
    detail = models.TextField(blank=True, help_text="The sergeant's own words on the decision.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "incident_opened_at", "id"]
        constraints = [
            # One flag per incident: a reading by a newer version refreshes an open flag, and a flag a
            # sergeant has decided stays decided.
            models.UniqueConstraint(fields=["incident"], name="qa_one_hidden_crime_flag_per_incident"),
            models.CheckConstraint(
                condition=~models.Q(status="dismissed")
                | (~models.Q(dismiss_reason="") & ~models.Q(detail="")),
                name="qa_dismissed_hidden_crime_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="recorded") | models.Q(crime__isnull=False),
                name="qa_recorded_hidden_crime_has_crime",
            ),
        ]
        indexes = [
            # The sergeant's queue: risk first, then the oldest incident.
            models.Index(fields=["status", "risk", "incident_opened_at", "id"], name="qa_hidden_queue_idx"),
            models.Index(fields=["closed_at"], name="qa_hidden_closed_idx"),
        ]

    def __str__(self) -> str:
        return f"Possible hidden crime on {self.incident.reference} ({self.get_status_display().lower()})"


class HiddenCrimeFlagPattern(models.Model):
    """One pattern that raised a flag, and the offence class it supported: every outcome of a flag is
    kept per pattern (the managers' page counts flags, recorded, referred and dismissed, and why, per
    pattern and week)."""

    flag = models.ForeignKey(HiddenCrimeFlag, on_delete=models.CASCADE, related_name="pattern_uses")
    pattern = models.CharField(max_length=80)
    offence = models.CharField(max_length=10)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["flag", "pattern", "offence"], name="qa_hidden_pattern_once"),
        ]
        indexes = [models.Index(fields=["pattern"], name="qa_hidden_pattern_idx")]

    def __str__(self) -> str:
        return f"{self.pattern} on {self.flag_id}"


class ScreenPatternVersion(models.Model):
    """A force's version of the hidden-crime screen's pattern data (issue 21): the YAML text as a manager
    published it, checked by compiling it first. Rows are never edited: each publication is a new
    version, so every screen answer names the version that produced it."""

    version = models.PositiveIntegerField(unique=True)
    text = models.TextField()
    note = models.CharField(max_length=200)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="screen_pattern_versions"
    )
    published_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"Screen patterns version {self.version}"
