"""The shipped default pattern set: qa/reference/screen_patterns.yaml over the product's own copy of the
Home Office offence classes (recording/reference/ho_offences.csv). Read once per process (files are
read when first asked for, never per narrative)."""

from __future__ import annotations

import csv
import json
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from qa.screen.compile import compile_patterns
from qa.screen.patterns import Offence, PatternSet, offences_from_rows

BASE = Path(__file__).resolve().parents[2]
DEFAULT_FILE = BASE / "qa" / "reference" / "screen_patterns.yaml"
OFFENCES_FILE = BASE / "recording" / "reference" / "ho_offences.csv"
EXAMPLES_FILE = BASE / "qa" / "reference" / "screen_examples.json"


@cache
def ho_offences() -> dict[str, Offence]:
    with OFFENCES_FILE.open(newline="", encoding="utf-8") as handle:
        return offences_from_rows(list(csv.DictReader(handle)))


def default_pattern_text() -> str:
    return DEFAULT_FILE.read_text(encoding="utf-8")


class _Loader(yaml.CSafeLoader):
    """SafeLoader without YAML 1.1's yes/no/on/off booleans: cue lists hold the words "no" and "on". On
    libyaml's parser (PyYAML's C extension), which reads the shipped patterns in 0.17 s of CPU where the
    pure-Python one took 0.52 s; the data read are the same, as the resolvers below are the loader's."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def parse_pattern_text(text: str) -> Any:
    """YAML text -> plain data (a safe loader: data only, never objects; only true/false are booleans)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a CSafeLoader subclass


@lru_cache(maxsize=2)
def pattern_set_from_text(text: str) -> PatternSet:
    """A force's pattern document compiled (about a second and a half of CPU), kept for the last two texts
    in this process: the version in force, and one just published, which the publishing service compiles
    to check it and the page it returns to then reads without compiling it again. A text that does not
    compile raises, and nothing is kept."""
    return compile_patterns(parse_pattern_text(text), ho_offences(), screen_examples())


@cache
def screen_examples() -> list[dict[str, Any]]:
    """The labelled narratives the project ships (public examples and the development set)."""
    return list(json.loads(EXAMPLES_FILE.read_text(encoding="utf-8")))


@cache
def default_pattern_set() -> PatternSet:
    return compile_patterns(parse_pattern_text(default_pattern_text()), ho_offences(), screen_examples())
