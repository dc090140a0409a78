"""What makes a complaint serious: serious injury, the IOPC referral criteria and the must-record
triggers, and whether it needs investigating."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from complaints.rules.facts import SERIOUS_INJURY_DETAILS, AllegationFacts


def is_serious_injury(details: Iterable[str]) -> bool:
    """C-SERIOUS-INJURY-DEF: a fracture, a deep cut/laceration, internal organ damage or impaired function."""
    return any(detail in SERIOUS_INJURY_DETAILS for detail in details)


def death_or_serious_injury(allegation: AllegationFacts) -> bool:
    return allegation.death_or_serious_injury or is_serious_injury(allegation.injury_details)


def criminal_or_disciplinary(allegation: AllegationFacts) -> bool:
    """Might the conduct, if proved, be a criminal offence or justify disciplinary proceedings? A
    relevant offence (MR-RELEVANT-OFFENCE) is a criminal offence by definition."""
    return allegation.could_justify_criminal_or_disciplinary or allegation.relevant_offence


# Plain words for the C-MANDATORY-REFERRAL criteria (their IDs are those of complaint_rules.json).
REFERRAL_CRITERIA_WORDS = {
    "MR-DEATH-SERIOUS-INJURY": "death or serious injury",
    "MR-SERIOUS-ASSAULT": "a serious assault",
    "MR-SERIOUS-SEXUAL-OFFENCE": "a serious sexual offence",
    "MR-SERIOUS-CORRUPTION": "serious corruption",
    "MR-DISCRIMINATION-AGGRAVATED": "a crime or misconduct aggravated by discrimination",
    "MR-RELEVANT-OFFENCE": "a relevant offence (a sentence fixed by law, or 7 years or more)",
    "MR-SAME-INCIDENT": "the same incident as a complaint that must be referred",
    "MR-CHIEF-OFFICER-SERIOUS": "a complaint about the chief officer that could justify criminal or "
    "disciplinary proceedings",
    "MR-IOPC-REQUIRES": "the IOPC requires the referral",
}


def referral_criteria(
    allegations: Iterable[AllegationFacts],
    *,
    about_chief_officer: bool,
    same_incident_as_referrable: bool = False,
    iopc_requires_referral: bool = False,
) -> tuple[str, ...]:
    """C-MANDATORY-REFERRAL: the MR-* criteria (complaint_rules.json) met by these allegations."""
    allegations = tuple(allegations)
    found: list[str] = []
    checks = (
        ("MR-DEATH-SERIOUS-INJURY", death_or_serious_injury),
        ("MR-SERIOUS-ASSAULT", lambda a: a.serious_assault),
        ("MR-SERIOUS-SEXUAL-OFFENCE", lambda a: a.serious_sexual_offence),
        ("MR-SERIOUS-CORRUPTION", lambda a: a.serious_corruption),
        ("MR-DISCRIMINATION-AGGRAVATED", lambda a: a.discriminatory_criminal_or_misconduct),
        ("MR-RELEVANT-OFFENCE", lambda a: a.relevant_offence),
    )
    for criterion, test in checks:
        if any(test(a) for a in allegations):
            found.append(criterion)
    if same_incident_as_referrable:
        found.append("MR-SAME-INCIDENT")
    if about_chief_officer and any(criminal_or_disciplinary(a) for a in allegations):
        found.append("MR-CHIEF-OFFICER-SERIOUS")
    if iopc_requires_referral:
        found.append("MR-IOPC-REQUIRES")
    return tuple(found)


# Plain words for the must-record triggers of Sch3 para 2(6B).
RECORD_TRIGGER_WORDS = {
    "C-RECORD-DSI": "it alleges death or serious injury",
    "C-RECORD-CRIM-DISC": "the conduct, if proved, might be a crime or justify disciplinary proceedings",
    "C-RECORD-ART2-3": "it might involve a breach of Article 2 or 3",
    "C-RECORD-MR": "it must be referred to the IOPC",
}


def record_triggers(allegations: Iterable[AllegationFacts], referral: Collection[str]) -> tuple[str, ...]:
    """C-RECORD-DSI / -CRIM-DISC / -ART2-3 / -MR: the must-record triggers of Sch3 para 2(6B)."""
    allegations = tuple(allegations)
    found: list[str] = []
    if any(death_or_serious_injury(a) for a in allegations):
        found.append("C-RECORD-DSI")
    if any(criminal_or_disciplinary(a) for a in allegations):
        found.append("C-RECORD-CRIM-DISC")
    if any(a.article_2_or_3 for a in allegations):
        found.append("C-RECORD-ART2-3")
    if referral:
        found.append("C-RECORD-MR")
    return tuple(found)


def allegation_is_serious(allegation: AllegationFacts) -> bool:
    """Would this allegation trigger recording or referral if it came from an eligible person?"""
    return bool(record_triggers((allegation,), referral_criteria((allegation,), about_chief_officer=False)))


def needs_investigation(allegations: Iterable[AllegationFacts]) -> bool:
    """C-INVESTIGATE-WHEN: an indication of a crime / disciplinary-level behaviour, or an Art 2/3 issue."""
    return any(criminal_or_disciplinary(a) or a.article_2_or_3 for a in allegations)
