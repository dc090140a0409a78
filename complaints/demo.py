"""Demo complaint cases across routes and stages, built through the real services (deterministic)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from typing import Any, TextIO

from django.utils import timezone

from complaints import selectors, services
from complaints.models import AgentRelationship, Complainant, ComplaintCase, ComplaintCategory, SubjectAlert
from complaints.services.public import PublicSubmission
from complaints.services.roster import roster_import
from config.exceptions import DomainError
from staffing.models import User
from staffing.services import letters

PEOPLE = [
    "Aisha Khan",
    "Brian Hughes",
    "Carys Jones",
    "Daniel Okafor",
    "Emma Price",
    "Farid Shah",
    "Gwen Lloyd",
    "Harry Walsh",
    "Imogen Hart",
    "Jamal Reid",
    "Karen Bell",
    "Liam Doyle",
    "Maya Patel",
    "Noah Evans",
]
OFFICERS = [
    ("PC Sam Reid", "4521", "Response Team 2"),
    ("PC Jo Carter", "3310", "Response Team 1"),
    ("DC Alan Moss", "2875", "CID North"),
    ("PS Rita Vaughan", "1502", "Neighbourhood East"),
    ("PCSO Tom Hale", "7741", "Neighbourhood East"),
]
PLACES = ["Riverside", "Town centre", "Eastgate custody suite", "Northfield estate", "Station Road"]
STORIES = [
    "Reported a burglary and nobody called back for two weeks.",
    "Officer was rude and dismissive at the front counter.",
    "Car was seized and not returned when promised.",
    "Felt the officer used too much force during an arrest.",
    "Personal details were shared with a neighbour.",
    "Call handler did not send anyone to a domestic incident.",
]


def _advisors() -> list[User]:
    return list(User.objects.filter(role=User.Role.ADVISOR, is_active=True).order_by("username"))


def seed_complaints(rng: random.Random, out: TextIO) -> None:
    advisors = _advisors()
    categories = list(ComplaintCategory.objects.in_force(timezone.localdate()).values_list("code", flat=True))
    if not advisors or not categories:
        out.write("Complaints: skipped (no advisors or reference data; run load_reference first)\n")
        return
    manager = User.objects.filter(role=User.Role.MANAGER).first() or advisors[0]
    # Subjects are the demo force's own officers where it has them, named by staff id so the service
    # links each to its account (and the officer never sees the case about them).
    staff = [
        (u.get_full_name() or u.username, u.collar_number, u.team.name if u.team else "", u.username)
        for u in User.objects.filter(role__in=[User.Role.INVESTIGATOR, User.Role.SERGEANT])
        .exclude(collar_number="")
        .select_related("team")
        .order_by("username")[:20]
    ] or [(*officer, "") for officer in OFFICERS]
    _roster_demo(staff, manager)
    now = timezone.now()
    made = 0
    for n in range(60):
        advisor = advisors[n % len(advisors)]
        received = now - dt.timedelta(days=rng.randint(1, 180), hours=rng.randint(0, 20))
        officer = rng.choice(staff)
        compliment = n % 8 == 7
        person: dict[str, Any] = {
            "name": rng.choice(PEOPLE),
            "email": f"person{n}@example.org",
            "phone": f"07700 900{n:03d}",
            "address": f"{rng.randint(1, 90)} {rng.choice(PLACES)}\nDemotown",
            "preferred_contact": rng.choice(Complainant.ContactMethod.values),
            "adjustments": rng.sample(Complainant.Adjustment.values, k=rng.choice([0, 0, 0, 1, 2])),
        }
        serious = not compliment and rng.random() < 0.2
        flags: dict[str, Any] = {
            "could_justify_criminal_or_disciplinary": serious,
            "serious_assault": serious and rng.random() < 0.4,
        }
        wants = not compliment and rng.random() < 0.35
        subject = {
            "kind": "officer",
            "name": officer[0],
            "collar_number": officer[1],
            "team_name": officer[2],
            "staff_id": officer[3],
        }
        # Most advisors asked the triage facts at intake; the rest show the "ask first" prompt.
        if rng.random() < 0.85:
            person |= {
                "subject_of_conduct": True,
                "serving_officer_same_force": False,
                "affected_only_through_media": False,
            }
            flags |= {
                "conduct": True,
                "relevant_offence": False,
                "about_senior_officer": False,
                "injury_details": [],
            }
        case = services.complaint_create(
            actor=advisor,
            kind=ComplaintCase.Kind.COMPLIMENT
            if compliment
            else rng.choice(["complaint", "complaint", "dissatisfaction"]),
            received_at=received,
            channel=rng.choice(ComplaintCase.Channel.values),
            summary="Thanked the officer for their kindness." if compliment else rng.choice(STORIES),
            complainants=[person],
            allegations=[]
            if compliment
            else [{"category": rng.choice(categories), "description": "As described", **flags}],
            subjects=[subject],
            incident_date=timezone.localdate(received) - dt.timedelta(days=rng.randint(0, 20)),
            location=rng.choice(PLACES),
            complainant_wants_recording=wants,
            complainant_agrees_outside_schedule_3=not wants,
            assigned_to=advisor,
        )
        made += 1
        try:
            _progress(
                case, advisor=advisor, manager=manager, rng=rng, received=received, compliment=compliment
            )
        except DomainError as exc:  # a demo path the rules refuse is simply left at its stage
            out.write(f"  {case.reference}: left open ({exc.message})\n")
    out.write(f"Complaints: {made} cases\n")
    seed_public_form(out)
    _repeat_subject_demo(staff, advisors, out)


def _roster_demo(staff: list[tuple[str, str, str, str]], manager: User) -> None:
    """The force's roster of the officers the demo cases name (issue 23 part 3), imported through the one
    roster service as a manager's upload would be."""
    lines, seen = ["collar_number,name,rank,team"], set()
    for name, collar, team, _username in staff:
        if collar.upper() in seen:
            continue
        seen.add(collar.upper())
        words = name.split()
        rank = words[0] if len(words) > 2 and words[0].isupper() else ""
        lines.append(f"{collar},{' '.join(words[1:]) if rank else name},{rank},{team}")
    roster_import(actor=manager if manager.role == User.Role.MANAGER else None, text="\n".join(lines) + "\n")


def _repeat_subject_demo(staff: list[tuple[str, str, str, str]], advisors: list[User], out: TextIO) -> None:
    """Allegations tied to people on the roster (issue 23 part 3): one officer with two allegations in three
    months (a repeat-subject alert), another with a sexual-harassment allegation after an older one (an
    alert listing every earlier allegation). The other demo cases name their officer on the case only."""
    in_force = set(ComplaintCategory.objects.in_force(timezone.localdate()).values_list("code", flat=True))
    if len(staff) < 2 or not {"A1", "H1", "J2"} <= in_force:
        return
    now = timezone.now()
    story = [
        (staff[0], 40, "H1", "Officer was rude and dismissive at the front counter."),
        (staff[0], 9, "A1", "Reported a burglary and nobody called back for two weeks."),
        (staff[1], 300, "A1", "Car was seized and not returned when promised."),
        (staff[1], 3, "J2", "The officer made sexual comments while taking my statement."),
    ]
    for n, (officer, days_ago, category, summary) in enumerate(story):
        name, collar, team, username = officer
        services.complaint_create(
            actor=advisors[n % len(advisors)],
            kind=ComplaintCase.Kind.COMPLAINT,
            received_at=now - dt.timedelta(days=days_ago),
            channel=ComplaintCase.Channel.EMAIL,
            summary=summary,
            complainants=[{"name": PEOPLE[n], "email": f"repeat{n}@example.org"}],
            allegations=[{"category": category, "description": summary, "subjects": [0]}],
            subjects=[
                {
                    "kind": "officer",
                    "name": name,
                    "collar_number": collar,
                    "team_name": team,
                    "staff_id": username,
                }
            ],
            complainant_wants_recording=True,
        )
    out.write(f"Complaints: {SubjectAlert.objects.count()} repeat-subject alerts\n")


# Two submissions as the public form at /complain/ makes them (the same service), waiting in the
# advisors' "New from the public form: to triage" queue: an anonymous complaint (details masked until an
# advisor unmasks them, logged) and an agent's complaint waiting for the person's written authority.
PUBLIC_SUBMISSIONS = (
    PublicSubmission(
        kind=ComplaintCase.Kind.COMPLAINT,
        about="rude",
        what_happened=(
            "I asked an officer for directions outside the station and he swore at me and told me to "
            "go away. I do not want to give my name because I live nearby."
        ),
        location="Station Road",
        people_involved="Tall officer with a beard",
        collar_number="4521",
        anonymous=True,
        name="Morgan Ellis",
        email="morgan.ellis@example.org",
        phone="07700 900871",
        subject_of_conduct=True,
        affected_only_through_media=False,
    ),
    PublicSubmission(
        kind=ComplaintCase.Kind.COMPLAINT,
        about="no_action",
        what_happened=(
            "My father reported that his shed was broken into three weeks ago and nobody has been in "
            "touch with him since. I am writing for him because he is not online."
        ),
        location="Northfield estate",
        name="Priya Nair",
        email="priya.nair@example.org",
        phone="07700 900872",
        standing="agent",
        agent_relationship=AgentRelationship.OTHER,
        on_behalf_of="Raj Nair (her father)",
        affected_only_through_media=False,
    ),
)


def seed_public_form(out: TextIO) -> list[ComplaintCase]:
    """The public form's demo submissions, through services.public_complaint_submit (as /complain/)."""
    today = timezone.localdate()
    cases = [
        services.public_complaint_submit(
            submission=replace(sub, incident_date=today - dt.timedelta(days=n + 2))
        )
        for n, sub in enumerate(PUBLIC_SUBMISSIONS)
    ]
    out.write(
        f"Public form: {len(cases)} submissions to triage ({', '.join(c.reference for c in cases)}: "
        "one anonymous, one agent awaiting written authority)\n"
    )
    return cases


def _progress(
    case: ComplaintCase,
    *,
    advisor: User,
    manager: User,
    rng: random.Random,
    received: dt.datetime,
    compliment: bool,
) -> None:
    if compliment:
        if rng.random() < 0.5:
            services.compliment_forward(case_id=case.pk, actor=advisor, recipient=manager, note="Passed on")
        return
    stage = rng.randint(0, 5)
    if stage == 0:
        return
    acknowledgement = letters.letter_draft(
        record_type="complaint_case", record_id=case.pk, actor=advisor, purpose="acknowledgement"
    )
    letters.letter_issue(letter_id=acknowledgement.pk, actor=advisor)
    case = services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    contact_at = min(
        received + dt.timedelta(days=rng.randint(1, 6)), timezone.now() - dt.timedelta(minutes=5)
    )
    services.complaint_initial_contact(
        case_id=case.pk, actor=advisor, at=contact_at, method="phone", summary="Talked through what they want"
    )
    if stage == 1:
        return
    if case.route == "outside_schedule_3":
        services.complaint_service_recovery(
            case_id=case.pk, actor=advisor, complainant_agreed=True, reason="Explanation and apology"
        )
    elif case.route == "referred_to_iopc":
        services.complaint_refer_iopc(
            case_id=case.pk,
            actor=advisor,
            referred_on=timezone.localdate(contact_at),
            iopc_reference=f"IOPC/{case.pk:05d}",
        )
    else:
        day = timezone.localdate(contact_at)
        services.complaint_record(
            case_id=case.pk,
            actor=advisor,
            recorded_on=day,
            dse_handover_on=day,
            dse_reference=f"DSE/{case.pk:05d}",
        )
    if stage == 2:
        return
    update_at = contact_at + dt.timedelta(days=20)
    if update_at < timezone.now():
        services.contact_log(
            case_id=case.pk,
            actor=advisor,
            at=update_at,
            method="email",
            summary="Progress update",
            is_update=True,
        )
    if stage == 3:
        return
    if stage == 4 and rng.random() < 0.3:
        services.complaint_withdraw(
            case_id=case.pk, actor=advisor, reason="Complainant signed withdrawal notice"
        )
        return
    outcome_on = min(timezone.localdate(update_at) + dt.timedelta(days=10), timezone.localdate())
    options = list(
        selectors.outcomes_for_route(case.route).exclude(applies_to="any").exclude(code="INV-DISCONTINUED")
    )
    case = services.complaint_close(
        case_id=case.pk,
        actor=advisor,
        outcome_code=rng.choice(options).code,
        outcome_on=outcome_on,
        reason="Enquiries made and explained",
    )
    # The outcome letter waits for a manager's approval (the approvals queue has work on the demo).
    outcome_letter = letters.letter_draft(
        record_type="complaint_case", record_id=case.pk, actor=advisor, purpose="outcome"
    )
    letters.letter_submit(letter_id=outcome_letter.pk, actor=advisor)
    if case.review_deadline and rng.random() < 0.4:
        services.review_log(
            case_id=case.pk,
            actor=advisor,
            received_on=min(outcome_on + dt.timedelta(days=rng.randint(5, 35)), timezone.localdate()),
            result_code=rng.choice(["", "REVIEW-UPHELD", "REVIEW-NOT-UPHELD"]),
        )
