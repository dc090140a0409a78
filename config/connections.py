"""Database connections bounded by design (issue 17 part 7).

Each request in flight holds at most one PostgreSQL connection per database alias, so a process holds
at most as many connections as it runs requests at once. Resolve bounds that number itself instead of
trusting the server in front of it: the development server (`make demo`, `runserver`) starts a thread
per request with no limit, and under load it once held a connection per thread until PostgreSQL's
100 were gone, refusing every other client on the machine.

- `BoundedRequests` wraps the WSGI application (config/wsgi.py; runserver uses the same callable
  through WSGI_APPLICATION): at most RESOLVE_MAX_CONCURRENT_REQUESTS requests run in a process at
  once; the rest wait their turn (queued, not refused) for up to RESOLVE_REQUEST_QUEUE_SECONDS, then
  get a 503 with Retry-After.
- Persistent connections (CONN_MAX_AGE) are safe only where threads are reused: gunicorn's sync
  workers (one request at a time per process, docker-compose.yml) or gthread. A thread-per-request
  server never reuses a thread, so its persistent connections would stay open until the thread is
  collected: local settings turn them off (config/settings/local.py).

Budget (docs/scaling.md): web processes x RESOLVE_MAX_CONCURRENT_REQUESTS x database aliases, plus the
Celery worker's concurrency, plus beat, must stay under PostgreSQL's max_connections with room for
maintenance and the feed. tests/test_connections.py drives 200 concurrent requests at a real server
and checks the peak."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

BUSY_BODY = b"Resolve is busy. Please try again in a few seconds.\n"


class _Released:
    """The response body, releasing the slot when the server closes it: a streamed export keeps using
    the database until its last chunk is sent."""

    def __init__(self, body: Iterable[bytes], release: Callable[[], None]) -> None:
        self._body = body
        self._release = release
        self._released = False

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._body)

    def close(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            if not self._released:
                self._released = True
                self._release()


class BoundedRequests:
    def __init__(self, app: WsgiApp, *, limit: int, queue_seconds: float) -> None:
        if limit < 1:
            raise ValueError("RESOLVE_MAX_CONCURRENT_REQUESTS must be at least 1")
        self.app = app
        self.limit = limit
        self.queue_seconds = queue_seconds
        self._slots = threading.BoundedSemaphore(limit)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if not self._slots.acquire(timeout=self.queue_seconds):
            start_response(
                "503 Service Unavailable",
                [("Content-Type", "text/plain; charset=utf-8"), ("Retry-After", "5")],
            )
            return [BUSY_BODY]
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self._slots.release()
            raise
        return _Released(body, self._slots.release)
