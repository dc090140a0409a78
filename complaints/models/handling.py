"""Handling a case: the triage decision, every action on it, each contact with the complainant and any
suspension."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from complaints.models.cases import AppropriateAuthority, ComplaintCase, Route
from complaints.models.intake import Complainant


class TriageDecision(models.Model):
    """The engine's proposal and what the advisor decided (accepted, or overridden with a reason)."""

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="triage_decisions")
    proposed_route = models.CharField(max_length=60, blank=True)
    proposed_must_refer = models.BooleanField(default=False)
    proposed_authority = models.CharField(max_length=30, blank=True)
    proposed_first_update_due = models.DateField(null=True, blank=True)
    rules = models.JSONField(default=list)
    explanation = models.JSONField(default=list)
    accepted = models.BooleanField()
    route = models.CharField(max_length=60, choices=Route.choices, blank=True)
    must_refer_to_iopc = models.BooleanField(default=False)
    appropriate_authority = models.CharField(max_length=30, choices=AppropriateAuthority.choices, blank=True)
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"Triage of case {self.case_id}: {self.get_route_display() or 'no route'}"

    @property
    def proposed_route_label(self) -> str:
        """The proposed route in words (the field keeps the engine's code, which may be blank)."""
        return Route(self.proposed_route).label if self.proposed_route in Route.values else ""


class CaseAction(models.Model):
    """Every action and decision on a case: who, when, what, why (C-LOG-ALL). Append-only."""

    class Kind(models.TextChoices):
        CREATED = "created", "Case created"
        TRIAGE = "triage", "Triage decision"
        INITIAL_CONTACT = "initial_contact", "Initial contact"
        SERVICE_RECOVERY = "service_recovery", "Handled outside Schedule 3"
        RECORDED = "recorded", "Recorded under Schedule 3"
        DSE_HANDOVER = "dse_handover", "Handed to DSE"
        IOPC_REFERRAL = "iopc_referral", "Referred to the IOPC"
        PCC_HANDLING = "pcc_handling", "Handled by the PCC (chief officer complaint)"
        CONTACT = "contact", "Contact logged"
        LETTER = "letter", "Letter issued"
        OUTCOME = "outcome", "Outcome and closure"
        WITHDRAWN = "withdrawn", "Withdrawn"
        DISCONTINUED = "discontinued", "Discontinued"
        REVIEW = "review", "Review application"
        COMPLIMENT_FORWARDED = "compliment_forwarded", "Compliment forwarded"
        REASSIGNED = "reassigned", "Reassigned"
        REOPENED = "reopened", "Reopened after an upheld review"
        RECOMMENDATION = "recommendation", "Review recommendation followed up"
        AUTHORITY = "authority", "Written authority recorded"
        SUSPENDED = "suspended", "Handling suspended"
        RESUMED = "resumed", "Handling resumed"
        EDITED = "edited", "Case details edited"
        SUBJECT_CONFIRMED = "subject_confirmed", "Subject confirmed"
        SIGNPOSTED = "signposted", "Signposted to another organisation"

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    summary = models.CharField(max_length=300)
    reason = models.TextField(blank=True)
    rules = models.JSONField(default=list, blank=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} at {self.at:%Y-%m-%d %H:%M}"


class Contact(models.Model):
    """A contact with the complainant (C-UPDATE-28D: an update moves the next update due date)."""

    class Direction(models.TextChoices):
        INBOUND = "in", "From the complainant"
        OUTBOUND = "out", "To the complainant"

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="contacts")
    at = models.DateTimeField()
    direction = models.CharField(max_length=3, choices=Direction.choices, default=Direction.OUTBOUND)
    method = models.CharField(max_length=20, choices=Complainant.ContactMethod.choices)
    is_update = models.BooleanField(default=False, help_text="A progress update (C-UPDATE-28D)")
    summary = models.TextField()
    withheld_reason = models.TextField(blank=True, help_text="C-UPDATE-EXCEPTIONS harm test")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"Contact on case {self.case_id} at {self.at:%Y-%m-%d}"


class CaseSuspension(models.Model):
    """A period when handling of a Schedule 3 case was suspended (for example while criminal
    proceedings run): the data return's time to finalise excluding suspension leaves these days out."""

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="suspensions")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True, help_text="Empty while handling is still suspended.")
    reason = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="complaints_suspension_ends_after_it_starts",
            ),
            # One suspension open at a time (the service checks first, under the case lock).
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(ended_on__isnull=True),
                name="complaints_one_open_suspension",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.case_id} suspended from {self.started_on}"
