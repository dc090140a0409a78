"""Resolving an unrecorded-incident flag with a crime: whether the crime is the incident's (time, place,
force and kind of offence), and what does not match."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


class FlagMismatch:
    """Why a crime offered to resolve an unrecorded-incident flag may not be the incident's crime."""

    OTHER_INCIDENT = "other_incident"
    OTHER_FORCE = "other_force"
    DAYS_APART = "days_apart"
    OTHER_PLACE = "other_place"
    OTHER_KIND = "other_kind"


@dataclass(frozen=True)
class OffenceFacts:
    """The offence a crime is recorded under, as the match needs it (from the offence reference)."""

    code: str
    title: str
    category: str


@dataclass(frozen=True)
class IncidentKind:
    """The kind of incident its NSIR code names, and the offences a crime of that kind is recorded under
    (qa/reference/nsir_crime_kinds.csv). Empty `categories` and `classes`: the code names no kind of
    crime (CRIME, CRIME-DOMESTIC, a non-crime code), so the kind cannot be compared."""

    code: str
    title: str
    categories: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()

    @property
    def names_a_kind(self) -> bool:
        return bool(self.categories or self.classes)

    def admits(self, offence: OffenceFacts) -> bool:
        return offence.category in self.categories or offence.code in self.classes


@dataclass(frozen=True)
class FlagMatch:
    mismatches: tuple[str, ...]
    explanation: tuple[str, ...]
    # What the match could not compare, in words (a check that did not run says so, never "matches").
    not_checked: tuple[str, ...] = ()

    @property
    def needs_reason(self) -> bool:
        return bool(self.mismatches)


# Common address abbreviations, so "12 High St." and "12 High Street" are one place.
_ADDRESS_WORDS = {
    "st": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "dr": "drive",
    "cl": "close",
    "ct": "court",
    "cres": "crescent",
    "pl": "place",
    "sq": "square",
    "gdns": "gardens",
    "terr": "terrace",
    "tce": "terrace",
    "pde": "parade",
    "hwy": "highway",
}
# Words that say nothing about which place it is.
_ADDRESS_NOISE = frozenset({"the", "of", "at", "near", "outside", "junction", "jct", "and", "by", "with"})
_POSTCODE = re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b")


@dataclass(frozen=True)
class Address:
    words: frozenset[str]
    postcodes: frozenset[str]


def address_parts(address: str) -> Address:
    """The words of an address that name the place (lower case, punctuation dropped, common
    abbreviations written out) and its postcodes (without their space)."""
    text = address.lower().replace("o/s", " outside ").replace("j/w", " junction ")
    postcodes = frozenset(f"{a}{b}" for a, b in _POSTCODE.findall(text))
    words = {_ADDRESS_WORDS.get(w, w) for w in re.findall(r"[a-z0-9]+", _POSTCODE.sub(" ", text))}
    return Address(words=frozenset(words - _ADDRESS_NOISE), postcodes=postcodes)


def same_place(first: str, second: str) -> bool:
    """Whether two addresses name the same place: the same postcode where both give one, otherwise the
    words of one contain all the words of the other ("High Street" is within "12 High St, Anytown")."""
    a, b = address_parts(first), address_parts(second)
    if a.postcodes and b.postcodes:
        return bool(a.postcodes & b.postcodes)
    return bool(a.words and b.words) and (a.words <= b.words or b.words <= a.words)


def flag_crime_match(
    *,
    incident_opened_at: datetime,
    crime_reported_at: datetime,
    crime_forces: Iterable[str],
    our_force: str,
    other_incidents: Sequence[str],
    match_days: int,
    incident_location: str = "",
    crime_location: str = "",
    incident_kind: IncidentKind | None = None,
    crime_offence: OffenceFacts | None = None,
) -> FlagMatch:
    """Does the crime offered to resolve a flag look like the incident's own? (Contract: the resolve
    endpoint; R-NSIR-AUDIT-TRAIL.) It does not when it is already linked to another incident, belongs to
    another force (its crime number's force or the force area it happened in), was reported more than
    `match_days` days before or after the incident opened, happened somewhere other than the incident's
    location, or is of another kind than the incident's NSIR code names. Each mismatch is named and needs
    the sergeant's reason; what could not be compared (no location on one side, a code that names no kind
    of crime) is listed in `not_checked`, never passed as a match."""
    mismatches: list[str] = []
    explanation: list[str] = []
    not_checked: list[str] = []
    if other_incidents:
        mismatches.append(FlagMismatch.OTHER_INCIDENT)
        explanation.append(f"it is already linked to incident {', '.join(other_incidents)}")
    others = sorted({f for f in crime_forces if f and f != our_force})
    if others:
        mismatches.append(FlagMismatch.OTHER_FORCE)
        explanation.append(f"it belongs to another force ({', '.join(others)})")
    apart = abs(crime_reported_at - incident_opened_at)
    if apart > timedelta(days=match_days):
        mismatches.append(FlagMismatch.DAYS_APART)
        days = apart.days
        explanation.append(
            f"it was reported {days} day{'s' if days != 1 else ''} "
            f"{'after' if crime_reported_at > incident_opened_at else 'before'} the incident opened "
            f"(more than {match_days})"
        )
    incident_location, crime_location = incident_location.strip(), crime_location.strip()
    if not incident_location or not crime_location:
        missing = "the incident" if not incident_location else "the crime"
        if not incident_location and not crime_location:
            missing = "neither the incident nor the crime"
            not_checked.append(f"the place was not compared: {missing} gives a location")
        else:
            not_checked.append(f"the place was not compared: {missing} gives no location")
    elif not same_place(incident_location, crime_location):
        mismatches.append(FlagMismatch.OTHER_PLACE)
        explanation.append(f"it happened at {crime_location!r}, the incident at {incident_location!r}")
    if incident_kind is None or crime_offence is None:
        not_checked.append("the kind of incident was not compared: the offence or the NSIR code is unknown")
    elif not incident_kind.names_a_kind:
        not_checked.append(
            f"the kind of incident was not compared: its code ({incident_kind.title}) names no kind of crime"
        )
    elif not incident_kind.admits(crime_offence):
        mismatches.append(FlagMismatch.OTHER_KIND)
        explanation.append(
            f"it is {crime_offence.title} ({crime_offence.code}, {crime_offence.category.lower()}), "
            f"but the incident was logged as {incident_kind.title} ({incident_kind.code})"
        )
    return FlagMatch(
        mismatches=tuple(mismatches), explanation=tuple(explanation), not_checked=tuple(not_checked)
    )
