"""`python -m bench`: create a separate database, build the data with COPY, measure, report.

    python -m bench                      # 2,000,000 incidents, 400,000 crimes, 20,000 complaints
    python -m bench --scale 10000000     # up to 10 million incidents (crimes and complaints scale along)
    python -m bench --small              # 20,000 incidents: a few seconds, run in CI
    python -m bench --db resolve_bench   # the database to drop and recreate (never the app's own)
    python -m bench --reuse --only sweep_first_run_s,sergeant_queue_p95_ms
                                         # measure again on the data built last time (no rebuild)

The PostgreSQL server comes from BENCH_PG_URL, else DATABASE_URL_TEST / DATABASE_URL (its database name
is replaced), else postgres://postgres@127.0.0.1:5432."""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from psycopg2 import sql

logger = logging.getLogger("bench")

DEFAULT_SCALE = 2_000_000
MAX_SCALE = 10_000_000
SMALL_SCALE = 20_000


def server_url() -> str:
    for name in ("BENCH_PG_URL", "DATABASE_URL_TEST", "DATABASE_URL"):
        url = os.environ.get(name, "")
        if url.startswith("postgres"):
            return url
    return "postgres://postgres@127.0.0.1:5432/postgres"


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def recreate_database(url: str, name: str, template: str | None = None) -> None:
    if name in {"postgres", "template0", "template1", "resolve"} or not name.replace("_", "").isalnum():
        raise SystemExit(f"refusing to drop database {name!r}: give the benchmark its own --db")
    conn = psycopg2.connect(with_database(url, "postgres"))
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:  # a migrated copy: `migrate` then has nothing to apply
            create = sql.SQL("{} TEMPLATE {}").format(create, sql.Identifier(template))
        cursor.execute(create)
    conn.close()


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=int, help=f"incidents (default {DEFAULT_SCALE:,}, at most {MAX_SCALE:,})"
    )
    parser.add_argument("--small", action="store_true", help=f"{SMALL_SCALE:,} incidents, fewer repetitions")
    parser.add_argument("--db", default="resolve_bench", help="database to drop and recreate")
    parser.add_argument("--repeat", type=int, help="repetitions per figure (default 5, --small 3)")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the database built by an earlier run (no rebuild)"
    )
    parser.add_argument(
        "--only", default="", help="comma-separated figure keys to measure (results are printed, not written)"
    )
    parser.add_argument(
        "--template",
        help="start from a copy of this migrated database (the test suite's template) instead of migrating",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent, help="where results go")
    args = parser.parse_args(argv)
    scale = args.scale or (SMALL_SCALE if args.small else DEFAULT_SCALE)
    if not 1_000 <= scale <= MAX_SCALE:
        parser.error(f"--scale must be between 1,000 and {MAX_SCALE:,}")
    args.scale = scale
    args.repeat = args.repeat or (3 if args.small else 5)
    args.only = [k for k in args.only.split(",") if k]
    return args


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    args = parse(argv)
    url = server_url()
    if not args.reuse:
        recreate_database(url, args.db, args.template)
    os.environ["DATABASE_URL"] = with_database(url, args.db)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")

    import django

    django.setup()
    from django.core.management import call_command

    from bench import data, figures, report

    unknown = set(args.only) - set(figures.FIGURE_KEYS)
    if unknown:
        raise SystemExit(f"unknown figure {sorted(unknown)}: choose from {', '.join(figures.FIGURE_KEYS)}")
    started = time.perf_counter()
    if args.reuse:
        built, build_s = data.reuse(args.db)
    else:
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_reference", verbosity=0, stdout=io.StringIO())
        crimes, complaints = args.scale // 5, max(200, args.scale // 100)
        logger.info("building %s incidents, %s crimes, %s complaints", args.scale, crimes, complaints)
        t0 = time.perf_counter()
        built = data.build_all(incidents=args.scale, crimes=crimes, complaints=complaints)
        build_s = time.perf_counter() - t0
        data.remember(args.db, built, build_s=build_s)
        logger.info("built in %.1f s", build_s)
    results = figures.measure_all(
        built, repeat=args.repeat, small=args.small, out=args.out, only=args.only or None
    )
    meta = report.machine(
        scale=built.incidents, crimes=built.crimes, complaints=built.complaints, repeat=args.repeat,
        build_s=build_s, reused=args.reuse,
    )  # fmt: skip
    meta["total_s"] = round(time.perf_counter() - started, 1)
    if args.only:
        table = report.table(results, meta)
    else:
        table = report.write(results, meta, out=args.out)
    sys.stdout.write(table)
    return 0
