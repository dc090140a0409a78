"""A pytest plugin for tests/test_tiers.py (`-p tests.tier_collection`): after one collection of the
whole suite, write which tests each of the tiers' marker expressions selects, as `-m` would (pytest's
own expression and matcher, after conftest has marked the browser journeys). One collection answers
for every tier instead of one collection each."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from _pytest.mark import MarkMatcher
from _pytest.mark.expression import Expression


def pytest_collection_finish(session: pytest.Session) -> None:
    expressions: list[str] = json.loads(os.environ["RESOLVE_TIER_MARKS"])
    compiled = [Expression.compile(expression) for expression in expressions]
    selected: dict[str, list[str]] = {expression: [] for expression in expressions}
    for item in session.items:
        matcher = MarkMatcher.from_markers(item.iter_markers())
        for expression, expr in zip(expressions, compiled, strict=True):
            if expr.evaluate(matcher):
                selected[expression].append(item.nodeid)
    every = [item.nodeid for item in session.items]
    Path(os.environ["RESOLVE_TIER_OUT"]).write_text(json.dumps({"every": every, "selected": selected}))
