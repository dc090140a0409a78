"""Catching up the nightly dip-test after missed nights (broker, beat or worker down).

The nightly run draws every day after the most recent dip-test up to yesterday, oldest first, at most
RESOLVE_DIPTEST_CATCHUP_DAYS of them. Each draw is idempotent (one dip-test per date, R-DIP-TEST), so a
redelivered or repeated run draws nothing twice."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings

from qa.models import DipTest
from qa.services.dip_test import dip_test_draw


def missed_days(*, yesterday: date, limit: int) -> list[date]:
    """Days from the one after the latest dip-test to `yesterday`, the last `limit` of them; just
    `yesterday` when no dip-test was ever drawn."""
    latest = (
        DipTest.objects.filter(date__lte=yesterday).order_by("-date").values_list("date", flat=True).first()
    )
    if latest is None:
        return [yesterday]
    days = [latest + timedelta(days=n) for n in range(1, (yesterday - latest).days + 1)]
    return days[-limit:] if limit > 0 else []


def dip_test_catch_up(*, yesterday: date, limit: int | None = None) -> list[DipTest]:
    """Draw each missed day's dip-test (oldest first), ending with yesterday's."""
    limit = settings.RESOLVE_DIPTEST_CATCHUP_DAYS if limit is None else limit
    drawn = [dip_test_draw(day=day) for day in missed_days(yesterday=yesterday, limit=limit)]
    if not drawn or drawn[-1].date != yesterday:
        drawn.append(dip_test_draw(day=yesterday))
    return drawn
