"""What a record kind offers letters (issue 22): its placeholders, the states templates are chosen by,
the facts of one record (values, recipient, recorded adjustments) and what happens when a letter about
it is sent. The owning app builds a LetterSource and hangs it on its staffing.records.RecordKind
(`letters=`), so staffing writes letters about crimes and complaint cases without importing them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Placeholders every letter offers, whatever its record: filled by staffing from the letter itself.
COMMON_PLACEHOLDERS: tuple[tuple[str, str], ...] = (
    ("today", "Today's date, as written on the letter"),
    ("recipient_name", "The person written to"),
    ("force_name", "The force's name"),
    ("handler_name", "The handler's name"),
    ("handler_role", "The handler's role"),
    ("handler_phone", "The handler's direct phone line"),
    ("handler_email", "The handler's direct e-mail"),
)


@dataclass(frozen=True)
class Placeholder:
    name: str
    label: str


@dataclass(frozen=True)
class Clock:
    """A deadline the letter answers, shown on the draft (e.g. the Victims' Code notice's)."""

    label: str
    due: dt.date | None
    rule: str = ""


@dataclass(frozen=True)
class LetterFacts:
    """One record's facts for a letter, read when drafting or previewing."""

    label: str  # the record's reference
    values: dict[str, str]
    states: dict[str, bool]
    recipient_name: str
    recipient_email: str = ""
    recipient_address: str = ""
    adjustments: tuple[str, ...] = ()
    adjustment_notes: str = ""
    sender: str = ""  # who the letter is from; the force's name when empty
    clocks: dict[str, Clock] = field(default_factory=dict)  # by letter purpose


@dataclass(frozen=True)
class SentLetter:
    """What the owning app hears when a letter about its record was sent (or came back undelivered)."""

    record_id: int
    letter_id: int
    purpose: str
    subject: str
    at: dt.datetime
    method: str  # "email" or "letter"
    actor: Any


@dataclass(frozen=True)
class LetterSource:
    """A record kind's letter side. `facts(record)` takes a record its kind's `open` returned (need-to-
    know already checked and logged). `on_sent` logs the contact on the record and moves the clock the
    letter answers; `on_undelivered` reopens the contact that the letter was meant to make. Both are
    called inside the sending transaction."""

    placeholders: tuple[Placeholder, ...]
    states: tuple[tuple[str, str], ...]  # (key, label)
    facts: Callable[[Any], LetterFacts]
    on_sent: Callable[[SentLetter], None]
    on_undelivered: Callable[[SentLetter], None]
    purposes: tuple[str, ...] = ()  # the letter purposes this kind writes

    def names(self) -> list[str]:
        return [name for name, _ in COMMON_PLACEHOLDERS] + [p.name for p in self.placeholders]

    def all_placeholders(self) -> list[Placeholder]:
        return [Placeholder(n, label) for n, label in COMMON_PLACEHOLDERS] + list(self.placeholders)
