"""Receive-scan throughput and latency over HTTP on SQLite, 16 concurrent clients.

Baseline, in the same run: the same use case called in-process, one scan at a time, on the
same database. The ratio says what HTTP, JSON and concurrency on one SQLite file cost.

    .venv/bin/python bench/bench_receive_http.py [--scans 4000] [--clients 16]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _world import authorised_returns, fresh_app, seed
from revalo.adapters.barcodes import parse_scan
from revalo.adapters.db import sqlite_url
from revalo.services.receiving import receive_scan


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def drive(base: str, codes: list[str], clients: int) -> tuple[float, list[float], int]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for c in codes:
        queue.put_nowait(c)
    latencies: list[float] = []
    failures = 0

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal failures
        while not queue.empty():
            code = queue.get_nowait()
            t0 = time.perf_counter()
            r = await http.post(
                "/api/v1/receiving/scan", json={"code": code, "site_code": "HUB-FR"}
            )
            latencies.append(time.perf_counter() - t0)
            if r.status_code >= 400 or r.json().get("quarantined"):
                failures += 1

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        t0 = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - t0
    return elapsed, latencies, failures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", type=int, default=4000)
    ap.add_argument("--clients", type=int, default=16)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        app = fresh_app(db)
        products = seed(app)
        http_codes = authorised_returns(app, products, args.scans)
        local_codes = authorised_returns(app, products, args.scans // 4, start=args.scans)

        # Baseline: the same use case in-process, one scan after the other.
        t0 = time.perf_counter()
        for code in local_codes:
            receive_scan(app.uow(), parse_scan(code), site_code="HUB-FR", operator="bench")
        local_mean = (time.perf_counter() - t0) / len(local_codes)
        app.close()

        port = free_port()
        env = {**os.environ, "REVALO_DATABASE_URL": sqlite_url(db)}
        server = subprocess.Popen(
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
            ],
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    if httpx.get(base + "/api/v1/sites", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            elapsed, lat, failures = asyncio.run(drive(base, http_codes, args.clients))
        finally:
            server.terminate()
            server.wait(timeout=10)

    p50, p99 = percentile(lat, 0.50), percentile(lat, 0.99)
    print(f"receive scans over HTTP: {len(lat)} scans, {args.clients} clients, SQLite file")
    print(
        f"  throughput      {len(lat) / elapsed:8.1f} scans/s   ({failures} failed or quarantined)"
    )
    print(f"  latency p50     {p50 * 1000:8.2f} ms")
    print(f"  latency p99     {p99 * 1000:8.2f} ms")
    print(f"  mean            {statistics.fmean(lat) * 1000:8.2f} ms")
    print(
        f"baseline in-process, sequential: {local_mean * 1000:.2f} ms per scan "
        f"({1 / local_mean:.1f} scans/s)"
    )
    print(f"ratio HTTP throughput / in-process throughput: {(len(lat) / elapsed) * local_mean:.2f}")
    print(f"ratio HTTP p50 latency / in-process time:      {p50 / local_mean:.2f}")


if __name__ == "__main__":
    main()
