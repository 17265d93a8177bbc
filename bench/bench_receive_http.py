"""Receive-scan throughput and latency over HTTP, 16 concurrent clients, on SQLite or
PostgreSQL, with scans of distinct codes mixed with the same code scanned by several clients
at once; then the ledger's invariants checked over the whole database.

Baseline, in the same run: the same use case called in-process, one scan at a time, on the
same database. The ratio says what HTTP, JSON and concurrency cost.

    .venv/bin/python bench/bench_receive_http.py [--scans 4000] [--clients 16] [--same 4]
        [--workers 2]
    .venv/bin/python bench/bench_receive_http.py --db postgres [--postgres-url URL]

On PostgreSQL it creates a database of its own (``revalo_bench_<random>``) on the server of
``--postgres-url`` (default: REVALO_BENCH_POSTGRES_URL, else postgres@127.0.0.1:5432) and
drops it at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import sqlalchemy as sa
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))
from _world import BENCH, authorised_returns, bench_headers, seed
from revalo.adapters import orm
from revalo.adapters.barcodes import parse_scan
from revalo.adapters.db import make_engine, normalise_url, sqlite_url
from revalo.adapters.invariants import check_database
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import bootstrap
from revalo.services.receiving import receive_scan
from revalo.settings import Settings

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@contextmanager
def sqlite_database() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        yield sqlite_url(Path(tmp) / "bench.db")


@contextmanager
def postgres_database(server: str) -> Iterator[str]:
    """A database of this run's own on ``server``, dropped at the end."""
    name = "revalo_bench_" + secrets.token_hex(6)
    admin = make_engine(server, isolation_level="AUTOCOMMIT")

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    atexit.register(drop)  # also when the run is cut short
    try:
        yield make_url(normalise_url(server)).set(database=name).render_as_string(False)
    finally:
        drop()
        admin.dispose()


def add_database_options(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument(
        "--postgres-url",
        default=os.environ.get("REVALO_BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
        help="the PostgreSQL server to create the benchmark's database on",
    )


@contextmanager
def chosen_database(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """The URL of a new database of the kind ``--db`` names, and how to call it."""
    if args.db == "sqlite":
        with sqlite_database() as url:
            yield url, "SQLite file"
    else:
        with postgres_database(args.postgres_url) as url:
            yield url, "PostgreSQL"


def mixed(codes: list[str], same: int) -> list[str]:
    """Every fourth code scanned ``same`` times in a row (clients take them at once), the
    others once."""
    out = []
    for i, code in enumerate(codes):
        out.extend([code] * (same if i % 4 == 0 else 1))
    return out


async def drive(
    base: str, codes: list[str], clients: int, headers: dict[str, str]
) -> tuple[float, list[float], Counter[str], dict[str, set[str]]]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for c in codes:
        queue.put_nowait(c)
    latencies: list[float] = []
    answers: Counter[str] = Counter()
    lpns: dict[str, set[str]] = {}

    async def client(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            code = queue.get_nowait()
            t0 = time.perf_counter()
            r = await http.post(
                "/api/v1/receiving/scan", json={"code": code, "site_code": "HUB-FR"}
            )
            latencies.append(time.perf_counter() - t0)
            if r.status_code != 200:
                answers[f"HTTP {r.status_code}"] += 1
                continue
            body = r.json()
            answers["quarantined" if body["quarantined"] else "received"] += 1
            answers["created" if body["created"] else "same unit again"] += 1
            lpns.setdefault(code, set()).add(body["unit"]["lpn"])

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60, headers=headers) as http:
        t0 = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - t0
    return elapsed, latencies, answers, lpns


def serve(url: str, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "REVALO_DATABASE_URL": url}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "revalo.entrypoints.api:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--workers",
            str(workers),
        ],
        env=env,
    )


def wait_ready(base: str) -> None:
    """Wait for the served app to answer; stop loudly if it never does."""
    for _ in range(100):
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"the server at {base} did not answer: nothing was measured")


def run(url: str, args: argparse.Namespace, label: str) -> None:
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    products = seed(app)
    distinct = authorised_returns(app, products, args.scans)
    http_codes = mixed(distinct, args.same)
    local_codes = authorised_returns(app, products, args.scans // 4, start=args.scans)
    # Scanned before the measure, so that every worker has its connections and caches.
    warm_codes = authorised_returns(
        app, products, 8 * args.clients, start=args.scans + len(local_codes)
    )

    # Baseline: the same use case in-process, one scan after the other.
    t0 = time.perf_counter()
    for code in local_codes:
        receive_scan(app.uow(), parse_scan(code), site_code="HUB-FR", by=BENCH)
    local_mean = (time.perf_counter() - t0) / len(local_codes)

    headers = bench_headers(app)
    port = free_port()
    server = serve(url, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base)
        asyncio.run(drive(base, warm_codes, args.clients, headers))
        elapsed, lat, answers, lpns = asyncio.run(drive(base, http_codes, args.clients, headers))
    finally:
        server.terminate()
        server.wait(timeout=10)

    violations = check_database(app.engine)
    with app.engine.connect() as conn:
        units = conn.scalar(sa.select(sa.func.count()).select_from(orm.units))
    app.close()
    expected_units = len(distinct) + len(local_codes) + len(warm_codes)
    split = sum(1 for seen in lpns.values() if len(seen) > 1)

    p50, p99 = percentile(lat, 0.50), percentile(lat, 0.99)
    print(
        f"receive scans over HTTP: {len(lat)} scans ({len(distinct)} codes, every fourth "
        f"scanned {args.same} times at once), {args.clients} clients, {label}, "
        f"{args.workers} server worker(s), after {len(warm_codes)} scans to warm up"
    )
    print(f"  throughput      {len(lat) / elapsed:8.1f} scans/s")
    print(f"  latency p50     {p50 * 1000:8.2f} ms")
    print(f"  latency p99     {p99 * 1000:8.2f} ms")
    print(f"  mean            {statistics.fmean(lat) * 1000:8.2f} ms")
    print(f"  answers         {', '.join(f'{k} {n}' for k, n in sorted(answers.items()))}")
    print(
        f"baseline in-process, sequential: {local_mean * 1000:.2f} ms per scan "
        f"({1 / local_mean:.1f} scans/s)"
    )
    print(f"ratio HTTP throughput / in-process throughput: {(len(lat) / elapsed) * local_mean:.2f}")
    print(f"ratio HTTP p50 latency / in-process time:      {p50 / local_mean:.2f}")
    print(
        f"units in the database: {units} for {expected_units} distinct items "
        f"({'exact' if units == expected_units else 'WRONG'}); codes given two units: {split}"
    )
    print(f"ledger invariants: {len(violations)} violations")
    for v in violations:
        print(f"  {v}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", type=int, default=4000, help="distinct codes scanned over HTTP")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--workers", type=int, default=1, help="server processes (revalo serve)")
    ap.add_argument("--same", type=int, default=4, help="scans of every fourth code at once")
    add_database_options(ap)
    args = ap.parse_args()
    with chosen_database(args) as (url, label):
        run(url, args, label)


if __name__ == "__main__":
    main()
