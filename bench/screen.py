"""Bench figures for the hidden-crime screen (issue 21 part 5): screening a large force's night (10,000
narratives) and 1,000,000 narratives in one pass, each beside the machine's floor for the same rows:
reading the narratives out of PostgreSQL (a server-side cursor, 5,000 rows a fetch) and splitting them
into words. The narratives are the project's labelled ones (public and development set), cycled with a
log reference in front so no two rows are the same text. Wall time is the figure; CPU seconds are in the
note because the machine is shared."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from pathlib import Path

from django.db import connection

from bench.measure import ROOT, Figure

TABLE = "bench_screen_narratives"
NIGHT = 10_000
MILLION = 1_000_000
FETCH = 5_000
DATA = ROOT / "qa" / "tests" / "data"


def _texts() -> list[tuple[str, str]]:
    files = [DATA / "narratives_public.json", *sorted((DATA / "dev").glob("dev_*.json"))]
    items = [item for path in files for item in json.loads(Path(path).read_text(encoding="utf-8"))]
    return [(item["nsir_code"], item["narrative"]) for item in items]


def _build(rows: int) -> None:
    texts = _texts()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        cursor.execute(f"CREATE TABLE {TABLE} (id bigint PRIMARY KEY, nsir_code text, narrative text)")
        raw = cursor.connection.cursor()
        for start in range(0, rows, 100_000):
            buffer = io.StringIO()
            for i in range(start, min(rows, start + 100_000)):
                code, text = texts[i % len(texts)]
                line = f"Log {i:07d}. {text}".replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")
                buffer.write(f"{i}\t{code}\t{line}\n")
            buffer.seek(0)
            raw.copy_expert(f"COPY {TABLE} (id, nsir_code, narrative) FROM STDIN", buffer)
        cursor.execute(f"ANALYZE {TABLE}")


def _pass(rows: int, each: Callable[[str, str], object]) -> tuple[float, float]:
    """One pass over the first `rows` narratives: (wall seconds, CPU seconds)."""
    wall, cpu = time.perf_counter(), time.process_time()
    with connection.chunked_cursor() as cursor:
        # TABLE is this module's constant, never input
        cursor.execute(f"SELECT nsir_code, narrative FROM {TABLE} WHERE id < %s ORDER BY id", [rows])  # noqa: S608
        while batch := cursor.fetchmany(FETCH):
            for code, text in batch:
                each(code, text)
    return time.perf_counter() - wall, time.process_time() - cpu


def measure_screen(*, repeat: int, small: bool) -> list[Figure]:
    from qa.screen import screen
    from qa.screen.defaults import default_pattern_set

    patterns = default_pattern_set()
    night = Figure("screen_night_s", "Hidden-crime screen: a night of 10,000 narratives", "s", "max", 20.0)
    million = Figure("screen_million_s", "Hidden-crime screen: 1,000,000 narratives", "s", "max", 1800.0)
    rows = NIGHT if small else MILLION
    _build(rows)
    try:

        def read(code: str, text: str) -> object:
            return text.split()

        def read_and_screen(code: str, text: str) -> object:
            return screen(text, code, patterns)

        cpu_night: list[float] = []
        for _ in range(repeat):
            night.floor.append(_pass(NIGHT, read)[0])
            wall, cpu = _pass(NIGHT, read_and_screen)
            night.samples.append(wall)
            cpu_night.append(cpu)
        night.floor_what = "reading the 10,000 narratives from PostgreSQL and splitting them into words"
        night.note = f"CPU {min(cpu_night):.1f} s (best); patterns version {patterns.version}"
        if small:
            million.measurable = False
            million.note = "not run with --small (one pass takes minutes)"
        else:
            million.floor.append(_pass(MILLION, read)[0])
            wall, cpu = _pass(MILLION, read_and_screen)
            million.samples.append(wall)
            million.floor_what = (
                "reading the 1,000,000 narratives from PostgreSQL and splitting them into words"
            )
            million.note = f"one pass; CPU {cpu:.0f} s"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    return [night, million]
