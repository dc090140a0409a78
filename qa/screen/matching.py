"""Steps 1 to 3 of the screen: match offence patterns, cue groups and fact cues over the tokens, then set
aside what a ConText modifier scopes over and what a fact cue covers (each hit keeps the cue that set it
aside). engine.screen reads the hits that are left."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from qa.screen.patterns import SPAN_KEY, PatternSet


@dataclass(slots=True)
class Hit:
    key: str
    kind: str  # "offence", "group" or "fact"
    start: int  # token offsets
    end: int
    sent: int
    discount: tuple[str, int, int, str] | None = None  # why, cue token start, cue token end, cue id


def _kind(patterns: PatternSet, key: str) -> str:
    if key in patterns.patterns:
        return "offence"
    if key in patterns.facts:
        return "fact"
    return "group"


def match(doc: Doc, patterns: PatternSet, sent_of: list[int], lowers: list[str]) -> list[Hit]:
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
                hits.append(Hit(key=key, kind=kind, start=span.start, end=span.end, sent=sent_of[span.start]))
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
            Hit(key=span.label_, kind="offence", start=span.start, end=span.end, sent=sent_of[span.start])
        )
    hits.sort(key=lambda h: (h.start, h.end, h.key))
    return hits


def apply_contexts(doc: Doc, patterns: PatternSet, hits: list[Hit]) -> None:
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


def apply_facts(patterns: PatternSet, hits: list[Hit]) -> None:
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
