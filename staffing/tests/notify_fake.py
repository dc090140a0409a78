"""A local stand-in for GOV.UK Notify's API (it cannot be reached from here), checking requests as
Notify's documented API v2 does: a JWT bearer token signed HS256 with the key's secret, `iss` the
service id and `iat` within 30 seconds; POST /v2/notifications/email needs a valid `email_address`, a
UUID `template_id` and a `personalisation` object; POST /v2/notifications/letter (precompiled) needs
`reference` and base64 `content` that decodes to a PDF; GET /v2/notifications/{id} and
GET /v2/notifications?reference= answer as Notify does. A wrong request gets Notify's error shape
({"status_code": 400, "errors": [{"error": "BadRequestError", "message": ...}]})."""

from __future__ import annotations

import base64
import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class FakeNotify:
    service_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    secret: str = field(default_factory=lambda: str(uuid.uuid4()))
    url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    notifications: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_next: int = 0  # answer the next N sends with 500 (Notify down)

    @property
    def api_key(self) -> str:
        return f"resolve_test-{self.service_id}-{self.secret}"

    def set_status(self, notification_id: str, status: str) -> None:
        self.notifications[notification_id]["status"] = status


def _error(status: int, message: str, kind: str = "BadRequestError") -> tuple[int, dict[str, Any]]:
    return status, {"status_code": status, "errors": [{"error": kind, "message": message}]}


def _handle(
    fake: FakeNotify, method: str, path: str, headers: Any, body: bytes
) -> tuple[int, dict[str, Any]]:
    auth = headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        return _error(401, "Unauthorized: authentication token must be provided", "AuthError")
    try:
        claims = jwt.decode(auth[7:], fake.secret, algorithms=["HS256"], options={"verify_iat": False})
    except jwt.PyJWTError:
        return _error(403, "Invalid token: signature, api token not found", "AuthError")
    if claims.get("iss") != fake.service_id or abs(time.time() - int(claims.get("iat", 0))) > 30:
        return _error(403, "Invalid token: iss or iat", "AuthError")
    parts = urlsplit(path)
    if method == "POST":
        if fake.fail_next:
            fake.fail_next -= 1
            return _error(500, "Internal server error", "Exception")
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            return _error(400, "Invalid JSON")
        fake.requests.append({"path": parts.path, "json": data})
        if parts.path == "/v2/notifications/email":
            if not EMAIL.match(str(data.get("email_address", ""))):
                return _error(400, "email_address Not a valid email address", "ValidationError")
            try:
                uuid.UUID(str(data.get("template_id")))
            except ValueError:
                return _error(400, "template_id is not a valid UUID", "ValidationError")
            if not isinstance(data.get("personalisation", {}), dict):
                return _error(400, "personalisation must be an object", "ValidationError")
            kind = "email"
        elif parts.path == "/v2/notifications/letter":
            if not data.get("reference"):
                return _error(400, "reference is a required property", "ValidationError")
            try:
                pdf = base64.b64decode(data.get("content", ""), validate=True)
            except ValueError:
                return _error(
                    400, "Cannot decode letter content (invalid base64 encoding)", "ValidationError"
                )
            if not pdf.startswith(b"%PDF"):
                return _error(400, "Letter content is not a valid PDF", "ValidationError")
            kind = "letter"
        else:
            return _error(404, "Not found", "NotFound")
        nid = str(uuid.uuid4())
        fake.notifications[nid] = {
            "id": nid,
            "reference": data.get("reference"),
            "type": kind,
            "status": "created" if kind == "email" else "accepted",
            "email_address": data.get("email_address"),
        }
        return 201, {
            "id": nid,
            "reference": data.get("reference"),
            "uri": f"{fake.url}/v2/notifications/{nid}",
        }
    if method == "GET" and parts.path == "/v2/notifications":
        reference = parse_qs(parts.query).get("reference", [None])[0]
        found = [n for n in fake.notifications.values() if reference is None or n["reference"] == reference]
        return 200, {"notifications": found, "links": {"current": f"{fake.url}/v2/notifications"}}
    if method == "GET" and parts.path.startswith("/v2/notifications/"):
        found_one = fake.notifications.get(parts.path.rsplit("/", 1)[1])
        if found_one is None:
            return _error(404, "No result found", "NoResultFound")
        return 200, found_one
    return _error(404, "Not found", "NotFound")


@contextmanager
def fake_notify() -> Iterator[FakeNotify]:
    fake = FakeNotify()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            status, payload = _handle(fake, method, self.path, self.headers, self.rfile.read(length))
            out = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def do_GET(self) -> None:  # noqa: N802
            self._answer("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._answer("POST")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
