from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from complaints import forms, services
from complaints.models import ComplaintCase
from complaints.tests.factories import ComplaintCaseFactory
from staffing.models import AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


@pytest.fixture
def signed_in(client: Client, advisor: Any) -> Client:
    client.force_login(advisor)
    return client


def test_my_cases_query_count(signed_in: Client, advisor: Any, django_assert_num_queries: Any) -> None:
    ComplaintCaseFactory.create_batch(5, actor=advisor)
    # session, user, the three caseload figures and the open cases (one conditional aggregate on the home
    # queues' own conditions, which is also the list's count), the page of cases, their complainants,
    # their subjects
    with django_assert_num_queries(6):
        response = signed_in.get("/complaints/")
    assert response.status_code == 200
    assert response.content.decode().count("CO/") == 5


def test_search_query_count_does_not_grow(
    signed_in: Client, advisor: Any, django_assert_max_num_queries: Any
) -> None:
    ComplaintCaseFactory.create_batch(8, actor=advisor)
    with django_assert_max_num_queries(12):
        html = signed_in.get("/complaints/search/?q=Alex").content.decode()
    assert html.count("Alex Morgan") == 8


def test_overdue_list_query_count(
    signed_in: Client, advisor: Any, django_assert_max_num_queries: Any
) -> None:
    for _ in range(3):
        ComplaintCaseFactory(
            actor=advisor, received_at=timezone.now() - dt.timedelta(days=40), incident_date=None
        )
    with django_assert_max_num_queries(12):
        html = signed_in.get("/complaints/overdue/").content.decode()
    assert html.count("Overdue</span>") >= 3


def test_other_roles_get_403_for_lists_and_404_for_a_case(
    client: Client, advisor: Any, make_user: Callable[..., Any]
) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    client.force_login(make_user("sergeant"))
    assert client.get("/complaints/").status_code == 403
    assert client.get(f"/complaints/{case.pk}/").status_code == 404


def test_equality_data_is_shown_to_managers_only(
    client: Client, advisor: Any, make_user: Callable[..., Any]
) -> None:
    case = ComplaintCaseFactory(actor=advisor, complainant={"equality": {"ethnicity": "Irish Traveller"}})
    client.force_login(advisor)
    assert "Irish Traveller" not in client.get(f"/complaints/{case.pk}/").content.decode()
    client.force_login(make_user("manager"))
    assert "Irish Traveller" in client.get(f"/complaints/{case.pk}/").content.decode()


def test_a_subject_gets_404_even_as_manager(
    client: Client, advisor: Any, make_user: Callable[..., Any]
) -> None:
    manager = make_user("manager")
    case = ComplaintCaseFactory(actor=advisor, subjects=[{"kind": "officer", "name": "M", "user": manager}])
    client.force_login(manager)
    assert client.get(f"/complaints/{case.pk}/").status_code == 404


def test_viewing_a_case_is_logged_and_shows_adjustments(signed_in: Client, advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor, complainant={"adjustments": ["bsl", "large_print"]})
    html = signed_in.get(f"/complaints/{case.pk}/").content.decode()
    assert "Reasonable adjustments" in html and "British Sign Language" in html
    assert "C-UPDATE-28D" in html or "Triage proposal" in html
    assert (
        AccessLog.objects.filter(record_type="complaint_case", record_id=str(case.pk), user=advisor).count()
        == 1
    )


def test_intake_form_creates_a_case(signed_in: Client) -> None:
    response = signed_in.post(
        "/complaints/new/",
        {
            "kind": "complaint",
            "channel": "phone",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "summary": "No call back",
            "name": "Pat Lee",
            "preferred_contact": "phone",
            "adversely_affected": "on",
            "subject_kind": "force",
            "category": "A1",
            "eq_ethnicity": "White British",
        },
    )
    assert response.status_code == 302
    complainant = ComplaintCase.objects.get().complainants.get()
    assert complainant.name == "Pat Lee"
    assert complainant.equality.ethnicity == "White British"  # C-DP-MINIMISE: separate record


# The intake page's fields, in the order people fill them in: the allegation's facts, declared once
# (complaints.forms.common.AllegationFactsForm), still come last, after the category and the allegation.
INTAKE_FIELDS = [
    "kind", "channel", "received_at", "incident_date", "location", "summary", "about_chief_officer",
    "complainant_wants_recording", "complainant_agrees_outside_schedule_3",
    "name", "email", "phone", "address", "preferred_contact", "adjustments", "adjustment_notes",
    "adversely_affected", "witness", "acting_for_someone", "on_behalf_of", "consent_of_affected",
    "consent_evidence", "age", "subject_of_conduct", "serving_officer_same_force",
    "affected_only_through_media",
    "eq_age_band", "eq_sex", "eq_ethnicity", "eq_disability", "eq_religion", "eq_sexual_orientation",
    "subject_kind", "subject_name", "subject_collar", "subject_staff_id", "subject_team", "subject_roster",
    "category", "allegation",
    "death_or_serious_injury", "serious_assault", "serious_sexual_offence", "serious_corruption",
    "discriminatory_criminal_or_misconduct", "could_justify_criminal_or_disciplinary", "article_2_or_3",
    "conduct", "relevant_offence", "about_senior_officer", "injury",
]  # fmt: skip


def test_the_intake_page_asks_in_the_order_people_fill_it_in(signed_in: Client) -> None:
    html = signed_in.get("/complaints/new/").content.decode()
    names = [n for n in re.findall(r'name="([a-z0-9_]+)"', html) if n in INTAKE_FIELDS]
    assert list(dict.fromkeys(names)) == INTAKE_FIELDS
    assert list(forms.AllegationForm().fields) == ["version", "category", "description", *INTAKE_FIELDS[-11:]]


def test_intake_rejects_future_events_with_a_field_error(signed_in: Client) -> None:
    response = signed_in.post(
        "/complaints/new/",
        {
            "kind": "complaint",
            "channel": "phone",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "incident_date": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
            "summary": "x",
            "name": "Pat Lee",
            "preferred_contact": "phone",
            "subject_kind": "force",
            "category": "A1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "error-summary" in html and "events in the future" in html
    assert 'aria-describedby="id_incident_date_error"' in html
    assert ComplaintCase.objects.count() == 0


def test_outcome_not_fitting_the_route_shows_a_field_error(signed_in: Client, advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    response = signed_in.post(
        f"/complaints/{case.pk}/do/close/",
        {"close-outcome": "S3-NFA", "close-outcome_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "open"


def test_triage_override_without_reason_is_refused(signed_in: Client, advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    response = signed_in.post(
        f"/complaints/{case.pk}/do/triage/",
        {
            "triage-decision": "override",
            "triage-route": "schedule_3_investigation",
            "triage-version": case.version,
        },
    )
    assert response.status_code == 400
    assert "Say why you are overriding" in response.content.decode()


def test_learning_page_and_csv(signed_in: Client, advisor: Any) -> None:
    ComplaintCaseFactory(actor=advisor)
    ComplaintCaseFactory(actor=advisor)
    today = timezone.localdate()
    assert "Themes by category" in signed_in.get("/complaints/learning/").content.decode()
    response = signed_in.get(
        f"/complaints/learning/?period=month&year={today.year}&number={today.month}&format=csv"
    )
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "repeat_officer,4521" in body


def test_subject_access_is_for_managers(client: Client, advisor: Any, make_user: Callable[..., Any]) -> None:
    ComplaintCaseFactory(actor=advisor)
    client.force_login(advisor)
    assert client.get("/complaints/subject-access/?name=Alex+Morgan").status_code == 403
    client.force_login(make_user("manager"))
    response = client.get("/complaints/subject-access/?name=Alex+Morgan&format=json")
    assert response.json()["as_complainant"][0]["email"] == "alex@example.org"
    assert client.get("/complaints/subject-access/?name=Alex+Morgan&format=zip").content[:2] == b"PK"


def test_home_shows_complaint_queues(signed_in: Client, advisor: Any) -> None:
    ComplaintCaseFactory(actor=advisor)
    html = signed_in.get("/").content.decode()
    assert "Initial contacts to make" in html
    assert 'href="/complaints/"' in html


def test_case_screen_query_count_does_not_grow_with_the_log(
    signed_in: Client, advisor: Any, django_assert_max_num_queries: Any
) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    for _ in range(5):
        services.contact_log(
            case_id=case.pk, actor=advisor, at=timezone.now(), method="phone", summary="s", is_update=True
        )
    # session, user, case + 16 prefetches (recommendations; the subjects' possible matches; suspensions;
    # signpostings; the allegations' subjects), triage, outcomes, categories, log, the case's files, the
    # user's and their groups' permissions (may they unmask an anonymous complainant?), and the
    # organisations the signposting form offers
    with django_assert_max_num_queries(26):
        response = signed_in.get(f"/complaints/{case.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count("Progress update by phone") == 5


def test_learning_page_query_count(
    signed_in: Client, advisor: Any, django_assert_max_num_queries: Any
) -> None:
    ComplaintCaseFactory.create_batch(4, actor=advisor)
    services.lesson_create(actor=advisor, title="t", description="d", level="individual", case_ids=[])
    with django_assert_max_num_queries(20):
        assert signed_in.get("/complaints/learning/").status_code == 200


def test_a_second_allegation_gets_its_own_outcome(signed_in: Client, advisor: Any) -> None:
    case = ComplaintCaseFactory(
        actor=advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False
    )
    response = signed_in.post(
        f"/complaints/{case.pk}/do/allegation/",
        {
            "allegation-category": "H1",
            "allegation-description": "Swore at me",
            "allegation-version": case.version,
            "allegation-conduct": "yes",
            "allegation-relevant_offence": "no",
            "allegation-about_senior_officer": "no",
            "allegation-injury": "none",
        },
    )
    assert response.status_code == 302
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    first, second = case.allegations.order_by("id")
    response = signed_in.post(
        f"/complaints/{case.pk}/do/close/",
        {
            "close-outcome": "S3-SERVICE-ACCEPTABLE",
            "close-outcome_on": timezone.localdate().isoformat(),
            f"close-allegation_{second.pk}": "S3-SERVICE-NOT-ACCEPTABLE",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.outcome is not None and first.outcome.code == "S3-SERVICE-ACCEPTABLE"
    assert (
        second.outcome is not None and second.outcome.code == "S3-SERVICE-NOT-ACCEPTABLE"
    )  # C-ALLEGATION-SPLIT


def test_page_and_api_actions_share_one_name_and_one_dispatch() -> None:
    """STYLE 12: every case action the page or the API offers is one entry of the actions' specification."""
    from complaints import serializers, views
    from complaints.actions import SPECS

    api_actions = set(serializers.ActionIn().fields["action"].choices)
    assert views.ACTIONS is SPECS
    assert api_actions <= set(SPECS)
    # the rest are the API's own endpoints (contacts/, outcome/, review/, reviews/<id>/result/,
    # allegation-subjects/)
    assert set(SPECS) - api_actions == {"contact", "close", "review", "review_result", "subject_attach"}


# ---------------------------------------------------------------- labels, not codes (issue 15 part 7)
def _closed_and_reviewed(advisor: Any) -> ComplaintCase:
    """A Schedule 3 case closed with an outcome, its review application upheld."""
    case = ComplaintCaseFactory(
        actor=advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False
    )
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    services.complaint_close(
        case_id=case.pk,
        actor=advisor,
        outcome_code="S3-SERVICE-NOT-ACCEPTABLE",
        outcome_on=timezone.localdate() - dt.timedelta(days=3),
    )
    services.review_log(
        case_id=case.pk,
        actor=advisor,
        received_on=timezone.localdate(),
        result_code="REVIEW-UPHELD",
        decided_on=timezone.localdate(),
    )
    return ComplaintCase.objects.get(pk=case.pk)


def test_the_case_page_names_route_outcomes_and_review_result_in_words(
    signed_in: Client, advisor: Any
) -> None:
    import re

    case = _closed_and_reviewed(advisor)
    assert case.route == "schedule_3_reasonable_and_proportionate"
    html = signed_in.get(f"/complaints/{case.pk}/").content.decode()

    def section(element_id: str) -> str:
        match = re.search(rf'id="{element_id}".*?</(?:dd|table)>', html, re.S)
        assert match, element_id
        return match.group(0)

    outcome = section("case-outcome")
    assert "Service provided was not acceptable" in outcome and "S3-SERVICE-NOT-ACCEPTABLE" not in outcome
    assert f"({(timezone.localdate() - dt.timedelta(days=3)):%-d %b})" in outcome  # the |day filter
    allegations = html[html.index("<h3>Allegations</h3>") : html.index("<h3>Complainants</h3>")]
    assert "Police action following contact" in allegations and ">A1 " not in allegations
    assert "Service provided was not acceptable" in allegations and "S3-SERVICE" not in allegations
    reviews = section("review-applications")
    assert "Review upheld" in reviews and "REVIEW-UPHELD" not in reviews
    log = section("case-log") + html[html.index("<h3>Triage decisions</h3>") :]
    assert "Schedule 3 – reasonable and proportionate" in html[html.index("Handling route") :]
    assert "accepted (Schedule 3 – reasonable and proportionate" in log and "schedule_3_" not in log
    assert "Outcome: Service provided was not acceptable" in log and "S3-SERVICE-NOT-ACCEPTABLE" not in log
    today = timezone.localdate()
    # A log line keeps its date's year: it is stored, and read in later years too.
    assert f"Review application received {today.day} {today:%b %Y} (in time)" in log
    assert f"{today:%d/%m/%Y}" not in log


def test_the_learning_page_names_routes_outcomes_and_categories_in_words(
    signed_in: Client, advisor: Any
) -> None:
    case = _closed_and_reviewed(advisor)
    services.lesson_create(
        actor=advisor, title="Call back", description="d", level="individual", category_code="A1", case_ids=[]
    )
    received = timezone.localdate(case.received_at)
    html = signed_in.get(
        "/complaints/learning/", {"period": "month", "year": received.year, "number": received.month}
    ).content.decode()
    themes = html[html.index("Themes by category") : html.index("Repeat subjects")]
    assert "Police action following contact" in themes and ">A1 " not in themes
    assert "Schedule 3 – reasonable and proportionate: 1" in themes and "schedule_3_" not in themes
    assert "Service provided was not acceptable: 1" in themes and "S3-SERVICE-NOT-ACCEPTABLE" not in themes
    lessons = html[html.index("Lessons learned") : html.index("Record a lesson")]
    assert "(Individual, Police action following contact)" in lessons
    csv_body = signed_in.get(
        "/complaints/learning/",
        {"period": "month", "year": received.year, "number": received.month, "format": "csv"},
    ).content.decode()
    # The export keeps the code as its key and adds the words beside it.
    assert (
        "route,schedule_3_reasonable_and_proportionate,Schedule 3 – reasonable and proportionate,1"
        in csv_body
    )


def test_the_subject_access_page_names_the_subjects_kind_in_words(
    client: Client, advisor: Any, make_user: Callable[..., Any]
) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    client.force_login(make_user("manager"))
    html = client.get("/complaints/subject-access/", {"name": "PC Sam Reid"}).content.decode()
    as_subject = html[html.index("As subject") :]
    assert f"{case.reference} – Police officer 4521" in as_subject and "– officer" not in as_subject
    export = client.get("/complaints/subject-access/", {"name": "PC Sam Reid", "format": "json"}).json()
    assert export["as_subject"][0]["kind"] == "officer"  # the export keeps the code
