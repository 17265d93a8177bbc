"""Transport quotes per second: 1,000,000 (shipment, service) pairs, vectorised vs one by one.

Baseline, in the same run: the per-pair pricing (``pricing.quote``) on a sample of the same
pairs; the sample's answers are checked against the vectorised ones. Target: at least
1,000,000 quotes/s vectorised.

    .venv/bin/python bench/bench_quotes.py [--pairs 1000000] [--sample 20000] [--seed 0]
"""

from __future__ import annotations

import argparse
import math
import time
from datetime import date

import numpy as np

from revalo.engines.transport.places import Place
from revalo.engines.transport.pricing import quote
from revalo.engines.transport.quote_table import QuoteTable
from revalo.engines.transport.rate_cards import load_transport_config
from revalo.engines.transport.shipment import Parcel, Shipment
from revalo.engines.transport.vectorised import ShipmentBatch, quote_pairs

COUNTRIES = ["FR", "DE", "BE", "NL", "IT", "ES"]
# One place per country; only its country matters to the rate cards, km are drawn apart.
PLACES = [Place(f"P-{c}", c, 45.0, 5.0) for c in COUNTRIES]
READY = date(2026, 11, 2)


def make_shipments(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Returns as they come: mostly small parcels, some heavy or bulky, some with batteries."""
    return {
        "origin": rng.integers(0, len(COUNTRIES), n),
        "destination": rng.integers(0, len(COUNTRIES), n),
        "n_parcels": rng.integers(1, 25, n),
        "kg": rng.lognormal(1.2, 1.0, n).clip(0.1, 150),
        "length": rng.uniform(15, 220, n),
        "width": rng.uniform(10, 90, n),
        "height": rng.uniform(5, 80, n),
        "km": rng.uniform(5, 1600, n),
        "lithium": rng.random(n) < 0.25,
        "bulky": rng.random(n) < 0.1,
    }


def shipment(cols: dict[str, np.ndarray], i: int) -> Shipment:
    box = Parcel(
        float(cols["kg"][i]),
        float(cols["length"][i]),
        float(cols["width"][i]),
        float(cols["height"][i]),
    )
    return Shipment(
        PLACES[cols["origin"][i]],
        PLACES[cols["destination"][i]],
        (box,) * int(cols["n_parcels"][i]),
        READY,
        lithium=bool(cols["lithium"][i]),
        bulky=bool(cols["bulky"][i]),
    )


def batch_of(cols: dict[str, np.ndarray]) -> ShipmentBatch:
    dims = np.stack([cols["length"], cols["width"], cols["height"]])
    longest = dims.max(axis=0)
    return ShipmentBatch(
        origin=cols["origin"].astype(np.int64),
        destination=cols["destination"].astype(np.int64),
        n_parcels=cols["n_parcels"].astype(np.int64),
        parcel_kg=cols["kg"],
        parcel_m3=cols["length"] * cols["width"] * cols["height"] / 1_000_000.0,
        longest_cm=longest,
        girth_cm=longest + 2 * (dims.sum(axis=0) - longest),
        km=cols["km"],
        lithium=cols["lithium"],
        bulky=cols["bulky"],
        damaged_lithium=np.zeros(len(cols["km"]), bool),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    cards = load_transport_config().rate_cards
    n_services = len(cards.services)
    n_shipments = math.ceil(args.pairs / n_services)
    rng = np.random.default_rng(args.seed)
    cols = make_shipments(rng, n_shipments)
    table = QuoteTable.compile(cards, COUNTRIES)
    batch = batch_of(cols)
    ship_idx = np.repeat(np.arange(n_shipments), n_services)[: args.pairs]
    serv_idx = np.tile(np.arange(n_services), n_shipments)[: args.pairs]
    pairs = len(ship_idx)

    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        rows = batch.take(ship_idx)
        t1 = time.perf_counter()
        fast = quote_pairs(table, rows, serv_idx)
        t2 = time.perf_counter()
        runs.append((t2 - t0, t2 - t1))
    total, pricing_only = sorted(runs)[len(runs) // 2]

    sample = rng.choice(pairs, size=min(args.sample, pairs), replace=False)
    shipments = {int(i): shipment(cols, int(i)) for i in np.unique(ship_idx[sample])}
    t0 = time.perf_counter()
    slow = [
        quote(
            cards.services[serv_idx[p]], shipments[int(ship_idx[p])], float(cols["km"][ship_idx[p]])
        )
        for p in sample
    ]
    loop_s = time.perf_counter() - t0
    mismatches = sum(
        bool(fast.allowed[p]) != q.allowed
        or (q.allowed and not math.isclose(fast.cost_eur[p], q.cost_eur, rel_tol=1e-9))
        for p, q in zip(sample, slow, strict=True)
    )

    vec_rate = pairs / total
    loop_rate = len(sample) / loop_s
    print(f"services: {n_services}, shipments: {n_shipments:,}, pairs: {pairs:,}")
    print(f"allowed pairs: {fast.allowed.mean():.1%}")
    print(
        f"vectorised: {total * 1000:.0f} ms for {pairs:,} pairs (median of 5) = "
        f"{vec_rate:,.0f} quotes/s  (pricing alone {pairs / pricing_only:,.0f} quotes/s, "
        f"the rest gathers pair rows)"
    )
    print(f"per-pair loop: {len(sample):,} pairs in {loop_s:.2f} s = {loop_rate:,.0f} quotes/s")
    print(
        f"speed-up: {vec_rate / loop_rate:,.0f}x; target 1,000,000 quotes/s: "
        f"{'met' if vec_rate >= 1_000_000 else 'NOT met'}"
    )
    print(f"sample check: {mismatches} of {len(sample):,} pairs differ from the per-pair pricing")


if __name__ == "__main__":
    main()
