"""CSV import rate for 100,000 return lines, through the same use case as the API.

Baseline, in the same run: reading and checking the same file without writing anything.
The ratio says what writing every return through the service layer costs on top of that.

    .venv/bin/python bench/bench_import.py [--lines 100000]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _world import BENCH, NOW, fresh_app, seed
from revalo.services import imports

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = fresh_app(Path(tmp) / "bench.db")
        products = seed(app, customers=CUSTOMERS)
        csv_path = Path(tmp) / "returns.csv"
        write_file(csv_path, args.lines, [p.sku for p in products])

        t0 = time.perf_counter()
        with csv_path.open(newline="", encoding="utf-8") as f:
            checked = imports.check_returns(app.uow(), f, now=NOW)
        check_s = time.perf_counter() - t0
        assert checked.ok, checked.errors[:3]

        t0 = time.perf_counter()
        summary = imports.import_returns(app.uow(), app.policy, checked, by=BENCH)
        import_s = time.perf_counter() - t0
        app.close()

    total = check_s + import_s
    print(f"CSV import: {args.lines} lines, {len(checked.returns)} returns, SQLite file")
    print(f"  check only (baseline)  {check_s:7.2f} s   {args.lines / check_s:10.0f} lines/s")
    print(f"  import (after check)   {import_s:7.2f} s   {args.lines / import_s:10.0f} lines/s")
    print(f"  check + import         {total:7.2f} s   {args.lines / total:10.0f} lines/s")
    print(f"  returns written: {summary.returns}")
    print(f"ratio import time / check time: {import_s / check_s:.1f}")


if __name__ == "__main__":
    main()
