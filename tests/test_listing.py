"""config.listing: sortable headers, pagination that keeps the query string, safe `next`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from config.listing import Column, list_page, safe_next, with_next

COLUMNS = [
    Column("name", "Username", ("username",)),
    Column("joined", "Joined", ("date_joined",), numeric=True),
    Column("role", "Role"),
]


@pytest.fixture
def users(make_user: Callable[..., Any]) -> list[Any]:
    return [make_user("recorder", username=f"u{i:02d}") for i in range(30)]


def _page(rf: RequestFactory, query: str, **kw: Any) -> Any:
    from staffing.models import User

    request = rf.get(f"/people/{query}")
    return list_page(request, User.objects.all(), columns=COLUMNS, default_sort="name", per_page=10, **kw)


def test_it_sorts_by_the_requested_column_and_direction(rf: RequestFactory, users: list[Any]) -> None:
    asc = _page(rf, "?sort=name")
    desc = _page(rf, "?sort=-name")
    assert [u.username for u in asc.items][:2] == ["u00", "u01"]
    assert [u.username for u in desc.items][:2] == ["u29", "u28"]
    assert desc.sort == "-name"


def test_an_unknown_or_unsortable_column_falls_back_to_the_default(
    rf: RequestFactory, users: list[Any]
) -> None:
    assert _page(rf, "?sort=password").sort == "name"
    assert _page(rf, "?sort=role").sort == "name"


def test_headers_link_to_the_other_direction_and_keep_filters(rf: RequestFactory, users: list[Any]) -> None:
    listing = _page(rf, "?q=u1&sort=name&page=2")
    name, joined, role = listing.headings
    assert name.aria_sort == "ascending"
    assert name.url == "?q=u1&sort=-name"  # page dropped: a new order starts at page 1
    assert joined.aria_sort is None and joined.url == "?q=u1&sort=joined"
    assert role.url is None


def test_pagination_keeps_the_query_string(rf: RequestFactory, users: list[Any]) -> None:
    from staffing.models import User

    request = rf.get("/people/?q=x&sort=-name&page=2")
    listing = list_page(request, User.objects.all(), columns=COLUMNS, default_sort="name", per_page=10)
    html = render_to_string("partials/_pagination.html", {"listing": listing}, request=request)
    assert "Showing 11–20 of 30" in html
    assert 'href="?q=x&amp;sort=-name&amp;page=1"' in html
    assert 'href="?q=x&amp;sort=-name&amp;page=3"' in html
    assert "Page 2 of 3" in html
    assert unquote(listing.next) == "/people/?q=x&sort=-name&page=2"


def test_an_out_of_range_page_shows_the_last_page(rf: RequestFactory, users: list[Any]) -> None:
    assert _page(rf, "?page=99").page.number == 3
    assert _page(rf, "?page=abc").page.number == 1


def test_a_long_list_counts_only_up_to_the_cap_and_says_more(
    rf: RequestFactory, users: list[Any], monkeypatch: pytest.MonkeyPatch, django_assert_num_queries: Any
) -> None:
    import config.listing

    monkeypatch.setattr(config.listing, "COUNT_CAP", 12)
    request = rf.get("/people/?page=2")
    with django_assert_num_queries(1) as captured:
        listing = _page(rf, "?page=2")
    assert "LIMIT 13" in captured.captured_queries[0]["sql"]  # the count stops at the cap
    assert (listing.total, listing.more) == (12, True)
    html = render_to_string("partials/_pagination.html", {"listing": listing}, request=request)
    assert "Showing 11–12 of more than 12 (use the filters to narrow the list)" in html
    assert "Page 2</span>" in html and 'rel="next"' not in html  # pages past the cap are not offered
    monkeypatch.setattr(config.listing, "COUNT_CAP", 30)
    exact = _page(rf, "?page=3")
    assert (exact.total, exact.more) == (30, False)


def test_a_page_costs_two_queries(
    rf: RequestFactory, users: list[Any], django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(2):  # count + the page
        listing = _page(rf, "?sort=-joined")
        listing.items  # noqa: B018 - evaluate the page


def test_the_header_partial_marks_the_sorted_column(rf: RequestFactory, users: list[Any]) -> None:
    html = render_to_string("partials/_list_head.html", {"listing": _page(rf, "?sort=-joined")})
    assert 'aria-sort="descending"' in html
    assert "sort ascending" in html  # following the link reverses the order


@pytest.mark.parametrize(
    ("next_value", "expected"),
    [
        ("/qa/unrecorded/?status=open&page=2", "/qa/unrecorded/?status=open&page=2"),
        ("https://evil.example/", "/fallback/"),
        ("//evil.example/", "/fallback/"),
        ("javascript:alert(1)", "/fallback/"),
        ("", "/fallback/"),
    ],
)
def test_safe_next_only_follows_paths_on_this_site(
    rf: RequestFactory, next_value: str, expected: str
) -> None:
    request = rf.get("/x/", {"next": next_value})
    assert safe_next(request, "/fallback/") == expected


def test_with_next_appends_the_way_back() -> None:
    assert with_next("/item/1/", "/list/?a=1") == "/item/1/?next=%2Flist%2F%3Fa%3D1"
    assert with_next("/item/1/?x=1", "/l/") == "/item/1/?x=1&next=%2Fl%2F"
