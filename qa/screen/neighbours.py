"""The neighbours reader built from the labelled examples: tf-idf vectors and their index for the
vote, and the examples model (qa.screen.reader) when the pattern data asks for one. compile_patterns
calls it only when the data turns the reader on and examples are given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.language import Language

from qa.screen import checks, reader
from qa.screen.patterns import Example, Neighbours, Offence, PatternError, terms


def build_neighbours(
    spec: Any,
    examples: Sequence[Mapping[str, Any]],
    nlp: Language,
    offences: Mapping[str, Offence],
    resolvers: Mapping[str, Any],
) -> Neighbours:
    import math
    from collections import Counter

    where = "neighbours"
    if not isinstance(spec, Mapping):
        raise PatternError(where, "must be a mapping")
    k = spec.get("k", 7)
    if not isinstance(k, int) or not 1 <= k <= 50:
        raise PatternError(f"{where}.k", "a whole number from 1 to 50")
    vote = checks.weight(spec.get("vote"), f"{where}.vote", 0.7)
    min_similarity = checks.weight(spec.get("min_similarity"), f"{where}.min_similarity", 0.15)
    weight = checks.weight(spec.get("weight"), f"{where}.weight", 0.45)
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
        crime_at = checks.weight(model_spec.get("crime"), f"{mwhere}.crime", 0.75)
        unsure_at = checks.weight(model_spec.get("unsure"), f"{mwhere}.unsure", 0.6)
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
        family = _families(model_spec.get("families"), f"{mwhere}.families", offences, resolvers)
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
            family=family,
        )
    return Neighbours(k, vote, min_similarity, weight, idf, tuple(built), index, model)


def _families(
    spec: Any, where: str, offences: Mapping[str, Offence], resolvers: Mapping[str, Any]
) -> dict[str, str]:
    """`families: {KIND: [class, ...]}` -> class -> KIND, where KIND is a class (the one an upgrade starts
    from: 105A for 8N) or @RESOLVER (whose rules pick the class). A class belongs to one kind at most."""
    if spec is None:
        return {}
    if not isinstance(spec, Mapping):
        raise PatternError(where, "must be a mapping of a kind to its classes")
    family: dict[str, str] = {}
    for kind, members in spec.items():
        kind = checks.offence_ref(kind, f"{where}.{kind}", offences, resolvers)
        for code in checks.str_list(members, f"{where}.{kind}"):
            if code not in offences:
                raise PatternError(f"{where}.{kind}", f"{code} is not a Home Office class")
            if code in family:
                raise PatternError(f"{where}.{kind}", f"{code} is already of kind {family[code]}")
            family[code] = kind
    return family
