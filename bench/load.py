"""A small bounded load generator: N threads, each with its own keep-alive http.client connection to
127.0.0.1, send a fixed number of requests in total (or stop at a time cap) and report latencies.

Run as a separate process so the server and the client do not share an interpreter:
    python -m bench.load --port 8765 --path /complaints/ --threads 20 --requests 400 --cookie sessionid=...
--think S makes each thread a user who waits 0.5-1.5 x S seconds between requests (0: back to back).
Several --cookie / --header values are spread round-robin over the threads (one user per thread). A JSON
body (--body FILE) makes the requests POSTs. Prints one JSON object: count, errors, p50/p95/max in ms,
requests per second."""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import threading
import time
from typing import Any

HOST = "127.0.0.1"


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def run(
    *,
    port: int,
    path: str,
    threads: int,
    requests: int,
    time_cap: float,
    headers: list[dict[str, str]],
    body: bytes | None = None,
    warmup: int = 1,
    think: float = 0.0,
) -> dict[str, Any]:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    remaining = [requests]
    deadline = time.monotonic() + time_cap
    method = "POST" if body is not None else "GET"

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        hdrs = dict(headers[n % len(headers)]) if headers else {}
        if body is not None:
            hdrs["Content-Type"] = "application/json"
        for _ in range(warmup):  # open the connection and warm this worker's caches; not counted
            conn.request(method, path, body=body, headers=hdrs)
            conn.getresponse().read()
        pause = random.Random(n)  # noqa: S311 - spreads think times, not a secret
        while time.monotonic() < deadline:
            if think:
                time.sleep(pause.uniform(0.5 * think, 1.5 * think))
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            start = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=hdrs)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                status = 0
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                with lock:
                    errors.append(repr(exc))
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                if status and status != 200:
                    errors.append(f"HTTP {status}")
        conn.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall = time.perf_counter() - started
    return {
        "count": len(latencies),
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        "p50_ms": statistics.median(latencies) if latencies else float("nan"),
        "p95_ms": percentile(latencies, 95),
        "max_ms": max(latencies) if latencies else float("nan"),
        "rps": len(latencies) / wall if wall else 0.0,
        "capped": len(latencies) < requests,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--time-cap", type=float, default=60.0)
    parser.add_argument("--cookie", action="append", default=[], help="one per user, e.g. sessionid=abc")
    parser.add_argument(
        "--header", action="append", default=[], help="one per user, e.g. 'Authorization: Token x'"
    )
    parser.add_argument("--think", type=float, default=0.0, help="mean seconds a user waits between requests")
    parser.add_argument("--body", help="a file with a JSON body: the requests become POSTs")
    args = parser.parse_args(argv)
    headers = [{"Cookie": c} for c in args.cookie]
    for h in args.header:
        name, _, value = h.partition(":")
        headers.append({name.strip(): value.strip()})
    body = None
    if args.body:
        with open(args.body, "rb") as fh:
            body = fh.read()
    result = run(
        port=args.port,
        path=args.path,
        threads=args.threads,
        requests=args.requests,
        time_cap=args.time_cap,
        headers=headers,
        body=body,
        think=args.think,
    )
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
