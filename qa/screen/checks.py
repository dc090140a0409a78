"""The field checks compile_patterns and the neighbours reader share: each returns the value, normalised,
or raises PatternError naming the place that is wrong."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.language import Language

from qa.screen.patterns import Offence, PatternError
from qa.screen.result import WHY_LABELS

SCOPES = ("sentence", "document", "before", "after", "overlap")


def norm(nlp: Language, phrase: str) -> str:
    return " ".join(t.lower_ for t in nlp.make_doc(phrase))


def str_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PatternError(where, "must be a list of non-empty strings")
    return list(value)


def ident(entry: Mapping[str, Any], where: str) -> str:
    ident = entry.get("id")
    if not isinstance(ident, str) or not ident.strip():
        raise PatternError(where, "every entry needs an id")
    return ident


def weight(value: Any, where: str, default: float = 0.8) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise PatternError(where, "weight must be a number above 0 and at most 1")
    return float(value)


def scope(value: Any, where: str, default: str) -> str:
    scope = value or default
    if scope not in SCOPES:
        raise PatternError(where, f"scope must be one of {', '.join(SCOPES)}")
    return str(scope)


def why(value: Any, where: str) -> str:
    if value not in WHY_LABELS:
        raise PatternError(where, f"why must be one of {', '.join(WHY_LABELS)}")
    return str(value)


def offence_ref(value: Any, where: str, offences: Mapping[str, Offence], resolvers: Mapping[str, Any]) -> str:
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
