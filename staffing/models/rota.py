"""The rota: shift patterns, shifts and who is on them, absences, and each work area's minimum cover."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from staffing.models.people import Skill, Team


class ShiftKind(models.TextChoices):
    EARLY = "early", "Early"
    LATE = "late", "Late"
    NIGHT = "night", "Night"


class ShiftPattern(models.Model):
    """One turn of the 24-hour rota: its kind, local start time and length."""

    kind = models.CharField(max_length=10, choices=ShiftKind.choices, unique=True)
    starts = models.TimeField(help_text="Local (Europe/London) start time.")
    hours = models.PositiveSmallIntegerField(default=8)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gte=1, hours__lte=14), name="shift_pattern_hours_sane"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts:%H:%M} ({self.hours}h)"


class Shift(models.Model):
    """One team's turn of duty: stored in UTC, shown in Europe/London."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="shifts")
    kind = models.CharField(max_length=10, choices=ShiftKind.choices)
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField(db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at", "team_id"]
        indexes = [models.Index(fields=["team", "starts_at", "ends_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after"
            ),
            models.UniqueConstraint(fields=["team", "starts_at"], name="shift_one_per_team_start"),
        ]

    def __str__(self) -> str:
        return f"{self.team_id} {self.kind} {self.starts_at:%Y-%m-%d %H:%M}"


class ShiftAssignment(models.Model):
    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shift_assignments"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["shift_id", "user_id"]
        constraints = [models.UniqueConstraint(fields=["shift", "user"], name="shift_assignment_once")]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.shift_id}"


class Absence(models.Model):
    """A person away (leave, sickness, training) for whole days, `starts_on` to `ends_on` inclusive."""

    class Kind(models.TextChoices):
        LEAVE = "leave", "Leave"
        SICKNESS = "sickness", "Sickness"
        TRAINING = "training", "Training course"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="absences")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    starts_on = models.DateField()
    ends_on = models.DateField()
    note = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_on", "user_id"]
        indexes = [models.Index(fields=["user", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="absence_ends_after"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.starts_on}–{self.ends_on}"


class WorkArea(models.TextChoices):
    RECORDING_DECISIONS = "recording_decisions", "Recording decisions"
    UNRECORDED_FLAGS = "unrecorded_flags", "Unrecorded-incident flags"
    RAPE_REVIEW = "rape_review", "Rape review"
    CRIME_TRANSFERS = "crime_transfers", "Crime transfers"
    DIP_TEST_AUDITS = "dip_test_audits", "Dip-test audits"
    AMENDMENTS = "amendments", "Amendments"
    COMPLAINTS = "complaints", "Complaints"


class CoverageRequirement(models.Model):
    """At least `minimum` people holding `skill` on every shift of `team` for this area of the work."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="coverage_requirements")
    area = models.CharField(max_length=30, choices=WorkArea.choices)
    skill = models.CharField(max_length=30, choices=Skill.choices)
    minimum = models.PositiveSmallIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["team_id", "area"]
        constraints = [
            models.UniqueConstraint(fields=["team", "area"], name="coverage_one_per_team_area"),
            models.CheckConstraint(condition=models.Q(minimum__gte=1), name="coverage_minimum_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.team_id} {self.area} ≥{self.minimum} {self.skill}"
