"""The hidden-crime screen (issue 21): a pure reading of an incident narrative.

    screen(narrative, nsir_code, patterns) -> ScreenResult

No ORM and no network here: the PatternSet is compiled from plain data (the shipped default file or a
force's version from the database, see qa.selectors.screen_patterns_current)."""

from __future__ import annotations

from qa.screen.compile import compile_patterns
from qa.screen.engine import screen
from qa.screen.patterns import PatternError, PatternSet
from qa.screen.result import WHY_LABELS, CrimeFinding, Discount, ScreenResult, Span

__all__ = [
    "WHY_LABELS",
    "CrimeFinding",
    "Discount",
    "PatternError",
    "PatternSet",
    "ScreenResult",
    "Span",
    "compile_patterns",
    "screen",
]
