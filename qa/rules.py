"""Pure QA logic: the Wilson score interval, stratified sampling for dip-tests and weighted compliance.

No Django, no ORM, no I/O: everything here is unit-tested without a database (STYLE.md §1).

Rules cited: R-DIP-TEST (stratified random and risk-targeted samples), R-NSIR-SWEEP (over-sample incidents
closed under hidden-crime-risk codes), R-CDI-RATE (accuracy = correct ÷ should-have-been-recorded, with a
confidence interval), R-RAPE-RECORD (rape and serious sexual offence classes reviewed daily).
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

T = TypeVar("T", bound=Hashable)

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


# ---------------------------------------------------------------- stratified sampling (R-DIP-TEST)
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


# ---------------------------------------------------------------- time rules
def hours_open(opened_at: datetime, now: datetime) -> int:
    """Whole hours an incident has been open (shown on the sweep queue and the API)."""
    return max(0, int((now - opened_at).total_seconds() // 3600))


def sweep_cutoff(now: datetime, grace_hours: int) -> datetime:
    """Incidents opened before this instant are past the grace period (R-NSIR-AUDIT-TRAIL, R-NCRS-24H)."""
    return now - timedelta(hours=grace_hours)


def amendment_due(found_on: date, *, days: int) -> date:
    """When the record's owner must have fixed an error a dip-test found."""
    return found_on + timedelta(days=days)


# ---------------------------------------------------------------- rape review (R-RAPE-RECORD)
RAPE_REVIEW_CATEGORY = "Sexual offences"
RAPE_REVIEW_TITLE_WORDS = ("rape", "assault by penetration", "penetration", "serious sexual")
# Seriousness rank 6 in ho_offences.csv holds the "serious child/penetrative sexual offences"
# (DOMAIN-crime.md, R-PRINCIPAL banding); ranks 4-6 in the sexual-offences category are the serious classes.
RAPE_REVIEW_MAX_RANK = 6


def is_rape_or_serious_sexual(*, category: str, title: str, seriousness_rank: int) -> bool:
    """Whether an offence class goes to the sergeant's daily rape review.

    Derived from the reference data, never a hard-coded code list: an Offence in the "Sexual offences"
    category whose title names rape, assault by penetration or a serious sexual offence, or whose
    seriousness rank is 6 or more serious (rape = 4; serious penetrative/child offences = 6)."""
    if category != RAPE_REVIEW_CATEGORY:
        return False
    lowered = title.lower()
    return (
        any(word in lowered for word in RAPE_REVIEW_TITLE_WORDS) or seriousness_rank <= RAPE_REVIEW_MAX_RANK
    )


CHILD_AGE_LIMIT = 18


def abuse_team_for(victim_age: int | None) -> str:
    """Which investigation team advice goes to: "child" under 18, "adult" otherwise; "unknown" age is
    treated as a child until established (safeguarding first)."""
    if victim_age is None or victim_age < CHILD_AGE_LIMIT:
        return "child"
    return "adult"


def group_counts(keys: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return counts


# ---------------------------------------------------------------- resolving a flag with a crime
class FlagMismatch:
    """Why a crime offered to resolve an unrecorded-incident flag may not be the incident's crime."""

    OTHER_INCIDENT = "other_incident"
    OTHER_FORCE = "other_force"
    DAYS_APART = "days_apart"
    OTHER_PLACE = "other_place"
    OTHER_KIND = "other_kind"


@dataclass(frozen=True)
class OffenceFacts:
    """The offence a crime is recorded under, as the match needs it (from the offence reference)."""

    code: str
    title: str
    category: str


@dataclass(frozen=True)
class IncidentKind:
    """The kind of incident its NSIR code names, and the offences a crime of that kind is recorded under
    (qa/reference/nsir_crime_kinds.csv). Empty `categories` and `classes`: the code names no kind of
    crime (CRIME, CRIME-DOMESTIC, a non-crime code), so the kind cannot be compared."""

    code: str
    title: str
    categories: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()

    @property
    def names_a_kind(self) -> bool:
        return bool(self.categories or self.classes)

    def admits(self, offence: OffenceFacts) -> bool:
        return offence.category in self.categories or offence.code in self.classes


@dataclass(frozen=True)
class FlagMatch:
    mismatches: tuple[str, ...]
    explanation: tuple[str, ...]
    # What the match could not compare, in words (a check that did not run says so, never "matches").
    not_checked: tuple[str, ...] = ()

    @property
    def needs_reason(self) -> bool:
        return bool(self.mismatches)


# Common address abbreviations, so "12 High St." and "12 High Street" are one place.
_ADDRESS_WORDS = {
    "st": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "dr": "drive",
    "cl": "close",
    "ct": "court",
    "cres": "crescent",
    "pl": "place",
    "sq": "square",
    "gdns": "gardens",
    "terr": "terrace",
    "tce": "terrace",
    "pde": "parade",
    "hwy": "highway",
}
# Words that say nothing about which place it is.
_ADDRESS_NOISE = frozenset({"the", "of", "at", "near", "outside", "junction", "jct", "and", "by", "with"})
_POSTCODE = re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b")


@dataclass(frozen=True)
class Address:
    words: frozenset[str]
    postcodes: frozenset[str]


def address_parts(address: str) -> Address:
    """The words of an address that name the place (lower case, punctuation dropped, common
    abbreviations written out) and its postcodes (without their space)."""
    text = address.lower().replace("o/s", " outside ").replace("j/w", " junction ")
    postcodes = frozenset(f"{a}{b}" for a, b in _POSTCODE.findall(text))
    words = {_ADDRESS_WORDS.get(w, w) for w in re.findall(r"[a-z0-9]+", _POSTCODE.sub(" ", text))}
    return Address(words=frozenset(words - _ADDRESS_NOISE), postcodes=postcodes)


def same_place(first: str, second: str) -> bool:
    """Whether two addresses name the same place: the same postcode where both give one, otherwise the
    words of one contain all the words of the other ("High Street" is within "12 High St, Anytown")."""
    a, b = address_parts(first), address_parts(second)
    if a.postcodes and b.postcodes:
        return bool(a.postcodes & b.postcodes)
    return bool(a.words and b.words) and (a.words <= b.words or b.words <= a.words)


def flag_crime_match(
    *,
    incident_opened_at: datetime,
    crime_reported_at: datetime,
    crime_forces: Iterable[str],
    our_force: str,
    other_incidents: Sequence[str],
    match_days: int,
    incident_location: str = "",
    crime_location: str = "",
    incident_kind: IncidentKind | None = None,
    crime_offence: OffenceFacts | None = None,
) -> FlagMatch:
    """Does the crime offered to resolve a flag look like the incident's own? (Contract: the resolve
    endpoint; R-NSIR-AUDIT-TRAIL.) It does not when it is already linked to another incident, belongs to
    another force (its crime number's force or the force area it happened in), was reported more than
    `match_days` days before or after the incident opened, happened somewhere other than the incident's
    location, or is of another kind than the incident's NSIR code names. Each mismatch is named and needs
    the sergeant's reason; what could not be compared (no location on one side, a code that names no kind
    of crime) is listed in `not_checked`, never passed as a match."""
    mismatches: list[str] = []
    explanation: list[str] = []
    not_checked: list[str] = []
    if other_incidents:
        mismatches.append(FlagMismatch.OTHER_INCIDENT)
        explanation.append(f"it is already linked to incident {', '.join(other_incidents)}")
    others = sorted({f for f in crime_forces if f and f != our_force})
    if others:
        mismatches.append(FlagMismatch.OTHER_FORCE)
        explanation.append(f"it belongs to another force ({', '.join(others)})")
    apart = abs(crime_reported_at - incident_opened_at)
    if apart > timedelta(days=match_days):
        mismatches.append(FlagMismatch.DAYS_APART)
        days = apart.days
        explanation.append(
            f"it was reported {days} day{'s' if days != 1 else ''} "
            f"{'after' if crime_reported_at > incident_opened_at else 'before'} the incident opened "
            f"(more than {match_days})"
        )
    incident_location, crime_location = incident_location.strip(), crime_location.strip()
    if not incident_location or not crime_location:
        missing = "the incident" if not incident_location else "the crime"
        if not incident_location and not crime_location:
            missing = "neither the incident nor the crime"
            not_checked.append(f"the place was not compared: {missing} gives a location")
        else:
            not_checked.append(f"the place was not compared: {missing} gives no location")
    elif not same_place(incident_location, crime_location):
        mismatches.append(FlagMismatch.OTHER_PLACE)
        explanation.append(f"it happened at {crime_location!r}, the incident at {incident_location!r}")
    if incident_kind is None or crime_offence is None:
        not_checked.append("the kind of incident was not compared: the offence or the NSIR code is unknown")
    elif not incident_kind.names_a_kind:
        not_checked.append(
            f"the kind of incident was not compared: its code ({incident_kind.title}) names no kind of crime"
        )
    elif not incident_kind.admits(crime_offence):
        mismatches.append(FlagMismatch.OTHER_KIND)
        explanation.append(
            f"it is {crime_offence.title} ({crime_offence.code}, {crime_offence.category.lower()}), "
            f"but the incident was logged as {incident_kind.title} ({incident_kind.code})"
        )
    return FlagMatch(
        mismatches=tuple(mismatches), explanation=tuple(explanation), not_checked=tuple(not_checked)
    )


# ---------------------------------------------------------------- the hidden-crime screen (issue 21)
HIDDEN_RISK_BY_CATEGORY = {"Sexual offences": 0, "Violence against the person": 1}
HIDDEN_RISK_DOMESTIC = 2
HIDDEN_RISK_OTHER = 3
DOMESTIC_CODES = frozenset({"PS-DOMESTIC", "CRIME-DOMESTIC"})


def hidden_crime_risk(*, categories: Iterable[str], nsir_code: str) -> int:
    """The queue's risk band of a possible hidden crime (issue 21: sexual offences, then violence against
    the person, then domestic abuse, then the rest): the most serious category among the offences the
    narrative discloses; a domestic incident that discloses neither is domestic abuse."""
    bands = [HIDDEN_RISK_BY_CATEGORY[c] for c in categories if c in HIDDEN_RISK_BY_CATEGORY]
    if bands:
        return min(bands)
    return HIDDEN_RISK_DOMESTIC if nsir_code in DOMESTIC_CODES else HIDDEN_RISK_OTHER


@dataclass(frozen=True)
class Segment:
    """A run of a narrative as the flag page shows it: plain, evidence (highlighted) or discounted
    (struck through). `why` says why discounted text was set aside."""

    text: str
    kind: str  # "plain", "evidence", "discounted"
    why: str = ""


def narrative_segments(
    narrative: str,
    evidence: Iterable[tuple[int, int]],
    discounted: Iterable[tuple[int, int, str]],
) -> list[Segment]:
    """Cut the narrative into plain, evidence and discounted runs from the screen's character spans.
    Evidence wins where a discounted span overlaps it (the page must never hide a reason to record);
    spans outside the text are clipped. The runs joined are the narrative, unchanged."""
    size = len(narrative)
    marks: list[tuple[str, str]] = [("plain", "")] * size
    for start, end, why in discounted:
        for i in range(max(0, start), min(size, end)):
            marks[i] = ("discounted", why)
    for start, end in evidence:
        for i in range(max(0, start), min(size, end)):
            marks[i] = ("evidence", "")
    segments: list[Segment] = []
    begin = 0
    for i in range(1, size + 1):
        if i == size or marks[i] != marks[begin]:
            kind, why = marks[begin]
            segments.append(Segment(narrative[begin:i], kind, why))
            begin = i
    return segments


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


FUTURE_DAY = "The day cannot be in the future: there are no figures for a day that has not happened."


def figures_day_refusal(day: date | None, today: date) -> str:
    """Why the daily figures cannot be given for `day` ('' when they can). A future day is refused like
    a malformed one (the page shows it as a field error, the API answers 400) rather than shown as a
    day of zeros that looks like a real, quiet day."""
    if day is not None and day > today:
        return FUTURE_DAY
    return ""
