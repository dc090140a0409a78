"""Loads the reference code tables (HOCR offences, outcomes, NSIR codes, complaint categories ...) from
the CSV files each app ships. Each app lists its tables in its AppConfig as `reference_tables`, so this
module never imports the apps above it. Loading is idempotent: a row is created when missing, updated
when different and left alone when equal; a bad row stops the load and nothing is written."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import transaction

from config.exceptions import DomainError


def as_bool(value: str) -> bool:
    text = value.strip().lower()
    if text in {"true", "yes", "1"}:
        return True
    if text in {"false", "no", "0"}:
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def as_int(value: str) -> int:
    return int(value.strip())


def as_text(value: str) -> str:
    return value.strip()


@dataclass(frozen=True)
class ReferenceTable:
    model: str  # "app_label.ModelName"
    path: Path
    key: str = "code"
    converters: dict[str, Callable[[str], Any]] = field(default_factory=dict)


@dataclass
class LoadResult:
    table: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def registered_tables() -> list[ReferenceTable]:
    tables: list[ReferenceTable] = []
    for config in apps.get_app_configs():
        tables.extend(getattr(config, "reference_tables", ()))
    return tables


def _rows(table: ReferenceTable) -> list[tuple[int, dict[str, Any]]]:
    out: list[tuple[int, dict[str, Any]]] = []
    with table.path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        for line, row in enumerate(reader, start=2):
            values: dict[str, Any] = {}
            for name, raw in row.items():
                convert = table.converters.get(name, as_text)
                try:
                    values[name] = convert(raw or "")
                except ValueError as exc:
                    raise DomainError(
                        f"{table.path.name} line {line}, field {name}: {exc}", field=name
                    ) from exc
            if not values.get(table.key):
                raise DomainError(f"{table.path.name} line {line}: empty {table.key}", field=table.key)
            out.append((line, values))
    return out


@transaction.atomic
def reference_load(*, tables: list[ReferenceTable] | None = None) -> list[LoadResult]:
    results: list[LoadResult] = []
    for table in tables if tables is not None else registered_tables():
        model = apps.get_model(table.model)
        result = LoadResult(table=table.model)
        existing = {getattr(obj, table.key): obj for obj in model._default_manager.all()}
        for _line, values in _rows(table):
            obj = existing.get(values[table.key])
            if obj is None:
                obj = model(**values)
                obj._change_reason = f"Loaded from {table.path.name}"
                obj.save()
                result.created += 1
                continue
            changed = [name for name, value in values.items() if getattr(obj, name) != value]
            if not changed:
                result.unchanged += 1
                continue
            for name in changed:
                setattr(obj, name, values[name])
            obj._change_reason = f"Updated from {table.path.name}: {', '.join(changed)}"
            obj.save()
            result.updated += 1
        results.append(result)
    return results
