"""The admin site's last side doors (issue 20 parts 6 and 8): import batches and sign-in records are
never deleted there, records with a service path (crimes, incidents, reports awaiting the victim) are
never added there, and dates are UK dates (dd/mm/yyyy, Europe/London)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from axes.models import AccessLog as SignInLog
from django.contrib import admin
from django.test import Client, RequestFactory

from recording.models import AwaitingVictim, Crime, ImportBatch, Incident
from recording.tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def staff(make_user: Callable[..., Any]) -> Any:
    return make_user("admin", is_staff=True, is_superuser=True)


@pytest.fixture
def site(staff: Any) -> Client:
    client = Client()
    client.force_login(staff)
    return client


def test_import_batches_and_sign_in_records_cannot_be_deleted(site: Client, staff: Any) -> None:
    batch = ImportBatch.objects.create(source="file", source_name="feed.csv", created_by=staff)
    attempt = AccessAttempt.objects.create(
        username="mallory", ip_address="10.0.0.9", user_agent="x", failures_since_start=3
    )
    SignInLog.objects.create(username="mallory", ip_address="10.0.0.9", user_agent="x")
    AccessFailureLog.objects.create(username="mallory", ip_address="10.0.0.9", user_agent="x")
    assert site.post(f"/admin/recording/importbatch/{batch.pk}/delete/", {"post": "yes"}).status_code == 403
    assert site.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}).status_code == 403
    bulk = site.post(
        "/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": [attempt.pk]}
    )
    assert bulk.status_code in (200, 302)
    assert (ImportBatch.objects.count(), AccessAttempt.objects.count()) == (1, 1)
    request = RequestFactory().get("/admin/")
    request.user = staff
    for model in (ImportBatch, AccessAttempt, SignInLog, AccessFailureLog):
        assert not admin.site._registry[model].has_delete_permission(request), model


@pytest.mark.parametrize(
    ("model", "path"),
    [
        (Crime, "recording/crime"),
        (Incident, "recording/incident"),
        (AwaitingVictim, "recording/awaitingvictim"),
        (ImportBatch, "recording/importbatch"),
    ],
)
def test_records_with_a_service_path_have_no_add_in_the_admin(site: Client, model: Any, path: str) -> None:
    assert site.get(f"/admin/{path}/add/").status_code == 403
    assert site.post(f"/admin/{path}/add/", {}).status_code == 403
    listing = site.get(f"/admin/{path}/").content.decode()
    assert f'href="/admin/{path}/add/"' not in listing
    assert model.objects.count() == 0


def test_the_admin_shows_and_takes_uk_dates_in_london_time(site: Client, reference_data: None) -> None:
    # 30 June 2026 23:30 UTC is 1 July 00:30 in London (BST).
    incident = IncidentFactory(opened_at=datetime(2026, 6, 30, 23, 30, tzinfo=ZoneInfo("UTC")))
    listing = site.get("/admin/recording/incident/").content.decode()
    assert "01/07/2026 00:30" in listing
    form = site.get(f"/admin/recording/incident/{incident.pk}/change/").content.decode()
    assert 'value="01/07/2026"' in form
    assert 'value="00:30:00"' in form


def test_the_admin_widgets_are_uk_for_every_registered_model(staff: Any) -> None:
    """Whatever an app's ModelAdmin declares, its date boxes read and take dd/mm/yyyy."""
    from config.admin_site import UKDateWidget, UKSplitDateTime

    request = RequestFactory().get("/admin/")
    request.user = staff
    checked = 0
    for model, model_admin in admin.site._registry.items():
        for field in model._meta.get_fields():
            if getattr(field, "editable", False) and field.get_internal_type() in (
                "DateField",
                "DateTimeField",
            ):
                formfield = model_admin.formfield_for_dbfield(field, request)
                if formfield is None:
                    continue
                assert isinstance(formfield.widget, (UKDateWidget, UKSplitDateTime)), (model, field.name)
                checked += 1
    assert checked > 10


# Reference data and accounts are kept in the admin site; everything else is made by a service (with its
# rules and a history reason) and has no "Add" there. A complaint case added here skipped intake's subject
# matching, so the officer it named could read it; a training record let an administrator grant themselves
# a skill; a cancellation or reclassification skipped the proposer-never-decides rule.
ADDABLE_IN_THE_ADMIN = {
    "auth.Group",
    "complaints.ComplaintCategory",
    "complaints.ComplaintOutcome",
    "recording.CancellationCriterion",
    "recording.Force",
    "recording.HomeOfficeOutcome",
    "recording.NsirCode",
    "recording.Offence",
    "recording.OffenceCode",
    "staffing.Rule",
    "staffing.ShiftPattern",
    "staffing.Team",
    "staffing.User",
}


def test_only_reference_data_and_accounts_can_be_added_in_the_admin(site: Client, staff: Any) -> None:
    request = RequestFactory().get("/admin/")
    request.user = staff
    addable = {
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if model_admin.has_add_permission(request)
    }
    assert addable == ADDABLE_IN_THE_ADMIN
    assert site.get("/admin/complaints/complaintcase/add/").status_code == 403
    assert (
        site.post("/admin/staffing/trainingrecord/add/", {"user": staff.pk, "skill": "ddm"}).status_code
        == 403
    )
