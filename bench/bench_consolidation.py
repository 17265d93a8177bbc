"""Consolidation at a hub: time to plan every outbound lane, and what it saves.

A hub with 40 destinations x 200 waiting units (a seeded example mix: 10 % lithium, 3 %
bulky, value loss 0.02-3 EUR a day, 5-60 units a day expected per lane), the shipped carriers
file and great-circle distances. ``plan_hub`` decides, per lane, to ship now (one by one, all
together, or split by content) or to wait for a fuller load.

Baseline, in the same run: the same units each sent alone with ``choose_service`` (no
consolidation), timed and priced. Printed: the planner's time against the baseline's, and
the cost of shipping today as planned against every unit alone.

    .venv/bin/python bench/bench_consolidation.py [--lanes 40] [--units 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from datetime import date, timedelta

import numpy as np

from revalo.engines.transport.choice import choose_service
from revalo.engines.transport.consolidation import (
    ConsolidationParams,
    Inflow,
    WaitingUnit,
    plan_hub,
)
from revalo.engines.transport.distances import CachedDistances, GreatCircleDistances
from revalo.engines.transport.places import Place
from revalo.engines.transport.rate_cards import load_transport_config
from revalo.engines.transport.shipment import Shipment

TODAY = date(2026, 11, 2)
COUNTRIES = ["FR"] * 25 + ["DE", "BE", "NL", "IT", "ES"] * 3


def world(
    lanes: int, per_lane: int, seed: int = 0
) -> tuple[Place, dict[Place, list[WaitingUnit]], dict[Place, Inflow]]:
    rng = np.random.default_rng(seed)
    hub = Place("HUB-LYON", "FR", 45.76, 4.84)
    units: dict[Place, list[WaitingUnit]] = {}
    inflows: dict[Place, Inflow] = {}
    for j in range(lanes):
        place = Place(
            f"D{j:02d}",
            COUNTRIES[j % len(COUNTRIES)],
            43 + rng.uniform(0, 8),
            -1 + rng.uniform(0, 10),
        )
        lane = []
        for i in range(per_lane):
            bulky = bool(rng.random() < 0.03)
            kg = float(rng.uniform(30, 90)) if bulky else float(rng.lognormal(1.0, 0.7))
            m3 = kg / 150 if bulky else float(rng.uniform(0.004, 0.06))
            lane.append(
                WaitingUnit(
                    f"LPN{j:03d}{i:05d}",
                    kg,
                    m3,
                    float(rng.uniform(0.02, 3.0)),
                    TODAY - timedelta(days=int(rng.integers(0, 5))),
                    lithium=bool(rng.random() < 0.1),
                    bulky=bulky,
                )
            )
        units[place] = lane
        inflows[place] = Inflow(float(rng.uniform(5, 60)), 3.0, 0.02)
    return hub, units, inflows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lanes", type=int, default=40)
    ap.add_argument("--units", type=int, default=200, help="units waiting per lane")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    config = load_transport_config()
    distances = CachedDistances(GreatCircleDistances(config.circuity))
    hub, units, inflows = world(args.lanes, args.units)
    n = sum(len(v) for v in units.values())
    params = ConsolidationParams()

    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        decisions = plan_hub(hub, units, inflows, TODAY, config.rate_cards, distances, params)
        best = min(best, time.perf_counter() - started)
    actions = Counter(d.action.value for d in decisions.values())
    shipments = sum(len(d.shipments) for d in decisions.values() if d.action.value == "ship_now")

    started = time.perf_counter()
    alone = 0.0
    for place, lane in units.items():
        for u in lane:
            shipment = Shipment(
                hub,
                place,
                (params.parcel(u.weight_kg, u.volume_m3),),
                TODAY,
                lithium=u.lithium,
                bulky=u.bulky,
            )
            choice = choose_service(shipment, config.rate_cards, distances, params.choice)
            if choice.chosen is not None:
                alone += choice.chosen.cost_eur
    baseline = time.perf_counter() - started

    now = sum(d.cost_now_eur for d in decisions.values())
    print(f"hub with {args.lanes} lanes x {args.units} units = {n:,} waiting units")
    print(f"baseline, every unit priced alone with choose_service: {baseline * 1000:,.0f} ms")
    print(
        f"plan_hub (best of {args.repeat}): {best * 1000:,.0f} ms; ratio to baseline "
        f"{best / baseline:.2f}"
    )
    print(f"decisions: {dict(actions)}; {shipments} shipments leave today")
    print(
        f"shipping every unit today: {now:,.2f} EUR as planned (grouped) against "
        f"{alone:,.2f} EUR each alone ({100 * (1 - now / alone):.1f} % less)"
    )


if __name__ == "__main__":
    main()
