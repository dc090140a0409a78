"""Reference data: the IOPC categories and outcomes and the organisations advisors signpost to, loaded
from complaints/reference/*.csv by `manage.py load_reference`. The IOPC sub-category numbers are unverified
(DOMAIN-complaints.md §16): they stay editable data, never enums in code."""

from __future__ import annotations

import datetime as dt

from django.db import models
from simple_history.models import HistoricalRecords


class CategoryQuerySet(models.QuerySet["ComplaintCategory"]):
    def in_force(self, day: dt.date) -> CategoryQuerySet:
        """The categories of the list in force on `day`: a new allegation takes one of these."""
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(retired_on__isnull=True) | models.Q(retired_on__gt=day),
        )


class ComplaintCategory(models.Model):
    """An IOPC complaint category (one per allegation, C-ALLEGATION-SPLIT). The list changes as the IOPC
    publishes it (reference/complaint_categories.csv, versioned by the date each row takes effect): a
    retired category names the one its allegations were moved to, so every stored allegation keeps its
    meaning under a category in force."""

    code = models.CharField(max_length=6, unique=True)
    title = models.CharField(max_length=200)
    group = models.CharField(max_length=100)
    valid_from = models.DateField(
        null=True, blank=True, help_text="First day this category is used; empty: on every list so far."
    )
    retired_on = models.DateField(
        null=True, blank=True, help_text="From this day the category is no longer used."
    )
    replaced_by = models.CharField(
        max_length=6, blank=True, help_text="The category a retired one's allegations were moved to."
    )
    history = HistoricalRecords()

    objects = CategoryQuerySet.as_manager()

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


class SignpostOrganisation(models.Model):
    """An organisation advisors signpost people to: reference data the force extends
    (complaints/reference/signpost_organisations.csv, loaded by `manage.py load_reference`); one
    that is no longer used is retired, never deleted, so old signposts keep their meaning."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    contact = models.CharField(max_length=300, blank=True, help_text="How the person reaches them")
    retired_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
