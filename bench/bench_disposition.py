"""Benchmark of the disposition engine. Run: ``python bench/bench_disposition.py``.

1. Score 1,000,000 units x every option, vectorised, against a plain per-unit Python loop
   (the value model's own definition) timed on a sample in the same run.
2. Decide a batch of 100,000 units over 20 sites and 8 routes with binding capacities, to a
   proven optimum, and compare with the greedy baseline.
"""

from __future__ import annotations

import argparse
import time
from decimal import Decimal

import numpy as np

from revalo.domain.catalog import Product, Site, SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.values import gs1_check_digit
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition import (
    ChannelSpec,
    DispositionProblem,
    SiteSpec,
    UnitBatch,
    greedy_disposition,
    hierarchy_first_disposition,
    load_channels,
    load_params,
    regret_greedy_disposition,
    score_batch,
    solve_disposition,
)
from revalo.engines.disposition.options import enumerate_options, exclusion
from revalo.engines.disposition.value import unit_value

_K = SiteKind
_W = WorkOrderKind

#: (category, new price EUR, kg, WEEE category, data-bearing, apparel)
KINDS = [
    ("laptop", 1200, 2.0, 2, True, False),
    ("laptop", 800, 1.6, 2, True, False),
    ("laptop", 450, 1.4, 2, True, False),
    ("phone", 900, 0.2, 6, True, False),
    ("phone", 300, 0.2, 6, True, False),
    ("power_tool", 180, 2.5, 5, False, False),
    ("power_tool", 90, 1.8, 5, False, False),
    ("apparel", 120, 1.2, None, False, True),
    ("apparel", 40, 0.3, None, False, True),
    ("sofa", 900, 45.0, None, False, False),
]


def products() -> tuple[Product, ...]:
    out = []
    for i in range(20):
        cat, price, kg, weee, data, apparel = KINDS[i % len(KINDS)]
        seed = f"3700000{i:05d}"
        out.append(
            Product(
                sku=f"SKU-{i:02d}",
                gtin=seed + str(gs1_check_digit(seed)),
                name=f"{cat} {i}",
                category=cat,
                brand=("Lumen", "Voltix", "Other")[i % 3],
                model=f"M{i}",
                weight_kg=kg * (1 + 0.05 * (i // len(KINDS))),
                volume_m3=0.01 if kg < 10 else 1.5,
                new_price=Decimal(price + 10 * (i // len(KINDS))),
                weee_category=weee,
                data_bearing=data,
                apparel=apparel,
                furniture=cat == "sofa",
            )
        )
    return tuple(out)


def sites() -> tuple[SiteSpec, ...]:
    def s(code: str, kind: SiteKind, lat: float, lon: float, **kw: object) -> Site:
        return Site(code, code, kind, "FR", code, lat, lon, **kw)  # type: ignore[arg-type]

    electronics = ["laptop", "phone", "power_tool"]
    return (
        SiteSpec(s("HUB-LYS", _K.RETURNS_HUB, 45.76, 4.84)),
        SiteSpec(s("HUB-PAR", _K.RETURNS_HUB, 48.86, 2.35)),
        SiteSpec(s("HUB-KLN", _K.RETURNS_HUB, 50.94, 6.96)),
        SiteSpec(
            s("REP-LIL", _K.REPAIR_CENTRE, 50.63, 3.06, skills=electronics),
            capacity={_W.REPAIR: 900, _W.TEST: 1500},
        ),
        SiteSpec(
            s("REP-BCN", _K.REPAIR_CENTRE, 41.39, 2.17, skills=["laptop", "phone"]),
            capacity={_W.REPAIR: 600, _W.TEST: 800},
            labour_eur_per_hour=25.0,
        ),
        SiteSpec(
            s("REP-MUC", _K.REPAIR_CENTRE, 48.14, 11.58, skills=["power_tool", "sofa"]),
            capacity={_W.REPAIR: 400, _W.TEST: 400},
        ),
        SiteSpec(
            s("REP-WAW", _K.REPAIR_CENTRE, 52.23, 21.01, skills=electronics),
            capacity={_W.REPAIR: 700, _W.TEST: 900},
            labour_eur_per_hour=18.0,
        ),
        SiteSpec(
            s("REF-NTE", _K.REFURBISHER, 47.22, -1.55, skills=["laptop", "phone"]),
            capacity={_W.REFURBISH: 800, _W.TEST: 1000},
        ),
        SiteSpec(
            s("REF-PRG", _K.REFURBISHER, 50.08, 14.44, skills=electronics),
            capacity={_W.REFURBISH: 600, _W.TEST: 600},
            labour_eur_per_hour=20.0,
        ),
        SiteSpec(
            s("REF-MIL", _K.REFURBISHER, 45.46, 9.19, skills=["laptop"]),
            capacity={_W.REFURBISH: 500, _W.TEST: 500},
        ),
        SiteSpec(s("REC-GRE", _K.RECYCLER, 45.19, 5.72, weee_certified=True)),
        SiteSpec(s("REC-ANT", _K.RECYCLER, 51.22, 4.40, weee_certified=True)),
        SiteSpec(s("REC-LYS", _K.RECYCLER, 45.70, 4.90)),
        SiteSpec(s("CHA-PAR", _K.CHARITY, 48.85, 2.30)),
        SiteSpec(s("CHA-LYS", _K.CHARITY, 45.75, 4.85)),
        SiteSpec(
            s("VEN-EIN", _K.VENDOR, 51.44, 5.47),
            vendor_credit_rate=0.25,
            vendor_brands=frozenset({"Lumen"}),
        ),
        SiteSpec(
            s("VEN-STR", _K.VENDOR, 48.78, 9.18),
            vendor_credit_rate=0.30,
            vendor_brands=frozenset({"Voltix"}),
        ),
        SiteSpec(s("OUT-MRS", _K.OUTLET, 43.30, 5.37)),
        SiteSpec(s("OUT-BDX", _K.OUTLET, 44.84, -0.58)),
        SiteSpec(s("OUT-STR", _K.OUTLET, 48.57, 7.75)),
    )


def channels() -> tuple[ChannelSpec, ...]:
    outlets = tuple(
        ChannelSpec(
            f"SHOP-{code}", f"Outlet store {code}", frozenset({DispositionRoute.RESELL}),
            {"A": 0.55, "B": 0.45, "C": 0.30}, 10.0, fee_rate=0.0, daily_volume=vol,
            site_code=f"OUT-{code}",
        )
        for code, vol in (("MRS", 1500), ("BDX", 1000), ("STR", 1200))
    )  # fmt: skip
    limits = {"REFURB-MKT": 1800, "DISCOUNT-MKT": 3000, "NEW-STOCK": None, "B2B-LOT": None}
    shipped = tuple(
        ChannelSpec(**{**c.__dict__, "daily_volume": limits.get(c.code)}) for c in load_channels()
    )
    return shipped + outlets


def units(n: int, n_products: int, seed: int, hazardous: float = 0.01) -> UnitBatch:
    rng = np.random.default_rng(seed)
    grades = rng.choice(4, size=(n, 2), p=[0.35, 0.3, 0.2, 0.15])
    return UnitBatch.of(
        product=rng.integers(0, n_products, n),
        functional=grades[:, 0],
        cosmetic=grades[:, 1],
        hazardous=rng.random(n) < hazardous,
        origin=rng.integers(0, 3, n),
        days_waited=rng.integers(0, 7, n).astype(np.float64),
    )


def bench_scoring(n: int, sample: int) -> None:
    params = load_params()
    prods, sts, chs = products(), sites(), channels()
    problem = DispositionProblem(prods, sts, chs, units(n, len(prods), seed=1))
    options = enumerate_options(problem)
    started = time.perf_counter()
    scores = score_batch(problem, params)
    vector_s = time.perf_counter() - started
    # The plain loop: for each unit and option, the rules then the value model's definition.
    started = time.perf_counter()
    u = problem.units
    for i in range(sample):
        product = prods[int(u.product[i])]
        f, c, h = int(u.functional[i]), int(u.cosmetic[i]), bool(u.hazardous[i])
        for option in options:
            if exclusion(problem, option, product, f, c, h) is None:
                unit_value(problem, params, option, i).objective(params)
    loop_per_unit = (time.perf_counter() - started) / sample
    print(f"scoring {n:,} units x {len(options)} options (vectorised): {vector_s:.2f} s")
    print(
        f"  per-unit Python loop: {loop_per_unit * 1e6:.0f} us/unit over {sample:,} units, "
        f"{loop_per_unit * n:.0f} s for {n:,} -> vectorised is {loop_per_unit * n / vector_s:,.0f}x"
    )
    print(f"  open options per unit: {scores.feasible.sum(axis=1).mean():.1f}")


def bench_batch(n: int, seed: int) -> None:
    params = load_params()
    prods, sts, chs = products(), sites(), channels()
    # Nothing hazardous: disposal is closed, which leaves the 8 other routes.
    problem = DispositionProblem(prods, sts, chs, units(n, len(prods), seed=2, hazardous=0.0))
    routes = {o.route for o in enumerate_options(problem)} - {DispositionRoute.DISPOSE}
    best = solve_disposition(problem, params, seed=seed)
    greedy = greedy_disposition(problem, params)
    res = best.resources
    binding = [
        f"{name} {used:g}/{limit:g}"
        for name, used, limit in zip(res.names, best.usage, res.limit, strict=True)
        if used == limit
    ]
    print(
        f"batch of {n:,} units, {len(sts)} sites, {len(routes)} routes, "
        f"{len(best.resources.names)} capacities: {best.runtime_s:.2f} s, status {best.status}, "
        f"gap {best.gap:.2e}, {best.classes:,} classes of alike units"
    )
    print(f"  binding capacities: {len(binding)} ({', '.join(binding[:6])}...)")
    gain = best.net_recovery - greedy.net_recovery
    print(
        f"  net recovery: optimiser {best.net_recovery:,.0f} EUR, greedy {greedy.net_recovery:,.0f}"
        f" EUR ({greedy.runtime_s:.2f} s): +{gain:,.0f} EUR "
        f"(+{100 * gain / abs(greedy.net_recovery):.2f} %); held: {best.held} vs {greedy.held}"
    )
    regret = regret_greedy_disposition(problem, params)
    gain = best.net_recovery - regret.net_recovery
    print(
        f"  vs the regret greedy (the biggest loser first): {regret.net_recovery:,.0f} EUR "
        f"({regret.runtime_s:.2f} s): {gain:+,.0f} EUR "
        f"({100 * gain / abs(regret.net_recovery):+.2f} %); held {regret.held}"
    )
    top = hierarchy_first_disposition(problem, params)
    gain = best.net_recovery - top.net_recovery
    print(
        f"  vs always the highest waste-hierarchy route: {top.net_recovery:,.0f} EUR: "
        f"+{gain:,.0f} EUR (+{100 * gain / abs(top.net_recovery):.2f} %)"
    )
    print(
        f"  objective (EUR, CO2 priced, hierarchy bonus): optimiser {best.objective:,.0f}, "
        f"greedy {greedy.objective:,.0f}, regret greedy {regret.objective:,.0f}, "
        f"hierarchy first {top.objective:,.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--batch", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    bench_scoring(args.units, args.sample)
    bench_batch(args.batch, args.seed)


if __name__ == "__main__":
    main()
