"""Tiny collection worlds on the equator, where 0.1 degree of longitude is about 11.1 km.

Distances are great-circle km (circuity 1.0) driven at 60 km/h: one km takes one minute,
so every figure can be checked by hand.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from revalo.engines.collection.problem import CollectionParams, FleetType, Hub, Pickup
from revalo.engines.transport.carriers import FleetVehicle, Handling
from revalo.engines.transport.distances import CircuityParams, GreatCircleDistances
from revalo.engines.transport.places import Place

DAY = date(2025, 3, 10)
FLAT = GreatCircleDistances(CircuityParams(default=1.0, urban=1.0, speed_kmh=60.0))
#: Enough search for these tiny cases; the iteration limit makes runs repeatable.
QUICK = CollectionParams(seconds=10.0, max_iterations=300)


def at(code: str, lon: float, country: str = "FR") -> Place:
    return Place(code, country, 0.0, lon)


def hub(code: str, lon: float = 0.0, opens: int = 420, closes: int = 1200) -> Hub:
    return Hub(code, at(f"HUB-{code}", lon), opens, closes)


def vehicle(
    vid: str = "VAN",
    *,
    kg: float = 100.0,
    m3: float = 10.0,
    lithium: bool = True,
    bulky: bool = True,
    countries: frozenset[str] = frozenset({"FR"}),
    per_km: float = 0.5,
    per_hour: float = 30.0,
    per_day: float = 50.0,
) -> FleetVehicle:
    return FleetVehicle(
        id=vid,
        carrier="Own fleet",
        vehicle="van_diesel",
        handling=Handling(accepts_lithium=lithium, accepts_bulky=bulky),
        countries=countries,
        per_km_eur=per_km,
        per_hour_eur=per_hour,
        fixed_per_day_eur=per_day,
        capacity_kg=kg,
        capacity_m3=m3,
        speed_kmh=60.0,
        handling_hours=0.0,
        driving_hours_per_day=9.0,
    )


def fleet(v: FleetVehicle, count: int = 1, start: str = "H", **kw: object) -> FleetType:
    return FleetType(v, count, start, **kw)  # type: ignore[arg-type]


def pickup(
    pid: str,
    lon: float,
    *,
    kg: float = 10.0,
    m3: float = 0.1,
    due_in: int = -1,
    loss: float = 5.0,
    country: str = "FR",
    **kw: object,
) -> Pickup:
    """A pickup ``due_in`` days from DAY (negative: past due, so required)."""
    return Pickup(
        pid,
        at("AT-" + re.sub(r"[^A-Za-z0-9]", "", pid), lon, country),
        kg=kg,
        m3=m3,
        due_on=DAY + timedelta(days=due_in),
        daily_value_loss_eur=loss,
        **kw,  # type: ignore[arg-type]
    )
