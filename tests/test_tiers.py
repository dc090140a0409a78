"""`make test` runs the suite in two tiers (xdist workers, then the browser journeys on their own). The
tiers together must hold every collected test exactly once: a test in neither would never run, and a
test in both would run twice. The commands checked are the Makefile's own, read with `make -n test`;
the suite is collected once and each tier's marker expression applied to that one collection
(tests/tier_collection.py), as `-m` applies it."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Options that choose how a tier's tests are spread over workers, not which tests it holds.
SPREAD = {"-n", "--dist"}


def tier_commands() -> list[str]:
    plan = subprocess.run(
        ["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    ).stdout
    # "$(PYTEST) <tier> || [ $? -eq 5 ]": the pytest command is the part before the exit-5 guard.
    return [line.split(" || ")[0] for line in plan.splitlines() if " -m pytest " in line]


def split_tier(command: str) -> tuple[list[str], str]:
    """The command less its marker expression and its spreading options, and the marker expression."""
    words, rest, marks = shlex.split(command), [], []
    while words:
        word = words.pop(0)
        if word == "-m" and words[0] != "pytest":  # `python -m pytest` names no marker
            marks.append(words.pop(0))
        elif word in SPREAD:
            words.pop(0)
        else:
            rest.append(word)
    assert len(marks) == 1, command
    return rest, marks[0]


def collect_once(command: list[str], expressions: list[str], out: Path) -> dict[str, object]:
    # The tiers' common command, collected only, in this process's place (no xdist workers).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_SETTINGS"))}
    env.update(RESOLVE_TIER_MARKS=json.dumps(expressions), RESOLVE_TIER_OUT=str(out))
    run = subprocess.run(  # noqa: S602 - the Makefile's own command line, as make would run it
        f"{shlex.join(command)} --collect-only -q -n 0 -p tests.tier_collection",
        shell=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,  # collecting imports every module: minutes on a machine shared by many builds
        check=False,
    )
    assert run.returncode == 0, f"{command}\n{run.stdout[-3000:]}\n{run.stderr[-2000:]}"
    return json.loads(out.read_text())


@pytest.mark.slow
def test_the_tiers_of_make_test_together_hold_every_test_once(tmp_path: Path) -> None:
    commands = tier_commands()
    assert len(commands) == 2, commands
    (first_command, first_mark), (second_command, second_mark) = map(split_tier, commands)
    # Apart from the marker and how it is spread, the tiers run one command: one collection holds both.
    assert first_command == second_command, commands
    collected = collect_once(first_command, [first_mark, second_mark], tmp_path / "tiers.json")
    every: list[str] = collected["every"]  # type: ignore[assignment]
    selected: dict[str, list[str]] = collected["selected"]  # type: ignore[assignment]
    assert every and len(every) == len(set(every)), "a test id collected twice"
    first, second = set(selected[first_mark]), set(selected[second_mark])
    assert not first & second, sorted(first & second)[:10]
    assert first | second == set(every), sorted(set(every) - first - second)[:10]
    # The second tier is the browser journeys: every test of tests/e2e/ and of the test_e2e_* files.
    journeys = {t for t in every if "tests/e2e/" in t or "/test_e2e" in t}
    assert journeys and journeys <= second, sorted(journeys - second)[:10]
