"""How every screen writes a date, a time and a rate (STYLE.md 12, "Labels, not codes"). A template
builtin (config.settings TEMPLATES "builtins"), so no page needs `{% load %}` and no page formats its
own: `{{ crime.recorded_at|when }}` "28 Nov 14:05", `{{ amendment.due_on|day }}` "3 Dec", and with the
year when it is not this year ("28 Nov 2025"); `{{ rate|percent }}` "87.5%" from the fraction 0.875
that the API and the exports carry (shared/contracts/API.md)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils import timezone

register = template.Library()


def _this_year() -> int:
    return timezone.localdate().year


@register.filter
def day(value: date | datetime | None) -> str:
    """'28 Nov' this year, '28 Nov 2025' otherwise; '' for none. A datetime reads as its local date."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    text = f"{value.day} {value:%b}"
    return text if value.year == _this_year() else f"{text} {value.year}"


@register.filter
def when(value: datetime | None, precision: str = "") -> str:
    """'28 Nov 14:05' this year, '28 Nov 2025 14:05' otherwise (local time); '' for none.
    `|when:"seconds"` adds the seconds, for audit trails ('28 Nov 14:05:09')."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime):
        return day(value)
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    clock = f"{local:%H:%M:%S}" if precision == "seconds" else f"{local:%H:%M}"
    return f"{day(local.date())} {clock}"


@register.filter
def percent(value: float | None, places: int = 1) -> str:
    """A fraction in [0, 1] as a percentage: 0.875 -> '87.5%', 1 -> '100%'; '–' when there is none."""
    if value is None or value == "":
        return "–"
    exact = Decimal(str(value)) * 100  # from the decimal text, so 0.2065 is 20.65 and rounds up
    text = str(exact.quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


@register.filter
def record_type(code: str) -> str:
    """An access-log record type in words ('qa.RapeReview' -> 'Rape review')."""
    from staffing.access_audit import record_type_label

    return record_type_label(code or "")
