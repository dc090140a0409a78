"""Input fields with the bounds every Resolve input shares (issue 17 part 6).

A time outside 1900-2100 is never a real report, shift or complaint, and near the ends of Python's
range it breaks arithmetic (`reported_at + 24 h` past year 9999) and rendering for everyone who later
opens a list holding it. So every date and time that comes in, through a form or the API, goes
through one of these fields (tests/test_hostile_roots.py checks no bare Django/DRF date field is
declared elsewhere), and the incident feed applies the same check to its rows."""

from __future__ import annotations

from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from rest_framework import serializers

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
OUT_OF_RANGE = "Give a date between 1900 and 2100."


def within_bounds(value: date | datetime) -> bool:
    day = value.date() if isinstance(value, datetime) else value
    return EARLIEST <= day <= LATEST


def validate_within_bounds(value: date | datetime | None) -> None:
    if value is not None and not within_bounds(value):
        raise ValidationError(OUT_OF_RANGE, code="out_of_range")


class DateField(forms.DateField):
    default_validators = [validate_within_bounds]


class DateTimeField(forms.DateTimeField):
    default_validators = [validate_within_bounds]


class ApiDateField(serializers.DateField):
    default_validators = [validate_within_bounds]


class ApiDateTimeField(serializers.DateTimeField):
    default_validators = [validate_within_bounds]


class ApiAwareDateTimeField(ApiDateTimeField):
    """An ISO-8601 time that must carry its offset (`Z` or `+01:00`), as API.md's conventions say: a
    bare date or a time without one is refused rather than read as London time."""

    default_error_messages = {
        "naive": "Give the time with its offset, e.g. 2026-03-01T14:05:00Z.",
    }

    def enforce_timezone(self, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            self.fail("naive")
        return super().enforce_timezone(value)
