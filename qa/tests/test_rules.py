"""Pure QA rules: no database. R-CDI-RATE (Wilson interval), R-DIP-TEST / R-NSIR-SWEEP (sampling)."""

from __future__ import annotations

import ast
import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from qa import rules
from qa.rules import AuditResult


# References computed independently with 40-digit decimal arithmetic from the Wilson formula
# (z = 1.959963984540054); 0/10 -> 0.2775 and 81/100 -> (0.7222, 0.8749) match published tables.
@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        (81, 100, 0.722212, 0.874852),
        (0, 10, 0.0, 0.277533),
        (10, 10, 0.722467, 1.0),
        (1, 1, 0.206549, 1.0),
        (0, 1, 0.0, 0.793451),
        (5, 20, 0.111862, 0.468701),
        (50, 100, 0.403832, 0.596168),
        (777, 1000, 0.750168, 0.801712),
    ],
)
def test_wilson_interval_matches_known_values(successes: int, n: int, low: float, high: float) -> None:
    interval = rules.wilson_interval(successes, n)
    assert interval is not None
    assert interval.low == pytest.approx(low, abs=1e-6)
    assert interval.high == pytest.approx(high, abs=1e-6)


def test_wilson_interval_is_none_with_nothing_to_divide() -> None:
    assert rules.wilson_interval(0, 0) is None


def test_wilson_interval_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError, match="between 0 and n"):
        rules.wilson_interval(11, 10)


def test_wilson_interval_contains_the_point_estimate() -> None:
    for n in range(1, 40):
        for x in range(n + 1):
            interval = rules.wilson_interval(x, n)
            assert interval is not None
            assert 0.0 <= interval.low <= x / n <= interval.high <= 1.0


POP = {
    "crime:Violence": list(range(1000, 1100)),
    "incident:hidden": list(range(2000, 2040)),
    "cancellation": [3001, 3002, 3003],
}
SIZES: dict[str, int | None] = {"crime:Violence": 10, "incident:hidden": 8, "cancellation": None}


def test_the_sample_is_reproducible_from_date_and_seed() -> None:
    seed = rules.sample_seed(date(2026, 3, 1), "resolve")
    first = rules.draw_sample(POP, SIZES, seed)
    shuffled = {k: list(reversed(v)) for k, v in POP.items()}
    again = rules.draw_sample(shuffled, SIZES, seed)
    assert first == again
    other_day = rules.draw_sample(POP, SIZES, rules.sample_seed(date(2026, 3, 2), "resolve"))
    assert other_day["crime:Violence"].items != first["crime:Violence"].items


def test_a_stratum_is_drawn_without_replacement_and_weighted_back() -> None:
    sample = rules.draw_sample(POP, SIZES, "2026-03-01:s")
    violence = sample["crime:Violence"]
    assert violence.size == 10
    assert len(set(violence.items)) == 10
    assert set(violence.items) <= set(POP["crime:Violence"])
    assert violence.population == 100
    assert violence.weight == pytest.approx(10.0)


def test_take_all_strata_keep_every_unit_with_weight_one() -> None:
    sample = rules.draw_sample(POP, SIZES, "2026-03-01:s")
    assert sorted(sample["cancellation"].items) == [3001, 3002, 3003]
    assert sample["cancellation"].weight == 1.0


def test_a_small_stratum_is_taken_whole() -> None:
    sample = rules.draw_sample({"x": [1, 2]}, {"x": 5}, "s")
    assert sorted(sample["x"].items) == [1, 2]


def test_a_stratum_without_a_size_is_refused() -> None:
    with pytest.raises(ValueError, match="no sample size"):
        rules.draw_sample({"x": [1]}, {}, "s")


def test_resizing_one_stratum_leaves_the_others_untouched() -> None:
    a = rules.draw_sample(POP, SIZES, "seed")
    b = rules.draw_sample(POP, {**SIZES, "incident:hidden": 20}, "seed")
    assert a["crime:Violence"] == b["crime:Violence"]


def test_the_sample_is_unbiased_every_unit_has_inclusion_probability_n_over_big_n() -> None:
    """Over 4,000 draws each of 50 units should be included about n/N = 10/50 of the time. With a fixed
    seed the test is deterministic; the bounds are 4.5 standard deviations (binomial), and the
    chi-square statistic of the inclusion counts stays well below its 99.9% point for 49 df (85.4)."""
    population = {"s": list(range(50))}
    draws, n, big_n = 4000, 10, 50
    counts = dict.fromkeys(range(big_n), 0)
    master = random.Random(20260301)
    for _ in range(draws):
        sample = rules.draw_sample(population, {"s": n}, f"2026-03-01:{master.random()}")
        for unit in sample["s"].items:
            counts[unit] += 1
    expected = draws * n / big_n
    sd = (draws * (n / big_n) * (1 - n / big_n)) ** 0.5
    assert all(abs(c - expected) < 4.5 * sd for c in counts.values())
    chi2 = sum((c - expected) ** 2 / expected for c in counts.values())
    assert chi2 < 85.4


def test_weighted_compliance_weights_strata_back() -> None:
    # 10 crimes standing for 10 each, all compliant; 10 hidden-risk incidents standing for 1, none compliant.
    results = [AuditResult(10.0, True)] * 10 + [AuditResult(1.0, False)] * 10
    estimate = rules.weighted_compliance(results)
    assert estimate.checked == 20
    assert estimate.compliant == 10
    assert estimate.rate == pytest.approx(100 / 110)
    # Kish: (110)^2 / (10*100 + 10*1) = 11.98...
    assert estimate.effective_n == pytest.approx(110**2 / 1010)
    interval = rules.wilson_interval(estimate.rate * estimate.effective_n, estimate.effective_n)  # type: ignore[operator]
    assert interval is not None
    assert (estimate.ci95_low, estimate.ci95_high) == (interval.low, interval.high)


def test_equal_weights_give_the_plain_wilson_interval() -> None:
    results = [AuditResult(3.0, True)] * 81 + [AuditResult(3.0, False)] * 19
    estimate = rules.weighted_compliance(results)
    assert estimate.rate == pytest.approx(0.81)
    assert estimate.ci95_low == pytest.approx(0.722212, abs=1e-6)
    assert estimate.ci95_high == pytest.approx(0.874852, abs=1e-6)


def test_no_results_gives_null_rates() -> None:
    estimate = rules.weighted_compliance([])
    assert (estimate.rate, estimate.ci95_low, estimate.ci95_high) == (None, None, None)


@pytest.mark.parametrize(("num", "den", "rate"), [(0, 0, None), (3, 4, 0.75), (0, 5, 0.0)])
def test_plain_rate(num: int, den: int, rate: float | None) -> None:
    assert rules.plain_rate(num, den) == rate


def test_hours_open_counts_whole_hours() -> None:
    opened = datetime(2026, 3, 1, 2, 10, tzinfo=UTC)
    assert rules.hours_open(opened, datetime(2026, 3, 2, 3, 9, tzinfo=UTC)) == 24
    assert rules.hours_open(opened, datetime(2026, 3, 1, 1, 0, tzinfo=UTC)) == 0


@pytest.mark.parametrize(
    ("category", "title", "rank", "expected"),
    [
        ("Sexual offences", "Rape of a female aged 16 and over", 4, True),
        ("Sexual offences", "Causing sexual activity without consent", 6, True),
        ("Sexual offences", "Assault by penetration", 8, True),
        ("Sexual offences", "Exposure and voyeurism", 13, False),
        ("Violence against the person", "Assault with injury", 10, False),
    ],
)
def test_rape_review_classes_come_from_reference_fields(
    category: str, title: str, rank: int, expected: bool
) -> None:
    assert rules.is_rape_or_serious_sexual(category=category, title=title, seriousness_rank=rank) is expected


@pytest.mark.parametrize(("age", "team"), [(17, "child"), (18, "adult"), (45, "adult"), (None, "child")])
def test_abuse_team_follows_victim_age(age: int | None, team: str) -> None:
    assert rules.abuse_team_for(age) == team


# ---------------------------------------------------------------- resolving a flag: does the crime match?
_OPENED = datetime(2026, 3, 1, 2, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("reported", "forces", "others", "expected"),
    [
        (_OPENED + timedelta(hours=3), ["XX", ""], [], ()),
        (_OPENED + timedelta(days=7), ["XX", "XX"], [], ()),
        (_OPENED + timedelta(days=7, seconds=1), ["XX", ""], [], (rules.FlagMismatch.DAYS_APART,)),
        (_OPENED - timedelta(days=8), ["XX", ""], [], (rules.FlagMismatch.DAYS_APART,)),
        (_OPENED, ["YY", ""], [], (rules.FlagMismatch.OTHER_FORCE,)),
        (_OPENED, ["XX", "YY"], [], (rules.FlagMismatch.OTHER_FORCE,)),
        (_OPENED, ["XX", ""], ["XX-20260301-0001"], (rules.FlagMismatch.OTHER_INCIDENT,)),
        (
            _OPENED + timedelta(days=35),
            ["YY", "ZZ"],
            ["XX-1"],
            (
                rules.FlagMismatch.OTHER_INCIDENT,
                rules.FlagMismatch.OTHER_FORCE,
                rules.FlagMismatch.DAYS_APART,
            ),
        ),
    ],
)
def test_flag_crime_match_names_each_mismatch(
    reported: datetime, forces: list[str], others: list[str], expected: tuple[str, ...]
) -> None:
    match = rules.flag_crime_match(
        incident_opened_at=_OPENED,
        crime_reported_at=reported,
        crime_forces=forces,
        our_force="XX",
        other_incidents=others,
        match_days=7,
    )
    assert match.mismatches == expected
    assert match.needs_reason == bool(expected)
    assert len(match.explanation) == len(expected)


def test_flag_crime_match_says_how_many_days_and_which_way() -> None:
    match = rules.flag_crime_match(
        incident_opened_at=_OPENED,
        crime_reported_at=_OPENED + timedelta(days=35),
        crime_forces=["XX"],
        our_force="XX",
        other_incidents=[],
        match_days=7,
    )
    assert match.explanation == ("it was reported 35 days after the incident opened (more than 7)",)


# ---------------------------------------------------------------- the place and the kind of crime (issue 20)
_VIOLENCE = rules.IncidentKind(
    code="CRIME-VIOLENCE", title="Crime: violence", categories=frozenset({"Violence against the person"})
)
_VEHICLE = rules.IncidentKind(
    code="CRIME-VEHICLE", title="Crime: vehicle crime", classes=frozenset({"45", "48"})
)
_UNTYPED = rules.IncidentKind(code="CRIME", title="Crime: other or not yet typed")
_ABH = rules.OffenceFacts(code="8N", title="Assault with injury", category="Violence against the person")
_THEFT_FROM_VEHICLE = rules.OffenceFacts(code="45", title="Theft from a vehicle", category="Theft offences")


def _match(**kw: object) -> rules.FlagMatch:
    args: dict[str, object] = {
        "incident_opened_at": _OPENED,
        "crime_reported_at": _OPENED,
        "crime_forces": ["XX"],
        "our_force": "XX",
        "other_incidents": [],
        "match_days": 7,
        "incident_location": "12 High Street, Anytown",
        "crime_location": "12 High St, Anytown",
        "incident_kind": _VIOLENCE,
        "crime_offence": _ABH,
    }
    args.update(kw)
    return rules.flag_crime_match(**args)  # type: ignore[arg-type]


def test_a_crime_at_the_same_place_and_of_the_incidents_kind_matches_with_nothing_left_unchecked() -> None:
    match = _match()
    assert (match.mismatches, match.not_checked) == ((), ())


@pytest.mark.parametrize(
    ("incident_location", "crime_location", "same"),
    [
        ("12 High Street, Anytown", "12 High St., Anytown", True),
        ("High Street", "12 High Street, Anytown", True),
        ("O/S The Red Lion, Market Sq", "Red Lion, Market Square", True),
        ("Flat 2, 4 Mill Lane, AB1 2CD", "4 Mill Ln AB12CD", True),
        ("4 Mill Lane, AB1 2CD", "4 Mill Lane, AB9 9ZZ", False),  # the postcode decides where both give one
        ("12 High Street, Anytown", "3 Station Road, Anytown", False),
        ("12 High Street", "14 High Street", False),
        ("", "12 High Street", False),
    ],
)
def test_same_place_compares_the_words_of_two_addresses(
    incident_location: str, crime_location: str, same: bool
) -> None:
    assert rules.same_place(incident_location, crime_location) is same


def test_a_crime_somewhere_else_is_named_as_a_mismatch_with_both_places() -> None:
    match = _match(crime_location="3 Station Road, Anytown")
    assert match.mismatches == (rules.FlagMismatch.OTHER_PLACE,)
    assert match.explanation == (
        "it happened at '3 Station Road, Anytown', the incident at '12 High Street, Anytown'",
    )


def test_a_crime_of_another_kind_is_named_as_a_mismatch_with_the_offence_and_the_code() -> None:
    match = _match(incident_kind=_VEHICLE)
    assert match.mismatches == (rules.FlagMismatch.OTHER_KIND,)
    assert match.explanation == (
        "it is Assault with injury (8N, violence against the person), "
        "but the incident was logged as Crime: vehicle crime (CRIME-VEHICLE)",
    )


def test_a_kind_named_by_its_classes_admits_those_classes_only() -> None:
    assert _match(incident_kind=_VEHICLE, crime_offence=_THEFT_FROM_VEHICLE).mismatches == ()
    assert _match(crime_offence=_THEFT_FROM_VEHICLE).mismatches == (rules.FlagMismatch.OTHER_KIND,)


def test_every_mismatch_is_named_at_once() -> None:
    match = _match(
        crime_reported_at=_OPENED + timedelta(days=9),
        crime_forces=["YY"],
        other_incidents=["XX-2"],
        crime_location="3 Station Road",
        incident_kind=_VEHICLE,
    )
    assert match.mismatches == (
        rules.FlagMismatch.OTHER_INCIDENT,
        rules.FlagMismatch.OTHER_FORCE,
        rules.FlagMismatch.DAYS_APART,
        rules.FlagMismatch.OTHER_PLACE,
        rules.FlagMismatch.OTHER_KIND,
    )
    assert len(match.explanation) == 5


@pytest.mark.parametrize(
    ("kw", "said"),
    [
        ({"incident_location": ""}, "the place was not compared: the incident gives no location"),
        ({"crime_location": " "}, "the place was not compared: the crime gives no location"),
        (
            {"incident_location": "", "crime_location": ""},
            "the place was not compared: neither the incident nor the crime gives a location",
        ),
        (
            {"incident_kind": _UNTYPED},
            "the kind of incident was not compared: its code (Crime: other or not yet typed) names no kind "
            "of crime",
        ),
        (
            {"crime_offence": None},
            "the kind of incident was not compared: the offence or the NSIR code is unknown",
        ),
    ],
)
def test_what_could_not_be_compared_is_said_never_passed_as_a_match(kw: dict[str, object], said: str) -> None:
    match = _match(**kw)
    assert match.mismatches == ()
    assert match.not_checked == (said,)


# ---------------------------------------------------------------- dip-test strata by the screen's score
def test_score_strata_keep_the_weighted_compliance_estimate_unbiased() -> None:
    """Hidden-risk incidents whose narrative scores high are far more often wrongly left unrecorded. The
    dip-test over-samples them (qa.rules.score_band_sizes); weighted by N_h/n_h the estimate still
    centres on the day's true compliance, while the unweighted share of the sample does not."""
    rng = random.Random(21)  # the fixed seed: the population and every draw below follow from it
    population: dict[int, tuple[float, bool]] = {}
    for unit in range(1200):
        score = rng.choice([rng.uniform(0.0, 0.2), rng.uniform(0.2, 0.5), rng.uniform(0.5, 1.0)] + [0.05] * 3)
        compliant = rng.random() > (0.6 if score >= 0.5 else 0.15 if score >= 0.2 else 0.03)
        population[unit] = (score, compliant)
    truth = sum(c for _s, c in population.values()) / len(population)
    strata: dict[str, list[int]] = {}
    for unit, (score, _c) in population.items():
        strata.setdefault(f"hidden-risk:{rules.score_band(score)}", []).append(unit)
    sizes = {f"hidden-risk:{band}": n for band, n in rules.score_band_sizes(40).items()}
    assert sizes["hidden-risk:high"] > sizes["hidden-risk:mid"] > sizes["hidden-risk:low"]

    weighted: list[float] = []
    unweighted: list[float] = []
    for draw in range(3000):
        sample = rules.draw_sample(strata, sizes, f"2026-03-01:{draw}")
        results = [AuditResult(s.weight, population[unit][1]) for s in sample.values() for unit in s.items]
        estimate = rules.weighted_compliance(results)
        assert estimate.rate is not None
        weighted.append(estimate.rate)
        unweighted.append(sum(r.compliant for r in results) / len(results))
    mean = sum(weighted) / len(weighted)
    spread = (sum((x - mean) ** 2 for x in weighted) / (len(weighted) - 1)) ** 0.5
    standard_error = spread / len(weighted) ** 0.5
    assert abs(mean - truth) < 3 * standard_error  # unbiased: the mean of 3,000 draws sits on the truth
    # ...and the check can fail: the raw share of an over-sampled sample is far off.
    assert abs(sum(unweighted) / len(unweighted) - truth) > 20 * standard_error


@pytest.mark.parametrize(
    ("score", "band"),
    [(None, "unscreened"), (0.0, "low"), (0.19, "low"), (0.2, "mid"), (0.5, "high"), (1.0, "high")],
)
def test_score_band(score: float | None, band: str) -> None:
    assert rules.score_band(score) == band


# ---------------------------------------------------------------- possible hidden crimes: risk and the page
@pytest.mark.parametrize(
    ("categories", "code", "risk"),
    [
        (["Theft offences", "Sexual offences"], "ASB-ROWDY", 0),
        (["Violence against the person", "Criminal damage and arson"], "PS-DOMESTIC", 1),
        (["Criminal damage and arson"], "PS-DOMESTIC", 2),
        ([], "CRIME-DOMESTIC", 2),
        (["Criminal damage and arson"], "ASB-ROWDY", 3),
        ([], "PS-CONCERN", 3),
    ],
)
def test_hidden_crime_risk_puts_sexual_then_violence_then_domestic_abuse_first(
    categories: list[str], code: str, risk: int
) -> None:
    assert rules.hidden_crime_risk(categories=categories, nsir_code=code) == risk


def test_narrative_segments_mark_evidence_and_strike_discounted_text_and_keep_every_character() -> None:
    text = "He pushed her. He denies any assault. She is fine."
    segments = rules.narrative_segments(text, [(3, 13)], [(15, 36, "negation")])
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.kind, s.why) for s in segments] == [
        ("He ", "plain", ""),
        ("pushed her", "evidence", ""),
        (". ", "plain", ""),
        ("He denies any assault", "discounted", "negation"),
        (". She is fine.", "plain", ""),
    ]


def test_evidence_wins_over_a_discount_that_overlaps_it_and_spans_are_clipped() -> None:
    segments = rules.narrative_segments("abcdef", [(2, 4)], [(0, 99, "hypothetical")])
    assert [(s.text, s.kind) for s in segments] == [
        ("ab", "discounted"),
        ("cd", "evidence"),
        ("ef", "discounted"),
    ]


def test_every_module_of_the_rules_package_imports_only_the_standard_library_and_its_siblings() -> None:
    """STYLE.md: rules are pure. Split by stage, each module may import the standard library and its own
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
                assert top in sys.stdlib_module_names or name.startswith("qa.rules."), (path.name, name)
