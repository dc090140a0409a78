"""Realistic data for a large force, written straight into the tables with COPY.

Distributions (one pass over time-ordered incidents, seeded so every run builds the same data):
- incidents spread evenly over the last 365 days; NSIR codes weighted like a real force's log (about 30 %
  crime-related; public safety the largest share; theft and violence the commonest crime types);
- about 90 % of crime-related incidents carry a crime number (the rest are what the sweep must find),
  plus a few hidden-crime-risk incidents that did turn out to be crimes; several incidents can share one
  crime (repeat calls), so the number of crimes hits its target;
- most incidents are closed within minutes to days; the last few hours are mostly still open;
- crimes: reported at their first incident, recorded within 24 hours nine times in ten (the rest are NCRS
  breaches), a realistic spread of statuses, owners and outcomes;
- complaints: spread over two years, a quarter still open, each with a complainant, a subject and one or
  two allegations, shared out among the advisors.
Only codes from the reference tables (loaded by `load_reference`) are used."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from bench.copyload import copy_lines, copy_rows, reset_sequence, row_formatter
from complaints.models import Allegation, Complainant, ComplaintCase, ComplaintCategory, Subject
from recording.models import (
    CancellationCriterion,
    Crime,
    Grade,
    HomeOfficeOutcome,
    Incident,
    NsirCode,
    Offence,
)
from staffing.models import Team, User

logger = logging.getLogger(__name__)

BENCH_PASSWORD = "bench-password-not-secret"  # noqa: S105 - a throwaway database on loopback
DAYS = 365
SEED = 20260301

# Share of the log per NSIR incident category (a large force's command-and-control mix).
CATEGORY_SHARE = {
    "Crime": 0.30,
    "Public safety": 0.40,
    "Anti-social behaviour": 0.15,
    "Transport": 0.10,
    "Administration": 0.05,
}
# Relative weight of individual codes inside their category; codes not listed weigh 1.
CODE_WEIGHT = {
    "CRIME-THEFT": 25,
    "CRIME-VIOLENCE": 25,
    "CRIME-DOMESTIC": 10,
    "CRIME-DAMAGE": 10,
    "CRIME-BURGLARY": 8,
    "CRIME-VEHICLE": 7,
    "CRIME-PUBLIC-ORDER": 6,
    "CRIME-DRUGS": 4,
    "CRIME-FRAUD": 3,
    "CRIME": 3,
    "CRIME-SEXUAL": 2,
    "CRIME-ROBBERY": 1,
    "CRIME-WEAPONS": 1,
    "PS-CONCERN": 8,
    "PS-SUSPICIOUS": 6,
    "PS-ALARM": 5,
    "PS-MENTAL-HEALTH": 4,
    "PS-DOMESTIC": 4,
    "PS-MISSING": 3,
    "ASB-ROWDY": 5,
    "ASB-NEIGHBOURS": 4,
    "TR-RTC-DAMAGE": 5,
    "TR-ROAD-RELATED": 4,
}
OFFENCE_CATEGORY_WEIGHT = {
    "Theft offences": 8,
    "Violence against the person": 8,
    "Criminal damage and arson": 3,
}
STREETS = [
    "High Street",
    "Station Road",
    "Church Lane",
    "Mill Road",
    "Park Avenue",
    "London Road",
    "Queen Street",
]
TOWNS = ["Northam", "Easton", "Weston", "Southby", "Midtown", "Riverside"]


@dataclass
class People:
    admin: User
    manager: User
    sergeants: list[User] = field(default_factory=list)
    investigators: list[User] = field(default_factory=list)
    recorders: list[User] = field(default_factory=list)
    advisors: list[User] = field(default_factory=list)


@dataclass
class Built:
    incidents: int
    crimes: int
    complaints: int
    now: dt.datetime
    people: People
    sessions: dict[str, list[str]]  # role -> session keys of logged-in users


def _weighted(codes: list[Any], weights: list[float], rng: random.Random, k: int) -> list[Any]:
    return rng.choices(codes, weights=weights, k=k)


def build_people(*, teams: int = 20) -> People:
    password = make_password(BENCH_PASSWORD)
    admin = User.objects.create(
        username="bench_admin", role=User.Role.ADMIN, password=password, is_staff=True
    )
    manager = User.objects.create(username="bench_manager", role=User.Role.MANAGER, password=password)
    people = People(admin=admin, manager=manager)
    people.sergeants = User.objects.bulk_create(
        [User(username=f"bench_sgt{n:02d}", role=User.Role.SERGEANT, password=password) for n in range(teams)]
    )
    team_rows = Team.objects.bulk_create(
        [
            Team(code=f"bench-{n:02d}", name=f"Bench team {n}", sergeant=s)
            for n, s in enumerate(people.sergeants)
        ]
    )
    for sergeant, team in zip(people.sergeants, team_rows, strict=True):
        sergeant.team = team
    User.objects.bulk_update(people.sergeants, ["team"])
    people.investigators = User.objects.bulk_create(
        [
            User(
                username=f"bench_inv{n:03d}",
                role=User.Role.INVESTIGATOR,
                password=password,
                team=team_rows[n % teams],
            )
            for n in range(teams * Team.DEFAULT_CAPACITY)
        ]
    )
    people.recorders = User.objects.bulk_create(
        [User(username=f"bench_rec{n:02d}", role=User.Role.RECORDER, password=password) for n in range(20)]
    )
    people.advisors = User.objects.bulk_create(
        [User(username=f"bench_adv{n:02d}", role=User.Role.ADVISOR, password=password) for n in range(20)]
    )
    return people


def sessions_for(users: list[User]) -> list[str]:
    """A logged-in session per user, as django.contrib.auth.login would leave it."""
    keys = []
    for user in users:
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        store["_auth_user_hash"] = user.get_session_auth_hash()
        store.create()
        keys.append(store.session_key or "")
    return keys


def _incident_summary(code: str, rng: random.Random) -> str:
    return f"{code.replace('-', ' ').title()} reported by caller, log {rng.randint(1, 9999)}"


def _location(rng: random.Random) -> str:
    return f"{rng.randint(1, 250)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}"


def incident_row(
    *, idx: int, opened_at: dt.datetime, code: NsirCode, rng: random.Random, now: dt.datetime, prefix: str
) -> dict[str, Any]:
    """One incident as the table stores it (crime number filled by the caller)."""
    recent = (now - opened_at) < dt.timedelta(hours=6)
    closed_at = None
    if not (recent and rng.random() < 0.5) and rng.random() < 0.9:
        closed_at = opened_at + dt.timedelta(minutes=rng.randint(10, 4320))
    return {
        "reference": f"{prefix}-{opened_at:%Y%m%d}-{idx:08d}",
        "opened_at": opened_at,
        "closed_at": closed_at,
        "nsir_code_id": code.pk,
        "crime_related": code.crime_related,
        "grade": rng.choice(GRADES),
        "summary": _incident_summary(code.code, rng),
        "location": _location(rng),
        "crime_number": None,
        # Written when it was opened and last when it closed, never after the build: one shared value
        # (the build's clock) made the "repeat sweep, nothing new" figure reread every incident.
        "created_at": opened_at,
        "updated_at": max(opened_at, min(closed_at or opened_at, now - UPDATED_BEFORE_BUILD)),
    }


GRADES = [g.value for g in Grade]
# A closed incident's last write is clipped to this long before the build: beyond the sweep's overlap
# window (RESOLVE_SWEEP_OVERLAP_MINUTES), so only incidents opened in that last hour count as new.
UPDATED_BEFORE_BUILD = dt.timedelta(hours=1)


class IncidentMix:
    """NSIR codes weighted like a real force's log."""

    def __init__(self) -> None:
        self.codes = list(NsirCode.objects.order_by("code"))
        by_category: dict[str, float] = {}
        for c in self.codes:
            by_category[c.incident_category] = by_category.get(c.incident_category, 0) + CODE_WEIGHT.get(
                c.code, 1
            )
        self.weights = [
            CATEGORY_SHARE.get(c.incident_category, 0.02)
            * CODE_WEIGHT.get(c.code, 1)
            / by_category[c.incident_category]
            for c in self.codes
        ]

    def draw(self, rng: random.Random, k: int) -> list[NsirCode]:
        return _weighted(self.codes, self.weights, rng, k)


def build_crimes_and_incidents(
    *, incidents: int, crimes: int, people: People, now: dt.datetime, rng: random.Random
) -> int:
    """Write incidents, crimes and their links through temporary COPY files; returns crimes written."""
    mix = IncidentMix()
    offences = list(Offence.objects.order_by("code"))
    offence_weights = [OFFENCE_CATEGORY_WEIGHT.get(o.category, 1) for o in offences]
    outcomes = list(HomeOfficeOutcome.objects.values_list("pk", flat=True))
    criteria = list(CancellationCriterion.objects.values_list("pk", flat=True))
    force = settings.RESOLVE_FORCE_CODE
    crime_related_share = sum(
        w for c, w in zip(mix.codes, mix.weights, strict=True) if c.crime_related
    ) / sum(mix.weights)
    numbered = max(1.0, incidents * crime_related_share * 0.9)
    new_crime_p = min(1.0, crimes / numbered)
    statuses = [s.value for s in Crime.Status]
    status_weights = [
        {"recorded": 10, "allocated": 15, "under_investigation": 20, "finalised": 50}.get(s, 2.5)
        for s in statuses
    ]

    inc_cols, inc_line = row_formatter(Incident)
    crime_cols, crime_line = row_formatter(Crime)
    link_model = Crime.incidents.through
    link_cols, link_line = row_formatter(link_model, with_id=False)
    start = now - dt.timedelta(days=DAYS)
    step = dt.timedelta(days=DAYS) / max(incidents, 1)
    crime_id = 0
    with tempfile.TemporaryDirectory(prefix="resolve-bench-") as tmp:
        paths = {n: os.path.join(tmp, f"{n}.tsv") for n in ("incident", "crime", "link")}
        with (
            open(paths["incident"], "w") as fi,
            open(paths["crime"], "w") as fc,
            open(paths["link"], "w") as fl,
        ):
            batch = 10_000
            for base in range(0, incidents, batch):
                codes = mix.draw(rng, min(batch, incidents - base))
                for offset, code in enumerate(codes):
                    idx = base + offset + 1
                    opened_at = start + step * idx + dt.timedelta(seconds=rng.randint(0, 59))
                    row = incident_row(
                        idx=idx, opened_at=opened_at, code=code, rng=rng, now=now, prefix=force
                    )
                    row["id"] = idx
                    gets_number = (code.crime_related and rng.random() < 0.9) or (
                        code.hidden_crime_risk and rng.random() < 0.03
                    )
                    if gets_number and (crime_id == 0 or rng.random() < new_crime_p) and crime_id < crimes:
                        crime_id += 1
                        fc.write(
                            crime_line(
                                _crime(
                                    crime_id,
                                    opened_at,
                                    force,
                                    offences,
                                    offence_weights,
                                    outcomes,
                                    criteria,
                                    statuses,
                                    status_weights,
                                    people,
                                    rng,
                                )
                            )
                        )
                    if gets_number and crime_id:
                        row["crime_number"] = f"{force}/{crime_id:08d}"
                        fl.write(link_line({"crime_id": crime_id, "incident_id": idx}))
                    fi.write(inc_line(row))
        for name, model, cols in (
            ("incident", Incident, inc_cols),
            ("crime", Crime, crime_cols),
            ("link", link_model, link_cols),
        ):
            with open(paths[name]) as fh:
                copy_lines(model._meta.db_table, cols, fh)
    reset_sequence(Incident)
    reset_sequence(Crime)
    return crime_id


def _crime(
    crime_id: int,
    reported_at: dt.datetime,
    force: str,
    offences: list[Offence],
    offence_weights: list[int],
    outcomes: list[int],
    criteria: list[int],
    statuses: list[str],
    status_weights: list[float],
    people: People,
    rng: random.Random,
) -> dict[str, Any]:
    offence = rng.choices(offences, weights=offence_weights)[0]
    late = rng.random() < 0.1
    hours = rng.uniform(24.5, 120) if late else min(23.9, rng.expovariate(1 / 6))
    recorded_at = reported_at + dt.timedelta(hours=hours)
    status = rng.choices(statuses, weights=status_weights)[0]
    owner = rng.choice(people.investigators) if status != "recorded" else None
    row: dict[str, Any] = {
        "id": crime_id,
        "crime_number": f"{force}/{crime_id:08d}",
        "offence_id": offence.pk,
        "status": status,
        "summary": f"{offence.title} reported",
        "location": _location(rng),
        "location_force": force,
        "reported_at": reported_at,
        "recorded_at": recorded_at,
        "record_by": reported_at + dt.timedelta(hours=24),
        "ncrs_breach": late,
        "restricted": offence.restricted,
        "seriousness_rank": offence.seriousness_rank,
        "grade": rng.choice(GRADES),
        "vulnerable_victim": rng.random() < 0.1,
        "domestic_abuse": rng.random() < 0.15,
        "owner_id": owner.pk if owner else None,
        "team_id": owner.team_id if owner else None,
        "recorded_by_id": rng.choice(people.recorders).pk,
        "decision_rules": ["R-NCRS-24H"],
    }
    if status in ("recorded", "allocated", "under_investigation"):
        row["next_victim_update_due"] = recorded_at + dt.timedelta(days=28)
    if status == "cancelled" and criteria:
        row["cancelled_under_id"] = rng.choice(criteria)
        row["cancelled_at"] = recorded_at + dt.timedelta(days=rng.randint(1, 30))
    if status == "finalised" and outcomes:
        row["outcome_id"] = rng.choice(outcomes)
        row["outcome_at"] = recorded_at + dt.timedelta(days=rng.randint(1, 90))
    return row


def build_complaints(*, complaints: int, people: People, now: dt.datetime, rng: random.Random) -> None:
    categories = list(ComplaintCategory.objects.values_list("pk", flat=True))
    statuses = [s.value for s in ComplaintCase.Status]
    status_weights = [
        25 if s == ComplaintCase.Status.OPEN else 75 / max(1, len(statuses) - 1) for s in statuses
    ]
    channels = [c.value for c in ComplaintCase.Channel]
    today = now.date()
    cases: list[dict[str, Any]] = []
    for k in range(1, complaints + 1):
        received_at = now - dt.timedelta(
            days=730 * (complaints - k) / max(complaints, 1), hours=rng.randint(0, 23)
        )
        status = rng.choices(statuses, weights=status_weights)[0]
        open_ = status == ComplaintCase.Status.OPEN
        cases.append(
            {
                "id": k,
                "reference": f"CO-{received_at:%Y}-{k:06d}",
                "received_at": received_at,
                "channel": rng.choice(channels),
                "summary": "Complaint about the handling of a report",
                "status": status,
                "assigned_to_id": people.advisors[k % len(people.advisors)].pk,
                "eligible": True,
                "route": "outside_schedule_3",
                "appropriate_authority": "chief_officer",
                "initial_contact_due": (received_at + dt.timedelta(days=2)).date(),
                "initial_contact_at": received_at + dt.timedelta(days=1),
                "next_update_due": today + dt.timedelta(days=rng.randint(-10, 28)) if open_ else None,
                "closed_at": None if open_ else received_at + dt.timedelta(days=rng.randint(10, 120)),
                "created_by_id": people.advisors[k % len(people.advisors)].pk,
            }
        )
    copy_rows(ComplaintCase, cases)
    copy_rows(
        Complainant,
        (
            {"case_id": k, "name": f"Complainant {k}", "email": f"c{k}@example.org"}
            for k in range(1, complaints + 1)
        ),
        with_id=False,
    )
    copy_rows(
        Subject,
        (
            {"case_id": k, "kind": "officer", "name": f"PC {k % 500}", "collar_number": str(1000 + k % 500)}
            for k in range(1, complaints + 1)
        ),
        with_id=False,
    )
    copy_rows(
        Allegation,
        (
            {"case_id": k, "category_id": rng.choice(categories)}
            for k in range(1, complaints + 1)
            for _ in range(1 + k % 2)
        ),
        with_id=False,
    )
    reset_sequence(ComplaintCase)


def build_all(*, incidents: int, crimes: int, complaints: int) -> Built:
    rng = random.Random(SEED)  # noqa: S311 - reproducible test data, not secrets
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    people = build_people()
    made = build_crimes_and_incidents(incidents=incidents, crimes=crimes, people=people, now=now, rng=rng)
    build_complaints(complaints=complaints, people=people, now=now, rng=rng)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE") if connection.in_atomic_block is False else None
    sessions = {
        "sergeant": sessions_for(people.sergeants),
        "advisor": sessions_for(people.advisors),
    }
    return Built(
        incidents=incidents, crimes=made, complaints=complaints, now=now, people=people, sessions=sessions
    )


def remember(database: str, built: Built, *, build_s: float) -> None:
    """Keep what `--reuse` needs to measure this data again (its counts, its "now", how long it took to
    build) on the database."""
    facts: dict[str, Any] = {
        "incidents": built.incidents,
        "crimes": built.crimes,
        "complaints": built.complaints,
        "now": built.now.isoformat(),
        "build_s": build_s,
    }
    with connection.cursor() as cursor:
        name = connection.ops.quote_name(database)
        cursor.execute(f"COMMENT ON DATABASE {name} IS %s", [json.dumps(facts)])


def reuse(database: str) -> tuple[Built, float]:
    """The Built of an earlier run on `database`, with fresh sessions, and how long building it took."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [database]
        )
        row = cursor.fetchone()
    if not row or not row[0]:
        raise SystemExit(f"database {database} holds no benchmark data: run without --reuse first")
    facts = json.loads(row[0])
    users = User.objects.filter(username__startswith="bench_").order_by("username")
    by_role: dict[str, list[User]] = {}
    for user in users:
        by_role.setdefault(user.role, []).append(user)
    people = People(
        admin=by_role[User.Role.ADMIN][0],
        manager=by_role[User.Role.MANAGER][0],
        sergeants=by_role[User.Role.SERGEANT],
        investigators=by_role[User.Role.INVESTIGATOR],
        recorders=by_role[User.Role.RECORDER],
        advisors=by_role[User.Role.ADVISOR],
    )
    built = Built(
        incidents=facts["incidents"],
        crimes=facts["crimes"],
        complaints=facts["complaints"],
        now=dt.datetime.fromisoformat(facts["now"]),
        people=people,
        sessions={"sergeant": sessions_for(people.sergeants), "advisor": sessions_for(people.advisors)},
    )
    return built, float(facts.get("build_s", 0.0))


def incident_feed_rows(*, count: int, prefix: str, now: dt.datetime, seed: int) -> Iterator[dict[str, Any]]:
    """Fresh incidents in the feed's own shape (API / CSV fields), for the import figures."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    mix = IncidentMix()
    codes = mix.draw(rng, count)
    for i, code in enumerate(codes, start=1):
        opened_at = now - dt.timedelta(hours=48) + dt.timedelta(seconds=i)
        row = incident_row(idx=i, opened_at=opened_at, code=code, rng=rng, now=now, prefix=prefix)
        yield {
            "reference": row["reference"],
            "opened_at": opened_at,
            "closed_at": row["closed_at"],
            "nsir_code": code.code,
            "crime_related": code.crime_related,
            "nsir_code_id": code.pk,
            "grade": row["grade"],
            "summary": row["summary"],
            "location": row["location"],
            "crime_number": None,
        }
