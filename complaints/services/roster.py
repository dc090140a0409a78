"""The roster of officers and staff, imported from CSV (issue 23 part 3): one path for the managers'
page and manage.py import_roster."""

from __future__ import annotations

from django.db import transaction

from complaints.models import RosterPerson
from complaints.rules.roster import RosterError, roster_parse
from config.exceptions import DomainError
from staffing.models import User


@transaction.atomic
def roster_import(*, actor: User | None, text: str) -> dict[str, int]:
    """All or nothing: every row is checked first (problems named by row, DomainError on `file`); then each
    collar number is added or updated, with the importer and a change reason in its history."""
    if actor is not None and actor.role not in (User.Role.MANAGER, User.Role.ADMIN):
        raise DomainError("Only a manager can import the roster.", field="file")
    try:
        rows = roster_parse(text)
    except RosterError as exc:
        raise DomainError(" ".join(exc.problems), field="file") from exc
    existing = {p.collar_number.upper(): p for p in RosterPerson.objects.select_for_update()}
    added = updated = 0
    for row in rows:
        person = existing.get(row.collar_number.upper())
        fields = {"name": row.name, "rank": row.rank, "team_name": row.team}
        if person is None:
            person = RosterPerson(collar_number=row.collar_number, **fields)
            added += 1
        elif all(getattr(person, k) == v for k, v in fields.items()):
            continue
        else:
            for k, v in fields.items():
                setattr(person, k, v)
            updated += 1
        person._change_reason = "Roster import"  # type: ignore[attr-defined]
        person._history_user = actor  # type: ignore[attr-defined]
        person.save()
    return {"rows": len(rows), "added": added, "updated": updated}
