"""Planner statistics after one bulk write (issue 24 part 3).

A sweep or screen that writes thousands of rows in one run leaves PostgreSQL's statistics describing the
table as it was: after the first full sweep into an empty flags table the planner expected 29 open flags
where there were 29,793 and the sergeant's queue took 942 ms instead of 47 ms. Autovacuum would fix that
in time, but a server may run with it off or behind, so the writer itself analyses the table when the
write crosses autovacuum's own default threshold (50 rows + 10% of the rows the planner believes are
there). SQLite keeps no such statistics: nothing to do there."""

from __future__ import annotations

from django.db import connection
from django.db.models import Model

# autovacuum_analyze_threshold and autovacuum_analyze_scale_factor's defaults: analyse when autovacuum would.
ANALYZE_MIN_ROWS = 50
ANALYZE_GROWTH = 0.1


def analyse_after_bulk_write(model: type[Model], written: int) -> bool:
    """ANALYZE `model`'s table when `written` rows (inserted or rewritten in one run) exceed what the
    planner's statistics allow for; True when it analysed. One cheap pg_class read otherwise."""
    if connection.vendor != "postgresql" or written <= ANALYZE_MIN_ROWS:
        return False
    table = model._meta.db_table
    with connection.cursor() as cursor:
        # reltuples: the planner's belief (-1 = never analysed; inserts do not move it).
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        row = cursor.fetchone()
        believed = max(float(row[0]), 0.0) if row else 0.0
        if written <= ANALYZE_MIN_ROWS + ANALYZE_GROWTH * believed:
            return False
        cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    return True
