"""Reads of repeat-subject alerts and of the earlier allegations about a person (issue 23 part 3), with
need-to-know applied: only complaints staff (who may see complaint subjects) see them, never the person an
alert is about, and an allegation on a case someone may not see is counted, never shown."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from complaints import permissions
from complaints.models import Allegation, ComplaintCase, RosterPerson, Subject, SubjectAlert
from complaints.rules import alerts as alert_rules
from complaints.rules import subject_match
from complaints.selectors.cases import case_visible
from config.exceptions import DomainError
from config.listing import Column
from config.queues import WorkQueue
from staffing.models import User
from staffing.services import access_log_record, open_logged

ALERT_RECORD_TYPE = "subject_alert"


def _about_user(user: User) -> Q:
    """Roster people who are `user` (linked as a subject, held as a possible match, or by collar number)."""
    me = Q(subjects__user=user) | Q(subjects__candidates__user=user)
    collar = (getattr(user, "collar_number", "") or "").strip()
    return me | Q(collar_number__iexact=collar) if collar else me


def roster_people_not_me(user: User) -> QuerySet[RosterPerson]:
    return RosterPerson.objects.exclude(pk__in=RosterPerson.objects.filter(_about_user(user)).values("pk"))


def alerts_visible(user: Any) -> QuerySet[SubjectAlert]:
    """Alerts `user` may know exist: complaints staff only, never one about themselves."""
    if not permissions.can_list(user):
        return SubjectAlert.objects.none()
    return SubjectAlert.objects.filter(person__in=roster_people_not_me(user))


def _with_allegations(alerts: QuerySet[SubjectAlert]) -> QuerySet[SubjectAlert]:
    return alerts.select_related("person", "threshold", "responded_by", "trigger__case", "trigger__category")


def alert_list(*, user: Any) -> QuerySet[SubjectAlert]:
    """Every alert the user may see (`answered` 0 or 1): unanswered first, the one due first at the top."""
    answered = Case(
        When(responded_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        _with_allegations(alerts_visible(user))
        .annotate(answered=answered)
        .order_by("answered", "response_due", "-raised_at", "-pk")
    )


def alerts_awaiting(user: Any) -> QuerySet[SubjectAlert]:
    return alert_list(user=user).filter(responded_at__isnull=True)


def alerts_overdue(user: Any, today: dt.date | None = None) -> QuerySet[SubjectAlert]:
    """Unanswered alerts whose working day to answer has passed (the home queue)."""
    return alerts_awaiting(user).filter(response_due__lt=today or timezone.localdate())


def alert_get(*, user: Any, pk: int) -> SubjectAlert:
    alert = (
        _with_allegations(alerts_visible(user))
        .prefetch_related(
            Prefetch("allegations", queryset=Allegation.objects.select_related("case", "category", "outcome"))
        )
        .filter(pk=pk)
        .first()
    )
    if alert is None:
        raise Http404("No such alert")
    return alert


def alert_open(*, user: Any, pk: int | str, purpose: str, path: str) -> SubjectAlert:
    """One alert for a page or the API: need-to-know (404 otherwise) and the access log, in one call."""
    if not str(pk).isdigit():
        raise Http404("No such alert")
    return open_logged(
        user=user,
        find=lambda: alert_get(user=user, pk=int(pk)),
        record_type=ALERT_RECORD_TYPE,
        label=lambda alert: str(alert.person),
        purpose=purpose,
        path=path,
        hidden=lambda: _hidden(int(pk)),
    )


def _hidden(pk: int) -> tuple[object, str] | None:
    alert = SubjectAlert.objects.select_related("person").filter(pk=pk).first()
    return (alert.pk, str(alert.person)) if alert is not None else None


def alerts_list_log(*, user: Any, alerts: list[SubjectAlert], path: str, purpose: str) -> None:
    """A list of alerts names people: every alert shown is logged as seen."""
    for alert in alerts:
        access_log_record(
            user=user,
            record_type=ALERT_RECORD_TYPE,
            record_id=alert.pk,
            label=str(alert.person),
            purpose=purpose,
            action="list",
            path=path,
        )


# ---------------------------------------------------------------- allegations about a person
@dataclass
class Shown:
    """Allegations listed for someone: those on cases they may see, and how many more they may not."""

    allegations: list[Allegation] = field(default_factory=list)
    hidden: int = 0


def _split(user: User, allegations: list[Allegation]) -> Shown:
    case_ids = {a.case_id for a in allegations}
    visible = set(case_visible(user).filter(pk__in=case_ids).values_list("pk", flat=True))
    shown = Shown()
    for a in allegations:
        if a.case_id in visible:
            shown.allegations.append(a)
        else:
            shown.hidden += 1
    return shown


def alert_allegations(*, user: User, alert: SubjectAlert) -> Shown:
    """The alert's allegations, oldest first, split by whether the user may see their case."""
    ordered = sorted(alert.allegations.all(), key=lambda a: (a.case.received_at, a.pk))
    return _split(user, ordered)


def alert_earlier(*, user: User, alert: SubjectAlert) -> Shown | None:
    """For an alert raised by a sexual-conduct, discriminatory or abuse-of-position allegation: every
    earlier allegation about the person, across cases (None for any other alert)."""
    trigger = alert.trigger
    if not alert_rules.shows_earlier(trigger.category.group):
        return None
    return _earlier(user, [(alert.person_id, trigger)])[(alert.person_id, trigger.pk)]


def _earlier(user: User, wanted: list[tuple[int, Allegation]]) -> dict[tuple[int, int], Shown]:
    """For each (person id, allegation): every other allegation about that person dated on or before it
    (alert_rules.earlier), oldest first. Two queries whatever the number asked for."""
    if not wanted:
        return {}
    about: dict[int, list[Allegation]] = defaultdict(list)
    rows = (
        Allegation.objects.filter(subjects__roster_person_id__in={p for p, _a in wanted})
        .select_related("case", "category", "outcome")
        .annotate(person_id=F("subjects__roster_person_id"))
        .order_by("case__received_at", "pk")
    )
    for row in rows:
        about[row.person_id].append(row)
    visible = set(
        case_visible(user)
        .filter(pk__in={a.case_id for items in about.values() for a in items})
        .values_list("pk", flat=True)
    )
    out: dict[tuple[int, int], Shown] = {}
    for person_id, allegation in wanted:
        dated = {a.pk: a for a in about[person_id]}
        trigger = alert_rules.Dated(allegation.pk, timezone.localdate(allegation.case.received_at))
        ids = [
            d.allegation_id
            for d in alert_rules.earlier(
                [alert_rules.Dated(a.pk, timezone.localdate(a.case.received_at)) for a in dated.values()],
                trigger,
            )
        ]
        shown = Shown()
        for pk in ids:
            if dated[pk].case_id in visible:
                shown.allegations.append(dated[pk])
            else:
                shown.hidden += 1
        out[(person_id, allegation.pk)] = shown
    return out


@dataclass
class PersonHistory:
    """One person on the roster named on an allegation of the case, with every earlier allegation about
    them when the allegation is about sexual conduct, discrimination or abuse of position."""

    person: RosterPerson
    earlier: Shown | None


@dataclass
class AllegationSubjects:
    allegation: Allegation
    subjects: list[Subject]
    people: list[PersonHistory]
    alerts: list[SubjectAlert]


def case_allegation_subjects(*, user: User, case: ComplaintCase) -> list[AllegationSubjects]:
    """For the case page: each allegation's subjects, every earlier allegation about each person on the
    roster named on a sexual-conduct, discriminatory or abuse-of-position allegation, and the alerts each
    allegation is part of (those the user may see). Reads the case's prefetched allegations and subjects
    (complaints.selectors.case_get_for_user); no query when nobody on the roster is named, five at most."""
    allegations = list(case.allegations.all())
    roster_ids = {s.roster_person_id for a in allegations for s in a.subjects.all() if s.roster_person_id}
    people: dict[int, RosterPerson] = {}
    alerts_of: dict[int, list[SubjectAlert]] = defaultdict(list)
    if roster_ids:
        # The people the user may read about (never themselves).
        people = {p.pk: p for p in roster_people_not_me(user).filter(pk__in=roster_ids)}
        for alert in (
            alerts_visible(user)
            .filter(pk__in=SubjectAlert.objects.filter(allegations__case=case).values("pk"))
            .select_related("person", "threshold")
            .prefetch_related("allegations")
        ):
            for a in alert.allegations.all():
                alerts_of[a.pk].append(alert)
    wanted = [
        (s.roster_person_id, a)
        for a in allegations
        if alert_rules.shows_earlier(a.category.group)
        for s in a.subjects.all()
        if s.roster_person_id in people
    ]
    for _person_id, a in wanted:
        a.case = case  # the allegation's case is this one (no query for its date)
    earlier = _earlier(user, wanted)
    out = []
    for a in allegations:
        subjects = list(a.subjects.all())
        named = [
            PersonHistory(people[s.roster_person_id], earlier.get((s.roster_person_id, a.pk)))
            for s in subjects
            if s.roster_person_id in people
        ]
        out.append(AllegationSubjects(a, subjects, named, alerts_of.get(a.pk, [])))
    return out


# ---------------------------------------------------------------- finding someone on the roster
ROSTER_FIND_LIMIT = 20


def roster_person_by_collar(collar_number: str) -> RosterPerson | None:
    collar = collar_number.strip()
    return RosterPerson.objects.filter(collar_number__iexact=collar).first() if collar else None


def roster_find(q: str, limit: int = ROSTER_FIND_LIMIT) -> list[RosterPerson]:
    """People on the roster by collar number (exact first) or by words of their name."""
    q = " ".join(q.split())
    if not q:
        return []
    exact = list(RosterPerson.objects.filter(collar_number__iexact=q))
    if exact:
        return exact
    by_name = RosterPerson.objects.all()
    for word in q.split():
        by_name = by_name.filter(Q(name__icontains=word) | Q(collar_number__istartswith=word))
    return list(by_name.order_by("name", "collar_number")[:limit])


def roster_person_for(q: str) -> RosterPerson:
    """The one person on the roster `q` names (a collar number, or enough of a name to pick one), or a
    DomainError saying who it could be."""
    found = roster_find(q, limit=6)
    if len(found) == 1:
        return found[0]
    if not found:
        raise DomainError(f"Nobody on the roster has the collar number or name {q!r}.", field="person")
    names = "; ".join(str(p) for p in found[:5]) + ("; ..." if len(found) > 5 else "")
    raise DomainError(
        f"More than one person on the roster matches {q!r} ({names}): give the collar number.", field="person"
    )


# ---------------------------------------------------------------- the supervisors' home queue
def _alerts_seen(user: Any, rows: list[Any], path: str) -> None:
    alerts_list_log(user=user, alerts=rows, path=path, purpose="Repeat-subject alerts overdue (queue)")


ALERTS_OVERDUE = WorkQueue(
    "complaints-alerts-overdue",
    "Repeat-subject alerts not answered in a working day",
    alerts_overdue,
    oldest="raised_at",
    order=38,
    description="Record whether you agree and what was done",
    columns=(
        Column("due", "Answer due", ("response_due", "raised_at")),
        Column("person", "About", ("person__name",)),
        Column("threshold", "Threshold", ("threshold__title",)),
        Column("raised", "Raised", ("raised_at",)),
    ),
    default_sort="due",
    row_template="queues/rows/subject_alert.html",
    ordering_note="The longest overdue first.",
    empty="Every repeat-subject alert has been answered in time.",
    log_view=_alerts_seen,
)


# ---------------------------------------------------------------- who a subject named by name could be
def roster_suggestions(case: ComplaintCase) -> list[tuple[Subject, list[RosterPerson]]]:
    """For each officer or member of staff the case names without linking them to the roster: the people on
    the roster they could be, by the same name rules as complaints.rules.subject_match (surname among the
    words given, a first name sharing its initial, a surname alone only within the team named). Two
    queries."""
    unlinked = [
        s
        for s in case.subjects.filter(
            roster_person__isnull=True, kind__in=[Subject.Kind.OFFICER, Subject.Kind.STAFF]
        )
        if subject_match.name_words(s.name)
    ]
    words = {w for s in unlinked for w in subject_match.name_words(s.name)}
    if not words:
        return []
    by_word = Q()
    for word in words:
        by_word |= Q(name__iregex=rf"(^|\s){re.escape(word)}$")
    people = list(RosterPerson.objects.filter(by_word))
    out = []
    for s in unlinked:
        could = []
        for p in people:
            parts = subject_match.name_words(p.name)
            if not parts:
                continue
            person = subject_match.Person(parts[0] if len(parts) > 1 else "", parts[-1], p.team_name)
            if subject_match.could_be(name=s.name, team_name=s.team_name, person=person):
                could.append(p)
        out.append((s, could))
    return out
