"""The second readers, asked when the rules find no offence (or only offences whose points are not made
out): the examples model when the pattern data has one, else the vote of the nearest labelled examples.
Each names the sentence that made the narrative look like a crime, as the rules name their phrases."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from spacy.tokens import Doc

from qa.screen.patterns import PatternSet, terms
from qa.screen.reader import ExamplesModel
from qa.screen.result import CrimeFinding, Discount, ScreenResult, Span, Verdict

MODEL_PATTERN = "EXAMPLES-MODEL"

# The rules' settling of a kind of offence the model read: (class, cue token spans, upgrade ids).
Settled = tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]]
Settle = Callable[[str, int], Settled | None]  # (kind, sentence index) -> Settled, or None


def char_span(doc: Doc, narrative: str, start: int, end: int) -> Span:
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return Span(s, e, narrative[s:e])


def by_neighbours(
    doc: Doc,
    narrative: str,
    patterns: PatternSet,
    sent_bounds: list[tuple[int, int]],
    best: float,
    discounted: tuple[Discount, ...],
    read_aside: bool = False,
    *,
    settle: Settle | None = None,
) -> ScreenResult:
    """When the rules find nothing, ask how the shipped labelled narratives most like this one were
    labelled. Most of them crimes -> `unsure` (never `crime`), the class the crimes among them share,
    and the sentence sharing most weighted words with them as the evidence."""
    nb = patterns.neighbours
    none = ScreenResult("no_crime", best, patterns.version, (), discounted)
    if nb is None:
        return none
    if nb.model is not None:
        if read_aside:
            # A cue set an offence aside here (a denial, a fear, someone else's crime, a loss found, an
            # eviction): the model does not overrule a reading it cannot explain away. An offence whose
            # points to prove are merely not made out ("sexual comments" without a child's age) is
            # still read by the model.
            return none
        return _by_model(doc, narrative, patterns, nb.model, sent_bounds, none, settle)
    bag: dict[str, float] = defaultdict(float)
    for term in terms(patterns.nlp, doc):
        bag[term] += nb.idf.get(term, 0.0)
    norm = math.sqrt(sum(v * v for v in bag.values()))
    if not norm:
        return none
    scores: dict[int, float] = defaultdict(float)
    for term, weight in bag.items():
        for i, value in nb.index.get(term, ()):
            scores[i] += weight / norm * value
    top = sorted(scores.items(), key=lambda item: -item[1])[: nb.k]
    if not top or top[0][1] < nb.min_similarity:
        return none
    total = sum(sim for _, sim in top)
    crime_sim = sum(sim for i, sim in top if nb.examples[i].crime)
    vote = crime_sim / total if total else 0.0
    if vote < nb.vote:
        return none
    by_class: dict[str, float] = defaultdict(float)
    shared: dict[str, float] = defaultdict(float)
    for i, sim in top:
        example = nb.examples[i]
        if example.crime and example.classes:
            by_class[example.classes[0]] += sim
            for term, value in example.vector.items():
                shared[term] += value * sim
    if not by_class:
        return none
    code = max(by_class.items(), key=lambda item: (item[1], item[0]))[0]
    lowers = [t.lower_ for t in doc]
    start, end = max(sent_bounds, key=lambda b: sum(shared.get(w, 0.0) for w in lowers[b[0] : b[1]]))
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end <= start:
        return none
    offence = patterns.offences[code]
    finding = CrimeFinding(
        offence=code,
        principal=True,
        refer_to=patterns.refer.get(code),
        evidence=(char_span(doc, narrative, start, end),),
        patterns=("NEAR-EXAMPLES",),  # one pattern, so its outcomes are counted like any other's
        rules=("R-NCRS-BOP" if offence.victim_based else "R-NCRS-STATE", "R-PRINCIPAL"),
        score=nb.weight * vote,
    )
    return ScreenResult("unsure", nb.weight * vote, patterns.version, (finding,), discounted)


def _by_model(
    doc: Doc,
    narrative: str,
    patterns: PatternSet,
    model: ExamplesModel,
    sent_bounds: list[tuple[int, int]],
    none: ScreenResult,
    settle: Settle | None,
) -> ScreenResult:
    """The examples model's reading: `crime` at model.crime, `unsure` at model.unsure, else the rules'
    no_crime. The score is the probability mapped onto the pattern thresholds' bands, so a score reads
    the same whichever reader gave it; the evidence is the sentence that adds most to the probability.
    The class is the kind of offence the most alike shipped crimes share, settled by the rules (`settle`)
    from the narrative's words, with the cues that settled it (an injury, a racial motive) as evidence."""
    lowers = [t.lower_ for t in doc]
    stop = patterns.nlp.Defaults.stop_words
    if model.probability(lowers, stop) < model.unsure:
        return none
    reading = model.read(lowers, sent_bounds, stop)
    p = reading.probability
    if p < model.unsure or reading.offence is None:
        return none
    start, end = sent_bounds[reading.sentence]
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end <= start:
        return none
    crime_t, unsure_t = patterns.crime_threshold, patterns.unsure_threshold
    if p >= model.crime:
        verdict: Verdict = "crime"
        score = crime_t + (1.0 - crime_t) * (p - model.crime) / max(1.0 - model.crime, 1e-9)
    else:
        verdict = "unsure"
        score = unsure_t + (crime_t - unsure_t) * (p - model.unsure) / max(model.crime - model.unsure, 1e-9)
        score = min(score, crime_t - 1e-6)
    code: str = reading.offence
    cue_spans: tuple[tuple[int, int], ...] = ()
    upgrades: tuple[str, ...] = ()
    settled = settle(reading.kind, reading.sentence) if settle is not None and reading.kind else None
    if settled is not None:
        code, cue_spans, upgrades = settled
    offence = patterns.offences[code]
    rules = ["R-NCRS-BOP" if offence.victim_based else "R-NCRS-STATE", "R-PRINCIPAL"]
    if patterns.refer.get(code):
        rules.append("R-FRAUD-AF")
    finding = CrimeFinding(
        offence=code,
        principal=True,
        refer_to=patterns.refer.get(code),
        evidence=tuple(char_span(doc, narrative, s, e) for s, e in _merged([(start, end), *cue_spans])),
        patterns=(MODEL_PATTERN, *upgrades),  # the model is one pattern, so its outcomes are counted
        rules=tuple(rules),
        score=round(score, 6),
    )
    return ScreenResult(verdict, round(score, 6), patterns.version, (finding,), none.discounted)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token spans in order, overlapping ones joined (a cue inside the sentence adds nothing)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out
