from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from complaints import services
from complaints.tests.factories import ComplaintCaseFactory
from config.exceptions import DomainError

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


def test_outcome_letter_includes_the_review_right(advisor: Any, client: Client) -> None:
    case = ComplaintCaseFactory(
        actor=advisor,
        complainant_wants_recording=True,
        complainant_agrees_outside_schedule_3=False,
        complainant={"adjustments": ["large_print"]},
    )
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    outcome_on = timezone.localdate() - dt.timedelta(days=1)
    services.complaint_close(
        case_id=case.pk, actor=advisor, outcome_code="S3-SERVICE-ACCEPTABLE", outcome_on=outcome_on
    )
    letter = services.letter_issue(case_id=case.pk, actor=advisor, kind="outcome", dated=outcome_on)
    deadline = outcome_on + dt.timedelta(days=28)
    assert "Your right to a review" in letter.html
    assert f"{deadline.day} {deadline:%B %Y}" in letter.html  # C-REVIEW-28D
    assert "18pt" in letter.html  # large print adjustment
    client.force_login(advisor)
    pdf = client.get(f"/complaints/{case.pk}/letters/{letter.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_outside_schedule_3_outcome_letter_has_no_review_right(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="OS3-RESOLVED")
    letter = services.letter_issue(case_id=case.pk, actor=advisor, kind="outcome")
    assert "There is no right of review" in letter.html
    assert "ask for your complaint to be recorded" in letter.html  # C-OUTSIDE-S3-ESCALATE


def test_acknowledgement_pdf_and_html(advisor: Any, client: Client) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    letter = services.letter_issue(case_id=case.pk, actor=advisor, kind="acknowledgement")
    assert case.reference in letter.html
    client.force_login(advisor)
    assert case.reference in client.get(f"/complaints/{case.pk}/letters/{letter.pk}/").content.decode()
    assert client.get(f"/complaints/{case.pk}/letters/{letter.pk}/pdf/").content.startswith(b"%PDF")


def test_an_update_letter_moves_the_next_update(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    services.letter_issue(case_id=case.pk, actor=advisor, kind="update")
    case.refresh_from_db()
    assert case.next_update_due == timezone.localdate() + dt.timedelta(days=28)


def test_no_outcome_letter_before_an_outcome(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    with pytest.raises(DomainError) as err:
        services.letter_issue(case_id=case.pk, actor=advisor, kind="outcome")
    assert err.value.field == "kind"
