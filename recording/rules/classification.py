"""Classification: the Home Office classes the rules name, and the offence catalogue `decide` judges
against (classes plus the offence codes under them, with how each class counts)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace

from recording.rules.report import Counting, OffenceInfo

# ---------------------------------------------------------------- constants (codes of ho_offences.csv)
# Codes are data, but these few rules name classes rather than ranks, so the classes are listed here.
# Each list was read off recording/reference/ho_offences.csv (titles quoted); tests check every code is
# in the CSV so a renamed class fails loudly instead of silently dropping out of a rule.

#: R-PRINCIPAL-CONDUCT: the course-of-conduct classes. "8L Harassment", "8M Racially or religiously
#: aggravated harassment", "8Q Stalking", "8U Controlling or coercive behaviour". DOMAIN-crime.md names
#: exactly these three behaviours (stalking, harassment, controlling or coercive behaviour).
COURSE_OF_CONDUCT_CODES: frozenset[str] = frozenset({"8L", "8M", "8Q", "8U"})

#: R-RAPE-RECORD: "19C".."19H", every class whose title begins "Rape of a ...".
RAPE_CODES: frozenset[str] = frozenset({"19C", "19D", "19E", "19F", "19G", "19H"})

#: R-RAPE-RECORD also lists "other serious sexual offences" for the daily review. DOMAIN-crime.md's
#: seriousness bands put "serious child/penetrative sexual offences" at rank 6 with robbery; the
#: sexual classes of that band are "21 Sexual activity involving a child under 13" and "22A Causing
#: sexual activity without consent". Rape plus these two is the list.
SERIOUS_SEXUAL_CODES: frozenset[str] = RAPE_CODES | frozenset({"21", "22A"})

#: R-FRAUD-AF: the Fraud Act classes that carry NFIB codes, recorded by Action Fraud, not the force:
#: "53C Fraud by false representation: cheque, plastic card and online bank accounts", "53D ... other
#: frauds", "53E Fraud by failing to disclose information", "53F Fraud by abuse of position". The rule
#: names exactly these; other fraud and forgery (33A, 60, 61, 814) and blackmail (35) stay the force's.
#: The catalogue has no Computer Misuse Act class, so none is listed.
ACTION_FRAUD_CODES: frozenset[str] = frozenset({"53C", "53D", "53E", "53F"})

#: R-NCRS-STATE names "drug or weapon possession" as offences with no specific victim, and
#: R-VICTIMLESS-COUNT counts "each person found with drugs or a knife": a person named as the victim of
#: an offence of these ho_offences.csv categories is an error, not a crime against that person. Other
#: state-based offences may name the person affected (s5 Public Order is recorded where "an identified
#: victim" confirms it) and are still counted per offender.
NO_PERSONAL_VICTIM_CATEGORIES: frozenset[str] = frozenset({"Drug offences", "Possession of weapons offences"})

#: R-NCRS-STATE names "public order with no specific victim" as state-based: public order against a
#: named, identified person is not. "9A Public fear alarm or distress" and "9B Racially or religiously
#: aggravated public fear alarm or distress" (s4, s4A and s5 where the rules record it for an identified
#: victim) count per victim when a person is named as victim, whatever the class's flag or the offence's
#: S marker says, and take part in the principal-crime comparison (R-PRINCIPAL).
PUBLIC_ORDER_VICTIM_CODES: frozenset[str] = frozenset({"9A", "9B"})

#: R-CLASS-VEHICLE: "58C Criminal damage to a vehicle" done to get in is part of "45 Theft from a vehicle".
VEHICLE_DAMAGE_CODE = "58C"
VEHICLE_THEFT_CODE = "45"


# ---------------------------------------------------------------- the catalogue
def catalogue_with_codes(
    classes: Mapping[str, OffenceInfo], codes: Iterable[tuple[str, str, str, str]]
) -> tuple[dict[str, OffenceInfo], frozenset[str]]:
    """The catalogue `decide` judges against: the Home Office classes (ho_offences.csv) plus each Home
    Office offence code (ho_offence_codes.csv rows as (code, class code, title, marker), file order)
    under its class, with the class's category, rank, restriction and notifiability.

    A code that is also a class code means the class (39 is both). A code printed more than once (1/1:
    murder, genocide) is one entry when its rows agree on class and marker; rows that disagree leave the
    code out, so a report must give the class rather than be counted by a guess. Returns the catalogue
    and the codes left out."""
    offences: dict[str, OffenceInfo] = {}
    ambiguous: set[str] = set()
    for code, class_code, title, marker in codes:
        if code in classes or code in ambiguous:
            continue
        counting = Counting(marker)
        earlier = offences.get(code)
        if earlier is not None:
            if (earlier.class_code, earlier.counting) != (class_code, counting):
                ambiguous.add(code)
                del offences[code]
            else:
                offences[code] = replace(earlier, title=f"{earlier.title} / {title}")
            continue
        offences[code] = replace(
            classes[class_code],
            code=code,
            title=title,
            victim_based=counting is Counting.VICTIM,
            class_code=class_code,
            counting=counting,
        )
    return {**classes, **offences}, frozenset(ambiguous)


# ---------------------------------------------------------------- counting markers
def class_markers(offences: Mapping[str, OffenceInfo]) -> dict[str, frozenset[Counting]]:
    """The counting markers of the Home Office offences the catalogue holds under each class."""
    found: dict[str, set[Counting]] = {}
    for info in offences.values():
        if info.class_code is not None and info.counting is not None:
            found.setdefault(info.class_code, set()).add(info.counting)
    return {code: frozenset(markers) for code, markers in found.items()}


def class_is_mixed(markers: Collection[Counting]) -> bool:
    """A class holding both victim-based and state-based offences (9A: s4 and s4A are V, s5 is S; 24:
    S/V and S). Given alone, such a class counts as victim-based when a person is named as victim."""
    return Counting.EITHER in markers or {Counting.VICTIM, Counting.STATE} <= set(markers)


def offence_label(offence: OffenceInfo) -> str:
    if offence.class_code is not None:
        return f"{offence.code} {offence.title} (class {offence.class_code})"
    return f"{offence.code} {offence.title}"
