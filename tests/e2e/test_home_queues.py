"""Every home count leads to its list (issue 15 part 4), in the browser: for every role, each count on
the home page opens a list showing exactly that many rows; tonight's domestic-abuse crime with a
vulnerable victim leads the sergeant's allocation queue after the rape (a restricted class), ahead of more
than 50 older crimes."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import axe_violations, screenshot, sign_in
from tests.queue_seed import OLDER_CRIMES, seed_every_queue

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROLES = ("recorder", "investigator", "sergeant", "advisor", "manager", "admin")


def list_rows(page: Any, href: str) -> int:
    """The rows the list says it holds (its pagination's total), or for the coverage page the gaps of
    the table the link points at."""
    page.goto(href)
    if "#cov-" in href:
        n = href.rsplit("#cov-", 1)[1]
        return int(page.locator(f"section[aria-labelledby=cov-{n}]").get_attribute("data-gaps"))
    total = page.locator(".pagination .count").first.get_attribute("data-total")
    assert total is not None and not total.endswith("+"), href
    return int(total)


def test_every_home_count_equals_the_rows_of_the_list_it_opens(page: Any, reference_data: None) -> None:
    seed_every_queue()
    for role in ROLES:
        page.context.clear_cookies()
        sign_in(page, f"q.{role}")
        page.wait_for_selector("#queues")
        links = page.locator("#queues a[id^=queue-]")
        queues = []
        for i in range(links.count()):
            link = links.nth(i)
            key = link.get_attribute("id").removeprefix("queue-")
            count = int(page.locator(f"#queues .count[data-queue='{key}']").inner_text())
            queues.append((key, link.get_attribute("href"), count))
        assert queues, role
        if role == "sergeant":
            screenshot(page, "01-sergeant-home")
        for key, href, count in queues:
            assert count > 0, f"{role}: {key} is empty in the seed"
            assert list_rows(page, href) == count, f"{role}: {key} ({href})"


def test_tonights_domestic_abuse_crime_with_a_vulnerable_victim_is_next_to_allocate_after_the_rape(
    page: Any, reference_data: None
) -> None:
    tonight = seed_every_queue()["tonight"]
    sign_in(page, "q.sergeant")
    page.click("#queue-recording-crimes-to-allocate")
    assert page.locator("h1").inner_text() == "Crimes to allocate"
    assert "Riskiest first" in page.locator("p.ordering").inner_text()
    rows = page.locator("table.queue-list tbody tr")
    # The seed's rape is a restricted class, so it leads (issue 20 part 2); tonight's crime is next.
    assert "19C Rape" in rows.first.inner_text() and "Restricted offence" in rows.first.inner_text()
    first = rows.nth(1)
    assert tonight.crime_number in first.inner_text()
    assert "Vulnerable victim" in first.inner_text() and "Domestic abuse" in first.inner_text()
    # No cap: every crime to allocate is there, page by page.
    assert int(page.locator(".pagination .count").get_attribute("data-total")) > OLDER_CRIMES
    screenshot(page, "02-to-allocate-risk-first")
    assert axe_violations(page) == []
    # The sort control re-sorts (oldest first), and the page says the order is no longer risk-first.
    page.select_option("#id_sort", "recorded")
    page.click("form.sort-form button")
    assert tonight.crime_number not in page.locator("table.queue-list tbody tr").first.inner_text()
    assert "Re-sorted by you" in page.locator("p.ordering").inner_text()
    page.click("a[rel=next]")
    assert "Page 2" in page.locator(".pagination").inner_text()
    screenshot(page, "03-to-allocate-oldest-first-page-2")
