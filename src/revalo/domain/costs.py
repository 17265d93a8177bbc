"""The cost ledger: what each unit and each return cost, stage by stage, and what it brought
back, derived from what was recorded (legs, events, inspections, work orders, stock moves,
refunds) — never a second bookkeeping.

Every amount is whole euro cents (``int``): lines add up exactly whatever way they are
grouped. The rates that turn recorded quantities (minutes, seconds in a location, a sale
price) into money are data (``config/costs.toml``); the rounding of one line is half up, to
the cent, once, here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from revalo.domain.errors import InvalidValue


class Flow(enum.StrEnum):
    #: Money spent on the unit.
    COST = "cost"
    #: Money the unit brought back.
    RECOVERY = "recovery"
    #: Money paid back to the customer for the return (carried by the return's first unit).
    REFUND = "refund"


class CostStage(enum.StrEnum):
    TRANSPORT = "transport"
    RECEIPT = "receipt"
    INSPECTION = "inspection"
    TEST = "test"
    CLEAN = "clean"
    DATA_WIPE = "data_wipe"
    REPAIR = "repair"
    REFURBISH = "refurbish"
    #: Dismantling a unit into parts (a harvest work order).
    HARVEST = "harvest"
    STORAGE = "storage"
    OUTBOUND = "outbound"
    CHANNEL_FEE = "channel_fee"
    # What the unit brought back.
    SALE = "sale"
    PROCEEDS = "proceeds"
    RESTOCK_VALUE = "restock_value"
    # Paid back to the customer.
    REFUND = "refund"

    @property
    def flow(self) -> Flow:
        if self in _RECOVERIES:
            return Flow.RECOVERY
        if self is CostStage.REFUND:
            return Flow.REFUND
        return Flow.COST


_RECOVERIES = frozenset({CostStage.SALE, CostStage.PROCEEDS, CostStage.RESTOCK_VALUE})
#: The stages in the order of the flow of a unit (pages and tables list them so).
STAGES: tuple[CostStage, ...] = tuple(CostStage)
COST_STAGES: tuple[CostStage, ...] = tuple(s for s in CostStage if s.flow is Flow.COST)
#: The stages of the work orders (processing).
WORK_STAGES: tuple[CostStage, ...] = (
    CostStage.TEST,
    CostStage.CLEAN,
    CostStage.DATA_WIPE,
    CostStage.REPAIR,
    CostStage.REFURBISH,
)

_CENT = Decimal("0.01")


def eur(cents: int) -> Decimal:
    """Whole cents as euros."""
    return (Decimal(cents) / 100).quantize(_CENT)


def to_cents(amount: Decimal | float | str) -> int:
    return int((Decimal(str(amount)) * 100).to_integral_value(ROUND_HALF_UP))


def labour_cents(minutes: float, cents_per_hour: int) -> int:
    """Labour of ``minutes`` at an hourly rate, to the cent (half up)."""
    return int((Decimal(str(minutes)) * cents_per_hour / 60).to_integral_value(ROUND_HALF_UP))


def storage_cents(seconds: float, cents_per_day: int) -> int:
    """Storage of ``seconds`` in a location at a daily rate, to the cent (half up)."""
    exact = Decimal(str(round(seconds))) * cents_per_day / 86_400
    return int(exact.to_integral_value(ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class ChannelFee:
    """What a sales channel keeps of a sale: a share of the price plus a fixed fee."""

    channel: str
    rate: Decimal
    fixed_cents: int

    def cents(self, price_cents: int) -> int:
        share = (Decimal(price_cents) * self.rate).to_integral_value(ROUND_HALF_UP)
        return int(share) + self.fixed_cents


@dataclass(frozen=True, slots=True)
class CostRates:
    """The rates of the ledger, whole cents; ``sources`` says where each figure comes from."""

    labour_cents_per_hour: int
    site_labour_cents_per_hour: Mapping[str, int]
    receipt_cents: int
    outbound_cents: int
    wipe_licence_cents: int
    #: Per location kind (``receiving``, ``graded_stock`` ...): cents per unit and day.
    storage_cents_per_day: Mapping[str, int]
    #: Per disposition route: the channel its sales go through and what that channel keeps.
    channel_fees: Mapping[str, ChannelFee]
    sources: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        figures = [self.labour_cents_per_hour, self.receipt_cents, self.outbound_cents]
        figures += [self.wipe_licence_cents, *self.site_labour_cents_per_hour.values()]
        figures += list(self.storage_cents_per_day.values())
        if any(f < 0 for f in figures):
            raise InvalidValue("cost rates cannot be negative", field="costs")

    def labour_rate(self, site_code: str | None) -> int:
        return self.site_labour_cents_per_hour.get(site_code or "", self.labour_cents_per_hour)

    def storage_rate(self, location_kind: str) -> int:
        return self.storage_cents_per_day.get(location_kind, 0)

    def channel_of(self, route: str | None) -> str:
        fee = self.channel_fees.get(route or "")
        return fee.channel if fee else ""


@dataclass(frozen=True, slots=True)
class CostLine:
    """One figure of the ledger and the record it comes from (``source`` the kind of record
    — leg, event, inspection, work_order, move, refund — and ``source_id`` its id)."""

    unit_id: int | None
    lpn: str
    at: datetime
    stage: CostStage
    cents: int
    source: str
    source_id: int
    site: str = ""
    #: What part of the stage: labour, parts, licence; the location kind of a storage line.
    part: str = ""
    detail: str = ""
    km: float = 0.0
    co2e_g: int = 0

    @property
    def flow(self) -> Flow:
        return self.stage.flow

    @property
    def amount(self) -> Decimal:
        return eur(self.cents)


class Sums:
    """Euros of each flow of something whose ``cents(flow)`` is known."""

    __slots__ = ()

    def cents(self, flow: Flow) -> int:
        raise NotImplementedError

    @property
    def cost(self) -> Decimal:
        return eur(self.cents(Flow.COST))

    @property
    def recovered(self) -> Decimal:
        return eur(self.cents(Flow.RECOVERY))

    @property
    def refunded(self) -> Decimal:
        return eur(self.cents(Flow.REFUND))

    @property
    def net(self) -> Decimal:
        """What was brought back less what it cost and what was refunded."""
        return eur(self.cents(Flow.RECOVERY) - self.cents(Flow.COST) - self.cents(Flow.REFUND))


@dataclass(frozen=True, slots=True)
class Ledger(Sums):
    """The lines of one unit or one return, in the order they happened."""

    lines: tuple[CostLine, ...]

    @classmethod
    def of(cls, lines: Iterable[CostLine]) -> Ledger:
        return cls(tuple(sorted(lines, key=lambda x: (x.at, STAGES.index(x.stage), x.source_id))))

    def cents(self, flow: Flow) -> int:
        return sum(line.cents for line in self.lines if line.flow is flow)

    def by_stage(self) -> dict[CostStage, Decimal]:
        out: dict[CostStage, int] = {}
        for line in self.lines:
            out[line.stage] = out.get(line.stage, 0) + line.cents
        return {s: eur(out[s]) for s in STAGES if s in out}

    @property
    def km(self) -> float:
        return sum(line.km for line in self.lines)

    @property
    def co2e_kg(self) -> float:
        return sum(line.co2e_g for line in self.lines) / 1000


# -- analysis: groups of lines summed by the database --------------------------------------------
@dataclass(frozen=True, slots=True)
class GroupTotal:
    """The lines of one group (``key``: the values of the dimensions asked, in their order)
    summed by stage: cents per stage, and the units and returns they concern."""

    key: tuple[str, ...]
    stage: CostStage
    cents: int
    units: int


@dataclass(frozen=True, slots=True)
class Row(Sums):
    """One row of an analysis table: a group, its cost by stage, what it brought back."""

    key: tuple[str, ...]
    units: int
    stages: Mapping[CostStage, int]

    def cents(self, flow: Flow) -> int:
        return sum(c for s, c in self.stages.items() if s.flow is flow)

    @property
    def cost_per_unit(self) -> Decimal | None:
        return eur(round(self.cents(Flow.COST) / self.units)) if self.units else None

    def stage(self, stage: CostStage) -> Decimal:
        return eur(self.stages.get(stage, 0))


def rows_of(totals: Iterable[GroupTotal], units: Mapping[tuple[str, ...], int]) -> list[Row]:
    """The table's rows, the costliest first; ``units`` the distinct units of each group
    (counted by the database: a unit has lines in several stages)."""
    stages: dict[tuple[str, ...], dict[CostStage, int]] = {}
    for t in totals:
        row = stages.setdefault(t.key, {})
        row[t.stage] = row.get(t.stage, 0) + t.cents
    rows = [Row(k, units.get(k, 0), v) for k, v in stages.items()]
    rows.sort(key=lambda r: (-r.cents(Flow.COST), r.key))
    return rows


def total_row(rows: Sequence[Row], units: int) -> Row:
    stages: dict[CostStage, int] = {}
    for r in rows:
        for s, c in r.stages.items():
            stages[s] = stages.get(s, 0) + c
    return Row((), units, stages)


@dataclass(frozen=True, slots=True)
class Driver:
    """A cost that changed from the previous period: a stage and part at a site."""

    stage: CostStage
    part: str
    site: str
    cents: int
    previous_cents: int

    @property
    def change(self) -> int:
        return self.cents - self.previous_cents

    @property
    def change_pct(self) -> float | None:
        if not self.previous_cents:
            return None
        return 100.0 * self.change / self.previous_cents


def drivers(
    now: Mapping[tuple[str, ...], int],
    before: Mapping[tuple[str, ...], int],
    *,
    limit: int = 10,
) -> list[Driver]:
    """The largest costs of the period (keys: stage, part, site) with their change from the
    previous period of the same length, the largest first."""
    out = [
        Driver(CostStage(k[0]), k[1], k[2], cents, before.get(k, 0))
        for k, cents in now.items()
        if CostStage(k[0]).flow is Flow.COST
    ]
    out.sort(key=lambda d: (-d.cents, d.stage.value, d.part, d.site))
    return out[:limit]


def movers(
    now: Mapping[tuple[str, ...], int],
    before: Mapping[tuple[str, ...], int],
    *,
    limit: int = 10,
) -> list[Driver]:
    """The costs that changed most from the previous period (in euros, up or down)."""
    keys = {k for k in (*now, *before) if CostStage(k[0]).flow is Flow.COST}
    out = [Driver(CostStage(k[0]), k[1], k[2], now.get(k, 0), before.get(k, 0)) for k in keys]
    out.sort(key=lambda d: (-abs(d.change), d.stage.value, d.part, d.site))
    return out[:limit]
