"""Compare the schemas of two databases, ignoring the order of statements and of columns.

Written to prove that the squashed migrations (issue 24 part 1) build the same schema as the chains they
replace: migrate one database with the old chain and one with the new set, then
    python -m config.schema_compare postgres://postgres@127.0.0.1:5432/old postgres://postgres@127.0.0.1:5432/new
    python -m config.schema_compare old.sqlite3 new.sqlite3
prints the differences and exits 1 when there are any. Column order is ignored because a column added
by a later migration comes last in its table, while a squashed CreateModel lists it with the others.
PostgreSQL's side is pg_dump --schema-only; SQLite's is the SQL sqlite_master keeps.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sqlite3
import subprocess
import sys


def _split_top_level(text: str) -> list[str]:
    """The comma-separated items of a column list, leaving commas inside parentheses and quotes alone."""
    items: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            items.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    items.append("".join(current).strip())
    return [item for item in items if item]


def _normal_create_table(statement: str) -> str:
    head, _, rest = statement.partition("(")
    body, _, tail = rest.rpartition(")")
    items = sorted(_split_top_level(body))
    return head.strip() + " (\n    " + ",\n    ".join(items) + "\n)" + tail


def postgres_statements(url: str) -> list[str]:
    dump = subprocess.run(
        ["pg_dump", "--schema-only", "--no-owner", "--no-privileges", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [
        line
        for line in dump.splitlines()
        if line.strip() and not line.startswith(("--", "SET ", "SELECT pg_catalog.set_config", "\\"))
    ]
    statements = [s.strip() for s in "\n".join(lines).split(";\n") if s.strip()]
    return sorted(_normal_create_table(s) if s.startswith("CREATE TABLE ") else s for s in statements)


def sqlite_statements(path: str) -> list[str]:
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    statements = [re.sub(r"\s+", " ", sql) for (sql,) in rows]
    return sorted(_normal_create_table(s) if s.startswith("CREATE TABLE ") else s for s in statements)


def statements(target: str) -> list[str]:
    if target.startswith(("postgres://", "postgresql://")):
        return postgres_statements(target)
    return sqlite_statements(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", help="a postgres:// URL or an SQLite file")
    parser.add_argument("second", help="a postgres:// URL or an SQLite file")
    args = parser.parse_args(argv)
    first, second = statements(args.first), statements(args.second)
    diff = list(difflib.unified_diff(first, second, args.first, args.second, lineterm=""))
    sys.stdout.write("\n".join(diff) + "\n" if diff else f"Same schema ({len(first)} statements).\n")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
