"""A PatternSet: the screen's phrase lists, token patterns, cues and weights, compiled from plain data.

The data is the shipped default (qa/reference/screen_patterns.yaml) or a force's edited version kept in
the database. This module holds what it compiles to (the PatternSet and its parts) and the words a
narrative is compared by; qa.screen.compile builds one, with the field checks in qa.screen.checks and
the neighbours reader in qa.screen.neighbours."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from qa.screen import reader
from qa.screen.context import CueNegex

SPAN_KEY = "screen"


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
    victims: frozenset[str] = frozenset()  # the victim's age bands it applies to; empty: any age


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


def terms(nlp: Language, tokens: Any) -> list[str]:
    """The words a narrative is compared by: lower case, letters only, no stop words."""
    stop = nlp.Defaults.stop_words
    return [t.lower_ for t in tokens if t.is_alpha and len(t) > 2 and t.lower_ not in stop]


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
