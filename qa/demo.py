"""Demo data for QA: run the sweep, draw yesterday's dip-test and queue the rape review over whatever
the recording app seeded (deterministic: the draw is reproducible from the date and the seed)."""

from __future__ import annotations

import random
from typing import TextIO

from config.exceptions import DomainError
from qa.models import DipSample, UnrecordedFlag
from qa.services.dip_test import dip_test_draw
from qa.services.flags import flag_assign
from qa.services.hidden_crimes import hidden_crime_screen
from qa.services.rape_review import rape_review_queue
from qa.services.sweep import sweep_unrecorded
from qa.services.timing import previous_day
from staffing.models import Skill, User
from staffing.services import allocation_assign


def seed_qa(rng: random.Random, out: TextIO) -> None:
    result = sweep_unrecorded()
    screened = hidden_crime_screen()  # before the dip-test: it stratifies on the screen's scores
    day = previous_day()
    dip_test = dip_test_draw(day=day)
    queued = rape_review_queue(day=day)
    allocated = _allocate_some(rng)
    out.write(
        f"QA: {result.open} open unrecorded-incident flag(s); {screened.open} possible hidden crime(s) "
        f"from {screened.screened} narrative(s) screened; dip-test of {day} sampled "
        f"{dip_test.samples.count()} item(s); {queued} report(s) queued for rape review; "
        f"{allocated} flag(s) and sample(s) allocated through staffing.\n"
    )


def _allocate_some(rng: random.Random) -> int:
    """Allocate about half the open flags and a few samples through staffing's allocation service, so
    the workload and allocation screens have something to show and some work is left to allocate."""
    sergeant = User.objects.filter(role=User.Role.SERGEANT, is_active=True).order_by("username").first()
    investigators = list(
        User.objects.filter(role=User.Role.INVESTIGATOR, is_active=True).order_by("username")
    )
    if sergeant is None or not investigators:
        return 0
    made = 0
    flags = list(UnrecordedFlag.objects.filter(status=UnrecordedFlag.Status.OPEN).order_by("pk"))
    for flag in flags[: len(flags) // 2]:
        try:
            flag_assign(
                flag_id=flag.pk,
                investigator=rng.choice(investigators),
                actor=sergeant,
                reason="Demo: the investigator knows the caller",
            )
        except DomainError:
            continue
        made += 1
    for sample in DipSample.objects.filter(audited_at__isnull=True).order_by("pk")[:4]:
        try:  # the suggestion: whoever is on shift, trained and least loaded, across every team
            allocation_assign(
                item=sample,
                skill=Skill.DIP_TEST_AUDITOR,
                weight=1,
                assignee=None,
                actor=sergeant,
                team=None,
            )
        except DomainError:
            continue
        made += 1
    return made
