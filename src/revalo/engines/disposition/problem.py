"""The input of the disposition engine: products, sites, resale channels and graded units."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from revalo.domain.catalog import Product, Site
from revalo.domain.demand_curves import DemandCurve
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition.params import GRADES, load_config

#: Work whose daily volume a site may limit.
CAPACITY_KINDS = (WorkOrderKind.REPAIR, WorkOrderKind.REFURBISH, WorkOrderKind.TEST)
#: Work whose hours a site plans per week (its repair benches, refurbishment line and test
#: benches): done at the route's destination.
HOUR_KINDS = CAPACITY_KINDS


@dataclass(frozen=True, eq=False)
class SiteSpec:
    """A site as the engine sees it: the domain site plus its daily capacities and rates.

    ``capacity`` gives units a day per kind of work (absent: no limit; 0: it does none);
    ``hours`` the hours left for the batch per kind of work (absent: no limit), each unit
    taking its category's minutes of that work.
    ``vendor_credit_rate`` is the credit, as a share of the new price, that a vendor grants on
    a return under its agreement (None: no agreement); ``vendor_brands`` the brands the
    agreement covers (None: all).
    """

    site: Site
    capacity: Mapping[WorkOrderKind, int] = field(default_factory=dict)
    hours: Mapping[WorkOrderKind, float] = field(default_factory=dict)
    labour_eur_per_hour: float | None = None
    vendor_credit_rate: float | None = None
    vendor_brands: frozenset[str] | None = None

    def __post_init__(self) -> None:
        for kind, cap in self.capacity.items():
            if kind not in CAPACITY_KINDS:
                raise InvalidValue(f"no capacity is kept for {kind.value} work", field="capacity")
            if cap < 0:
                raise InvalidValue(
                    f"{self.site.code}: capacity must not be negative", field="capacity"
                )
        for kind, h in self.hours.items():
            if kind not in HOUR_KINDS:
                raise InvalidValue(f"no hours are planned for {kind.value} work", field="hours")
            if not h >= 0:
                raise InvalidValue(f"{self.site.code}: hours must not be negative", field="hours")
        if self.labour_eur_per_hour is not None and self.labour_eur_per_hour < 0:
            raise InvalidValue("labour rate must not be negative", field="labour_eur_per_hour")
        if self.vendor_credit_rate is not None and not 0 <= self.vendor_credit_rate <= 1:
            raise InvalidValue("vendor credit must be in [0, 1]", field="vendor_credit_rate")


@dataclass(frozen=True, eq=False)
class ChannelSpec:
    """Where a unit is sold after its route: recovery by sale grade, fees and limits."""

    code: str
    name: str
    routes: frozenset[DispositionRoute]
    #: Share of the new price recovered, by sale grade "A".."D"; a missing grade is refused.
    recovery: Mapping[str, float]
    days_to_sell: float
    fee_rate: float = 0.0
    fee_eur: float = 0.0
    #: Accepted categories (None: all).
    categories: frozenset[str] | None = None
    #: Units a day the channel can absorb (None: no limit).
    daily_volume: int | None = None
    #: Code of the site that is this channel (an outlet store), if any.
    site_code: str | None = None
    #: Where sold units ship from (None: from where the unit was processed).
    lat: float | None = None
    lon: float | None = None
    #: What is left of the week's demand, by product category, as price steps (a category
    #: absent: no limit and no fall in price).
    demand: Mapping[str, DemandCurve] = field(default_factory=dict)
    #: The share of the new price its sales fetched, by (product category, sale grade),
    #: where enough sales were seen: it stands for ``recovery`` x the category's resale
    #: factor (the value model's default, observed).
    observed: Mapping[tuple[str, str], float] = field(default_factory=dict)

    @property
    def steps(self) -> int:
        """The most price steps any category has on this channel (1 when none has)."""
        return max((len(c.steps) for c in self.demand.values()), default=1)

    def __post_init__(self) -> None:
        where = f"channel {self.code}"
        if not self.routes:
            raise InvalidValue(f"{where} serves no route", field="routes")
        for grade, rate in self.recovery.items():
            if grade not in GRADES or not 0 <= rate <= 1:
                raise InvalidValue(f"{where}: recovery {grade}={rate} is invalid", field="recovery")
        for (category, grade), rate in self.observed.items():
            if grade not in GRADES or rate < 0:
                raise InvalidValue(
                    f"{where}: observed recovery {category} {grade}={rate} is invalid",
                    field="observed",
                )
        if self.days_to_sell < 0 or self.fee_eur < 0 or not 0 <= self.fee_rate < 1:
            raise InvalidValue(f"{where}: days and fees must be non-negative", field="fee_rate")
        if self.daily_volume is not None and self.daily_volume < 0:
            raise InvalidValue(f"{where}: daily volume must not be negative", field="daily_volume")
        if (self.lat is None) != (self.lon is None):
            raise InvalidValue(f"{where}: give both lat and lon, or neither", field="lat")


def channels_from_config(raw: Mapping[str, Any]) -> tuple[ChannelSpec, ...]:
    """The ``[channels.*]`` tables of the configuration that serve a route (a channel with
    ``routes = []`` is listed by hand, never chosen by the engine). The fee rate is the
    channel's ``commission_rate`` plus its ``payment_rate`` (or a plain ``fee_rate``)."""
    out = []
    for code, c in raw.get("channels", {}).items():
        if not c.get("routes", True):
            continue
        try:
            fee_rate = c.get("fee_rate", c.get("commission_rate", 0.0) + c.get("payment_rate", 0.0))
            routes = frozenset(DispositionRoute(r) for r in c["routes"])
            cats = c.get("categories")
            out.append(
                ChannelSpec(
                    code=code,
                    name=c.get("name", code),
                    routes=routes,
                    recovery=dict(c["recovery"]),
                    days_to_sell=float(c["days_to_sell"]),
                    fee_rate=float(fee_rate),
                    fee_eur=float(c.get("fee_eur", c.get("fixed_fee_eur", 0.0))),
                    categories=frozenset(cats) if cats is not None else None,
                    daily_volume=c.get("daily_volume"),
                    site_code=c.get("site"),
                    lat=c.get("lat"),
                    lon=c.get("lon"),
                )
            )
        except (KeyError, ValueError) as exc:
            raise InvalidValue(f"channel {code}: {exc}", field="channels") from exc
    return tuple(out)


def load_channels(path: Path | None = None) -> tuple[ChannelSpec, ...]:
    return channels_from_config(load_config(path))


IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class UnitBatch:
    """Graded units as parallel arrays (one row per unit).

    ``product`` and ``origin`` index the problem's products and sites; grades are 0 (A) to 3
    (D); ``days_waited`` counts the days since the unit came back.
    """

    product: IntArray
    functional: IntArray
    cosmetic: IntArray
    hazardous: BoolArray
    origin: IntArray
    days_waited: FloatArray

    @classmethod
    def of(cls, **columns: Any) -> UnitBatch:
        return cls(
            product=np.asarray(columns["product"], dtype=np.int64),
            functional=np.asarray(columns["functional"], dtype=np.int64),
            cosmetic=np.asarray(columns["cosmetic"], dtype=np.int64),
            hazardous=np.asarray(columns.get("hazardous", False), dtype=np.bool_),
            origin=np.asarray(columns["origin"], dtype=np.int64),
            days_waited=np.asarray(columns.get("days_waited", 0.0), dtype=np.float64),
        )

    def __post_init__(self) -> None:
        n = len(self.product)
        for name in ("functional", "cosmetic", "hazardous", "origin", "days_waited"):
            col = getattr(self, name)
            if col.shape == ():
                object.__setattr__(self, name, np.full(n, col, dtype=col.dtype))
            elif col.shape != (n,):
                raise InvalidValue(f"units: {name} has {col.shape}, expected ({n},)", field=name)
        for name in ("functional", "cosmetic"):
            col = getattr(self, name)
            if n and (col.min() < 0 or col.max() > 3):
                raise InvalidValue(f"units: {name} grade must be 0 (A) to 3 (D)", field=name)
        if n and self.days_waited.min() < 0:
            raise InvalidValue("units: days waited must not be negative", field="days_waited")

    def __len__(self) -> int:
        return len(self.product)


@dataclass(frozen=True, slots=True)
class LegPrice:
    """One unit carried from one site to another: road km, cost (EUR) and kg CO2e."""

    km: float
    eur: float
    co2_kg: float


class LegPricer(Protocol):
    """Prices the trip of one unit of ``product`` between two sites (carrier quotes)."""

    def price(
        self, origin: Site, destination: Site, product: Product, damaged_lithium: bool = False
    ) -> LegPrice:
        """The unit's transport from ``origin`` to ``destination``; ``damaged_lithium``:
        its lithium battery was found hazardous (ADR special provision 376)."""
        ...


@dataclass(frozen=True, eq=False)
class DispositionProblem:
    """Everything the engine decides from. No database object, only values.

    ``legs`` prices the trips between sites with carrier quotes; without it, a trip costs
    the per-shipment + per-kg-km estimate of the parameters.
    """

    products: tuple[Product, ...]
    sites: tuple[SiteSpec, ...]
    channels: tuple[ChannelSpec, ...]
    units: UnitBatch
    legs: LegPricer | None = None

    def __post_init__(self) -> None:
        codes = [s.site.code for s in self.sites]
        if len(set(codes)) != len(codes):
            raise InvalidValue("site codes must be unique", field="sites")
        for ch in self.channels:
            if ch.site_code is not None and ch.site_code not in codes:
                raise InvalidValue(f"channel {ch.code}: unknown site {ch.site_code}", field="site")
        u = self.units
        if len(u) and (u.product.min() < 0 or u.product.max() >= len(self.products)):
            raise InvalidValue("units: product index out of range", field="product")
        if len(u) and (u.origin.min() < 0 or u.origin.max() >= len(self.sites)):
            raise InvalidValue("units: origin index out of range", field="origin")
        for i in np.unique(u.origin):
            if not self.sites[int(i)].site.holds_stock:
                raise InvalidValue(
                    f"units: origin {self.sites[int(i)].site.code} holds no stock",
                    field="origin",
                )

    def site_index(self, code: str) -> int:
        for i, s in enumerate(self.sites):
            if s.site.code == code:
                return i
        raise InvalidValue(f"unknown site {code}", field="site")
