"""The figures of issue 9, each measured `repeat` times on the bench database and compared with the floor
PostgreSQL itself gives on the same data in the same run."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command, get_commands
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

from bench import data
from bench.bundle import measure_review_bundle
from bench.copyload import copy_lines, row_formatter
from bench.http import HTTP_KEYS, measure_http
from bench.measure import (
    ROOT,
    Figure,
    execute,
    replay_p95_ms,
    timed,
)
from recording.models import ImportBatch, Incident
from staffing.services import user_token

logger = logging.getLogger("bench")

FEED_BATCH = 5_000


def has_url(path: str) -> bool:
    try:
        resolve(path.split("?")[0])
    except Resolver404:
        return False
    return True


def has_command(name: str) -> bool:
    return name in get_commands()


def unmeasurable(figure: Figure, why: str) -> Figure:
    figure.measurable = False
    figure.note = why
    return figure


# ---------------------------------------------------------------- the incident feed (CSV and API)
def _max_ids() -> tuple[int, int]:
    incident = execute(f"SELECT COALESCE(max(id), 0) FROM {Incident._meta.db_table}")[0][0]  # noqa: S608
    batch = execute(f"SELECT COALESCE(max(id), 0) FROM {ImportBatch._meta.db_table}")[0][0]  # noqa: S608
    return int(incident), int(batch)


def _delete_after(ids: tuple[int, int]) -> None:
    execute(f"DELETE FROM {Incident._meta.db_table} WHERE id > %s", [ids[0]])  # noqa: S608
    execute(f"DELETE FROM {ImportBatch._meta.db_table} WHERE id > %s", [ids[1]])  # noqa: S608


def _raw_copy_rate(rows: list[dict[str, Any]]) -> float:
    """Rows per second of COPY of the same rows, already in table form, into the incident table: each
    with its import batch, as the product stores it (the batch's foreign key is checked per row, as the
    NSIR code's is)."""
    columns, line = row_formatter(Incident, with_id=False)
    before = _max_ids()
    batch = ImportBatch.objects.create(source=ImportBatch.Source.CSV, source_name="floor")
    lines = [line({**r, "import_batch_id": batch.pk}) for r in rows]
    seconds = timed(lambda: copy_lines(Incident._meta.db_table, columns, lines))
    _delete_after(before)
    return len(rows) / seconds


FEED_FIELDS = (
    "reference",
    "opened_at",
    "nsir_code",
    "summary",
    "location",
    "grade",
    "crime_number",
    "closed_at",
)


def _feed_record(row: dict[str, Any], *, missing: str | None) -> dict[str, Any]:
    """A built incident row as the feed sends it (times in ISO 8601); `missing` stands for an absent
    crime number or closing time ("" in CSV, None in JSON)."""
    record = {field: row[field] for field in FEED_FIELDS}
    record["opened_at"] = row["opened_at"].isoformat()
    record["closed_at"] = row["closed_at"].isoformat() if row["closed_at"] else missing
    record["crime_number"] = row["crime_number"] or missing
    return record


def _csv_text(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FEED_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_feed_record(r, missing="") for r in rows)
    return out.getvalue()


def _stored(before: tuple[int, int]) -> int:
    return int(execute(f"SELECT count(*) FROM {Incident._meta.db_table} WHERE id > %s", [before[0]])[0][0])  # noqa: S608


def _rows_per_s_stored(run: Callable[[], Any], *, rows: int, what: str) -> float:
    """Time `run`, check it stored exactly `rows` new incidents, remove them again; rows per second."""
    before = _max_ids()
    seconds = timed(run)
    stored = _stored(before)
    if stored != rows:
        raise RuntimeError(f"{what} stored {stored} of {rows} rows")
    _delete_after(before)
    return rows / seconds


def feed_size(built: data.Built) -> int:
    return max(FEED_BATCH, min(50_000, built.incidents // 40 // FEED_BATCH * FEED_BATCH))


def measure_import(built: data.Built, *, repeat: int, tmp: Path) -> Figure:
    figure = Figure(
        "import_rows_per_s", "CSV import (`import_incidents`)", "rows/s", "ratio_min", 0.8,
        floor_what="raw COPY of the same rows, with their import batch, into the incident table",
    )  # fmt: skip
    if not has_command("import_incidents"):
        return unmeasurable(figure, "`import_incidents` is not on this branch yet")
    n = feed_size(built)
    for rep in range(repeat):
        rows = list(data.incident_feed_rows(count=n, prefix=f"IMP{rep}", now=built.now, seed=rep))
        figure.floor.append(_raw_copy_rate(rows))
        path = tmp / f"import-{rep}.csv"
        path.write_text(_csv_text(rows))
        figure.samples.append(
            _rows_per_s_stored(
                lambda p=path: call_command("import_incidents", str(p), stdout=io.StringIO()),  # type: ignore[misc]
                rows=n,
                what="import_incidents",
            )
        )
    figure.note = f"{n:,} rows a run"
    return figure


def measure_feed_api(built: data.Built, *, repeat: int, token: str) -> Figure:
    path = "/api/v1/incidents/bulk/"
    figure = Figure(
        "feed_api_rows_per_s", "Incident feed API (5,000 a request)", "rows/s", "ratio_min", 0.8,
        floor_what="raw COPY of the same rows, with their import batch, into the incident table",
    )  # fmt: skip
    if not has_url(path):
        return unmeasurable(figure, "POST /api/v1/incidents/bulk/ is not on this branch yet")
    n = feed_size(built)
    client = Client()
    for rep in range(repeat):
        rows = list(data.incident_feed_rows(count=n, prefix=f"API{rep}", now=built.now, seed=100 + rep))
        figure.floor.append(_raw_copy_rate(rows))
        bodies = [
            json.dumps({"incidents": [_feed_record(r, missing=None) for r in rows[i : i + FEED_BATCH]]})
            for i in range(0, n, FEED_BATCH)
        ]

        def send(bodies: list[str] = bodies) -> None:
            for body in bodies:
                response = client.post(
                    path, data=body, content_type="application/json", HTTP_AUTHORIZATION=f"Token {token}"
                )
                if response.status_code != 200:
                    raise RuntimeError(
                        f"feed API answered {response.status_code}: {response.content[:300]!r}"
                    )

        figure.samples.append(_rows_per_s_stored(send, rows=n, what="feed API"))
    figure.note = f"{n:,} rows a run in {n // FEED_BATCH} requests, Django test client in-process"
    return figure


# ---------------------------------------------------------------- the sweep
def measure_sweep(built: data.Built, *, repeat: int) -> list[Figure]:
    first = Figure(
        "sweep_first_run_s", "Sweep: first full run", "s", "ratio_max", 1.5,
        floor_what="one statement writing the same flags and their history rows",
    )  # fmt: skip
    again = Figure("sweep_repeat_s", "Sweep: repeat run, nothing new", "s", "max", 0.5)
    rss = Figure("sweep_peak_rss_mb", "Sweep worker peak memory (RSS)", "MB", "max", 300)
    if not has_command("sweep_unrecorded"):
        why = "`sweep_unrecorded` is not on this branch yet"
        return [unmeasurable(f, why) for f in (first, again, rss)]
    from qa import rules
    from qa.models import SweepRun, UnrecordedFlag
    from qa.services.sweep import sweep_unrecorded

    flags = UnrecordedFlag._meta.db_table
    history = UnrecordedFlag.history.model._meta.db_table
    incidents = Incident._meta.db_table

    runs = SweepRun._meta.db_table

    def reset() -> None:
        execute(f"TRUNCATE {flags}, {history}, {runs} RESTART IDENTITY")

    def fingerprint() -> tuple[int, int]:
        query = f"SELECT count(*), COALESCE(sum(incident_id), 0) FROM {flags} WHERE status = 'open'"  # noqa: S608
        count, total = execute(query)[0]
        return int(count), int(total)

    now = dt.datetime.now(dt.UTC)
    cutoff = rules.sweep_cutoff(now, settings.RESOLVE_SWEEP_GRACE_HOURS)
    sort_key = any(f.name == "incident_opened_at" for f in UnrecordedFlag._meta.fields)
    extra_col, extra_val = (", incident_opened_at", ", i.opened_at") if sort_key else ("", "")
    insert = f"""
        INSERT INTO {flags}
            (incident_id, flagged_at, status, resolved_crime_number, dismiss_reason,
             escalation_note{extra_col})
        SELECT i.id, %s, 'open', '', '', ''{extra_val} FROM {incidents} i
        WHERE i.crime_related AND i.crime_number IS NULL AND i.opened_at < %s
    """  # noqa: S608
    tracked = ", ".join(
        f.column
        for f in UnrecordedFlag.history.model._meta.concrete_fields
        if not f.name.startswith("history_")
    )
    with_history = f"""
        WITH made AS ({insert} RETURNING *)
        INSERT INTO {history} ({tracked}, history_date, history_change_reason, history_type)
        SELECT {tracked}, %s, 'bench', '+' FROM made
    """  # noqa: S608
    # The floor writes what the sweep must: each flag and its history row (R-NSIR-AUDIT-TRAIL). The bare
    # INSERT of the flags alone is kept for the note.
    bare: list[float] = []
    for _ in range(repeat):
        reset()
        bare.append(timed(lambda: execute(insert, [now, cutoff])))
        expected = fingerprint()
        reset()
        first.floor.append(timed(lambda: execute(with_history, [now, cutoff, now])))
        reset()
        first.samples.append(timed(lambda: sweep_unrecorded(now=now)))
        if fingerprint() != expected:
            raise RuntimeError(f"the sweep's flags {fingerprint()} differ from the SQL's {expected}")
        again.samples.append(timed(lambda: sweep_unrecorded(now=now)))
    bare_s = statistics.median(bare)
    first.note = (
        f"{expected[0]:,} flags, each with its history row; the flags alone (no history) take {bare_s:.3f} s "
        f"(sweep / that = {statistics.median(first.samples) / bare_s:.2f}); the sweep's time includes its "
        "ANALYZE of the flags table (issue 24 part 3)"
    )
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run([sys.executable, 'manage.py', 'sweep_unrecorded'],\n"
        "               check=True, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    for _ in range(min(repeat, 3)):
        reset()
        out = subprocess.run(  # noqa: S603
            [sys.executable, "-c", probe],
            cwd=ROOT,
            env=dict(os.environ),
            check=True,
            capture_output=True,
            text=True,
        )
        rss.samples.append(int(out.stdout.strip().splitlines()[-1]) / 1024)
    again.note = (
        "incremental: reads what changed since the first run (qa.models.SweepRun watermarks); the built "
        "incidents' updated_at are spread over the days before the build, so it reads only what is new"
    )
    rss.note = "`manage.py sweep_unrecorded` from empty flags, ru_maxrss of the child"
    return [first, again, rss]


# ---------------------------------------------------------------- nightly dip-test sampling
def measure_dip_test(built: data.Built, *, repeat: int) -> Figure:
    figure = Figure("diptest_sampling_s", "Nightly dip-test sampling", "s", "max", 2.0)
    try:
        from qa.models import DipTest
        from qa.services.dip_test import dip_test_draw
        from qa.services.timing import previous_day
    except ImportError:
        return unmeasurable(figure, "the dip-test sampling service is not on this branch yet")
    day = previous_day(built.now)

    def reset() -> None:
        DipTest.objects.filter(date=day).delete()

    reset()
    for _ in range(repeat):
        figure.samples.append(timed(lambda: dip_test_draw(day=day)))
        reset()
    with CaptureQueriesContext(connection) as ctx:
        dip_test = dip_test_draw(day=day)
    sampled = dip_test.samples.count()
    reset()
    statements = [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    figure.floor = [ms / 1000 for ms in replay_p95_ms(statements, repeats=repeat)]
    figure.floor_what = f"its {len(statements)} SELECTs replayed"
    population = sum(int(n) for n in dip_test.populations.values())
    figure.note = f"`dip_test_draw` for {day}: {sampled} sampled of {population:,} units"
    return figure


FIGURE_KEYS = [
    "import_rows_per_s",
    "feed_api_rows_per_s",
    "sweep_first_run_s",
    "sweep_repeat_s",
    "sweep_peak_rss_mb",
    "diptest_sampling_s",
    *HTTP_KEYS,  # the page and API figures, in bench.http's order
    "screen_night_s",
    "screen_million_s",
    "review_bundle_200_files_s",
    "public_form_submit_p95_ms",
]


def _step(name: str, fn: Callable[[], Any]) -> Any:
    logger.info("measuring %s", name)
    return fn()


def measure_all(
    built: data.Built, *, repeat: int, small: bool, out: Path, only: list[str] | None = None
) -> list[Figure]:
    """Every figure, or those whose keys are in `only` (a group is measured when any of its keys is)."""
    wanted = set(only or FIGURE_KEYS)

    def want(*keys: str) -> bool:
        return bool(wanted & set(keys))

    env = dict(os.environ)
    admin_token = user_token(user=built.people.admin)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="resolve-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if want("import_rows_per_s"):
            figures.append(_step("import", lambda: measure_import(built, repeat=repeat, tmp=tmp)))
        if want("feed_api_rows_per_s"):
            figures.append(
                _step("feed API", lambda: measure_feed_api(built, repeat=repeat, token=admin_token))
            )
        execute("VACUUM ANALYZE")
        if want("sweep_first_run_s", "sweep_repeat_s", "sweep_peak_rss_mb"):
            figures.extend(_step("sweep", lambda: measure_sweep(built, repeat=repeat)))
        if want("diptest_sampling_s"):
            figures.append(_step("dip-test", lambda: measure_dip_test(built, repeat=repeat)))
        if want("screen_night_s", "screen_million_s"):
            from bench.screen import measure_screen

            figures.extend(_step("hidden-crime screen", lambda: measure_screen(repeat=repeat, small=small)))
        if want("review_bundle_200_files_s"):
            figures.append(
                _step("review bundle", lambda: measure_review_bundle(built, repeat=repeat, small=small))
            )
        if want("public_form_submit_p95_ms"):
            from bench.public_form import measure_public_form

            figures.append(
                _step("public form", lambda: measure_public_form(built, repeat=repeat, small=small))
            )
        connection.close()  # gunicorn workers open their own connections
        if want(*HTTP_KEYS):
            figures.extend(
                _step(
                    "HTTP",
                    lambda: measure_http(
                        built, repeat=repeat, small=small, tmp=tmp, env=env, only=wanted, has_url=has_url
                    ),
                )
            )
    by_key = {f.key: f for f in figures}
    return [by_key[k] for k in FIGURE_KEYS if k in by_key]
