"""`screen_incidents --evaluate FILE [--json]` on the public labelled file, and the Wilson interval."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from qa.screen.evaluate import wilson

pytestmark = pytest.mark.django_db  # the command reads the version in force

PUBLIC = Path(__file__).resolve().parent / "data" / "narratives_public.json"


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [(27, 30, 0.7438, 0.9654), (0, 10, 0.0, 0.2775), (10, 10, 0.7225, 1.0), (0, 0, 0.0, 1.0)],
)
def test_wilson_interval(k: int, n: int, low: float, high: float) -> None:
    got = wilson(k, n)
    assert got == pytest.approx((low, high), abs=1e-4)


def test_evaluate_prints_the_contract_figures_as_the_last_json_line() -> None:
    out = StringIO()
    call_command("screen_incidents", "--evaluate", str(PUBLIC), "--json", stdout=out)
    lines = out.getvalue().strip().splitlines()
    figures = json.loads(lines[-1])
    labelled = json.loads(PUBLIC.read_text())
    assert figures["items"] == len(labelled) == 60
    assert figures["true_items"] == sum(x["expected"]["crime"] for x in labelled) == 31
    for key in ("recall", "precision", "principal", "unsure"):
        assert 0 <= figures[key] <= 1
    for key in ("recall_ci95", "precision_ci95"):
        low, high = figures[key]
        assert low <= figures[key.removesuffix("_ci95")] <= high
    assert set(figures["groups"]) == {"sexual", "violence", "other"}
    assert sum(g["items"] for g in figures["groups"].values()) == 31
    assert figures["groups"]["sexual"]["items"] == 4  # N017, N022, N040, N051 by classes[0]'s category
    assert figures["recall"] >= 0.95 and figures["precision"] >= 0.85 and figures["unsure"] <= 0.1
    assert figures["flags_with_evidence"] == 1.0
    assert any(line.startswith("Recall: ") for line in lines[:-1])


def test_without_json_no_json_line() -> None:
    out = StringIO()
    call_command("screen_incidents", "--evaluate", str(PUBLIC), stdout=out)
    assert not out.getvalue().strip().splitlines()[-1].startswith("{")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="nope.json"):
        call_command("screen_incidents", "--evaluate", str(tmp_path / "nope.json"))


def test_a_malformed_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "X1", "narrative": "n"}]))
    with pytest.raises(CommandError, match="bad.json"):
        call_command("screen_incidents", "--evaluate", str(bad))
