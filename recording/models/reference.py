"""Reference data: the Home Office offence classes and codes, outcome types, cancellation criteria and
NSIR codes, loaded from recording/reference/*.csv by `manage.py load_reference` (codes are data, never
code: a correction to the Home Office list is a change to the CSV, not to Python); and the directory of
other forces crimes are transferred to or from (R-LOCATION, Annex A)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


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


class OffenceCode(models.Model):
    """A Home Office offence code (e.g. 125/9) under its class, with the counting marker the HOCR
    classification pages print against it (recording/reference/ho_offence_codes.csv and its .md).

    The marker decides how a crime of this offence is counted and overrides the class's
    `victim_based`: V one crime per victim (R-ONE-PER-VICTIM, taking part in R-PRINCIPAL), S per
    offender or offender group (R-VICTIMLESS-COUNT), S/V per person exploited where one is named and
    per offender otherwise. A code can be printed twice (1/1: murder, genocide), so a row is one code
    and title."""

    class Counting(models.TextChoices):
        VICTIM = "V", "Victim-based: one crime per victim"
        STATE = "S", "State-based: one crime per offender or group"
        EITHER = "S/V", "Per person exploited where one is named, otherwise per offender"

    code = models.CharField(max_length=20, db_index=True)
    offence_class = models.ForeignKey(Offence, on_delete=models.PROTECT, related_name="offence_codes")
    title = models.CharField(max_length=300)
    legislation = models.CharField(max_length=300, blank=True)
    counting = models.CharField(max_length=3, choices=Counting.choices)
    source = models.URLField(max_length=500, help_text="The copy of the HOCR page the row was read from.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["offence_class__code", "id"]
        verbose_name = "Home Office offence code"
        constraints = [
            models.UniqueConstraint(fields=["code", "title"], name="offence_code_code_title_uniq"),
        ]

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


class Force(models.Model):
    """Another police force that crimes are transferred to or from (R-TRANSFER-PROTOCOL).
    Maintained by sergeants; every change is in the history."""

    code = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=120)
    iopc_name = models.CharField(
        "IOPC short name", max_length=60, blank=True, help_text="As the IOPC prints it in its statistics."
    )
    territorial = models.BooleanField(
        default=True, help_text="False for British Transport Police, which polices the railways."
    )
    transfer_email = models.EmailField("crime-transfer contact email", blank=True)
    transfer_phone = models.CharField("crime-transfer contact phone", max_length=40, blank=True)
    notes = models.TextField(blank=True)
    last_verified = models.DateField(
        null=True, blank=True, help_text="When the contact details were last checked."
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
