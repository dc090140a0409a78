"""Allocation: who is working on a work item of any app."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords

from staffing.models.people import Skill, Team


class Allocation(models.Model):
    """Who is working on one work item of any app (a crime, a flag, a dip-test sample, a complaint ...).
    The item is reached through a generic relation, so staffing never imports the apps above it.
    At most one open allocation per item (a partial unique constraint)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        REASSIGNED = "reassigned", "Reassigned"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    item_label = models.CharField(max_length=200, blank=True)
    skill = models.CharField(max_length=30, choices=Skill.choices)
    weight = models.PositiveSmallIntegerField(default=1)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="allocations"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations"
    )
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["assigned_to", "status"]),
            models.Index(fields=["team", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(status="open"),
                name="allocation_one_open_per_item",
            ),
            models.CheckConstraint(condition=models.Q(weight__gte=1), name="allocation_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.item_label or self.object_id} → {self.assigned_to_id} ({self.status})"
