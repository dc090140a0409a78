"""Every count leads to its list (issue 15 part 4; STYLE.md 12 "Queues are selectors"): for every role's
home, each queue's count equals the rows of the list its link opens, with something in every queue."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from config.registry import queues_for
from tests.queue_seed import seed_every_queue

pytestmark = pytest.mark.django_db

# Which queues each role's home shows (a new queue must be added here, and so to the seed data).
SUPERVISOR_QUEUES = {
    "recording-cancellations",
    "recording-reclassifications",
    "recording-transfers-in",
    "recording-transfers-out",
    "recording-crimes-to-allocate",
    "recording-transfers-to-allocate",
    "recording-rape-daily-review",
    "recording-awaiting-victim",
    "recording-ncrs-due",
    "recording-victim-updates",
    "qa-unrecorded",
    "qa-escalations",
    "qa-dip-test",
    "qa-flags-to-allocate",
    "qa-samples-to-allocate",
    "qa-amendments-to-allocate",
    "qa-rape-review",
    "qa-amendments",
}
COMPLAINT_QUEUES = {
    "complaints-updates-overdue",
    "complaints-updates-due",
    "complaints-initial-contact",
    "complaints-reviews",
}
EXPECTED = {
    "recorder": {"recording-ncrs-due", "recording-victim-updates"},
    "investigator": {"recording-victim-updates", "qa-amendments"},
    "sergeant": SUPERVISOR_QUEUES
    | {"staffing-training-expiring", "staffing-coverage-now", "staffing-coverage-next"},
    "advisor": COMPLAINT_QUEUES,
    "manager": SUPERVISOR_QUEUES | COMPLAINT_QUEUES,
    "admin": SUPERVISOR_QUEUES | COMPLAINT_QUEUES,
}


def rows_of(client: Client, url: str) -> int:
    """How many rows the list at `url` holds, as its page says (data-total), or for the coverage page
    the gaps of the table the link points at."""
    response = client.get(url)
    assert response.status_code == 200, url
    if "listing" in response.context:
        return int(response.context["listing"].total)
    fragment = urlsplit(url).fragment  # "cov-1" (now) or "cov-2" (next shift)
    return len(response.context["views"][int(fragment.rsplit("-", 1)[1]) - 1].gaps)


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_every_home_count_equals_its_lists_rows(reference_data: None, role: str) -> None:
    seeded = seed_every_queue()
    user = seeded["users"][role]
    client = Client()
    client.force_login(user)
    queues = queues_for(user)
    assert {q.key for q in queues} == EXPECTED[role]
    home = client.get("/").content.decode()
    for queue in queues:
        assert queue.count > 0, f"the seed leaves {queue.key} empty for {role}"
        assert f'data-queue="{queue.key}">{queue.count}<' in home
        assert rows_of(client, queue.url) == queue.count, f"{role}: {queue.key} ({queue.url})"


def test_a_queue_page_is_only_for_those_who_work_the_queue(
    reference_data: None, client: Client, make_user: Any
) -> None:
    client.force_login(make_user("recorder"))
    assert client.get("/queues/recording-rape-daily-review/").status_code == 404
    assert client.get("/queues/no-such-queue/").status_code == 404
    assert client.get("/queues/recording-ncrs-due/").status_code == 200


# The shared queue page: session, user, then the list's count and its page (related rows joined; the
# complaint lists add their two prefetches: complainants and subjects). Nothing per row. Finding the
# queue costs the investigator one more (are they a DDM? they would also see the cancellations queue)
# and the training queue one (the sergeant's team).
PINNED = {
    ("sergeant", "recording-rape-daily-review"): 4,
    ("sergeant", "recording-ncrs-due"): 4,
    ("sergeant", "recording-awaiting-victim"): 4,
    ("sergeant", "recording-victim-updates"): 4,
    ("investigator", "recording-victim-updates"): 5,
    ("sergeant", "qa-dip-test"): 4,
    ("sergeant", "staffing-training-expiring"): 5,
    ("advisor", "complaints-updates-overdue"): 6,
    ("advisor", "complaints-updates-due"): 6,
    ("advisor", "complaints-initial-contact"): 6,
    ("advisor", "complaints-reviews"): 6,
}


def test_the_new_lists_pin_their_queries(reference_data: None, django_assert_num_queries: Any) -> None:
    users = seed_every_queue()["users"]
    for (role, key), expected in PINNED.items():
        client = Client()
        client.force_login(users[role])
        with django_assert_num_queries(expected):
            page = client.get(f"/queues/{key}/")
        assert page.status_code == 200 and page.context["listing"].total > 0


def test_a_long_queue_counts_like_its_list_at_most_the_cap(
    reference_data: None, client: Client, make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past config.listing.COUNT_CAP the home count and the list both say "more than" the cap (neither
    counts every row of a long queue), and the list still pages through all of them."""
    import datetime as dt

    from django.utils import timezone

    import config.listing
    import config.queues
    from recording.tests.factories import CrimeFactory

    monkeypatch.setattr(config.listing, "COUNT_CAP", 3)
    monkeypatch.setattr(config.queues, "COUNT_CAP", 3)
    sergeant = make_user("sergeant")
    overdue = timezone.now() - dt.timedelta(days=1)
    CrimeFactory.create_batch(5, status="allocated", next_victim_update_due=overdue)
    queue = next(q for q in queues_for(sergeant) if q.key == "recording-victim-updates")
    assert (queue.count, queue.more) == (3, True)
    client.force_login(sergeant)
    assert (
        'data-queue="recording-victim-updates">3</span><span class="more">+'
        in client.get("/").content.decode()
    )
    listing = client.get(queue.url).context["listing"]
    assert (listing.total, listing.more) == (3, True)
