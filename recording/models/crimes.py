"""Recorded crimes (NCRS / HOCR): the crime, its crime number, its suspects and the fast-track enquiries
worked on it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from config.queues import grade_rank
from recording.lifecycle import OPEN_STATUSES
from recording.models.incidents import Grade, Incident
from recording.models.reference import CancellationCriterion, HomeOfficeOutcome, Offence, OffenceCode


class CrimeNumberCounter(models.Model):
    """The last crime number issued per force and year, locked (SELECT ... FOR UPDATE) to issue the next."""

    force = models.CharField(max_length=12)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["force", "year"], name="crime_counter_unique")]

    def __str__(self) -> str:
        return f"{self.force}/{self.year}: {self.last_value}"


class Crime(models.Model):
    """A recorded crime (NCRS / HOCR)."""

    class Status(models.TextChoices):
        RECORDED = "recorded", "Recorded"
        ALLOCATED = "allocated", "Allocated"
        UNDER_INVESTIGATION = "under_investigation", "Under investigation"
        FINALISED = "finalised", "Finalised"
        CANCELLED = "cancelled", "Cancelled"
        TRANSFERRED = "transferred", "Transferred"

    class Solvability(models.TextChoices):
        NOT_SCREENED = "not_screened", "Not screened"
        SCREENED_IN = "screened_in", "Screened in"
        SCREENED_OUT = "screened_out", "Screened out"

    class VictimView(models.TextChoices):
        NOT_RECORDED = "", "Not recorded"
        SUPPORTS = "supports", "Supports police action"
        DOES_NOT_SUPPORT = "does_not_support", "Does not support police action"
        WITHDRAWN = "withdrawn", "Withdrew support"

    crime_number = models.CharField(max_length=40, unique=True)
    sending_force_reference = models.CharField(
        max_length=60, blank=True, help_text="Incoming transfer: the sending force's reference."
    )
    incidents = models.ManyToManyField(Incident, blank=True, related_name="crimes")
    offence = models.ForeignKey(Offence, on_delete=models.PROTECT, related_name="crimes")
    offence_code = models.ForeignKey(
        OffenceCode,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="crimes",
        help_text="The Home Office offence within the class, where it is known.",
    )
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.RECORDED)
    summary = models.TextField(blank=True)
    location = models.CharField(max_length=300, blank=True)
    location_force = models.CharField(max_length=12, blank=True)
    reported_at = models.DateTimeField(help_text="When the report first reached the force (R-NCRS-24H).")
    # Recorded from an incident: its opening (the first incident-log time), kept beside `reported_at`,
    # and the recorder's reason when the report time differs from it (recording.rules.report_time).
    incident_opened_at = models.DateTimeField(
        null=True, blank=True, help_text="The incident's opening, when recorded from an incident."
    )
    reported_at_reason = models.TextField(
        blank=True, help_text="Why the report time is not the incident's opening (R-NCRS-24H)."
    )
    recorded_at = models.DateTimeField()
    record_by = models.DateTimeField()
    ncrs_breach = models.BooleanField(default=False)
    restricted = models.BooleanField(default=False, help_text="From the offence class (R-RESTRICTED).")
    # Carried from the offence class (ho_offences.csv) by the services that set the offence, so the work
    # queues order by it from this row's own index (config.queues.risk_order) without a join.
    seriousness_rank = models.PositiveSmallIntegerField(
        help_text="From the offence class: 1 = most serious (R-PRINCIPAL); orders the work queues."
    )
    # Optimistic concurrency for edits (config.concurrency.save_with_version): a second editor is told.
    version = models.PositiveIntegerField(default=1, editable=False)
    # MoPI: when the record is next reviewed for retention, set at finalisation or cancellation
    # (recording.mopi; local policy table RESOLVE_MOPI_REVIEW_YEARS).
    review_on = models.DateField(null=True, blank=True, db_index=True)
    # THRIVE (R-THRIVE) and vulnerability.
    grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)
    thrive_notes = models.TextField(blank=True)
    vulnerable_victim = models.BooleanField(default=False)
    domestic_abuse = models.BooleanField(default=False)
    hate_crime = models.BooleanField(default=False)
    safeguarding_referral = models.BooleanField(default=False)
    safeguarding_notes = models.TextField(blank=True)
    # Solvability screening.
    solvability = models.CharField(
        max_length=20, choices=Solvability.choices, default=Solvability.NOT_SCREENED
    )
    solvability_factors = models.JSONField(default=list, blank=True)
    solvability_reason = models.TextField(blank=True)
    # Victim's view (R-OUTCOME-VICTIM-VIEW).
    victim_view = models.CharField(max_length=20, choices=VictimView.choices, blank=True, default="")
    victim_view_evidence = models.TextField(blank=True)
    next_victim_update_due = models.DateTimeField(null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="crimes_owned"
    )
    team = models.ForeignKey(
        "staffing.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="crimes"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_rules = models.JSONField(
        default=list, blank=True, help_text="Rule IDs the recording decision cited."
    )
    decision_explanation = models.JSONField(default=list, blank=True)
    # Outcome (R-OUTCOME-*).
    outcome = models.ForeignKey(
        HomeOfficeOutcome, null=True, blank=True, on_delete=models.PROTECT, related_name="crimes"
    )
    outcome_at = models.DateTimeField(null=True, blank=True)
    outcome_reason = models.TextField(blank=True)
    cancelled_under = models.ForeignKey(
        CancellationCriterion, null=True, blank=True, on_delete=models.PROTECT, related_name="crimes"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_at"]
        indexes = [
            models.Index(fields=["status", "-recorded_at"], name="crime_status_idx"),
            models.Index(fields=["owner", "status"], name="crime_owner_idx"),
            models.Index(fields=["record_by"], name="crime_record_by_idx"),
            models.Index(fields=["-recorded_at"], name="crime_recorded_idx"),
            models.Index(fields=["next_victim_update_due"], name="crime_victim_update_idx"),
            # Work queues of open crimes, riskiest first then oldest (config.queues.risk_order): a page of
            # the queue is the first rows of this index that nobody is allocated, not a sort of every
            # open crime (about 900,000 at the benchmark's 2,000,000 crimes).
            models.Index(
                models.F("restricted").desc(),
                models.F("vulnerable_victim").desc(),
                models.F("domestic_abuse").desc(),
                models.F("hate_crime").desc(),
                models.F("seriousness_rank").asc(),
                grade_rank(),
                models.F("recorded_at").asc(),
                models.F("id").asc(),
                name="crime_risk_queue_idx",
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
            ),
            # The nightly dip-test's take-all strata: crimes cancelled / finalised on a day.
            models.Index(
                fields=["cancelled_at"],
                name="crime_cancelled_idx",
                condition=models.Q(cancelled_at__isnull=False),
            ),
            models.Index(
                fields=["outcome_at"],
                name="crime_outcome_at_idx",
                condition=models.Q(outcome_at__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recorded_at__gte=models.F("reported_at")),
                name="crime_recorded_after_reported",
            )
        ]

    def __str__(self) -> str:
        return self.crime_number


class CrimeSuspect(models.Model):
    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="suspects")
    ref = models.CharField(max_length=20, blank=True, help_text="The offender's ref in the report (e.g. O1).")
    name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    identified = models.BooleanField(
        default=False,
        help_text="The suspect is identified (R-OUTCOME-SUSPECT: outcomes 1-13, 15-17, 21, 22).",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name or self.ref or f"Suspect {self.pk}"


class Enquiry(models.Model):
    """A fast-track enquiry on a crime, worked as a task."""

    class Kind(models.TextChoices):
        CCTV = "cctv", "CCTV"
        HOUSE_TO_HOUSE = "house_to_house", "House-to-house"
        FORENSIC = "forensic", "Forensic / scene examination request"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"
        NO_RESULT = "no_result", "Completed: nothing found"
        CANCELLED = "cancelled", "Cancelled"

    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="enquiries")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    details = models.TextField(blank=True)
    result = models.TextField(blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="enquiries"
    )
    due_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "enquiries"
        indexes = [models.Index(fields=["assigned_to", "status"], name="enquiry_assignee_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.status})"
