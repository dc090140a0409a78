"""Data protection (issue 10 part 6): MoPI review dates on crimes (finalised/cancelled, by offence group,
local policy) and one review queue with complaint cases; a subject access export for a named person
across crimes and complaint cases, logged; nothing hard-deleted without an audited reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from complaints.models import ComplaintCase
from complaints.tests.factories import ComplaintCaseFactory
from config.deletion import record_delete
from config.exceptions import DomainError
from recording import mopi
from recording.models import Crime
from recording.services import cancellation, outcomes
from recording.tests.factories import (
    CrimeFactory,
    CrimeSuspectFactory,
    CrimeVictimFactory,
    OffenceFactory,
    grant_skill,
)
from staffing.models import AccessLog, Skill

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- MoPI review dates (pure)
def test_mopi_review_years_by_offence_group() -> None:
    ordinary = mopi.OffenceGroup(category="Theft offences", restricted=False, seriousness_rank=60)
    restricted = mopi.OffenceGroup(category="Sexual offences", restricted=True, seriousness_rank=40)
    serious = mopi.OffenceGroup(category="Violence against the person", restricted=False, seriousness_rank=1)
    assert mopi.review_years(ordinary) == 6
    assert mopi.review_years(restricted) == 10
    assert mopi.review_years(serious) == 10
    assert mopi.review_years(ordinary, {"category:Theft offences": 7}) == 7
    assert mopi.review_on(ordinary, date(2024, 2, 29)) == date(2030, 2, 28)


def test_finalising_a_crime_sets_its_review_date(reference_data: None, make_user: Callable[..., Any]) -> None:
    crime = CrimeFactory()  # 8N: seriousness rank from the factory is 10 -> serious
    ordinary = CrimeFactory(
        offence=OffenceFactory(code="45", title="Theft from the person", seriousness_rank=60)
    )
    for c in (crime, ordinary):
        outcomes.crime_finalise(crime=c, actor=make_user("manager"), outcome_code="18", reason="No leads")
        c.refresh_from_db()
    today = timezone.localdate()
    assert crime.review_on == mopi.add_years(today, 10)
    assert ordinary.review_on == mopi.add_years(today, 6)
    assert crime.history.first().review_on == crime.review_on  # audited with the finalisation


def test_cancelling_a_crime_sets_its_review_date(reference_data: None, make_user: Callable[..., Any]) -> None:
    crime = CrimeFactory(
        offence=OffenceFactory(code="45", title="Theft from the person", seriousness_rank=60)
    )
    req = cancellation.cancellation_request(
        crime=crime,
        actor=make_user("investigator"),
        criterion_code="C2",
        evidence="CCTV",
        avi="CCTV shows no theft",
    )
    ddm = grant_skill(make_user("sergeant"), Skill.DDM)  # R-CANCEL-DDM: the DDM is a trained skill
    cancellation.cancellation_decide(request=req, actor=ddm, approve=True, note="AVI", victim_informed=True)
    crime.refresh_from_db()
    assert crime.status == "cancelled" and crime.review_on == mopi.add_years(timezone.localdate(), 6)


def test_one_review_queue_holds_crimes_and_complaint_cases_due(
    client: Client, make_user: Callable[..., Any], reference_data: None, django_assert_num_queries: Any
) -> None:
    today = timezone.localdate()
    due = CrimeFactory(review_on=today - timedelta(days=3))
    CrimeFactory(review_on=today + timedelta(days=30))  # not yet
    CrimeFactory()  # still open: no review date
    case = ComplaintCaseFactory()
    ComplaintCase.objects.filter(pk=case.pk).update(retention_review_on=today - timedelta(days=1))
    client.force_login(make_user("manager"))
    # session, user, crimes with offences, complaint cases
    with django_assert_num_queries(4):
        body = client.get("/staffing/mopi-review/").content.decode()
    assert due.crime_number in body and case.reference in body
    assert body.count("<tr>") == 3  # header + 2 records
    api = client.get("/api/v1/staffing/mopi-review/").json()
    assert [i["reference"] for i in api] == [due.crime_number, case.reference]
    client.force_login(make_user("sergeant"))
    assert client.get("/staffing/mopi-review/").status_code == 403


# ---------------------------------------------------------------- subject access
def test_subject_access_finds_a_person_across_crimes_and_complaints_and_is_logged(
    client: Client, make_user: Callable[..., Any], reference_data: None
) -> None:
    CrimeVictimFactory(name="Jo Bloggs", contact="07700 900001")
    CrimeSuspectFactory(name="jo bloggs", description="Tall")
    CrimeVictimFactory(name="Someone Else")
    ComplaintCaseFactory(complainant={"name": "Jo Bloggs"})
    manager = make_user("manager")
    client.force_login(manager)
    page = client.get("/staffing/subject-access/", {"name": "Jo Bloggs", "purpose": "SAR-2026-014"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "07700 900001" in body and "Tall" in body and "Someone Else" not in body
    row = AccessLog.objects.get(record_type="subject_access")
    assert (row.user, row.record_label, row.purpose) == (
        manager,
        "Jo Bloggs",
        "SAR-2026-014",
    )
    export = client.get("/staffing/subject-access/", {"name": "Jo Bloggs", "format": "json"}).json()
    assert len(export["records"]["recording"]["as_victim"]) == 1
    assert len(export["records"]["recording"]["as_suspect"]) == 1
    assert len(export["records"]["complaints"]["as_complainant"]) == 1


def test_subject_access_api_and_bad_input(api_as: Callable[..., Any], reference_data: None) -> None:
    CrimeVictimFactory(name="Jo Bloggs")
    api = api_as("admin")
    response = api.get("/api/v1/staffing/subject-access/", {"name": "Jo Bloggs", "purpose": "SAR-1"})
    assert response.status_code == 200
    assert response.json()["records"]["recording"]["as_victim"][0]["crime_number"]
    assert AccessLog.objects.get().purpose == "SAR-1"
    blank = api.get("/api/v1/staffing/subject-access/", {"name": "  "})
    assert blank.status_code == 400 and list(blank.json()) == ["name"]
    assert api_as("sergeant").get("/api/v1/staffing/subject-access/", {"name": "x"}).status_code == 403


def test_subject_access_with_no_name_asks_for_one(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("admin"))
    response = client.get("/staffing/subject-access/", {"name": ""})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    assert not AccessLog.objects.exists()


# ---------------------------------------------------------------- no hard delete without a reason
def test_record_delete_refuses_an_empty_reason(reference_data: None, make_user: Callable[..., Any]) -> None:
    crime = CrimeFactory()
    with pytest.raises(DomainError) as err:
        record_delete(obj=crime, actor=make_user("admin"), reason="  ")
    assert err.value.field == "reason"
    assert Crime.objects.filter(pk=crime.pk).exists()


def test_record_delete_keeps_who_and_why_in_the_history(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    crime = CrimeFactory()
    pk, admin = crime.pk, make_user("admin")
    record_delete(obj=crime, actor=admin, reason="Duplicate of XX/26/000001 (MoPI review)")
    assert not Crime.objects.filter(pk=pk).exists()
    last = Crime.history.filter(id=pk).latest("history_date")
    assert last.history_type == "-"
    assert last.history_change_reason == "Deleted: Duplicate of XX/26/000001 (MoPI review)"
    assert last.history_user == admin


def test_the_admin_cannot_delete_crimes_or_complaint_cases(
    client: Client, make_user: Callable[..., Any], reference_data: None
) -> None:
    crime = CrimeFactory()
    case = ComplaintCaseFactory()
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    assert client.get(f"/admin/recording/crime/{crime.pk}/delete/").status_code == 403
    assert client.post(f"/admin/recording/crime/{crime.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"/admin/complaints/complaintcase/{case.pk}/delete/").status_code == 403
    changelist = client.get("/admin/recording/crime/").content.decode()
    assert "delete_selected" not in changelist
    assert Crime.objects.filter(pk=crime.pk).exists() and ComplaintCase.objects.filter(pk=case.pk).exists()
