"""The network problem of a scenario: today's sites and their economics, the demand of the
history scaled to a year, lanes priced by the transport model, and the scenario's changes."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources

import numpy as np

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.errors import InvalidValue, NotFound
from revalo.domain.network_scenario import ACTIVITIES, NewSite, Scenario
from revalo.domain.routing import region_of
from revalo.engines.network import CLOSED, FREE, OPEN, Demands, Lanes, NetworkProblem, Sites
from revalo.engines.transport.choice import choose_service
from revalo.engines.transport.places import Place
from revalo.engines.transport.shipment import Parcel, Shipment
from revalo.services.network_ports import RegionHistory
from revalo.services.transport import Transport

#: The activity each kind of site does in the network model.
KIND_ACTIVITY = {
    SiteKind.RETURNS_HUB: "receiving",
    SiteKind.REPAIR_CENTRE: "repair",
    SiteKind.REFURBISHER: "refurbishment",
    SiteKind.RECYCLER: "recycling",
}


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    country: str
    lat: float
    lon: float
    units_a_year: float
    mix: tuple[float, float, float]
    kg: float
    m3: float


@dataclass(frozen=True, slots=True)
class NetworkSite:
    code: str
    name: str
    country: str
    lat: float
    lon: float
    fixed_cost: float
    capacity: Mapping[str, float]
    unit_cost: Mapping[str, float]
    existing: bool


def economics() -> dict[str, dict[str, float]]:
    """The shipped defaults per kind of site (config/network.toml)."""
    text = resources.files("revalo.config").joinpath("network.toml").read_text("utf-8")
    return {k: {n: float(v) for n, v in t.items()} for k, t in tomllib.loads(text).items()}


def regions(history: Sequence[RegionHistory], weeks: float) -> list[Region]:
    """The history's demand points, their units scaled from ``weeks`` to a year."""
    scale = 52.0 / weeks
    out = []
    for h in history:
        mix = (h.repair / h.units, h.refurbishment / h.units, h.recycling / h.units)
        total = sum(mix)
        if total > 1:  # a unit sent to two kinds of site counts once
            mix = (mix[0] / total, mix[1] / total, mix[2] / total)
        out.append(
            Region(
                region_of(h.city, h.country),
                h.country,
                h.lat,
                h.lon,
                h.units * scale,
                mix,
                h.kg,
                h.m3,
            )
        )
    return out


def network_sites(
    existing: Sequence[Site], defaults: Mapping[str, Mapping[str, float]]
) -> list[NetworkSite]:
    out = []
    for s in existing:
        activity = KIND_ACTIVITY.get(s.kind)
        if activity is None:
            continue
        d = defaults.get(s.kind.value, {})
        out.append(
            NetworkSite(
                s.code,
                s.name,
                s.country,
                s.lat,
                s.lon,
                d.get("fixed_cost", 0.0),
                {activity: d.get(activity, math.inf)},
                {activity: d.get(f"{activity}_cost", 0.0)},
                existing=True,
            )
        )
    return out


def _new(n: NewSite) -> NetworkSite:
    return NetworkSite(
        n.code,
        n.name,
        n.country,
        n.lat,
        n.lon,
        n.fixed_cost,
        dict(n.capacity),
        dict(n.unit_cost),
        False,
    )


def apply_scenario(
    base_sites: Sequence[NetworkSite], base_regions: Sequence[Region], scenario: Scenario
) -> tuple[list[NetworkSite], list[int], list[Region]]:
    """The scenario's sites (with their state), and its demand points."""
    known = {s.code for s in base_sites}
    for code in (*scenario.close, *scenario.open, *scenario.changes):
        if code not in known:
            raise NotFound(f"scenario {scenario.name}: no site {code} in the network")
    for n in scenario.new_sites:
        if n.code in known:
            raise InvalidValue(f"scenario {scenario.name}: site {n.code} exists already")
    sites, states = [], []
    for s in base_sites:
        c = scenario.changes.get(s.code)
        if c is not None:
            s = NetworkSite(
                s.code,
                s.name,
                s.country,
                s.lat,
                s.lon,
                s.fixed_cost if c.fixed_cost is None else c.fixed_cost,
                {**s.capacity, **c.capacity},
                {**s.unit_cost, **c.unit_cost},
                True,
            )
        sites.append(s)
        state = FREE if scenario.decide else OPEN
        if s.code in scenario.open:
            state = OPEN
        if s.code in scenario.close:
            state = CLOSED
        states.append(state)
    for n in scenario.new_sites:
        sites.append(_new(n))
        states.append(OPEN if n.must_open else FREE)
    demand = [
        Region(
            r.name,
            r.country,
            r.lat,
            r.lon,
            r.units_a_year * (1 + scenario.growth.get(r.country, 0.0)),
            r.mix,
            r.kg,
            r.m3,
        )
        for r in base_regions
    ]
    demand += [
        Region(d.region, d.country, d.lat, d.lon, d.units_a_year, d.mix, d.kg, d.kg / 200.0)
        for d in scenario.new_demand
    ]
    return sites, states, demand


class LanePricer:
    """Carrier quotes for one unit as a parcel of its own (the transport model's best
    service), cached per pair of places: cost, kg CO2e, road km and lead time in days."""

    def __init__(self, transport: Transport, ready_on: date) -> None:
        self.transport = transport
        self.ready_on = ready_on
        self._cache: dict[
            tuple[str, str, float, float, float | None], tuple[float, float, float, float] | None
        ] = {}

    def quote(
        self, a: Place, b: Place, kg: float, m3: float, within_days: float | None = None
    ) -> tuple[float, float, float, float] | None:
        """The best service's quote; with ``within_days``, the cheapest arriving in time."""
        key = (a.code, b.code, round(kg, 1), round(m3, 3), within_days)
        if key not in self._cache:
            if (a.lat, a.lon) == (b.lat, b.lon):
                self._cache[key] = (0.0, 0.0, 0.0, 0.0)
            else:
                needed = (
                    None
                    if within_days is None
                    else self.ready_on + timedelta(days=int(within_days))
                )
                parcel = Parcel.cube(max(kg, 0.1), max(m3, 0.001))
                shipment = Shipment(a, b, (parcel,), self.ready_on, needed_by=needed)
                t = self.transport
                q = choose_service(shipment, t.cards, t.distances, t.choice).chosen
                self._cache[key] = (
                    None if q is None else (q.cost_eur, q.co2e_kg, q.km, float(q.lead_time_days))
                )
        return self._cache[key]


def build_problem(
    sites: Sequence[NetworkSite],
    states: Sequence[int],
    demand: Sequence[Region],
    pricer: LanePricer,
    within_days: float | None = None,
) -> NetworkProblem:
    S = len(sites)
    capacity = np.array([[s.capacity.get(a, 0.0) for a in ACTIVITIES] for s in sites]).reshape(S, 4)
    unit_cost = np.array([[s.unit_cost.get(a, 0.0) for a in ACTIVITIES] for s in sites]).reshape(
        S, 4
    )
    net = Sites(
        tuple(s.code for s in sites),
        np.array([s.fixed_cost for s in sites], dtype=float),
        capacity,
        unit_cost,
        np.asarray(states, dtype=np.int64),
    )
    places = [Place(f"SITE-{k}", s.country, s.lat, s.lon) for k, s in enumerate(sites)]
    hubs = [k for k in range(S) if capacity[k, 0] > 0]
    rows: list[tuple[int, int, float, float, float, float]] = []
    for d, r in enumerate(demand):
        origin = Place(f"REGION-{d}", r.country, r.lat, r.lon)
        for k in hubs:
            q = pricer.quote(origin, places[k], r.kg, r.m3, within_days)
            if q is not None:
                rows.append((d, k, *q))
    kg = (
        float(np.average([r.kg for r in demand], weights=[r.units_a_year for r in demand]))
        if demand and sum(r.units_a_year for r in demand) > 0
        else 5.0
    )
    onward_rows: list[tuple[int, int, float, float, float, float]] = []
    doers = [k for k in range(S) if (capacity[k, 1:] > 0).any()]
    for h in hubs:
        for k in doers:
            q = pricer.quote(places[h], places[k], kg, kg / 200.0)
            if q is not None:
                onward_rows.append((h, k, *q))
    return NetworkProblem(
        net,
        Demands(
            tuple(r.name for r in demand),
            np.array([r.units_a_year for r in demand], dtype=float),
            np.array([r.mix for r in demand], dtype=float).reshape(len(demand), 3),
        ),
        _lanes(rows),
        _lanes(onward_rows),
    )


def _lanes(rows: list[tuple[int, int, float, float, float, float]]) -> Lanes:
    a = np.array(rows, dtype=float).reshape(len(rows), 6)
    return Lanes(
        a[:, 0].astype(np.int64), a[:, 1].astype(np.int64), a[:, 2], a[:, 3], a[:, 4], a[:, 5]
    )


DEMAND_COLUMNS = ("region", "country", "lat", "lon", "units_a_year")


def parse_demand_csv(text: str) -> list[Region]:
    """Demand points from a CSV: region,country,lat,lon,units_a_year and optionally
    kg,repair,refurbishment,recycling (shares). Every bad line is named; none is taken then."""
    import csv
    import io

    from revalo.domain.network_scenario import parse_scenario

    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in DEMAND_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        names = ", ".join(missing)
        raise InvalidValue(f"the demand file lacks the column(s) {names}")
    rows: list[dict[str, object]] = []
    for n, line in enumerate(reader, start=2):
        try:
            row: dict[str, object] = {k: line[k].strip() for k in ("region", "country")}
            for k in ("lat", "lon", "units_a_year", "kg", "repair", "refurbishment", "recycling"):
                if line.get(k) not in (None, ""):
                    row[k] = float(line[k])
        except ValueError:
            raise InvalidValue(
                f"line {n}: lat, lon, units_a_year, kg and the shares are numbers"
            ) from None
        rows.append(row)
    try:
        points = parse_scenario({"name": "csv", "demand": {"add": rows}}).new_demand
    except InvalidValue as exc:
        raise InvalidValue(exc.message.replace("demand.add[", "line index [")) from None
    return [
        Region(p.region, p.country, p.lat, p.lon, p.units_a_year, p.mix, p.kg, p.kg / 200.0)
        for p in points
    ]
