"""`make test` runs the suite in two tiers (xdist workers, then the browser journeys one at a time). The
tiers together must hold every collected test exactly once: a test in neither would never run, and a
test in both would run twice. The commands checked are the Makefile's own, read with `make -n test`."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOTAL = re.compile(r"(\d+)(?:/(\d+))? tests? collected")


def tier_commands() -> list[str]:
    plan = subprocess.run(
        ["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    ).stdout
    # "$(PYTEST) <tier> || [ $? -eq 5 ]": the pytest command is the part before the exit-5 guard.
    return [line.split(" || ")[0] for line in plan.splitlines() if " -m pytest " in line]


def collect(command: str) -> subprocess.Popen[str]:
    # The tier's own selection, collected only, in this process's place (no xdist workers).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_SETTINGS"))}
    return subprocess.Popen(  # noqa: S602 - the Makefile's own command line, as make would run it
        f"{command} --collect-only -q -n 0",
        shell=True,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.slow
def test_the_tiers_of_make_test_together_hold_every_test_once() -> None:
    commands = tier_commands()
    assert len(commands) == 2, commands
    runs = [collect(command) for command in commands]  # both at once: each takes seconds to import
    tiers: list[set[str]] = []
    totals: set[int] = set()
    for run, command in zip(runs, commands, strict=True):
        out, _ = run.communicate(timeout=300)
        assert run.returncode == 0, f"{command}\n{out[-3000:]}"
        ids = [line for line in out.splitlines() if "::" in line]
        match = TOTAL.search(out)
        assert match, out[-2000:]
        totals.add(int(match.group(2) or match.group(1)))  # "N/M collected": M is every test
        tiers.append(set(ids))
        assert len(ids) == len(tiers[-1]), "a test id collected twice in one tier"
    first, second = tiers
    assert len(totals) == 1, totals  # both tiers see the same collection
    assert not first & second, sorted(first & second)[:10]
    assert len(first) + len(second) == totals.pop()
    # The second tier is the browser journeys: every test of tests/e2e/ and of the test_e2e_* files.
    journeys = {t for t in first | second if "tests/e2e/" in t or "/test_e2e" in t}
    assert journeys and journeys <= second, sorted(journeys - second)[:10]
