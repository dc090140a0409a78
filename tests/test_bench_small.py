"""The benchmark (issue 9) runs end to end at a tiny scale and reports every figure with numbers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.figures import ALLOCATION_QUEUE_PATH, FIGURE_KEYS, SERGEANT_QUEUE_PATH, has_command, has_url

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_it_measures_every_figure_at_a_tiny_scale(tmp_path: Path) -> None:
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/resolve")
    name = (urlsplit(server).path.lstrip("/") or "resolve") + "_benchtest"
    env = {**os.environ, "BENCH_PG_URL": server}
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench", "--scale", "3000", "--repeat", "2", "--small", "--db", name,
         "--out", str(tmp_path)],
        cwd=ROOT, env=env, check=True, timeout=600, capture_output=True,
    )  # fmt: skip
    results = json.loads((tmp_path / "results.json").read_text())
    assert (tmp_path / "results.md").read_text().startswith("Resolve benchmark, 3,000 incidents")
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
    }
    for key, figure in results["figures"].items():
        if present.get(key, figure["measurable"]):
            assert figure["measurable"], key
        if not figure["measurable"]:
            assert figure["note"], f"{key} says why it was not measured"
            continue
        assert isinstance(figure["value"], float) and figure["value"] > 0, key
        assert figure["min"] <= figure["value"] <= figure["max"], key
        assert len(figure["samples"]) == 2, key
        assert isinstance(figure["met"], bool), key
        if figure["target"].endswith("x floor"):
            assert figure["floor"] > 0 and figure["ratio"] > 0, key
    assert results["machine"]["incidents"] == 3000
    assert results["machine"]["crimes"] > 0

    # --reuse measures the same data again without a rebuild; --only picks figures and writes nothing.
    written = (tmp_path / "results.json").read_text()
    again = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench", "--reuse", "--only", "diptest_sampling_s", "--repeat", "1",
         "--db", name, "--out", str(tmp_path)],
        cwd=ROOT, env=env, check=True, timeout=300, capture_output=True, text=True,
    )  # fmt: skip
    rows = [line for line in again.stdout.splitlines() if line.startswith("| ") and "Figure" not in line]
    assert len(rows) == 1 and rows[0].startswith("| Nightly dip-test sampling |"), again.stdout
    assert "Resolve benchmark, 3,000 incidents" in again.stdout
    assert (tmp_path / "results.json").read_text() == written
