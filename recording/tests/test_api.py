from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from recording.models import Crime, Incident
from recording.tests.factories import (
    CrimeFactory,
    CrimeSuspectFactory,
    CrimeVictimFactory,
    ForceFactory,
    grant_skill,  # noqa: E402
)
from staffing.models import (
    AccessLog,
    Skill,  # noqa: E402
)

pytestmark = pytest.mark.django_db

BULK = "/api/v1/incidents/bulk/"
CRIMES = "/api/v1/recording/crimes/"


def incident(ref: str, **kw: Any) -> dict[str, Any]:
    return {
        "reference": ref,
        "opened_at": "2026-03-01T02:10:00Z",
        "nsir_code": "CRIME-BURGLARY",
        "summary": "Caller reports shed broken into",
        "location": "Farm Lane",
        "grade": "priority",
        "crime_number": None,
        "closed_at": None,
        **kw,
    }


# ---------------------------------------------------------------- incident feed (contract)


def test_the_feed_creates_then_updates_by_reference(reference_data: None, api_as: Any) -> None:
    client = api_as("admin")
    first = client.post(
        BULK, {"incidents": [incident("XX-1"), incident("XX-2", nsir_code="ASB-NOISE")]}, format="json"
    )
    assert first.status_code == 200
    assert first.json()["created"] == 2 and first.json()["updated"] == 0
    again = client.post(
        BULK,
        {"incidents": [incident("XX-1", summary="now closed", closed_at="2026-03-01T05:00:00Z")]},
        format="json",
    )
    assert (again.json()["created"], again.json()["updated"]) == (0, 1)
    one = Incident.objects.get(reference="XX-1")
    assert one.summary == "now closed" and one.crime_related
    assert Incident.objects.get(reference="XX-2").crime_related is False


def test_a_bad_incident_is_named_by_index_and_field_and_nothing_is_stored(
    reference_data: None, api_as: Any
) -> None:
    client = api_as("admin")
    bad = [incident("XX-1"), incident("XX-2"), incident("XX-3"), incident("XX-4", nsir_code="X")]
    response = client.post(BULK, {"incidents": bad}, format="json")
    assert response.status_code == 400
    assert response.json() == {"incidents": {"3": {"nsir_code": ["Unknown NSIR code 'X'."]}}}
    assert not Incident.objects.exists()


def test_the_feed_refuses_more_than_5000_and_non_admins(
    reference_data: None, api_as: Any, api_client: Any
) -> None:
    too_many = {"incidents": [incident(f"R{n}") for n in range(5001)]}
    response = api_as("admin").post(BULK, too_many, format="json")
    assert response.status_code == 400 and "incidents" in response.json()
    assert api_as("sergeant").post(BULK, {"incidents": []}, format="json").status_code == 403
    assert api_client.post(BULK, {"incidents": []}, format="json").status_code == 401


def test_the_feed_refuses_closed_before_opened(reference_data: None, api_as: Any) -> None:
    response = api_as("admin").post(
        BULK, {"incidents": [incident("XX-1", closed_at="2026-03-01T01:00:00Z")]}, format="json"
    )
    assert response.status_code == 400
    assert "closed_at" in response.json()["incidents"]["0"]


# ---------------------------------------------------------------- crimes


def test_crimes_list_hides_restricted_crimes_from_recorders(
    reference_data: None, api_as: Any, django_assert_max_num_queries: Any
) -> None:
    from recording.models import Offence

    CrimeFactory.create_batch(3)
    CrimeFactory(offence=Offence.objects.get(code="19C"))
    recorder = api_as("recorder")
    with django_assert_max_num_queries(5):
        response = recorder.get(CRIMES)
    assert response.status_code == 200 and response.json()["count"] == 3
    sergeant = api_as("sergeant")
    with django_assert_max_num_queries(5):
        assert sergeant.get(CRIMES).json()["count"] == 4


def test_crimes_list_query_count_does_not_grow_with_rows(
    reference_data: None, api_as: Any, django_assert_num_queries: Any
) -> None:
    client = api_as("sergeant")
    CrimeFactory.create_batch(2)
    client.get(CRIMES)
    CrimeFactory.create_batch(10)
    with django_assert_num_queries(3):  # token+user, count, one page with its related rows: no N+1
        assert client.get(CRIMES).json()["count"] == 12


def test_a_restricted_crime_is_404_to_others_and_its_views_are_logged(
    reference_data: None, api_as: Any
) -> None:
    from recording.models import Offence

    crime = CrimeFactory(offence=Offence.objects.get(code="19C"))
    assert api_as("recorder").get(f"{CRIMES}{crime.pk}/").status_code == 404
    assert api_as("investigator").get(f"{CRIMES}{crime.pk}/").status_code == 404
    sergeant = api_as("sergeant")
    assert sergeant.get(f"{CRIMES}{crime.pk}/").status_code == 200
    log = AccessLog.objects.get(action="view")
    assert log.user == sergeant.user and log.record_id == str(crime.pk)
    assert AccessLog.objects.filter(action="refused", record_id=str(crime.pk)).count() == 2
    owner = api_as("investigator")
    crime.owner = owner.user
    crime.save()
    assert owner.get(f"{CRIMES}{crime.pk}/").status_code == 200


def test_create_a_crime_through_the_api(reference_data: None, api_as: Any) -> None:
    reported = (timezone.now() - timedelta(hours=2)).isoformat()
    body = {
        "offence": "8N",
        "reported_at": reported,
        "victims": [{"ref": "V1", "kind": "person", "name": "Ann Smith", "vulnerable": True}],
        "suspects": [{"ref": "O1", "name": "Bob", "identified": True}],
        "summary": "Punched",
        "grade": "priority",
    }
    response = api_as("recorder").post(CRIMES, body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["offence"] == "8N" and data["ncrs_breach"] is False
    assert data["victims"][0]["name"] == "Ann Smith" and data["vulnerable_victim"] is True


@pytest.mark.parametrize("field", ["victims", "suspects"])
def test_a_crime_with_over_a_hundred_victims_or_suspects_is_refused(
    reference_data: None, api_as: Any, field: str
) -> None:
    body = {
        "offence": "8N",
        "reported_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        field: [{"ref": f"R{i}"} for i in range(101)],
    }
    response = api_as("recorder").post(CRIMES, body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not Crime.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"offence": "ZZ"}, "offence"),
        ({"victims": [{"kind": "alien"}]}, "victims"),
        ({"recorded_at": "2020-01-01T00:00:00Z"}, "recorded_at"),
        ({"incident_references": ["NOPE"]}, "incident_reference"),
    ],
)
def test_bad_crime_input_names_the_field_and_stores_nothing(
    reference_data: None, api_as: Any, change: dict[str, Any], field: str
) -> None:
    body = {"offence": "8N", "reported_at": (timezone.now() - timedelta(hours=2)).isoformat(), **change}
    response = api_as("recorder").post(CRIMES, body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Crime.objects.exists()


# ---------------------------------------------------------------- casework endpoints


def test_reclassify_then_sergeant_approves(reference_data: None, api_as: Any) -> None:
    crime = CrimeFactory()
    response = api_as("investigator").post(
        f"{CRIMES}{crime.pk}/reclassifications/", {"offence": "5D", "reason": "GBH"}, format="json"
    )
    assert response.status_code == 201
    pk = response.json()["id"]
    listed = api_as("sergeant").get("/api/v1/recording/reclassifications/?status=proposed").json()
    assert [r["id"] for r in listed["results"]] == [pk]
    assert (
        api_as("investigator")
        .post(f"/api/v1/recording/reclassifications/{pk}/decision/", {"approve": True}, format="json")
        .status_code
        == 403
    )
    decided = api_as("sergeant").post(
        f"/api/v1/recording/reclassifications/{pk}/decision/", {"approve": True, "note": "ok"}, format="json"
    )
    assert decided.status_code == 200 and decided.json()["status"] == "approved"
    crime.refresh_from_db()
    assert crime.offence.code == "5D"


def test_cancellation_needs_avi_and_a_ddm(reference_data: None, api_as: Any) -> None:
    crime = CrimeFactory()
    url = f"{CRIMES}{crime.pk}/cancellations/"
    no_avi = api_as("investigator").post(
        url, {"criterion": "C2", "evidence": "victim withdrew"}, format="json"
    )
    assert no_avi.status_code == 400 and "avi" in no_avi.json()
    created = api_as("investigator").post(
        url, {"criterion": "C2", "evidence": "CCTV", "avi": "CCTV shows no contact"}, format="json"
    )
    pk = created.json()["id"]
    decision = f"/api/v1/recording/cancellations/{pk}/decision/"
    body = {"approve": True, "note": "AVI", "victim_informed": True}
    refused = api_as("sergeant").post(decision, body, format="json")
    assert refused.status_code == 400 and "decided_by" in refused.json()
    ddm = api_as("sergeant")
    grant_skill(ddm.user, Skill.DDM)
    assert ddm.post(decision, body, format="json").status_code == 200
    crime.refresh_from_db()
    assert crime.status == "cancelled"


def test_outcome_preconditions_give_400_naming_the_field(reference_data: None, api_as: Any) -> None:
    owner = api_as("investigator")  # the owner finalises (issue 17)
    crime = CrimeFactory(owner=owner.user)
    url = f"{CRIMES}{crime.pk}/outcome/"
    response = owner.post(url, {"outcome": "1", "reason": "charged"}, format="json")
    assert response.status_code == 400 and "outcome" in response.json()
    crime.refresh_from_db()
    assert crime.status == "recorded"
    CrimeSuspectFactory(crime=crime)
    response = owner.post(url, {"outcome": "8", "reason": "CR"}, format="json")
    assert response.status_code == 400 and "victim_view" in response.json()
    assert owner.post(url, {"outcome": "1", "reason": "charged"}, format="json").status_code == 200


def test_transfers_out_and_in(reference_data: None, api_as: Any) -> None:
    ForceFactory(code="YY")
    crime = CrimeFactory()
    out = api_as("investigator").post(
        f"{CRIMES}{crime.pk}/transfers/", {"force": "YY", "reason": "their area"}, format="json"
    )
    assert out.status_code == 201
    sergeant = api_as("sergeant")
    accepted = sergeant.post(
        f"/api/v1/recording/transfers/{out.json()['id']}/decision/",
        {"accept": True, "their_reference": "YY/1"},
        format="json",
    )
    assert accepted.status_code == 200
    crime.refresh_from_db()
    assert crime.status == "transferred" and crime.cancelled_under.code == "C1"
    incoming = sergeant.post(
        "/api/v1/recording/transfers/incoming/",
        {
            "force": "YY",
            "their_reference": "YY/77",
            "offence": "46",
            "reported_at": (timezone.now() - timedelta(hours=3)).isoformat(),
        },
        format="json",
    )
    assert incoming.status_code == 201
    sergeant.post(
        f"/api/v1/recording/transfers/{incoming.json()['id']}/decision/", {"accept": True}, format="json"
    )
    assert Crime.objects.get(sending_force_reference="YY/77").offence.code == "46"


def test_victim_updates_enquiries_and_appointments(reference_data: None, api_as: Any, make_user: Any) -> None:
    crime = CrimeFactory()
    victim = CrimeVictimFactory(crime=crime)
    client = api_as("investigator")
    update = client.post(
        f"{CRIMES}{crime.pk}/victim-updates/",
        {
            "victim": victim.pk,
            "contacted_at": timezone.now().isoformat(),
            "method": "phone",
            "summary": "Update",
        },
        format="json",
    )
    assert update.status_code == 201
    enquiry = client.post(
        f"{CRIMES}{crime.pk}/enquiries/", {"kind": "cctv", "details": "Shop"}, format="json"
    )
    assert enquiry.status_code == 201
    patched = client.patch(
        f"/api/v1/recording/enquiries/{enquiry.json()['id']}/",
        {"status": "completed", "result": "Seized"},
        format="json",
    )
    assert patched.status_code == 200 and patched.json()["status"] == "completed"
    officer = make_user("investigator")
    start = timezone.now() + timedelta(days=1)
    body = {
        "officer": officer.username,
        "victim": victim.pk,
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=1)).isoformat(),
    }
    assert client.post(f"{CRIMES}{crime.pk}/appointments/", body, format="json").status_code == 201
    clash = client.post(f"{CRIMES}{crime.pk}/appointments/", body, format="json")
    assert clash.status_code == 400 and "starts_at" in clash.json()
    assert client.get(f"/api/v1/recording/appointments/?officer={officer.username}").json()["count"] == 1


def test_force_directory_api(reference_data: None, api_as: Any) -> None:
    body = {"code": "AB", "name": "Abshire Police", "transfer_email": "t@ab.police.example"}
    assert api_as("recorder").post("/api/v1/recording/forces/", body, format="json").status_code == 403
    created = api_as("sergeant").post("/api/v1/recording/forces/", body, format="json")
    assert created.status_code == 201
    pk = created.json()["id"]
    patched = api_as("sergeant").patch(
        f"/api/v1/recording/forces/{pk}/", {"transfer_phone": "0300 1"}, format="json"
    )
    assert patched.status_code == 200 and patched.json()["transfer_phone"] == "0300 1"
    # The 44 forces of England and Wales (reference data) and the one added.
    assert api_as("recorder").get("/api/v1/recording/forces/").json()["count"] == 45


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/recording/reclassifications/",
        "/api/v1/recording/cancellations/",
        "/api/v1/recording/transfers/",
        "/api/v1/recording/appointments/",
        "/api/v1/recording/forces/",
    ],
)
def test_casework_lists_have_bounded_query_counts(
    reference_data: None, api_as: Any, url: str, django_assert_max_num_queries: Any
) -> None:
    client = api_as("sergeant")
    for _ in range(3):
        crime = CrimeFactory()
        from recording.services import cancellation, reclassification, transfers

        reclassification.reclassification_propose(
            crime=crime, actor=client.user, offence_code="5D", reason="r"
        )
        cancellation.cancellation_request(crime=crime, actor=client.user, criterion_code="C4", evidence="e")
        force = ForceFactory()
        transfers.transfer_out_request(crime=crime, actor=client.user, force_code=force.code, reason="r")
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200


def test_from_decision_records_every_crime_in_one_step(reference_data: None, api_as: Any) -> None:
    from recording.tests.factories import IncidentFactory

    IncidentFactory(reference="XX-20260301-0042", opened_at=timezone.now() - timedelta(hours=2))
    body = {
        "reported_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        "force": "XX",
        "victims": [{"ref": "V1", "kind": "person"}, {"ref": "V2", "kind": "person"}],
        "alleged": [
            {"ref": "A1", "victim": "V1", "offence": "8N", "incident": "I1", "offenders": ["O1"]},
            {"ref": "A2", "victim": "V2", "offence": "105A", "incident": "I1", "offenders": ["O1"]},
        ],
        "incident_reference": "XX-20260301-0042",
        "victim_details": [{"ref": "V1", "name": "Ann Smith"}],
        "offender_details": [{"ref": "O1", "name": "Carl", "identified": True}],
    }
    response = api_as("recorder").post(f"{CRIMES}from-decision/", body, format="json")
    assert response.status_code == 201, response.json()
    assert len(response.json()["crimes"]) == 2
    assert "R-ONE-PER-VICTIM" in response.json()["decision"]["rules"]
    assert Crime.objects.filter(incidents__reference="XX-20260301-0042").count() == 2
    bad = {**body, "incident_reference": "", "victim_details": [{"ref": "V9", "name": "Nobody"}]}
    response = api_as("recorder").post(f"{CRIMES}from-decision/", bad, format="json")
    assert response.status_code == 400 and "victims" in response.json()
    assert Crime.objects.count() == 2


def test_status_and_allocation_through_the_api(reference_data: None, api_as: Any, make_user: Any) -> None:
    crime = CrimeFactory()
    investigator = make_user("investigator")
    url = f"{CRIMES}{crime.pk}/status/"
    refused = api_as("recorder").post(url, {"owner": investigator.username, "reason": "r"}, format="json")
    assert refused.status_code == 400 and "owner" in refused.json()
    ok = api_as("sergeant").post(url, {"owner": investigator.username, "reason": "Allocate"}, format="json")
    assert (
        ok.status_code == 200
        and ok.json()["status"] == "allocated"
        and ok.json()["owner"] == investigator.username
    )
    moved = api_as("sergeant").post(
        url, {"status": "under_investigation", "reason": "Started"}, format="json"
    )
    assert moved.json()["status"] == "under_investigation"
    illegal = api_as("sergeant").post(url, {"status": "recorded", "reason": "back"}, format="json")
    assert illegal.status_code == 400 and "status" in illegal.json()


def test_victim_update_list_has_a_bounded_query_count(
    reference_data: None, api_as: Any, django_assert_max_num_queries: Any
) -> None:
    from recording.services import contact

    crime = CrimeFactory()
    client = api_as("investigator")
    for n in range(5):
        contact.victim_update_record(
            crime=crime,
            actor=client.user,
            contacted_at=timezone.now() - timedelta(minutes=n + 1),
            method="phone",
            summary=f"Update {n}",
        )
    with django_assert_max_num_queries(14):  # token, the crime with its prefetched parts; not one per update
        response = client.get(f"{CRIMES}{crime.pk}/victim-updates/")
    assert len(response.json()) == 5
