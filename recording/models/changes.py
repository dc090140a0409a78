"""Changes to a recorded crime that a second person decides: reclassification (R-CLASSIFY,
R-RECLASSIFY), cancellation under a Section C criterion (R-CANCEL-*) and transfer between forces
(R-LOCATION, R-TRANSFER-PROTOCOL)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from recording.models.crimes import Crime
from recording.models.reference import CancellationCriterion, Force, Offence, OffenceCode


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
