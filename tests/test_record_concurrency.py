"""Two people editing the same crime (issue 10 part 5d): the second is told, nothing is silently
overwritten (config.concurrency.save_with_version on Crime.version). Complaint cases do the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from complaints.tests.factories import ComplaintCaseFactory
from recording.models import Crime
from recording.tests.factories import CrimeFactory

pytestmark = pytest.mark.django_db


def test_a_stale_crime_edit_through_the_api_is_refused_and_nothing_is_overwritten(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    crime = CrimeFactory()
    ann, bob = api_as("sergeant"), api_as("sergeant")
    seen_by_ann = ann.get(f"/api/v1/recording/crimes/{crime.pk}/").json()["version"]
    seen_by_bob = bob.get(f"/api/v1/recording/crimes/{crime.pk}/").json()["version"]
    assert seen_by_ann == seen_by_bob == 1
    first = ann.patch(
        f"/api/v1/recording/crimes/{crime.pk}/",
        {"grade": "immediate", "thrive_notes": "Ann's notes", "reason": "Regraded", "version": seen_by_ann},
        format="json",
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    second = bob.patch(
        f"/api/v1/recording/crimes/{crime.pk}/",
        {"grade": "scheduled", "thrive_notes": "Bob's notes", "reason": "Regraded", "version": seen_by_bob},
        format="json",
    )
    assert second.status_code == 400
    assert "changed by someone else" in second.json()["version"][0]
    crime.refresh_from_db()
    assert (crime.grade, crime.thrive_notes, crime.version) == ("immediate", "Ann's notes", 2)
    assert crime.history.count() == 2  # created + Ann's edit; Bob's left no trace


def test_a_stale_crime_edit_on_the_page_is_told_at_the_top_of_the_form(
    client: Client, make_user: Callable[..., Any], reference_data: None
) -> None:
    crime = CrimeFactory(thrive_notes="original")
    client.force_login(make_user("sergeant"))
    page = client.get(f"/recording/crimes/{crime.pk}/assess/").content.decode()
    assert 'name="version" value="1"' in page
    Crime.objects.filter(pk=crime.pk).update(version=2, thrive_notes="someone else's")
    response = client.post(
        f"/recording/crimes/{crime.pk}/assess/",
        {
            "solvability": "not_screened",
            "thrive_notes": "mine",
            "reason": "Update",
            "grade": "priority",
            "version": "1",
        },
    )
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    crime.refresh_from_db()
    assert crime.thrive_notes == "someone else's"


def test_complaint_cases_refuse_a_stale_version_through_the_api(api_as: Callable[..., Any]) -> None:
    api = api_as("manager")
    case = ComplaintCaseFactory(actor=api.user)
    stale = case.version
    case.version += 1
    case.save(update_fields=["version"])
    response = api.post(
        f"/api/v1/complaints/cases/{case.pk}/actions/",
        {"action": "initial_contact", "version": stale, "method": "phone", "summary": "Called back"},
        format="json",
    )
    assert response.status_code == 400
    assert "version" in response.json()
