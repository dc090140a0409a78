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
   subsumes, order by seriousness (R-PRINCIPAL) and answer crime / unsure / no_crime.
Steps 1 to 3 are in qa.screen.matching; when the rules find no offence, qa.screen.second_reader answers.
Steps 4 and 5 are here."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from qa.screen.matching import Hit, apply_contexts, apply_facts, match
from qa.screen.patterns import PatternSet
from qa.screen.result import CrimeFinding, Discount, ScreenResult, Verdict
from qa.screen.second_reader import MODEL_PATTERN, Settled, by_neighbours, char_span

_DIGITS = re.compile(r"\d{1,3}")


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
    patterns: PatternSet, reader: _Reader, hit: Hit, ages: list[tuple[int, int, int]]
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
    return sex, _band(ages, hit.sent)


def _band(ages: list[tuple[int, int, int]], sent: int) -> str:
    """The victim's age band. The victim is read as the youngest person whose age the log gives in the
    same sentence, else in the whole log: the suspect's age is usually the other one, and a child's age
    is the fact that decides the class."""
    same = [a[2] for a in ages if a[1] == sent]
    age = min(same) if same else min((a[2] for a in ages), default=None)
    if age is None or age >= 18:
        return "adult"
    return "under13" if age < 13 else "under16" if age < 16 else "under18"


def _resolve(
    patterns: PatternSet, ref: str, reader: _Reader, hit: Hit, ages: list[tuple[int, int, int]]
) -> str | None:
    if not ref.startswith("@"):
        return ref
    resolver = patterns.resolvers[ref[1:]]
    if resolver.by_victim is not None:
        sex, band = _victim(patterns, reader, hit, ages)
        table = resolver.by_victim.get(sex, {})
        if band == "under18" and band not in table:
            band = "adult"  # a resolver that names no class for 16 and 17 reads them as adults
        return table.get(band, resolver.default)
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


def _ages(doc: Doc, hits: list[Hit]) -> list[tuple[int, int, int]]:
    ages = []
    durations = [(h.start, h.end) for h in hits if h.key == "DURATION"]  # "for 2 yrs" is no age
    for hit in hits:
        if (
            hit.key == "AGE"
            and hit.discount is None
            and not any(start < hit.end and hit.start < end for start, end in durations)
        ):
            number = _DIGITS.search(doc[hit.start : hit.end].text)
            if number:
                ages.append((hit.start, hit.sent, int(number.group())))
    return ages


def _settle(
    doc: Doc, patterns: PatternSet, hits: list[Hit], sent_bounds: list[tuple[int, int]], kind: str, sent: int
) -> Settled | None:
    """The class of a kind of offence the examples model read in sentence `sent`, settled as the rules
    settle their own readings: the resolver's words (where, the victim's age and sex), then the upgrades
    whose cues the log holds (an injury, a racial motive, repetition). Returns the class, the cues' token
    spans (evidence beside the sentence) and the upgrades used; None when the resolver finds no class."""
    start, end = sent_bounds[sent]
    sentence = Hit(key=MODEL_PATTERN, kind="offence", start=start, end=end, sent=sent)
    ages = _ages(doc, hits)
    code = _resolve(patterns, kind, _Reader(doc, sent_bounds), sentence, ages)
    if code is None:
        return None
    spans: list[tuple[int, int]] = []
    used: list[str] = []
    for upgrade in patterns.upgrades:
        if code not in upgrade.mapping or (upgrade.victims and _band(ages, sent) not in upgrade.victims):
            continue
        cues = [
            h
            for h in hits
            if h.kind == "group"
            and h.discount is None
            and h.key in upgrade.when
            and (upgrade.scope != "sentence" or h.sent == sent)
        ]
        if cues:
            code = upgrade.mapping[code]
            spans.extend((c.start, c.end) for c in cues)
            used.append(upgrade.id)
    return code, tuple(spans), tuple(used)


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
    hits = match(doc, patterns, sent_of, lowers)
    if not any(h.kind == "offence" for h in hits):

        def settle_fresh(kind: str, sent: int) -> Settled | None:
            apply_contexts(doc, patterns, hits)  # only when the model flags: most narratives never get here
            return _settle(doc, patterns, hits, sent_bounds, kind, sent)

        return by_neighbours(doc, narrative, patterns, sent_bounds, 0.0, (), settle=settle_fresh)
    apply_contexts(doc, patterns, hits)
    apply_facts(patterns, hits)
    reader = _Reader(doc, sent_bounds)
    ages = _ages(doc, hits)
    active_groups: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        if hit.kind == "group" and hit.discount is None:
            active_groups[hit.key].append(hit)

    discounts: list[tuple[int, int, str, str]] = []  # token start, end, why, pattern id
    unmet = 0  # of which: offences whose points to prove the log does not make out (the rest are cues)

    def discount(hit: Hit, why: str, cue_start: int, cue_end: int, cue_id: str) -> None:
        if sent_of[cue_start] == hit.sent:
            discounts.append((min(hit.start, cue_start), max(hit.end, cue_end), why, cue_id))
        else:
            discounts.append((hit.start, hit.end, why, cue_id))
            discounts.append((cue_start, cue_end, why, cue_id))

    classes: dict[str, _Class] = {}
    live: list[tuple[Hit, str]] = []  # offence hits kept, with their class

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
        groups_by_scope: dict[int, dict[str, list[Hit]]] = defaultdict(lambda: defaultdict(list))
        for hit, _code in live:
            for tag in patterns.patterns[hit.key].tags:
                if combo.scope == "sentence":
                    scope_keys: tuple[int, ...] = (hit.sent,)
                elif combo.scope == "adjacent":
                    # the first part opens a window of its sentence and the next; the others join the
                    # window of their own sentence or the one before ("punched him. Took his phone.")
                    first = tag == combo.all_of[0]
                    scope_keys = (hit.sent,) if first else (hit.sent - 1, hit.sent)
                else:
                    scope_keys = (0,)
                for scope_key in scope_keys:
                    groups_by_scope[scope_key][tag].append(hit)
        made: list[set[int]] = []  # the parts of each combination made, so a window inside one adds nothing
        for _window, tagged in sorted(groups_by_scope.items()):
            if all(tagged.get(t) for t in combo.all_of):
                parts = [h for t in combo.all_of for h in tagged[t]]
                ids = {id(h) for h in parts}
                if any(ids <= earlier for earlier in made):
                    continue
                made.append(ids)
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
            if upgrade.victims and _band(ages, sent_of[entry.spans[0][0]]) not in upgrade.victims:
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
        return by_neighbours(
            doc,
            narrative,
            patterns,
            sent_bounds,
            best,
            discounted,
            read_aside,
            settle=lambda kind, sent: _settle(doc, patterns, hits, sent_bounds, kind, sent),
        )

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
        evidence=tuple(char_span(doc, narrative, s, e) for s, e in merged),
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
        span = char_span(doc, narrative, start, end)
        out.append(Discount(span.start, span.end, span.text, why, tuple(ids)))
    return tuple(out)
