"""Demo data for QA: run the sweep, draw yesterday's dip-test and queue the rape review over whatever
the recording app seeded (deterministic: the draw is reproducible from the date and the seed)."""

from __future__ import annotations

import random
from typing import TextIO

from qa.services.dip_test import dip_test_draw
from qa.services.rape_review import rape_review_queue
from qa.services.sweep import sweep_unrecorded
from qa.services.timing import previous_day


def seed_qa(rng: random.Random, out: TextIO) -> None:
    result = sweep_unrecorded()
    day = previous_day()
    dip_test = dip_test_draw(day=day)
    queued = rape_review_queue(day=day)
    out.write(
        f"QA: {result.open} open unrecorded-incident flag(s); dip-test of {day} sampled "
        f"{dip_test.samples.count()} item(s); {queued} report(s) queued for rape review.\n"
    )
