"""A crime's victims and what they are owed under the Victims' Code: the contact agreed with them, the
updates logged, the decisions they must be told of (R-VCOP-RIGHT6) and the appointments booked to see
them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from recording import lifecycle
from recording.models.crimes import Crime
from staffing.models import ReasonableAdjustment


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
