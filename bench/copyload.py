"""COPY rows into a model's table from a generated stream.

A generator yields dicts of the columns it cares about; every other concrete column gets the field's own
Python default (Django defaults are not database defaults, so COPY must send them), `auto_now` /
`auto_now_add` columns get the load time, and nullable columns without a default get NULL. Built from the
model's metadata, so a field added on another branch does not break the benchmark."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from django.db import connection, models


def _text(value: Any) -> str:
    """One value in PostgreSQL COPY text format."""
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        value = json.dumps(value)
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


class _Stream(io.RawIOBase):
    """A read()-able file over an iterator of text lines, for cursor.copy_expert."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunks = [self._buffer]
        have = len(self._buffer)
        while size < 0 or have < size:
            try:
                line = next(self._lines)
            except StopIteration:
                break
            encoded = line.encode()
            chunks.append(encoded)
            have += len(encoded)
        data = b"".join(chunks)
        if size < 0:
            self._buffer = b""
            return data
        self._buffer = data[size:]
        return data[:size]


def row_formatter(
    model: type[models.Model], *, with_id: bool = True
) -> tuple[list[str], Callable[[Mapping[str, Any]], str]]:
    """The column list and a function turning a dict (keyed by attname) into one COPY text line."""
    now = dt.datetime.now(dt.UTC)
    fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
    defaults: dict[str, str] = {}
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults[field.attname] = _text(now)
        elif field.has_default():
            defaults[field.attname] = _text(field.get_default())
        elif field.null or field.primary_key:
            defaults[field.attname] = r"\N"
        elif isinstance(field, models.CharField | models.TextField):
            defaults[field.attname] = ""
        else:
            defaults[field.attname] = ""  # a required column the generator must supply
    names = [f.attname for f in fields]

    def line(row: Mapping[str, Any]) -> str:
        return "\t".join(_text(row[n]) if n in row else defaults[n] for n in names) + "\n"

    return [str(f.column) for f in fields], line


def copy_lines(table: str, columns: list[str], lines: Iterable[str]) -> None:
    """COPY text lines into table(columns) on Django's connection."""
    cols = ", ".join(connection.ops.quote_name(c) for c in columns)
    sql = f"COPY {connection.ops.quote_name(table)} ({cols}) FROM STDIN"
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(sql, _Stream(iter(lines)), size=1 << 16)


def copy_rows(model: type[models.Model], rows: Iterable[Mapping[str, Any]], *, with_id: bool = True) -> None:
    columns, line = row_formatter(model, with_id=with_id)
    copy_lines(model._meta.db_table, columns, (line(r) for r in rows))


def reset_sequence(model: type[models.Model]) -> None:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE((SELECT max(id) FROM {table}), 0) + 1,"  # noqa: S608
            " false)",
            [table],
        )
