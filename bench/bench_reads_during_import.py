"""SQLite reads over HTTP while a big import writes: p50/p99 latency of GETs.

Baseline, in the same run: the same GETs on the same server and database, idle. The
import runs as `revalo import returns` in another process (as an operator would start it);
the server reads through its reader connections, so the import's write transaction should
not make a reader wait. Target: p99 <= 50 ms while the import runs.

    .venv/bin/python bench/bench_reads_during_import.py [--lines 100000] [--port 8102]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _world import BENCH, authorised_returns, bench_headers, fresh_app, seed
from bench_import import CUSTOMERS, write_file
from bench_receive_http import percentile, serve, wait_ready
from revalo.adapters.db import sqlite_url

#: What a manager's screens and a receiving station read.
URLS = (
    "/api/v1/returns?limit=20",
    "/api/v1/products/SKU-0007",
    "/api/v1/units?limit=20",
    "/api/v1/stock/balances",
    "/api/v1/returns?state=authorised&limit=50",
)


def reads(
    http: httpx.Client, *, count: int | None, until: subprocess.Popen[bytes] | None
) -> tuple[list[float], int]:
    """Sequential GETs: ``count`` of them, or as long as ``until`` runs."""
    latencies: list[float] = []
    failed = 0
    n = 0
    while True:
        if count is not None and n >= count:
            break
        if until is not None and until.poll() is not None:
            break
        url = URLS[n % len(URLS)]
        t0 = time.perf_counter()
        try:
            failed += http.get(url).status_code != 200
        except httpx.HTTPError:  # the server dropped the connection
            failed += 1
        latencies.append(time.perf_counter() - t0)
        n += 1
    return latencies, failed


def show(name: str, lat: list[float], failed: int) -> None:
    p50, p99 = percentile(lat, 0.50), percentile(lat, 0.99)
    print(
        f"  {name:<22} {len(lat):6d} GETs   p50 {p50 * 1000:7.2f} ms   p99 {p99 * 1000:7.2f} ms"
        f"   max {max(lat) * 1000:7.2f} ms   mean {statistics.fmean(lat) * 1000:6.2f} ms"
        f"   ({failed} not 200)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--idle-reads", type=int, default=500)
    ap.add_argument("--port", type=int, default=8102)
    ap.add_argument(
        "--nice",
        type=int,
        default=0,
        help="run the import at this lower CPU priority (tells its share of the CPU apart "
        "from waits for the database on a machine with few cores)",
    )
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        app = fresh_app(db)
        products = seed(app, customers=CUSTOMERS)
        authorised_returns(app, products, 500)
        headers = bench_headers(app)
        app.close()
        csv_path = Path(tmp) / "returns.csv"
        write_file(csv_path, args.lines, [p.sku for p in products])

        server = serve(sqlite_url(db), args.port)
        base = f"http://127.0.0.1:{args.port}"
        revalo = Path(sys.executable).with_name("revalo")
        try:
            wait_ready(base)
            with httpx.Client(base_url=base, timeout=60, headers=headers) as http:
                reads(http, count=50, until=None)  # warm up: connections, caches
                idle = reads(http, count=args.idle_reads, until=None)
                t0 = time.perf_counter()
                nice = ["nice", "-n", str(args.nice)] if args.nice else []
                command = [str(revalo), "import", "returns", str(csv_path), "--db", str(db)]
                importer = subprocess.Popen(
                    [*nice, *command, "--as", BENCH.login],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
                busy = reads(http, count=None, until=importer)
                importer.wait()
                import_s = time.perf_counter() - t0
                imported = importer.returncode == 0
                total = http.get("/api/v1/returns?limit=1").json()["count"]
                load = os.getloadavg()[0]
        finally:
            server.terminate()
            server.wait(timeout=10)

    niced = f" (nice {args.nice})" if args.nice else ""
    print(
        f"GETs over HTTP on SQLite, one client, while `revalo import`{niced} writes "
        f"{args.lines} lines"
    )
    show("idle (baseline)", *idle)
    show("during the import", *busy)
    if len(busy[0]) < 100:
        print(f"  only {len(busy[0])} GETs during the import: give more --lines")
    err = (
        "" if imported else f" FAILED: {importer.stderr.read().decode() if importer.stderr else ''}"
    )
    print(f"  import took {import_s:.1f} s{err}; returns in the database after it: {total}")
    print(f"  load average at the end: {load:.1f} on {os.cpu_count()} cores")
    print(
        "ratio p99 during import / idle: "
        f"{percentile(busy[0], 0.99) / percentile(idle[0], 0.99):.2f}"
    )


if __name__ == "__main__":
    main()
