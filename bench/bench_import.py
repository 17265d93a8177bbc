"""CSV import rate for 100,000 return lines: checked, decided by the return policy and
written in bulk, as `revalo import returns` does.

Baseline, in the same run: reading and checking the same file without writing anything.
The ratio says what deciding and writing every return costs on top of that. Printed too:
the SQL statements of each step (a bulk import takes a few, whatever the file's size), the
CPU time of this process (steadier than the wall time on a machine shared with other work),
how long the write transaction lasted (on SQLite it holds the write lock), the peak memory
of the process (resident set) after each step, and the ledger's invariants at the end.

    .venv/bin/python bench/bench_import.py [--lines 100000]
    .venv/bin/python bench/bench_import.py --db postgres [--postgres-url URL]

On PostgreSQL it creates a database of its own (as bench_receive_http.py does) and drops it
at the end.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from _world import BENCH, NOW, seed
from bench_receive_http import add_database_options, chosen_database
from revalo.adapters import orm
from revalo.adapters.invariants import check_database
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import App, bootstrap
from revalo.services import imports
from revalo.settings import Settings

CUSTOMERS = 2_000


def write_file(path: Path, lines: int, skus: list[str]) -> None:
    """Returns of one to three lines each, as an order export would give them."""
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(imports.COLUMNS)
        if len(imports.COLUMNS) != 10:
            raise SystemExit("the import's columns changed: write_file must follow them")
        n = order = 0
        while n < lines:
            order += 1
            delivered = (NOW - timedelta(days=order % 10)).date().isoformat()
            for k in range(min(1 + order % 3, lines - n)):
                out.writerow(
                    [
                        f"SO-{order:07d}",
                        f"C-{order % CUSTOMERS:05d}",
                        delivered,
                        NOW.isoformat(),
                        skus[(order + k) % len(skus)],
                        1,
                        "withdrawal" if order % 5 else "defective",
                        f"S{order}-{k}",
                        "",  # comment
                        "",  # client: the provider's own goods
                    ]
                )
                n += 1


def peak_mb() -> float:
    """The process's peak resident memory so far (Linux gives kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Statements:
    """The SQL statements sent (an executemany of many rows counts once), and the longest
    write transaction, from BEGIN to its end."""

    count: int = 0
    longest_write_s: float = 0.0
    _began: dict[int, float] = field(default_factory=dict)


@contextmanager
def statements(app: App) -> Iterator[Statements]:
    seen = Statements()
    engines = {app.engine, app.reader_engine or app.engine}

    def sent(*_args: Any) -> None:
        seen.count += 1

    def began(conn: sa.Connection) -> None:
        seen._began[id(conn)] = time.perf_counter()

    def ended(conn: sa.Connection) -> None:
        start = seen._began.pop(id(conn), None)
        if start is not None:
            seen.longest_write_s = max(seen.longest_write_s, time.perf_counter() - start)

    hooks = [(e, "before_cursor_execute", sent) for e in engines]
    hooks += [(app.engine, "begin", began), (app.engine, "commit", ended)]
    hooks += [(app.engine, "rollback", ended)]
    for target, name, fn in hooks:
        sa.event.listen(target, name, fn)
    try:
        yield seen
    finally:
        for target, name, fn in hooks:
            sa.event.remove(target, name, fn)


def stored(app: App) -> tuple[int, int]:
    with app.engine.connect() as conn:
        count = sa.select(sa.func.count())
        return (
            int(conn.scalar(count.select_from(orm.return_requests)) or 0),
            int(conn.scalar(count.select_from(orm.return_lines)) or 0),
        )


def run(url: str, lines: int, label: str) -> None:
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    products = seed(app, customers=CUSTOMERS)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "returns.csv"
        write_file(csv_path, lines, [p.sku for p in products])
        ready_mb = peak_mb()

        t0, c0 = time.perf_counter(), time.process_time()
        with statements(app) as checking, csv_path.open(newline="", encoding="utf-8") as f:
            checked = imports.check_returns(app.uow(), f, now=NOW)
        check_s, check_cpu = time.perf_counter() - t0, time.process_time() - c0
        assert checked.ok, checked.errors[:3]
        checked_mb = peak_mb()

        t0, c0 = time.perf_counter(), time.process_time()
        with statements(app) as writing:
            summary = imports.import_returns(app.uow(), app.policy, checked, by=BENCH)
        import_s, import_cpu = time.perf_counter() - t0, time.process_time() - c0
        imported_mb = peak_mb()
    rows = stored(app)
    violations = check_database(app.engine)
    app.close()

    assert rows == (summary.returns, summary.lines) == (len(checked.returns), lines), rows
    total = check_s + import_s
    print(f"CSV import: {lines} lines, {len(checked.returns)} returns, {label}")
    for step, seconds, cpu, sent in (
        ("check only (baseline)", check_s, check_cpu, checking.count),
        ("import (after check)", import_s, import_cpu, writing.count),
    ):
        print(
            f"  {step:22} {seconds:7.2f} s   {lines / seconds:10.0f} lines/s   "
            f"{sent:6d} SQL statements   (this process's CPU: {cpu:.2f} s)"
        )
    print(f"  check + import         {total:7.2f} s   {lines / total:10.0f} lines/s")
    print(f"  write transaction held {writing.longest_write_s:7.2f} s")
    print(
        f"  peak memory (RSS): {ready_mb:.0f} MB with the file written, {checked_mb:.0f} MB "
        f"after the check, {imported_mb:.0f} MB after the import"
    )
    print(f"  returns written: {summary.returns}, lines: {summary.lines} (counted in the database)")
    print(f"  ledger invariants: {len(violations)} violations")
    print(f"ratio import time / check time: {import_s / check_s:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    add_database_options(ap)
    args = ap.parse_args()
    with chosen_database(args) as (url, label):
        run(url, args.lines, label)


if __name__ == "__main__":
    main()
