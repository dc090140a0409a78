"""The benchmark (issue 9) runs end to end at a small scale and reports every figure with numbers, once
per build: in CI the run of `make bench-small`, read here; elsewhere the test's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.figures import FIGURE_KEYS, has_command, has_url
from bench.http import ALLOCATION_QUEUE_PATH, DATA_RETURN_PATH, HTTP_KEYS, SERGEANT_QUEUE_PATH
from bench.run import SMALL_SCALE
from conftest import template_database_name

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BenchRun:
    out: Path  # where results.json and results.md are
    db: str  # the bench database, for --reuse
    env: dict[str, str]
    scale: int
    repeat: int


@pytest.fixture
def bench_run(tmp_path: Path) -> BenchRun:
    """The one bench-small run of the build. CI (.ci/run) runs `make bench-small` before `make test`
    and names its output folder and database in BENCH_SMALL_RESULTS and BENCH_SMALL_DB: the test reads
    that run rather than measuring everything a second time. Without them (`make test` on its own) the
    test runs the bench itself, at 3,000 incidents, measuring each figure once."""
    results = os.environ.get("BENCH_SMALL_RESULTS")
    if results:
        out = ROOT / results
        assert (out / "results.json").exists(), f"BENCH_SMALL_RESULTS={results} holds no results.json"
        return BenchRun(out, os.environ["BENCH_SMALL_DB"], dict(os.environ), SMALL_SCALE, 3)
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/resolve")
    name = (urlsplit(server).path.lstrip("/") or "resolve") + "_benchtest"
    env = {**os.environ, "BENCH_PG_URL": server}
    # Every figure once, on a copy of the suite's migrated template database (conftest's
    # template_database_name): migrating a bench database from nothing cost the suite about a minute.
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench", "--scale", "3000", "--repeat", "1", "--small", "--db", name,
         "--template", template_database_name(), "--out", str(tmp_path)],
        cwd=ROOT, env=env, check=True, timeout=600, capture_output=True,
    )  # fmt: skip
    return BenchRun(tmp_path, name, env, 3000, 1)


@pytest.mark.slow
@pytest.mark.django_db
def test_it_measures_every_figure_at_a_tiny_scale(bench_run: BenchRun) -> None:
    out, name, env = bench_run.out, bench_run.db, bench_run.env
    results = json.loads((out / "results.json").read_text())
    assert (out / "results.md").read_text().startswith(f"Resolve benchmark, {bench_run.scale:,} incidents")
    assert list(results["figures"]) == FIGURE_KEYS
    present = {
        "import_rows_per_s": has_command("import_incidents"),
        "feed_api_rows_per_s": has_url("/api/v1/incidents/bulk/"),
        "sweep_first_run_s": has_command("sweep_unrecorded"),
        "advisor_caseload_p95_ms": has_url("/complaints/"),
        "sergeant_queue_p95_ms": has_url(SERGEANT_QUEUE_PATH),
        "allocation_queue_p95_ms": has_url(ALLOCATION_QUEUE_PATH),
        "incident_page_p95_ms": True,
        "hidden_crime_queue_p95_ms": has_url("/queues/qa-hidden-crimes/"),
        "dashboard_daily_p95_ms": has_url("/api/v1/dashboard/daily/"),
        "recording_decision_p95_ms": True,
        "complaint_triage_p95_ms": True,
        "data_return_year_p95_ms": has_url(DATA_RETURN_PATH),
        "screen_night_s": True,
        "screen_million_s": False,  # one pass takes minutes: make bench only, never --small (it says so)
        "review_bundle_200_files_s": True,
        "public_form_submit_p95_ms": True,
    }
    table = (out / "results.md").read_text()
    for key, figure in results["figures"].items():
        if present.get(key, figure["measurable"]):
            assert figure["measurable"], key
        if not figure["measurable"]:
            assert figure["note"], f"{key} says why it was not measured"
            continue
        assert isinstance(figure["value"], float) and figure["value"] > 0, key
        assert figure["min"] <= figure["value"] <= figure["max"], key
        assert len(figure["samples"]) == bench_run.repeat, key
        assert isinstance(figure["met"], bool), key
        if "x floor" in figure["target"]:
            assert figure["floor"] > 0 and figure["ratio"] > 0, key
        if key in HTTP_KEYS:
            # The floor of a page or API: its bare request under the same load plus its own SQL replayed.
            parts = figure["floor_parts"]
            assert parts["bare_p95_ms"] > 0 and parts["sql_replay_p95_ms"] >= 0, key
            assert figure["floor"] >= parts["bare_p95_ms"] and figure["floor_what"].startswith("bare "), key
        assert f"| {figure['title']} |" in table, f"results.md prints {key}"
    assert results["machine"]["incidents"] == bench_run.scale
    assert results["machine"]["crimes"] > 0

    # --reuse measures the same data again without a rebuild; --only picks figures and writes nothing.
    written = (out / "results.json").read_text()
    again = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench", "--reuse", "--only", "diptest_sampling_s", "--repeat", "1",
         "--db", name, "--out", str(out)],
        cwd=ROOT, env=env, check=True, timeout=300, capture_output=True, text=True,
    )  # fmt: skip
    rows = [line for line in again.stdout.splitlines() if line.startswith("| ") and "Figure" not in line]
    assert len(rows) == 1 and rows[0].startswith("| Nightly dip-test sampling |"), again.stdout
    assert f"Resolve benchmark, {bench_run.scale:,} incidents" in again.stdout
    assert (out / "results.json").read_text() == written
