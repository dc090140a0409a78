"""compile_patterns: check pattern data (a bad version is refused with the place that is wrong) and build
the spaCy matchers over a blank English pipeline once, so screening a narrative costs only the
tokeniser and the matchers. No model is loaded: `spacy.blank("en")` is the tokeniser and rules only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from qa.screen import checks
from qa.screen.context import CueNegex
from qa.screen.neighbours import build_neighbours
from qa.screen.patterns import (
    SPAN_KEY,
    Combo,
    Context,
    FactCue,
    Offence,
    OffencePattern,
    PatternError,
    PatternSet,
    Requirement,
    Resolver,
    TokenMatcher,
    Upgrade,
)

# The victim's age bands a resolver or an upgrade names: under 13, 13-15, 16-17, 18 and over (and no age
# given). A resolver that names no class for under18 reads 16 and 17 as adults.
AGE_BANDS = ("adult", "under18", "under16", "under13")
# A combination's parts in one sentence, in the first part's sentence or the next ("adjacent": a blow in
# one sentence and the taking in the next), or anywhere in the log.
COMBO_SCOPES = ("sentence", "adjacent", "document")


class _Builder:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.matcher = TokenMatcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.ids: set[str] = set()

    def add(self, key: str, entry: Mapping[str, Any], where: str) -> None:
        if key in self.ids:
            raise PatternError(where, f"id {key} is used twice")
        self.ids.add(key)
        phrases = checks.str_list(entry.get("phrases"), f"{where}.phrases")
        tokens = entry.get("tokens") or []
        if not isinstance(tokens, list):
            raise PatternError(f"{where}.tokens", "must be a list of token patterns")
        if not phrases and not tokens:
            raise PatternError(where, "needs phrases or tokens")
        if phrases:
            self.phrases.add(key, [self.nlp.make_doc(p) for p in phrases])
        for i, pattern in enumerate(tokens):
            if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
                raise PatternError(f"{where}.tokens[{i}]", "a token pattern is a list of token descriptions")
            try:
                self.matcher.add(key, _expand_first(pattern))
            except (ValueError, TypeError, KeyError) as exc:  # spaCy's validator names the bad attribute
                raise PatternError(f"{where}.tokens[{i}]", str(exc).strip().splitlines()[-1]) from exc


def _expand_first(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """One pattern per word of a first-token `LOWER: {IN: [...]}` list. The same matches; but spaCy's
    matcher compares a plain LOWER value in C, while an IN set is a Python call at every token of every
    narrative, so this keeps the cost of a long verb list near that of one word."""
    first = pattern[0]
    lower = first.get("LOWER")
    if set(first) != {"LOWER"} or not isinstance(lower, dict) or set(lower) != {"IN"}:
        return [pattern]
    return [[{"LOWER": word}, *pattern[1:]] for word in dict.fromkeys(lower["IN"])]


def compile_patterns(
    data: Mapping[str, Any],
    offences: Mapping[str, Offence],
    examples: Sequence[Mapping[str, Any]] | None = None,
) -> PatternSet:
    """Check and compile pattern data. Raises PatternError naming the first place that is wrong.
    `examples` (labelled narratives) feed the `neighbours` reader when the data turns it on."""
    if not isinstance(data, Mapping):
        raise PatternError("(top)", "the pattern file must be a mapping")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PatternError("version", "must be a whole number from 1")
    thresholds = data.get("thresholds") or {}
    crime_t = checks.weight(thresholds.get("crime"), "thresholds.crime", 0.6)
    unsure_t = checks.weight(thresholds.get("unsure"), "thresholds.unsure", 0.35)
    if unsure_t > crime_t:
        raise PatternError("thresholds", "unsure must not be above crime")

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    builder = _Builder(nlp)

    words = {
        name: frozenset(checks.norm(nlp, w) for w in checks.str_list(values, f"words.{name}"))
        for name, values in (data.get("words") or {}).items()
    }

    resolvers: dict[str, Resolver] = {}
    for name, spec in (data.get("resolvers") or {}).items():
        where = f"resolvers.{name}"
        if not isinstance(spec, Mapping):
            raise PatternError(where, "must be a mapping")
        default = spec.get("default")
        if default is not None and default not in offences:
            raise PatternError(f"{where}.default", f"{default} is not a Home Office class")
        rules = []
        for i, rule in enumerate(spec.get("rules") or []):
            rwhere = f"{where}.rules[{i}]"
            if rule.get("offence") not in offences:
                raise PatternError(rwhere, f"{rule.get('offence')} is not a Home Office class")
            rules.append(
                (
                    tuple(checks.norm(nlp, w) for w in checks.str_list(rule.get("words"), rwhere)),
                    rule["offence"],
                )
            )
        by_victim = spec.get("by_victim")
        if by_victim is not None:
            for sex, table in by_victim.items():
                for band, code in table.items():
                    if sex not in ("female", "male") or band not in AGE_BANDS:
                        raise PatternError(
                            f"{where}.by_victim", "keys are female/male and adult/under18/under16/under13"
                        )
                    if code is not None and code not in offences:
                        raise PatternError(
                            f"{where}.by_victim.{sex}.{band}", f"{code} is not a Home Office class"
                        )
        if default is None and by_victim is None and not rules:
            # With rules only, a reading none of them fits has no class (a combination is then not made).
            raise PatternError(where, "needs a default class, rules or by_victim")
        resolvers[name] = Resolver(name=name, default=default, rules=tuple(rules), by_victim=by_victim)

    groups: set[str] = set()
    for name, entry in (data.get("groups") or {}).items():
        builder.add(name, entry, f"groups.{name}")
        groups.add(name)

    patterns: dict[str, OffencePattern] = {}
    for i, entry in enumerate(data.get("offences") or []):
        where = f"offences[{i}]"
        ident = checks.ident(entry, where)
        offence = checks.offence_ref(entry.get("offence"), f"{where}.offence", offences, resolvers)
        requires = []
        for j, req in enumerate(entry.get("requires") or []):
            rwhere = f"{where}.requires[{j}]"
            any_of = tuple(checks.str_list(req.get("any_of"), f"{rwhere}.any_of"))
            unknown = [g for g in any_of if g not in groups]
            if not any_of or unknown:
                raise PatternError(
                    f"{rwhere}.any_of", f"unknown cue groups {unknown}" if unknown else "empty"
                )
            else_offence = req.get("else_offence")
            if else_offence is not None:
                checks.offence_ref(else_offence, f"{rwhere}.else_offence", offences, resolvers)
            requires.append(
                Requirement(
                    id=str(req.get("id") or f"{ident}-REQ"),
                    any_of=any_of,
                    scope=checks.scope(req.get("scope"), rwhere, "document"),
                    why=checks.why(req.get("why", "points_not_made_out"), f"{rwhere}.why"),
                    else_offence=else_offence,
                )
            )
        builder.add(ident, entry, where)
        patterns[ident] = OffencePattern(
            id=ident,
            offence=offence,
            weight=checks.weight(entry.get("weight"), f"{where}.weight"),
            tags=tuple(checks.str_list(entry.get("tags"), f"{where}.tags")),
            requires=tuple(requires),
            exempt=frozenset(checks.str_list(entry.get("exempt"), f"{where}.exempt")),
            order=i,
        )
    if not patterns:
        raise PatternError("offences", "at least one offence pattern is needed")

    facts: dict[str, FactCue] = {}
    for i, entry in enumerate(data.get("facts") or []):
        where = f"facts[{i}]"
        ident = checks.ident(entry, where)
        builder.add(ident, entry, where)
        facts[ident] = FactCue(
            id=ident,
            why=checks.why(entry.get("why"), f"{where}.why"),
            scope=checks.scope(entry.get("scope"), where, "sentence"),
            applies_to=frozenset(checks.str_list(entry.get("applies_to"), f"{where}.applies_to") or ["*"]),
        )

    upgrades = []
    for i, entry in enumerate(data.get("upgrades") or []):
        where = f"upgrades[{i}]"
        mapping = entry.get("map") or {}
        mapping = {str(k): str(v) for k, v in mapping.items()}
        for src, dst in mapping.items():
            if src not in offences or dst not in offences:
                raise PatternError(f"{where}.map", f"{src} -> {dst}: both must be Home Office classes")
        when = tuple(checks.str_list(entry.get("when"), f"{where}.when"))
        if not when or any(g not in groups for g in when):
            raise PatternError(f"{where}.when", "must name cue groups")
        victims = frozenset(checks.str_list(entry.get("victims"), f"{where}.victims"))
        if victims - set(AGE_BANDS):
            raise PatternError(f"{where}.victims", f"age bands are {', '.join(AGE_BANDS)}")
        upgrades.append(
            Upgrade(
                id=checks.ident(entry, where),
                when=when,
                scope=checks.scope(entry.get("scope"), where, "document"),
                mapping=dict(mapping),
                weight=checks.weight(entry.get("weight"), f"{where}.weight", 0.9),
                victims=victims,
            )
        )

    all_tags = {t for p in patterns.values() for t in p.tags}
    combos = []
    for i, entry in enumerate(data.get("combos") or []):
        where = f"combos[{i}]"
        all_of = tuple(checks.str_list(entry.get("all_of"), f"{where}.all_of"))
        if len(all_of) < 2 or any(t not in all_tags for t in all_of):
            raise PatternError(f"{where}.all_of", "must name two or more tags used by offence patterns")
        combo_scope = entry.get("scope") or "sentence"
        if combo_scope not in COMBO_SCOPES:
            raise PatternError(f"{where}.scope", f"scope must be one of {', '.join(COMBO_SCOPES)}")
        combos.append(
            Combo(
                id=checks.ident(entry, where),
                all_of=all_of,
                scope=combo_scope,
                offence=checks.offence_ref(entry.get("offence"), f"{where}.offence", offences, resolvers),
                weight=checks.weight(entry.get("weight"), f"{where}.weight", 0.9),
            )
        )

    subsumes = {}
    for key, lesser in (data.get("subsumes") or {}).items():
        code = str(key)
        lesser_list = checks.str_list(lesser, f"subsumes.{code}")
        if code not in offences or any(c not in offences for c in lesser_list):
            raise PatternError(f"subsumes.{code}", "all must be Home Office classes")
        subsumes[code] = frozenset(lesser_list)

    refer = {}
    for key, target in (data.get("refer") or {}).items():
        code = str(key)
        if code not in offences or target != "action_fraud":
            raise PatternError(f"refer.{code}", "a Home Office class referred to action_fraud")
        refer[str(code)] = str(target)

    contexts = []
    for name, spec in (data.get("contexts") or {}).items():
        where = f"contexts.{name}"
        cue_ids: dict[str, str] = {}
        termset: dict[str, list[str]] = {
            "pseudo_negations": checks.str_list(spec.get("pseudo"), f"{where}.pseudo"),
            "preceding_negations": [],
            "following_negations": [],
            "termination": checks.str_list(spec.get("termination"), f"{where}.termination"),
        }
        for i, cue in enumerate(spec.get("cues") or []):
            cwhere = f"{where}.cues[{i}]"
            ident = checks.ident(cue, cwhere)
            for side, key in (("preceding", "preceding_negations"), ("following", "following_negations")):
                for phrase in checks.str_list(cue.get(side), f"{cwhere}.{side}"):
                    termset[key].append(phrase)
                    cue_ids.setdefault(checks.norm(nlp, phrase), ident)
        if not cue_ids:
            raise PatternError(where, "needs cues")
        window = spec.get("window", 6)
        if not isinstance(window, int) or not 1 <= window <= 60:
            raise PatternError(f"{where}.window", "a whole number of tokens from 1 to 60")
        extension = f"screen_{name}"
        numbered = frozenset(w.lower() for w in checks.str_list(spec.get("numbered"), f"{where}.numbered"))
        component = CueNegex(
            nlp,
            f"context_{name}",
            termset=termset,
            extension_name=extension,
            span_key=SPAN_KEY,
            window=window,
            numbered=numbered,
        )
        contexts.append(
            Context(
                name=name,
                why=checks.why(spec.get("why"), f"{where}.why"),
                window=window,
                extension=extension,
                cue_ids=cue_ids,
                component=component,
            )
        )

    neighbours = None
    if data.get("neighbours") is not None and examples:
        neighbours = build_neighbours(data["neighbours"], examples, nlp, offences, resolvers)

    rules_by_category = {
        str(k): tuple(checks.str_list(v, f"rules.{k}")) for k, v in (data.get("rules") or {}).items()
    }
    return PatternSet(
        version=version,
        data=data,
        nlp=nlp,
        matcher=builder.matcher,
        phrase_matcher=builder.phrases,
        offences=offences,
        patterns=patterns,
        groups=frozenset(groups),
        facts=facts,
        upgrades=tuple(upgrades),
        combos=tuple(combos),
        subsumes=subsumes,
        resolvers=resolvers,
        contexts=tuple(contexts),
        refer=refer,
        words=words,
        crime_threshold=crime_t,
        unsure_threshold=unsure_t,
        rules_by_category=rules_by_category,
        neighbours=neighbours,
    )
