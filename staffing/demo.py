"""The demo force's people. Deterministic: the same seed gives the same force."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TextIO

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from staffing.models import Absence, PersonnelNote, ShiftKind, Skill, Team, User, WorkArea
from staffing.services import (
    absence_record,
    coverage_requirement_set,
    personnel_note_add,
    rota_generate,
    shift_assign,
    team_create,
    training_record_add,
    user_create_or_update,
)
from staffing.services.letters import letter_templates_ship, user_letter_details_update

DEMO_PASSWORD = "resolve-demo-2026"  # noqa: S105 - printed on purpose: it is the demo's login
SERGEANT_LOGIN = "demo.sergeant"

TEAMS = [("RC-A", "Resolution Centre A"), ("RC-B", "Resolution Centre B")]
FIRST = [
    "Amira",
    "Ben",
    "Chloe",
    "Dev",
    "Ellie",
    "Femi",
    "Grace",
    "Hamza",
    "Isla",
    "Jack",
    "Kiran",
    "Leah",
    "Mo",
    "Nia",
    "Owen",
    "Priya",
    "Ravi",
    "Sophie",
    "Tom",
    "Zara",
    "Aled",
    "Bethan",
    "Cerys",
    "Dylan",
]
LAST = [
    "Ahmed",
    "Brown",
    "Clarke",
    "Davies",
    "Evans",
    "Fox",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Nash",
    "Owens",
    "Patel",
    "Roberts",
    "Singh",
    "Taylor",
    "Walsh",
    "Wright",
    "Young",
]

FIXED_LOGINS = [
    ("demo.recorder", User.Role.RECORDER, "RC-A"),
    ("demo.investigator", User.Role.INVESTIGATOR, "RC-A"),
    (SERGEANT_LOGIN, User.Role.SERGEANT, "RC-A"),
    ("demo.advisor", User.Role.ADVISOR, None),
    ("demo.manager", User.Role.MANAGER, None),
    ("demo.admin", User.Role.ADMIN, None),
]


def demo_seeded() -> bool:
    return User.objects.filter(username=SERGEANT_LOGIN).exists()


def demo_logins() -> list[tuple[str, str]]:
    return [(username, str(role)) for username, role, _team in FIXED_LOGINS]


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST), rng.choice(LAST)


def seed_staffing(rng: random.Random, out: TextIO) -> None:
    # Every demo login shares one printed password: hashed once, not once a login (the default hasher
    # takes most of a second a hash, half a minute of `make demo` for thirty logins).
    password = make_password(DEMO_PASSWORD)
    for code, name in TEAMS:
        if not Team.objects.filter(code=code).exists():
            team_create(code=code, name=name)
    for username, role, team in FIXED_LOGINS:
        first, last = _person(rng)
        user_create_or_update(
            username=username,
            role=role,
            team_code=team,
            encoded_password=password,
            reason="Demo data",
            first_name=first,
            last_name=last,
            is_staff=role == User.Role.ADMIN,
            is_superuser=role == User.Role.ADMIN,
        )
    # Fill each team with investigators and recorders, and give team B its own sergeant.
    user_create_or_update(
        username="sgt.b",
        role=User.Role.SERGEANT,
        team_code="RC-B",
        encoded_password=password,
        reason="Demo data",
        first_name="Sam",
        last_name="Bell",
    )
    for code, _name in TEAMS:
        for n in range(1, 9):
            first, last = _person(rng)
            user_create_or_update(
                username=f"{code.lower()}.inv{n}",
                role=User.Role.INVESTIGATOR,
                team_code=code,
                encoded_password=password,
                reason="Demo data",
                first_name=first,
                last_name=last,
                collar_number=f"{rng.randint(1000, 9999)}",
            )
        for n in range(1, 3):
            first, last = _person(rng)
            user_create_or_update(
                username=f"{code.lower()}.rec{n}",
                role=User.Role.RECORDER,
                team_code=code,
                encoded_password=password,
                reason="Demo data",
                first_name=first,
                last_name=last,
            )
    for n in range(1, 4):
        first, last = _person(rng)
        user_create_or_update(
            username=f"advisor{n}",
            role=User.Role.ADVISOR,
            encoded_password=password,
            reason="Demo data",
            first_name=first,
            last_name=last,
        )
    seed_rota_and_skills(rng, out)
    letter_templates_ship()
    # Every letter names its handler with a direct contact (issue 22): 01632 is Ofcom's drama range.
    for person in User.objects.filter(direct_phone="").order_by("pk"):
        user_letter_details_update(
            user=person,
            actor=person,
            direct_phone=f"01632 {960000 + person.pk % 1000:06d}",  # not from rng: the seed stays as it was
            direct_email=f"{person.username}@resolve.invalid",
        )
    out.write(f"Staffing: {Team.objects.count()} teams, {User.objects.count()} users\n")


# Each area of the work, the skill it needs and the minimum per shift (rape review needs two).
COVERAGE = [
    (WorkArea.RECORDING_DECISIONS, Skill.RECORDING_DECISIONS, 1),
    (WorkArea.UNRECORDED_FLAGS, Skill.UNRECORDED_FLAGS, 1),
    (WorkArea.RAPE_REVIEW, Skill.RAPE_REVIEW, 2),
    (WorkArea.CRIME_TRANSFERS, Skill.CRIME_TRANSFERS, 1),
    (WorkArea.DIP_TEST_AUDITS, Skill.DIP_TEST_AUDITOR, 1),
    (WorkArea.AMENDMENTS, Skill.AMENDMENTS, 1),
    (WorkArea.COMPLAINTS, Skill.COMPLAINTS, 1),
]
KINDS = [ShiftKind.EARLY, ShiftKind.LATE, ShiftKind.NIGHT]


def seed_rota_and_skills(rng: random.Random, out: TextIO) -> None:
    """Training (some expiring within 30 days), a rota from yesterday for five days so someone is on
    now and next, a little leave and sickness, coverage minimums and a few personnel notes."""
    today = timezone.localdate()
    admin = User.objects.get(username="demo.admin")
    for team in Team.objects.order_by("code"):
        sergeant = team.sergeant
        actor = sergeant or admin
        members = list(team.members.filter(is_active=True).order_by("username"))
        workers = [m for m in members if m.role in (User.Role.INVESTIGATOR, User.Role.RECORDER)]
        for person in members:
            # Each role trained for the work its role may take (config.registry.WorkKind roles), so the
            # allocation screen has someone to suggest: sergeants audit dip-tests and confirm fixes (not
            # trained for investigations, so a crime's suggestion is an investigator), recorders record
            # and arrange transfers, investigators own crimes, flags and amendments.
            if person.role == User.Role.SERGEANT:
                skills = [
                    Skill.DDM,
                    Skill.THRIVE,
                    Skill.RAPE_REVIEW,
                    Skill.DIP_TEST_AUDITOR,
                    Skill.AMENDMENTS,
                ]
            elif person.role == User.Role.RECORDER:
                skills = [Skill.RECORDING_DECISIONS, Skill.CRIME_TRANSFERS]
            else:
                extra = [Skill.UNRECORDED_FLAGS, Skill.THRIVE, Skill.CRIME_TRANSFERS, Skill.RAPE_REVIEW]
                skills = [Skill.RECORDING_DECISIONS, Skill.AMENDMENTS, *rng.sample(extra, 2)]
                if members.index(person) % 2 == 0:
                    # About half of each team's investigators are trained to investigate rape and serious
                    # sexual offences, so those crimes have someone to go to and others are left out.
                    skills.append(Skill.SEXUAL_OFFENCES)
            for skill in dict.fromkeys(skills):
                trained_on = today - timedelta(days=rng.randint(60, 700))
                expires_on = trained_on + timedelta(days=730)
                if rng.random() < 0.12:
                    expires_on = today + timedelta(days=rng.randint(2, 28))  # refresher due soon
                training_record_add(
                    user=person,
                    skill=skill,
                    trained_on=trained_on,
                    expires_on=expires_on,
                    actor=admin if person == actor else actor,  # nobody records their own training
                    evidence=rng.choice(
                        ["College of Policing course", "Force training school", "Assessed by DDM"]
                    ),
                )
        shifts = rota_generate(team=team, start=today - timedelta(days=1), days=5, actor=actor)
        for index, shift in enumerate(shifts):
            day, kind = divmod(index, len(KINDS))
            for n, person in enumerate(workers):
                if (n + day) % len(KINDS) == kind:
                    shift_assign(shift=shift, user=person, actor=actor)
            # Team A's sergeant works days (early and late), team B's lates and nights, so a sergeant
            # is on at any hour to take a dip-test audit or confirm a fix.
            sergeant_kinds = (0, 1) if team.code == TEAMS[0][0] else (1, 2)
            if sergeant is not None and kind in sergeant_kinds:
                shift_assign(shift=shift, user=sergeant, actor=actor)
        for area, skill, minimum in COVERAGE:
            coverage_requirement_set(team=team, area=area, skill=skill, minimum=minimum, actor=actor)
        if len(workers) > 3:
            absence_record(
                user=workers[1],
                kind=Absence.Kind.LEAVE,
                starts_on=today,
                ends_on=today + timedelta(days=2),
                actor=actor,
            )
            absence_record(
                user=workers[3],
                kind=Absence.Kind.SICKNESS,
                starts_on=today + timedelta(days=1),
                ends_on=today + timedelta(days=1),
                actor=actor,
                note="Phoned in",
            )
        if sergeant is not None:
            for person in workers[:3]:
                personnel_note_add(
                    subject=person,
                    kind=PersonnelNote.Kind.APPRAISAL,
                    text=rng.choice(
                        [
                            "Consistently accurate crime recording decisions; ready to train as a DDM.",
                            "Good timeliness; needs support on transfers to other forces.",
                            "Thorough dip-test work; agreed objective to mentor a new starter.",
                        ]
                    ),
                    actor=sergeant,
                )
            personnel_note_add(
                subject=workers[0],
                kind=PersonnelNote.Kind.WELFARE,
                text=(
                    "Asked for a welfare check-in after a distressing rape review; "
                    "referred to occupational health."
                ),
                actor=sergeant,
            )
    out.write("Staffing: training, rota (yesterday to +3 days), coverage minimums and personnel notes\n")
