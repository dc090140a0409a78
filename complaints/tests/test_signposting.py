"""Signposting to another organisation (issue 23 part 2): an action and an outcome (which organisation,
why), counted in the learning report; not-a-complaint and ineligible triage lead there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from complaints import selectors, services
from complaints.models import CaseAction, ComplaintCase, Signposting, SignpostOrganisation
from complaints.tests.factories import ComplaintCaseFactory
from config.exceptions import DomainError

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


def _not_a_complaint(advisor: Any, reason: str = "service_request") -> ComplaintCase:
    """A case the advisor's triage found is not a complaint (C-NOT-A-COMPLAINT)."""
    case = ComplaintCaseFactory(actor=advisor)
    return services.complaint_triage_decide(
        case_id=case.pk,
        actor=advisor,
        accept=False,
        not_a_complaint=reason,
        reason="They want a patrol in their street, not to complain",
    )


# ---------------------------------------------------------------- triage: not a complaint
def test_triage_can_find_a_case_is_not_a_complaint(advisor: Any) -> None:
    case = _not_a_complaint(advisor)
    assert case.not_a_complaint == "service_request" and case.eligible is False and case.route == ""
    log = case.actions.get(kind=CaseAction.Kind.TRIAGE)
    assert log.summary == "Overrode triage: not a complaint – a request for service"
    assert log.rules == ["C-NOT-A-COMPLAINT"]
    proposal = selectors.case_triage(case)  # the proposal now says so, with its rule
    assert proposal.eligible is False and "C-NOT-A-COMPLAINT" in proposal.rules
    assert case.history.first().not_a_complaint == "service_request"  # audited


def test_a_matter_that_is_not_a_complaint_has_no_route(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    with pytest.raises(DomainError) as refused:
        services.complaint_triage_decide(
            case_id=case.pk,
            actor=advisor,
            accept=False,
            route="outside_schedule_3",
            not_a_complaint="crime_report",
            reason="x",
        )
    assert refused.value.field == "route"


# ---------------------------------------------------------------- the service
def test_signposting_records_which_organisation_and_why_and_closes_with_that_outcome(advisor: Any) -> None:
    case = _not_a_complaint(advisor)
    signpost = services.complaint_signpost(
        case_id=case.pk,
        actor=advisor,
        organisation="force-crime-reporting",
        reason="A patrol request is a request for police service",
    )
    case.refresh_from_db()
    assert signpost.organisation_name.startswith("The force: to report a crime")
    assert case.status == ComplaintCase.Status.CLOSED
    assert case.outcome is not None and case.outcome.title == "Signposted to another organisation"
    assert case.review_body == "" and case.review_deadline is None  # C-ELIG-NO: no right of review
    log = case.actions.get(kind=CaseAction.Kind.SIGNPOSTED)
    assert log.summary == f"Signposted to {signpost.organisation_name}"
    assert "C-NOT-A-COMPLAINT" in log.rules
    assert signpost.history.count() == 1 and signpost.history.first().history_change_reason == "Signposted"
    assert all(a.outcome_id == case.outcome_id for a in case.allegations.all())


def test_an_organisation_not_on_the_list_is_named_in_words(advisor: Any) -> None:
    case = _not_a_complaint(advisor, "internal_grievance")
    signpost = services.complaint_signpost(
        case_id=case.pk, actor=advisor, organisation_other="Police Federation", reason="Staff matter"
    )
    assert signpost.organisation is None and signpost.organisation_name == "Police Federation"


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"organisation": "", "organisation_other": ""}, "organisation"),
        ({"organisation": "victim-support", "organisation_other": "Someone"}, "organisation"),
        ({"organisation": "no-such-body"}, "organisation"),
        ({"organisation": "victim-support", "reason": "  "}, "reason"),
    ],
)
def test_signposting_needs_one_organisation_and_a_reason(
    advisor: Any, given: dict[str, str], field: str
) -> None:
    case = _not_a_complaint(advisor)
    with pytest.raises(DomainError) as refused:
        services.complaint_signpost(case_id=case.pk, actor=advisor, **{"reason": "why", **given})
    assert refused.value.field == field
    assert not Signposting.objects.exists()


def test_a_retired_organisation_is_not_offered(advisor: Any) -> None:
    SignpostOrganisation.objects.filter(code="victim-support").update(retired_on=timezone.localdate())
    case = _not_a_complaint(advisor)
    with pytest.raises(DomainError, match="Unknown organisation"):
        services.complaint_signpost(case_id=case.pk, actor=advisor, organisation="victim-support", reason="x")


def test_a_case_recorded_under_schedule_3_is_not_signposted_away(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    services.complaint_record(
        case_id=case.pk,
        actor=advisor,
        recorded_on=timezone.localdate(),
        dse_handover_on=timezone.localdate(),
        dse_reference="DSE/1",
    )
    with pytest.raises(DomainError, match="cannot be signposted away"):
        services.case_action(
            "signpost",
            case_id=case.pk,
            actor=advisor,
            data={"organisation": "victim-support", "reason": "x"},
        )
    with pytest.raises(DomainError, match="cannot be signposted away"):  # the service asks it too
        services.complaint_signpost(case_id=case.pk, actor=advisor, organisation="victim-support", reason="x")


# ---------------------------------------------------------------- the API
@pytest.fixture
def advisor_api(api_as: Callable[..., APIClient], reference_data: None) -> APIClient:
    return api_as("advisor", username="adv.api")


def test_the_api_triages_not_a_complaint_and_signposts(advisor_api: APIClient) -> None:
    case = ComplaintCaseFactory(actor=advisor_api.user)  # type: ignore[attr-defined]
    url = f"/api/v1/complaints/cases/{case.pk}/actions/"
    response = advisor_api.post(
        url,
        {"action": "triage", "accept": False, "not_a_complaint": "about_pcc", "reason": "About the PCC"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["not_a_complaint"] == "about_pcc"
    response = advisor_api.post(
        url,
        {"action": "signpost", "organisation": "police-and-crime-panel", "reason": "The panel hears these"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["status"] == "closed" and data["outcome"] == "SIGNPOSTED"
    assert data["signpostings"] == [
        {
            "id": data["signpostings"][0]["id"],
            "organisation": "police-and-crime-panel",
            "organisation_name": (
                "Police and Crime Panel (complaints about the Police and Crime Commissioner)"
            ),
            "organisation_other": "",
            "reason": "The panel hears these",
            "signposted_on": timezone.localdate().isoformat(),
            "signposted_by": "adv.api",
        }
    ]


def test_the_api_refuses_signposting_without_an_organisation_naming_the_field(
    advisor_api: APIClient,
) -> None:
    case = ComplaintCaseFactory(actor=advisor_api.user)  # type: ignore[attr-defined]
    response = advisor_api.post(
        f"/api/v1/complaints/cases/{case.pk}/actions/", {"action": "signpost", "reason": "x"}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["organisation"]


def test_the_organisations_are_reference_data_listed_by_the_api(advisor_api: APIClient) -> None:
    response = advisor_api.get("/api/v1/reference/signpost-organisations/")
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.json()}
    assert rows["victim-support"]["name"] == "Victim Support"
    assert rows["victim-support"]["contact"] == "https://www.victimsupport.org.uk"


# ---------------------------------------------------------------- the page
def test_the_page_offers_signposting_as_the_next_step_after_a_not_a_complaint_triage(
    client: Client, advisor: Any
) -> None:
    case = _not_a_complaint(advisor)
    client.force_login(advisor)
    html = client.get(reverse("complaints:detail", kwargs={"pk": case.pk})).content.decode()
    assert 'id="next-step-signpost"' in html and 'href="#action-signpost"' in html
    assert "A request for service" in html  # the reason in words, never its code


def test_the_page_offers_signposting_where_the_proposal_says_not_eligible(
    client: Client, advisor: Any
) -> None:
    case = ComplaintCaseFactory(
        actor=advisor,
        complainant={"adversely_affected": False, "witness": False, "subject_of_conduct": False},
    )
    assert selectors.case_triage(case).eligible is False
    client.force_login(advisor)
    html = client.get(reverse("complaints:detail", kwargs={"pk": case.pk})).content.decode()
    assert "may not complain about this: signpost them" in html


def test_signposting_from_the_page_shows_where_and_why_and_offers_the_letter(
    client: Client, advisor: Any
) -> None:
    case = _not_a_complaint(advisor)
    client.force_login(advisor)
    response = client.post(
        reverse("complaints:action", kwargs={"pk": case.pk, "name": "signpost"}),
        {
            "signpost-version": ComplaintCase.objects.get(pk=case.pk).version,
            "signpost-organisation": "citizens-advice",
            "signpost-reason": "A dispute with a neighbour about a fence",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?draft=signposting#action-letter")
    html = client.get(response["Location"]).content.decode()
    assert "Signposted to Citizens Advice; the case is closed." in html
    assert "Citizens Advice" in html and "A dispute with a neighbour about a fence" in html
    assert 'value="signposting" selected' in html  # the letter form opens on the signposting letter


def test_a_refused_signposting_is_shown_on_the_form(client: Client, advisor: Any) -> None:
    case = _not_a_complaint(advisor)
    client.force_login(advisor)
    response = client.post(
        reverse("complaints:action", kwargs={"pk": case.pk, "name": "signpost"}),
        {"signpost-version": ComplaintCase.objects.get(pk=case.pk).version, "signpost-reason": "x"},
    )
    assert response.status_code == 400
    assert "Choose the organisation from the list" in response.content.decode()


def test_the_signposting_letter_says_where_and_why(advisor: Any) -> None:
    case = _not_a_complaint(advisor)
    services.complaint_signpost(
        case_id=case.pk, actor=advisor, organisation="victim-support", reason="Support after the burglary"
    )
    letter = services.case_action("letter", case_id=case.pk, actor=advisor, data={"kind": "signposting"})
    assert letter.purpose == "signposting"
    assert "Victim Support" in letter.body and "Support after the burglary" in letter.body
    assert "https://www.victimsupport.org.uk" in letter.body


# ---------------------------------------------------------------- the learning report
def test_the_learning_report_counts_signposting_by_organisation(client: Client, advisor: Any) -> None:
    for organisation in ("victim-support", "victim-support", "citizens-advice"):
        case = _not_a_complaint(advisor)
        services.complaint_signpost(case_id=case.pk, actor=advisor, organisation=organisation, reason="r")
    other = _not_a_complaint(advisor)
    services.complaint_signpost(case_id=other.pk, actor=advisor, organisation_other="Shelter", reason="r")
    today = timezone.localdate()
    start = today.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1)
    report = selectors.learning_report(start=start, end=end)
    assert report.signposted == 4
    assert report.by_signpost == [
        {"organisation": "Victim Support", "n": 2},
        {"organisation": "Citizens Advice", "n": 1},
        {"organisation": "Shelter", "n": 1},
    ]
    assert ["totals", "signposted", "Signposted to another organisation", "4"] in (
        selectors.learning_report_rows(report)
    )
    previous = selectors.learning_report(
        start=start - dt.timedelta(days=40), end=start - dt.timedelta(days=9)
    )
    assert previous.signposted == 0  # counted in the period it happened
    client.force_login(advisor)
    html = client.get(
        reverse("complaints:learning") + f"?period=month&year={today.year}&number={today.month}"
    ).content.decode()
    assert "Signposted to another organisation: 4" in html
