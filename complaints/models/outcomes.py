"""After the outcome: review applications and their recommendations, lessons learned, and signposting
to another organisation (issue 23 part 2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from complaints.models.cases import ComplaintCase, ReviewBody
from complaints.models.reference import ComplaintCategory, ComplaintOutcome, SignpostOrganisation


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
