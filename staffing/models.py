from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
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


class Allocation(models.Model):
    """Who is working on one work item of any app (a crime, a flag, a dip-test sample, a complaint ...).
    The item is reached through a generic relation, so staffing never imports the apps above it.
    At most one open allocation per item (a partial unique constraint)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        REASSIGNED = "reassigned", "Reassigned"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    item_label = models.CharField(max_length=200, blank=True)
    skill = models.CharField(max_length=30, choices=Skill.choices)
    weight = models.PositiveSmallIntegerField(default=1)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="allocations"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations"
    )
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["assigned_to", "status"]),
            models.Index(fields=["team", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(status="open"),
                name="allocation_one_open_per_item",
            ),
            models.CheckConstraint(condition=models.Q(weight__gte=1), name="allocation_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.item_label or self.object_id} → {self.assigned_to_id} ({self.status})"


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


class Rule(models.Model):
    """One rule of the catalogue Resolve cites (R-… crime recording, C-… complaints): its words, where
    it comes from and whether that source was checked. Loaded from staffing/reference/rules.csv like
    the other reference tables, so a changed rule is a reloaded row with a history entry and reason."""

    class Domain(models.TextChoices):
        CRIME = "crime", "Crime recording"
        COMPLAINTS = "complaints", "Complaints"

    code = models.CharField(max_length=40, unique=True, help_text="The stable ID cited, e.g. R-NCRS-24H.")
    domain = models.CharField(max_length=10, choices=Domain.choices)
    section = models.CharField(max_length=120, help_text="The heading it sits under in the domain notes.")
    words = models.TextField(help_text="What the rule says, in plain words.")
    sources = models.TextField(help_text="Where it comes from: one source per line.")
    verified = models.BooleanField(help_text="False when the domain notes mark it unverified.")
    note = models.CharField(max_length=300, blank=True, help_text="The caveat the domain notes attach.")
    position = models.PositiveSmallIntegerField(help_text="Order in the catalogue (the notes' order).")
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.code

    @property
    def source_lines(self) -> list[str]:
        return self.sources.splitlines()


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


class ApiKey(models.Model):
    """A person's API key (`Authorization: Token <key>`). Only a digest of the key is stored, so nobody
    (an administrator, a database reader, a backup) can read a key and act as its owner; the owner sees
    it once, when they make or rotate it on their profile page. `credentials` is a digest of the owner's
    password and role when the key was made: a key stops working as soon as either changes, whatever
    changed it (staffing.authentication.ApiKeyAuthentication compares them on every request)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_key")
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text="The key's first characters, to recognise it by.")
    credentials = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["digest", "credentials"])

    class Meta:
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.user} ({self.prefix}…)"


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


def record_file_path(instance: RecordFile, filename: str) -> str:
    """Where a file's bytes are stored: under its record, by a random name (the person's file name is
    kept on the row, never trusted as a path)."""
    return f"records/{instance.record_type}/{instance.record_id}/{uuid.uuid4().hex}"


def evidence_storage() -> Storage:
    """The storage evidence files go to (STORAGES["evidence"]: the filesystem, or an S3-compatible store
    when configured from the environment). A callable, so migrations never record the backend."""
    return storages["evidence"]


class RecordFile(models.Model):
    """A file held on a record (a crime, a complaint case: staffing.records): a statement, a letter
    received, a medical letter, a body-worn-video reference. Never deleted: a file is withdrawn with a
    reason and stays, with its history, for the record's retention review. Written only by
    staffing.services.files."""

    record_type = models.CharField(max_length=40, help_text="The record kind's key, e.g. crime.")
    record_id = models.PositiveBigIntegerField()
    file = models.FileField(upload_to=record_file_path, storage=evidence_storage, max_length=300)
    name = models.CharField(max_length=255, help_text="The file's name as uploaded.")
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=120, help_text="The type read from the content.")
    sha256 = models.CharField(max_length=64)
    description = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["record_type", "record_id", "uploaded_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True, withdrawn_by__isnull=True, withdrawn_reason="")
                | (
                    models.Q(withdrawn_at__isnull=False, withdrawn_by__isnull=False)
                    & ~models.Q(withdrawn_reason="")
                ),
                name="staffing_record_file_withdrawn_with_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.record_type} {self.record_id})"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


# ================================================================ reasonable adjustments
class ReasonableAdjustment(models.TextChoices):
    """The reasonable adjustments recorded for a person written to (C-ACCESS; issue 22 part 3): a
    complainant (complaints.Complainant) and a crime's victim (recording.CrimeVictim) keep a list of these
    codes, and a letter's format follows them (staffing.letter_rules.format_for)."""

    INTERPRETER = "interpreter", "Interpreter"
    TRANSLATION = "translation", "Translation of written material"
    BSL = "bsl", "British Sign Language"
    LARGE_PRINT = "large_print", "Large print"
    CLEAR_PRINT = "clear_print", "Clear print"
    EASY_READ = "easy_read", "Easy Read"
    ADVOCATE = "advocate", "Advocate"
    OTHER = "other", "Other"

    @classmethod
    def unknown(cls, codes: list[str]) -> list[str]:
        """The codes in `codes` that are not reasonable adjustments (a service refuses them)."""
        return [c for c in codes if c not in cls.values]

    @classmethod
    def labels_of(cls, codes: list[str]) -> list[str]:
        labels = dict(cls.choices)
        return [str(labels.get(c, c)) for c in codes]


# ================================================================ letters (issue 22 parts 1-4)
# Letters are generic records: each names the record it is about by record_type (a registered record
# kind, "complaint_case" or "crime") and record_id, so staffing never imports the apps above it.
class LetterTemplate(models.Model):
    """A letter or e-mail template a manager keeps (its text lives in versions: LetterTemplateVersion)."""

    class Purpose(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", "Complaint acknowledgement"
        UPDATE = "update", "Progress update"
        OUTCOME = "outcome", "Outcome"
        NON_RECORDING = "non_recording", "Non-recording notice"
        REVIEW_DECISION = "review_decision", "Review decision"
        SIGNPOSTING = "signposting", "Signposting: where to take the matter"
        VICTIM_UPDATE = "victim_update", "Victim update"
        VCOP_NO_INVESTIGATION = "vcop_no_investigation", "Victims' Code: decision not to investigate"
        OTHER = "other", "Other letter"

    class Variant(models.TextChoices):
        STANDARD = "standard", "Standard"
        EASY_READ = "easy_read", "Easy Read"

    class Channel(models.TextChoices):
        LETTER = "letter", "Letter"
        EMAIL = "email", "E-mail"

    key = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    record_type = models.CharField(max_length=40, help_text="The record kind it is written from.")
    purpose = models.CharField(max_length=30, choices=Purpose.choices)
    variant = models.CharField(max_length=20, choices=Variant.choices, default=Variant.STANDARD)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.LETTER)
    conditions = models.JSONField(
        default=list, blank=True, help_text="States of the record this template fits (all must hold)."
    )
    needs_approval = models.BooleanField(default=False)
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=0, help_text="The current version's number.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["record_type", "purpose", "key"]

    def __str__(self) -> str:
        return self.name


class LetterTemplateVersion(models.Model):
    """One saved text of a template. Never changed once saved: an edit is a new version, and a letter
    keeps the version it was drafted from."""

    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    note = models.CharField(max_length=300, blank=True, help_text="What changed and why.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Empty: shipped with Resolve.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="letter_template_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.template.key} v{self.number}"


class Letter(models.Model):
    """A letter about a record: drafted from a template version, edited as plain paragraphs, approved
    where its template needs it, then issued (its text frozen) and sent (LetterSend)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
        RETURNED = "returned", "Returned for changes"
        APPROVED = "approved", "Approved"
        ISSUED = "issued", "Issued"

    class Format(models.TextChoices):
        STANDARD = "standard", "Standard"
        CLEAR_PRINT = "clear_print", "Clear print"
        LARGE_PRINT = "large_print", "Large print"
        EASY_READ = "easy_read", "Easy Read"

    record_type = models.CharField(max_length=40)
    record_id = models.PositiveBigIntegerField()
    record_label = models.CharField(max_length=200, help_text="The record's reference, as written then.")
    template_version = models.ForeignKey(
        LetterTemplateVersion, on_delete=models.PROTECT, related_name="letters"
    )
    purpose = models.CharField(max_length=30, choices=LetterTemplate.Purpose.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.STANDARD)
    large_print = models.BooleanField(default=False, help_text="Easy Read printed at large-print size.")
    translation_needed = models.BooleanField(default=False)
    format_reasons = models.JSONField(default=list, blank=True)
    sender = models.CharField(max_length=200, help_text="Who the letter is from (the office).")
    recipient_name = models.CharField(max_length=200)
    recipient_email = models.EmailField(blank=True)
    recipient_address = models.TextField(blank=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(help_text="Plain paragraphs separated by a blank line.")
    handler = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approval_comment = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    dated = models.DateField(null=True, blank=True)
    issued_html = models.TextField(blank=True, help_text="The issued letter exactly as sent (frozen).")
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["record_type", "record_id"], name="letter_record_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="issued")
                | (models.Q(issued_at__isnull=False) & ~models.Q(issued_html="")),
                name="letter_issued_is_frozen",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} letter for {self.record_label}"

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED


class LetterSend(models.Model):
    """One sending of an issued letter. Claimed by a conditional update before the transport is called
    and keyed by `message_id`, so a retry never sends twice (issue 22 part 4)."""

    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        NOTIFY_EMAIL = "notify_email", "E-mail through GOV.UK Notify"
        NOTIFY_LETTER = "notify_letter", "Posted letter through GOV.UK Notify"
        POST_BY_HAND = "post_by_hand", "Printed and posted by hand"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to send"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed: will retry"
        GAVE_UP = "gave_up", "Failed: not sent"
        UNKNOWN = "unknown", "Not known whether sent: check before sending again"
        PERMANENT_FAILURE = "permanent_failure", "Not delivered"

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="sends")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    to = models.CharField(max_length=300, blank=True, help_text="E-mail address, or the postal address.")
    message_id = models.UUIDField(unique=True, help_text="Our id for this sending, given to the transport.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    posted_on = models.DateField(null=True, blank=True, help_text="Printed and posted by hand on.")
    provider_id = models.CharField(max_length=100, blank=True, help_text="GOV.UK Notify's notification id.")
    provider_status = models.CharField(max_length=40, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} of letter {self.letter_id}"
