from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from config.exceptions import DomainError
from recording import lifecycle, rules, selectors
from recording.models import (
    Appointment,
    CancellationRequest,
    ClassificationChange,
    Crime,
    CrimeTransfer,
    ImportBatch,
    Incident,
)
from recording.selectors import offence_catalogue
from recording.services import (
    cancellation,
    casework,
    contact,
    crimes,
    decisions,
    incidents,
    outcomes,
    reclassification,
    transfers,
)
from recording.services.incidents import feed as incident_feed
from recording.tests.factories import (
    CrimeFactory,
    CrimeSuspectFactory,
    CrimeVictimFactory,
    ForceFactory,
    IncidentFactory,
    grant_skill,  # noqa: E402
)
from staffing.models import Skill  # noqa: E402

pytestmark = pytest.mark.django_db


def ddm(make_user: Any, role: str = "sergeant") -> Any:
    user = make_user(role)
    return grant_skill(user, Skill.DDM)


def offences() -> dict[str, rules.OffenceInfo]:
    return offence_catalogue()


# ---------------------------------------------------------------- incidents


@pytest.fixture(params=["copy-merge", "portable-orm"])
def upsert_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a feed test through both write paths: COPY + one merging statement (PostgreSQL) and the ORM
    (the SQLite demo), so they keep the same counts and crime links."""
    monkeypatch.setattr(incident_feed, "FORCE_PORTABLE", request.param == "portable-orm")
    return str(request.param)


def row(ref: str, **kw: Any) -> dict[str, Any]:
    return {"reference": ref, "opened_at": "2026-03-01T02:10:00Z", "nsir_code": "CRIME-THEFT", **kw}


def test_it_counts_created_and_updated_and_keeps_a_batch(
    upsert_path: str, reference_data: None, make_user: Any
) -> None:
    admin = make_user("admin")
    first = incidents.incidents_upsert(rows=enumerate([row("A"), row("B")]), actor=admin, source="api")
    assert (first.created, first.updated) == (2, 0)
    again = incidents.incidents_upsert(
        rows=enumerate([row("A", summary="changed"), row("C"), row("C", summary="last wins")]),
        actor=admin,
        source="api",
    )
    assert (again.created, again.updated) == (1, 2)
    assert Incident.objects.get(reference="A").summary == "changed"
    assert Incident.objects.get(reference="C").summary == "last wins"
    assert ImportBatch.objects.filter(created_by=admin).count() == 2


def test_a_resend_without_crime_number_keeps_the_crime_link(
    upsert_path: str, reference_data: None, make_user: Any
) -> None:
    incidents.incidents_upsert(rows=enumerate([row("A")]), actor=None, source="api")
    crime = crimes.crime_create(
        actor=make_user("recorder"),
        offence_code="46",
        reported_at=timezone.now() - timedelta(hours=2),
        incident_references=["A"],
    )
    assert Incident.objects.get(reference="A").crime_number == crime.crime_number
    incidents.incidents_upsert(rows=enumerate([row("A", crime_number=None)]), actor=None, source="api")
    assert Incident.objects.get(reference="A").crime_number == crime.crime_number


def test_a_reference_stored_by_another_feed_meanwhile_is_merged_not_lost(
    reference_data: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New rows go in by COPY; if another feed stored one of their references after the look-up, the
    COPY clashes on the unique reference, only it is undone (a savepoint) and the chunk is merged."""
    incidents.incidents_upsert(rows=enumerate([row("A")]), actor=None, source="api")
    monkeypatch.setattr(incident_feed, "_stored_references", lambda references: set())  # the race
    result = incidents.incidents_upsert(
        rows=enumerate([row("A", summary="resent"), row("B")]), actor=None, source="api"
    )
    assert (result.created, result.updated) == (1, 1)
    assert Incident.objects.get(reference="A").summary == "resent"
    assert Incident.objects.filter(reference="B", import_batch=result.batch).exists()


def test_it_rejects_closed_before_opened_and_stores_nothing(reference_data: None) -> None:
    with pytest.raises(incidents.IncidentFeedErrors) as err:
        incidents.incidents_upsert(
            rows=enumerate([row("A"), row("B", closed_at="2026-03-01T01:00:00Z")]),
            actor=None,
            source="api",
            collect_all_errors=True,
        )
    assert err.value.as_dict() == {
        "incidents": {"1": {"closed_at": ["The incident cannot close before it opened."]}}
    }
    assert not Incident.objects.exists()


# ---------------------------------------------------------------- crimes


def test_crime_numbers_follow_the_force_format_and_are_unique(reference_data: None, make_user: Any) -> None:
    recorder = make_user("recorder")
    a = crimes.crime_create(
        actor=recorder, offence_code="8N", reported_at=timezone.now() - timedelta(hours=1)
    )
    b = crimes.crime_create(
        actor=recorder, offence_code="8N", reported_at=timezone.now() - timedelta(hours=1)
    )
    yy = timezone.localtime().year % 100
    assert a.crime_number == f"XX/{yy:02d}/000001"
    assert b.crime_number == f"XX/{yy:02d}/000002"


def test_it_refuses_a_reused_crime_number(reference_data: None, make_user: Any) -> None:
    existing = CrimeFactory()
    with pytest.raises(DomainError) as err:
        crimes.crime_create(
            actor=make_user("recorder"),
            offence_code="8N",
            reported_at=timezone.now() - timedelta(hours=1),
            crime_number=existing.crime_number,
        )
    assert err.value.field == "crime_number"
    assert Crime.objects.count() == 1


def test_r_ncrs_24h_sets_record_by_and_the_breach_flag(reference_data: None, make_user: Any) -> None:
    reported = timezone.now() - timedelta(hours=30)
    late = crimes.crime_create(actor=make_user("recorder"), offence_code="8N", reported_at=reported)
    assert late.record_by == reported + timedelta(hours=24)
    assert late.ncrs_breach is True
    on_time = crimes.crime_create(
        actor=make_user("recorder"), offence_code="8N", reported_at=timezone.now() - timedelta(hours=2)
    )
    assert on_time.ncrs_breach is False


def test_it_refuses_recorded_before_reported_and_unknown_codes(reference_data: None, make_user: Any) -> None:
    now = timezone.now()
    with pytest.raises(DomainError) as err:
        crimes.crime_create(
            actor=make_user("recorder"),
            offence_code="8N",
            reported_at=now - timedelta(hours=1),
            recorded_at=now - timedelta(hours=2),
        )
    assert err.value.field == "recorded_at"
    with pytest.raises(DomainError) as err:
        crimes.crime_create(
            actor=make_user("recorder"), offence_code="ZZ9", reported_at=now - timedelta(hours=1)
        )
    assert err.value.field == "offence"
    with pytest.raises(DomainError) as err:
        crimes.crime_create(
            actor=make_user("recorder"),
            offence_code="8N",
            reported_at=now - timedelta(hours=1),
            incident_references=["NOPE"],
        )
    assert err.value.field == "incident_reference"
    assert not Crime.objects.exists()


def test_r_restricted_flag_comes_from_the_offence(reference_data: None, make_user: Any) -> None:
    crime = crimes.crime_create(
        actor=make_user("recorder"), offence_code="19C", reported_at=timezone.now() - timedelta(hours=1)
    )
    assert crime.restricted is True


def report(**kw: Any) -> rules.Report:
    base: dict[str, Any] = {
        "reported_at": timezone.now() - timedelta(hours=1),
        "force": "XX",
        "victims": (rules.Victim("V1", "person"), rules.Victim("V2", "person")),
        "alleged": (
            rules.Allegation("A1", "V1", "8N", "I1", offenders=("O1",)),
            rules.Allegation("A2", "V2", "105A", "I1", offenders=("O1",)),
        ),
    }
    base.update(kw)
    return rules.Report(**base)


def test_crime_create_from_decision_records_every_crime_and_links_the_incident(
    reference_data: None, make_user: Any
) -> None:
    IncidentFactory(reference="XX-1")
    rep = report()
    decision = rules.decide(rep, offences())
    made = decisions.crime_create_from_decision(
        actor=make_user("recorder"),
        report=rep,
        decision=decision,
        victims={"V1": crimes.VictimInput(ref="V1", name="Ann Smith", vulnerable=True)},
        offenders={"O1": crimes.SuspectInput(ref="O1", name="Bob Jones", identified=True)},
        incident_reference="XX-1",
    )
    assert len(made) == 2  # R-ONE-PER-VICTIM
    assert {c.victims.get().ref for c in made} == {"V1", "V2"}
    first = next(c for c in made if c.victims.get().ref == "V1")
    assert first.victims.get().name == "Ann Smith" and first.vulnerable_victim
    assert first.suspects.get().identified
    assert "R-ONE-PER-VICTIM" in first.decision_rules
    assert Incident.objects.get(reference="XX-1").crime_number == made[0].crime_number
    assert all(c.incidents.filter(reference="XX-1").exists() for c in made)
    assert ClassificationChange.objects.filter(status="initial").count() == 2


def test_a_victim_ref_not_in_the_report_stores_nothing(reference_data: None, make_user: Any) -> None:
    rep = report()
    decision = rules.decide(rep, offences())
    with pytest.raises(DomainError) as err:
        decisions.crime_create_from_decision(
            actor=make_user("recorder"),
            report=rep,
            decision=decision,
            victims={"V9": crimes.VictimInput(ref="V9")},
        )
    assert err.value.field == "victims"
    assert not Crime.objects.exists()


def test_r_location_records_then_opens_an_outgoing_transfer(reference_data: None, make_user: Any) -> None:
    ForceFactory(code="YY")
    rep = report(location_force="YY")
    decision = rules.decide(rep, offences())
    made = decisions.crime_create_from_decision(actor=make_user("recorder"), report=rep, decision=decision)
    assert all(c.transfers.get().force.code == "YY" for c in made)


def test_r_location_needs_the_force_in_the_directory(reference_data: None, make_user: Any) -> None:
    rep = report(location_force="QQ")
    with pytest.raises(DomainError) as err:
        decisions.crime_create_from_decision(
            actor=make_user("recorder"), report=rep, decision=rules.decide(rep, offences())
        )
    assert err.value.field == "location_force"
    assert not Crime.objects.exists()


# ---------------------------------------------------------------- lifecycle


def test_the_status_transition_table_is_enforced() -> None:
    assert lifecycle.can_transition("recorded", "allocated")
    assert not lifecycle.can_transition("cancelled", "recorded")
    assert not lifecycle.can_transition("finalised", "under_investigation")
    assert (
        lifecycle.transition_error("transferred", "recorded") == "A transferred crime cannot change status."
    )


def test_crime_set_status_refuses_an_illegal_move(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory(status=Crime.Status.CANCELLED)
    with pytest.raises(DomainError) as err:
        casework.crime_set_status(
            crime=crime, actor=make_user("sergeant"), status="under_investigation", reason="x"
        )
    assert err.value.field == "status"


# ---------------------------------------------------------------- R-RECLASSIFY


def test_r_reclassify_counts_under_the_new_class_from_approval(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    change = reclassification.reclassification_propose(
        crime=crime, actor=make_user("investigator"), offence_code="5D", reason="Injuries were GBH"
    )
    crime.refresh_from_db()
    assert crime.offence.code == "8N"  # still counted under the old class until approved
    with pytest.raises(DomainError):
        reclassification.reclassification_decide(change=change, actor=make_user("investigator"), approve=True)
    reclassification.reclassification_decide(
        change=change, actor=make_user("sergeant"), approve=True, note="Agreed"
    )
    crime.refresh_from_db()
    change.refresh_from_db()
    assert crime.offence.code == "5D" and crime.status == "recorded"  # reclassified, never cancelled
    assert change.status == "approved" and change.decided_at is not None
    assert crime.history.first().history_change_reason.startswith("Reclassified 8N -> 5D")


def test_a_rejected_reclassification_needs_a_reason_and_changes_nothing(
    reference_data: None, make_user: Any
) -> None:
    crime = CrimeFactory()
    change = reclassification.reclassification_propose(
        crime=crime, actor=make_user("investigator"), offence_code="5D", reason="x"
    )
    with pytest.raises(DomainError) as err:
        reclassification.reclassification_decide(change=change, actor=make_user("sergeant"), approve=False)
    assert err.value.field == "note"
    reclassification.reclassification_decide(
        change=change, actor=make_user("sergeant"), approve=False, note="Injury minor"
    )
    crime.refresh_from_db()
    assert crime.offence.code == "8N"


# ---------------------------------------------------------------- R-CANCEL-*


def test_r_cancel_avi_needs_the_avi_itself(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    with pytest.raises(DomainError) as err:
        cancellation.cancellation_request(
            crime=crime, actor=make_user("investigator"), criterion_code="C2", evidence="Victim withdrew"
        )
    assert err.value.field == "avi"
    with pytest.raises(DomainError) as err:
        cancellation.cancellation_request(
            crime=crime, actor=make_user("investigator"), criterion_code="C9", evidence="x"
        )
    assert err.value.field == "criterion"
    assert not CancellationRequest.objects.exists()


def test_r_cancel_ddm_only_a_ddm_approves(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    investigator = make_user("investigator")
    req = cancellation.cancellation_request(
        crime=crime,
        actor=investigator,
        criterion_code="C2",
        evidence="CCTV reviewed",
        avi="CCTV shows the phone was dropped",
    )
    with pytest.raises(DomainError) as err:
        cancellation.cancellation_decide(
            request=req, actor=make_user("sergeant"), approve=True, note="ok", victim_informed=True
        )
    assert err.value.field == "decided_by"
    crime.refresh_from_db()
    assert crime.status == "recorded"
    cancellation.cancellation_decide(
        request=req, actor=ddm(make_user), approve=True, note="AVI conclusive", victim_informed=True
    )
    crime.refresh_from_db()
    assert crime.status == "cancelled" and crime.cancelled_under.code == "C2"


def test_r_cancel_ddm_victim_must_be_told(reference_data: None, make_user: Any) -> None:
    req = cancellation.cancellation_request(
        crime=CrimeFactory(),
        actor=make_user("investigator"),
        criterion_code="C4",
        evidence="Entered twice by mistake",
    )
    with pytest.raises(DomainError) as err:
        cancellation.cancellation_decide(request=req, actor=ddm(make_user), approve=True, note="ok")
    assert err.value.field == "victim_informed"


def test_r_rape_record_needs_a_sergeant_or_above_ddm(reference_data: None, make_user: Any) -> None:
    from recording.models import Offence

    crime = CrimeFactory(offence=Offence.objects.get(code="19C"))
    req = cancellation.cancellation_request(
        crime=crime,
        actor=make_user("investigator"),
        criterion_code="C2",
        evidence="x",
        avi="Verified alibi: in custody",
    )
    with pytest.raises(DomainError, match="R-RAPE-RECORD"):
        cancellation.cancellation_decide(
            request=req, actor=ddm(make_user, "investigator"), approve=True, note="n", victim_informed=True
        )
    cancellation.cancellation_decide(
        request=req, actor=ddm(make_user, "sergeant"), approve=True, note="n", victim_informed=True
    )


def test_r_cancel_c3_needs_the_surviving_crime(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    with pytest.raises(DomainError) as err:
        cancellation.cancellation_request(
            crime=crime,
            actor=make_user("investigator"),
            criterion_code="C3",
            evidence="dup",
            duplicate_of="XX/26/999",
        )
    assert err.value.field == "duplicate_of"
    other = CrimeFactory()
    req = cancellation.cancellation_request(
        crime=crime,
        actor=make_user("investigator"),
        criterion_code="C3",
        evidence="dup",
        duplicate_of=other.crime_number,
    )
    cancellation.cancellation_decide(
        request=req, actor=make_user("sergeant"), approve=True, note="dup", victim_informed=True
    )


# ---------------------------------------------------------------- transfers (R-CANCEL-C1-TRANSFER)


def test_r_cancel_c1_outgoing_transfer_accepted_cancels_under_c1(
    reference_data: None, make_user: Any
) -> None:
    crime = CrimeFactory()
    force = ForceFactory(code="YY")
    transfer = transfers.transfer_out_request(
        crime=crime, actor=make_user("investigator"), force_code="YY", reason="Happened in YY"
    )
    with pytest.raises(DomainError) as err:
        transfers.transfer_decide(transfer=transfer, actor=make_user("sergeant"), accept=True)
    assert err.value.field == "their_reference"
    transfers.transfer_decide(
        transfer=transfer, actor=make_user("sergeant"), accept=True, their_reference="YY/123"
    )
    crime.refresh_from_db()
    transfer.refresh_from_db()
    assert crime.status == "transferred" and crime.cancelled_under.code == "C1"
    assert transfer.their_reference == "YY/123" and transfer.force == force
    assert crime.cancellations.get().criterion.code == "C1"


def test_an_incoming_transfer_creates_a_crime_with_the_senders_reference(
    reference_data: None, make_user: Any
) -> None:
    ForceFactory(code="ZZ")
    transfer = transfers.transfer_in_register(
        actor=make_user("sergeant"),
        force_code="ZZ",
        their_reference="ZZ/26/5555",
        offence_code="46",
        reported_at=timezone.now() - timedelta(hours=5),
        summary="Theft from person in our area",
        victim_name="Cara",
    )
    assert transfer.crime is None
    transfers.transfer_decide(transfer=transfer, actor=make_user("sergeant"), accept=True)
    transfer.refresh_from_db()
    assert transfer.crime is not None
    assert transfer.crime.sending_force_reference == "ZZ/26/5555"
    assert transfer.crime.offence.code == "46"


def test_force_directory_is_sergeant_maintained_and_audited(reference_data: None, make_user: Any) -> None:
    with pytest.raises(DomainError):
        transfers.force_save(actor=make_user("recorder"), code="AA", name="A Police")
    force = transfers.force_save(
        actor=make_user("sergeant"), code="aa", name="A Police", reason="New contact"
    )
    assert force.code == "AA"
    transfers.force_save(
        actor=make_user("sergeant"),
        force=force,
        code="AA",
        name="A Police",
        transfer_phone="0300",
        reason="Phone checked",
    )
    assert force.history.count() == 2
    assert force.history.first().history_change_reason == "Phone checked"


# ---------------------------------------------------------------- outcomes


def test_r_outcome_suspect_charge_needs_an_identified_suspect(reference_data: None, make_user: Any) -> None:
    owner = make_user("investigator")  # only the owner (or their sergeant, a manager) finalises
    crime = CrimeFactory(owner=owner)
    with pytest.raises(DomainError) as err:
        outcomes.crime_finalise(crime=crime, actor=owner, outcome_code="1", reason="Charged")
    assert err.value.field == "outcome"
    crime.refresh_from_db()
    assert crime.status == "recorded" and crime.outcome is None
    CrimeSuspectFactory(crime=crime, identified=True)
    outcomes.crime_finalise(crime=crime, actor=owner, outcome_code="1", reason="Charged")
    crime.refresh_from_db()
    assert crime.status == "finalised" and crime.outcome.code == "1"


def test_r_outcome_suspect_18_is_for_no_identified_suspect(reference_data: None, make_user: Any) -> None:
    owner = make_user("investigator")  # only the owner (or their sergeant, a manager) finalises
    crime = CrimeFactory(owner=owner)
    CrimeSuspectFactory(crime=crime, identified=True)
    with pytest.raises(DomainError, match="R-OUTCOME-SUSPECT"):
        outcomes.crime_finalise(crime=crime, actor=owner, outcome_code="18", reason="x")


def test_r_outcome_victim_view_needs_the_view_recorded(reference_data: None, make_user: Any) -> None:
    owner = make_user("investigator")  # only the owner (or their sergeant, a manager) finalises
    crime = CrimeFactory(owner=owner)
    CrimeSuspectFactory(crime=crime, identified=True)
    with pytest.raises(DomainError) as err:
        outcomes.crime_finalise(crime=crime, actor=owner, outcome_code="16", reason="x")
    assert err.value.field == "victim_view"
    casework.crime_update_assessment(
        crime=crime,
        actor=owner,
        reason="Victim called",
        victim_view=Crime.VictimView.DOES_NOT_SUPPORT,
        victim_view_evidence="Signed withdrawal statement 3 March",
    )
    outcomes.crime_finalise(crime=crime, actor=owner, outcome_code="16", reason="No support")


def test_r_outcome_not_cancel_a_finalised_crime_stays_counted(reference_data: None, make_user: Any) -> None:
    owner = make_user("investigator")  # only the owner (or their sergeant, a manager) finalises
    crime = CrimeFactory(owner=owner)
    outcomes.crime_finalise(crime=crime, actor=owner, outcome_code="18", reason="No leads")
    crime.refresh_from_db()
    assert crime.status == "finalised" and crime.cancelled_under is None


# ---------------------------------------------------------------- victim contact, enquiries, appointments


def test_victim_updates_set_the_next_due_28_days_on(reference_data: None, make_user: Any) -> None:
    recorder = make_user("recorder")
    crime = crimes.crime_create(
        actor=recorder,
        offence_code="8N",
        reported_at=timezone.now() - timedelta(hours=2),
        victims=[crimes.VictimInput(ref="V1", name="Ann")],
    )
    assert crime.next_victim_update_due == crime.recorded_at + timedelta(days=5)
    contacted = timezone.now() - timedelta(minutes=10)
    update = contact.victim_update_record(
        crime=crime, actor=recorder, contacted_at=contacted, method="phone", summary="Told of CCTV"
    )
    crime.refresh_from_db()
    assert update.next_due == contacted + timedelta(days=28) == crime.next_victim_update_due
    with pytest.raises(DomainError) as err:
        contact.victim_update_record(
            crime=crime, actor=recorder, contacted_at=contacted, method="pigeon", summary="x"
        )
    assert err.value.field == "method"


def test_enquiries_are_tasks_with_status(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    enquiry = contact.enquiry_create(
        crime=crime, actor=make_user("investigator"), kind="cctv", details="Shop camera"
    )
    with pytest.raises(DomainError) as err:
        contact.enquiry_update(enquiry=enquiry, actor=make_user("investigator"), status="completed")
    assert err.value.field == "result"
    contact.enquiry_update(
        enquiry=enquiry, actor=make_user("investigator"), status="completed", result="Footage seized"
    )
    enquiry.refresh_from_db()
    assert enquiry.status == "completed"


def test_appointments_cannot_double_book_an_officer(reference_data: None, make_user: Any) -> None:
    crime = CrimeFactory()
    victim = CrimeVictimFactory(crime=crime)
    officer = make_user("investigator")
    start = (timezone.now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    contact.appointment_book(
        crime=crime,
        actor=officer,
        officer=officer,
        victim=victim,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )
    with pytest.raises(DomainError) as err:
        contact.appointment_book(
            crime=crime,
            actor=officer,
            officer=officer,
            starts_at=start + timedelta(minutes=30),
            ends_at=start + timedelta(hours=2),
        )
    assert err.value.field == "starts_at"
    assert Appointment.objects.count() == 1


def test_the_database_refuses_two_live_bookings_at_one_time(reference_data: None, make_user: Any) -> None:
    from django.db import IntegrityError, transaction

    crime = CrimeFactory()
    officer = make_user("investigator")
    start = timezone.now() + timedelta(days=2)
    Appointment.objects.create(
        crime=crime, officer=officer, starts_at=start, ends_at=start + timedelta(hours=1)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(
            crime=crime, officer=officer, starts_at=start, ends_at=start + timedelta(hours=1)
        )


def test_outgoing_transfer_needs_a_known_force(reference_data: None, make_user: Any) -> None:
    with pytest.raises(DomainError) as err:
        transfers.transfer_out_request(
            crime=CrimeFactory(), actor=make_user("investigator"), force_code="NOPE", reason="x"
        )
    assert err.value.field == "force"
    assert not CrimeTransfer.objects.exists()


def test_r_restricted_permission_predicates(reference_data: None, make_user: Any) -> None:
    from recording.models import Offence

    crime = CrimeFactory(offence=Offence.objects.get(code="19C"))
    investigator = make_user("investigator")
    assert not investigator.has_perm("recording.view_crime_record", crime)
    assert make_user("sergeant").has_perm("recording.view_crime_record", crime)
    crime.owner = investigator
    assert investigator.has_perm("recording.view_crime_record", crime)
    assert not make_user("sergeant").has_perm("recording.decide_cancellation")
    assert ddm(make_user).has_perm("recording.decide_cancellation")


def test_a_feed_row_naming_a_crime_number_links_the_incident(upsert_path: str, reference_data: None) -> None:
    crime = CrimeFactory()
    incidents.incidents_upsert(
        rows=enumerate([row("A", crime_number=crime.crime_number), row("B")]), actor=None, source="api"
    )
    assert list(crime.incidents.values_list("reference", flat=True)) == ["A"]
    incidents.incidents_upsert(
        rows=enumerate([row("A", crime_number=crime.crime_number)]), actor=None, source="api"
    )
    assert crime.incidents.count() == 1


def test_a_feed_change_of_nsir_code_is_kept_in_the_incidents_history(
    upsert_path: str, reference_data: None, make_user: Any
) -> None:
    """The incident page shows the NSIR code over time: the feed's change writes a history row (and the
    incident as held before it, when it had no history yet); a resend with the same code writes none."""
    admin = make_user("admin")
    incidents.incidents_upsert(rows=enumerate([row("A"), row("B")]), actor=admin, source="api")
    incidents.incidents_upsert(
        rows=enumerate([row("A", nsir_code="CRIME-BURGLARY"), row("B", summary="more words")]),
        actor=admin,
        source="api",
    )
    a, b = Incident.objects.get(reference="A"), Incident.objects.get(reference="B")
    rows = list(a.history.order_by("history_date", "history_id"))
    assert [r.nsir_code.code for r in rows] == ["CRIME-THEFT", "CRIME-BURGLARY"]
    assert rows[1].history_change_reason.endswith("NSIR code CRIME-THEFT to CRIME-BURGLARY")
    assert not b.history.exists()
    codes = [row["nsir_code"].code for row in selectors.incident_history(incident=a) if row["code_changed"]]
    assert codes == ["CRIME-BURGLARY"]
