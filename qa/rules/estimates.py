"""Estimates with their uncertainty: the Wilson score interval, and weighted compliance from audited samples
(R-CDI-RATE: accuracy = correct ÷ should-have-been-recorded, with a confidence interval)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Two-sided 95% normal quantile (scipy.stats.norm.ppf(0.975)).
Z95 = 1.959963984540054


# ---------------------------------------------------------------- Wilson score interval
@dataclass(frozen=True)
class Interval:
    low: float
    high: float


def wilson_interval(successes: float, n: float, *, z: float = Z95) -> Interval | None:
    """Wilson 95% score interval for a proportion successes/n (R-CDI-RATE). None when n == 0.

    `successes` and `n` may be fractional: weighted compliance passes p̂·n_eff and n_eff."""
    if n <= 0:
        return None
    if successes < 0 or successes > n:
        raise ValueError("successes must lie between 0 and n")
    p = successes / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = (z / denom) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # At the edges the bounds are exactly 0 and 1; computing them leaves rounding dust (2.8e-17).
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return Interval(low=low, high=high)


# ---------------------------------------------------------------- weighted compliance (R-CDI-RATE)
@dataclass(frozen=True)
class AuditResult:
    weight: float
    compliant: bool


@dataclass(frozen=True)
class ComplianceEstimate:
    checked: int
    compliant: int
    rate: float | None
    ci95_low: float | None
    ci95_high: float | None
    effective_n: float


def weighted_compliance(results: Sequence[AuditResult]) -> ComplianceEstimate:
    """Estimate the day's compliance from a stratified sample by weighting each audited item by N_h/n_h.

    Estimate: p̂ = Σ w_i·y_i / Σ w_i (the Hájek ratio estimator), so an over-sampled stratum (hidden crime
    risk, take-all cancellations) counts only as much as it weighs in the day's work.
    Interval: Wilson 95% on Kish's effective sample size n_eff = (Σw)² / Σw², with p̂·n_eff successes.
    Unequal weights lose information, and n_eff ≤ n says by how much; with equal weights n_eff = n and
    this is exactly the ordinary Wilson interval on the raw counts."""
    checked = len(results)
    compliant = sum(1 for r in results if r.compliant)
    total = sum(r.weight for r in results)
    if checked == 0 or total <= 0:
        return ComplianceEstimate(checked, compliant, None, None, None, 0.0)
    rate = sum(r.weight for r in results if r.compliant) / total
    effective_n = total * total / sum(r.weight * r.weight for r in results)
    interval = wilson_interval(rate * effective_n, effective_n)
    assert interval is not None  # noqa: S101 - effective_n > 0 here
    return ComplianceEstimate(checked, compliant, rate, interval.low, interval.high, effective_n)


def audit_errors(answers: Mapping[str, bool | None], error_types: Mapping[str, str]) -> tuple[str, ...]:
    """The error type of every question answered "no", in question order: each becomes a finding, and an
    audit is compliant exactly when this is empty (so no table can show a non-compliant item without its
    finding, nor a finding on a compliant one)."""
    return tuple(error for question, error in error_types.items() if answers.get(question) is False)


def plain_rate(numerator: int, denominator: int) -> float | None:
    """A fraction in [0, 1], None when there is nothing to divide by (contract: daily performance)."""
    return numerator / denominator if denominator else None
