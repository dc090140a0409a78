"""Loads the reference code tables (HOCR offences, outcomes, NSIR codes, complaint categories ...) from
the CSV files each app ships. Each app lists its tables in its AppConfig as `reference_tables`, so this
module never imports the apps above it. Loading is idempotent: a row is created when missing, updated
when different and left alone when equal; a bad row stops the load and nothing is written."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
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


def as_optional_date(value: str) -> date | None:
    """A YYYY-MM-DD date, or None for an empty cell."""
    text = value.strip()
    return date.fromisoformat(text) if text else None


def as_text(value: str) -> str:
    return value.strip()


@dataclass(frozen=True)
class ReferenceTable:
    model: str  # "app_label.ModelName"
    path: Path
    #: The field(s) naming a row: a row with the same key is updated, not added. A tuple where a code
    #: alone is not unique (ho_offence_codes.csv prints 1/1 twice, for two offences).
    key: str | tuple[str, ...] = "code"
    converters: dict[str, Callable[[str], Any]] = field(default_factory=dict)
    #: CSV column -> model field, where they are named differently ("ho_code" -> "code").
    columns: dict[str, str] = field(default_factory=dict)
    #: model field -> "app_label.ModelName" whose `code` the column holds (a row under an unknown code
    #: stops the load). Tables are loaded in order, so the referenced table comes first.
    foreign_keys: dict[str, str] = field(default_factory=dict)
    #: model field -> function of the row's converted values, for a field the file does not carry but
    #: a rule derives from it (a force's directory code from its IOPC name): the file stays a verbatim
    #: copy of its source.
    derived: dict[str, Callable[[dict[str, Any]], Any]] = field(default_factory=dict)

    @property
    def key_fields(self) -> tuple[str, ...]:
        return (self.key,) if isinstance(self.key, str) else self.key


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
    """The file's rows as model field values (columns renamed, foreign codes resolved to ids)."""
    targets = {
        name: dict(apps.get_model(target)._default_manager.values_list("code", "pk"))
        for name, target in table.foreign_keys.items()
    }
    out: list[tuple[int, dict[str, Any]]] = []
    with table.path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        for line, row in enumerate(reader, start=2):
            values: dict[str, Any] = {}
            for column, raw in row.items():
                convert = table.converters.get(column, as_text)
                try:
                    value = convert(raw or "")
                except ValueError as exc:
                    raise DomainError(
                        f"{table.path.name} line {line}, field {column}: {exc}", field=column
                    ) from exc
                name = table.columns.get(column, column)
                if name in targets:
                    if value not in targets[name]:
                        raise DomainError(
                            f"{table.path.name} line {line}, field {column}: no "
                            f"{table.foreign_keys[name]} with code {value!r}",
                            field=column,
                        )
                    name, value = f"{name}_id", targets[name][value]
                values[name] = value
            for name, derive in table.derived.items():
                values[name] = derive(values)
            for key in table.key_fields:
                if not values.get(key):
                    raise DomainError(f"{table.path.name} line {line}: empty {key}", field=key)
            out.append((line, values))
    return out


@transaction.atomic
def reference_load(*, tables: list[ReferenceTable] | None = None) -> list[LoadResult]:
    results: list[LoadResult] = []
    for table in tables if tables is not None else registered_tables():
        model = apps.get_model(table.model)
        result = LoadResult(table=table.model)
        keys = table.key_fields
        existing = {tuple(getattr(obj, k) for k in keys): obj for obj in model._default_manager.all()}
        new: list[Any] = []
        for _line, values in _rows(table):
            key = tuple(values[k] for k in keys)
            obj = existing.get(key)
            if obj is None:
                obj = existing[key] = model(**values)
                new.append(obj)
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
        # New rows in two statements, the rows and their history rows, rather than two per row: a first
        # load (a new install, the demo, every test database emptied by a transactional test) writes
        # hundreds of rows, and one save each made that seconds.
        model._default_manager.bulk_create(new)
        model.history.bulk_history_create(new, default_change_reason=f"Loaded from {table.path.name}")
        result.created = len(new)
        results.append(result)
    return results


# ---------------------------------------------------------------- letter templates (issue 22)
SHIPPED_LETTER_TEMPLATES = Path(__file__).resolve().parent / "reference" / "letter_templates.yaml"


def letter_templates_shipped() -> list[dict[str, Any]]:
    """The letter templates Resolve ships (staffing/reference/letter_templates.yaml), as plain dicts:
    key, name, record_type, purpose, variant, channel, conditions, needs_approval, subject, body."""
    import yaml

    out: list[dict[str, Any]] = []
    for item in yaml.safe_load(SHIPPED_LETTER_TEMPLATES.read_text(encoding="utf-8")):
        out.append(
            {
                "key": item["key"],
                "name": item["name"],
                "record_type": item["record_type"],
                "purpose": item["purpose"],
                "variant": item.get("variant", "standard"),
                "channel": item.get("channel", "letter"),
                "conditions": list(item.get("conditions", [])),
                "needs_approval": bool(item.get("needs_approval", False)),
                "subject": item["subject"].strip(),
                "body": item["body"].strip() + "\n",
            }
        )
    return out
