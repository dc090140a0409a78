"""Every count leads to its list (issue 15 part 4; STYLE.md 12 "Queues are selectors"): for every role's
home, each queue's count equals the rows of the list its link opens, with something in every queue."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from config.registry import queues_for

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
    "qa-hidden-crimes",
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
    "complaints-recommendations",
    "complaints-public-intake",
}
MANAGER_COMPLAINT_QUEUES = {
    "complaints-unallocated",
    "complaints-stale",
    "staffing-letters-to-approve",
    "complaints-alerts-overdue",
}
EXPECTED = {
    "recorder": {"recording-ncrs-due", "recording-victim-updates"},
    "investigator": {"recording-victim-updates", "qa-amendments"},
    "sergeant": SUPERVISOR_QUEUES
    | {"staffing-training-expiring", "staffing-coverage-now", "staffing-coverage-next"},
    "advisor": COMPLAINT_QUEUES,
    "manager": SUPERVISOR_QUEUES | COMPLAINT_QUEUES | MANAGER_COMPLAINT_QUEUES,
    "admin": SUPERVISOR_QUEUES | COMPLAINT_QUEUES | MANAGER_COMPLAINT_QUEUES,
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
def test_every_home_count_equals_its_lists_rows(
    reference_data: None, every_queue: dict[str, Any], role: str
) -> None:
    seeded = every_queue
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


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_the_home_total_counts_each_item_once(
    reference_data: None, every_queue: dict[str, Any], role: str
) -> None:
    """An item in two queues (an open flag waiting to be allocated is in "Unrecorded crime-related
    incidents" and in "flags to allocate") is one item waiting, not two (issue 20 part 8)."""
    from django.apps import apps

    from config.registry import waiting_for, work_queues_for

    seeded = every_queue
    user = seeded["users"][role]
    items = {
        (q.select(user).model, pk)
        for q in work_queues_for(user)
        for pk in q.select(user).values_list("pk", flat=True)
    }
    lines = sum(
        line.count
        for c in apps.get_app_configs()
        if hasattr(c, "home_queues")
        for line in c.home_queues(user)
    )
    waiting = waiting_for(user)
    assert (waiting.count, waiting.more) == (len(items) + lines, False)
    if role == "sergeant":
        assert waiting.count < sum(q.count for q in queues_for(user))  # the seed puts items in two queues
    client = Client()
    client.force_login(user)
    assert (
        f"{waiting.count} item{'s' if waiting.count != 1 else ''} waiting" in client.get("/").content.decode()
    )


def test_the_manager_s_home_says_what_the_daily_figures_say(
    reference_data: None, every_queue: dict[str, Any]
) -> None:
    """The same fact, counted once: a manager's home lines for unrecorded incidents and overdue complaint
    updates equal the daily figures for today (issue 20 part 8), every advisor's cases included."""
    from django.utils import timezone

    from complaints.models import ComplaintCase
    from qa.compliance import daily_figures

    seeded = every_queue
    counts = {q.key: q.count for q in queues_for(seeded["users"]["manager"])}
    figures = daily_figures(timezone.localdate())
    assert counts["qa-unrecorded"] == figures["unrecorded_incidents_open"] > 0
    assert counts["complaints-updates-overdue"] == figures["complaints"]["overdue_updates"] > 0
    # ...and more than the manager's own cases: the advisor's overdue cases are on it too.
    assert (
        ComplaintCase.objects.filter(
            status=ComplaintCase.Status.OPEN,
            next_update_due__lt=timezone.localdate(),
        )
        .exclude(assigned_to=seeded["users"]["manager"])
        .exists()
    )


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
# and the training queue one (the sergeant's team); the awaiting-victim queue one (the access-log rows
# for the victims' names and numbers it shows, one insert).
PINNED = {
    ("sergeant", "recording-rape-daily-review"): 4,
    ("sergeant", "recording-ncrs-due"): 4,
    ("sergeant", "recording-awaiting-victim"): 5,
    # + the victims' agreed frequency and contact method (one prefetch)
    ("sergeant", "recording-victim-updates"): 5,
    ("investigator", "recording-victim-updates"): 6,
    ("sergeant", "qa-dip-test"): 4,
    ("sergeant", "staffing-training-expiring"): 5,
    ("advisor", "complaints-updates-overdue"): 6,
    ("advisor", "complaints-updates-due"): 6,
    ("advisor", "complaints-initial-contact"): 6,
    ("advisor", "complaints-reviews"): 6,
}


def test_the_new_lists_pin_their_queries(
    reference_data: None, every_queue: dict[str, Any], django_assert_num_queries: Any
) -> None:
    users = every_queue["users"]
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
    from recording.tests.factories import CrimeFactory

    monkeypatch.setattr(config.listing, "COUNT_CAP", 3)
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
