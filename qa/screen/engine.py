"""screen(narrative, nsir_code, patterns) -> ScreenResult: the explainable hidden-crime screen.

Pure: the compiled PatternSet carries the tokeniser and matchers; nothing here reads a database, a file
or the network. The steps, each driven by the pattern data:
1. match offence patterns, cue groups (injury, repetition, a find, ...) and fact cues over the tokens;
2. set aside what a ConText modifier scopes over (negation, hypothetical, someone else), keeping the cue;
3. set aside what a fact cue covers (a crime number in the same sentence; a verifiable fact after it);
4. check each offence's points to prove (a state-based offence needs a find, a course of conduct needs
   repetition), resolve generic offences to a class (burglary of a dwelling or not, the victim's age
   and sex for sexual offences), join combinations (force + taking = robbery), upgrade (injury, racial);
5. score each class (independent evidence: 1 - prod(1 - weight)), drop classes a more serious one
   subsumes, order by seriousness (R-PRINCIPAL) and answer crime / unsure / no_crime."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from qa.screen.patterns import SPAN_KEY, PatternSet, terms
from qa.screen.reader import ExamplesModel
from qa.screen.result import CrimeFinding, Discount, ScreenResult, Span, Verdict

_DIGITS = re.compile(r"\d{1,3}")
MODEL_PATTERN = "EXAMPLES-MODEL"


@dataclass(slots=True)
class _Hit:
    key: str
    kind: str  # "offence", "group" or "fact"
    start: int  # token offsets
    end: int
    sent: int
    discount: tuple[str, int, int, str] | None = None  # why, cue token start, cue token end, cue id


@dataclass(slots=True)
class _Class:
    code: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    order: int = 10_000

    @property
    def score(self) -> float:
        miss = 1.0
        for w in self.weights:
            miss *= 1.0 - w
        return 1.0 - miss


def _kind(patterns: PatternSet, key: str) -> str:
    if key in patterns.patterns:
        return "offence"
    if key in patterns.facts:
        return "fact"
    return "group"


def _match(doc: Doc, patterns: PatternSet, sent_of: list[int], lowers: list[str]) -> list[_Hit]:
    found: dict[str, list[SpacySpan]] = defaultdict(list)
    strings = doc.vocab.strings
    for match_id, start, end in patterns.matcher(doc, lowers):
        found[strings[match_id]].append(doc[start:end])
    for match_id, start, end in patterns.phrase_matcher(doc):
        found[strings[match_id]].append(doc[start:end])
    hits = []
    offence_spans: list[SpacySpan] = []
    for key, spans in found.items():
        kind = _kind(patterns, key)
        for span in filter_spans(spans):  # one hit per place per pattern: the longest of overlapping matches
            if kind == "offence":
                offence_spans.append(SpacySpan(doc, span.start, span.end, label=key))
            else:
                hits.append(
                    _Hit(key=key, kind=kind, start=span.start, end=span.end, sent=sent_of[span.start])
                )
    # Between offence patterns too the longest reading of a place wins, as spaCy's entity ruler does:
    # "put every one of your windows through" is a threat, not the damage its first words describe.
    # A pattern with points to prove (a course of conduct, a find) takes no part: if its points are not
    # made out, the shorter reading it covers must still be read; those are settled after the check.
    plain = [span for span in offence_spans if not patterns.patterns[span.label_].requires]
    # filter_spans keeps the first of equally long spans: put the surer pattern first.
    plain.sort(
        key=lambda span: (-patterns.patterns[span.label_].weight, patterns.patterns[span.label_].order)
    )
    conditional = [span for span in offence_spans if patterns.patterns[span.label_].requires]
    for span in [*filter_spans(plain), *conditional]:
        hits.append(
            _Hit(key=span.label_, kind="offence", start=span.start, end=span.end, sent=sent_of[span.start])
        )
    hits.sort(key=lambda h: (h.start, h.end, h.key))
    return hits


def _apply_contexts(doc: Doc, patterns: PatternSet, hits: list[_Hit]) -> None:
    spans = [SpacySpan(doc, h.start, h.end, label=f"h{i}") for i, h in enumerate(hits)]
    doc.spans[SPAN_KEY] = spans
    for context in patterns.contexts:
        context.component(doc)
    for hit, span in zip(hits, spans, strict=True):
        exempt = patterns.patterns[hit.key].exempt if hit.kind == "offence" else frozenset()
        for context in patterns.contexts:
            if context.name in exempt:
                continue
            cue = span._.get(context.extension)
            if cue:
                cue_id = context.cue_ids.get(" ".join(t.lower_ for t in doc[cue[0] : cue[1]]), context.name)
                hit.discount = (context.why, cue[0], cue[1], cue_id)
                break


def _applies(fact_applies: frozenset[str], tags: tuple[str, ...], code: str) -> bool:
    return "*" in fact_applies or code in fact_applies or any(t in fact_applies for t in tags)


def _apply_facts(patterns: PatternSet, hits: list[_Hit]) -> None:
    facts = [h for h in hits if h.kind == "fact" and h.discount is None]
    for hit in hits:
        if hit.kind != "offence" or hit.discount is not None:
            continue
        pattern = patterns.patterns[hit.key]
        for fact_hit in facts:
            fact = patterns.facts[fact_hit.key]
            if fact.why in pattern.exempt or not _applies(fact.applies_to, pattern.tags, pattern.offence):
                continue
            if fact.scope == "sentence":
                covered = fact_hit.sent == hit.sent
            elif fact.scope == "before":  # the cue comes before what it covers ("crime ref ..: burglary")
                covered = fact_hit.start >= 0 and hit.start >= fact_hit.start
            elif fact.scope == "after":  # a later fact sets aside what was said before it
                covered = fact_hit.start >= hit.end
            elif fact.scope == "overlap":  # the same words read another way ("threw her out of the house")
                covered = fact_hit.start < hit.end and hit.start < fact_hit.end
            else:
                covered = True
            if covered:
                hit.discount = (fact.why, fact_hit.start, fact_hit.end, fact.id)
                break


class _Reader:
    """Lower-cased token text of spans and sentences, for the resolvers' word lists."""

    def __init__(self, doc: Doc, sent_bounds: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.lowers = [t.lower_ for t in doc]
        self.sent_bounds = sent_bounds
        self._positions: defaultdict[str, list[int]] | None = None  # token text -> where it stands

    def text(self, start: int, end: int) -> str:
        return " " + " ".join(self.lowers[start:end]) + " "

    def nearest(
        self, rules: tuple[tuple[tuple[str, ...], str], ...], start: int, end: int, at: int
    ) -> str | None:
        """The class of the rule whose word stands nearest to token `at` within [start, end)."""
        if self._positions is None:
            self._positions = defaultdict(list)
            for i, lower in enumerate(self.lowers):
                self._positions[lower].append(i)
        best: tuple[int, int, str] | None = None
        for order, (words, code) in enumerate(rules):
            for word in words:
                parts = word.split(" ")
                n = len(parts)
                for i in self._positions.get(parts[0], ()):
                    if start <= i <= end - n and (n == 1 or self.lowers[i : i + n] == parts):
                        candidate = (abs(i - at), order, code)
                        if best is None or candidate < best:
                            best = candidate
        return best[2] if best else None

    def sentence(self, sent: int) -> str:
        start, end = self.sent_bounds[sent]
        return self.text(start, end)


def _has_any(text: str, words: tuple[str, ...] | frozenset[str]) -> bool:
    return any(f" {w} " in text for w in words)


def _count(text: str, words: frozenset[str]) -> int:
    return sum(text.count(f" {w} ") for w in words)


def _victim(
    patterns: PatternSet, reader: _Reader, hit: _Hit, ages: list[tuple[int, int, int]]
) -> tuple[str, str]:
    female, male = patterns.words.get("female", frozenset()), patterns.words.get("male", frozenset())
    sex = "female"
    for text in (
        reader.text(hit.start, hit.end),
        reader.sentence(hit.sent),
        reader.text(0, len(reader.lowers)),
    ):
        f, m = _count(text, female), _count(text, male)
        if f != m:
            sex = "female" if f > m else "male"
            break
    # The victim of a sexual offence is read as the youngest person whose age the log gives in the same
    # sentence, else in the whole log: the suspect's age is usually the other one, and a child's age is
    # the fact that decides the class.
    same = [a[2] for a in ages if a[1] == hit.sent]
    age = min(same) if same else min((a[2] for a in ages), default=None)
    if age is not None and age < 13:
        band = "under13"
    elif age is not None and age < 16:
        band = "under16"
    else:
        band = "adult"
    return sex, band


def _resolve(
    patterns: PatternSet, ref: str, reader: _Reader, hit: _Hit, ages: list[tuple[int, int, int]]
) -> str | None:
    if not ref.startswith("@"):
        return ref
    resolver = patterns.resolvers[ref[1:]]
    if resolver.by_victim is not None:
        sex, band = _victim(patterns, reader, hit, ages)
        return resolver.by_victim.get(sex, {}).get(band, resolver.default)
    text = reader.text(hit.start, hit.end)
    for words, code in resolver.rules:
        if _has_any(text, words):
            return code
    sent_start, sent_end = reader.sent_bounds[hit.sent]
    for start, end in ((sent_start, sent_end), (0, len(reader.lowers))):
        nearest = reader.nearest(resolver.rules, start, end, hit.start)
        if nearest is not None:
            return nearest
    return resolver.default


def _ages(doc: Doc, hits: list[_Hit]) -> list[tuple[int, int, int]]:
    ages = []
    for hit in hits:
        if hit.key == "AGE" and hit.discount is None:
            number = _DIGITS.search(doc[hit.start : hit.end].text)
            if number:
                ages.append((hit.start, hit.sent, int(number.group())))
    return ages


def screen(narrative: str, nsir_code: str, patterns: PatternSet) -> ScreenResult:
    """Read one incident narrative; answer crime / unsure / no_crime with the evidence and what was set aside.

    `nsir_code` is the incident's closing code; the screen reads the words, not the code (hidden crimes
    are by definition closed under the wrong one), so it only bounds nothing today and is kept for the
    pattern data's future use and for the record of what was screened."""
    doc = patterns.nlp(narrative)
    sent_bounds = [(s.start, s.end) for s in doc.sents]
    sent_of: list[int] = []
    for i, (start, end) in enumerate(sent_bounds):
        sent_of.extend([i] * (end - start))
    lowers = [t.lower_ for t in doc]
    hits = _match(doc, patterns, sent_of, lowers)
    if not any(h.kind == "offence" for h in hits):
        return _by_neighbours(doc, narrative, patterns, sent_bounds, 0.0, ())
    _apply_contexts(doc, patterns, hits)
    _apply_facts(patterns, hits)
    reader = _Reader(doc, sent_bounds)
    ages = _ages(doc, hits)
    active_groups: dict[str, list[_Hit]] = defaultdict(list)
    for hit in hits:
        if hit.kind == "group" and hit.discount is None:
            active_groups[hit.key].append(hit)

    discounts: list[tuple[int, int, str, str]] = []  # token start, end, why, pattern id
    unmet = 0  # of which: offences whose points to prove the log does not make out (the rest are cues)

    def discount(hit: _Hit, why: str, cue_start: int, cue_end: int, cue_id: str) -> None:
        if sent_of[cue_start] == hit.sent:
            discounts.append((min(hit.start, cue_start), max(hit.end, cue_end), why, cue_id))
        else:
            discounts.append((hit.start, hit.end, why, cue_id))
            discounts.append((cue_start, cue_end, why, cue_id))

    classes: dict[str, _Class] = {}
    live: list[tuple[_Hit, str]] = []  # offence hits kept, with their class

    def add(
        code: str, spans: list[tuple[int, int]], pattern_ids: list[str], weight: float, order: int
    ) -> None:
        entry = classes.setdefault(code, _Class(code=code))
        entry.spans.extend(spans)
        entry.patterns.extend(p for p in pattern_ids if p not in entry.patterns)
        entry.weights.append(weight)
        entry.order = min(entry.order, order)

    for hit in hits:
        if hit.kind != "offence":
            continue
        if hit.discount is not None:
            why, cue_start, cue_end, cue_id = hit.discount
            discount(hit, why, cue_start, cue_end, cue_id)
            continue
        pattern = patterns.patterns[hit.key]
        ref: str | None = pattern.offence
        for req in pattern.requires:
            met = any(
                req.scope != "sentence" or g.sent == hit.sent
                for name in req.any_of
                for g in active_groups.get(name, ())
            )
            if met:
                continue
            ref = req.else_offence
            if ref is None:
                discounts.append((hit.start, hit.end, req.why, req.id))
                unmet += 1
            break
        code = _resolve(patterns, ref, reader, hit, ages) if ref else None
        if code is None:
            if ref is not None:
                discounts.append((hit.start, hit.end, "points_not_made_out", pattern.id))
                unmet += 1
            continue
        live.append((hit, code))
        add(code, [(hit.start, hit.end)], [pattern.id], pattern.weight, pattern.order)

    # Between the readings kept, the longer one wins where one lies inside another.
    inside = {
        id(hit)
        for hit, _ in live
        for other, _ in live
        if other is not hit
        and other.key != hit.key
        and other.start <= hit.start
        and hit.end <= other.end
        and (other.end - other.start) > (hit.end - hit.start)
    }
    if inside:
        live = [(hit, code) for hit, code in live if id(hit) not in inside]
        classes.clear()
        for hit, code in live:
            pattern = patterns.patterns[hit.key]
            add(code, [(hit.start, hit.end)], [pattern.id], pattern.weight, pattern.order)

    for combo in patterns.combos:
        groups_by_scope: dict[int, dict[str, list[_Hit]]] = defaultdict(lambda: defaultdict(list))
        for hit, _code in live:
            scope_key = hit.sent if combo.scope == "sentence" else 0
            for tag in patterns.patterns[hit.key].tags:
                groups_by_scope[scope_key][tag].append(hit)
        for tagged in groups_by_scope.values():
            if all(tagged.get(t) for t in combo.all_of):
                parts = [h for t in combo.all_of for h in tagged[t]]
                code = _resolve(patterns, combo.offence, reader, parts[0], ages)
                if code:
                    add(
                        code,
                        [(h.start, h.end) for h in parts],
                        [combo.id, *(h.key for h in parts)],
                        combo.weight,
                        min(patterns.patterns[h.key].order for h in parts),
                    )

    for upgrade in patterns.upgrades:
        cues = [g for name in upgrade.when for g in active_groups.get(name, ())]
        if not cues:
            continue
        for src, dst in upgrade.mapping.items():
            entry = classes.get(src)
            if entry is None:
                continue
            if upgrade.scope == "sentence":
                sents = {sent_of[s] for s, _ in entry.spans}
                cues_here = [c for c in cues if c.sent in sents]
            else:
                cues_here = cues
            if not cues_here:
                continue
            del classes[src]
            target = classes.setdefault(dst, _Class(code=dst))
            target.spans.extend(entry.spans + [(c.start, c.end) for c in cues_here])
            target.patterns.extend(p for p in [*entry.patterns, upgrade.id] if p not in target.patterns)
            target.weights.extend(entry.weights)
            target.order = min(target.order, entry.order)

    kept = {code: c for code, c in classes.items() if c.score >= patterns.unsure_threshold}
    for code in list(kept):
        for lesser in patterns.subsumes.get(code, ()):
            if lesser != code:
                kept.pop(lesser, None)
    discounted = _discounts(doc, narrative, discounts)
    best = max((c.score for c in classes.values()), default=0.0)
    if not kept:
        read_aside = len(discounts) > unmet  # a cue set something aside, not only an unmet requirement
        return _by_neighbours(doc, narrative, patterns, sent_bounds, best, discounted, read_aside)

    def rank(c: _Class) -> tuple[int, float, int]:
        offence = patterns.offences[c.code]
        return (offence.rank, -c.score, c.order)

    ordered = sorted(kept.values(), key=rank)
    score = max(c.score for c in ordered)
    verdict: Verdict = "crime" if score >= patterns.crime_threshold else "unsure"
    crimes = tuple(_finding(doc, narrative, patterns, c, principal=(i == 0)) for i, c in enumerate(ordered))
    model = patterns.neighbours.model if patterns.neighbours is not None else None
    if verdict == "crime" and model is not None and model.veto > 0.0:
        # A second opinion on the rules' crime: when the log reads nothing like the shipped crimes
        # ("daylight robbery", "smashed it last night"), a sergeant decides; the evidence stays the
        # rules' own words.
        lowers = [t.lower_ for t in doc]
        if model.probability(lowers, patterns.nlp.Defaults.stop_words) < model.veto:
            score = min(score, patterns.crime_threshold - 1e-6)
            verdict = "unsure"
    return ScreenResult(verdict, score, patterns.version, crimes, discounted)


def _char_span(doc: Doc, narrative: str, start: int, end: int) -> Span:
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return Span(s, e, narrative[s:e])


def _finding(doc: Doc, narrative: str, patterns: PatternSet, c: _Class, *, principal: bool) -> CrimeFinding:
    offence = patterns.offences[c.code]
    spans = sorted(set(c.spans))
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # overlapping evidence reads as one phrase
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    rules = ["R-NCRS-BOP" if offence.victim_based else "R-NCRS-STATE"]
    if principal:
        rules.append("R-PRINCIPAL")
    refer_to = patterns.refer.get(c.code)
    if refer_to:
        rules.append("R-FRAUD-AF")
    rules.extend(r for r in patterns.rules_by_category.get(c.code, ()) if r not in rules)
    return CrimeFinding(
        offence=c.code,
        principal=principal,
        refer_to=refer_to,
        evidence=tuple(_char_span(doc, narrative, s, e) for s, e in merged),
        patterns=tuple(c.patterns),
        rules=tuple(rules),
        score=c.score,
    )


def _discounts(doc: Doc, narrative: str, items: list[tuple[int, int, str, str]]) -> tuple[Discount, ...]:
    seen: dict[tuple[int, int, str], list[str]] = {}
    for start, end, why, pattern in sorted(items):
        ids = seen.setdefault((start, end, why), [])
        if pattern not in ids:
            ids.append(pattern)
    out = []
    for (start, end, why), ids in seen.items():
        span = _char_span(doc, narrative, start, end)
        out.append(Discount(span.start, span.end, span.text, why, tuple(ids)))
    return tuple(out)


def _by_neighbours(
    doc: Doc,
    narrative: str,
    patterns: PatternSet,
    sent_bounds: list[tuple[int, int]],
    best: float,
    discounted: tuple[Discount, ...],
    read_aside: bool = False,
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
        return _by_model(doc, narrative, patterns, nb.model, sent_bounds, none)
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
        evidence=(_char_span(doc, narrative, start, end),),
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
) -> ScreenResult:
    """The examples model's reading: `crime` at model.crime, `unsure` at model.unsure, else the rules'
    no_crime. The score is the probability mapped onto the pattern thresholds' bands, so a score reads
    the same whichever reader gave it; the evidence is the sentence that adds most to the probability."""
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
    code = reading.offence
    offence = patterns.offences[code]
    rules = ["R-NCRS-BOP" if offence.victim_based else "R-NCRS-STATE", "R-PRINCIPAL"]
    if patterns.refer.get(code):
        rules.append("R-FRAUD-AF")
    finding = CrimeFinding(
        offence=code,
        principal=True,
        refer_to=patterns.refer.get(code),
        evidence=(_char_span(doc, narrative, start, end),),
        patterns=(MODEL_PATTERN,),  # one pattern, so its outcomes are counted like any other's
        rules=tuple(rules),
        score=round(score, 6),
    )
    return ScreenResult(verdict, round(score, 6), patterns.version, (finding,), none.discounted)
