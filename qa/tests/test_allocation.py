"""QA work through staffing's one allocation service: flags (Skill.UNRECORDED_FLAGS), dip-test samples
(Skill.DIP_TEST_AUDITOR, R-DIP-TEST) and amendments (Skill.AMENDMENTS); the sergeant's allocation screen
reachable from each item; workloads drop when the work is done (R-NSIR-AUDIT-TRAIL closes flags)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from config.exceptions import DomainError
from qa import selectors
from qa.models import Amendment, DipSample, UnrecordedFlag
from qa.services import dip_test, flags, sweep
from qa.tests.factories import audit_answers, make_crime, make_incident
from staffing.models import Allocation, Skill
from staffing.selectors import allocation_page_url_for, workload_by_person
from staffing.services import allocation_assign, allocation_current, allocation_give_to, allocation_suggest
from staffing.tests.factories import TeamFactory, on_shift_now

pytestmark = pytest.mark.usefixtures("reference_data")

DAY = date(2026, 3, 1)
NOON = datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def team() -> Any:
    return TeamFactory(code="QAT")


@pytest.fixture
def sergeant(make_user: Any, team: Any) -> Any:
    return make_user("sergeant", team=team)


@pytest.fixture
def flag(db: None) -> UnrecordedFlag:
    make_incident()
    sweep.sweep_unrecorded()
    return UnrecordedFlag.objects.get()


def open_load(user: Any) -> int:
    return Allocation.objects.filter(assigned_to=user, status=Allocation.Status.OPEN).count()


def test_assigning_a_flag_allocates_it_and_reassigning_moves_both(
    flag: UnrecordedFlag, make_user: Any, sergeant: Any, team: Any
) -> None:
    first, second = make_user("investigator", team=team), make_user("investigator", team=team)
    on_shift_now(first, skills=(Skill.UNRECORDED_FLAGS,))
    flags.flag_assign(flag_id=flag.pk, investigator=first, actor=sergeant)
    flag.refresh_from_db()
    allocation = allocation_current(flag)
    assert allocation is not None
    assert (flag.assigned_to, allocation.assigned_to) == (first, first)
    assert (allocation.skill, allocation.weight) == (Skill.UNRECORDED_FLAGS, 1)
    # `second` is off shift and untrained: refused without a reason, nothing changes.
    with pytest.raises(DomainError) as err:
        flags.flag_assign(flag_id=flag.pk, investigator=second, actor=sergeant)
    assert err.value.field == "reason"
    flag.refresh_from_db()
    assert flag.assigned_to == first and allocation_current(flag) == allocation
    flags.flag_assign(flag_id=flag.pk, investigator=second, actor=sergeant, reason="Covering for leave")
    flag.refresh_from_db()
    moved = allocation_current(flag)
    assert moved is not None and (flag.assigned_to, moved.assigned_to) == (second, second)
    assert "Covering for leave" in moved.reason
    allocation.refresh_from_db()
    assert allocation.status == Allocation.Status.REASSIGNED
    assert (open_load(first), open_load(second)) == (0, 1)


def test_resolving_a_flag_completes_its_allocation(
    flag: UnrecordedFlag, make_user: Any, sergeant: Any, team: Any
) -> None:
    investigator = make_user("investigator", team=team)
    flags.flag_assign(flag_id=flag.pk, investigator=investigator, actor=sergeant, reason="Local knowledge")
    crime = make_crime(offence="49")  # other theft, as the incident (CRIME-THEFT)
    flags.flag_resolve(flag_id=flag.pk, crime_number=crime.crime_number, actor=investigator)
    assert allocation_current(flag) is None
    assert Allocation.objects.get().status == Allocation.Status.DONE
    assert open_load(investigator) == 0


def test_the_sweep_closing_a_flag_completes_its_allocation(make_user: Any, sergeant: Any, team: Any) -> None:
    incident = make_incident()
    sweep.sweep_unrecorded()
    flag = UnrecordedFlag.objects.get()
    investigator = make_user("investigator", team=team)
    flags.flag_assign(flag_id=flag.pk, investigator=investigator, actor=sergeant, reason="Local knowledge")
    incident.crime_number = make_crime().crime_number
    incident.save(update_fields=["crime_number"])
    sweep.sweep_unrecorded()
    flag.refresh_from_db()
    assert flag.status == UnrecordedFlag.Status.RESOLVED
    done = Allocation.objects.get()
    assert done.status == Allocation.Status.DONE and done.closed_at is not None
    assert done.history.first().history_change_reason == sweep.CLOSE_REASON  # type: ignore[attr-defined]


def test_allocating_on_the_staffing_screen_sets_the_flags_assignee(
    client: Client, flag: UnrecordedFlag, make_user: Any, sergeant: Any, team: Any
) -> None:
    investigator = make_user("investigator", team=team)
    on_shift_now(investigator, skills=(Skill.UNRECORDED_FLAGS,))
    client.force_login(sergeant)
    detail = client.get(reverse("qa:flag-detail", args=[flag.pk])).content.decode()
    url = allocation_page_url_for(flag)
    assert f'href="{url.replace("&", "&amp;")}"' in detail
    screen = client.get(url)
    # The name is HTML-escaped on the page (a Faker name can be "O'Brien").
    assert screen.status_code == 200 and escape(investigator.get_full_name()) in screen.content.decode()
    accepted = client.post(url, {"action": "assign", "assignee": "", "reason": ""})
    assert accepted.status_code == 302
    flag.refresh_from_db()
    assert flag.assigned_to == investigator
    assert allocation_current(flag).assigned_to == investigator  # type: ignore[union-attr]


def test_auditing_a_sample_completes_it_and_allocates_the_amendment_to_the_owner(
    make_user: Any, sergeant: Any, team: Any, settings: Any
) -> None:
    settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = 1
    owner = make_user("investigator", team=team)
    make_crime(offence="8N", recorded_at=NOON, owner=owner)
    sample = dip_test.dip_test_draw(day=DAY).samples.get()
    auditor = make_user("sergeant", team=team)
    on_shift_now(auditor, skills=(Skill.DIP_TEST_AUDITOR,))
    allocation = allocation_assign(
        item=sample, skill=Skill.DIP_TEST_AUDITOR, weight=1, assignee=None, actor=sergeant
    )
    assert allocation.assigned_to == auditor  # the suggestion: on shift and trained
    assert selectors.samples_to_allocate().count() == 0
    dip_test.dip_sample_audit(
        sample_id=sample.pk,
        answers=audit_answers(sample, classification_right=False),
        notes="",
        actor=auditor,
    )
    allocation.refresh_from_db()
    assert allocation.status == Allocation.Status.DONE
    amendment = Amendment.objects.get()
    given = allocation_current(amendment)
    assert given is not None and given.assigned_to == owner and given.skill == Skill.AMENDMENTS
    assert "R-DIP-TEST" in given.reason
    assert {row.user.pk: row.load for row in workload_by_person(team)}.get(owner.pk) == 1
    # Reallocating the amendment moves its owner too; confirming it ends the work.
    other = make_user("investigator", team=team)
    allocation_give_to(item=amendment, assignee=other, actor=sergeant, reason="Owner on leave")
    amendment.refresh_from_db()
    assert amendment.owner == other
    dip_test.amendment_mark_fixed(
        amendment_id=amendment.pk, note="The 8N was right after all", actor=other, no_change_needed=True
    )
    dip_test.amendment_confirm(amendment_id=amendment.pk, actor=sergeant)
    assert allocation_current(amendment) is None
    assert open_load(other) == 0


def test_the_home_queue_counts_qa_work_to_allocate(
    client: Client, flag: UnrecordedFlag, make_user: Any, sergeant: Any, team: Any
) -> None:
    make_incident()
    sweep.sweep_unrecorded()
    client.force_login(sergeant)
    home = client.get(reverse("home")).content.decode()
    assert "Unrecorded-incident flags to allocate" in home
    assert selectors.flags_to_allocate().count() == 2
    investigator = make_user("investigator", team=team)
    flags.flag_assign(flag_id=flag.pk, investigator=investigator, actor=sergeant, reason="Area")
    assert list(selectors.flags_to_allocate()) == list(
        UnrecordedFlag.objects.exclude(pk=flag.pk).filter(status="open")
    )
    page = client.get(reverse("qa:to-allocate")).content.decode()
    other = UnrecordedFlag.objects.exclude(pk=flag.pk).get()
    assert f"Allocate {other.incident.reference}" in page
    assert f"Allocate {flag.incident.reference}" not in page
    samples = client.get(reverse("qa:to-allocate") + "?kind=samples").content.decode()
    assert "Every sample still to audit has an auditor." in samples


def test_the_to_allocate_page_is_for_supervisors_and_its_queries_are_pinned(
    client: Client, make_user: Any, sergeant: Any, django_assert_num_queries: Any, settings: Any
) -> None:
    settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = 3
    for _ in range(3):
        make_incident()
        make_crime(offence="8N", recorded_at=NOON, owner=make_user("investigator"))
    sweep.sweep_unrecorded()
    test = dip_test.dip_test_draw(day=DAY)
    sample = test.samples.filter(kind="crime").first()
    assert sample is not None
    dip_test.dip_sample_audit(
        sample_id=sample.pk,
        answers=audit_answers(sample, classification_right=False),
        notes="",
        actor=sergeant,
    )
    client.force_login(make_user("investigator"))
    assert client.get(reverse("qa:to-allocate")).status_code == 403
    client.force_login(sergeant)
    # session + user; the list's count and its page, with the Allocation subquery and related rows
    # joined. The Allocate links need no other lookups.
    url = reverse("qa:to-allocate")
    with django_assert_num_queries(4):
        flags = client.get(url).content.decode()
    with django_assert_num_queries(4):
        samples = client.get(url + "?kind=samples").content.decode()
    # The amendment went to the record's owner when it was raised: an empty list costs no page query.
    with django_assert_num_queries(3):
        amendments = client.get(url + "?kind=amendments").content.decode()
    assert flags.count("Allocate ") == 3 and samples.count("Allocate ") >= 2
    assert "Every open amendment is allocated." in amendments


def test_allocate_links_on_the_flag_list_dip_test_and_amendment_pages(
    client: Client, flag: UnrecordedFlag, make_user: Any, sergeant: Any, team: Any, settings: Any
) -> None:
    settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = 1
    make_crime(offence="8N", recorded_at=NOON, owner=make_user("investigator", team=team))
    test = dip_test.dip_test_draw(day=DAY)
    sample = DipSample.objects.get()
    client.force_login(sergeant)
    flags = client.get(reverse("qa:flag-list")).content.decode()
    assert allocation_page_url_for(flag).replace("&", "&amp;") in flags
    detail = client.get(reverse("qa:dip-test-detail", args=[test.date.isoformat()])).content.decode()
    assert allocation_page_url_for(sample).replace("&", "&amp;") in detail
    dip_test.dip_sample_audit(
        sample_id=sample.pk,
        answers=audit_answers(sample, classification_right=False),
        notes="",
        actor=sergeant,
    )
    amendments = client.get(reverse("qa:amendment-list")).content.decode()
    assert allocation_page_url_for(Amendment.objects.get()).replace("&", "&amp;") in amendments


def test_a_samples_owner_and_recorder_are_never_suggested_given_or_allowed_to_audit_it(
    client: Client, make_user: Any, sergeant: Any, team: Any, settings: Any
) -> None:
    """Separation of duties (R-DIP-TEST): the sergeant who owns or recorded a sampled crime is neither
    suggested nor accepted as its auditor (not even with a reason), and the audit service refuses them;
    an investigator may not take an audit at all (the audit page is a sergeant's)."""
    settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = 1
    owner = make_user("sergeant", team=team, username="aaa.owner")
    recorder = make_user("sergeant", team=team, username="aab.recorder")
    auditor = make_user("sergeant", team=team, username="zzz.auditor")
    investigator = make_user("investigator", team=team, username="aac.investigator")
    for person in (owner, recorder, auditor, investigator):
        on_shift_now(person, skills=(Skill.DIP_TEST_AUDITOR,))
    make_crime(offence="8N", recorded_at=NOON, owner=owner, recorded_by=recorder)
    sample = dip_test.dip_test_draw(day=DAY).samples.get()
    suggestion = allocation_suggest(skill=Skill.DIP_TEST_AUDITOR, team=team, item=sample)
    assert suggestion.user == auditor
    assert {c.candidate.user_id for c in suggestion.candidates} == {sergeant.pk, auditor.pk}
    for barred in (owner, recorder, investigator):
        with pytest.raises(DomainError) as err:
            allocation_give_to(item=sample, assignee=barred, actor=sergeant, reason="Only one free")
        assert err.value.field == "assignee"
    client.force_login(sergeant)
    screen = client.get(allocation_page_url_for(sample)).content.decode()
    assert f'value="{owner.pk}"' not in screen and f'value="{auditor.pk}"' in screen
    for barred in (owner, recorder):
        with pytest.raises(DomainError) as err:
            dip_test.dip_sample_audit(
                sample_id=sample.pk, answers=dict.fromkeys(dip_test.QUESTIONS, True), notes="", actor=barred
            )
        assert "another sergeant" in err.value.message
    sample.refresh_from_db()
    assert sample.audited_at is None and allocation_current(sample) is None
