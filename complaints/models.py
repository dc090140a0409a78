from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

# ---------------------------------------------------------------- reference data
# Loaded from complaints/reference/*.csv by `manage.py load_reference`. The IOPC sub-category numbers
# are unverified (DOMAIN-complaints.md §16): they stay editable data, never enums in code.


class ComplaintCategory(models.Model):
    """An IOPC complaint category (one per allegation, C-ALLEGATION-SPLIT)."""

    code = models.CharField(max_length=6, unique=True)
    title = models.CharField(max_length=200)
    group = models.CharField(max_length=100)
    history = HistoricalRecords()

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
