"""Repeat-subject alerts against the database (issue 23 part 3): the roster as the subject's identity, alerts
raised at their thresholds through intake and the attach service, the supervisor's answer due within one
working day, the overdue queue and need-to-know."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.http import Http404
from django.utils import timezone

from complaints.models import RepeatThreshold, RosterPerson, Subject, SubjectAlert
from complaints.queues import work_queues
from complaints.selectors import alerts as alert_selectors
from complaints.services.alerts import response_due, subject_alert_respond
from complaints.services.subjects import allegation_subject_attach
from complaints.tests.alert_helpers import case_about, roster
from complaints.tests.factories import ComplaintCaseFactory
from config.exceptions import DomainError
from staffing.models import AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(reference_data: None) -> dict[str, RosterPerson]:
    return roster()


def _alerts(person: RosterPerson) -> list[tuple[str, list[str]]]:
    """Each alert about the person: its threshold and its cases' received days, oldest first."""
    return [
        (
            a.threshold.code,
            sorted(f"{timezone.localdate(x.case.received_at)}" for x in a.allegations.select_related("case")),
        )
        for a in SubjectAlert.objects.filter(person=person).order_by("pk")
    ]


def test_a_subject_named_by_collar_number_is_the_person_on_the_roster(
    people: dict[str, RosterPerson],
) -> None:
    case = case_about("2026-01-05")
    subject = case.subjects.get()
    assert subject.roster_person == people["4521"]
    assert (subject.name, subject.team_name) == ("Sam Reid", "Response A")  # carried from the roster


def test_the_alert_fires_at_two_in_three_months_and_not_before(people: dict[str, RosterPerson]) -> None:
    case_about("2026-01-05")
    assert _alerts(people["4521"]) == []  # one allegation: not before its threshold
    case_about("2026-04-05")
    assert _alerts(people["4521"]) == [("two_in_3_months", ["2026-01-05", "2026-04-05"])]


def test_three_months_and_a_day_apart_raises_nothing(people: dict[str, RosterPerson]) -> None:
    case_about("2026-01-05")
    case_about("2026-04-06")
    assert _alerts(people["4521"]) == []


def test_three_in_twelve_months_counted_whatever_the_outcome(
    people: dict[str, RosterPerson], make_user: Callable[..., Any]
) -> None:
    first = case_about("2025-03-01")
    first.status = first.Status.WITHDRAWN
    first.save()
    case_about("2025-08-01")
    assert _alerts(people["4521"]) == []
    case_about("2026-03-01")
    assert _alerts(people["4521"]) == [("three_in_12_months", ["2025-03-01", "2025-08-01", "2026-03-01"])]
    # Another officer's allegations count for nobody else.
    case_about("2026-03-02", "4522")
    assert _alerts(people["4522"]) == []


def test_a_sexual_conduct_allegation_raises_an_alert_with_every_earlier_one(
    people: dict[str, RosterPerson], make_user: Callable[..., Any]
) -> None:
    case_about("2019-06-01")
    case_about("2023-02-01")
    case_about("2026-05-01", category="J2")
    assert _alerts(people["4521"]) == [("serious_any_earlier", ["2019-06-01", "2023-02-01", "2026-05-01"])]
    alert = SubjectAlert.objects.get()
    assert alert.threshold_rule == "2 allegations at any time (the newest in category group F, G, J)"
    earlier = alert_selectors.alert_earlier(user=make_user("manager"), alert=alert)
    assert earlier is not None
    assert [timezone.localdate(a.case.received_at).isoformat() for a in earlier.allegations] == [
        "2019-06-01",
        "2023-02-01",
    ]


def test_the_case_page_selector_lists_earlier_allegations_across_cases(
    people: dict[str, RosterPerson], make_user: Callable[..., Any]
) -> None:
    older = case_about("2024-01-10", category="H1")
    serious = case_about("2026-05-01", category="F1")
    rows = alert_selectors.case_allegation_subjects(user=make_user("advisor"), case=serious)
    (row,) = rows
    assert [s.roster_person for s in row.subjects] == [people["4521"]]
    (history,) = row.people
    assert history.earlier is not None and [a.case for a in history.earlier.allegations] == [older]
    assert [a.threshold.code for a in row.alerts] == ["serious_any_earlier"]
    # A non-serious allegation shows no earlier list.
    plain = alert_selectors.case_allegation_subjects(user=make_user("advisor"), case=older)
    assert plain[0].people[0].earlier is None


def test_an_earlier_allegation_on_a_case_the_viewer_may_not_see_is_counted_not_shown(
    people: dict[str, RosterPerson], make_user: Callable[..., Any]
) -> None:
    advisor = make_user("advisor", collar_number="9999")
    hidden = case_about("2024-01-10")
    hidden.subjects.create(kind=Subject.Kind.OFFICER, name="The advisor", user=advisor)
    serious = case_about("2026-05-01", category="J1")
    (row,) = alert_selectors.case_allegation_subjects(user=advisor, case=serious)
    assert row.people[0].earlier is not None
    assert row.people[0].earlier.allegations == [] and row.people[0].earlier.hidden == 1


def test_naming_a_subject_from_the_roster_on_the_case_raises_the_alert(
    people: dict[str, RosterPerson], make_user: Callable[..., Any]
) -> None:
    advisor = make_user("advisor")
    case_about("2026-01-05")
    later = case_about("2026-02-05", None, actor=advisor)
    assert SubjectAlert.objects.count() == 0
    allegation = later.allegations.get()
    subject = allegation_subject_attach(
        case_id=later.pk, actor=advisor, person=people["4521"], allegation_ids=[allegation.pk]
    )
    assert subject.roster_person == people["4521"] and subject.collar_number == "4521"
    assert _alerts(people["4521"]) == [("two_in_3_months", ["2026-01-05", "2026-02-05"])]
    assert later.actions.filter(summary__contains="PC Sam Reid (4521) named as the subject").exists()
    assert list(allegation.subjects.all()) == [subject]
    with pytest.raises(DomainError, match="already named"):
        allegation_subject_attach(
            case_id=later.pk, actor=advisor, person=people["4521"], allegation_ids=[allegation.pk]
        )
    assert SubjectAlert.objects.count() == 1  # not raised twice


def test_a_subject_named_by_name_only_is_linked_to_the_roster(
    people: dict[str, RosterPerson], make_user: Callable[..., Any]
) -> None:
    advisor = make_user("advisor")
    case = case_about("2026-02-05", None, actor=advisor)
    named = case.subjects.create(kind=Subject.Kind.OFFICER, name="PC Reid")
    subject = allegation_subject_attach(
        case_id=case.pk,
        actor=advisor,
        person=people["4521"],
        allegation_ids=[case.allegations.get().pk],
        subject_id=named.pk,
    )
    assert subject.pk == named.pk and subject.roster_person == people["4521"]
    assert subject.name == "PC Reid"  # the complainant's words are kept; the roster says who it is
    assert case.subjects.count() == 1


def test_attach_refuses_what_is_not_its_own(
    people: dict[str, RosterPerson], make_user: Callable[..., Any]
) -> None:
    advisor = make_user("advisor")
    case = case_about("2026-02-05", None, actor=advisor)
    other = case_about("2026-02-06", None, actor=advisor)
    with pytest.raises(DomainError) as caught:
        allegation_subject_attach(
            case_id=case.pk, actor=advisor, person=people["4521"], allegation_ids=[other.allegations.get().pk]
        )
    assert caught.value.field == "allegations"
    with pytest.raises(DomainError):
        allegation_subject_attach(case_id=case.pk, actor=advisor, person=people["4521"], allegation_ids=[])
    with pytest.raises(DomainError):
        allegation_subject_attach(
            case_id=case.pk,
            actor=make_user("recorder"),
            person=people["4521"],
            allegation_ids=[case.allegations.get().pk],
        )


def test_a_collar_number_that_is_not_the_chosen_person_is_refused(people: dict[str, RosterPerson]) -> None:
    with pytest.raises(DomainError) as caught:
        ComplaintCaseFactory(
            subjects=[{"kind": "officer", "roster_person": people["4521"], "collar_number": "4522"}],
        )
    assert caught.value.field == "collar_number"


def test_a_changed_threshold_applies_from_then_on(people: dict[str, RosterPerson]) -> None:
    RepeatThreshold.objects.filter(code="two_in_3_months").update(active=False)
    case_about("2026-01-05")
    case_about("2026-02-05")
    assert _alerts(people["4521"]) == []


@pytest.mark.parametrize(
    ("raised", "due"),
    [
        ("2026-12-07", "2026-12-08"),  # Monday -> Tuesday
        ("2026-12-11", "2026-12-14"),  # Friday -> Monday
        ("2026-12-24", "2026-12-29"),  # Thursday -> Tuesday (Christmas Day and the Boxing Day substitute)
        ("2026-12-12", "2026-12-14"),  # Saturday -> Monday
    ],
)
def test_the_answer_is_due_within_one_working_day(raised: str, due: str) -> None:
    assert response_due(dt.date.fromisoformat(raised)) == dt.date.fromisoformat(due)


def test_a_supervisor_answers_once(people: dict[str, RosterPerson], make_user: Callable[..., Any]) -> None:
    case_about("2026-01-05")
    case_about("2026-02-05")
    alert = SubjectAlert.objects.get()
    with pytest.raises(DomainError):
        subject_alert_respond(alert_id=alert.pk, actor=make_user("advisor"), agrees=True, action_taken="x")
    manager = make_user("manager")
    with pytest.raises(DomainError) as caught:
        subject_alert_respond(alert_id=alert.pk, actor=manager, agrees=True, action_taken="  ")
    assert caught.value.field == "action_taken"
    done = subject_alert_respond(
        alert_id=alert.pk, actor=manager, agrees=True, action_taken="Referred to the line manager for review"
    )
    assert (done.agrees, done.responded_by) == (True, manager)
    assert done.history.first().history_change_reason == "Answered: agrees"
    with pytest.raises(DomainError, match="answered already"):
        subject_alert_respond(alert_id=alert.pk, actor=manager, agrees=False, action_taken="No")


def test_the_overdue_queue_counts_what_it_lists_by_working_days(
    people: dict[str, RosterPerson], make_user: Callable[..., Any]
) -> None:
    case_about("2026-01-05")
    case_about("2026-02-05")
    alert = SubjectAlert.objects.get()
    manager = make_user("manager")
    (queue,) = [q for q in work_queues(manager) if q.key == "complaints-alerts-overdue"]
    friday, monday, tuesday = dt.date(2026, 12, 11), dt.date(2026, 12, 14), dt.date(2026, 12, 15)
    SubjectAlert.objects.filter(pk=alert.pk).update(response_due=response_due(friday))
    assert list(alert_selectors.alerts_overdue(manager, today=monday)) == []  # due Monday: not late yet
    assert list(alert_selectors.alerts_overdue(manager, today=tuesday)) == [alert]
    SubjectAlert.objects.filter(pk=alert.pk).update(response_due=timezone.localdate() - dt.timedelta(days=1))
    assert queue.count(manager) == (1, False)
    assert list(queue.select(manager)) == list(alert_selectors.alerts_overdue(manager))
    subject_alert_respond(alert_id=alert.pk, actor=manager, agrees=False, action_taken="Unfounded pattern")
    assert queue.count(manager) == (0, False)
    # Advisors do not answer alerts: the queue is the supervisors'.
    assert "complaints-alerts-overdue" not in [q.key for q in work_queues(make_user("advisor"))]


def test_need_to_know(people: dict[str, RosterPerson], make_user: Callable[..., Any]) -> None:
    case_about("2026-01-05")
    case_about("2026-02-05")
    alert = SubjectAlert.objects.get()
    officer = make_user("recorder", collar_number="4521")  # the person the alert is about
    assert not alert_selectors.alerts_visible(make_user("recorder")).exists()
    assert not alert_selectors.alerts_visible(officer).exists()
    same_person_as_manager = make_user("manager", collar_number="4521")
    assert not alert_selectors.alerts_visible(same_person_as_manager).exists()
    manager = make_user("manager")
    with pytest.raises(Http404):
        alert_selectors.alert_open(user=same_person_as_manager, pk=alert.pk, purpose="p", path="/x")
    seen = alert_selectors.alert_open(user=manager, pk=alert.pk, purpose="Alert review", path="/x")
    assert seen == alert
    assert AccessLog.objects.filter(user=manager, record_type="subject_alert", action="view").count() == 1
    assert AccessLog.objects.filter(user=same_person_as_manager, action="refused").count() == 1
