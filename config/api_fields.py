"""Serializer fields every app's API shares."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from config.fields import ApiDateTimeField


class AwareDateTimeField(ApiDateTimeField):
    """An ISO-8601 time that must carry its offset (`Z` or `+01:00`), as API.md's conventions say: a
    bare date or a time without one is refused rather than read as London time."""

    default_error_messages = {
        "naive": "Give the time with its offset, e.g. 2026-03-01T14:05:00Z.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(default_timezone=UTC, **kwargs)

    def enforce_timezone(self, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            self.fail("naive")
        return super().enforce_timezone(value)
