"""Subject access (C-DP-SHARING): everything held about a named person across complaint cases."""

from __future__ import annotations

from typing import Any

from complaints.models import Complainant, Subject
from complaints.selectors.cases import case_visible
from staffing.models import User
from staffing.selectors import record_files_listed
from staffing.selectors.letters import letters_by_record


def subject_access_data(*, name: str, user: User) -> dict[str, Any]:
    """Everything held about a named person across complaint cases, as complainant or as subject, that
    `user` (the one exporting) may see: the cases `case_visible` hides from them never appear, so a
    manager asking about themselves never receives the cases about them (issue 17)."""
    name = name.strip()
    visible = case_visible(user)
    complainants = list(
        Complainant.objects.filter(name__iexact=name, case__in=visible).select_related("case", "equality")
    )
    subjects = Subject.objects.filter(name__iexact=name, case__in=visible).select_related("case")
    # The files held on each case named (staffing.RecordFile), read once for all of them.
    files = record_files_listed(
        key="complaint_case",
        record_ids={c.case_id for c in complainants} | {s.case_id for s in subjects},
    )
    out: dict[str, Any] = {"name": name, "as_complainant": [], "as_subject": []}
    letters = letters_by_record(record_type="complaint_case", record_ids=[c.case_id for c in complainants])
    for c in complainants:
        eq = getattr(c, "equality", None)
        out["as_complainant"].append(
            {
                "case": c.case.reference,
                "received_at": c.case.received_at.isoformat(),
                "summary": c.case.summary,
                "email": c.email,
                "phone": c.phone,
                "address": c.address,
                "preferred_contact": c.preferred_contact,
                "adjustments": list(c.adjustments),
                "adjustment_notes": c.adjustment_notes,
                "acting_for_someone": c.acting_for_someone,
                "on_behalf_of": c.on_behalf_of,
                "consent_evidence": c.consent_evidence,
                "equality": None
                if eq is None
                else {
                    k: getattr(eq, k)
                    for k in ("age_band", "sex", "ethnicity", "disability", "religion", "sexual_orientation")
                },
                "contacts": [
                    {"at": k.at.isoformat(), "method": k.method, "summary": k.summary}
                    for k in c.case.contacts.all().order_by("at")
                ],
                "letters": [
                    {
                        "kind": lt.purpose,
                        "dated": lt.dated.isoformat() if lt.dated else None,
                        "status": lt.status,
                    }
                    for lt in letters[c.case_id]
                ],
                "files": files.get(c.case_id, []),
            }
        )
    for s in subjects:
        out["as_subject"].append(
            {
                "case": s.case.reference,
                "received_at": s.case.received_at.isoformat(),
                "kind": s.kind,
                "collar_number": s.collar_number,
                "team": s.team_name,
                "allegations": [
                    {
                        "category": a.category.code,
                        "description": a.description,
                        "outcome": a.outcome.code if a.outcome else None,
                    }
                    for a in s.case.allegations.select_related("category", "outcome")
                ],
                "files": files.get(s.case_id, []),
            }
        )
    return out
