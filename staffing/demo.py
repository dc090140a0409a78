"""The demo force's people. Deterministic: the same seed gives the same force."""

from __future__ import annotations

import random
from typing import TextIO

from staffing.models import Team, User
from staffing.services import team_create, user_create_or_update

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
    for code, name in TEAMS:
        if not Team.objects.filter(code=code).exists():
            team_create(code=code, name=name)
    for username, role, team in FIXED_LOGINS:
        first, last = _person(rng)
        user_create_or_update(
            username=username,
            role=role,
            team_code=team,
            password=DEMO_PASSWORD,
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
        password=DEMO_PASSWORD,
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
                password=DEMO_PASSWORD,
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
                password=DEMO_PASSWORD,
                reason="Demo data",
                first_name=first,
                last_name=last,
            )
    for n in range(1, 4):
        first, last = _person(rng)
        user_create_or_update(
            username=f"advisor{n}",
            role=User.Role.ADVISOR,
            password=DEMO_PASSWORD,
            reason="Demo data",
            first_name=first,
            last_name=last,
        )
    out.write(f"Staffing: {Team.objects.count()} teams, {User.objects.count()} users\n")
