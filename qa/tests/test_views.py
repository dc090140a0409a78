"""Browser pages of QA: permissions, forms with errors, query-count pins, the restricted rape review log."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.exceptions import DomainError  # noqa: E402
from qa.models import Amendment, RapeReview, UnrecordedFlag
from qa.services import dip_test, rape_review, sweep
from qa.tests.factories import audit_answers, make_crime, make_incident
from recording.models import Crime, Offence
from recording.tests.factories import grant_skill  # noqa: E402
from staffing.models import (
    AccessLog,
    Skill,  # noqa: E402
)

pytestmark = pytest.mark.usefixtures("reference_data")
DAY = date(2026, 3, 1)
NOON = datetime(2026, 3, 1, 12, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def sergeant(make_user: Any) -> Any:
    return make_user("sergeant")


@pytest.fixture
def as_sergeant(client: Client, sergeant: Any) -> Client:
    client.force_login(sergeant)
    return client


def test_pages_need_a_supervisor(client: Client, make_user: Any) -> None:
    url = reverse("qa:flag-list")
    assert client.get(url).status_code == 302  # to sign-in
    client.force_login(make_user("recorder"))
    for name in ("qa:flag-list", "qa:dip-test-list", "qa:rape-review-list", "qa:daily", "qa:compliance"):
        assert client.get(reverse(name)).status_code == 403


def test_the_flag_queue_lists_oldest_first_with_hours_open(
    as_sergeant: Client, django_assert_num_queries: Any
) -> None:
    make_incident(reference="XX-NEWER", opened_at=NOON - timedelta(hours=30))
    make_incident(reference="XX-OLDER", opened_at=NOON - timedelta(hours=50))
    for _ in range(3):
        make_incident()
    sweep.sweep_unrecorded()
    # session + user, the open flags counted (the "open flags" figure and the list's own count), page of
    # flags with incident/NSIR/assignee joined, the other figures (escalations open, mismatched
    # resolutions: one aggregate), the last sweep
    with django_assert_num_queries(6):
        response = as_sergeant.get(reverse("qa:flag-list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Unrecorded crime-related incidents</h1>" in body
    assert "(full): 5 flagged, 0 closed by a crime number." in body
    assert body.index("XX-OLDER") < body.index("XX-NEWER")
    assert "Crime: theft (other than vehicle)" in body  # the NSIR code by name


def test_the_open_flags_figure_is_capped_like_the_list_it_opens(
    as_sergeant: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):
        make_incident()
    sweep.sweep_unrecorded()
    monkeypatch.setattr("config.listing.COUNT_CAP", 2)
    body = as_sergeant.get(reverse("qa:flag-list")).content.decode()
    assert ">More than 2 open flags</a>" in body
    assert "of more than 2 (use the filters to narrow the list)" in body


def test_a_filtered_queue_still_counts_every_open_flag(as_sergeant: Client, sergeant: Any) -> None:
    for _ in range(3):
        make_incident()
    sweep.sweep_unrecorded()
    UnrecordedFlag.objects.filter(pk=UnrecordedFlag.objects.order_by("pk")[0].pk).update(assigned_to=sergeant)
    body = as_sergeant.get(reverse("qa:flag-list"), {"assigned": "yes"}).content.decode()
    assert ">3 open flags</a>" in body
    assert 'data-total="1"' in body


def test_an_empty_queue_says_what_to_do(as_sergeant: Client) -> None:
    body = as_sergeant.get(reverse("qa:flag-list")).content.decode()
    assert "The sweep has not run yet." in body
    assert "No open flags" in body
    assert "sweep_unrecorded" in body


def test_a_sergeant_dismisses_a_flag_in_the_browser(as_sergeant: Client) -> None:
    make_incident()
    sweep.sweep_unrecorded()
    flag = UnrecordedFlag.objects.get()
    url = reverse("qa:flag-action", args=[flag.pk, "dismiss"])
    bad = as_sergeant.post(url, {"reason": "", "closing_nsir_code": "PS-CIVIL"})
    assert bad.status_code == 400
    assert "Say why no crime needs recording." in bad.content.decode()
    assert 'class="error-summary"' in bad.content.decode()
    flag.refresh_from_db()
    assert flag.status == "open"
    good = as_sergeant.post(url, {"reason": "Civil dispute", "closing_nsir_code": "PS-CIVIL"})
    assert good.status_code == 302
    flag.refresh_from_db()
    assert flag.status == "dismissed"


def test_resolving_with_an_unknown_crime_number_shows_the_error(as_sergeant: Client) -> None:
    make_incident()
    sweep.sweep_unrecorded()
    flag = UnrecordedFlag.objects.get()
    response = as_sergeant.post(
        reverse("qa:flag-action", args=[flag.pk, "resolve"]), {"crime_number": "XX/NONE"}
    )
    assert response.status_code == 400
    assert "No crime XX/NONE is recorded." in response.content.decode()
    crime = make_crime(offence="49")  # other theft, as the incident (CRIME-THEFT)
    as_sergeant.post(
        reverse("qa:flag-action", args=[flag.pk, "resolve"]), {"crime_number": crime.crime_number}
    )
    flag.refresh_from_db()
    assert flag.status == "resolved"


def test_assign_and_escalate_in_the_browser(as_sergeant: Client, make_user: Any) -> None:
    investigator = make_user("investigator")
    make_incident()
    sweep.sweep_unrecorded()
    flag = UnrecordedFlag.objects.get()
    assign = reverse("qa:flag-action", args=[flag.pk, "assign"])
    refused = as_sergeant.post(assign, {"investigator": investigator.pk})
    # Off shift and untrained in unrecorded-incident flags: the staffing rules need the sergeant's reason.
    assert refused.status_code == 400
    assert 'id="id_assign_reason-error"' in refused.content.decode()
    as_sergeant.post(assign, {"investigator": investigator.pk, "assign_reason": "Knows the caller"})
    as_sergeant.post(reverse("qa:flag-action", args=[flag.pk, "escalate"]), {"note": "Call back the caller"})
    flag.refresh_from_db()
    assert flag.assigned_to == investigator
    assert flag.escalation_note == "Call back the caller"
    detail = as_sergeant.get(reverse("qa:flag-detail", args=[flag.pk])).content.decode()
    assert "Call back the caller" in detail


def test_a_sergeant_audits_a_sampled_item_and_the_owner_fixes_it(
    as_sergeant: Client, client: Client, make_user: Any, django_assert_max_num_queries: Any
) -> None:
    owner = make_user("investigator")
    for _ in range(3):
        make_crime(recorded_at=NOON, owner=owner)
    test = dip_test.dip_test_draw(day=DAY)
    with django_assert_max_num_queries(8):
        page = as_sergeant.get(reverse("qa:dip-test-detail", args=["2026-03-01"]))
    assert page.status_code == 200
    sample = test.samples.first()
    assert sample is not None
    url = reverse("qa:dip-sample-audit", args=[sample.pk])
    answers = {
        "recording_right": "yes",
        "count_right": "yes",
        "classification_right": "no",
        "within_24h": "yes",
        "notes": "Should be 8M",
    }
    assert as_sergeant.post(url, answers).status_code == 302
    amendment = Amendment.objects.get()
    assert amendment.owner == owner
    client.force_login(owner)
    assert "Mark " in client.get(reverse("qa:amendment-list")).content.decode()
    refused = client.post(reverse("qa:amendment-fix", args=[amendment.pk]), {"note": "Reclassified"})
    assert refused.status_code == 400 and "shows no change" in refused.content.decode()
    crime = Crime.objects.get(pk=sample.object_id)
    crime.offence = Offence.objects.get(code="8M")
    crime.save(update_fields=["offence"])
    client.post(reverse("qa:amendment-fix", args=[amendment.pk]), {"note": "Reclassified"})
    amendment.refresh_from_db()
    assert amendment.status == "fixed"
    assert client.post(reverse("qa:amendment-confirm", args=[amendment.pk])).status_code == 403
    client.force_login(make_user("sergeant"))
    client.post(reverse("qa:amendment-confirm", args=[amendment.pk]))
    amendment.refresh_from_db()
    assert amendment.status == "confirmed"


def test_compliance_page_groups_by_investigator(as_sergeant: Client, sergeant: Any, make_user: Any) -> None:
    owner = make_user("investigator", first_name="Ann", last_name="Lee")
    make_crime(recorded_at=NOON, owner=owner)
    sample = dip_test.dip_test_draw(day=DAY).samples.get()
    dip_test.dip_sample_audit(
        sample_id=sample.pk,
        answers=audit_answers(sample, classification_right=False),
        notes="",
        actor=sergeant,
    )
    body = as_sergeant.get(
        reverse("qa:compliance"), {"by": "investigator", "start": "2026-02-01", "end": "2026-03-02"}
    )
    assert "Ann Lee" in body.content.decode()


def test_rape_review_is_queued_restricted_and_every_view_logged(as_sergeant: Client, sergeant: Any) -> None:
    crime = make_crime(offence="19C", recorded_at=NOON)
    crime.victims.create(name="V", age=15)
    make_crime(offence="8N", recorded_at=NOON)  # not a sexual offence
    make_incident(nsir="CRIME-SEXUAL", opened_at=NOON)
    assert rape_review.rape_review_queue(day=DAY) == 2
    assert rape_review.rape_review_queue(day=DAY) == 0  # idempotent
    review = RapeReview.objects.get(crime=crime)
    assert review.victim_age == 15
    list_page = as_sergeant.get(reverse("qa:rape-review-list"))
    assert crime.crime_number in list_page.content.decode()
    detail = as_sergeant.get(reverse("qa:rape-review-detail", args=[review.pk]))
    assert "child abuse investigation team" in detail.content.decode().lower()
    # The crime it is about, shown and linked (issue 20 part 8).
    assert f'href="/recording/crimes/{crime.pk}/"' in detail.content.decode()
    assert crime.offence.title in detail.content.decode()
    logs = AccessLog.objects.filter(user=sergeant, record_type="qa.RapeReview")
    # The list logs each review it shows (both); the review's own page logs it again.
    shown = sorted(str(pk) for pk in RapeReview.objects.values_list("pk", flat=True))
    assert sorted(logs.values_list("record_id", flat=True)) == sorted([*shown, str(review.pk)])
    # R-RAPE-RECORD: without valid Rape review training the sergeant sees why and nothing is stored.
    assert "needs valid Rape review training" in detail.content.decode()
    untrained = as_sergeant.post(
        reverse("qa:rape-review-detail", args=[review.pk]),
        {"decision": "recorded_correctly", "victim_age": "15", "advice": "CAIT informed"},
        follow=True,
    )
    assert "needs valid Rape review training" in untrained.content.decode()
    review.refresh_from_db()
    assert review.reviewed_at is None
    grant_skill(sergeant, Skill.RAPE_REVIEW)
    assert (
        "Mark reviewed"
        in as_sergeant.get(reverse("qa:rape-review-detail", args=[review.pk])).content.decode()
    )
    bad = as_sergeant.post(reverse("qa:rape-review-detail", args=[review.pk]), {"decision": "", "advice": ""})
    assert bad.status_code == 400
    as_sergeant.post(
        reverse("qa:rape-review-detail", args=[review.pk]),
        {"decision": "recorded_correctly", "victim_age": "15", "advice": "CAIT informed"},
    )
    review.refresh_from_db()
    assert (review.advice_team, review.reviewed_by) == ("child", sergeant)


def test_the_rape_review_names_each_victim_to_ring_with_the_offence_and_logs_each_row_shown(
    as_sergeant: Client, sergeant: Any, make_user: Any
) -> None:
    """Issue 20 part 3: the daily rape review shows the person to ring (name, number) and the offence
    reported, for a recorded crime and for a third-party report awaiting the victim, never "V1"; the
    list and each review's page log the view of every review they show."""
    from recording import rules as recording_rules
    from recording.services import crimes as crime_services
    from recording.services import decisions

    crime = make_crime(offence="19C", recorded_at=NOON)
    crime.victims.create(ref="V1", name="Cara Dunn", contact="07700 900111")
    rape_review.rape_review_queue(day=DAY)
    friend = recording_rules.Report(
        reported_at=timezone.now() - timedelta(hours=1),
        force="XX",
        reporter="witness",
        victims=(recording_rules.Victim(ref="V1", kind="person"),),
        alleged=(
            recording_rules.Allegation(
                ref="A1", victim="V1", offence="19C", incident="I1", victim_contacted=False
            ),
        ),
    )
    waiting = decisions.decision_record(
        actor=make_user("recorder"),
        report=friend,
        victims={"V1": crime_services.VictimInput(ref="V1", name="Dee Ellis", contact="07700 900222")},
    ).awaiting
    assert waiting is not None
    reviews = {r.crime_id is not None: r for r in RapeReview.objects.all()}
    title = Offence.objects.get(code="19C").title
    listed = as_sergeant.get(reverse("qa:rape-review-list")).content.decode()
    for text in ("Cara Dunn", "07700 900111", "Dee Ellis", "07700 900222", title):
        assert text in listed
    for review, person in ((reviews[True], "Cara Dunn, "), (reviews[False], "Dee Ellis, ")):
        page = as_sergeant.get(reverse("qa:rape-review-detail", args=[review.pk])).content.decode()
        assert person in page and title in page
        assert ">V1<" not in page
    logged = AccessLog.objects.filter(user=sergeant, record_type="qa.RapeReview")
    assert sorted(logged.values_list("record_id", flat=True)) == sorted(
        [str(r.pk) for r in reviews.values()] * 2
    )


def test_rape_review_list_query_count(as_sergeant: Client, django_assert_num_queries: Any) -> None:
    for _ in range(3):
        make_crime(offence="19C", recorded_at=NOON)
    rape_review.rape_review_queue(day=DAY)
    # session + user, access log insert, count, page with crime/offence/incident joined, the crimes'
    # victims (names and numbers shown)
    with django_assert_num_queries(6):
        as_sergeant.get(reverse("qa:rape-review-list"))


def test_the_daily_page_shows_the_api_figures(as_sergeant: Client) -> None:
    make_crime(recorded_at=NOON, reported_at=NOON - timedelta(hours=1))
    body = as_sergeant.get(reverse("qa:daily"), {"date": "2026-03-01"}).content.decode()
    assert "Daily performance" in body
    assert "date=2026-03-01&amp;format=csv" in body
    assert ">100%<" in body  # the timeliness rate, a percentage on the screen (1.0 in the API)


@pytest.mark.parametrize(
    ("value", "message"),
    [("not-a-day", "Enter the day as a date"), ("2099-01-01", "cannot be in the future")],
)
def test_a_bad_or_future_day_is_refused_on_the_daily_page(
    as_sergeant: Client, value: str, message: str
) -> None:
    """Never today's figures under a day nobody asked for, nor a future day of zeros."""
    response = as_sergeant.get(reverse("qa:daily"), {"date": value})
    assert response.status_code == 400 and response.context["figures"] is None
    body = response.content.decode()
    assert message in body and 'aria-invalid="true"' in body and "Crimes recorded" not in body


def test_home_shows_the_qa_queues(as_sergeant: Client) -> None:
    make_incident()
    sweep.sweep_unrecorded()
    body = as_sergeant.get(reverse("home")).content.decode()
    assert "Unrecorded crime-related incidents" in body
    assert "Rape reports to review" in body


def test_demo_seeding_runs_a_sweep_and_a_dip_test() -> None:
    import io
    import random

    from django.apps import apps
    from django.utils import timezone

    make_incident()
    make_crime(recorded_at=timezone.now() - timedelta(days=1))
    out = io.StringIO()
    apps.get_app_config("qa").seed_demo(random.Random(1), out)  # type: ignore[attr-defined]
    assert "1 open unrecorded-incident flag(s)" in out.getvalue()
    assert UnrecordedFlag.objects.count() == 1


def test_a_cancelled_rape_crime_is_queued_again_for_review(sergeant: Any) -> None:
    crime = make_crime(offence="19F", recorded_at=NOON - timedelta(days=3))
    crime.cancelled_at, crime.status = NOON, "cancelled"
    crime.save(update_fields=["cancelled_at", "status"])
    assert rape_review.rape_review_queue(day=DAY) == 1
    assert rape_review.rape_review_queue(day=DAY) == 0
    review = RapeReview.objects.get()
    assert review.reason == RapeReview.Reason.CANCELLATION
    record = {
        "review_id": review.pk,
        "decision": "cancellation_wrong",
        "decision_note": "No AVI on file",
        "victim_age": 30,
        "advice": "Reinstate; adult team told",
    }
    with pytest.raises(DomainError, match="Rape review training"):  # R-RAPE-RECORD
        rape_review.rape_review_record(**record, actor=sergeant)
    expired = grant_skill(sergeant, Skill.RAPE_REVIEW, days_ago=800, expires_in=-1)
    with pytest.raises(DomainError, match="Rape review training"):  # expired training does not count
        rape_review.rape_review_record(**record, actor=expired)
    grant_skill(sergeant, Skill.RAPE_REVIEW)
    rape_review.rape_review_record(
        review_id=review.pk,
        decision="cancellation_wrong",
        decision_note="No AVI on file",
        victim_age=30,
        advice="Reinstate; adult team told",
        actor=sergeant,
    )
    review.refresh_from_db()
    assert review.advice_team == "adult"


def test_list_pages_query_counts(
    as_sergeant: Client, sergeant: Any, make_user: Any, django_assert_num_queries: Any
) -> None:
    owner = make_user("investigator")
    for _ in range(4):
        make_crime(recorded_at=NOON, owner=owner)
    test = dip_test.dip_test_draw(day=DAY)
    for sample in test.samples.all():
        dip_test.dip_sample_audit(
            sample_id=sample.pk,
            answers=audit_answers(sample, classification_right=False),
            notes="",
            actor=sergeant,
        )
    # session + user, count, page of dip-tests with sample counts
    with django_assert_num_queries(4):
        assert as_sergeant.get(reverse("qa:dip-test-list")).status_code == 200
    # session + user, count, page of amendments with finding/sample/dip-test/owner joined
    with django_assert_num_queries(4):
        assert as_sergeant.get(reverse("qa:amendment-list")).status_code == 200
    # session + user, one grouped read of audited samples
    with django_assert_num_queries(3):
        assert as_sergeant.get(reverse("qa:compliance"), {"by": "investigator"}).status_code == 200
    # session + user, timeliness aggregate, open flags, dip-test samples, complaints (received, open now,
    # closed since: three index-only counts), the Victims' Code notices (one aggregate)
    with django_assert_num_queries(9):
        assert as_sergeant.get(reverse("qa:daily"), {"date": "2026-03-01"}).status_code == 200
