"""Server time of every web page on the full demo database (20,000 units by default).

Builds the demo (or reuses one with ``--db``), then requests each page N times (at least
100, so that the 95th percentile is not the maximum) in-process
(Starlette's TestClient: no network, the time is the server's) and prints p50 / p95 in ms
per page, against a baseline measured in the same run: the API's product list
(``GET /api/v1/products?limit=1``), a trivial JSON answer through the same stack.
The target is every page under 300 ms.

    .venv/bin/python bench/bench_web.py                       # builds the demo: ~4 minutes
    .venv/bin/python bench/bench_web.py --db /tmp/demo.db     # reuses it, builds it if missing
    .venv/bin/python bench/bench_web.py --db /tmp/demo.db --repeat 200
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from _world import bench_headers
from revalo.adapters.db import sqlite_url
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import App, bootstrap
from revalo.demo import build_demo
from revalo.entrypoints.api import create_app
from revalo.settings import Settings

TARGET_MS = 300.0
MIN_SAMPLES = 100
BASELINE = "/api/v1/products?limit=1"


def demo_app(path: Path, units: int) -> App:
    """The demo on ``path``: reused when it holds units, built otherwise."""
    url = sqlite_url(path)
    if path.exists():
        with sqlite3.connect(path) as conn:
            tables = {r[0] for r in conn.execute("select name from sqlite_master")}
            held = (
                conn.execute("select count(*) from units").fetchone()[0] if "units" in tables else 0
            )
        if held:
            print(f"reusing {path}: {held} units")
            return bootstrap(Settings(database_url=url))
    print(f"building the demo ({units} units) in {path} ...", flush=True)
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    started = time.perf_counter()
    build_demo(app, units=units)
    print(f"built in {time.perf_counter() - started:.0f} s")
    return app


def sample(app: App) -> dict[str, str]:
    """Real identifiers of the database for the detail pages."""
    with sqlite3.connect(app.settings.database_url.removeprefix("sqlite:///")) as conn:
        lpn = conn.execute(
            "select u.lpn from units u join inspections i on i.unit_id = u.id order by u.id limit 1"
        ).fetchone()[0]
        rma = conn.execute("select rma_number from units where rma_number is not null").fetchone()[
            0
        ]
        site = conn.execute(
            "select site_code, count(*) n from units where location_code is not null "
            "group by site_code order by n desc"
        ).fetchone()[0]
    return {"lpn": lpn, "rma": rma, "site": site}


def pages(ids: dict[str, str]) -> list[str]:
    return [
        "/",
        "/?period=all&per=week",
        "/returns",
        "/returns?state=received&category=laptop&page=3",
        "/returns?q=RMA0000012",
        f"/returns/{ids['rma']}",
        f"/units/{ids['lpn']}",
        "/queue",
        "/station",
        f"/station/units/{ids['lpn']}",
        "/sites",
        f"/sites/{ids['site']}",
        "/map",
        "/collections",
    ]


def measure(client: TestClient, path: str, repeat: int) -> list[float]:
    client.get(path)  # warm: templates compiled, caches filled
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}: {response.text[:300]}")
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the demo database to reuse (built if missing)")
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=MIN_SAMPLES)
    args = parser.parse_args()
    if args.repeat < MIN_SAMPLES:
        parser.error(f"--repeat {args.repeat}: a p95 needs at least {MIN_SAMPLES} samples")
    with tempfile.TemporaryDirectory() as tmp:
        app = demo_app(args.db or Path(tmp) / "demo.db", args.units)
        try:
            ids = sample(app)
            with TestClient(
                create_app(app), base_url="http://localhost", headers=bench_headers(app)
            ) as client:
                base = measure(client, BASELINE, args.repeat)
                base_p50 = statistics.median(base)
                print(f"\n{'page':<52} {'p50 ms':>8} {'p95 ms':>8} {'x base':>8}")
                print(f"{BASELINE + ' (baseline)':<52} {base_p50:8.1f} {p95(base):8.1f} {1:8.1f}")
                slow = []
                for path in pages(ids):
                    times = measure(client, path, args.repeat)
                    p50 = statistics.median(times)
                    print(f"{path:<52} {p50:8.1f} {p95(times):8.1f} {p50 / base_p50:8.1f}")
                    if p95(times) > TARGET_MS:
                        slow.append(path)
        finally:
            app.close()
    print(f"\nover {TARGET_MS:.0f} ms at p95: {', '.join(slow) if slow else 'none'}")


if __name__ == "__main__":
    main()
