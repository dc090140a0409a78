"""`make backup` / `make restore`: pg_dump (custom format) of the database named by DATABASE_URL, and
pg_restore of such a dump into a NEW database (restore never overwrites one that exists).

    make backup  [BACKUP_FILE=backups/resolve.dump]
    make restore BACKUP_FILE=backups/resolve.dump RESTORE_DATABASE=resolve_restored

Both read DATABASE_URL for the server and credentials. Rehearse a restore regularly: a backup nobody
has restored is a hope, not a backup (tests/test_backup.py does it on every test run)."""

from __future__ import annotations

import argparse
import logging
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from psycopg2 import sql

logger = logging.getLogger(__name__)

DATABASE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


class BackupError(Exception):
    pass


def libpq_url(database_url: str, database: str | None = None) -> str:
    """DATABASE_URL as libpq understands it (postgresql://), optionally naming another database."""
    parts = urlsplit(database_url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql", "psql"}:
        raise BackupError(f"DATABASE_URL must be a PostgreSQL URL, not {parts.scheme}://")
    path = f"/{database}" if database is not None else parts.path
    return urlunsplit(("postgresql", parts.netloc, path, parts.query, ""))


def default_backup_file(database_url: str) -> Path:
    name = urlsplit(database_url).path.lstrip("/") or "resolve"
    stamp = datetime.now(tz=UTC).strftime("%Y%m%dT%H%M%SZ")
    return Path("backups") / f"{name}-{stamp}.dump"


def backup(*, database_url: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(path),
            "--dbname",
            libpq_url(database_url),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return path


def restore(*, database_url: str, path: Path, database: str) -> None:
    if not DATABASE_NAME.fullmatch(database):
        raise BackupError(f"{database!r} is not a valid database name (letters, digits, underscores)")
    if not path.is_file():
        raise BackupError(f"no backup file at {path}")
    admin = psycopg2.connect(libpq_url(database_url, "postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
            if cur.fetchone() is not None:
                raise BackupError(f"database {database} already exists; restore only into a new database")
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    finally:
        admin.close()
    # One transaction: a dump that is truncated or damaged part-way restores nothing rather than the
    # tables before the damage, and the new database is then dropped, so no partly filled copy is ever
    # left for someone to mistake for the whole.
    result = subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            libpq_url(database_url, database),
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        _drop(database_url, database)
        raise BackupError(
            f"pg_restore into {database} failed, so nothing was restored and {database} was removed: "
            f"{result.stderr.strip()}"
        )


def _drop(database_url: str, database: str) -> None:
    admin = psycopg2.connect(libpq_url(database_url, "postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
    finally:
        admin.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m config.backup", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dump = commands.add_parser("backup", help="pg_dump the DATABASE_URL database to a file")
    dump.add_argument("--file", type=Path, default=None)
    load = commands.add_parser("restore", help="pg_restore a dump into a new database")
    load.add_argument("--file", type=Path, required=True)
    load.add_argument("--database", required=True)
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url:
        sys.stderr.write("Set DATABASE_URL to the PostgreSQL server (and, for backup, the database).\n")
        return 1
    try:
        if args.command == "backup":
            path = backup(database_url=database_url, path=args.file or default_backup_file(database_url))
            sys.stdout.write(f"{path}\n")
        else:
            restore(database_url=database_url, path=args.file, database=args.database)
            sys.stdout.write(f"restored {args.file} into {args.database}\n")
    except (BackupError, psycopg2.Error) as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
