"""PostgreSQL restarted under load (issue 10 part 5c): while feed requests run in several threads, every
server backend of the test database is terminated (pg_terminate_backend: what a restart does to open
connections). Each request answers 2xx or a clean 503, never a 500; afterwards requests succeed again;
and every import batch is all or nothing: no batch without all of its incidents, no incident without
its batch."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import psycopg2
import pytest
from django.db import connection, connections
from django.utils import timezone
from rest_framework.test import APIClient

from recording.models import ImportBatch, Incident
from staffing.reference import reference_load
from staffing.services import user_token

REQUESTS = 24
PER_REQUEST = 40


def _terminate_all_backends(stop: threading.Event, killed: list[int]) -> None:
    params = connection.settings_dict
    dsn = {
        "dbname": params["NAME"],
        "user": params["USER"],
        "host": params["HOST"] or "127.0.0.1",
        "port": params["PORT"] or 5432,
    }
    if params.get("PASSWORD"):
        dsn["password"] = params["PASSWORD"]
    killer = psycopg2.connect(**dsn)
    killer.autocommit = True
    try:
        while not stop.is_set():
            with killer.cursor() as cur:
                cur.execute(
                    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                killed.append(int(cur.fetchone()[0]))
            time.sleep(0.05)
    finally:
        killer.close()


def _post(token: str, n: int) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    opened = (timezone.now() - timedelta(hours=2)).isoformat()
    body = {
        "incidents": [
            {"reference": f"XX-PG-{n:03d}-{i:03d}", "opened_at": opened, "nsir_code": "CRIME-THEFT"}
            for i in range(PER_REQUEST)
        ]
    }
    try:
        return client.post("/api/v1/incidents/bulk/", body, format="json").status_code
    finally:
        connections.close_all()  # this thread's connection, broken or not


@pytest.mark.django_db(transaction=True)
def test_terminated_database_connections_give_clean_503s_and_no_half_written_batches(
    make_user: Callable[..., Any],
) -> None:
    reference_load()
    token = user_token(user=make_user("admin"))
    stop, killed = threading.Event(), list[int]()
    killer = threading.Thread(target=_terminate_all_backends, args=(stop, killed))
    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            killer.start()
            statuses = list(pool.map(lambda n: _post(token, n), range(REQUESTS)))
    finally:
        stop.set()
        killer.join(timeout=10)
        connection.close()  # the test's own connection was terminated too
    assert sum(killed) > 0, "no connection was terminated: the test proved nothing"
    assert set(statuses) <= {200, 201, 503}, statuses
    assert 503 in statuses  # the outage reached requests in flight
    # Recovery: with the database steady again, the same request succeeds.
    assert _post(token, REQUESTS) in {200, 201}
    # All or nothing: each batch holds all of its incidents; no incident is left without its batch.
    batches = list(ImportBatch.objects.all())
    assert len(batches) >= 1 + sum(1 for s in statuses if s in {200, 201})
    for batch in batches:
        assert batch.rows == PER_REQUEST
        assert Incident.objects.filter(import_batch=batch).count() == PER_REQUEST
    assert Incident.objects.filter(import_batch__isnull=True).count() == 0
    assert Incident.objects.count() == PER_REQUEST * len(batches)
