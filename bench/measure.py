"""Measuring helpers: figures with their floors, timing, a gunicorn server on loopback, load runs in a
second process, and the SQL floor of a request (its own SELECT statements replayed straight on
PostgreSQL)."""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.load import percentile

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Figure:
    """One figure: its samples, its PostgreSQL floor and its target.

    kind: "ratio_min" (value / floor >= threshold, for rates), "ratio_max" (value / floor <= threshold,
    for durations) or "max" (value < threshold, in the figure's unit). `also_under`: a goal in the
    figure's unit the value must also stay under (a page's 150 ms beside its 2 x floor). `parts`: the
    floor's parts, each with one sample per floor sample (a page's bare request and its SQL replayed)."""

    key: str
    title: str
    unit: str
    kind: str
    threshold: float
    samples: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    floor_what: str = ""
    note: str = ""
    measurable: bool = True
    also_under: float | None = None
    parts: dict[str, list[float]] = field(default_factory=dict)

    @property
    def target(self) -> str:
        if self.kind == "ratio_min":
            return f">= {self.threshold:g} x floor"
        if self.kind == "ratio_max":
            under = f", < {self.also_under:g} {self.unit}" if self.also_under is not None else ""
            return f"<= {self.threshold:g} x floor{under}"
        return f"< {self.threshold:g} {self.unit}"

    def value(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    def floor_value(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    def ratio(self) -> float | None:
        value, floor = self.value(), self.floor_value()
        if value is None or not floor:
            return None
        return value / floor

    def met(self) -> bool | None:
        value = self.value()
        if value is None:
            return None
        if self.kind == "max":
            return value < self.threshold
        ratio = self.ratio()
        if ratio is None:
            return None
        if self.also_under is not None and value >= self.also_under:
            return False
        return ratio >= self.threshold if self.kind == "ratio_min" else ratio <= self.threshold

    def part(self, name: str) -> float | None:
        samples = self.parts.get(name)
        return statistics.median(samples) if samples else None

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "unit": self.unit,
            "measurable": self.measurable,
            "value": self.value(),
            "min": min(self.samples) if self.samples else None,
            "max": max(self.samples) if self.samples else None,
            "samples": self.samples,
            "floor": self.floor_value(),
            "floor_min": min(self.floor) if self.floor else None,
            "floor_max": max(self.floor) if self.floor else None,
            "floor_what": self.floor_what,
            "floor_parts": {name: self.part(name) for name in self.parts},
            "ratio": self.ratio(),
            "target": self.target,
            "met": self.met(),
            "note": self.note,
        }


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def execute(sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall()) if cursor.description else []


# ---------------------------------------------------------------- the SQL floor of a request
def captured_selects(request: Callable[[Client], Any], client: Client) -> list[str]:
    """The SELECT statements one request issues (after a warm-up request), ready to replay."""
    request(client)
    with CaptureQueriesContext(connection) as ctx:
        response = request(client)
    status = getattr(response, "status_code", 200)
    if status != 200:
        raise RuntimeError(
            f"request for the floor answered {status}: {getattr(response, 'content', b'')[:300]!r}"
        )
    return [
        q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
    ]


def replay_p95_ms(statements: list[str], *, repeats: int) -> list[float]:
    """Per-replay wall time (ms) of running the statements back to back on one connection."""
    times = []
    with connection.cursor() as cursor:
        for _ in range(repeats):
            start = time.perf_counter()
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()
            times.append((time.perf_counter() - start) * 1000)
    return times


def floor_p95(statements: list[str], *, repeats: int, rounds: int) -> list[float]:
    return [percentile(replay_p95_ms(statements, repeats=repeats), 95) for _ in range(rounds)]


# ---------------------------------------------------------------- gunicorn on loopback
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """gunicorn serving the bench database on 127.0.0.1 (gthread workers, 2 x cores processes unless
    `workers` says how many)."""

    def __init__(self, env: dict[str, str], workers: int | None = None) -> None:
        self.port = free_port()
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None
        self.workers = workers or max(2, 2 * (os.cpu_count() or 1))

    def __enter__(self) -> Server:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [
            str(gunicorn),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            "gthread",
            "--threads",
            "4",
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env)  # noqa: S603
        # Four workers importing Django at once on a busy 2-core machine can take over a minute.
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/healthz/")
                if conn.getresponse().status < 500:
                    return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a busy machine: the figures are taken, stop it for sure
                self.process.kill()
                self.process.wait(timeout=30)


def load_run(
    *,
    port: int,
    path: str,
    threads: int,
    requests: int,
    time_cap: float,
    cookies: list[str] | None = None,
    headers: list[str] | None = None,
    body: dict[str, Any] | None = None,
    body_dir: Path | None = None,
    think: float = 0.0,
) -> dict[str, Any]:
    """One bounded load run from a second process (bench.load)."""
    command = [
        sys.executable,
        "-m",
        "bench.load",
        "--port",
        str(port),
        "--path",
        path,
        "--threads",
        str(threads),
        "--requests",
        str(requests),
        "--time-cap",
        str(time_cap),
        "--think",
        str(think),
    ]
    for c in cookies or []:
        command += ["--cookie", c]
    for h in headers or []:
        command += ["--header", h]
    if body is not None:
        assert body_dir is not None
        body_file = body_dir / "body.json"
        body_file.write_text(json.dumps(body))
        command += ["--body", str(body_file)]
    out = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)  # noqa: S603
    result: dict[str, Any] = json.loads(out.stdout)
    if result["errors"]:
        raise RuntimeError(
            f"load run on {path} had {result['errors']} errors, first: {result['first_error']}"
        )
    return result
