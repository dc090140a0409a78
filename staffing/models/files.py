"""Files on records (issue 22 part 6): stored through Django's storage API under their record."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


def record_file_path(instance: RecordFile, filename: str) -> str:
    """Where a file's bytes are stored: under its record, by a random name (the person's file name is
    kept on the row, never trusted as a path)."""
    return f"records/{instance.record_type}/{instance.record_id}/{uuid.uuid4().hex}"


def evidence_storage() -> Storage:
    """The storage evidence files go to (STORAGES["evidence"]: the filesystem, or an S3-compatible store
    when configured from the environment). A callable, so migrations never record the backend."""
    return storages["evidence"]


class RecordFile(models.Model):
    """A file held on a record (a crime, a complaint case: staffing.records): a statement, a letter
    received, a medical letter, a body-worn-video reference. Never deleted: a file is withdrawn with a
    reason and stays, with its history, for the record's retention review. Written only by
    staffing.services.files."""

    record_type = models.CharField(max_length=40, help_text="The record kind's key, e.g. crime.")
    record_id = models.PositiveBigIntegerField()
    file = models.FileField(upload_to=record_file_path, storage=evidence_storage, max_length=300)
    name = models.CharField(max_length=255, help_text="The file's name as uploaded.")
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=120, help_text="The type read from the content.")
    sha256 = models.CharField(max_length=64)
    description = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["record_type", "record_id", "uploaded_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True, withdrawn_by__isnull=True, withdrawn_reason="")
                | (
                    models.Q(withdrawn_at__isnull=False, withdrawn_by__isnull=False)
                    & ~models.Q(withdrawn_reason="")
                ),
                name="staffing_record_file_withdrawn_with_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.record_type} {self.record_id})"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None
