from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from recording.models import CancellationRequest, ClassificationChange, Crime, Force, Incident, Offence
from recording.tests.factories import (
    CrimeFactory,
    CrimeSuspectFactory,
    ForceFactory,
    IncidentFactory,
    grant_skill,  # noqa: E402
)
from staffing.models import (
    AccessLog,
    Skill,  # noqa: E402
)

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def decide_data(**kw: Any) -> dict[str, str]:
    local = timezone.localtime(timezone.now() - timedelta(hours=1))
    data = {
        "reported_at": local.strftime("%Y-%m-%dT%H:%M"),
        "force": "XX",
        "location_force": "",
        "incident_reference": "",
        "summary": "Fight outside the Crown",
        "location": "High Street",
        "grade": "priority",
        "victims-TOTAL_FORMS": "2",
        "victims-INITIAL_FORMS": "0",
        "victims-MIN_NUM_FORMS": "0",
        "victims-MAX_NUM_FORMS": "1000",
        "victims-0-ref": "V1",
        "victims-0-kind": "person",
        "victims-0-name": "Ann Smith",
        "victims-1-ref": "V2",
        "victims-1-kind": "person",
        "victims-1-name": "Ben Jones",
        "alleged-TOTAL_FORMS": "2",
        "alleged-INITIAL_FORMS": "0",
        "alleged-MIN_NUM_FORMS": "1",
        "alleged-MAX_NUM_FORMS": "1000",
        "alleged-0-ref": "A1",
        "alleged-0-victim": "V1",
        "alleged-0-offence": "8N",
        "alleged-0-incident": "I1",
        "alleged-0-believed": "on",
        "alleged-0-offenders": "O1",
        "alleged-1-ref": "A2",
        "alleged-1-victim": "V2",
        "alleged-1-offence": "105A",
        "alleged-1-incident": "I1",
        "alleged-1-believed": "on",
        "offenders-TOTAL_FORMS": "1",
        "offenders-INITIAL_FORMS": "0",
        "offenders-MIN_NUM_FORMS": "0",
        "offenders-MAX_NUM_FORMS": "1000",
        "offenders-0-ref": "O1",
        "offenders-0-name": "Carl Doe",
        "offenders-0-identified": "on",
    }
    data.update(kw)
    return data


def test_the_decision_screen_explains_then_records_all_crimes(reference_data: None, make_user: Any) -> None:
    IncidentFactory(reference="XX-20260301-0042", opened_at=timezone.now() - timedelta(hours=1))
    client = client_for(make_user("recorder"))
    page = client.get("/recording/decide/")
    assert page.status_code == 200 and b"<h1>Recording decision</h1>" in page.content
    decided = client.post("/recording/decide/", decide_data(action="decide"))
    assert decided.status_code == 200
    body = decided.content.decode()
    assert "R-ONE-PER-VICTIM" in body and "Record these crimes" in body
    assert not Crime.objects.exists()
    recorded = client.post(
        "/recording/decide/", decide_data(action="record", incident_reference="XX-20260301-0042")
    )
    assert recorded.status_code == 302
    assert Crime.objects.count() == 2
    assert Incident.objects.get().crime_number is not None
    crime = Crime.objects.get(offence__code="8N")
    assert crime.suspects.get().name == "Carl Doe" and crime.victims.get().name == "Ann Smith"


def test_add_row_works_without_javascript(reference_data: None, make_user: Any) -> None:
    client = client_for(make_user("recorder"))
    response = client.post("/recording/decide/", decide_data(action="add-victims"))
    body = response.content.decode()
    assert 'name="victims-2-ref" value="V3"' in body
    assert 'name="victims-0-name" value="Ann Smith"' in body  # what was typed is kept
    assert "There is a problem" not in body
    assert not Crime.objects.exists()


def test_the_decision_screen_names_an_unknown_code_and_a_bad_victim_ref(
    reference_data: None, make_user: Any
) -> None:
    client = client_for(make_user("recorder"))
    response = client.post("/recording/decide/", decide_data(action="record", **{"alleged-1-offence": "ZZ"}))
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    response = client.post("/recording/decide/", decide_data(action="record", **{"alleged-1-victim": "V9"}))
    assert "There is a problem" in response.content.decode()
    assert not Crime.objects.exists()


def test_crime_list_filters_paginates_and_pins_queries(
    reference_data: None, make_user: Any, django_assert_max_num_queries: Any
) -> None:
    CrimeFactory.create_batch(30)
    CrimeFactory(offence=Offence.objects.get(code="5D"))
    client = client_for(make_user("sergeant"))
    with django_assert_max_num_queries(8):
        response = client.get("/recording/crimes/")
    assert response.status_code == 200 and "Page 1 of 2" in response.content.decode()
    filtered = client.get("/recording/crimes/?offence=5D").content.decode()
    assert "Page 1 of" not in filtered and filtered.count("/recording/crimes/") >= 1
    empty = client.get("/recording/crimes/?q=nothing-like-this").content.decode()
    assert "No crimes match" in empty


def test_crime_detail_shows_the_audit_trail_and_logs_restricted_views(
    reference_data: None, make_user: Any
) -> None:
    crime = CrimeFactory(offence=Offence.objects.get(code="19C"))
    assert client_for(make_user("recorder")).get(f"/recording/crimes/{crime.pk}/").status_code == 404
    sergeant = make_user("sergeant")
    response = client_for(sergeant).get(f"/recording/crimes/{crime.pk}/")
    assert response.status_code == 200 and "Audit trail" in response.content.decode()
    assert AccessLog.objects.filter(user=sergeant, record_id=str(crime.pk)).exists()


def test_outcome_form_shows_the_precondition_error_and_changes_nothing(
    reference_data: None, make_user: Any
) -> None:
    owner = make_user("investigator")  # the owner finalises (issue 17)
    crime = CrimeFactory(owner=owner)
    client = client_for(owner)
    response = client.post(f"/recording/crimes/{crime.pk}/outcome/", {"outcome": "1", "reason": "Charged"})
    assert response.status_code == 200
    assert "needs an identified suspect" in response.content.decode()
    crime.refresh_from_db()
    assert crime.status == "recorded"
    CrimeSuspectFactory(crime=crime)
    assert (
        client.post(
            f"/recording/crimes/{crime.pk}/outcome/", {"outcome": "1", "reason": "Charged"}
        ).status_code
        == 302
    )


def test_reclassification_in_the_browser(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    investigator = client_for(make_user("investigator"))
    assert (
        investigator.post(
            f"/recording/crimes/{crime.pk}/reclassify/", {"offence": "5d", "reason": "GBH"}
        ).status_code
        == 302
    )
    change = ClassificationChange.objects.get(status="proposed")
    assert investigator.get(f"/recording/reclassifications/{change.pk}/decide/").status_code == 403
    sergeant = client_for(make_user("sergeant"))
    listing = sergeant.get("/recording/reclassifications/").content.decode()
    assert crime.crime_number in listing
    assert (
        sergeant.post(
            f"/recording/reclassifications/{change.pk}/decide/", {"approve": "yes", "note": "ok"}
        ).status_code
        == 302
    )
    crime.refresh_from_db()
    assert crime.offence.code == "5D"


def test_cancellation_in_the_browser_needs_a_ddm(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    investigator = client_for(make_user("investigator"))
    response = investigator.post(
        f"/recording/crimes/{crime.pk}/cancel/", {"criterion": "C2", "evidence": "withdrew"}
    )
    assert "additional verifiable information" in response.content.decode()
    investigator.post(
        f"/recording/crimes/{crime.pk}/cancel/",
        {"criterion": "C2", "evidence": "CCTV", "avi": "CCTV shows no crime"},
    )
    req = CancellationRequest.objects.get()
    assert (
        client_for(make_user("sergeant")).get(f"/recording/cancellations/{req.pk}/decide/").status_code == 403
    )
    ddm = make_user("sergeant")
    grant_skill(ddm, Skill.DDM)
    ddm_client = client_for(ddm)
    assert crime.crime_number in ddm_client.get("/recording/cancellations/").content.decode()
    done = ddm_client.post(
        f"/recording/cancellations/{req.pk}/decide/",
        {"approve": "yes", "note": "AVI", "victim_informed": "on"},
    )
    assert done.status_code == 302
    crime.refresh_from_db()
    assert crime.status == "cancelled"


def test_force_directory_pages(reference_data: None, make_user: Any) -> None:
    sergeant = client_for(make_user("sergeant"))
    # Every force of England and Wales is in the directory from the reference data (forces.csv).
    assert "Kent Police" in sergeant.get("/recording/forces/").content.decode()
    sergeant.post("/recording/forces/new/", {"code": "ab", "name": "Abshire Police", "reason": "New"})
    force = Force.objects.get(code="AB")
    page = sergeant.get(f"/recording/forces/{force.pk}/edit/").content.decode()
    assert "Change history" in page
    assert client_for(make_user("recorder")).get("/recording/forces/new/").status_code == 403


def test_transfer_and_incident_pages(
    reference_data: None, make_user: Any, django_assert_max_num_queries: Any
) -> None:
    ForceFactory(code="YY")
    IncidentFactory.create_batch(5)
    sergeant = client_for(make_user("sergeant"))
    with django_assert_max_num_queries(8):
        assert sergeant.get("/recording/incidents/?unrecorded=1").status_code == 200
    crime = CrimeFactory()
    sergeant.post(f"/recording/crimes/{crime.pk}/transfer/", {"force": "YY", "reason": "Their area"})
    with django_assert_max_num_queries(8):
        page = sergeant.get("/recording/transfers/").content.decode()
    assert crime.crime_number in page


@pytest.mark.parametrize(
    "path",
    [
        "/recording/reclassifications/",
        "/recording/cancellations/",
        "/recording/transfers/",
        "/recording/forces/",
    ],
)
def test_queue_pages_pin_queries(
    reference_data: None, make_user: Any, path: str, django_assert_max_num_queries: Any
) -> None:
    from recording.services import cancellation, reclassification, transfers

    sergeant = make_user("sergeant")
    for _ in range(4):
        crime = CrimeFactory()
        reclassification.reclassification_propose(crime=crime, actor=sergeant, offence_code="5D", reason="r")
        cancellation.cancellation_request(crime=crime, actor=sergeant, criterion_code="C4", evidence="e")
        transfers.transfer_out_request(
            crime=crime, actor=sergeant, force_code=ForceFactory().code, reason="r"
        )
    client = client_for(sergeant)
    with django_assert_max_num_queries(9):
        assert client.get(path).status_code == 200


def test_home_shows_recording_queues(reference_data: None, make_user: Any) -> None:
    from recording.services import reclassification

    sergeant = make_user("sergeant")
    reclassification.reclassification_propose(
        crime=CrimeFactory(), actor=sergeant, offence_code="5D", reason="r"
    )
    page = client_for(sergeant).get("/").content.decode()
    assert "Reclassifications awaiting approval" in page


def test_allocation_page(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    investigator = make_user("investigator")
    sergeant = client_for(make_user("sergeant"))
    response = sergeant.post(
        f"/recording/crimes/{crime.pk}/status/",
        {"status": "allocated", "owner": investigator.pk, "reason": "Allocate"},
    )
    assert response.status_code == 302
    crime.refresh_from_db()
    assert crime.owner == investigator and crime.status == "allocated"
    history = client_for(make_user("sergeant")).get(f"/recording/crimes/{crime.pk}/").content.decode()
    assert "Allocate" in history  # the reason shows in the audit trail


def test_r_rape_record_new_rapes_are_listed_for_daily_review(reference_data: None, make_user: Any) -> None:
    from config.registry import queues_for

    rape = CrimeFactory(offence=Offence.objects.get(code="19C"))
    exposure = CrimeFactory(offence=Offence.objects.get(code="88E"))  # sexual but not serious
    sergeant = make_user("sergeant")
    queues = {q.key: q for q in queues_for(sergeant)}
    assert queues["recording-rape-daily-review"].count == 1
    assert "recording-rape-daily-review" not in {q.key for q in queues_for(make_user("recorder"))}
    # The count opens the list of exactly those crimes, not every crime.
    page = client_for(sergeant).get(queues["recording-rape-daily-review"].url).content.decode()
    assert rape.crime_number in page and exposure.crime_number not in page


def test_home_queue_counts_overdue_victim_updates_for_the_owner(reference_data: None, make_user: Any) -> None:
    from config.registry import queues_for

    investigator = make_user("investigator")
    CrimeFactory(
        owner=investigator, status="allocated", next_victim_update_due=timezone.now() - timedelta(days=1)
    )
    CrimeFactory(
        owner=investigator, status="allocated", next_victim_update_due=timezone.now() + timedelta(days=1)
    )
    queues = {q.key: q for q in queues_for(investigator)}
    assert queues["recording-victim-updates"].count == 1
    assert queues["recording-victim-updates"].label == "My victim updates overdue"


def test_casework_forms_in_the_browser(reference_data: None, make_user: Any) -> None:
    from recording.models import Appointment, Enquiry

    crime = CrimeFactory()
    investigator = make_user("investigator")
    client = client_for(investigator)
    base = f"/recording/crimes/{crime.pk}"
    local = timezone.localtime(timezone.now() - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")
    later = timezone.localtime(timezone.now() + timedelta(days=1))
    assert (
        client.post(f"{base}/victims/new/", {"kind": "person", "name": "Ann", "reason": "Found"}).status_code
        == 302
    )
    victim = crime.victims.get()
    assert (
        client.post(
            f"{base}/suspects/new/", {"name": "Bob", "identified": "on", "reason": "Named"}
        ).status_code
        == 302
    )
    screened_without_reason = client.post(
        f"{base}/assess/",
        {"solvability": "screened_in", "reason": "Screening", "grade": "priority", "version": "1"},
    )
    assert "Say why the crime was screened" in screened_without_reason.content.decode()
    assert (
        client.post(
            f"{base}/assess/",
            {
                "solvability": "screened_in",
                "solvability_factors": "CCTV, named suspect",
                "solvability_reason": "Named suspect",
                "reason": "Screening",
                "grade": "priority",
                "victim_view": "supports",
                "victim_view_evidence": "Phone call",
                "version": "1",
            },
        ).status_code
        == 302
    )
    crime.refresh_from_db()
    assert crime.solvability_factors == ["CCTV", "named suspect"] and crime.victim_view == "supports"
    assert (
        client.post(
            f"{base}/victim-updates/new/",
            {"victim": victim.pk, "contacted_at": local, "method": "phone", "summary": "Told"},
        ).status_code
        == 302
    )
    assert client.post(f"{base}/enquiries/new/", {"kind": "cctv", "details": "Shop"}).status_code == 302
    enquiry = Enquiry.objects.get()
    assert (
        client.post(
            f"/recording/enquiries/{enquiry.pk}/", {"status": "completed", "result": "Seized"}
        ).status_code
        == 302
    )
    slot = {
        "officer": investigator.pk,
        "victim": victim.pk,
        "starts_at": later.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (later + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
    }
    assert client.post(f"{base}/appointments/new/", slot).status_code == 302
    clash = client.post(f"{base}/appointments/new/", slot)
    assert "already booked" in clash.content.decode()
    assert Appointment.objects.count() == 1
    detail = client.get(f"{base}/").content.decode()
    assert "Seized" in detail and "Told" in detail and "Bob" in detail


def test_incoming_transfer_in_the_browser(reference_data: None, make_user: Any) -> None:
    from recording.models import CrimeTransfer

    ForceFactory(code="ZZ")
    sergeant = client_for(make_user("sergeant"))
    reported = timezone.localtime(timezone.now() - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    response = sergeant.post(
        "/recording/transfers/incoming/new/",
        {
            "force": "ZZ",
            "their_reference": "ZZ/1",
            "offence": "46",
            "reported_at": reported,
            "victim_name": "Cara",
        },
    )
    assert response.status_code == 302
    transfer = CrimeTransfer.objects.get()
    assert sergeant.post(f"/recording/transfers/{transfer.pk}/decide/", {"accept": "yes"}).status_code == 302
    assert Crime.objects.get().sending_force_reference == "ZZ/1"


# ----------------------------------------------------- decide pages show the crime (issue 20 part 8)
def test_the_cancellation_reclassification_and_transfer_decide_pages_show_and_link_the_crime(
    reference_data: None, make_user: Any
) -> None:
    from recording.services import cancellation, reclassification, transfers
    from recording.tests.factories import CrimeFactory, ForceFactory

    recorder, sergeant = make_user("recorder"), make_user("sergeant")
    crime, other = CrimeFactory(summary="Window smashed at the back door"), CrimeFactory()
    request = cancellation.cancellation_request(
        crime=crime,
        actor=recorder,
        criterion_code="C3",
        evidence="Same report",
        duplicate_of=other.crime_number,
    )
    change = reclassification.reclassification_propose(
        crime=other, actor=recorder, offence_code="105A", reason="No injury after all"
    )
    third = CrimeFactory()
    force = ForceFactory()
    transfer = transfers.transfer_out_request(crime=third, actor=recorder, force_code=force.code, reason="r")
    client = client_for(sergeant)
    for url, shown in (
        (f"/recording/cancellations/{request.pk}/decide/", crime),
        (f"/recording/reclassifications/{change.pk}/decide/", other),
        (f"/recording/transfers/{transfer.pk}/decide/", third),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.content.decode()
        assert f'href="/recording/crimes/{shown.pk}/"' in html and shown.offence.title in html, url


def test_the_incoming_transfer_decide_page_shows_the_crime_sent_and_links_it_once_accepted(
    reference_data: None, make_user: Any
) -> None:
    from recording.services import transfers
    from recording.tests.factories import ForceFactory

    sergeant = make_user("sergeant")
    force = ForceFactory(name="Kent Police")
    transfer = transfers.transfer_in_register(
        actor=make_user("recorder"),
        force_code=force.code,
        their_reference="KT/26/0042",
        offence_code="8N",
        reported_at=timezone.now() - timedelta(hours=3),
        summary="Punched outside the station",
    )
    html = client_for(sergeant).get(f"/recording/transfers/{transfer.pk}/decide/").content.decode()
    assert "Kent Police" in html and "KT/26/0042" in html
    assert transfer.offence.title in html and "Punched outside the station" in html
    transfers.transfer_decide(transfer=transfer, actor=sergeant, accept=True, their_reference="", note="")
    transfer.refresh_from_db()
    assert transfer.crime is not None
    decided = client_for(sergeant).get(f"/recording/transfers/{transfer.pk}/decide/").content.decode()
    assert f'href="/recording/crimes/{transfer.crime.pk}/"' in decided


def test_a_victim_update_starts_at_now(reference_data: None, make_user: Any) -> None:
    from recording.forms.victims import VictimUpdateForm
    from recording.tests.factories import CrimeFactory

    form = VictimUpdateForm(crime=CrimeFactory())
    started = form.fields["contacted_at"].initial
    assert abs(started - timezone.localtime()) < timedelta(minutes=1)


def test_the_force_directory_lists_every_force_and_a_transfer_takes_a_force_by_name(
    reference_data: None, make_user: Any
) -> None:
    import csv as csv_module
    from pathlib import Path

    from recording.forms.changes import TransferOutForm
    from recording.tests.factories import CrimeFactory

    listed = Path(__file__).resolve().parents[1] / "reference" / "forces.csv"
    with listed.open(newline="") as fh:
        names = {row["name"] for row in csv_module.DictReader(fh)}
    assert len(names) == 44 and set(Force.objects.values_list("name", flat=True)) >= names
    form = TransferOutForm({"force": "kent police", "reason": "It happened in Maidstone"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["force"] == "KENT"
    crime = CrimeFactory()
    client = client_for(make_user("sergeant"))
    page = client.get(f"/recording/crimes/{crime.pk}/transfer/").content.decode()
    assert 'list="force-options"' in page and '<option value="Kent Police">' in page
