"""The profitability of every resale: what each unit sold fetched net of the channel's fees,
what its processing, storage and transport cost, and the net against the engine's
expectation at decision time; by channel, category and grade per week, with the groups
where the engine's expectations are off. The prices observed become the value model's
recovery rates where enough sales exist (``observed_recovery``): in new listings' prices
and in the engine's expected values.

The costs of a unit are summed in one function, ``unit_costs``, from what is recorded (the
work orders' labour and parts, the legs' transport, the days in stock).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from revalo.domain.catalog import Product
from revalo.domain.channels import cents
from revalo.domain.people import Permission, User
from revalo.domain.resale import Listing, ListingStatus
from revalo.domain.units import ReturnedUnit
from revalo.domain.work_orders import WorkOrderKind, WorkOrderState
from revalo.engines.disposition import DispositionParams, load_params
from revalo.engines.disposition.value import decay_log_rate
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork
from revalo.services.resale_ports import ListingFilter, SoldShare

#: How far the net may be from the engine's expectation, as a share of it, before a group
#: is said to be off (a company choice).
OFF_SHARE = Decimal("0.25")
#: The fewest sales a group needs before it is judged, or its prices feed the value model.
DEFAULT_MIN_SALES = 20
_ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class UnitCosts:
    processing: Decimal
    storage: Decimal
    transport: Decimal

    @property
    def total(self) -> Decimal:
        return self.processing + self.storage + self.transport


def unit_costs(
    uow: UnitOfWork,
    unit: ReturnedUnit,
    product: Product,
    until: datetime,
    params: DispositionParams,
) -> UnitCosts:
    """What a unit cost from its return to ``until``: the labour (at the value model's rate)
    and parts of its finished work orders and a licence per data wipe, its days in stock
    at the value model's storage rate, and its legs' transport as booked."""
    processing = Decimal("0")
    per_minute = Decimal(str(params.labour_eur_per_hour)) / 60
    for order in uow.work_orders.for_unit(unit.id):
        if order.state not in (WorkOrderState.DONE, WorkOrderState.FAILED):
            continue
        processing += per_minute * order.labour_minutes + order.parts_cost
        if order.kind is WorkOrderKind.DATA_WIPE and order.state is WorkOrderState.DONE:
            processing += Decimal(str(params.data_wipe_licence_eur))
    days = max((until - unit.received_at).total_seconds() / 86400, 0.0)
    storage = Decimal(str(days * product.volume_m3 * params.storage_eur_per_m3_day))
    transport = sum((leg.cost for leg in uow.legs.for_unit(unit.id)), Decimal("0"))
    return UnitCosts(cents(processing), cents(storage), cents(transport))


@dataclass(frozen=True, slots=True)
class SoldUnit:
    listing: Listing
    week: str
    new_price: Decimal
    costs: UnitCosts
    #: The engine's expected net recovery when it decided (None: a manager's decision).
    expected: Decimal | None

    @property
    def fetched(self) -> Decimal:
        return self.listing.sale.price if self.listing.sale else _ZERO

    @property
    def fees(self) -> Decimal:
        return self.listing.sale.fees if self.listing.sale else _ZERO

    @property
    def net(self) -> Decimal:
        return self.fetched - self.fees - self.costs.total


@dataclass(frozen=True, slots=True)
class ProfitGroup:
    week: str
    channel: str
    category: str
    grade: str
    units: int
    fetched: Decimal
    fees: Decimal
    costs: Decimal
    net: Decimal
    #: The engine's expectations of the units it decided, and how many it decided.
    expected: Decimal
    expected_units: int

    @property
    def gap(self) -> Decimal:
        """Net minus expected, over the units the engine decided."""
        return self.net_of_expected - self.expected

    net_of_expected: Decimal = _ZERO

    def off(self, min_sales: int) -> bool:
        """Whether the engine's expectation is off by more than ``OFF_SHARE`` here."""
        if self.expected_units < min_sales or self.expected == 0:
            return False
        return abs(self.gap) > OFF_SHARE * abs(self.expected)


@dataclass(frozen=True, slots=True)
class Profitability:
    sold: list[SoldUnit]
    groups: list[ProfitGroup]
    min_sales: int

    @property
    def off(self) -> list[ProfitGroup]:
        return [g for g in self.groups if g.off(self.min_sales)]


def week_of(at: datetime) -> str:
    year, week, _ = at.isocalendar()
    return f"{year}-W{week:02d}"


def _sold(
    uow: UnitOfWork, start: datetime | None, end: datetime | None, params: DispositionParams
) -> list[SoldUnit]:
    flt = ListingFilter(status=ListingStatus.SOLD, sold_from=start, sold_before=end)
    listings, _ = uow.listings.list(flt, limit=1_000_000, offset=0)
    out = []
    for listing in listings:
        unit = uow.units.by_lpn(listing.lpn)
        product = uow.products.get(unit.sku) if unit and unit.sku else None
        if unit is None or product is None or listing.sale is None:
            continue
        decision = uow.dispositions.latest(unit.id)
        out.append(
            SoldUnit(
                listing=listing,
                week=week_of(listing.sale.at),
                new_price=product.new_price,
                costs=unit_costs(uow, unit, product, listing.sale.at, params),
                expected=decision.expected_net if decision else None,
            )
        )
    return out


def group(sold: Iterable[SoldUnit]) -> list[ProfitGroup]:
    by: dict[tuple[str, str, str, str], list[SoldUnit]] = defaultdict(list)
    for s in sold:
        by[(s.week, s.listing.channel, s.listing.category, s.listing.grade)].append(s)
    out = []
    for (week, channel, category, grade), units in sorted(by.items()):
        decided = [u for u in units if u.expected is not None]
        out.append(
            ProfitGroup(
                week=week,
                channel=channel,
                category=category,
                grade=grade,
                units=len(units),
                fetched=sum((u.fetched for u in units), _ZERO),
                fees=sum((u.fees for u in units), _ZERO),
                costs=sum((u.costs.total for u in units), _ZERO),
                net=sum((u.net for u in units), _ZERO),
                expected=sum((u.expected or _ZERO for u in decided), _ZERO),
                expected_units=len(decided),
                net_of_expected=sum((u.net for u in decided), _ZERO),
            )
        )
    return out


@reads(Permission.VIEW_PROFITABILITY)
def resale_profitability(
    uow: UnitOfWork,
    *,
    by: User,
    start: datetime | None = None,
    end: datetime | None = None,
    min_sales: int = DEFAULT_MIN_SALES,
    config: Path | None = None,
) -> Profitability:
    """Every unit sold between ``start`` and ``end`` with its net, and the groups by week,
    channel, category and grade; ``off`` lists those where the engine's expectation was off
    by more than a quarter, once ``min_sales`` of its decisions were sold there."""
    params = load_params(config)
    with uow:
        sold = _sold(uow, start, end, params)
    return Profitability(sold, group(sold), min_sales)


def observed_shares(
    sold: Iterable[SoldShare], params: DispositionParams
) -> dict[tuple[str, str, str], list[Decimal]]:
    """The share of the new price each sale fetched, by (channel, category, grade). Each
    price is taken back to the day its unit came back, through its category's decay, since
    the value model decays the rate from there (a unit sold late at a low price does not
    lower the rate of one sold early)."""
    shares: dict[tuple[str, str, str], list[Decimal]] = defaultdict(list)
    for s in sold:
        if s.new_price > 0:
            kept = math.exp(decay_log_rate(params, s.category) * s.age_days)
            share = s.price / (s.new_price * Decimal(str(kept)))
            shares[(s.channel, s.category, s.grade)].append(share)
    return shares


def mean_share(shares: Sequence[Decimal]) -> Decimal:
    return (sum(shares, Decimal("0")) / len(shares)).quantize(Decimal("0.0001"))


def observed_recovery(
    sold: Iterable[SoldShare], min_sales: int, params: DispositionParams
) -> dict[tuple[str, str, str], Decimal]:
    """The mean share of the new price fetched, by (channel, category, grade), where at
    least ``min_sales`` units were sold: the value model's recovery rate as observed."""
    return {
        key: mean_share(v)
        for key, v in observed_shares(sold, params).items()
        if len(v) >= max(min_sales, 1)
    }


def observed_in(
    uow: UnitOfWork, min_sales: int, params: DispositionParams
) -> dict[tuple[str, str, str], Decimal]:
    """The recovery rates observed on every sale so far, read in the open unit of work
    (``min_sales`` 0: none, the feedback is off)."""
    if min_sales <= 0:
        return {}
    return observed_recovery(uow.listings.sold_shares(), min_sales, params)


@reads(Permission.VIEW_LISTINGS)
def observed_rates(
    uow: UnitOfWork, *, by: User, min_sales: int, config: Path | None = None
) -> dict[tuple[str, str, str], Decimal]:
    """The recovery rates observed on every sale so far (``min_sales`` 0: none, the
    feedback is off)."""
    if min_sales <= 0:
        return {}
    params = load_params(config)
    with uow:
        return observed_in(uow, min_sales, params)
