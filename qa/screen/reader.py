"""The examples model: a second reader for what the rules leave, trained on the labelled narratives the
project ships (qa/reference/screen_examples.json) when the pattern data is compiled; nothing is
downloaded and nothing is kept between processes.

What it reads: word stems (a crude suffix stripper, so "booted", "boots" and "booting" are one feature),
pairs of neighbouring stems and four-letter pieces of words (so a new spelling or compound still shares
most of its features with a known one), each weighted by tf-idf and the narrative scaled to unit length.
How it decides: a logistic regression (L2, full-batch gradient descent from zero, so the same data always
gives the same weights) gives the probability that a narrative discloses a crime. How it explains: the
sentence whose features add most to that probability is the evidence, and the class is the one the
most alike shipped crimes share (cosine over the same features), so every flag names the text that
caused it and the examples it resembles. The alike crimes vote for a kind of offence, not a class
(`families` in the pattern data: a theft, a damage, a rape, an assault), and the rules settle the class
from the narrative's own words (where it happened, the victim's age and sex, an injury): a bag of words
tells one kind of crime from another far better than it tells the place or the injury that decide the
class among its kin."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

_SUFFIXES = ("ingly", "edly", "ing", "ed", "es", "s", "ly")
# Words that carry meaning here although spaCy lists them as stop words: negation and who did what to whom.
_KEEP = frozenset(
    "no not nil never nothing without none n't her him his she he me off out into over back down up".split()
)


def stem(word: str) -> str:
    """A crude English stem: one suffix off, a doubled last letter and a final e dropped."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=65_536)
def _word(word: str) -> tuple[str, tuple[str, ...]]:
    """A word's stem and its own features (stem, four-letter pieces); words repeat, so kept."""
    stemmed = stem(word)
    padded = f"<{word}>"
    return stemmed, ("w:" + stemmed, *("c:" + padded[j : j + 4] for j in range(len(padded) - 3)))


def features(lowers: Sequence[str], stop: frozenset[str] | set[str]) -> list[str]:
    """The features of a run of lower-cased tokens: stems, pairs of stems, four-letter word pieces."""
    words = [w for w in lowers if w.isalpha() or w in ("n't", "£")]
    out: list[str] = []
    stems: list[str] = []
    for word in words:
        stemmed, own = _word(word)
        stems.append(stemmed)
        if word not in stop or word in _KEEP:
            out.extend(own)
    out.extend(f"b:{a}_{b}" for a, b in zip(stems, stems[1:], strict=False))
    return out


@dataclass(frozen=True, slots=True)
class ModelExample:
    id: str
    crime: bool
    classes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    probability: float
    offence: str | None  # the class the most alike shipped crimes share, within the kind they share
    kind: str | None  # that kind: a family of the pattern data (a class or @RESOLVER), else the class
    sentence: int  # index of the sentence that adds most to the probability
    alike: tuple[str, ...]  # ids of the shipped crimes it is most like


@dataclass(frozen=True)
class ExamplesModel:
    crime: float  # probability at or above which the answer is `crime`
    unsure: float  # ... `unsure` (a sergeant decides)
    k: int
    veto: float  # a rules' `crime` whose probability is below this is sent to a sergeant as `unsure`
    vocab: Mapping[str, int]
    idf: NDArray[np.float64]
    weights: NDArray[np.float64]
    bias: float
    examples: tuple[ModelExample, ...]
    crime_postings: Mapping[int, tuple[tuple[int, float], ...]]  # feature -> (crime example, value)
    family: Mapping[str, str]  # class -> the kind it belongs to (a class or @RESOLVER), where it has one

    def _vector(self, feats: Sequence[str]) -> tuple[list[int], list[float]]:
        counts = Counter(feats)
        idx: list[int] = []
        val: list[float] = []
        for feat, count in counts.items():
            j = self.vocab.get(feat)
            if j is not None:
                idx.append(j)
                val.append((1.0 + math.log(count)) * float(self.idf[j]))
        norm = math.sqrt(sum(v * v for v in val)) or 1.0
        return idx, [v / norm for v in val]

    # feature -> (weight x idf, idf): the probability in plain floats, one look-up a feature
    table: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def probability(self, lowers: Sequence[str], stop: frozenset[str] | set[str]) -> float:
        """The same value as `read(...).probability`, without the explanation (what every narrative
        the rules leave costs)."""
        numerator = norm = 0.0
        for feat, count in Counter(features(lowers, stop)).items():
            entry = self.table.get(feat)
            if entry is not None:
                tf = 1.0 if count == 1 else 1.0 + math.log(count)
                numerator += tf * entry[0]
                norm += (tf * entry[1]) ** 2
        z = self.bias + (numerator / math.sqrt(norm) if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-z))

    def read(
        self, lowers: Sequence[str], sent_bounds: Sequence[tuple[int, int]], stop: frozenset[str] | set[str]
    ) -> Reading:
        """The probability, and for a narrative it flags the sentence and class that explain it (the
        explanation costs more than the probability, so `probability` alone is read first)."""
        idx, val = self._vector(features(lowers, stop))
        z = self.bias + float(np.dot(self.weights[idx], val)) if idx else self.bias
        probability = 1.0 / (1.0 + math.exp(-z))
        best, best_sent = -math.inf, 0
        for i, (start, end) in enumerate(sent_bounds):
            s_idx, _ = self._vector(features(lowers[start:end], stop))
            gain = float(np.sum(np.clip(self.weights[s_idx], 0.0, None) * self.idf[s_idx])) if s_idx else 0.0
            if gain > best:
                best, best_sent = gain, i
        sims: dict[int, float] = defaultdict(float)
        for j, v in zip(idx, val, strict=True):
            for example, value in self.crime_postings.get(j, ()):
                sims[example] += v * value
        top = sorted(sims.items(), key=lambda item: (-item[1], item[0]))[: self.k]
        by_kind: dict[str, float] = defaultdict(float)
        by_class: dict[str, float] = defaultdict(float)
        for example, sim in top:
            code = self.examples[example].classes[0]
            by_kind[self.family.get(code, code)] += sim
            by_class[code] += sim
        if not by_kind:
            return Reading(probability, None, None, best_sent, ())
        kind = max(by_kind.items(), key=lambda item: (item[1], item[0]))[0]
        offence = max(
            ((c, v) for c, v in by_class.items() if self.family.get(c, c) == kind),
            key=lambda item: (item[1], item[0]),
        )[0]
        return Reading(probability, offence, kind, best_sent, tuple(self.examples[e].id for e, _ in top))


def train(
    bags: Sequence[list[str]],
    examples: Sequence[ModelExample],
    *,
    crime: float,
    unsure: float,
    k: int,
    c: float,
    epochs: int,
    veto: float = 0.0,
    family: Mapping[str, str] | None = None,
) -> ExamplesModel:
    """Fit the model on the features of each shipped example (deterministic: same data, same weights)."""
    vocab: dict[str, int] = {}
    counts = [Counter(bag) for bag in bags]
    for bag in counts:
        for feat in bag:
            vocab.setdefault(feat, len(vocab))
    n, width = len(counts), len(vocab)
    df = np.zeros(width)
    for bag in counts:
        df[[vocab[f] for f in bag]] += 1
    idf = np.log((1 + n) / (1 + df)) + 1.0
    rows: list[NDArray[np.int64]] = []
    cols: list[NDArray[np.int64]] = []
    vals: list[NDArray[np.float64]] = []
    for r, bag in enumerate(counts):
        col = np.array([vocab[f] for f in bag], dtype=np.int64)
        val = (1.0 + np.log(np.array(list(bag.values()), dtype=np.float64))) * idf[col]
        val /= np.linalg.norm(val) or 1.0
        rows.append(np.full(len(col), r, dtype=np.int64))
        cols.append(col)
        vals.append(val)
    ri, ci, vv = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
    y = np.array([e.crime for e in examples], dtype=np.float64)
    weights, bias = np.zeros(width), 0.0
    lam, rate = 1.0 / (c * n), 10.0
    for _ in range(epochs):
        z = np.bincount(ri, weights=vv * weights[ci], minlength=n) + bias
        error = 1.0 / (1.0 + np.exp(-z)) - y
        weights -= rate * (np.bincount(ci, weights=vv * error[ri], minlength=width) / n + lam * weights)
        bias -= rate * float(error.mean())
    postings: dict[int, list[tuple[int, float]]] = defaultdict(list)
    pieces = {j for feat, j in vocab.items() if feat.startswith("c:")}
    for r, example in enumerate(examples):
        if example.crime and example.classes:
            # The class is the one the most alike shipped crimes share, alike by words and word pairs
            # (word pieces tell a crime from a non-crime better than one crime from another).
            pairs = zip(cols[r].tolist(), vals[r].tolist(), strict=True)
            keep = [(j, v) for j, v in pairs if j not in pieces]
            norm = math.sqrt(sum(v * v for _, v in keep)) or 1.0
            for j, v in keep:
                postings[j].append((r, v / norm))
    return ExamplesModel(
        crime=crime,
        unsure=unsure,
        k=k,
        veto=veto,
        vocab=vocab,
        idf=idf,
        weights=weights,
        bias=bias,
        examples=tuple(examples),
        crime_postings={j: tuple(p) for j, p in postings.items()},
        family=dict(family or {}),
        table={feat: (float(weights[j] * idf[j]), float(idf[j])) for feat, j in vocab.items()},
    )
