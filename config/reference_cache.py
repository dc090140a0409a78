"""Reference data read once per change, not once per request (issue 24 part 4).

The decision API judges against the offence catalogue, built from two reference tables (the Home
Office classes and offence codes) that change a few times a year. Building it on every request cost the
API 2-3 ms; a stale copy would judge against an old table. A `ReferenceCache` holds what was built
beside the tables' version, and one small query for the version decides on each call whether it still
stands: every change to an audited table writes a history row (STYLE 9: the loader, the admin and the
services all save through simple-history), so the newest history row and the row count move whenever
the table does. Worth it only where building costs more than that query (a single small SELECT does
not: the complaint category codes are read directly).

    _catalogue = ReferenceCache(Offence, OffenceCode)

    def offence_catalogue() -> dict[str, OffenceInfo]:
        return dict(_catalogue.get(_catalogue_read))

Each process holds its own copy (gunicorn workers, Celery workers): nothing to invalidate across them.
Values handed out are shared, so cache immutable values or hand out copies."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from django.db import connections, models, router


def reference_version(*tables: type[models.Model]) -> tuple[Any, ...]:
    """For each table: its row count and its newest history row's id and time, in one query."""
    parts = []
    for model in tables:
        history = model.history.model._meta.db_table  # type: ignore[attr-defined]
        parts.append(
            f"(SELECT count(*) FROM {model._meta.db_table}), "  # noqa: S608 - names from the models
            f"(SELECT max(history_id) FROM {history}), (SELECT max(history_date) FROM {history})"
        )
    with connections[router.db_for_read(tables[0])].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")
        row = cursor.fetchone()
    return tuple(row) if row else ()


class ReferenceCache[T]:
    """A value built from reference tables, built again only when one of them (or `key`) changed."""

    def __init__(self, *tables: type[models.Model]) -> None:
        if not tables:
            raise ValueError("a ReferenceCache needs the tables its value is read from")
        self.tables = tables
        self._held: tuple[Hashable, T] | None = None

    def get(self, build: Callable[[], T], *, key: Hashable = None) -> T:
        version = (key, reference_version(*self.tables))
        held = self._held  # one read: another thread may replace the pair, never half of it
        if held is not None and held[0] == version:
            return held[1]
        value = build()
        self._held = (version, value)
        return value
