"""Complaint cases as a registered record kind (staffing.records)."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404

from complaints.tests.factories import ComplaintCaseFactory
from staffing.models import AccessLog
from staffing.records import record_kind, record_open


@pytest.mark.django_db
def test_it_opens_a_case_for_an_advisor_and_logs_the_view(make_user: Any) -> None:
    case = ComplaintCaseFactory()
    advisor = make_user("advisor")

    opened = record_open(key="complaint_case", pk=case.pk, user=advisor, purpose="Handling", path="/c/")

    assert opened == case
    assert AccessLog.objects.get(user=advisor).record_label == case.reference
    assert record_kind("complaint_case").reference(case) == case.reference


@pytest.mark.django_db
def test_it_hides_a_case_from_a_recorder(make_user: Any) -> None:
    case = ComplaintCaseFactory()

    with pytest.raises(Http404):
        record_open(key="complaint_case", pk=case.pk, user=make_user("recorder"), purpose="", path="/c/")
