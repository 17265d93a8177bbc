"""The cost ledger's and the cost analysis' answers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, Field

from revalo.domain.cost_targets import CostTarget
from revalo.domain.costs import CostLine, Driver, Ledger, Row, eur
from revalo.services.cost_ports import JourneyRow, Travelled, UnitCost


class CostLinePublic(BaseModel):
    lpn: str
    at: datetime
    stage: str
    flow: str
    part: str
    site: str
    amount: Decimal
    #: The record it comes from: leg, event, inspection, work_order, move, refund.
    source: str
    source_id: int
    detail: str
    km: float
    co2e_kg: float


def line_public(x: CostLine) -> CostLinePublic:
    return CostLinePublic(
        lpn=x.lpn, at=x.at, stage=x.stage.value, flow=x.flow.value, part=x.part, site=x.site,
        amount=x.amount, source=x.source, source_id=x.source_id, detail=x.detail,
        km=round(x.km, 1), co2e_kg=round(x.co2e_g / 1000, 3),
    )  # fmt: skip


class LedgerPublic(BaseModel):
    """A unit's or a return's ledger: its totals by stage and a page of its lines."""

    cost: Decimal
    recovered: Decimal
    refunded: Decimal
    net: Decimal
    km: float
    co2e_kg: float
    by_stage: dict[str, Decimal]
    data: list[CostLinePublic]
    count: int


def ledger_public(ledger: Ledger, limit: int, offset: int) -> LedgerPublic:
    return LedgerPublic(
        cost=ledger.cost, recovered=ledger.recovered, refunded=ledger.refunded, net=ledger.net,
        km=round(ledger.km, 1), co2e_kg=round(ledger.co2e_kg, 3),
        by_stage={s.value: v for s, v in ledger.by_stage().items()},
        data=[line_public(x) for x in ledger.lines[offset : offset + limit]],
        count=len(ledger.lines),
    )  # fmt: skip


class CostRowPublic(BaseModel):
    key: dict[str, str]
    units: int
    cost: Decimal
    cost_per_unit: Decimal | None
    recovered: Decimal
    refunded: Decimal
    net: Decimal
    by_stage: dict[str, Decimal]


def row_public(by: tuple[str, ...], r: Row) -> CostRowPublic:
    return CostRowPublic(
        key=dict(zip(by, r.key, strict=False)), units=r.units, cost=r.cost,
        cost_per_unit=r.cost_per_unit, recovered=r.recovered, refunded=r.refunded, net=r.net,
        by_stage={s.value: eur(c) for s, c in r.stages.items()},
    )  # fmt: skip


class DriverPublic(BaseModel):
    stage: str
    part: str
    site: str
    cost: Decimal
    previous: Decimal
    change: Decimal
    change_pct: float | None


def driver_public(d: Driver) -> DriverPublic:
    pct = None if d.change_pct is None else round(d.change_pct, 1)
    return DriverPublic(
        stage=d.stage.value, part=d.part, site=d.site, cost=eur(d.cents),
        previous=eur(d.previous_cents), change=eur(d.change), change_pct=pct,
    )  # fmt: skip


class CostAnalysisPublic(BaseModel):
    """The groups of the period (a page of them, the costliest first), the total, the
    previous period's total, the weeks, the largest costs and the largest changes."""

    first_day: date
    last_day: date
    previous_first_day: date
    by: list[str]
    where: dict[str, str]
    total: CostRowPublic
    previous_total: CostRowPublic
    data: list[CostRowPublic]
    count: int
    weeks: list[CostRowPublic]
    drivers: list[DriverPublic]
    changes: list[DriverPublic]


class UnitCostPublic(BaseModel):
    lpn: str
    return_number: str | None
    cost: Decimal
    recovered: Decimal
    refunded: Decimal


def unit_cost_public(u: UnitCost) -> UnitCostPublic:
    return UnitCostPublic(
        lpn=u.lpn, return_number=u.rma_number, cost=eur(u.cost), recovered=eur(u.recovered),
        refunded=eur(u.refunded),
    )  # fmt: skip


class UnitCostsPublic(BaseModel):
    data: list[UnitCostPublic]
    count: int


class JourneyRowPublic(BaseModel):
    key: dict[str, str]
    units: int
    legs: int
    km: float
    km_per_unit: float
    co2e_kg: float
    co2e_kg_per_unit: float


def journey_public(by: tuple[str, ...], r: JourneyRow) -> JourneyRowPublic:
    n = r.units or 1
    return JourneyRowPublic(
        key=dict(zip(by, r.key, strict=False)), units=r.units, legs=r.legs, km=round(r.km, 1),
        km_per_unit=round(r.km / n, 1), co2e_kg=round(r.co2e_g / 1000, 2),
        co2e_kg_per_unit=round(r.co2e_g / 1000 / n, 2),
    )  # fmt: skip


class TravelledPublic(BaseModel):
    units: int
    km_over: float
    units_over_km: int
    legs_over: int
    units_over_legs: int


def travelled_public(t: Travelled) -> TravelledPublic:
    return TravelledPublic(
        units=t.units, km_over=t.km, units_over_km=t.over_km, legs_over=t.times,
        units_over_legs=t.over_times,
    )  # fmt: skip


class JourneysPublic(BaseModel):
    first_day: date
    last_day: date
    by: list[str]
    data: list[JourneyRowPublic]
    count: int
    weeks: list[JourneyRowPublic]
    travelled: TravelledPublic


class CostTargetSet(BaseModel):
    """A target: ``metric`` cost_per_return (EUR), km_per_unit, dwell_days (median days in
    stock) or share_recovered (0 to 1); ``scope`` all, site or category, with its ``code``."""

    metric: str = Field(max_length=32)
    scope: str = Field(default="all", max_length=16)
    code: str = Field(default="", max_length=40)
    value: Decimal = Field(ge=0, le=1_000_000)


class CostTargetRemove(BaseModel):
    metric: str = Field(max_length=32)
    scope: str = Field(default="all", max_length=16)
    code: str = Field(default="", max_length=40)


class CostTargetPublic(BaseModel):
    metric: str
    scope: str
    code: str
    value: Decimal
    set_by: str
    set_at: datetime
    #: The period's figure of its scope (None: nothing measured), and whether it misses.
    actual: float | None = None
    missed: bool = False


def target_public(t: CostTarget, actual: float | None = None) -> CostTargetPublic:
    return CostTargetPublic(
        metric=t.metric.value, scope=t.scope.value, code=t.code, value=t.value,
        set_by=t.set_by, set_at=t.set_at,
        actual=None if actual is None else round(actual, 4), missed=t.missed(actual),
    )  # fmt: skip


class CostTargetsPublic(BaseModel):
    first_day: date
    last_day: date
    data: list[CostTargetPublic]
    count: int
    missed: int
