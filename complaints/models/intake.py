"""What intake records on a case: who complains (with their masked details and equality data), about
whom, and each allegation."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from complaints.models.cases import ComplaintCase
from complaints.models.reference import ComplaintCategory, ComplaintOutcome
from complaints.rules import ADULT_AGE, MAX_AGE
from staffing.models import ReasonableAdjustment


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
        return self.describe(self.kind, self.name, self.collar_number)

    @classmethod
    def describe(cls, kind: str, name: str, collar_number: str) -> str:
        """How a subject is named on screens, from its values (a case list reads them without instances)."""
        if kind in (cls.Kind.FORCE, cls.Kind.CHIEF_OFFICER):
            return str(cls.Kind(kind).label)
        return f"{name} ({collar_number})" if collar_number else name


class SubjectCandidate(models.Model):
    """An account that could be a subject named by name only (complaints.rules.subject_match): held out of the
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
