"""Naming who an allegation is about from the roster (issue 23 part 3): the case page and the API call
`allegation_subject_attach`, which raises the repeat-subject alerts (complaints.services.alerts)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from complaints import selectors
from complaints.models import CaseAction, ComplaintCase, RosterPerson, Subject
from complaints.services.alerts import PEOPLE, alerts_raise, subject_roster_link
from complaints.services.common import _log
from complaints.services.intake import _subject_user
from config.exceptions import DomainError
from staffing.models import User


@transaction.atomic
def allegation_subject_attach(
    *,
    case_id: int,
    actor: User,
    person: RosterPerson,
    allegation_ids: Iterable[int],
    kind: str = Subject.Kind.OFFICER,
    subject_id: int | None = None,
) -> Subject:
    """Name a person on the roster as the subject of some of a case's allegations (open or closed: who an
    allegation was about is worth knowing whenever it is learnt). The case's subject for that person is
    reused, or `subject_id` (a subject named without a collar number) is linked to them, or a new subject
    is added; then the alerts are raised."""
    if actor.role not in (User.Role.ADVISOR, User.Role.MANAGER, User.Role.ADMIN):
        raise DomainError("Only complaints staff can name an allegation's subject.", field="person")
    case = selectors.case_visible(actor).select_for_update().filter(pk=case_id).first()
    if case is None:
        raise DomainError("No such complaint case.", field="case")
    if case.kind == ComplaintCase.Kind.COMPLIMENT:
        raise DomainError("A compliment has no allegations.", field="allegations")
    wanted = sorted(set(allegation_ids))
    allegations = list(case.allegations.filter(pk__in=wanted).select_related("category"))
    if not wanted:
        raise DomainError("Choose which allegations the person is about.", field="allegations")
    if len(allegations) != len(wanted):
        raise DomainError("Choose allegations of this case.", field="allegations")
    subject = case.subjects.filter(roster_person=person).first()
    if subject is None and subject_id is not None:
        subject = case.subjects.select_for_update().filter(pk=subject_id).first()
        if subject is None:
            raise DomainError("No such subject on this case.", field="subject")
        if subject.roster_person_id is not None:
            raise DomainError(f"{subject} is already someone on the roster.", field="subject")
        if subject.kind not in PEOPLE:
            raise DomainError("Only an officer or member of staff is on the roster.", field="subject")
        subject.roster_person = person
        subject.collar_number = ""
        subject_roster_link(subject)
        subject._change_reason = f"Linked to the roster: {person}"  # type: ignore[attr-defined]
        subject.full_clean(exclude=["case", "user"])
        subject.save()
    elif subject is None:
        if kind not in PEOPLE:
            raise DomainError("Choose police officer or police staff.", field="kind")
        subject = Subject(case=case, kind=kind, roster_person=person)
        subject_roster_link(subject)
        subject.full_clean(exclude=["case", "user"])
        subject._change_reason = f"Named from the roster: {person}"  # type: ignore[attr-defined]
        subject.save()
    if subject.user_id is None:
        # The subject's own account (by collar number) never sees the case (selectors.case_visible).
        account = _subject_user(subject)
        if account is not None:
            subject.user = account
            subject._change_reason = "Linked to their account by collar number"  # type: ignore[attr-defined]
            subject.save(update_fields=["user"])
    added = [a for a in allegations if not a.subjects.filter(pk=subject.pk).exists()]
    if not added:
        raise DomainError(f"{subject} is already named on those allegations.", field="allegations")
    for allegation in added:
        allegation.subjects.add(subject)
    case.version += 1
    case._change_reason = "Allegation subject named"  # type: ignore[attr-defined]
    case.save(update_fields=["version", "updated_at"])
    titles = "; ".join(a.category.title for a in added)
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.EDITED,
        summary=f"{person} named as the subject of the allegation{'s' if len(added) > 1 else ''}: {titles}",
    )
    alerts_raise(allegation_ids=[a.pk for a in added], actor=actor)
    return subject
