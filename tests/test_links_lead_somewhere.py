"""Links and buttons are shown only to those who may use them (issue 15 part 5): for every role, every
same-site link on every page reachable from their home opens (no "Decide" that answers 403). The crawl
follows at most a few pages of each URL shape."""

from __future__ import annotations

import re
from collections import deque
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

HREF = re.compile(r'<a\s[^>]*href="([^"#]*)[^"]*"', re.IGNORECASE)
SKIP = ("/api/", "/static/", "/accounts/logout", "/admin/", "/media/")
PER_SHAPE = 2
MAX_PAGES = 120


def shape(path: str) -> str:
    return re.sub(r"/\d+(?=/)", "/N", re.sub(r"\d{4}-\d{2}-\d{2}", "D", path))


def crawl(client: Client) -> list[tuple[str, str]]:
    """(page, link) pairs whose link answered 403."""
    seen: dict[str, int] = {}
    visited: set[str] = set()
    queue: deque[tuple[str, str]] = deque([("/", "/")])
    refused: list[tuple[str, str]] = []
    while queue and len(visited) < MAX_PAGES:
        source, url = queue.popleft()
        if url in visited:
            continue
        visited.add(url)
        response = client.get(url)
        if response.status_code == 403:
            refused.append((source, url))
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        for href in HREF.findall(html):
            target = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIP):
                continue
            if "format=csv" in parts.query or parts.path.endswith(".csv"):
                continue
            key = shape(parts.path)
            if target not in visited and seen.get(key, 0) < PER_SHAPE:
                seen[key] = seen.get(key, 0) + 1
                queue.append((url, target))
    return refused


@pytest.mark.parametrize("role", ["recorder", "investigator", "sergeant", "advisor", "manager", "admin"])
def test_no_link_a_role_is_shown_answers_403(role: str, client: Client, every_queue: dict[str, Any]) -> None:
    users = every_queue["users"]
    client.force_login(users[role])
    refused = crawl(client)
    assert refused == [], f"{role} is shown links that answer 403: {refused}"


def test_the_403_page_speaks_to_the_readers_role(client: Client, make_user: Any) -> None:
    recorder = make_user("recorder", first_name="Rita", last_name="Record")
    client.force_login(recorder)
    page = client.get("/qa/dip-tests/")
    body = page.content.decode()
    assert page.status_code == 403
    assert "Rita Record</strong>, crime recorder" in body
    assert "Crime recorders take reports and decide what must be recorded" in body
    assert 'href="/recording/decide/"' in body  # where their role can go
    assert "Dip-tests" not in body.split("<main", 1)[-1]
