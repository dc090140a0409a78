"""Bench figure for the public complaint form (issue 23 part 1): one submission made into an intake case
(public_complaint_submit: the case, its complainant, allegation and subject, the case log row and the
reference counter) on the bench's busy database, p95 in milliseconds, beside the floor of the same case
logged through the advisors' own intake (complaint_create). Each run is rolled back, so the bench data
stays as built."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from bench import data
from bench.measure import Figure

RUNS, RUNS_SMALL = 60, 20
TEXT = "An officer shouted at me outside the station and would not give me his number. " * 20


def _rolled_back(fn: Callable[[], object]) -> float:
    """Milliseconds for `fn` inside a transaction that is then rolled back."""
    with transaction.atomic():
        start = time.perf_counter()
        fn()
        took = (time.perf_counter() - start) * 1000
        transaction.set_rollback(True)
    return took


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def measure_public_form(built: data.Built, *, repeat: int, small: bool) -> Figure:
    from complaints.services import complaint_create
    from complaints.services.public import PublicSubmission, public_complaint_submit

    figure = Figure(
        key="public_form_submit_p95_ms",
        title="Public complaint form: one submission made into an intake case (p95)",
        unit="ms",
        kind="max",
        threshold=250.0,
    )
    submission = PublicSubmission(
        kind="complaint",
        what_happened=TEXT,
        about="rude",
        people_involved="PC Smith",
        collar_number="4471",
        anonymous=True,
        name="Jo Secret",
        email="jo@example.org",
        subject_of_conduct=True,
    )
    advisor = built.people.advisors[0]
    runs = RUNS_SMALL if small else RUNS

    def advisors_intake() -> object:
        return complaint_create(
            actor=advisor,
            kind="complaint",
            received_at=timezone.now(),
            channel="web",
            summary=TEXT,
            complainants=[{"name": "Jo Secret", "subject_of_conduct": True}],
            allegations=[{"category": "H1", "description": TEXT[:500]}],
            subjects=[{"kind": "officer", "name": "PC Smith", "collar_number": "4471"}],
        )

    for _ in range(repeat):
        figure.samples.append(
            _p95([_rolled_back(lambda: public_complaint_submit(submission=submission)) for _ in range(runs)])
        )
        figure.floor.append(_p95([_rolled_back(advisors_intake) for _ in range(runs)]))
    figure.floor_what = "the same case logged through the advisors' intake (complaint_create), p95"
    figure.note = f"{runs} submissions a sample, each rolled back"
    return figure
