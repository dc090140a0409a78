"""Allegations tied to people on the roster, and repeat-subject alerts (issue 23 part 3).

One writer each: `subject_roster_link` links a subject to the roster (intake and
complaints.services.subjects call it for every subject); `alerts_raise` is called by both, explicitly,
whenever an allegation is logged with, or gets, a person on the roster as its subject (no signal);
`subject_alert_respond` records the supervisor's answer. complaints.rules.alerts
decides which thresholds are crossed."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from complaints.models import (
    Allegation,
    RepeatThreshold,
    RosterPerson,
    Subject,
    SubjectAlert,
)
from complaints.rules import alerts as alert_rules
from complaints.selectors.alerts import alerts_visible, roster_person_by_collar
from config.exceptions import DomainError
from config.working_days import add_working_days, bank_holidays
from staffing.models import User

# Who answers an alert: a supervisor of the complaints service.
SUPERVISORS = (User.Role.MANAGER, User.Role.ADMIN)
# An alert is answered within one working day of being raised.
RESPONSE_WORKING_DAYS = 1
PEOPLE = (Subject.Kind.OFFICER, Subject.Kind.STAFF)


# ---------------------------------------------------------------- the roster as the subject's identity
def subject_roster_link(subject: Subject) -> None:
    """Before a new subject is saved: the person on the roster it is (chosen, or found by its collar
    number), whose collar number, name and team the subject then carries from the roster. A collar number
    that disagrees with the person chosen is refused."""
    if subject.kind not in PEOPLE:
        if subject.roster_person_id is not None:
            raise DomainError("Only an officer or member of staff is on the roster.", field="roster_person")
        return
    person = subject.roster_person if subject.roster_person_id is not None else None
    if person is None:
        person = roster_person_by_collar(subject.collar_number)
    elif (
        subject.collar_number.strip()
        and subject.collar_number.strip().upper() != person.collar_number.upper()
    ):
        raise DomainError(
            f"Collar number {subject.collar_number} is not {person.name}'s ({person.collar_number}).",
            field="collar_number",
        )
    if person is None:
        return
    subject.roster_person = person
    subject.collar_number = person.collar_number
    subject.name = subject.name.strip() or person.name
    subject.team_name = subject.team_name.strip() or person.team_name


# ---------------------------------------------------------------- raising alerts
def _thresholds() -> list[tuple[RepeatThreshold, alert_rules.Threshold]]:
    return [
        (
            t,
            alert_rules.Threshold(
                code=t.code,
                allegations=t.allegations,
                months=t.months,
                groups=alert_rules.groups_of(t.category_groups),
            ),
        )
        for t in RepeatThreshold.objects.filter(active=True)
    ]


def dated_allegations(person: RosterPerson) -> dict[int, alert_rules.Dated]:
    """Every allegation about the person, across cases and whatever its outcome, dated by its case's
    received day (one query)."""
    rows = (
        Allegation.objects.filter(subjects__roster_person=person)
        .distinct()
        .values_list("pk", "case__received_at", "category__group")
    )
    return {
        pk: alert_rules.Dated(pk, timezone.localdate(received), alert_rules.group_letter(group))
        for pk, received, group in rows
    }


def response_due(raised_on: dt.date) -> dt.date:
    """The working day after the day an alert is raised (config.working_days, the one helper)."""
    return add_working_days(raised_on, RESPONSE_WORKING_DAYS, bank_holidays(raised_on))


@transaction.atomic
def alerts_raise(*, allegation_ids: Iterable[int], actor: User | None) -> list[SubjectAlert]:
    """Raise every repeat-subject alert the allegations (each just logged with, or just given, a person on
    the roster as its subject) make cross a threshold. Each person's row is locked first, so two cases
    naming the same person at once cannot both miss each other's allegation."""
    ids = sorted(set(allegation_ids))
    if not ids:
        return []
    pairs = (
        Subject.objects.filter(allegations__pk__in=ids, roster_person__isnull=False)
        .values_list("allegations__pk", "roster_person_id")
        .distinct()
    )
    triggers_of: dict[int, list[int]] = defaultdict(list)
    for allegation_id, person_id in pairs:
        if allegation_id in ids:
            triggers_of[person_id].append(allegation_id)
    if not triggers_of:
        return []
    thresholds = _thresholds()
    by_code = {t.code: (row, t) for row, t in thresholds}
    now = timezone.now()
    due = response_due(timezone.localdate(now))
    raised: list[SubjectAlert] = []
    for person in RosterPerson.objects.select_for_update().filter(pk__in=triggers_of).order_by("pk"):
        dated = dated_allegations(person)
        seen: dict[str, list[frozenset[int]]] = defaultdict(list)
        for alert in person.alerts.select_related("threshold").prefetch_related("allegations"):
            seen[alert.threshold.code].append(frozenset(a.pk for a in alert.allegations.all()))
        for trigger_id in sorted(triggers_of[person.pk]):
            found = alert_rules.crossings(
                [t for _row, t in thresholds], list(dated.values()), dated[trigger_id], seen
            )
            for crossing in found:
                threshold, rule = by_code[crossing.threshold]
                alert = SubjectAlert(
                    person=person,
                    threshold=threshold,
                    threshold_rule=alert_rules.describe(rule)[:200],
                    trigger_id=trigger_id,
                    raised_at=now,
                    response_due=due,
                )
                alert._change_reason = f"Raised: {threshold.title}"  # type: ignore[attr-defined]
                alert._history_user = actor  # type: ignore[attr-defined]
                alert.save()
                alert.allegations.set(crossing.allegation_ids)
                seen[crossing.threshold].append(frozenset(crossing.allegation_ids))
                raised.append(alert)
    return raised


# ---------------------------------------------------------------- the supervisor's answer
@transaction.atomic
def subject_alert_respond(*, alert_id: int, actor: User, agrees: bool, action_taken: str) -> SubjectAlert:
    """A supervisor records whether they agree the alert needs action and what was done."""
    if actor.role not in SUPERVISORS:
        raise DomainError("Only a manager answers a repeat-subject alert.", field="agrees")
    alert = (
        SubjectAlert.objects.select_for_update()
        .filter(pk=alert_id)
        .filter(pk__in=alerts_visible(actor).values("pk"))
        .first()
    )
    if alert is None:
        raise DomainError("No such alert.", field="alert")
    if alert.responded_at is not None:
        raise DomainError("This alert has been answered already.", field="agrees")
    if not action_taken.strip():
        raise DomainError("Say what was done (or why nothing was needed).", field="action_taken")
    alert.agrees = agrees
    alert.action_taken = action_taken.strip()
    alert.responded_by = actor
    alert.responded_at = timezone.now()
    alert._change_reason = "Answered: " + ("agrees" if agrees else "disagrees")  # type: ignore[attr-defined]
    alert.full_clean(exclude=["person", "threshold", "trigger", "responded_by"])
    alert.save()
    return alert
