"""The letters pages (issue 22): a manager edits a template in the browser's form and previews it
against a real case; the approvals queue; a handler's letter details."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from complaints.tests.factories import ComplaintCaseFactory
from staffing.models import LetterTemplate
from staffing.services import letters as services

pytestmark = pytest.mark.django_db


def test_a_manager_saves_a_new_version_and_previews_it_against_a_case(
    client: Client, make_user: Callable[..., Any], reference_data: None
) -> None:
    manager = make_user("manager")
    case = ComplaintCaseFactory(actor=make_user("advisor"))
    template = LetterTemplate.objects.get(key="complaint-update")
    client.force_login(manager)
    page = client.get(f"/staffing/letters/templates/{template.pk}/").content.decode()
    assert "{{ case_reference }}" in page and "Save new version" in page
    preview = client.post(
        f"/staffing/letters/templates/{template.pk}/preview/",
        {
            "record_id": case.pk,
            "subject": "About {{ case_reference }}",
            "body": "Hi {{ recipient_name }} {{ nope }}",
        },
    ).content.decode()
    assert f"About {case.reference}" in preview and "Hi Alex Morgan" in preview and "nope" in preview
    refused = client.post(
        f"/staffing/letters/templates/{template.pk}/",
        {"subject": "S", "body": "{{ record.__class__ }}", "note": "try", "version": 1, "active": "on"},
    )
    assert refused.status_code == 200 and "is not a placeholder" in refused.content.decode()
    saved = client.post(
        f"/staffing/letters/templates/{template.pk}/",
        {"subject": "S {{ case_reference }}", "body": "B", "note": "Shorter", "version": 1, "active": "on"},
    )
    assert saved.status_code == 302
    template.refresh_from_db()
    assert template.version == 2 and template.versions.count() == 2


def test_the_approvals_queue_lists_letters_awaiting_a_manager(
    client: Client, make_user: Callable[..., Any], reference_data: None, django_assert_num_queries: Any
) -> None:
    from complaints import services as complaint_services

    advisor = make_user("advisor")
    for _ in range(2):
        case = ComplaintCaseFactory(actor=advisor)
        complaint_services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
        complaint_services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="OS3-RESOLVED")
        letter = services.letter_draft(
            record_type="complaint_case", record_id=case.pk, actor=advisor, purpose="outcome"
        )
        services.letter_submit(letter_id=letter.pk, actor=advisor)
    client.force_login(make_user("manager"))
    # 1 session, 2 user, 3 letters with their templates and people, 4 their sends (prefetch)
    with django_assert_num_queries(4):
        page = client.get("/staffing/letters/approvals/").content.decode()
    assert page.count("Outcome: The outcome of your complaint") == 2


def test_letter_details_never_only_101(client: Client, make_user: Callable[..., Any]) -> None:
    me = make_user("investigator", direct_phone="")
    client.force_login(me)
    refused = client.post("/staffing/letters/my-details/", {"direct_phone": "101", "direct_email": ""})
    assert "not 101" in refused.content.decode()
    client.post("/staffing/letters/my-details/", {"direct_phone": "01632 960555", "direct_email": ""})
    me.refresh_from_db()
    assert me.direct_phone == "01632 960555"


def test_the_home_count_of_letters_to_approve_is_the_approvals_list(
    client: Client, make_user: Callable[..., Any], reference_data: None
) -> None:
    from complaints import services as complaint_services
    from config.registry import queues_for

    advisor = make_user("advisor")
    case = ComplaintCaseFactory(actor=advisor)
    complaint_services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    complaint_services.complaint_close(case_id=case.pk, actor=advisor, outcome_code="OS3-RESOLVED")
    letter = services.letter_draft(
        record_type="complaint_case", record_id=case.pk, actor=advisor, purpose="outcome"
    )
    services.letter_submit(letter_id=letter.pk, actor=advisor)
    manager = make_user("manager")
    line = next(q for q in queues_for(manager) if q.key == "staffing-letters-to-approve")
    client.force_login(manager)
    page = client.get(line.url).content.decode()
    assert line.count == 1 == page.count("Outcome: The outcome of your complaint")
    assert not any(q.key == "staffing-letters-to-approve" for q in queues_for(advisor))
