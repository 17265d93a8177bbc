"""Collection plans as jobs on Celery workers: eight regions' plans on 1 and on 2 workers
(the wall-time ratio), and what a job adds to the planner's own time (submit-to-start p50
over at least 100 jobs), next to calling the planner directly in this process.

Needs the broker (RabbitMQ at 127.0.0.1:5672, or ``--broker URL``). The workers are
``revalo worker --concurrency 1`` processes on a queue of this run's own; each plan's
search is limited by iterations (not time), so that it is the same work on 1 and 2 workers
and the ratio measures the parallel work, not the clock.

    .venv/bin/python bench/bench_jobs.py [--iterations 3000] [--jobs 120]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _world import BENCH, bench_headers, fresh_app, seed
from revalo.adapters.celery_jobs import CeleryJobRunner, celery_app
from revalo.adapters.local_jobs import LocalJobRunner
from revalo.bootstrap import App
from revalo.domain.catalog import Customer, CustomerKind, Site, SiteKind
from revalo.domain.jobs import Job, JobKind, JobState
from revalo.domain.returns import ReturnReason
from revalo.services import catalog, collections, jobs, returns
from revalo.services.collection_pickups import next_collection_day
from revalo.settings_jobs import JobSettings

#: Eight regions, each with its hub: (country, city, lat, lon).
REGIONS = (
    ("FR", "Lyon", 45.76, 4.84),
    ("BE", "Brussels", 50.85, 4.35),
    ("DE", "Cologne", 50.94, 6.96),
    ("NL", "Utrecht", 52.09, 5.12),
    ("ES", "Madrid", 40.42, -3.70),
    ("IT", "Milan", 45.46, 9.19),
    ("PL", "Warsaw", 52.23, 21.01),
    ("AT", "Vienna", 48.21, 16.37),
)
REVALO = [sys.executable, "-c", "from revalo.entrypoints.cli import main; main()"]


def carriers_file(folder: Path) -> Path:
    """The shipped carriers, with the hired vans driving in Poland and Austria too: the
    shipped example hires them in the other countries of its hubs only."""
    text = resources.files("revalo.config").joinpath("carriers.toml").read_text()
    hired = 'countries = ["BE", "DE", "ES", "IT", "NL"]'
    if hired not in text:
        raise SystemExit("carriers.toml: the hired vans' countries are not where expected")
    path = folder / "carriers.toml"
    path.write_text(text.replace(hired, 'countries = ["AT", "BE", "DE", "ES", "IT", "NL", "PL"]'))
    return path


def build(path: Path, per_region: int) -> App:
    """A hub per region, and ``per_region`` businesses around it with a return to collect."""
    app = fresh_app(path)
    bench_headers(app)  # stores the benchmark's user
    products = seed(app, products=5, customers=1)
    rng = random.Random(7)
    uow = app.uow()
    with uow.batch():
        for country, city, lat, lon in REGIONS:
            if country != "FR":  # HUB-FR comes with the seed
                hub = Site(
                    f"HUB-{country}", f"Hub {city}", SiteKind.RETURNS_HUB, country, city, lat, lon
                )
                catalog.add_site(uow, hub, by=BENCH)
            for i in range(per_region):
                catalog.add_customer(
                    uow,
                    Customer(
                        f"B-{country}-{i:03d}",
                        f"Business {country} {i}",
                        CustomerKind.BUSINESS,
                        country,
                        city,
                        lat + rng.uniform(-0.5, 0.5),
                        lon + rng.uniform(-0.7, 0.7),
                    ),
                    by=BENCH,
                )
    now = datetime.now(UTC)
    with uow.batch():
        for country, *_ in REGIONS:
            for i in range(per_region):
                rma = returns.request_return(
                    uow,
                    app.policy,
                    customer_code=f"B-{country}-{i:03d}",
                    by=BENCH,
                    lines=[
                        returns.LineRequest(
                            products[i % len(products)].sku, 4 + i % 5, ReturnReason.END_OF_LEASE
                        )
                    ],
                    delivered_at=now - timedelta(days=3),
                    requested_at=now,
                    auto_decide=False,
                )
                returns.authorise_return(uow, rma.number, by=BENCH, reason="bench", at=now)
    return app


class Workers:
    def __init__(
        self, database_url: str, broker: str, queue: str, logs: Path, carriers: Path
    ) -> None:
        self.env = {
            "REVALO_CARRIERS": str(carriers),
            **os.environ,
            "REVALO_DATABASE_URL": database_url,
            "REVALO_BROKER_URL": broker,
            "REVALO_JOB_QUEUE": queue,
            "REVALO_MAX_PLAN_SECONDS": "600",
        }
        self.logs, self.procs = logs, []

    def start(self, n: int) -> None:
        for _ in range(n):
            with (self.logs / f"worker-{len(self.procs)}.log").open("wb") as log:
                self.procs.append(
                    subprocess.Popen(
                        [*REVALO, "worker", "--concurrency=1"],
                        env=self.env,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs:
            p.wait(timeout=60)
        self.procs = []


def wait_ready(runner: CeleryJobRunner, n: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        replies = runner.app.control.ping(timeout=1.0)
        if len(replies) >= n:
            return
    raise SystemExit(f"the {n} worker(s) did not answer within 120 s: see their logs")


def finished(app: App, ids: list[int], timeout_s: float = 1800) -> list[Job]:
    deadline = time.monotonic() + timeout_s
    while True:
        with app.read_uow() as uow:
            got = [uow.jobs.get(i) for i in ids]
        if all(j is not None and j.state.finished for j in got):
            done = [j for j in got if j is not None]
            bad = [j for j in done if j.state is not JobState.DONE]
            if bad:
                raise SystemExit(f"{bad[0].reference} {bad[0].state.value}: {bad[0].error}")
            return done
        if time.monotonic() > deadline:
            raise SystemExit(f"jobs not finished after {timeout_s:g} s")
        time.sleep(0.02)


def plan_params(country: str, day: str, iterations: int) -> dict[str, object]:
    return {"date": day, "region": country, "seconds": 600, "seed": 1, "max_iterations": iterations}


def submit(app: App, runner: object, params: dict[str, object]) -> Job:
    return jobs.submit_job(
        app.uow(),
        runner,
        by=BENCH,
        kind=JobKind.COLLECTION_PLAN,
        parameters=params,  # type: ignore[arg-type]
    )


def regions_run(app: App, runner: CeleryJobRunner, day: str, iterations: int) -> float:
    t0 = time.perf_counter()
    ids = [submit(app, runner, plan_params(c, day, iterations)).id for c, *_ in REGIONS]
    finished(app, [i for i in ids if i is not None])
    return time.perf_counter() - t0


def overhead(app: App, runner: object, day: str, n: int, iterations: int) -> tuple[float, float]:
    """p50 of submit-to-start and of submit-to-done, over ``n`` jobs one after the other."""
    starts, totals = [], []
    for k in range(n):
        country = REGIONS[k % len(REGIONS)][0]
        job = submit(app, runner, plan_params(country, day, iterations))
        assert job.id is not None
        (done,) = finished(app, [job.id])
        assert done.started_at is not None and done.finished_at is not None
        starts.append((done.started_at - done.submitted_at).total_seconds())
        totals.append((done.finished_at - done.submitted_at).total_seconds())
    return statistics.median(starts), statistics.median(totals)


def direct(app: App, day: str, n: int, iterations: int) -> float:
    times = []
    for k in range(n):
        country = REGIONS[k % len(REGIONS)][0]
        t0 = time.perf_counter()
        collections.plan_collections(
            app.uow(),
            app.transport,
            by=BENCH,
            day=datetime.fromisoformat(day).date(),
            region=country,
            seconds=600,
            seed=1,
            max_iterations=iterations,
            max_seconds=600,
        )
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--broker", default="amqp://guest:guest@127.0.0.1:5672//")
    ap.add_argument("--per-region", type=int, default=12, help="returns to collect per region")
    ap.add_argument("--iterations", type=int, default=3000, help="search iterations per plan")
    ap.add_argument("--jobs", type=int, default=120, help="jobs timed for the overhead (>= 100)")
    ap.add_argument("--small", type=int, default=100, help="iterations of the overhead's plans")
    args = ap.parse_args()
    if args.jobs < 100:
        raise SystemExit("--jobs: at least 100, for a p50 worth the name")
    tmp = Path(tempfile.mkdtemp(prefix="bench-jobs-"))
    carriers = carriers_file(tmp)
    app = build(tmp / "jobs.db", args.per_region)
    app.settings = dataclasses.replace(app.settings, max_plan_seconds=600, carriers_file=carriers)
    day = next_collection_day(datetime.now(UTC).date()).isoformat()
    queue = f"bench-jobs-{uuid.uuid4().hex[:10]}"
    settings = JobSettings(broker_url=args.broker, queue=queue, time_limit_s=3600)
    runner = CeleryJobRunner(celery_app(settings), queue)
    workers = Workers(app.settings.database_url, args.broker, queue, tmp, carriers)
    print(f"{len(REGIONS)} regions x {args.per_region} returns to collect; plans of {day}")
    walls = {}
    try:
        for n in (1, 2):
            workers.start(n)
            wait_ready(runner, n)
            walls[n] = regions_run(app, runner, day, args.iterations)
            print(
                f"  {n} worker(s): eight plans ({args.iterations} iterations each) "
                f"in {walls[n]:.2f} s"
            )
            if n == 1:
                start_p50, done_p50 = overhead(app, runner, day, args.jobs, args.small)
            workers.stop()
    finally:
        workers.stop()
        with runner.app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)
    print(f"  wall-time ratio, 1 worker / 2 workers: {walls[1] / walls[2]:.2f}")
    plan_p50 = direct(app, day, args.jobs, args.small)
    local = LocalJobRunner(lambda i: jobs.run_job(app.job_context("bench"), i), threads=1)
    try:
        local_start, local_done = overhead(app, local, day, args.jobs, args.small)
    finally:
        local.close()
    print(f"job overhead over {args.jobs} jobs one after another ({args.small} iterations each):")
    print(f"  the planner called directly, in this process:      p50 {plan_p50 * 1000:8.1f} ms")
    print(f"  Celery job, submit to start:                        p50 {start_p50 * 1000:8.1f} ms")
    print(
        f"  Celery job, submit to done:                         p50 {done_p50 * 1000:8.1f} ms"
        f"  ({done_p50 / plan_p50:.2f} x the direct call)"
    )
    print(f"  embedded pool job, submit to start:                 p50 {local_start * 1000:8.1f} ms")
    print(
        f"  embedded pool job, submit to done:                  p50 {local_done * 1000:8.1f} ms"
        f"  ({local_done / plan_p50:.2f} x the direct call)"
    )
    app.close()


if __name__ == "__main__":
    main()
