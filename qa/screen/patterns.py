"""A PatternSet: the screen's phrase lists, token patterns, cues and weights, compiled from plain data.

The data is the shipped default (qa/reference/screen_patterns.yaml) or a force's edited version kept in
the database; `compile_patterns` checks it (a bad version is refused with the place that is wrong) and
builds spaCy matchers over a blank English pipeline once, so screening a narrative costs only the
tokeniser and the matchers. No model is loaded: `spacy.blank("en")` is the tokeniser and rules only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from qa.screen import reader
from qa.screen.context import CueNegex
from qa.screen.result import WHY_LABELS

SPAN_KEY = "screen"
SCOPES = ("sentence", "document", "before", "after", "overlap")


class TokenMatcher:
    """spaCy's Matcher tries every token pattern at every token, and most patterns here start with one
    plain word; so those are kept in one Matcher per first word, and a narrative runs only the matchers
    whose word it holds, beside one Matcher for the patterns that start otherwise (a number, any word).
    The matches are the same; the work is the patterns that can start somewhere in the narrative."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.by_word: dict[str, Matcher] = {}
        self.rest = Matcher(vocab, validate=True)

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        for pattern in patterns:
            first = pattern[0]
            word = first.get("LOWER") if set(first) == {"LOWER"} else None
            if isinstance(word, str):
                matcher = self.by_word.get(word)
                if matcher is None:
                    matcher = self.by_word[word] = Matcher(self.vocab, validate=True)
                matcher.add(key, [pattern])
            else:
                self.rest.add(key, [pattern])

    def __call__(self, doc: Doc, lowers: Iterable[str]) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every pattern; `lowers` are the narrative's lower-cased words."""
        found: list[tuple[int, int, int]] = list(self.rest(doc))
        for word in set(lowers):
            matcher = self.by_word.get(word)
            if matcher is not None:
                found.extend(matcher(doc))
        return found


class PatternError(ValueError):
    """The pattern data cannot be compiled; `where` names the place (e.g. "offences[3].tokens")."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass(frozen=True, slots=True)
class Offence:
    code: str
    title: str
    category: str
    victim_based: bool
    rank: int


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    any_of: tuple[str, ...]
    scope: str
    why: str
    else_offence: str | None


@dataclass(frozen=True, slots=True)
class OffencePattern:
    id: str
    offence: str  # a class code, or "@NAME" for a resolver
    weight: float
    tags: tuple[str, ...]
    requires: tuple[Requirement, ...]
    exempt: frozenset[str]
    order: int


@dataclass(frozen=True, slots=True)
class Upgrade:
    id: str
    when: tuple[str, ...]
    scope: str
    mapping: Mapping[str, str]
    weight: float


@dataclass(frozen=True, slots=True)
class Combo:
    id: str
    all_of: tuple[str, ...]
    scope: str
    offence: str
    weight: float


@dataclass(frozen=True, slots=True)
class FactCue:
    id: str
    why: str
    scope: str
    applies_to: frozenset[str]  # classes, tags, or "*"


@dataclass(frozen=True, slots=True)
class Resolver:
    name: str
    default: str | None
    rules: tuple[tuple[tuple[str, ...], str], ...] = ()
    by_victim: Mapping[str, Mapping[str, str]] | None = None


@dataclass(frozen=True, slots=True)
class Context:
    name: str
    why: str
    window: int
    extension: str
    cue_ids: Mapping[str, str]
    component: CueNegex


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    crime: bool
    classes: tuple[str, ...]
    vector: Mapping[str, float]  # tf-idf, unit length


@dataclass(frozen=True)
class Neighbours:
    """A second reader for what the rules leave: the labelled examples the project ships, compared by
    tf-idf cosine. It can only answer `unsure` (a sergeant decides) and names the sentence that made the
    narrative look like the crimes it resembles, and the examples it resembles."""

    k: int
    vote: float
    min_similarity: float
    weight: float
    idf: Mapping[str, float]
    examples: tuple[Example, ...]
    index: Mapping[str, tuple[tuple[int, float], ...]]
    model: reader.ExamplesModel | None = None  # when set, it decides instead of the neighbours' vote


@dataclass(eq=False)
class PatternSet:
    """Everything `screen()` needs, compiled. Build it with `compile_patterns(data, offences)`."""

    version: int
    data: Mapping[str, Any]
    nlp: Language
    matcher: TokenMatcher
    phrase_matcher: PhraseMatcher
    offences: Mapping[str, Offence]
    patterns: Mapping[str, OffencePattern]
    groups: frozenset[str]
    facts: Mapping[str, FactCue]
    upgrades: tuple[Upgrade, ...]
    combos: tuple[Combo, ...]
    subsumes: Mapping[str, frozenset[str]]
    resolvers: Mapping[str, Resolver]
    contexts: tuple[Context, ...]
    refer: Mapping[str, str]
    words: Mapping[str, frozenset[str]]
    crime_threshold: float
    unsure_threshold: float
    rules_by_category: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    neighbours: Neighbours | None = None

    def offence_title(self, code: str) -> str:
        offence = self.offences.get(code)
        return offence.title if offence else code


def _norm(nlp: Language, phrase: str) -> str:
    return " ".join(t.lower_ for t in nlp.make_doc(phrase))


def _str_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PatternError(where, "must be a list of non-empty strings")
    return list(value)


def _ident(entry: Mapping[str, Any], where: str) -> str:
    ident = entry.get("id")
    if not isinstance(ident, str) or not ident.strip():
        raise PatternError(where, "every entry needs an id")
    return ident


def _weight(value: Any, where: str, default: float = 0.8) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise PatternError(where, "weight must be a number above 0 and at most 1")
    return float(value)


def _scope(value: Any, where: str, default: str) -> str:
    scope = value or default
    if scope not in SCOPES:
        raise PatternError(where, f"scope must be one of {', '.join(SCOPES)}")
    return str(scope)


def _why(value: Any, where: str) -> str:
    if value not in WHY_LABELS:
        raise PatternError(where, f"why must be one of {', '.join(WHY_LABELS)}")
    return str(value)


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
        phrases = _str_list(entry.get("phrases"), f"{where}.phrases")
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


def _offence_ref(
    value: Any, where: str, offences: Mapping[str, Offence], resolvers: Mapping[str, Any]
) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a class such as 36 written without quotes
    if not isinstance(value, str):
        raise PatternError(where, "offence must be a Home Office class code or @RESOLVER")
    if value.startswith("@"):
        if value[1:] not in resolvers:
            raise PatternError(where, f"no resolver named {value[1:]}")
    elif value not in offences:
        raise PatternError(where, f"{value} is not a Home Office class")
    return value


def terms(nlp: Language, tokens: Any) -> list[str]:
    """The words a narrative is compared by: lower case, letters only, no stop words."""
    stop = nlp.Defaults.stop_words
    return [t.lower_ for t in tokens if t.is_alpha and len(t) > 2 and t.lower_ not in stop]


def _neighbours(
    spec: Any, examples: Sequence[Mapping[str, Any]], nlp: Language, offences: Mapping[str, Offence]
) -> Neighbours:
    import math
    from collections import Counter

    where = "neighbours"
    if not isinstance(spec, Mapping):
        raise PatternError(where, "must be a mapping")
    k = spec.get("k", 7)
    if not isinstance(k, int) or not 1 <= k <= 50:
        raise PatternError(f"{where}.k", "a whole number from 1 to 50")
    vote = _weight(spec.get("vote"), f"{where}.vote", 0.7)
    min_similarity = _weight(spec.get("min_similarity"), f"{where}.min_similarity", 0.15)
    weight = _weight(spec.get("weight"), f"{where}.weight", 0.45)
    bags = []
    for i, example in enumerate(examples):
        classes = tuple(str(c) for c in example.get("classes") or ())
        if any(c not in offences for c in classes):
            raise PatternError(f"examples[{i}]", f"unknown class in {classes}")
        bags.append((str(example.get("id", i)), bool(example.get("crime")), classes,
                     Counter(terms(nlp, nlp.make_doc(str(example["narrative"]))))))  # fmt: skip
    df: Counter[str] = Counter()
    for *_, bag in bags:
        df.update(bag.keys())
    n = len(bags)
    idf = {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}
    built, index = [], {}
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, (ident, crime, classes, bag) in enumerate(bags):
        vector = {t: c * idf[t] for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vector = {t: v / norm for t, v in vector.items()}
        built.append(Example(id=ident, crime=crime, classes=classes, vector=vector))
        for t, v in vector.items():
            postings.setdefault(t, []).append((i, v))
    index = {t: tuple(p) for t, p in postings.items()}
    model = None
    model_spec = spec.get("model")
    if model_spec is not None:
        mwhere = f"{where}.model"
        if not isinstance(model_spec, Mapping):
            raise PatternError(mwhere, "must be a mapping")
        crime_at = _weight(model_spec.get("crime"), f"{mwhere}.crime", 0.75)
        unsure_at = _weight(model_spec.get("unsure"), f"{mwhere}.unsure", 0.6)
        if unsure_at > crime_at:
            raise PatternError(mwhere, "unsure must not be above crime")
        veto = model_spec.get("veto", 0.0)
        if isinstance(veto, bool) or not isinstance(veto, int | float) or not 0 <= veto < unsure_at:
            raise PatternError(f"{mwhere}.veto", "a number from 0 up to (not including) unsure")
        c = model_spec.get("c", 10)
        epochs = model_spec.get("epochs", 300)
        if isinstance(c, bool) or not isinstance(c, int | float) or not 0 < c <= 1000:
            raise PatternError(f"{mwhere}.c", "a number above 0 and at most 1000")
        if not isinstance(epochs, int) or not 1 <= epochs <= 5000:
            raise PatternError(f"{mwhere}.epochs", "a whole number from 1 to 5000")
        model_k = model_spec.get("k", k)
        if not isinstance(model_k, int) or not 1 <= model_k <= 50:
            raise PatternError(f"{mwhere}.k", "a whole number from 1 to 50")
        stop = nlp.Defaults.stop_words
        model = reader.train(
            [reader.features([t.lower_ for t in nlp.make_doc(str(e["narrative"]))], stop) for e in examples],
            [reader.ModelExample(id=b[0], crime=b[1], classes=b[2]) for b in bags],
            crime=crime_at,
            unsure=unsure_at,
            k=model_k,
            veto=float(veto),
            c=float(c),
            epochs=epochs,
        )
    return Neighbours(k, vote, min_similarity, weight, idf, tuple(built), index, model)


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
    crime_t = _weight(thresholds.get("crime"), "thresholds.crime", 0.6)
    unsure_t = _weight(thresholds.get("unsure"), "thresholds.unsure", 0.35)
    if unsure_t > crime_t:
        raise PatternError("thresholds", "unsure must not be above crime")

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    builder = _Builder(nlp)

    words = {
        name: frozenset(_norm(nlp, w) for w in _str_list(values, f"words.{name}"))
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
                (tuple(_norm(nlp, w) for w in _str_list(rule.get("words"), rwhere)), rule["offence"])
            )
        by_victim = spec.get("by_victim")
        if by_victim is not None:
            for sex, table in by_victim.items():
                for band, code in table.items():
                    if sex not in ("female", "male") or band not in ("adult", "under16", "under13"):
                        raise PatternError(
                            f"{where}.by_victim", "keys are female/male and adult/under16/under13"
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
        ident = _ident(entry, where)
        offence = _offence_ref(entry.get("offence"), f"{where}.offence", offences, resolvers)
        requires = []
        for j, req in enumerate(entry.get("requires") or []):
            rwhere = f"{where}.requires[{j}]"
            any_of = tuple(_str_list(req.get("any_of"), f"{rwhere}.any_of"))
            unknown = [g for g in any_of if g not in groups]
            if not any_of or unknown:
                raise PatternError(
                    f"{rwhere}.any_of", f"unknown cue groups {unknown}" if unknown else "empty"
                )
            else_offence = req.get("else_offence")
            if else_offence is not None:
                _offence_ref(else_offence, f"{rwhere}.else_offence", offences, resolvers)
            requires.append(
                Requirement(
                    id=str(req.get("id") or f"{ident}-REQ"),
                    any_of=any_of,
                    scope=_scope(req.get("scope"), rwhere, "document"),
                    why=_why(req.get("why", "points_not_made_out"), f"{rwhere}.why"),
                    else_offence=else_offence,
                )
            )
        builder.add(ident, entry, where)
        patterns[ident] = OffencePattern(
            id=ident,
            offence=offence,
            weight=_weight(entry.get("weight"), f"{where}.weight"),
            tags=tuple(_str_list(entry.get("tags"), f"{where}.tags")),
            requires=tuple(requires),
            exempt=frozenset(_str_list(entry.get("exempt"), f"{where}.exempt")),
            order=i,
        )
    if not patterns:
        raise PatternError("offences", "at least one offence pattern is needed")

    facts: dict[str, FactCue] = {}
    for i, entry in enumerate(data.get("facts") or []):
        where = f"facts[{i}]"
        ident = _ident(entry, where)
        builder.add(ident, entry, where)
        facts[ident] = FactCue(
            id=ident,
            why=_why(entry.get("why"), f"{where}.why"),
            scope=_scope(entry.get("scope"), where, "sentence"),
            applies_to=frozenset(_str_list(entry.get("applies_to"), f"{where}.applies_to") or ["*"]),
        )

    upgrades = []
    for i, entry in enumerate(data.get("upgrades") or []):
        where = f"upgrades[{i}]"
        mapping = entry.get("map") or {}
        mapping = {str(k): str(v) for k, v in mapping.items()}
        for src, dst in mapping.items():
            if src not in offences or dst not in offences:
                raise PatternError(f"{where}.map", f"{src} -> {dst}: both must be Home Office classes")
        when = tuple(_str_list(entry.get("when"), f"{where}.when"))
        if not when or any(g not in groups for g in when):
            raise PatternError(f"{where}.when", "must name cue groups")
        upgrades.append(
            Upgrade(
                id=_ident(entry, where),
                when=when,
                scope=_scope(entry.get("scope"), where, "document"),
                mapping=dict(mapping),
                weight=_weight(entry.get("weight"), f"{where}.weight", 0.9),
            )
        )

    all_tags = {t for p in patterns.values() for t in p.tags}
    combos = []
    for i, entry in enumerate(data.get("combos") or []):
        where = f"combos[{i}]"
        all_of = tuple(_str_list(entry.get("all_of"), f"{where}.all_of"))
        if len(all_of) < 2 or any(t not in all_tags for t in all_of):
            raise PatternError(f"{where}.all_of", "must name two or more tags used by offence patterns")
        combos.append(
            Combo(
                id=_ident(entry, where),
                all_of=all_of,
                scope=_scope(entry.get("scope"), where, "sentence"),
                offence=_offence_ref(entry.get("offence"), f"{where}.offence", offences, resolvers),
                weight=_weight(entry.get("weight"), f"{where}.weight", 0.9),
            )
        )

    subsumes = {}
    for key, lesser in (data.get("subsumes") or {}).items():
        code = str(key)
        lesser_list = _str_list(lesser, f"subsumes.{code}")
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
            "pseudo_negations": _str_list(spec.get("pseudo"), f"{where}.pseudo"),
            "preceding_negations": [],
            "following_negations": [],
            "termination": _str_list(spec.get("termination"), f"{where}.termination"),
        }
        for i, cue in enumerate(spec.get("cues") or []):
            cwhere = f"{where}.cues[{i}]"
            ident = _ident(cue, cwhere)
            for side, key in (("preceding", "preceding_negations"), ("following", "following_negations")):
                for phrase in _str_list(cue.get(side), f"{cwhere}.{side}"):
                    termset[key].append(phrase)
                    cue_ids.setdefault(_norm(nlp, phrase), ident)
        if not cue_ids:
            raise PatternError(where, "needs cues")
        window = spec.get("window", 6)
        if not isinstance(window, int) or not 1 <= window <= 60:
            raise PatternError(f"{where}.window", "a whole number of tokens from 1 to 60")
        extension = f"screen_{name}"
        numbered = frozenset(w.lower() for w in _str_list(spec.get("numbered"), f"{where}.numbered"))
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
                why=_why(spec.get("why"), f"{where}.why"),
                window=window,
                extension=extension,
                cue_ids=cue_ids,
                component=component,
            )
        )

    neighbours = None
    if data.get("neighbours") is not None and examples:
        neighbours = _neighbours(data["neighbours"], examples, nlp, offences)

    rules_by_category = {
        str(k): tuple(_str_list(v, f"rules.{k}")) for k, v in (data.get("rules") or {}).items()
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


def offences_from_rows(rows: Sequence[Mapping[str, str]]) -> dict[str, Offence]:
    """The Home Office classes from ho_offences.csv rows (code, title, category, victim_based, rank)."""
    return {
        row["code"]: Offence(
            code=row["code"],
            title=row["title"],
            category=row["category"],
            victim_based=row["victim_based"].strip().lower() == "true",
            rank=int(row["seriousness_rank"]),
        )
        for row in rows
    }
