"""The page and API figures: p95 latency of real requests to gunicorn on loopback from a second process,
each beside the floor it cannot go below (issue 24 part 3): the p95 of a bare authenticated page or API
request (bench/urls.py) on the same server under the same load, in the same round, plus the replay on
one PostgreSQL connection of the SQL the figure's request issues beyond the bare request's own (the
session and the user, or the API key, are read by both). Target: at most 2 x that floor, and under the
figure's own goal in milliseconds."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.test import Client

from bench import data
from bench.measure import Figure, Server, captured_selects, floor_p95, load_run
from bench.urls import BARE_API_PATH, BARE_PAGE_PATH
from recording.models import Incident
from staffing.services import user_token

logger = logging.getLogger("bench")

FLOOR_RATIO = 2.0
SERGEANT_QUEUE_PATH = "/qa/unrecorded/"
ALLOCATION_QUEUE_PATH = "/recording/to-allocate/"
DATA_RETURN_PATH = "/api/v1/complaints/data-return/"
# A page user reads before clicking again; 20 users each clicking about once a second is already a busy
# shift. Back-to-back requests (no think time) measure saturation, not a user's wait.
PAGE_THINK_S = 1.0

DECISION_BODY: dict[str, Any] = {
    "reported_at": "2026-02-07T01:20:00Z",
    "force": "XX",
    "location_force": "XX",
    "victims": [{"ref": "V1", "kind": "person"}, {"ref": "V2", "kind": "person"}],
    "alleged": [
        {
            "ref": "A1",
            "victim": "V1",
            "offence": "8N",
            "incident": "I1",
            "believed": True,
            "avi_no_crime": False,
        },
        {
            "ref": "A2",
            "victim": "V2",
            "offence": "8N",
            "incident": "I1",
            "believed": True,
            "avi_no_crime": False,
        },
    ],
}
TRIAGE_BODY: dict[str, Any] = {
    "received_at": "2026-02-02T10:00:00Z",
    "about_chief_officer": False,
    "complainant": {
        "adversely_affected": True,
        "witness": False,
        "acting_for_someone": False,
        "consent_of_affected": False,
    },
    "incident_date": "2026-01-30",
    "allegations": [
        {
            "category": "H1",
            "death_or_serious_injury": False,
            "serious_assault": False,
            "serious_sexual_offence": False,
            "serious_corruption": False,
            "discriminatory_criminal_or_misconduct": False,
            "could_justify_criminal_or_disciplinary": False,
            "article_2_or_3": False,
        }
    ],
    "complainant_wants_recording": False,
    "complainant_agrees_outside_schedule_3": True,
}

HTTP_KEYS = (
    "dashboard_daily_p95_ms",
    "sergeant_queue_p95_ms",
    "advisor_caseload_p95_ms",
    "allocation_queue_p95_ms",
    "hidden_crime_queue_p95_ms",
    "incident_page_p95_ms",
    "recording_decision_p95_ms",
    "complaint_triage_p95_ms",
    "data_return_year_p95_ms",
)


@dataclass(frozen=True)
class Load:
    """One figure's requests: who sends them (session cookies for a page, an API key for an API), how
    many, how many users at once, and the body of a POST."""

    path: str
    threads: int
    requests: int
    think: float = 0.0
    cookies: tuple[str, ...] = ()
    token: str | None = None
    body: str | None = None  # JSON

    @property
    def is_page(self) -> bool:
        return self.token is None

    def bare(self) -> Load:
        """The same load on the bare endpoint of its kind: same users, same count, same body."""
        return Load(
            BARE_PAGE_PATH if self.is_page else BARE_API_PATH,
            self.threads,
            self.requests,
            self.think,
            self.cookies,
            self.token,
            self.body,
        )

    def request(self) -> Callable[[Client], Any]:
        """One request in-process (for its SQL), as the load generator sends it."""
        headers = {"Authorization": f"Token {self.token}"} if self.token else None

        def one(client: Client) -> Any:
            if self.cookies:
                client.cookies["sessionid"] = self.cookies[0].split("=", 1)[1]
            if self.body is not None:
                return client.post(
                    self.path, data=self.body, content_type="application/json", headers=headers
                )
            return client.get(self.path, headers=headers)

        return one

    def run(self, server: Server, tmp: Path) -> float:
        headers = [f"Authorization: Token {self.token}"] if self.token else None
        body = json.loads(self.body) if self.body is not None else None
        result = load_run(
            port=server.port, path=self.path, threads=self.threads, requests=self.requests, time_cap=120,
            cookies=list(self.cookies), headers=headers, body=body, body_dir=tmp, think=self.think,
        )  # fmt: skip
        return float(result["p95_ms"])

    def describe(self, workers: int) -> str:
        users = f"{self.threads} concurrent users" if self.threads > 1 else "one user"
        if self.think:
            users += f" each waiting {self.think:g} s (0.5-1.5x) between requests"
        return f"{self.requests} requests a run, {users}, gunicorn {workers} gthread workers"


def own_statements(figure: list[str], bare: list[str]) -> list[str]:
    """The figure's statements less those the bare request issues too (each taken once per time it runs
    in the bare request), in the figure's order."""
    left = Counter(bare)
    out = []
    for sql in figure:
        if left[sql]:
            left[sql] -= 1
        else:
            out.append(sql)
    return out


def _incident_page_path() -> str:
    """The page of the newest incident that has a crime: the page with the most to show."""
    pk = (
        Incident.objects.filter(crime_number__isnull=False)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return f"/recording/incidents/{pk or 0}/"


def last_financial_year(today: dt.date) -> str:
    """The last financial year (April to March) that has ended by `today`, as the data return names it."""
    return str(today.year - 1 if today.month >= 4 else today.year - 2)


def specs(built: data.Built, *, small: bool, only: set[str] | None) -> list[tuple[Figure, Load]]:
    people = built.people
    sergeant_token = user_token(user=people.sergeants[0])
    advisor_token = user_token(user=people.advisors[0])
    manager_token = user_token(user=people.manager)
    api_requests = 60 if small else 300
    page_requests = 60 if small else 400
    day = (built.now - dt.timedelta(days=1)).date().isoformat()
    sergeants = tuple(f"sessionid={k}" for k in built.sessions["sergeant"])
    advisors = tuple(f"sessionid={k}" for k in built.sessions["advisor"])
    hidden_flags = 0
    if only is None or "hidden_crime_queue_p95_ms" in only:
        from bench.hidden_queue import seed_open_flags

        hidden_flags = seed_open_flags(2_000 if small else 50_000)
    year = last_financial_year(built.now.date())

    def page(path: str, cookies: tuple[str, ...]) -> Load:
        return Load(path, threads=20, requests=page_requests, think=PAGE_THINK_S, cookies=cookies)

    def api(path: str, token: str, body: dict[str, Any] | None = None, requests: int = api_requests) -> Load:
        return Load(path, 1, requests, token=token, body=json.dumps(body) if body is not None else None)

    def figure(key: str, title: str, goal_ms: float) -> Figure:
        return Figure(key, title, "ms", "ratio_max", FLOOR_RATIO, also_under=goal_ms)

    return [
        (
            figure("dashboard_daily_p95_ms", "Daily dashboard API", 50),
            api(f"/api/v1/dashboard/daily/?date={day}", sergeant_token),
        ),
        (
            figure("sergeant_queue_p95_ms", "Sergeant's unrecorded-incident queue page", 150),
            page(SERGEANT_QUEUE_PATH, sergeants),
        ),
        (figure("advisor_caseload_p95_ms", "Advisor's caseload page", 150), page("/complaints/", advisors)),
        (
            # Risk first (vulnerable victim, domestic abuse, hate crime, THRIVE), then age: issue 15.
            figure("allocation_queue_p95_ms", "Crimes to allocate, risk first", 150),
            page(ALLOCATION_QUEUE_PATH, sergeants),
        ),
        (
            # Risk first (sexual offences, violence, domestic abuse), then age: issue 21 part 2.
            figure(
                "hidden_crime_queue_p95_ms",
                f"Sergeant's possible-hidden-crime queue page ({hidden_flags:,} open)",
                150,
            ),
            page("/queues/qa-hidden-crimes/", sergeants),
        ),
        (
            figure("incident_page_p95_ms", "Incident page (log, crimes, flags, samples)", 150),
            page(_incident_page_path(), sergeants),
        ),
        (
            figure("recording_decision_p95_ms", "Recording decision API", 20),
            api("/api/v1/recording/decisions/", sergeant_token, DECISION_BODY),
        ),
        (
            figure("complaint_triage_p95_ms", "Complaint triage API", 20),
            api("/api/v1/complaints/triage/", advisor_token, TRIAGE_BODY),
        ),
        (
            # The IOPC data return (C-DATA-RETURN) for the last whole financial year: issue 24 part 3.
            figure(
                "data_return_year_p95_ms", f"IOPC data return API for a year ({year}-{int(year) + 1})", 1000
            ),
            api(f"{DATA_RETURN_PATH}?period={year}", manager_token, requests=max(10, api_requests // 5)),
        ),
    ]


def measure_http(
    built: data.Built,
    *,
    repeat: int,
    small: bool,
    tmp: Path,
    env: dict[str, str],
    only: set[str] | None = None,
    has_url: Callable[[str], bool],
) -> list[Figure]:
    """Each round measures every figure once, each right after the bare request of its kind under the
    same load (measured once a round for each load shape), so a figure and its floor see the same
    machine; the SQL is replayed after the rounds."""
    chosen = [(f, load) for f, load in specs(built, small=small, only=only) if only is None or f.key in only]
    figures: list[Figure] = []
    measured: list[tuple[Figure, Load, list[str]]] = []
    for figure, load in chosen:
        if not has_url(load.path):
            figure.measurable = False
            figure.note = f"{load.path} is not on this branch yet"
            figures.append(figure)
            continue
        statements = captured_selects(load.request(), Client())
        bare = captured_selects(load.bare().request(), Client())
        measured.append((figure, load, own_statements(statements, bare)))
        figures.append(figure)
    # --small (CI and the suite) measures each figure once on a small force: two workers serve its
    # twenty users, and two fewer processes import Django than the full run's 2 x cores.
    with Server(env, workers=2 if small else None) as server:
        for _ in range(repeat):
            bare_p95: dict[Load, float] = {}
            for figure, load, _own in measured:
                shape = load.bare()
                if shape not in bare_p95:
                    bare_p95[shape] = shape.run(server, tmp)
                figure.samples.append(load.run(server, tmp))
                figure.parts.setdefault("bare_p95_ms", []).append(bare_p95[shape])
        workers = server.workers
    for figure, load, own in measured:
        replay = floor_p95(own, repeats=max(20, load.requests // load.threads), rounds=repeat)
        figure.parts["sql_replay_p95_ms"] = replay
        figure.floor = [b + r for b, r in zip(figure.parts["bare_p95_ms"], replay, strict=True)]
        kind = "page" if load.is_page else "API request"
        figure.floor_what = (
            f"bare {kind} {figure.part('bare_p95_ms'):.1f} + its {len(own)} SELECTs replayed "
            f"{figure.part('sql_replay_p95_ms'):.1f}"
        )
        figure.note = load.describe(workers)
    return figures
