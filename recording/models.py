from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from config.queues import grade_rank
from recording import lifecycle
from recording.lifecycle import OPEN_STATUSES
from staffing.models import ReasonableAdjustment

# ---------------------------------------------------------------- reference data
# Loaded from recording/reference/*.csv by `manage.py load_reference`. Codes are data, never code: a
# correction to the Home Office list is a change to the CSV, not to Python.


class Offence(models.Model):
    """A Home Office offence classification (HOCR notifiable offences list)."""

    code = models.CharField(max_length=12, unique=True)
    title = models.CharField(max_length=200)
    category = models.CharField(max_length=100)
    victim_based = models.BooleanField()
    notifiable = models.BooleanField(default=True)
    seriousness_rank = models.PositiveSmallIntegerField(help_text="1 = most serious (R-PRINCIPAL)")
    restricted = models.BooleanField(help_text="Need-to-know class (R-RESTRICTED)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class OffenceCode(models.Model):
    """A Home Office offence code (e.g. 125/9) under its class, with the counting marker the HOCR
    classification pages print against it (recording/reference/ho_offence_codes.csv and its .md).

    The marker decides how a crime of this offence is counted and overrides the class's
    `victim_based`: V one crime per victim (R-ONE-PER-VICTIM, taking part in R-PRINCIPAL), S per
    offender or offender group (R-VICTIMLESS-COUNT), S/V per person exploited where one is named and
    per offender otherwise. A code can be printed twice (1/1: murder, genocide), so a row is one code
    and title."""

    class Counting(models.TextChoices):
        VICTIM = "V", "Victim-based: one crime per victim"
        STATE = "S", "State-based: one crime per offender or group"
        EITHER = "S/V", "Per person exploited where one is named, otherwise per offender"

    code = models.CharField(max_length=20, db_index=True)
    offence_class = models.ForeignKey(Offence, on_delete=models.PROTECT, related_name="offence_codes")
    title = models.CharField(max_length=300)
    legislation = models.CharField(max_length=300, blank=True)
    counting = models.CharField(max_length=3, choices=Counting.choices)
    source = models.URLField(max_length=500, help_text="The copy of the HOCR page the row was read from.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["offence_class__code", "id"]
        verbose_name = "Home Office offence code"
        constraints = [
            models.UniqueConstraint(fields=["code", "title"], name="offence_code_code_title_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class HomeOfficeOutcome(models.Model):
    """A Home Office outcome type (R-OUTCOME-ASSIGN) and its preconditions."""

    code = models.CharField(max_length=6, unique=True)
    title = models.CharField(max_length=200)
    group = models.CharField(max_length=60)
    requires_suspect = models.BooleanField()
    requires_victim_view = models.BooleanField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class CancellationCriterion(models.Model):
    """A HOCR Section C criterion under which a recorded crime may be removed."""

    code = models.CharField(max_length=4, unique=True)
    title = models.CharField(max_length=300)
    needs_ddm_approval = models.BooleanField()
    evidence_required = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class NsirCode(models.Model):
    """An incident (NSIR) code; `crime_related` decides whether the sweep flags an incident."""

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    incident_category = models.CharField(max_length=60)
    crime_related = models.BooleanField()
    hidden_crime_risk = models.BooleanField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = "NSIR code"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


# ---------------------------------------------------------------- force directory (R-LOCATION, Annex A)


class Force(models.Model):
    """Another police force that crimes are transferred to or from (R-TRANSFER-PROTOCOL).
    Maintained by sergeants; every change is in the history."""

    code = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=120)
    iopc_name = models.CharField(
        "IOPC short name", max_length=60, blank=True, help_text="As the IOPC prints it in its statistics."
    )
    territorial = models.BooleanField(
        default=True, help_text="False for British Transport Police, which polices the railways."
    )
    transfer_email = models.EmailField("crime-transfer contact email", blank=True)
    transfer_phone = models.CharField("crime-transfer contact phone", max_length=40, blank=True)
    notes = models.TextField(blank=True)
    last_verified = models.DateField(
        null=True, blank=True, help_text="When the contact details were last checked."
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


# ---------------------------------------------------------------- incident log (NSIR)


class ImportBatch(models.Model):
    """One load of the incident feed (API request or CSV file). Incidents arrive in bulk, so their audit
    trail is the batch (who, when, source, counts) rather than a history row per incident."""

    class Source(models.TextChoices):
        API = "api", "Feed API"
        CSV = "csv", "CSV import"
        DEMO = "demo", "Demo data"

    source = models.CharField(max_length=10, choices=Source.choices)
    source_name = models.CharField(max_length=300, blank=True, help_text="File name, or the API path.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.started_at:%Y-%m-%d %H:%M} ({self.rows} rows)"


class Grade(models.TextChoices):
    """THRIVE response grade (R-THRIVE)."""

    IMMEDIATE = "immediate", "Immediate"
    PRIORITY = "priority", "Priority"
    SCHEDULED = "scheduled", "Scheduled"
    RESOLVED_WITHOUT_DEPLOYMENT = "resolved_without_deployment", "Resolved without deployment"


class Incident(models.Model):
    """A command-and-control log entry (R-NSIR-INCIDENT). `crime_related` is copied from the NSIR code
    when the incident is stored so the unrecorded-incident sweep (R-NSIR-AUDIT-TRAIL) reads one table."""

    reference = models.CharField(max_length=40, unique=True)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    nsir_code = models.ForeignKey(NsirCode, on_delete=models.PROTECT, related_name="incidents")
    crime_related = models.BooleanField()
    grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)
    summary = models.TextField(blank=True)
    location = models.CharField(max_length=300, blank=True)
    crime_number = models.CharField(max_length=40, null=True, blank=True, db_index=True)
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="incidents"
    )
    # Who opened it in Resolve (a front counter, an online report, a force without a command-and-control
    # feed); null for incidents from the feed. The opener may see it when its code is need-to-know.
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Changes made in Resolve (opening, linking or unlinking a crime) write a history row with their
    # reason, and so does a feed upsert that changes the NSIR code; the feed's other changes are
    # audited by their ImportBatch.
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["-opened_at"], name="incident_opened_idx"),
            # The sweep: crime-related incidents with no crime number opened before a cutoff.
            models.Index(
                fields=["opened_at"],
                name="incident_unrecorded_idx",
                condition=models.Q(crime_related=True, crime_number__isnull=True),
            ),
            # The incremental sweep: incidents written since its last run (a late feed row, a crime
            # number arriving), so a repeat run reads what changed, not the whole log.
            models.Index(fields=["updated_at", "id"], name="incident_updated_idx"),
            # The nightly dip-test's hidden-crime-risk stratum: non-crime incidents closed on a day.
            models.Index(
                fields=["closed_at"],
                name="incident_closed_noncrime_idx",
                condition=models.Q(crime_related=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_at__isnull=True) | models.Q(closed_at__gte=models.F("opened_at")),
                name="incident_closed_after_opened",
            )
        ]

    def __str__(self) -> str:
        return self.reference


class IncidentReferenceCounter(models.Model):
    """The last incident reference issued in Resolve per prefix (`{FORCE}-{YYYYMMDD}`), locked (SELECT ...
    FOR UPDATE) to issue the next, as CrimeNumberCounter does for crime numbers."""

    prefix = models.CharField(max_length=30, unique=True)
    last_value = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.prefix}: {self.last_value}"


# ---------------------------------------------------------------- crimes


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


class ContactMethod(models.TextChoices):
    """How a victim is contacted (a logged update; the method agreed with the victim)."""

    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    VISIT = "visit", "Visit"
    LETTER = "letter", "Letter"
    SMS = "sms", "Text message"


class CrimeVictim(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        BUSINESS = "business", "Business"
        HOUSEHOLD = "household", "Household"

    class EnhancedRights(models.TextChoices):
        """Why a victim is entitled to enhanced rights under the Victims' Code (R-VCOP-RIGHT6), beside
        being recorded as vulnerable."""

        NONE = "", "None recorded"
        MOST_SERIOUS = "most_serious", "Victim of the most serious crime"
        PERSISTENTLY_TARGETED = "persistently_targeted", "Persistently targeted"
        INTIMIDATED = "intimidated", "Intimidated"

    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="victims")
    ref = models.CharField(max_length=20, blank=True, help_text="The victim's ref in the report (e.g. V1).")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(max_length=200)
    date_of_birth = models.DateField(null=True, blank=True)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    contact = models.CharField(max_length=300, blank=True)
    vulnerable = models.BooleanField(default=False)
    # R-VCOP-RIGHT6: what was agreed with the victim, recorded (and changed whenever the victim asks).
    enhanced_rights = models.CharField(max_length=30, choices=EnhancedRights.choices, blank=True)
    agreed_update_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How often the victim agreed to be updated, in days."
    )
    agreed_contact_method = models.CharField(max_length=10, choices=ContactMethod.choices, blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    # The format the victim needs letters in (staffing.models.ReasonableAdjustment codes, as complainants).
    adjustments = models.JSONField(default=list, blank=True, help_text="Reasonable adjustments (C-ACCESS)")
    adjustment_notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def adjustment_labels(self) -> list[str]:
        return ReasonableAdjustment.labels_of(self.adjustments)

    @property
    def has_enhanced_rights(self) -> bool:
        return lifecycle.enhanced_rights(vulnerable=self.vulnerable, enhanced_reason=self.enhanced_rights)


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


class ClassificationChange(models.Model):
    """The crime's classification history (R-CLASSIFY, R-RECLASSIFY). The first row is the initial
    classification; later rows are proposals a sergeant approves or rejects."""

    class Status(models.TextChoices):
        INITIAL = "initial", "Initial classification"
        PROPOSED = "proposed", "Awaiting approval"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="classification_changes")
    from_offence = models.ForeignKey(
        Offence, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_offence = models.ForeignKey(Offence, on_delete=models.PROTECT, related_name="+")
    # The Home Office offence within each class, where known: reclassification may change it.
    from_offence_code = models.ForeignKey(
        OffenceCode, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_offence_code = models.ForeignKey(
        OffenceCode, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(
        null=True, blank=True, help_text="Counts under the new class from here."
    )
    decision_note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["proposed_at", "id"]
        indexes = [models.Index(fields=["status", "proposed_at"], name="reclass_status_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["crime"], condition=models.Q(status="proposed"), name="one_open_reclassification"
            )
        ]

    def __str__(self) -> str:
        return f"{self.crime_id}: {self.to_offence_id} ({self.status})"


class CancellationRequest(models.Model):
    """A request to remove a recorded crime under a HOCR Section C criterion (R-CANCEL-*)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting DDM decision"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="cancellations")
    criterion = models.ForeignKey(CancellationCriterion, on_delete=models.PROTECT, related_name="requests")
    evidence = models.TextField(help_text="The evidence the criterion requires.")
    avi = models.TextField(blank=True, help_text="C2: the additional verifiable information itself.")
    duplicate_of = models.CharField(max_length=40, blank=True, help_text="C3: the surviving crime number.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    victim_informed = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["requested_at", "id"]
        indexes = [models.Index(fields=["status", "requested_at"], name="cancel_status_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["crime"], condition=models.Q(status="pending"), name="one_open_cancellation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.crime_id}: {self.criterion_id} ({self.status})"


class CrimeTransfer(models.Model):
    """A crime passed between forces (R-LOCATION, R-TRANSFER-PROTOCOL, R-CANCEL-C1-TRANSFER)."""

    class Direction(models.TextChoices):
        OUTGOING = "out", "Outgoing"
        INCOMING = "in", "Incoming"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    crime = models.ForeignKey(
        Crime, null=True, blank=True, on_delete=models.CASCADE, related_name="transfers"
    )
    direction = models.CharField(max_length=3, choices=Direction.choices)
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="transfers")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(blank=True)
    their_reference = models.CharField(
        max_length=60, blank=True, help_text="The other force's crime reference."
    )
    # Incoming transfers carry the report until it is accepted and a crime is created.
    offence = models.ForeignKey(Offence, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(null=True, blank=True)
    summary = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "id"]
        indexes = [models.Index(fields=["status", "direction"], name="transfer_status_idx")]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.force_id} ({self.status})"


class VictimUpdate(models.Model):
    """A contact with the victim (Victims' Code). Resolve's cadence: first update within 5 days of
    recording, then at least every 28 days until the crime is finalised."""

    Method = ContactMethod

    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="victim_updates")
    victim = models.ForeignKey(
        CrimeVictim, null=True, blank=True, on_delete=models.SET_NULL, related_name="updates"
    )
    contacted_at = models.DateTimeField()
    method = models.CharField(max_length=10, choices=Method.choices)
    summary = models.TextField()
    next_due = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-contacted_at", "-id"]

    def __str__(self) -> str:
        return f"{self.crime_id} {self.contacted_at:%Y-%m-%d}"


class VictimNotice(models.Model):
    """A decision the victim must be told of within the Victims' Code's limits (R-VCOP-RIGHT6): a key
    decision in the investigation, or a decision not to investigate. Its due date is the rule's
    (lifecycle.victim_notice_due), fixed when the decision is recorded from the victims' rights then;
    `told_at` is when the victim was told (a contact, which also moves the update clock)."""

    class Kind(models.TextChoices):
        NOT_INVESTIGATED = "not_investigated", "Decision not to investigate"
        SUSPECT_ARRESTED = "suspect_arrested", "Suspect arrested"
        SUSPECT_INTERVIEWED = "suspect_interviewed", "Suspect interviewed under caution"
        RELEASED_NO_CHARGE = "released_no_charge", "Suspect released without charge"
        RELEASED_ON_BAIL = "released_on_bail", "Suspect released on bail"
        RELEASED_UNDER_INVESTIGATION = "released_under_investigation", "Suspect released under investigation"
        BAIL_CHANGED = "bail_changed", "Bail conditions changed or cancelled"
        CHARGED = "charged", "Suspect charged"

    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="victim_notices")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    decided_at = models.DateTimeField()
    reason = models.TextField(help_text="The decision and its reasons, as the victim will be told.")
    enhanced = models.BooleanField(help_text="A victim had enhanced rights when the decision was made.")
    due_on = models.DateField(db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    told_at = models.DateTimeField(null=True, blank=True)
    told_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    told_method = models.CharField(max_length=10, choices=ContactMethod.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["due_on"], condition=models.Q(told_at__isnull=True), name="vcop_untold_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on crime {self.crime_id}"

    @property
    def late(self) -> bool:
        """Told after its due day (a breach), judged on the London calendar."""
        return self.told_at is not None and timezone.localdate(self.told_at) > self.due_on


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


class Appointment(models.Model):
    """A demand appointment: an officer or investigator booked to see a victim in a time slot.
    One person cannot hold two live appointments starting at the same time (DB constraint); the
    service also refuses overlapping slots."""

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        ATTENDED = "attended", "Attended"
        CANCELLED = "cancelled", "Cancelled"

    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="appointments")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    victim = models.ForeignKey(
        CrimeVictim, null=True, blank=True, on_delete=models.SET_NULL, related_name="appointments"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BOOKED)
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "starts_at"],
                condition=~models.Q(status="cancelled"),
                name="appointment_no_double_booking",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="appointment_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer_id} {self.starts_at:%Y-%m-%d %H:%M}"


class AwaitingVictim(models.Model):
    """A recording decision saved while the victim has not been spoken to (R-NCRS-THIRD-PARTY): the
    allegations that wait, the whole report so they can be decided later, and the 24-hour clock that
    runs from the report (R-NCRS-24H). It sits in the sergeant's queue until it is recorded (the victim
    confirms) or closed with a reason. Written by recording.services.decisions only."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Awaiting the victim"
        RECORDED = "recorded", "Recorded"
        CLOSED = "closed", "Closed without a crime"

    class Reporter(models.TextChoices):
        VICTIM = "victim", "The victim"
        WITNESS = "witness", "A witness"
        RELATIVE = "relative", "A relative"
        PROFESSIONAL = "professional", "A professional (care, health, education, safeguarding)"
        POLICE = "police", "The police"
        OTHER = "other", "A friend, neighbour or other member of the public"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AWAITING)
    reporter = models.CharField(max_length=20, choices=Reporter.choices)
    reported_at = models.DateTimeField()
    record_by = models.DateTimeField(help_text="24 hours after the report (R-NCRS-24H).")
    incident = models.ForeignKey(
        Incident, null=True, blank=True, on_delete=models.PROTECT, related_name="awaiting_victim"
    )
    summary = models.TextField(blank=True)
    # [{"allegation", "offence", "offence_code", "victim", "reason", "daily_review", "restricted"}]
    allegations = models.JSONField(default=list)
    # The request as the from-decision API takes it, so the allegations can be decided again later.
    report = models.JSONField(default=dict)
    restricted = models.BooleanField(default=False, help_text="A need-to-know class (R-RESTRICTED).")
    daily_review = models.BooleanField(
        default=False, help_text="Rape or serious sexual offence (R-RAPE-RECORD)."
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The team of whoever saved it, kept as it was then: only that team (or a manager) records or closes it
    # (recording.permissions.awaiting_scope_refusal). None: no team, so any recorder's.
    team = models.ForeignKey(
        "staffing.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    crimes = models.ManyToManyField(Crime, blank=True, related_name="awaiting_victim")
    history = HistoricalRecords()

    class Meta:
        ordering = ["record_by", "id"]
        indexes = [models.Index(fields=["status", "record_by"], name="recording_awaiting_queue_idx")]

    def __str__(self) -> str:
        return f"Awaiting the victim: {', '.join(a['allegation'] for a in self.allegations)}"

    @property
    def people(self) -> list[dict[str, Any]]:
        """The person to ring for each victim the allegations wait for: their ref, the name and number
        the recorder entered (kept in `report`), and the offences reported against them, by title."""
        details = self.report.get("victim_details", {}) if isinstance(self.report, dict) else {}
        found: dict[str, dict[str, Any]] = {}
        for a in self.allegations:
            ref = a.get("victim") or ""
            given = details.get(ref, {})
            person = found.setdefault(
                ref,
                {
                    "ref": ref,
                    "name": given.get("name", ""),
                    "contact": given.get("contact", ""),
                    "offences": [],
                },
            )
            person["offences"].append(a.get("offence_title") or a.get("offence", ""))
        return list(found.values())

    @property
    def label(self) -> str:
        """How lists and the access log name it: the incident, else the report time."""
        if self.incident is not None:
            return self.incident.reference
        return f"report of {timezone.localtime(self.reported_at):%d %b %Y %H:%M}"
