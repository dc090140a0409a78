"""Who saw what (the access log), and the API keys people sign in with."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class AccessLog(models.Model):
    """Every view of a restricted record (sexual offences, complaints, personnel matters): who, when,
    what and the purpose given. Append-only: there is no service that edits or deletes a row."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_logs")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    record_type = models.CharField(max_length=60)
    record_id = models.CharField(max_length=60)
    record_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=30, default="view")
    purpose = models.CharField(max_length=300, blank=True)
    path = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [
            models.Index(fields=["record_type", "record_id", "-at"]),
            models.Index(fields=["user", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.action} {self.record_type}:{self.record_id} at {self.at:%Y-%m-%d %H:%M}"


class ApiKey(models.Model):
    """A person's API key (`Authorization: Token <key>`). Only a digest of the key is stored, so nobody
    (an administrator, a database reader, a backup) can read a key and act as its owner; the owner sees
    it once, when they make or rotate it on their profile page. `credentials` is a digest of the owner's
    password and role when the key was made: a key stops working as soon as either changes, whatever
    changed it (staffing.authentication.ApiKeyAuthentication compares them on every request)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_key")
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text="The key's first characters, to recognise it by.")
    credentials = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["digest", "credentials"])

    class Meta:
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.user} ({self.prefix}…)"
