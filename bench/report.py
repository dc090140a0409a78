"""bench/results.json and bench/results.md: each figure's median, min-max spread, floor, ratio, target."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from pathlib import Path
from typing import Any

from django.db import connection

from bench.measure import Figure
from recording.models import Crime, Incident


def machine(
    *, scale: int, crimes: int, complaints: int, repeat: int, build_s: float, reused: bool = False
) -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
        sizes = {}
        for model in (Incident, Crime):
            table = model._meta.db_table
            cursor.execute(f"SELECT pg_total_relation_size(%s), (SELECT count(*) FROM {table})", [table])  # noqa: S608
            total, rows = cursor.fetchone()
            sizes[table] = {
                "bytes": total,
                "rows": rows,
                "bytes_per_row": round(total / rows) if rows else None,
            }
    try:
        with open("/proc/meminfo") as fh:
            ram_kb = int(fh.readline().split()[1])
    except OSError:
        ram_kb = 0
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "incidents": scale,
        "crimes": crimes,
        "complaints": complaints,
        "repeat": repeat,
        "build_s": round(build_s, 1),
        "reused_data": reused,  # measured again on data an earlier run built (`--reuse`)
        "nproc": os.cpu_count(),
        "ram_gb": round(ram_kb / 1024 / 1024, 1),
        "postgresql": pg,
        "python": platform.python_version(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "table_sizes": sizes,
    }


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "rows/s":
        return f"{value:,.0f}"
    if unit == "s":
        return f"{value:.3f}"
    return f"{value:.1f}"


def table(figures: list[Figure], meta: dict[str, Any]) -> str:
    lines = [
        f"Resolve benchmark, {meta['incidents']:,} incidents, {meta['crimes']:,} crimes, "
        f"{meta['complaints']:,} complaints; {meta['repeat']} runs per figure; {meta['nproc']} cores, "
        f"{meta['ram_gb']} GB RAM, PostgreSQL {meta['postgresql']}; {meta['when']}; load average at the end "
        f"{meta['load_average_1m']} (the machine is shared: absolute times are noisy, ratios less so); "
        f"building the data took {meta['build_s']:,.0f} s"
        + (
            " (in an earlier run: these figures were measured again on it with --reuse)"
            if meta.get("reused_data")
            else ""
        ),
        "Tables with their indexes: "
        + "; ".join(
            f"{name} {v['bytes'] / 2**20:,.0f} MB ({v['bytes_per_row']} bytes a row)"
            for name, v in meta.get("table_sizes", {}).items()
            if v["rows"]
        ),
        "",
        "Floors: PostgreSQL's own work on the same data for imports, sweeps and sampling; for each page and "
        "API, the p95 of a bare authenticated page or API request on the same server under the same load, "
        "plus its own SQL replayed on one connection.",
        "",
        "| Figure | Median | Min–max | Floor | Ratio | Target | Met |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        if not f.measurable:
            lines.append(f"| {f.title} | not measurable | | | | {f.target} | – ({f.note}) |")
            continue
        spread = f"{_num(min(f.samples), f.unit)}–{_num(max(f.samples), f.unit)}"
        floor = f"{_num(f.floor_value(), f.unit)} ({f.floor_what})" if f.floor else "–"
        ratio = f"{f.ratio():.2f}" if f.ratio() is not None else "–"
        met = {True: "yes", False: "**no**", None: "–"}[f.met()]
        value = f"{_num(f.value(), f.unit)} {f.unit}"
        lines.append(f"| {f.title} | {value} | {spread} | {floor} | {ratio} | {f.target} | {met} |")
    notes = [f"- {f.title}: {f.note}" for f in figures if f.measurable and f.note]
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"


def write(figures: list[Figure], meta: dict[str, Any], *, out: Path) -> str:
    out.mkdir(parents=True, exist_ok=True)
    payload = {"machine": meta, "figures": {f.key: f.as_json() for f in figures}}
    (out / "results.json").write_text(json.dumps(payload, indent=2) + "\n")
    text = table(figures, meta)
    (out / "results.md").write_text(text)
    return text
