"""The complaint case (C-LOG-ALL) and the choices its triage fields take."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from complaints.models.reference import ComplaintOutcome


class Route(models.TextChoices):
    """Handling routes, as the triage contract names them."""

    OUTSIDE_SCHEDULE_3 = "outside_schedule_3", "Outside Schedule 3 (service recovery)"
    SCHEDULE_3_RP = "schedule_3_reasonable_and_proportionate", "Schedule 3 – reasonable and proportionate"
    SCHEDULE_3_INVESTIGATION = "schedule_3_investigation", "Schedule 3 – investigation"
    REFERRED_TO_IOPC = "referred_to_iopc", "Referred to the IOPC"


# Which ComplaintOutcome.applies_to values fit each route (plus "any").
ROUTE_OUTCOMES: dict[str, tuple[str, ...]] = {
    Route.OUTSIDE_SCHEDULE_3: ("outside_schedule_3",),
    Route.SCHEDULE_3_RP: ("schedule_3_not_investigated",),
    Route.SCHEDULE_3_INVESTIGATION: ("schedule_3_investigated",),
    Route.REFERRED_TO_IOPC: ("schedule_3_investigated", "schedule_3_not_investigated"),
}


class AppropriateAuthority(models.TextChoices):
    CHIEF_OFFICER = "chief_officer", "Chief officer (force DSE)"
    LOCAL_POLICING_BODY = "local_policing_body", "Local policing body (PCC)"


class ReviewBody(models.TextChoices):
    IOPC = "iopc", "Independent Office for Police Conduct"
    LOCAL_POLICING_BODY = "local_policing_body", "Local policing body (PCC)"


class NotAComplaintReason(models.TextChoices):
    """C-NOT-A-COMPLAINT in words (the values are complaints.rules.NotAComplaint's, less compliments,
    which are their own kind of case)."""

    SERVICE_REQUEST = "service_request", "A request for service"
    CRIME_REPORT = "crime_report", "A crime report"
    INFORMATION_REQUEST = "information_request", "A freedom of information or subject access request"
    ABOUT_PCC = "about_pcc", "A complaint about the Police and Crime Commissioner"
    INTERNAL_GRIEVANCE = "internal_grievance", "An internal grievance"


class ReferenceCounter(models.Model):
    """The last case number issued per year; locked with select_for_update when a case is created."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class ComplaintCase(models.Model):
    class Kind(models.TextChoices):
        COMPLAINT = "complaint", "Complaint"
        DISSATISFACTION = "dissatisfaction", "Expression of dissatisfaction"
        COMPLIMENT = "compliment", "Compliment"

    class Channel(models.TextChoices):
        PHONE = "phone", "Phone"
        EMAIL = "email", "Email"
        WEB = "web", "Web form"
        LETTER = "letter", "Letter"
        IN_PERSON = "in_person", "In person"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        WITHDRAWN = "withdrawn", "Withdrawn"
        DISCONTINUED = "discontinued", "Discontinued"

    reference = models.CharField(max_length=20, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMPLAINT)
    received_at = models.DateTimeField()
    incident_date = models.DateField(null=True, blank=True)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    summary = models.TextField()
    location = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaint_cases",
    )
    about_chief_officer = models.BooleanField(default=False)
    complainant_wants_recording = models.BooleanField(default=False)
    complainant_agrees_outside_schedule_3 = models.BooleanField(default=False)
    eligible = models.BooleanField(null=True, blank=True)
    not_a_complaint = models.CharField(
        max_length=30,
        choices=NotAComplaintReason.choices,
        blank=True,
        help_text="C-NOT-A-COMPLAINT: what triage found it to be instead (blank: a complaint)",
    )
    route = models.CharField(max_length=60, choices=Route.choices, blank=True)
    must_refer_to_iopc = models.BooleanField(default=False)
    appropriate_authority = models.CharField(max_length=30, choices=AppropriateAuthority.choices, blank=True)
    initial_contact_due = models.DateField(null=True, blank=True)
    initial_contact_at = models.DateTimeField(null=True, blank=True)
    next_update_due = models.DateField(null=True, blank=True, db_index=True)
    last_update_at = models.DateTimeField(null=True, blank=True)
    recorded_on = models.DateField(null=True, blank=True, help_text="Recorded under Schedule 3 on")
    dse_handover_on = models.DateField(null=True, blank=True)
    dse_reference = models.CharField(max_length=60, blank=True)
    iopc_referred_on = models.DateField(null=True, blank=True)
    iopc_reference = models.CharField(max_length=60, blank=True)
    outcome = models.ForeignKey(
        ComplaintOutcome, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome_on = models.DateField(null=True, blank=True)
    outcome_notice_due = models.DateField(null=True, blank=True)
    review_body = models.CharField(max_length=30, choices=ReviewBody.choices, blank=True)
    review_deadline = models.DateField(null=True, blank=True)
    closure_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    retention_review_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["assigned_to", "status", "next_update_due"]),
            # The daily figures (complaints.selectors.daily_figures) count received, open and overdue cases
            # through these, so the dashboard reads the day and the open cases, not every case ever held.
            models.Index(fields=["received_at"], name="complaint_received_idx"),
            models.Index(
                fields=["received_at"],
                include=["kind", "next_update_due"],
                condition=models.Q(closed_at__isnull=True),
                name="complaint_open_idx",
            ),
            models.Index(
                fields=["closed_at"],
                include=["received_at", "kind", "next_update_due"],
                condition=models.Q(closed_at__isnull=False),
                name="complaint_closed_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
