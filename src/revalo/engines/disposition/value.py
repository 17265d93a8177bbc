"""The value model: expected net recovery of one unit on one option, with its breakdown.

This module is the definition, written for one unit at a time so that it reads like the
rules it applies; ``batch.py`` evaluates the same functions once per (product, origin,
option) and per grade, then combines them over millions of units with NumPy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from revalo.domain.catalog import Product
from revalo.domain.disposition import ROUTE_RULES, implied_work
from revalo.domain.disposition import DispositionRoute as _R
from revalo.domain.values import GeoPoint
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition.options import SELLING_ROUTES, Option, sale_grade, work_site
from revalo.engines.disposition.params import GRADES, DispositionParams
from revalo.engines.disposition.problem import DispositionProblem, LegPrice

#: Routes whose value shrinks while the unit waits (it is sold, or its parts are).
DECAYING_ROUTES = SELLING_ROUTES | {_R.HARVEST_PARTS, _R.DONATE}
#: Lowest rank of the waste hierarchy (disposal); the preference bonus counts ranks above it.
LOWEST_RANK = 5


@dataclass(frozen=True, slots=True)
class FixedPart:
    """What does not depend on the unit's grade or age: costs, fixed income, CO2, lead time."""

    fixed_income: float
    labour: float
    cleaning: float
    data_wipe: float
    parts: float
    transport: float
    storage: float
    channel_fee_eur: float
    disposal_fee: float
    co2_kg: float
    lead_days: float
    road_km: float

    @property
    def costs(self) -> float:
        return (
            self.labour
            + self.cleaning
            + self.data_wipe
            + self.parts
            + self.transport
            + self.storage
            + self.channel_fee_eur
            + self.disposal_fee
        )


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Expected net recovery of a unit on an option, in EUR, and where it comes from."""

    recovery_rate: float
    decay_factor: float
    days_to_sale: float
    recovered: float
    labour: float
    cleaning: float
    data_wipe: float
    parts: float
    transport: float
    storage: float
    channel_fees: float
    disposal_fee: float
    co2_kg: float
    road_km: float
    hierarchy_rank: int

    @property
    def net(self) -> float:
        return self.recovered - (
            self.labour
            + self.cleaning
            + self.data_wipe
            + self.parts
            + self.transport
            + self.storage
            + self.channel_fees
            + self.disposal_fee
        )

    def objective(self, params: DispositionParams) -> float:
        """Net recovery minus the CO2 price plus the waste-hierarchy preference."""
        return (
            self.net
            - params.co2_price_eur_per_t * self.co2_kg / 1000.0
            + params.hierarchy_bonus_eur_per_rank * (LOWEST_RANK - self.hierarchy_rank)
        )


def road_km(params: DispositionParams, a: GeoPoint, b: GeoPoint) -> float:
    return a.km_to(b) * params.circuity


def _legs(
    problem: DispositionProblem,
    params: DispositionParams,
    o: Option,
    origin: int,
    product: Product,
    damaged_lithium: bool = False,
) -> list[LegPrice]:
    """Each transport leg of one unit: origin to destination (a carrier quote when the
    problem has a pricer, for a damaged lithium battery one under ADR special provision
    376), then on to the channel's dispatch point when it has one."""
    here = problem.sites[origin].site
    legs = []
    if o.destination is not None and o.destination != origin:
        there = problem.sites[o.destination].site
        if problem.legs is not None:
            legs.append(problem.legs.price(here, there, product, damaged_lithium))
        else:
            legs.append(_estimate(params, here.point, there.point, product))
        here = there
    if o.channel is not None:
        ch = problem.channels[o.channel]
        if ch.lat is not None and ch.lon is not None:
            legs.append(_estimate(params, here.point, GeoPoint(ch.lat, ch.lon), product))
    return legs


def _estimate(params: DispositionParams, a: GeoPoint, b: GeoPoint, product: Product) -> LegPrice:
    """A leg without a quote: a cost per shipment plus a cost per kg-km, and the average
    intensity of the parameters."""
    km = road_km(params, a, b)
    return LegPrice(
        km=km,
        eur=params.eur_per_shipment + product.weight_kg * km * params.eur_per_kg_km,
        co2_kg=product.weight_kg / 1000.0 * km * params.co2_kg_per_tkm,
    )


def _per_minute(problem: DispositionProblem, params: DispositionParams, site: int) -> float:
    rate = problem.sites[site].labour_eur_per_hour
    return (params.labour_eur_per_hour if rate is None else rate) / 60.0


def fixed_part(
    problem: DispositionProblem,
    params: DispositionParams,
    option: Option,
    product_index: int,
    origin: int,
    damaged_lithium: bool = False,
) -> FixedPart:
    """What the option costs and brings a unit of the product at ``origin`` whatever its
    grades; ``damaged_lithium``: its lithium battery was found hazardous (it travels under
    ADR special provision 376)."""
    product = problem.products[product_index]
    cat = params.category(product.category)
    new_price = float(product.new_price)
    route = option.route
    per_min = _per_minute(problem, params, work_site(option, origin))
    # A data-bearing device is wiped before it leaves its origin (décret 2022-190, NIST SP
    # 800-88), even when the rest of the work is done elsewhere.
    wipe_per_min = _per_minute(problem, params, origin)
    minutes = {k: params.work_minutes.get(k, 0.0) * cat.labour_factor for k in WorkOrderKind}
    labour = cleaning = wipe = 0.0
    for kind in implied_work(route, product):
        if kind is WorkOrderKind.CLEAN:
            cleaning += minutes[kind] * per_min
        elif kind is WorkOrderKind.DATA_WIPE:
            wipe += minutes[kind] * wipe_per_min + params.data_wipe_licence_eur
        else:
            labour += minutes[kind] * per_min
    parts = cat.repair_parts_rate * new_price if route in (_R.REPAIR, _R.REFURBISH) else 0.0
    legs = _legs(problem, params, option, origin, product, damaged_lithium)
    lead = params.lead_days(route)
    channel_fee_eur = 0.0
    if option.channel is not None:
        ch = problem.channels[option.channel]
        lead += ch.days_to_sell
        channel_fee_eur = ch.fee_eur
    income = 0.0
    if route is _R.RETURN_TO_VENDOR:
        assert option.destination is not None
        income = new_price * (problem.sites[option.destination].vendor_credit_rate or 0.0)
    elif route is _R.RECYCLE:
        income = product.weight_kg * params.recycle_eur_per_kg
    disposal = product.weight_kg * params.dispose_eur_per_kg if route is _R.DISPOSE else 0.0
    return FixedPart(
        fixed_income=income,
        labour=labour,
        cleaning=cleaning,
        data_wipe=wipe,
        parts=parts,
        transport=sum(leg.eur for leg in legs),
        storage=product.volume_m3 * params.storage_eur_per_m3_day * lead,
        channel_fee_eur=channel_fee_eur,
        disposal_fee=disposal,
        co2_kg=sum(leg.co2_kg for leg in legs),
        lead_days=lead,
        road_km=sum(leg.km for leg in legs),
    )


def recovery_rate(
    problem: DispositionProblem,
    params: DispositionParams,
    option: Option,
    product_index: int,
    functional: int,
    cosmetic: int,
) -> float:
    """Share of the new price the unit brings before decay (0 where nothing is sold)."""
    product = problem.products[product_index]
    cat = params.category(product.category)
    if option.channel is not None:
        grade = GRADES[sale_grade(option.route, functional, cosmetic)]
        ch = problem.channels[option.channel]
        curve = ch.demand.get(product.category)
        step = curve.steps[option.step].rate if curve and option.step < len(curve.steps) else 1.0
        seen = ch.observed.get((product.category, grade))
        rate = seen if seen is not None else ch.recovery.get(grade, 0.0) * cat.resale_factor
        return rate * step
    if option.route is _R.HARVEST_PARTS:
        return cat.parts_rate
    if option.route is _R.DONATE:
        return params.donate_value_rate
    return 0.0


def decay_log_rate(params: DispositionParams, category: str) -> float:
    """ln of the value kept per day: value x (1 - rate) every period."""
    cat = params.category(category)
    return math.log1p(-cat.decay_rate) / cat.decay_period_days


def daily_value_loss(params: DispositionParams, category: str, value_eur: float) -> float:
    """What a day's wait costs a product worth ``value_eur``: one day of its category's
    decay (Blackburn, Guide, Souza and Van Wassenhove, California Management Review 46(2), 2004)."""
    return value_eur * -math.expm1(decay_log_rate(params, category))


def damaged_lithium(problem: DispositionProblem, unit: int) -> bool:
    """Whether unit number ``unit`` holds a lithium battery found hazardous."""
    u = problem.units
    return bool(u.hazardous[unit]) and problem.products[int(u.product[unit])].lithium_battery


def unit_value(
    problem: DispositionProblem,
    params: DispositionParams,
    option: Option,
    unit: int,
) -> Breakdown:
    """Breakdown of the expected net recovery of unit number ``unit`` on ``option``."""
    u = problem.units
    p, origin = int(u.product[unit]), int(u.origin[unit])
    f, c = int(u.functional[unit]), int(u.cosmetic[unit])
    product = problem.products[p]
    fixed = fixed_part(problem, params, option, p, origin, damaged_lithium(problem, unit))
    rate = recovery_rate(problem, params, option, p, f, c)
    days = float(u.days_waited[unit]) + fixed.lead_days
    decays = option.route in DECAYING_ROUTES
    decay = math.exp(decay_log_rate(params, product.category) * days) if decays else 1.0
    sold = float(product.new_price) * rate * decay
    fee_rate = problem.channels[option.channel].fee_rate if option.channel is not None else 0.0
    return Breakdown(
        recovery_rate=rate,
        decay_factor=decay,
        days_to_sale=days,
        recovered=sold + fixed.fixed_income,
        labour=fixed.labour,
        cleaning=fixed.cleaning,
        data_wipe=fixed.data_wipe,
        parts=fixed.parts,
        transport=fixed.transport,
        storage=fixed.storage,
        channel_fees=fixed.channel_fee_eur + fee_rate * sold,
        disposal_fee=fixed.disposal_fee,
        co2_kg=fixed.co2_kg,
        road_km=fixed.road_km,
        hierarchy_rank=ROUTE_RULES[option.route].hierarchy_rank,
    )
