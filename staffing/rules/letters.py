"""Letters' pure rules (issue 22 parts 1-3): the placeholder language templates are written in, the
format a person's recorded adjustments call for, the Easy Read checks and the choice of template for a
record's state. No ORM, no I/O: tested case by case in staffing/tests/test_letter_rules.py.

Templates never run code. A template is plain text with placeholders written `{{ name }}`: a name of
letters, digits and underscores, nothing else. There are no tags, no filters, no attribute lookups:
`{{ record.__class__ }}`, `{{ name|upper }}`, `{% load %}` and `{# #}` are refused when the template is
saved, and rendering substitutes each name from a dictionary of strings the record's kind supplies, in
one pass, so a value that itself contains `{{ ... }}` is never read again as a placeholder."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

NAME = r"[A-Za-z_][A-Za-z0-9_]*"
PLACEHOLDER = re.compile(r"\{\{\s*(" + NAME + r")\s*\}\}")
# Anything that opens like Django or Jinja template syntax, placeholder or not.
OPENERS = re.compile(r"\{\{|\{%|\{#|%\}|#\}")
BRACED = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)

EASY_READ_MAX_WORDS = 15
EASY_READ_MAX_PAGES = 20
LARGE_PRINT_PT = 18  # the RNIB's preferred size; 16 pt is the least large print may be
LARGE_PRINT_MIN_PT = 16
CLEAR_PRINT_PT = 12
STANDARD_PT = 12


@dataclass(frozen=True)
class Problem:
    message: str
    placeholder: str = ""


def placeholders_in(text: str) -> list[str]:
    """The placeholder names a template uses, in order of first use."""
    seen: dict[str, None] = {}
    for match in PLACEHOLDER.finditer(text):
        seen.setdefault(match.group(1), None)
    return list(seen)


def template_problems(text: str, allowed: Iterable[str]) -> list[Problem]:
    """Why a template body (or subject) cannot be saved: template syntax other than `{{ name }}`, and
    every name its record kind does not offer (each named). Empty: it may be saved."""
    allowed_names = set(allowed)
    problems: list[Problem] = []
    for match in BRACED.finditer(text):
        inner = match.group(1)
        if not re.fullmatch(r"\s*" + NAME + r"\s*", inner):
            problems.append(
                Problem(
                    f"{match.group(0)!s} is not a placeholder: templates take only {{{{ name }}}} with a "
                    "name from the list, no dots, filters or code.",
                    placeholder=inner.strip(),
                )
            )
    stripped = BRACED.sub("", text)
    for match in OPENERS.finditer(stripped):
        problems.append(
            Problem(
                f"{match.group(0)!r} is template code, which letters may not contain: "
                "use only {{ name }} placeholders.",
                placeholder=match.group(0),
            )
        )
    for name in placeholders_in(text):
        if name not in allowed_names:
            problems.append(Problem(f"Unknown placeholder {{{{ {name} }}}}.", placeholder=name))
    return problems


def render(text: str, values: Mapping[str, str]) -> str:
    """Substitute each `{{ name }}` with its value, in one pass (a value is never re-read). A name the
    values lack renders as an empty string: saving refused unknown names, so this only happens when a
    record has no value for a placeholder its kind offers (say, no handover reference yet)."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text)


def long_date(value: dt.date | None) -> str:
    """A date as letters write it: '7 December 2026' ('' for none)."""
    return f"{value.day} {value:%B %Y}" if value else ""


# ---------------------------------------------------------------- paragraphs
@dataclass(frozen=True)
class Block:
    """One part of a letter's body: a heading, a paragraph, or a list of points."""

    kind: str  # "heading", "paragraph" or "points"
    lines: tuple[str, ...]


def blocks(body: str) -> list[Block]:
    """A letter is edited as plain paragraphs separated by a blank line. A paragraph that starts with
    "# " is a heading; one whose lines all start with "- " is a list of points (in Easy Read, one
    picture slot beside each point)."""
    out: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.replace("\r\n", "\n").strip()):
        lines = [line.rstrip() for line in chunk.strip().split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) == 1 and lines[0].startswith("# "):
            out.append(Block("heading", (lines[0][2:].strip(),)))
        elif all(line.lstrip().startswith("- ") for line in lines):
            out.append(Block("points", tuple(line.lstrip()[2:].strip() for line in lines)))
        else:
            out.append(Block("paragraph", tuple(line.strip() for line in lines)))
    return out


GUIDANCE = re.compile(r"\[[^\]\n]{3,}\]")


def unfilled_guidance(body: str) -> list[str]:
    """Bracketed guidance a template leaves for the handler ("[Say here what has happened.]") that
    is still in the letter: it must be replaced before the letter is issued."""
    return GUIDANCE.findall(body)


# ---------------------------------------------------------------- Easy Read
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-/.,]*")


def sentences(text: str) -> list[str]:
    """Sentences of a letter's text: split at . ! ? followed by space, and at line ends (a heading or
    a point is a sentence of its own)."""
    text = text.replace("\r\n", "\n")
    parts = SENTENCE_END.split(text)
    return [p.strip().lstrip("#- ").strip() for p in parts if p.strip().lstrip("#- ").strip()]


def word_count(sentence: str) -> int:
    return len(WORD.findall(sentence))


def long_sentences(text: str, limit: int = EASY_READ_MAX_WORDS) -> list[tuple[str, int]]:
    """Easy Read: each sentence over `limit` words, with its count (the handler shortens them)."""
    return [(s, n) for s in sentences(text) if (n := word_count(s)) > limit]


# ---------------------------------------------------------------- format from adjustments
class Format(StrEnum):
    STANDARD = "standard"
    CLEAR_PRINT = "clear_print"
    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read"


FORMAT_LABELS = {
    Format.STANDARD: "Standard",
    Format.CLEAR_PRINT: "Clear print (12 pt or more)",
    Format.LARGE_PRINT: "Large print (18 pt)",
    Format.EASY_READ: "Easy Read",
}
TRANSLATION_NEEDS = frozenset({"interpreter", "translation", "bsl"})


@dataclass(frozen=True)
class FormatNeed:
    format: Format
    translation: bool  # an interpreter or translation is recorded: the handler arranges it (no machine)
    reasons: tuple[str, ...]

    @property
    def font_pt(self) -> int:
        return LARGE_PRINT_PT if self.format in (Format.LARGE_PRINT,) else CLEAR_PRINT_PT


def format_for(adjustments: Iterable[str]) -> FormatNeed:
    """The letter format a person's recorded adjustments call for. Easy Read is its own template
    variant, and is printed large enough to read (Easy Read guidance asks for 14 pt or more; large print's
    18 pt is used when large print is recorded too). Large print beats clear print; a person with no
    adjustment still gets clear print's 12 pt sans serif, which every letter meets."""
    needs = {a.strip().lower() for a in adjustments if a}
    reasons: list[str] = []
    if "easy_read" in needs:
        fmt = Format.EASY_READ
        reasons.append("Easy Read is recorded")
    elif "large_print" in needs:
        fmt = Format.LARGE_PRINT
        reasons.append("Large print is recorded")
    elif "clear_print" in needs:
        fmt = Format.CLEAR_PRINT
        reasons.append("Clear print is recorded")
    else:
        fmt = Format.STANDARD
    translation = bool(needs & TRANSLATION_NEEDS)
    if translation:
        reasons.append("An interpreter or translation is recorded: arrange a translation of this letter")
    return FormatNeed(format=fmt, translation=translation, reasons=tuple(reasons))


def body_font_pt(fmt: Format, *, also_large_print: bool = False) -> int:
    """The body text size of a letter in `fmt`: 18 pt for large print (and Easy Read for someone who
    also needs large print), 14 pt for Easy Read, 12 pt otherwise."""
    if fmt == Format.LARGE_PRINT or (fmt == Format.EASY_READ and also_large_print):
        return LARGE_PRINT_PT
    if fmt == Format.EASY_READ:
        return 14
    return CLEAR_PRINT_PT


# ---------------------------------------------------------------- which template fits
NEGATION = "not:"


def conditions_problems(conditions: Iterable[str], states: Iterable[str]) -> list[str]:
    """Conditions a template may carry are the record kind's states, each optionally "not:"."""
    known = set(states)
    return [c for c in conditions if c.removeprefix(NEGATION) not in known]


def conditions_hold(conditions: Iterable[str], facts: Mapping[str, bool]) -> bool:
    for condition in conditions:
        want = not condition.startswith(NEGATION)
        if bool(facts.get(condition.removeprefix(NEGATION), False)) != want:
            return False
    return True


@dataclass(frozen=True)
class Candidate:
    key: str
    purpose: str
    variant: str  # "standard" or "easy_read"
    conditions: tuple[str, ...]


def choose_template(
    candidates: Iterable[Candidate], *, purpose: str, easy_read: bool, facts: Mapping[str, bool]
) -> Candidate | None:
    """The template for a letter of `purpose` that fits the record's state: among those whose
    conditions all hold, the Easy Read variant for someone who needs it (the standard one otherwise,
    or when no Easy Read variant exists), and the most specific (most conditions) first; ties by key."""
    fitting = [c for c in candidates if c.purpose == purpose and conditions_hold(c.conditions, facts)]
    if not fitting:
        return None
    wanted = "easy_read" if easy_read else "standard"
    preferred = [c for c in fitting if c.variant == wanted] or [c for c in fitting if c.variant == "standard"]
    if not preferred:
        return None
    return sorted(preferred, key=lambda c: (-len(c.conditions), c.key))[0]
