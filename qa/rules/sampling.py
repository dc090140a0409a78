"""Stratified sampling for dip-tests (R-DIP-TEST: stratified random and risk-targeted samples; R-NSIR-SWEEP:
over-sample incidents closed under hidden-crime-risk codes, banded by the screen's score)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class StratumSample[U]:
    stratum: str
    population: int  # N_h
    items: tuple[U, ...]  # the n_h drawn units, in draw order

    @property
    def size(self) -> int:
        return len(self.items)

    @property
    def weight(self) -> float:
        """Design weight N_h / n_h: how many units of the day each sampled unit stands for."""
        return self.population / self.size if self.items else 0.0


def sample_seed(day: date, seed: str) -> str:
    """The string every random part of a dip-test derives from: reproducible from (date, seed)."""
    return f"{day.isoformat()}:{seed}"


def stratum_rng(seed: str, stratum: str) -> random.Random:
    """A generator seeded by sha256 (stable across processes, unlike hash()). Each stratum has its own
    stream, so adding or resizing one stratum never changes what another stratum draws."""
    digest = hashlib.sha256(f"{seed}|{stratum}".encode()).digest()
    # Reproducible audit sampling, not cryptography: a seeded PRNG is exactly what is wanted.
    return random.Random(int.from_bytes(digest[:16], "big"))  # noqa: S311


def draw_sample[U: Hashable](
    population_by_stratum: Mapping[str, Iterable[U]],
    sizes: Mapping[str, int | None],
    seed: str,
) -> dict[str, StratumSample[U]]:
    """Simple random sampling without replacement inside each stratum.

    `sizes[stratum]` is n_h; None means take-all (cancellations, outcomes 14/16: every one is checked).
    A stratum smaller than its n_h is taken whole. A stratum missing from `sizes` is an error, so a new
    stratum can never be silently skipped. Units are sorted first so the draw does not depend on the
    order the database returned them in."""
    out: dict[str, StratumSample[U]] = {}
    for stratum in sorted(population_by_stratum):
        if stratum not in sizes:
            raise ValueError(f"no sample size configured for stratum {stratum!r}")
        units = sorted(set(population_by_stratum[stratum]), key=repr)
        size = sizes[stratum]
        if size is not None and size < 0:
            raise ValueError(f"sample size for {stratum!r} must not be negative")
        if size is None or size >= len(units):
            chosen: list[U] = units
        else:
            chosen = stratum_rng(seed, stratum).sample(units, size)
        out[stratum] = StratumSample(stratum=stratum, population=len(units), items=tuple(chosen))
    return out


# The dip-test's hidden-risk strata by the screen's score (R-NSIR-SWEEP; issue 21 part 4): the higher the
# score, the larger the share sampled. Each band's n is a fraction of RESOLVE_DIPTEST_HIDDEN_RISK.
SCORE_BANDS: tuple[tuple[str, float, float], ...] = (
    # (band, lowest score in it, share of the hidden-risk sample size)
    ("high", 0.5, 1.0),
    ("mid", 0.2, 0.5),
    ("low", 0.0, 0.25),
)
UNSCREENED_BAND = "unscreened"


def score_band(score: float | None) -> str:
    """The hidden-risk stratum of an incident by the screen's score; `unscreened` when never read."""
    if score is None:
        return UNSCREENED_BAND
    for band, lowest, _share in SCORE_BANDS:
        if score >= lowest:
            return band
    return SCORE_BANDS[-1][0]


def score_band_sizes(hidden_risk_n: int) -> dict[str, int]:
    """n_h for each score band: the high band takes the whole hidden-risk size, lower bands a share of
    it (at least one each); incidents the screen has not read take the whole size, as every hidden-risk
    incident did before the screen (nothing is known to sample them less)."""
    sizes = {band: max(1, round(hidden_risk_n * share)) for band, _lowest, share in SCORE_BANDS}
    sizes[UNSCREENED_BAND] = hidden_risk_n
    return sizes
