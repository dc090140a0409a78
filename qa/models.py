"""Quality assurance: unrecorded-incident flags (the sweep), nightly dip-tests and their findings,
QC amendments, and the daily rape review."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords


# ---------------------------------------------------------------- the sweep (R-NSIR-AUDIT-TRAIL)
class UnrecordedFlag(models.Model):
    """A crime-related incident with no crime number past the grace period. Stays open until a crime
    number arrives (the sweep resolves it) or a sergeant resolves / dismisses it with a reason."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved (crime recorded)"
        DISMISSED = "dismissed", "Dismissed (reason recorded)"

    incident = models.ForeignKey(
        "recording.Incident", on_delete=models.PROTECT, related_name="unrecorded_flags"
    )
    flagged_at = models.DateTimeField()
    incident_opened_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="The incident's opened_at when flagged: the queue's sort key, indexed with the status.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="unrecorded_flags",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_crime_number = models.CharField(max_length=40, blank=True)
    dismiss_reason = models.TextField(blank=True)
    closing_nsir_code = models.ForeignKey(
        "recording.NsirCode", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A resolving crime that does not match the incident (R-NSIR-AUDIT-TRAIL; contract: the resolve
    # endpoint): what did not match, in words, and the sergeant's reason for accepting it. Counted on the
    # flag list. db_default: the sweep inserts flags by SQL naming only the columns it sets.
    resolve_mismatch = models.TextField(blank=True, db_default="")
    resolve_reason = models.TextField(blank=True, db_default="")
    # Escalation to the control room (R-FCR): open from escalated_at until the control room's answer is
    # recorded; the flag itself stays open until a crime or a reason closes it.
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalation_note = models.TextField(blank=True)
    escalation_answer = models.TextField(blank=True, db_default="")
    escalation_answered_at = models.DateTimeField(null=True, blank=True)
    escalation_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["incident__opened_at", "id"]
        constraints = [
            # Never two open flags for one incident, whatever runs concurrently.
            models.UniqueConstraint(
                fields=["incident"], condition=models.Q(status="open"), name="qa_one_open_flag_per_incident"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="dismissed") | ~models.Q(dismiss_reason=""),
                name="qa_dismissed_flag_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(resolve_mismatch="") | ~models.Q(resolve_reason=""),
                name="qa_mismatched_resolution_has_reason",
            ),
        ]
        indexes = [
            # Closing flags walks only the open ones.
            models.Index(fields=["id"], name="qa_flag_open_idx", condition=models.Q(status="open")),
            models.Index(fields=["status", "flagged_at"], name="qa_flag_status_idx"),
            # The sergeant's queue (oldest incident first) without joining every open flag to its incident.
            models.Index(fields=["status", "incident_opened_at", "id"], name="qa_flag_queue_idx"),
            # The open escalations (the sergeant's filter and its count).
            models.Index(
                fields=["escalated_at"],
                name="qa_flag_escalated_idx",
                condition=models.Q(
                    status="open", escalated_at__isnull=False, escalation_answered_at__isnull=True
                ),
            ),
        ]

    def __str__(self) -> str:
        # Words, not ids: this is how a flag is named on allocation and workload screens.
        return f"Unrecorded-incident flag on {self.incident.reference} ({self.get_status_display().lower()})"

    @property
    def escalation_open(self) -> bool:
        return (
            self.status == self.Status.OPEN
            and self.escalated_at is not None
            and self.escalation_answered_at is None
        )


class SweepRun(models.Model):
    """One run of the unrecorded-incident sweep: what it did, and the watermarks the next run starts from.

    A full run walks every incident that can still be flagged and every open flag. An incremental run
    walks only what can have changed since the last complete run: incidents whose grace period ended
    since then (opened_at in [last cutoff, this cutoff)) and incidents written since `changes_from` of
    the last complete run (updated_at), so a repeat run costs what is new, not the size of the log."""

    started_at = models.DateTimeField(help_text="Database clock when the run began.")
    finished_at = models.DateTimeField(null=True, blank=True)
    full = models.BooleanField()
    cutoff = models.DateTimeField(help_text="Incidents opened before this were due a crime number.")
    since = models.DateTimeField(
        null=True, blank=True, help_text="Incremental runs: incidents written from this time were read."
    )
    changes_from = models.DateTimeField(
        help_text=(
            "The next incremental run reads incidents written from this time: the start of this run or of "
            "the oldest transaction then open, whichever is earlier, less RESOLVE_SWEEP_OVERLAP_MINUTES."
        )
    )
    flagged = models.PositiveIntegerField(default=0)
    closed = models.PositiveIntegerField(default=0)
    open_after = models.PositiveIntegerField(null=True, blank=True)
    complete = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["complete", "full", "-started_at"], name="qa_sweeprun_last_idx")]

    def __str__(self) -> str:
        return f"{'Full' if self.full else 'Incremental'} sweep at {self.started_at:%Y-%m-%d %H:%M}"


# ---------------------------------------------------------------- dip-tests (R-DIP-TEST, R-CDI-RATE)
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


# ---------------------------------------------------------------- daily rape review (R-RAPE-RECORD)
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


# ---------------------------------------------------------------- the hidden-crime screen (issue 21)
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
