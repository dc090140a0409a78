from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from simple_history.models import HistoricalRecords


class Team(models.Model):
    """A Resolution Centre team: a sergeant and up to `capacity` investigators."""

    DEFAULT_CAPACITY = 11

    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=120)
    sergeant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="teams_led",
    )
    capacity = models.PositiveSmallIntegerField(
        default=DEFAULT_CAPACITY, help_text="How many investigators the team may hold."
    )
    # Optimistic concurrency (config.concurrency.save_with_version): bumped on every edit.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="team_capacity_positive")
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class User(AbstractUser):
    """A person who uses Resolve. The role decides what they may do; the team, who supervises them."""

    class Role(models.TextChoices):
        RECORDER = "recorder", "Crime recorder"
        INVESTIGATOR = "investigator", "Investigator"
        SERGEANT = "sergeant", "Sergeant"
        ADVISOR = "advisor", "Resolution advisor (OPCC)"
        MANAGER = "manager", "Manager"
        ADMIN = "admin", "Administrator"

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.RECORDER)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members")
    collar_number = models.CharField(max_length=20, blank=True)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects: ClassVar[UserManager[User]] = UserManager()  # type: ignore[assignment]

    class Meta:
        ordering = ["username"]
        indexes = [models.Index(fields=["role", "team"])]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)


class AccessLog(models.Model):
    """Every view of a restricted record (sexual offences, complaints, personnel matters): who, when,
    what and the purpose given. Append-only: there is no service that edits or deletes a row."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_logs")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    record_type = models.CharField(max_length=60)
    record_id = models.CharField(max_length=60)
    record_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=30, default="view")
    purpose = models.CharField(max_length=300, blank=True)
    path = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [
            models.Index(fields=["record_type", "record_id", "-at"]),
            models.Index(fields=["user", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.action} {self.record_type}:{self.record_id} at {self.at:%Y-%m-%d %H:%M}"
