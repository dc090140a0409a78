from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

# ---------------------------------------------------------------- reference data
# Loaded from recording/reference/*.csv by `manage.py load_reference`. Codes are data, never code: a
# correction to the Home Office list is a change to the CSV, not to Python.


class Offence(models.Model):
    """A Home Office offence classification (HOCR notifiable offences list)."""

    code = models.CharField(max_length=12, unique=True)
    title = models.CharField(max_length=200)
    category = models.CharField(max_length=100)
    victim_based = models.BooleanField()
    notifiable = models.BooleanField(default=True)
    seriousness_rank = models.PositiveSmallIntegerField(help_text="1 = most serious (R-PRINCIPAL)")
    restricted = models.BooleanField(help_text="Need-to-know class (R-RESTRICTED)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class HomeOfficeOutcome(models.Model):
    """A Home Office outcome type (R-OUTCOME-ASSIGN) and its preconditions."""

    code = models.CharField(max_length=6, unique=True)
    title = models.CharField(max_length=200)
    group = models.CharField(max_length=60)
    requires_suspect = models.BooleanField()
    requires_victim_view = models.BooleanField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class CancellationCriterion(models.Model):
    """A HOCR Section C criterion under which a recorded crime may be removed."""

    code = models.CharField(max_length=4, unique=True)
    title = models.CharField(max_length=300)
    needs_ddm_approval = models.BooleanField()
    evidence_required = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class NsirCode(models.Model):
    """An incident (NSIR) code; `crime_related` decides whether the sweep flags an incident."""

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    incident_category = models.CharField(max_length=60)
    crime_related = models.BooleanField()
    hidden_crime_risk = models.BooleanField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = "NSIR code"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
