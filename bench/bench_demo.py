"""Time to build the full demo: 20,000 returned units over 8 weeks, through the service layer.

Baseline, in the same run: the same scenario at a tenth of the size. The ratio of the time per
unit says whether the build scales linearly (1.0) or slows down as the database grows.

    .venv/bin/python bench/bench_demo.py [--units 20000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _world import fresh_app
from revalo.demo import DemoReport, build_demo


def build(path: Path, units: int) -> DemoReport:
    app = fresh_app(path)
    try:
        return build_demo(app, units=units, seed=7)
    finally:
        app.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=20_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = build(Path(tmp) / "small.db", args.units // 10)
        full = build(Path(tmp) / "full.db", args.units)

    for name, r in (("tenth (baseline)", small), ("full", full)):
        print(
            f"demo {name}: {r.units} units, {r.returns} returns, {r.service_calls} use cases "
            f"in {r.elapsed_s:.1f} s = {r.elapsed_s / r.units * 1000:.2f} ms per unit, "
            f"{r.service_calls / r.elapsed_s:.0f} use cases/s"
        )
    print("time per use case (full demo):")
    for use_case, seconds in sorted(full.call_seconds.items(), key=lambda kv: -kv[1])[:8]:
        n = full.calls[use_case]
        print(f"  {use_case:24s} {n:7d} calls {seconds:7.1f} s {seconds / n * 1000:6.2f} ms")
    ratio = (full.elapsed_s / full.units) / (small.elapsed_s / small.units)
    print(f"ratio time per unit, full / tenth: {ratio:.2f}")


if __name__ == "__main__":
    main()
