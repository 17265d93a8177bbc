"""The cost analysis over a demo database (any size; the issue's is 20,000 units, and the
size measured is printed): p50 / p95 of 100 requests
grouped by two dimensions (a different pair each time, over eight weeks), against the plain
total (no grouping) measured in the same run as the baseline; target p95 under 1 s.

Each request is the API's ``GET /api/v1/costs/analysis`` in-process (Starlette's
TestClient: the time is the server's): the groups, the weeks, the previous period and the
drivers, every figure summed by the database from the cost ledger's lines.

    .venv/bin/revalo demo --units 5000 --db /tmp/demo5k.db       # ~3 minutes, once
    .venv/bin/python bench/bench_costs.py --db /tmp/demo5k.db
    .venv/bin/revalo demo --units 20000 --db /tmp/demo20k.db     # longer
    .venv/bin/python bench/bench_costs.py --db /tmp/demo20k.db
    .venv/bin/python bench/bench_costs.py --db /tmp/demo20k.db --repeat 200

It stops with the reason (exit status 1) on a database that is missing or holds no cost
lines.
"""

from __future__ import annotations

import argparse
import itertools
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from _world import bench_headers
from revalo.adapters.db import sqlite_url
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import bootstrap
from revalo.entrypoints.api import create_app
from revalo.settings import Settings

TARGET_S = 1.0
MIN_REPEAT = 100
#: Pairs of dimensions, asked in turn.
PAIRS = [
    ("site", "reason"), ("carrier", "lane"), ("category", "route"), ("client", "country"),
    ("site", "week"), ("mode", "category"), ("channel", "site"), ("reason", "stage"),
]  # fmt: skip


def _held(path: Path) -> tuple[int, int]:
    """Units and legs of the database; exits loudly when it is missing or empty."""
    if not path.exists():
        sys.exit(f"bench_costs: {path} does not exist; build it with `revalo demo --db {path}`")
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master")}
        if not {"units", "unit_legs", "work_orders"} <= tables:
            sys.exit(f"bench_costs: {path} is not a Revalo database")
        units = conn.execute("select count(*) from units").fetchone()[0]
        legs = conn.execute("select count(*) from unit_legs").fetchone()[0]
        orders = conn.execute("select count(*) from work_orders").fetchone()[0]
    if not units or not legs or not orders:
        sys.exit(f"bench_costs: {path} holds {units} units, {legs} legs, {orders} work orders")
    return units, legs


def _time(client: TestClient, params: dict[str, str]) -> float:
    started = time.perf_counter()
    answer = client.get("/api/v1/costs/analysis", params=params)
    took = time.perf_counter() - started
    if answer.status_code != 200:
        sys.exit(f"bench_costs: {params} answered {answer.status_code}: {answer.text[:300]}")
    if not answer.json()["total"]["units"]:
        sys.exit("bench_costs: the analysis found no cost in the period: the data is missing")
    return took


def _p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="the demo's SQLite file")
    ap.add_argument("--repeat", type=int, default=MIN_REPEAT)
    args = ap.parse_args()
    repeat = max(MIN_REPEAT, args.repeat)
    units, legs = _held(args.db)
    # A demo built before the ledger's table (migrations 0029, 0041) gets it, and its lines.
    upgrade(sqlite_url(args.db))
    app = bootstrap(Settings(database_url=sqlite_url(args.db)))
    period = {"days": "56"}
    with TestClient(
        create_app(app), base_url="http://localhost", headers=bench_headers(app)
    ) as client:
        _time(client, period)  # warm up: imports, the first connection
        base = [_time(client, period) for _ in range(repeat)]
        pairs = itertools.cycle(PAIRS)
        two = [_time(client, {**period, "by": ",".join(next(pairs))}) for _ in range(repeat)]
    app.close()
    b50, b95 = statistics.median(base), _p95(base)
    t50, t95 = statistics.median(two), _p95(two)
    print(f"database: {args.db} ({units:,} units, {legs:,} legs), period: 56 days")
    print(f"plain total (baseline): p50 {b50 * 1000:7.1f} ms   p95 {b95 * 1000:7.1f} ms")
    print(f"two dimensions        : p50 {t50 * 1000:7.1f} ms   p95 {t95 * 1000:7.1f} ms")
    print(f"ratio two dimensions / plain total: p50 {t50 / b50:.2f}   p95 {t95 / b95:.2f}")
    verdict = "met" if t95 < TARGET_S else "NOT met"
    print(f"target p95 < {TARGET_S:.0f} s over {repeat} requests: {verdict}")


if __name__ == "__main__":
    main()
