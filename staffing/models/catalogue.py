"""The rule catalogue (issue 16 part 5)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class Rule(models.Model):
    """One rule of the catalogue Resolve cites (R-… crime recording, C-… complaints): its words, where
    it comes from and whether that source was checked. Loaded from staffing/reference/rules.csv like
    the other reference tables, so a changed rule is a reloaded row with a history entry and reason."""

    class Domain(models.TextChoices):
        CRIME = "crime", "Crime recording"
        COMPLAINTS = "complaints", "Complaints"

    code = models.CharField(max_length=40, unique=True, help_text="The stable ID cited, e.g. R-NCRS-24H.")
    domain = models.CharField(max_length=10, choices=Domain.choices)
    section = models.CharField(max_length=120, help_text="The heading it sits under in the domain notes.")
    words = models.TextField(help_text="What the rule says, in plain words.")
    sources = models.TextField(help_text="Where it comes from: one source per line.")
    verified = models.BooleanField(help_text="False when the domain notes mark it unverified.")
    note = models.CharField(max_length=300, blank=True, help_text="The caveat the domain notes attach.")
    position = models.PositiveSmallIntegerField(help_text="Order in the catalogue (the notes' order).")
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.code

    @property
    def source_lines(self) -> list[str]:
        return self.sources.splitlines()
