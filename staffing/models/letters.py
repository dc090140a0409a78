"""Letters (issue 22 parts 1-4) and the reasonable adjustments that decide their format. Letters are generic
records: each names the record it is about by record_type (a registered record kind, "complaint_case" or
"crime") and record_id, so staffing never imports the apps above it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ReasonableAdjustment(models.TextChoices):
    """The reasonable adjustments recorded for a person written to (C-ACCESS; issue 22 part 3): a
    complainant (complaints.Complainant) and a crime's victim (recording.CrimeVictim) keep a list of these
    codes, and a letter's format follows them (staffing.rules.letters.format_for)."""

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
