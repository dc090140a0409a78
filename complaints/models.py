from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from complaints.rules import ADULT_AGE, MAX_AGE
from staffing.models import ReasonableAdjustment

# ---------------------------------------------------------------- reference data
# Loaded from complaints/reference/*.csv by `manage.py load_reference`. The IOPC sub-category numbers
# are unverified (DOMAIN-complaints.md §16): they stay editable data, never enums in code.


class CategoryQuerySet(models.QuerySet["ComplaintCategory"]):
    def in_force(self, day: dt.date) -> CategoryQuerySet:
        """The categories of the list in force on `day`: a new allegation takes one of these."""
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(retired_on__isnull=True) | models.Q(retired_on__gt=day),
        )


class ComplaintCategory(models.Model):
    """An IOPC complaint category (one per allegation, C-ALLEGATION-SPLIT). The list changes as the IOPC
    publishes it (reference/complaint_categories.csv, versioned by the date each row takes effect): a
    retired category names the one its allegations were moved to, so every stored allegation keeps its
    meaning under a category in force."""

    code = models.CharField(max_length=6, unique=True)
    title = models.CharField(max_length=200)
    group = models.CharField(max_length=100)
    valid_from = models.DateField(
        null=True, blank=True, help_text="First day this category is used; empty: on every list so far."
    )
    retired_on = models.DateField(
        null=True, blank=True, help_text="From this day the category is no longer used."
    )
    replaced_by = models.CharField(
        max_length=6, blank=True, help_text="The category a retired one's allegations were moved to."
    )
    history = HistoricalRecords()

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "complaint categories"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ComplaintOutcome(models.Model):
    """An allegation or case outcome; `applies_to` ties it to the handling route taken."""

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=300)
    applies_to = models.CharField(max_length=40)
    review_body_relevant = models.CharField(
        max_length=5, blank=True, help_text="yes: a review right follows; no: none; n/a: a review result"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


# ---------------------------------------------------------------- cases (C-LOG-ALL)
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


class AgentRelationship(models.TextChoices):
    PARENT_GUARDIAN = "parent_guardian", "Parent or guardian of a child"
    OTHER = "other", "Someone acting for them (relative, friend, advocate, solicitor)"


class Complainant(models.Model):
    class ContactMethod(models.TextChoices):
        PHONE = "phone", "Phone"
        EMAIL = "email", "Email"
        LETTER = "letter", "Letter"
        IN_PERSON = "in_person", "In person"

    # One list of reasonable adjustments for everyone written to, kept with the letters in staffing.
    Adjustment = ReasonableAdjustment

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="complainants")
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    preferred_contact = models.CharField(
        max_length=20, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    adjustments = models.JSONField(default=list, blank=True, help_text="Reasonable adjustments (C-ACCESS)")
    adjustment_notes = models.TextField(blank=True)
    adversely_affected = models.BooleanField(default=True)
    witness = models.BooleanField(default=False)
    acting_for_someone = models.BooleanField(default=False)
    on_behalf_of = models.CharField(max_length=200, blank=True)
    consent_of_affected = models.BooleanField(default=False)
    consent_evidence = models.TextField(blank=True, help_text="C-ELIG-ON-BEHALF")
    # The triage contract's optional facts (API.md). Null = not asked yet: triage then takes the
    # default and lists the fact as assumed when the other answer would change the decision.
    subject_of_conduct = models.BooleanField(
        null=True, blank=True, help_text="The conduct was directed at this person (C-ELIG-SUBJECT)"
    )
    serving_officer_same_force = models.BooleanField(
        null=True, blank=True, help_text="Serves under the same chief officer (C-ELIG-SERVING)"
    )
    affected_only_through_media = models.BooleanField(
        null=True, blank=True, help_text="Saw it only on TV or social media (C-ELIG-AFFECTED)"
    )
    # C-YOUNG-PEOPLE: whole years, of the person whose complaint it is (the person represented when
    # acting for someone). Null = not asked; it changes no route, so it is never an assumed fact.
    age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text="Age in whole years of the person whose complaint it is (C-YOUNG-PEOPLE)",
    )
    # The public form (issue 23 part 1). An anonymous complainant's own details live in MaskedDetails,
    # read only through complaints.services.public.complainant_unmask (permission + access log), so no
    # list, search, export or letter can show them by accident.
    anonymous = models.BooleanField(default=False)
    agent_relationship = models.CharField(max_length=20, choices=AgentRelationship.choices, blank=True)
    # An agent (not a parent or guardian of a child) needs the person's written authority before
    # handling proceeds (C-ELIG-ON-BEHALF): the case waits, visibly, while this is true.
    authority_awaited = models.BooleanField(default=False)
    history = HistoricalRecords()

    OPTIONAL_FACTS = ("subject_of_conduct", "serving_officer_same_force", "affected_only_through_media")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_young(self) -> bool:
        """Under 18 (C-YOUNG-PEOPLE): involve a parent, guardian or advocate."""
        return self.age is not None and self.age < ADULT_AGE

    def adjustment_labels(self) -> list[str]:
        return ReasonableAdjustment.labels_of(self.adjustments)


class MaskedDetails(models.Model):
    """The details an anonymous complainant gave (C-DP-MINIMISE): shown only to someone with
    complaints.unmask_complainant, each time logged in the access log."""

    complainant = models.OneToOneField(Complainant, on_delete=models.CASCADE, related_name="masked")
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Masked details of complainant {self.complainant_id}"


class EqualityData(models.Model):
    """Optional equality monitoring (C-DP-MINIMISE): separate, and seen by managers only."""

    complainant = models.OneToOneField(Complainant, on_delete=models.CASCADE, related_name="equality")
    age_band = models.CharField(max_length=20, blank=True)
    sex = models.CharField(max_length=40, blank=True)
    ethnicity = models.CharField(max_length=80, blank=True)
    disability = models.CharField(max_length=80, blank=True)
    religion = models.CharField(max_length=80, blank=True)
    sexual_orientation = models.CharField(max_length=80, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Equality data for complainant {self.complainant_id}"


class Subject(models.Model):
    class Kind(models.TextChoices):
        OFFICER = "officer", "Police officer"
        STAFF = "staff", "Police staff"
        FORCE = "force", "The force"
        CHIEF_OFFICER = "chief_officer", "The chief officer"

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="subjects")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200, blank=True)
    collar_number = models.CharField(max_length=20, blank=True)
    staff_id = models.CharField(max_length=150, blank=True, help_text="Police staff: their Resolve username")
    team_name = models.CharField(max_length=120, blank=True)
    # Linked by complaints.services from the collar number or staff id, whatever path logged the case:
    # a subject never sees the case (complaints.selectors.case_visible).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaint_subjects",
    )
    # Who the subject is on the force's roster (issue 23 part 3): the one identity repeat-subject alerts
    # count by, across cases. Linked by complaints.services from the collar number, or chosen from the
    # roster on the intake and case pages.
    roster_person = models.ForeignKey(
        "RosterPerson", null=True, blank=True, on_delete=models.PROTECT, related_name="subjects"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        if self.kind in (self.Kind.FORCE, self.Kind.CHIEF_OFFICER):
            return str(self.get_kind_display())
        return f"{self.name} ({self.collar_number})" if self.collar_number else self.name


class RosterPerson(models.Model):
    """An officer or member of staff on the force's roster (issue 23 part 3): imported from CSV by
    complaints.services.roster.roster_import (page and manage.py import_roster), keyed by collar number."""

    collar_number = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    rank = models.CharField(max_length=60, blank=True)
    team_name = models.CharField(max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["collar_number"]

    def __str__(self) -> str:
        return f"{self.rank} {self.name} ({self.collar_number})".strip()


class SubjectCandidate(models.Model):
    """An account that could be a subject named by name only (complaints.subject_match): held out of the
    case (complaints.selectors.case_visible) until an advisor confirms who the subject is, then removed."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="candidates")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="complaint_subject_candidacies"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["subject", "user"], name="subject_candidate_once")]

    def __str__(self) -> str:
        return f"{self.subject_id} could be {self.user_id}"


class Allegation(models.Model):
    """One allegation with its IOPC category and outcome (C-ALLEGATION-SPLIT)."""

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="allegations")
    category = models.ForeignKey(ComplaintCategory, on_delete=models.PROTECT, related_name="allegations")
    description = models.TextField(blank=True)
    death_or_serious_injury = models.BooleanField(default=False)
    serious_assault = models.BooleanField(default=False)
    serious_sexual_offence = models.BooleanField(default=False)
    serious_corruption = models.BooleanField(default=False)
    discriminatory_criminal_or_misconduct = models.BooleanField(default=False)
    could_justify_criminal_or_disciplinary = models.BooleanField(default=False)
    article_2_or_3 = models.BooleanField(default=False)
    # Optional facts (API.md); null = not asked yet (see Complainant).
    conduct = models.BooleanField(
        null=True, blank=True, help_text="About someone's conduct, not only service or policy"
    )
    relevant_offence = models.BooleanField(
        null=True, blank=True, help_text="A sentence fixed by law, or 7 years or more (MR-RELEVANT-OFFENCE)"
    )
    about_senior_officer = models.BooleanField(
        null=True, blank=True, help_text="About an officer above chief superintendent, not the chief officer"
    )
    injury_details = models.JSONField(
        null=True, blank=True, help_text="Serious-injury details (C-SERIOUS-INJURY-DEF); [] = none"
    )
    outcome = models.ForeignKey(
        ComplaintOutcome, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The officers or staff the allegation is about (issue 23 part 3): repeat-subject counts read these.
    subjects = models.ManyToManyField(Subject, blank=True, related_name="allegations")
    history = HistoricalRecords(m2m_fields=[subjects])

    OPTIONAL_FACTS = ("conduct", "relevant_offence", "about_senior_officer", "injury_details")
    FLAGS = (
        "death_or_serious_injury",
        "serious_assault",
        "serious_sexual_offence",
        "serious_corruption",
        "discriminatory_criminal_or_misconduct",
        "could_justify_criminal_or_disciplinary",
        "article_2_or_3",
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.category.code}: {self.description[:60]}"


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


class ReviewApplication(models.Model):
    """An application for review (C-REVIEW-RIGHT, C-REVIEW-28D, C-REVIEW-OUTCOME)."""

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="reviews")
    received_on = models.DateField()
    in_time = models.BooleanField()
    body = models.CharField(max_length=30, choices=ReviewBody.choices)
    result = models.ForeignKey(
        ComplaintOutcome, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    recommendations = models.TextField(blank=True, help_text="The review body's recommendations, if any")
    notes = models.TextField(blank=True)
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"Review of case {self.case_id} received {self.received_on}"


class LessonLearned(models.Model):
    """A learning point, individual or organisational (C-LEARNING), linked to the cases it came from."""

    class Level(models.TextChoices):
        INDIVIDUAL = "individual", "Individual"
        ORGANISATIONAL = "organisational", "Organisational"

    title = models.CharField(max_length=200)
    description = models.TextField()
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.ORGANISATIONAL)
    category = models.ForeignKey(ComplaintCategory, null=True, blank=True, on_delete=models.PROTECT)
    cases = models.ManyToManyField(ComplaintCase, related_name="lessons", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


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


class ReviewRecommendation(models.Model):
    """One recommendation of a review body that upheld a review (C-REVIEW-RIGHT): the case is re-handled
    under it, and it is tracked to done (or answered, where the force does not follow it, with its
    reasons) by its owner and due date. The case cannot close again while one is open."""

    class Status(models.TextChoices):
        OPEN = "open", "To do"
        DONE = "done", "Done"
        ANSWERED = "answered", "Answered (not followed, reasons given)"

    review = models.ForeignKey(
        ReviewApplication, on_delete=models.PROTECT, related_name="recommendation_items"
    )
    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    response = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Recommendation on case {self.case_id}: {self.text[:60]}"


# ---------------------------------------------------------------- signposting (issue 23 part 2)
class SignpostOrganisation(models.Model):
    """An organisation advisors signpost people to: reference data the force extends
    (complaints/reference/signpost_organisations.csv, loaded by `manage.py load_reference`); one
    that is no longer used is retired, never deleted, so old signposts keep their meaning."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    contact = models.CharField(max_length=300, blank=True, help_text="How the person reaches them")
    retired_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Signposting(models.Model):
    """A case whose matter is for another organisation: which one, and why. Recorded with the case's
    outcome 'Signposted to another organisation' (complaints.services.signposting)."""

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="signpostings")
    organisation = models.ForeignKey(
        SignpostOrganisation, null=True, blank=True, on_delete=models.PROTECT, related_name="signpostings"
    )
    organisation_other = models.CharField(
        max_length=200, blank=True, help_text="An organisation not on the list, in words"
    )
    reason = models.TextField()
    signposted_on = models.DateField()
    signposted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-signposted_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(organisation__isnull=False) & models.Q(organisation_other=""))
                | (models.Q(organisation__isnull=True) & ~models.Q(organisation_other="")),
                name="signposting_one_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"Case {self.case_id} signposted to {self.organisation_name}"

    @property
    def organisation_name(self) -> str:
        return (
            self.organisation.name if self.organisation_id and self.organisation else self.organisation_other
        )


class RepeatThreshold(models.Model):
    """A repeat-subject alert threshold (issue 23 part 3): reference data the force can change, loaded from
    complaints/reference/repeat_thresholds.csv by `manage.py load_reference` (each change in history).
    `months` empty: any earlier allegation; `category_groups`: the letters of the category groups the
    newest allegation must be in (empty: any)."""

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    allegations = models.PositiveSmallIntegerField(help_text="How many allegations about one person")
    months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Within how many months (empty: any time before)"
    )
    category_groups = models.CharField(
        max_length=40, blank=True, help_text="Category group letters, e.g. 'F G J' (empty: any category)"
    )
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(allegations__gte=1), name="repeat_threshold_counts"),
            models.CheckConstraint(
                condition=models.Q(months__isnull=True) | models.Q(months__gte=1),
                name="repeat_threshold_months",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SubjectAlert(models.Model):
    """A repeat-subject alert (issue 23 part 3): which person, which threshold, which allegations, raised
    by complaints.services.alerts; a supervisor answers it within one working day."""

    person = models.ForeignKey(RosterPerson, on_delete=models.PROTECT, related_name="alerts")
    threshold = models.ForeignKey(RepeatThreshold, on_delete=models.PROTECT, related_name="alerts")
    # The threshold as it read when the alert was raised (the reference row may change later).
    threshold_rule = models.CharField(max_length=200)
    trigger = models.ForeignKey(Allegation, on_delete=models.PROTECT, related_name="+")
    allegations = models.ManyToManyField(Allegation, related_name="subject_alerts")
    raised_at = models.DateTimeField(default=timezone.now)
    response_due = models.DateField(db_index=True, help_text="One working day after it was raised")
    agrees = models.BooleanField(null=True, blank=True, help_text="The supervisor agrees action is needed")
    action_taken = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at", "-id"]
        indexes = [
            models.Index(
                fields=["response_due"], condition=models.Q(responded_at__isnull=True), name="alert_open_due"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(responded_at__isnull=True, agrees__isnull=True)
                | models.Q(responded_at__isnull=False, agrees__isnull=False),
                name="alert_answered_whole",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.threshold_rule}"

    @property
    def is_open(self) -> bool:
        return self.responded_at is None
