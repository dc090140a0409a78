"""People and teams: the user with their role and team, moves between teams, skills and training, and
personnel notes."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
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


class ResolveUserManager(UserManager["User"]):
    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra_fields: Any
    ) -> User:
        """`createsuperuser` makes an administrator: only that role may hold the superuser flag."""
        extra_fields.setdefault("role", "admin")
        return super().create_superuser(username, email, password, **extra_fields)

    def get_by_natural_key(self, username: str | None) -> User:
        """Sign-in finds the account whatever the case typed: usernames are unique regardless of case
        (the constraint `user_username_unique_any_case`), so "Alice" is alice."""
        return self.alias(username_lower=Lower("username")).get(
            username_lower=Lower(models.Value(username or ""))
        )

    def with_username(self, username: str) -> models.QuerySet[User]:
        """The account holding `username` in any case (at most one)."""
        return self.alias(username_lower=Lower("username")).filter(
            username_lower=Lower(models.Value(username))
        )


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
    # A letter names its handler with a direct contact, never only 101 (issue 22 part 2).
    direct_phone = models.CharField(max_length=40, blank=True, help_text="Direct line printed on letters.")
    direct_email = models.EmailField(blank=True, help_text="Direct e-mail printed on letters.")
    signature = models.ImageField(
        upload_to="signatures/", blank=True, help_text="Optional signature image printed on letters."
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects: ClassVar[ResolveUserManager] = ResolveUserManager()

    class Meta:
        ordering = ["username"]
        indexes = [models.Index(fields=["role", "team"])]
        constraints = [
            # "Alice" and "alice" would be two people the access log, the sign-in lock and a reader
            # cannot tell apart: one username whatever its case (issue 20).
            models.UniqueConstraint(
                Lower("username"),
                name="user_username_unique_any_case",
                violation_error_message="That username is taken (usernames are one whatever their case).",
            ),
            # The admin site is for administrators only: a role change that would leave a non-admin
            # with the staff or superuser flag cannot be stored (issue 17).
            models.CheckConstraint(
                condition=models.Q(role="admin") | models.Q(is_staff=False, is_superuser=False),
                name="user_staff_flags_need_admin_role",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Whatever changed the role (create_user, the admin, a service), the staff and superuser flags
        follow what the role allows (staffing.rules.staff_flags)."""
        from staffing.rules import staff_flags

        self.is_staff, self.is_superuser = staff_flags(
            role=self.role, is_staff=self.is_staff, is_superuser=self.is_superuser
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "role" in update_fields:
            kwargs["update_fields"] = {*update_fields, "is_staff", "is_superuser"}
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return str(self)


class TeamMove(models.Model):
    """One move of a person between teams (or into / out of every team): the membership history."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="team_moves")
    from_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="moves_out"
    )
    to_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="moves_in"
    )
    moved_at = models.DateTimeField(db_index=True)
    reason = models.CharField(max_length=300)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-moved_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.from_team_id or '–'} → {self.to_team_id or '–'}"


class Skill(models.TextChoices):
    """What a person is trained and authorised to do. Every allocation names the skill the work needs,
    so work that a rule reserves to trained people only reaches them: cancellations to a Designated
    Decision Maker (R-CANCEL-DDM, R-FCR), rape and serious sexual offence review (R-RAPE-RECORD),
    transfers to other forces (R-TRANSFER-PROTOCOL), dip-test audits (R-DIP-TEST)."""

    DDM = "ddm", "Designated decision maker (DDM)"
    RAPE_REVIEW = "rape_review", "Rape review"
    CRIME_TRANSFERS = "crime_transfers", "Crime transfers"
    DIP_TEST_AUDITOR = "dip_test_auditor", "Dip-test auditor"
    THRIVE = "thrive", "THRIVE risk grading"
    COMPLAINTS = "complaints", "Complaints handling"
    RECORDING_DECISIONS = "recording_decisions", "Recording decisions"
    UNRECORDED_FLAGS = "unrecorded_flags", "Unrecorded-incident flags"
    AMENDMENTS = "amendments", "Amendments"
    # A specialist skill some items demand beyond their kind's (config.registry.Specialist): a rape or
    # serious sexual offence is investigated only by someone trained for it (issue 20 part 2).
    SEXUAL_OFFENCES = "sexual_offences", "Sexual offences investigation"


class TrainingRecord(models.Model):
    """A person trained in a skill on a date; valid until `expires_on` (inclusive) when it has one."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training")
    skill = models.CharField(max_length=30, choices=Skill.choices)
    trained_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    evidence = models.CharField(max_length=300, blank=True, help_text="Course, certificate or assessor.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["user_id", "skill", "-trained_on"]
        indexes = [models.Index(fields=["user", "skill", "expires_on"]), models.Index(fields=["expires_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("trained_on")),
                name="training_expires_after_trained",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.skill} {self.trained_on}–{self.expires_on or 'no expiry'}"


class PersonnelNote(models.Model):
    """Appraisal and welfare notes about a person: seen only by their own sergeant and by managers
    and administrators, and every view is logged (AccessLog)."""

    class Kind(models.TextChoices):
        APPRAISAL = "appraisal", "Appraisal"
        WELFARE = "welfare", "Welfare"

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personnel_notes"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-written_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} note on {self.subject_id}"
