"""Eligibility, allegation by allegation: may this person complain about it, and why in plain words."""

from __future__ import annotations

from complaints.rules.facts import AllegationFacts, Complainant


def allegation_eligibility(
    complainant: Complainant, allegation: AllegationFacts
) -> tuple[bool, tuple[str, ...]]:
    """May this person complain about this allegation? Returns (eligible, rule IDs relied on)."""
    if complainant.serving_officer_same_force:
        return False, ("C-ELIG-SERVING",)
    if complainant.acting_for_someone:
        if not complainant.consent_of_affected:
            return False, ("C-ELIG-ON-BEHALF",)
        # C-ELIG-ON-BEHALF: with written consent the complaint is the represented person's own, and that
        # person is by definition the subject of the matter or adversely affected by it: the
        # representative's own `adversely_affected` / `witness` play no part (API.md, consent_of_affected).
        if not allegation.conduct:
            return True, ("C-ELIG-ON-BEHALF", "C-ELIG-NONCONDUCT", "C-ELIG-AFFECTED")
        standing = "C-ELIG-SUBJECT" if complainant.subject_of_conduct else "C-ELIG-AFFECTED"
        return True, ("C-ELIG-ON-BEHALF", standing)
    affected = complainant.adversely_affected and not complainant.affected_only_through_media
    if not allegation.conduct:
        # C-ELIG-NONCONDUCT: service, policy, direction and control: adversely affected only.
        if affected:
            return True, ("C-ELIG-NONCONDUCT", "C-ELIG-AFFECTED")
        if complainant.witness:
            return False, ("C-ELIG-WITNESS", "C-ELIG-NONCONDUCT")
        return False, ("C-ELIG-NONCONDUCT",)
    if complainant.subject_of_conduct:
        return True, ("C-ELIG-SUBJECT",)
    if affected:
        return True, ("C-ELIG-AFFECTED",)
    if complainant.witness:
        return True, ("C-ELIG-WITNESS",)
    return False, ("C-ELIG-SUBJECT", "C-ELIG-AFFECTED", "C-ELIG-WITNESS")


_ELIGIBLE_BECAUSE = {
    "C-ELIG-ON-BEHALF": "the representative holds the written consent of the person they act for, so it "
    "stands as that person's own complaint",
    "C-ELIG-SUBJECT": "the conduct was directed at the person complaining",
    "C-ELIG-AFFECTED": "the person complaining was adversely affected",
    "C-ELIG-WITNESS": "the person complaining witnessed the conduct",
}


def eligible_reason(basis: tuple[str, ...]) -> str:
    return "; ".join(_ELIGIBLE_BECAUSE[rule] for rule in basis if rule in _ELIGIBLE_BECAUSE)


_INELIGIBLE_REASONS = {
    "C-ELIG-SERVING": (
        "someone serving with the police cannot complain about conduct under the same chief officer."
    ),
    "C-ELIG-ON-BEHALF": "a representative needs the written consent of the person affected.",
    "C-ELIG-WITNESS": "a witness may complain only about conduct, not about service or policy.",
    "C-ELIG-NONCONDUCT": "only someone adversely affected may complain about service or policy.",
    "C-ELIG-SUBJECT": (
        "the person was not the subject of the conduct, adversely affected by it or a witness to it."
    ),
}


def ineligible_reason(basis: tuple[str, ...]) -> str:
    return _INELIGIBLE_REASONS[basis[0]]
