"""A force where every home-page work queue of every role has something in it (issue 15 part 4), built
through the services wherever one exists. Used by tests/test_queues.py and the browser journey
tests/e2e/test_home_queues.py."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.test import override_settings
from django.utils import timezone

# The dip-test below samples crimes recorded on this day.
DIP_DAY = dt.date(2026, 3, 1)
DIP_NOON = dt.datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))
PASSWORD = "correct-horse-battery"
OLDER_CRIMES = 55  # more than the 50 the old to-allocate page showed


def seed_every_queue() -> dict[str, Any]:
    """Users of every role (usernames `q.<role>`, password PASSWORD) and the records that fill their
    queues. Returns the users by role and the crime that must lead the allocation queue."""
    from complaints.models import ComplaintCase
    from complaints.services import review_log
    from complaints.tests.factories import ComplaintCaseFactory
    from qa.models import UnrecordedFlag
    from qa.services import dip_test, flags, hidden_crimes, rape_review, sweep
    from qa.tests.factories import audit_answers, make_crime, make_incident
    from recording import rules
    from recording.models import Grade, Offence
    from recording.services import cancellation, decisions, reclassification, transfers
    from recording.tests.factories import CrimeFactory, ForceFactory, grant_skill
    from staffing.models import Skill, WorkArea
    from staffing.services import coverage_requirement_set
    from staffing.tests.factories import TeamFactory, UserFactory, on_shift_now

    now = timezone.now()
    team = TeamFactory(code="Q1", name="Queue team")
    users = {
        role: UserFactory(role=role, username=f"q.{role}", password=PASSWORD, team=team)
        for role in ("recorder", "investigator", "sergeant", "advisor", "manager", "admin")
    }
    sergeant, investigator, recorder = users["sergeant"], users["investigator"], users["recorder"]

    # ---- recording
    CrimeFactory.create_batch(OLDER_CRIMES, reported_at=now - dt.timedelta(days=3))
    tonight = CrimeFactory(
        reported_at=now - dt.timedelta(hours=2),
        domestic_abuse=True,
        vulnerable_victim=True,
        grade=Grade.PRIORITY,
        summary="Domestic abuse, vulnerable victim, tonight",
    )
    CrimeFactory(reported_at=now - dt.timedelta(hours=4), domestic_abuse=True, grade=Grade.IMMEDIATE)
    CrimeFactory(reported_at=now - dt.timedelta(hours=5), hate_crime=True, grade=Grade.IMMEDIATE)
    for owner in (investigator, recorder):
        CrimeFactory(
            owner=owner,
            status="allocated",
            reported_at=now - dt.timedelta(days=10),
            next_victim_update_due=now - dt.timedelta(days=1),
        )
    CrimeFactory(offence=Offence.objects.get(code="19C"), reported_at=now - dt.timedelta(hours=6))
    make_incident(opened_at=now - dt.timedelta(hours=20))  # its 24 hours end within 6 hours
    cancellation.cancellation_request(
        crime=CrimeFactory(), actor=recorder, criterion_code="C4", evidence="Duplicate record"
    )
    reclassification.reclassification_propose(
        crime=CrimeFactory(), actor=sergeant, offence_code="5D", reason="Injury more serious"
    )
    ForceFactory(code="YY")
    transfers.transfer_out_request(
        crime=CrimeFactory(), actor=sergeant, force_code="YY", reason="Happened in YY's area"
    )
    transfers.transfer_in_register(
        actor=sergeant,
        force_code="YY",
        their_reference="YY/26/5555",
        offence_code="46",
        reported_at=now - dt.timedelta(hours=5),
        summary="Theft from person in our area",
        victim_name="Cara",
    )

    # A friend reports a rape; the victim has not been spoken to (R-NCRS-THIRD-PARTY): it waits.
    decisions.decision_record(
        actor=recorder,
        report=rules.Report(
            reported_at=now - dt.timedelta(hours=3),
            force="XX",
            reporter="witness",
            victims=(rules.Victim(ref="V1", kind="person"),),
            alleged=(
                rules.Allegation(ref="A1", victim="V1", offence="19C", incident="I1", victim_contacted=False),
            ),
        ),
    )

    # ---- QA
    make_incident(opened_at=now - dt.timedelta(hours=60))
    sweep.sweep_unrecorded()
    escalated = UnrecordedFlag.objects.order_by("id").first()
    assert escalated is not None  # noqa: S101 - the incident above is flagged
    flags.flag_escalate(flag_id=escalated.pk, note="Was a crime disclosed?", actor=sergeant)
    with override_settings(RESOLVE_DIPTEST_CRIMES_PER_CATEGORY=5):
        owners: list[Any] = [investigator, investigator, None, None, None]
        for owner in owners:
            make_crime(offence="8N", recorded_at=DIP_NOON, owner=owner)
        test = dip_test.dip_test_draw(day=DIP_DAY)
    samples = list(test.samples.order_by("id"))
    owned = next(s for s in samples if s.owner_id == investigator.pk)
    unowned = next(s for s in samples if s.owner_id is None)
    for sample in (owned, unowned):
        dip_test.dip_sample_audit(
            sample_id=sample.pk,
            answers=audit_answers(sample, classification_right=False),
            notes="Wrong classification",
            actor=sergeant,
        )
    make_incident(nsir="CRIME-SEXUAL", opened_at=now - dt.timedelta(days=1), summary="Sexual assault")
    rape_review.rape_review_queue(day=timezone.localdate(now - dt.timedelta(days=1)))
    make_incident(  # a crime hidden in a domestic incident closed as non-crime: the nightly screen's flag
        nsir="PS-DOMESTIC",
        opened_at=now - dt.timedelta(hours=5),
        closed_at=now - dt.timedelta(hours=4),
        summary="Caller states her partner pushed her against the wall and punched her in the face.",
    )
    hidden_crimes.hidden_crime_screen()

    # ---- staffing
    grant_skill(investigator, Skill.UNRECORDED_FLAGS, expires_in=10)
    on_shift_now(sergeant)
    coverage_requirement_set(
        team=team, area=WorkArea.RAPE_REVIEW, skill=Skill.RAPE_REVIEW, minimum=2, actor=None
    )

    # ---- complaints: each complaints role has one of each
    for role in ("advisor", "manager", "admin"):
        user = users[role]
        ComplaintCaseFactory(actor=user, received_at=now - dt.timedelta(days=40))  # update overdue
        due = ComplaintCaseFactory(actor=user, received_at=now - dt.timedelta(days=25))  # due soon
        closed = ComplaintCaseFactory(actor=user, received_at=now - dt.timedelta(days=60))
        ComplaintCase.objects.filter(pk=closed.pk).update(
            status=ComplaintCase.Status.CLOSED,
            closed_at=now - dt.timedelta(days=2),
            review_deadline=timezone.localdate() + dt.timedelta(days=26),
        )
        assert due.next_update_due is not None
        # an upheld review whose recommendation this person follows through
        upheld = ComplaintCaseFactory(actor=user, received_at=now - dt.timedelta(days=90))
        ComplaintCase.objects.filter(pk=upheld.pk).update(
            status=ComplaintCase.Status.CLOSED,
            closed_at=now - dt.timedelta(days=20),
            outcome_on=timezone.localdate() - dt.timedelta(days=20),
            review_body="local_policing_body",
            review_deadline=timezone.localdate() + dt.timedelta(days=8),
        )
        review_log(
            case_id=upheld.pk,
            actor=user,
            received_on=timezone.localdate() - dt.timedelta(days=10),
            result_code="REVIEW-UPHELD",
            decided_on=timezone.localdate() - dt.timedelta(days=2),
            recommendations="Apologise in writing for the delay",
        )
    # ---- the managers' views of work nobody holds: a case with no handler, a case untouched 28 days
    from complaints.models import CaseAction

    nobody = ComplaintCaseFactory(actor=users["advisor"], received_at=now - dt.timedelta(days=3))
    ComplaintCase.objects.filter(pk=nobody.pk).update(assigned_to=None)
    untouched = ComplaintCaseFactory(actor=users["advisor"], received_at=now - dt.timedelta(days=45))
    CaseAction.objects.filter(case=untouched).update(at=now - dt.timedelta(days=44))
    # ---- letters (issue 22): an outcome letter waiting for a manager's approval
    from complaints import services as complaint_services
    from staffing.services import letters

    closed = ComplaintCaseFactory(actor=users["advisor"], received_at=now - dt.timedelta(days=5))
    complaint_services.complaint_triage_decide(case_id=closed.pk, actor=users["advisor"], accept=True)
    complaint_services.complaint_close(case_id=closed.pk, actor=users["advisor"], outcome_code="OS3-RESOLVED")
    letters.letter_templates_ship()
    outcome = letters.letter_draft(
        record_type="complaint_case", record_id=closed.pk, actor=users["advisor"], purpose="outcome"
    )
    letters.letter_submit(letter_id=outcome.pk, actor=users["advisor"])
    # ---- a complaint from the public form nobody has taken yet (every complaints role's triage queue)
    from complaints.services.public import PublicSubmission, public_complaint_submit

    public_complaint_submit(
        submission=PublicSubmission(kind="complaint", what_happened="Kept waiting.", name="A Person")
    )
    # ---- a repeat-subject alert nobody answered within its working day (managers and admins)
    from complaints.models import RosterPerson, SubjectAlert

    RosterPerson.objects.create(collar_number="8801", name="Kit Marsh", rank="PC", team_name="Response A")
    for days in (30, 10):
        ComplaintCaseFactory(
            actor=users["advisor"],
            received_at=now - dt.timedelta(days=days),
            subjects=[{"kind": "officer", "name": "PC Marsh", "collar_number": "8801"}],
            allegations=[{"category": "A1", "description": "Rude", "subjects": [0]}],
        )
    SubjectAlert.objects.update(response_due=timezone.localdate() - dt.timedelta(days=2))
    return {"users": users, "tonight": tonight}
