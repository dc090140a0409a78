"""The pure allocation choice (staffing.rules.allocation): property tests with hypothesis, plus the plain
cases; and the rules package kept pure."""

from __future__ import annotations

import ast
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from staffing import rules
from staffing.rules import Candidate, choose_assignee

MAX = 10


@st.composite
def candidate_lists(draw: st.DrawFn) -> list[Candidate]:
    names = draw(st.lists(st.text("abcdef", min_size=1, max_size=4), unique=True, max_size=8))
    return [
        Candidate(
            user_id=i + 1,
            username=name,
            name=name.title(),
            on_shift=draw(st.booleans()),
            absent=draw(st.booleans()),
            skilled=draw(st.booleans()),
            load=draw(st.integers(0, MAX + 3)),
            items=draw(st.integers(0, 6)),
        )
        for i, name in enumerate(names)
    ]


@settings(max_examples=300, deadline=None)
@given(candidate_lists(), st.integers(1, 5))
def test_it_never_chooses_someone_off_shift_absent_untrained_or_at_capacity(
    candidates: list[Candidate], weight: int
) -> None:
    choice = choose_assignee(candidates, weight=weight, max_load=MAX, skill_label="DDM")
    if choice.user_id is None:
        return
    chosen = next(c for c in candidates if c.user_id == choice.user_id)
    assert chosen.on_shift and not chosen.absent and chosen.skilled
    assert chosen.load < MAX and chosen.load + weight <= MAX


@settings(max_examples=300, deadline=None)
@given(candidate_lists(), st.integers(1, 5))
def test_the_least_loaded_eligible_person_is_chosen_with_deterministic_ties(
    candidates: list[Candidate], weight: int
) -> None:
    choice = choose_assignee(candidates, weight=weight, max_load=MAX, skill_label="DDM")
    eligible = [c for c in candidates if c.on_shift and not c.absent and c.skilled and c.load + weight <= MAX]
    if not eligible:
        assert choice.user_id is None
        assert choice.reason.startswith("Nobody")
        return
    expected = min(eligible, key=lambda c: (c.load, c.items, c.username))
    assert choice.user_id == expected.user_id
    assert all(expected.load <= c.load for c in eligible)
    assert expected.name in choice.reason


@settings(max_examples=100, deadline=None)
@given(candidate_lists(), st.integers(1, 5))
def test_every_candidate_is_reported_with_a_reason_when_left_out(
    candidates: list[Candidate], weight: int
) -> None:
    choice = choose_assignee(candidates, weight=weight, max_load=MAX, skill_label="DDM")
    assert sorted(c.candidate.user_id for c in choice.considered) == sorted(c.user_id for c in candidates)
    for considered in choice.considered:
        assert considered.eligible == (considered.why_not == "")


@settings(max_examples=100, deadline=None)
@given(candidate_lists(), st.integers(1, 5), st.randoms())
def test_the_order_candidates_arrive_in_does_not_change_the_choice(
    candidates: list[Candidate], weight: int, rnd: object
) -> None:
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    first = choose_assignee(candidates, weight=weight, max_load=MAX, skill_label="DDM")
    second = choose_assignee(shuffled, weight=weight, max_load=MAX, skill_label="DDM")
    assert first.user_id == second.user_id


def cand(name: str, **kw: object) -> Candidate:
    base: dict[str, object] = dict(on_shift=True, absent=False, skilled=True, load=0, items=0)
    base.update(kw)
    return Candidate(user_id=hash(name) % 10_000, username=name, name=name.title(), **base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("candidate", "why"),
    [
        (cand("a", on_shift=False), "not on shift"),
        (cand("a", absent=True), "absent"),
        (cand("a", skilled=False), "no valid DDM training"),
        (cand("a", load=9), "at capacity"),
        (cand("a", load=8), ""),
    ],
)
def test_ineligibility_says_why_in_plain_words(candidate: Candidate, why: str) -> None:
    result = rules.ineligibility(candidate, weight=2, max_load=MAX, skill_label="DDM")
    assert result.startswith(why) if why else result == ""


def test_ties_go_to_fewer_items_then_username() -> None:
    choice = choose_assignee(
        [cand("zoe", load=3, items=1), cand("amy", load=3, items=2), cand("bob", load=3, items=1)],
        weight=1,
        max_load=MAX,
        skill_label="DDM",
    )
    assert choice.user_id == cand("bob").user_id
    assert "tied with Zoe, chosen by name order" in choice.reason


def test_the_reason_names_the_next_least_loaded() -> None:
    choice = choose_assignee(
        [cand("amy", load=5), cand("bob", load=2)], weight=1, max_load=MAX, skill_label="DDM"
    )
    assert choice.reason.startswith(
        "Bob is on shift, holds valid DDM training and has the least open workload"
    )
    assert "next least loaded is Amy (5)" in choice.reason


def test_nobody_eligible_explains_the_counts() -> None:
    choice = choose_assignee(
        [cand("amy", on_shift=False), cand("bob", skilled=False)], weight=1, max_load=MAX, skill_label="DDM"
    )
    assert choice.user_id is None
    assert choice.reason == "Nobody can take this DDM work now: 1 no valid DDM training; 1 not on shift."


@pytest.mark.parametrize(
    ("trained", "expires", "on", "valid"),
    [
        (date(2026, 1, 1), None, date(2026, 1, 1), True),
        (date(2026, 1, 2), None, date(2026, 1, 1), False),
        (date(2026, 1, 1), date(2026, 6, 30), date(2026, 6, 30), True),
        (date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 1), False),
    ],
)
def test_training_counts_from_the_day_done_to_the_expiry_day(
    trained: date, expires: date | None, on: date, valid: bool
) -> None:
    assert rules.training_valid(trained_on=trained, expires_on=expires, on=on) is valid


@pytest.mark.parametrize(
    ("expires", "soon"),
    [
        (None, False),
        (date(2026, 3, 1), True),
        (date(2026, 3, 31), True),
        (date(2026, 4, 1), False),
        (date(2026, 2, 28), False),
    ],
)
def test_expiring_soon_is_the_next_30_days(expires: date | None, soon: bool) -> None:
    assert rules.expiring_soon(expires_on=expires, today=date(2026, 3, 1)) is soon


def test_coverage_gaps_list_areas_below_minimum() -> None:
    gaps = rules.coverage_gaps(
        [("rape_review", "rape_review", 2), ("amendments", "amendments", 1), ("complaints", "complaints", 1)],
        {"rape_review": 1, "amendments": 3},
    )
    assert [(g.area, g.have, g.short_by) for g in gaps] == [("rape_review", 1, 1), ("complaints", 0, 1)]


def test_every_module_of_the_rules_package_imports_only_the_standard_library_and_its_siblings() -> None:
    """STYLE.md: rules are pure. Split by area, each module may import the standard library and its own
    siblings, never Django, a model or a service."""
    modules = sorted(Path(rules.__file__).parent.glob("*.py"))
    assert len(modules) > 1
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or name.startswith("staffing.rules."), (path.name, name)
