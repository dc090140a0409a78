"""The list-page pattern every work queue uses: a GET filter form, sortable column headers that are
plain links, pagination that keeps the query string, and "back to list" via a checked `?next=`.

A view builds a `ListPage` from a queryset it already filtered (the selector loads related rows, so
the page costs a count query and a page query, never a query per row) and renders it with
`templates/partials/_list_head.html` and `templates/partials/_pagination.html`. Item links carry
`?next=<this page's path and query>`; the item's screen sends the user back there with `safe_next()`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme

PER_PAGE = 25
# Counting every row of a queue costs time that grows with the queue (tens of ms a page view at a few
# hundred thousand open flags, bench/, issue 9); nobody pages through more than this, so past it the page
# says "more than 5,000" and the filters narrow it.
COUNT_CAP = 5000


def capped_count(queryset: QuerySet[Any]) -> tuple[int, bool]:
    """How many rows, at most COUNT_CAP, and whether there are more: one count of a LIMIT subquery in no
    order (ordered, it would read its first rows in the list's order, fetching each from the table where
    unordered it can read an index alone), so a long list costs no more than a short one."""
    counted = queryset.order_by()[: COUNT_CAP + 1].count()
    return min(counted, COUNT_CAP), counted > COUNT_CAP


class CappedPaginator(Paginator):
    """A paginator over a queryset that counts at most COUNT_CAP + 1 rows (capped_count)."""

    @cached_property
    def counted(self) -> int:
        count, more = capped_count(self.object_list)  # type: ignore[arg-type]
        return count + more

    @cached_property
    def count(self) -> int:
        return min(self.counted, COUNT_CAP)

    @property
    def more(self) -> bool:
        return self.counted > COUNT_CAP


@dataclass(frozen=True)
class Column:
    """A column of a list: `order_by` is the queryset ordering it sorts by (None: not sortable)."""

    key: str
    label: str
    order_by: tuple[str, ...] | None = None
    numeric: bool = False


@dataclass(frozen=True)
class Heading:
    key: str
    label: str
    url: str | None
    aria_sort: str | None
    numeric: bool
    direction: str  # what following the link does, for screen readers: "ascending"/"descending"


@dataclass(frozen=True)
class ListPage:
    page: Page[Any]
    headings: list[Heading]
    sort: str
    next: str
    total: int  # at most COUNT_CAP; `more` says there are more

    filtered: bool = False
    more: bool = False

    @property
    def items(self) -> list[Any]:
        return list(self.page.object_list)


def _with(query: QueryDict, **changes: str | None) -> str:
    params = query.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _nullable(model: Any, path: str) -> bool:
    """Whether `path` ("owner__last_name") can be empty on `model`'s rows: a nullable field, or one
    reached through a nullable relation. Not a field (an annotation): assumed never empty."""
    for part in path.split("__"):
        try:
            field = model._meta.get_field(part)
        except Exception:  # noqa: BLE001 - an annotation, not a field
            return False
        if getattr(field, "null", False):
            return True
        model = getattr(field, "related_model", None)
        if model is None:
            return False
    return False


def _ordering(order_by: Sequence[str], descending: bool, model: Any = None) -> list[Any]:
    out: list[Any] = []
    for name in order_by:
        if name.startswith("-"):
            name, desc = name[1:], not descending
        else:
            desc = descending
        if model is not None and not _nullable(model, name):
            # Never empty: a plain ASC/DESC, so one index serves both directions (a backward scan of
            # "x DESC" is "x ASC"; forcing NULLS LAST both ways would make the reversed order a sort).
            out.append(F(name).desc() if desc else F(name).asc())
            continue
        # Empty values last in both directions, so "oldest first" never starts with blanks.
        out.append(F(name).desc(nulls_last=True) if desc else F(name).asc(nulls_last=True))
    return out


def list_page(
    request: HttpRequest,
    queryset: QuerySet[Any],
    *,
    columns: Sequence[Column],
    default_sort: str,
    per_page: int = PER_PAGE,
    filter_keys: Sequence[str] = (),
    counted: int | None = None,
) -> ListPage:
    """Sort by `?sort=key` / `?sort=-key` (unknown keys fall back to `default_sort`), then paginate
    by `?page=` (out of range: the nearest page). The primary key is the final tie-breaker, so the
    pages never overlap. `counted`: the queryset's row count when the view already has it (the list
    then costs its page query only)."""
    query = request.GET
    by_key = {c.key: c for c in columns if c.order_by}
    requested = query.get("sort", default_sort)
    key = requested.lstrip("-")
    if key not in by_key:
        requested, key = default_sort, default_sort.lstrip("-")
    descending = requested.startswith("-")
    column = by_key[key]
    assert column.order_by is not None
    ordered = queryset.order_by(*_ordering(column.order_by, descending, queryset.model), "pk")
    paginator = CappedPaginator(ordered, per_page)
    if counted is not None:
        paginator.__dict__["counted"] = counted  # the cached_property's value, as if it had counted
    page = paginator.get_page(query.get("page"))
    headings = []
    for c in columns:
        if not c.order_by:
            headings.append(Heading(c.key, c.label, None, None, c.numeric, ""))
            continue
        current = c.key == key
        next_desc = current and not descending
        aria = ("descending" if descending else "ascending") if current else None
        url = _with(query, sort=("-" if next_desc else "") + c.key, page=None)
        headings.append(
            Heading(c.key, c.label, url, aria, c.numeric, "descending" if next_desc else "ascending")
        )
    here = request.get_full_path()
    filtered = any(query.get(k) for k in filter_keys)
    return ListPage(
        page=page,
        headings=headings,
        sort=requested,
        next=quote(here, safe=""),
        total=paginator.count,
        filtered=filtered,
        more=paginator.more,
    )


# A number no row's key will be, standing for the key while the route is reversed once.
_KEY = 987654321


def url_for_each(name: str, *args: Any) -> Callable[[int], str]:
    """`reverse(name, args=[*args, pk])` for every row of a list, the route reversed once rather than per
    row (about 0.1 ms each, three a row on the sergeant's queue: issue 24 part 4)."""
    prefix, suffix = reverse(name, args=[*args, _KEY]).split(str(_KEY))
    return lambda pk: f"{prefix}{int(pk)}{suffix}"


def valid_filters(form: Any) -> dict[str, Any]:
    """The filters of a GET filter form that are valid, so one bad value (a mistyped date) is a field
    error beside that field and never silently drops the others: Django keeps each field that cleaned in
    `cleaned_data` and leaves out the ones in error."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return dict(form.cleaned_data)


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The `next` parameter (GET or POST) when it is a path on this site, else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def with_next(url: str, next_path: str) -> str:
    """`url` with `next=` appended (for redirects that should keep the way back)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}{urlencode({'next': next_path})}"
