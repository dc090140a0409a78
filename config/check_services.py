"""`make test` runs this first: it stops at once, saying how to start them, when PostgreSQL or Redis
cannot be reached, instead of letting a hundred tests fail one by one."""

from __future__ import annotations

import os
import sys
from urllib.parse import urlparse

import psycopg2
import redis
from psycopg2 import sql

HELP = (
    "Start them with `docker compose up -d postgres redis` (see README.md), or point DATABASE_URL_TEST / "
    "REDIS_URL_TEST at running servers."
)


def _fail(message: str) -> None:
    sys.stderr.write(f"{message}\n{HELP}\n")
    raise SystemExit(1)


def main() -> None:
    db_url = urlparse(os.environ["DATABASE_URL"])
    name = db_url.path.lstrip("/") or "resolve"
    try:
        conn = psycopg2.connect(
            host=db_url.hostname,
            port=db_url.port or 5432,
            user=db_url.username,
            password=db_url.password,
            dbname="postgres",
            connect_timeout=3,
        )
    except psycopg2.OperationalError as exc:
        _fail(f"PostgreSQL is not reachable at {db_url.hostname}:{db_url.port or 5432}: {exc}".strip())
        return
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()
    try:
        redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        _fail(f"Redis is not reachable at {os.environ['REDIS_URL']}: {exc}")


if __name__ == "__main__":
    main()
