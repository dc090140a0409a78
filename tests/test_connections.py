"""Database connections are bounded by design (issue 17 part 7): 200 concurrent requests at a real
development server (the thread-per-request server that once exhausted PostgreSQL) never hold more
than a set share of max_connections, and every request is answered."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

from config.connections import BoundedRequests

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 4  # RESOLVE_MAX_CONCURRENT_REQUESTS for the server under test
SHARE = 0.25  # of max_connections: the rest is for the worker, beat, the feed and maintenance


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def dev_server(transactional_db: None) -> Iterator[str]:
    db = settings.DATABASES["default"]
    name = connection.settings_dict["NAME"]
    port = _free_port()
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{name}",
        RESOLVE_MAX_CONCURRENT_REQUESTS=str(LIMIT),
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
    )
    log = ROOT / "test-artifacts" / f"runserver-{port}.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/healthz/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()  # noqa: S310 - our own local server
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"runserver did not start:\n{log.read_text()}") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_two_hundred_concurrent_requests_stay_within_the_connection_budget(dev_server: str) -> None:
    db = settings.DATABASES["default"]
    name = connection.settings_dict["NAME"]
    watcher = psycopg2.connect(dbname=name, user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432)
    watcher.autocommit = True
    with watcher.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        max_connections = int(cursor.fetchone()[0])
    peak = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        with watcher.cursor() as cursor:
            while not done.is_set():
                # The server's connections to the test database, this watcher excluded.
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                    [name],
                )
                peak = max(peak, int(cursor.fetchone()[0]))
                time.sleep(0.005)

    def get(_: int) -> int:
        with urllib.request.urlopen(dev_server, timeout=120) as response:  # noqa: S310 - local server
            return int(response.status)

    sampler = threading.Thread(target=watch)
    sampler.start()
    try:
        with ThreadPoolExecutor(max_workers=200) as pool:
            statuses = list(pool.map(get, range(200)))
    finally:
        done.set()
        sampler.join()
        watcher.close()
    assert statuses == [200] * 200
    # Besides the requests' LIMIT: the server's main thread keeps the one its start-up checks opened,
    # and this test's own connection holds the test database open.
    assert peak <= LIMIT + 2, peak
    assert peak <= SHARE * max_connections


def test_requests_beyond_the_limit_wait_their_turn_and_release_their_slot() -> None:
    started = threading.Barrier(3, timeout=5)
    release = threading.Event()

    def slow_app(environ: dict[str, object], start_response: object) -> list[bytes]:
        started.wait()
        release.wait(5)
        return [b"ok"]

    bounded = BoundedRequests(slow_app, limit=2, queue_seconds=0.2)  # type: ignore[arg-type]
    results: list[list[bytes]] = []

    def serve() -> None:
        body = bounded({}, None)
        results.append(list(body))
        body.close()  # as every WSGI server does once the body is sent

    threads = [threading.Thread(target=serve) for _ in range(2)]
    for thread in threads:
        thread.start()
    started.wait()  # both slots taken
    statuses: list[str] = []
    busy = bounded({}, lambda status, headers: statuses.append(status))
    assert statuses == ["503 Service Unavailable"] and b"busy" in b"".join(busy)
    release.set()
    for thread in threads:
        thread.join()
    assert results == [[b"ok"], [b"ok"]]
    # Closing the bodies (the server does) gave both slots back.
    assert bounded._slots.acquire(timeout=0) and bounded._slots.acquire(timeout=0)
