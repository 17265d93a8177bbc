"""The cost ledger's lines as one SQL query: a UNION ALL over what was recorded (the units'
legs, receipts, inspections, work orders, stays in the stock's locations, departures, sales,
proceeds and refunds), each line in whole cents with the id of the record it comes from.

The rates (``CostRates``) enter the query as constants, so that the database sums the
lines of 20,000 units without sending them here. Integer arithmetic rounds half up the
way ``domain.costs`` does: ``(minutes * cents_per_hour + 30) / 60`` on integers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from revalo.adapters import orm, orm_after_sales
from revalo.domain.costs import CostRates, CostStage
from revalo.domain.events import EventType
from revalo.domain.journey import ConsignmentKind
from revalo.domain.units import UnitState
from revalo.domain.work_orders import WorkOrderKind, WorkOrderState

#: A condition on a table's unit id column (the lines of some units only), or None.
UnitCondition = Callable[[sa.ColumnElement[Any]], list[Any]]
_INT = sa.BigInteger
_TEXT = sa.String(120)
_COLUMNS = (
    "unit_id", "at", "stage", "cents", "source", "source_id", "site", "part",
    "carrier", "service", "lane", "mode", "km", "co2e_g",
)  # fmt: skip


def _raw(column: sa.ColumnElement[Any], kind: Any = _INT) -> sa.ColumnElement[Any]:
    """A column's stored value (cents of Money, value of an enum)."""
    return sa.type_coerce(column, kind)


def _text(value: str) -> sa.ColumnElement[Any]:
    return sa.cast(sa.literal(value), _TEXT)


def _select(
    *,
    unit_id: sa.ColumnElement[Any],
    at: sa.ColumnElement[Any],
    stage: str | sa.ColumnElement[Any],
    cents: sa.ColumnElement[Any] | int,
    source: str,
    source_id: sa.ColumnElement[Any],
    site: sa.ColumnElement[Any] | str = "",
    part: sa.ColumnElement[Any] | str = "",
    carrier: sa.ColumnElement[Any] | str = "",
    service: sa.ColumnElement[Any] | str = "",
    lane: sa.ColumnElement[Any] | str = "",
    mode: sa.ColumnElement[Any] | str = "",
    km: sa.ColumnElement[Any] | float = 0.0,
    co2e_g: sa.ColumnElement[Any] | int = 0,
) -> sa.Select[Any]:
    def text(v: Any) -> sa.ColumnElement[Any]:
        return _text(v) if isinstance(v, str) else sa.cast(v, _TEXT)

    values: list[sa.ColumnElement[Any]] = [
        sa.cast(unit_id, _INT),
        sa.type_coerce(at, orm.UtcDateTime()),
        text(stage),
        sa.cast(cents, _INT) if not isinstance(cents, int) else sa.cast(sa.literal(cents), _INT),
        _text(source),
        sa.cast(source_id, _INT),
        text(site),
        text(part),
        text(carrier),
        text(service),
        text(lane),
        text(mode),
        sa.cast(km if not isinstance(km, float) else sa.literal(km), sa.Float),
        sa.cast(co2e_g if not isinstance(co2e_g, int) else sa.literal(co2e_g), _INT),
    ]
    return sa.select(*(v.label(n) for v, n in zip(values, _COLUMNS, strict=True)))


def seconds_between(
    dialect: str, start: sa.ColumnElement[Any], end: sa.ColumnElement[Any]
) -> sa.ColumnElement[Any]:
    """Whole seconds from ``start`` to ``end`` on SQLite and on PostgreSQL."""
    if dialect == "sqlite":
        return sa.func.round((sa.func.julianday(end) - sa.func.julianday(start)) * 86_400.0)
    return sa.func.round(sa.cast(sa.extract("epoch", end - start), sa.Float))


def _per_site(rates: CostRates, site: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    if not rates.site_labour_cents_per_hour:
        return sa.literal(rates.labour_cents_per_hour)
    return sa.case(
        dict(rates.site_labour_cents_per_hour), value=site, else_=rates.labour_cents_per_hour
    )


def _labour(minutes: sa.ColumnElement[Any], rate: sa.ColumnElement[Any]) -> Any:
    # Integer division on both databases (SQLAlchemy renders //): +30 rounds half up.
    return (sa.cast(minutes, _INT) * rate + 30) // 60


def lane(
    origin: sa.ColumnElement[Any], destination: sa.ColumnElement[Any], country: Any
) -> sa.ColumnElement[Any]:
    """A leg's lane: from a customer's country (a return parcel) or a site, to a site or a
    partner: ``FR > HUB-CENTRAL``, ``HUB-ES > REF-NL``."""
    return sa.func.coalesce(country, origin) + " > " + destination


def _transport(where: UnitCondition) -> sa.Select[Any]:
    g, k = orm.unit_legs.c, orm.consignments.c
    # A return parcel is paid by the site it goes to; a transfer or a trip out by the site
    # it leaves.
    site = sa.case(
        (_raw(k.kind, _TEXT) == ConsignmentKind.RETURN.value, g.destination), else_=g.origin
    )
    cu = orm.customers.c
    return (
        _select(
            unit_id=g.unit_id, at=g.at, stage=CostStage.TRANSPORT.value, cents=_raw(g.cost),
            source="leg", source_id=g.id, site=site, carrier=k.carrier, service=k.service_id,
            lane=lane(g.origin, g.destination, cu.country), mode=k.vehicle, km=g.km,
            co2e_g=g.co2e_g,
        )
        .join_from(orm.unit_legs, orm.consignments, g.consignment_id == k.id)
        .outerjoin(orm.customers, cu.code == g.origin)
        .where(*where(g.unit_id))
    )  # fmt: skip


def _events(where: UnitCondition, rates: CostRates) -> list[sa.Select[Any]]:
    e, u = orm.unit_events.c, orm.units.c
    received = _select(
        unit_id=e.unit_id, at=e.occurred_at, stage=CostStage.RECEIPT.value,
        cents=rates.receipt_cents, source="event", source_id=e.id, site=e.site_code,
        part="handling",
    ).where(_raw(e.type, _TEXT) == EventType.RECEIVED.value, *where(e.unit_id))  # fmt: skip
    price = sa.cast(e.detail["price_eur"].as_string(), sa.Numeric(14, 2))
    amount = sa.cast(e.detail["amount_eur"].as_string(), sa.Numeric(14, 2))
    price_cents = sa.cast(sa.func.round(price * 100), _INT)
    sold = [
        _raw(e.type, _TEXT) == EventType.DISPATCHED.value,
        _raw(e.state, _TEXT) == UnitState.SOLD.value,
        price.is_not(None),
        *where(e.unit_id),
    ]
    sale = _select(
        unit_id=e.unit_id, at=e.occurred_at, stage=CostStage.SALE.value, cents=price_cents,
        source="event", source_id=e.id, site=e.site_code, part="price",
    ).where(*sold)  # fmt: skip
    out = [received, sale]
    fees = {r: f for r, f in rates.channel_fees.items() if f.rate or f.fixed_cents}
    if fees:
        rate = sa.case({r: f.rate for r, f in fees.items()}, value=_raw(u.route, _TEXT), else_=0)
        fixed = sa.case(
            {r: f.fixed_cents for r, f in fees.items()}, value=_raw(u.route, _TEXT), else_=0
        )
        channel = sa.case(
            {r: f.channel for r, f in rates.channel_fees.items()},
            value=_raw(u.route, _TEXT),
            else_="",
        )
        fee = sa.cast(sa.func.round(price * 100 * rate), _INT) + fixed
        out.append(
            _select(
                unit_id=e.unit_id, at=e.occurred_at, stage=CostStage.CHANNEL_FEE.value,
                cents=fee, source="event", source_id=e.id, site=e.site_code, part=channel,
            ).join_from(orm.unit_events, orm.units, u.id == e.unit_id).where(*sold)
        )  # fmt: skip
    out.append(
        _select(
            unit_id=e.unit_id, at=e.occurred_at, stage=CostStage.PROCEEDS.value,
            cents=sa.cast(sa.func.round(amount * 100), _INT), source="event", source_id=e.id,
            site=e.site_code, part="payment",
        ).where(_raw(e.type, _TEXT) == EventType.PROCEEDS_RECORDED.value, *where(e.unit_id))
    )  # fmt: skip
    return out


def _inspections(where: UnitCondition, rates: CostRates) -> sa.Select[Any]:
    i, e = orm.inspections.c, orm.unit_events.c
    site = (
        sa.select(e.site_code)
        .where(
            e.unit_id == i.unit_id,
            _raw(e.type, _TEXT) == EventType.INSPECTED.value,
            e.occurred_at == i.inspected_at,
        )
        .limit(1)
        .scalar_subquery()
    )
    rate = _per_site(rates, site)
    cents = (sa.cast(i.duration_s, _INT) * rate + 1800) // 3600
    return _select(
        unit_id=i.unit_id, at=i.inspected_at, stage=CostStage.INSPECTION.value, cents=cents,
        source="inspection", source_id=i.id, site=sa.func.coalesce(site, ""), part="labour",
    ).where(*where(i.unit_id))  # fmt: skip


def _work(where: UnitCondition, rates: CostRates) -> list[sa.Select[Any]]:
    w = orm.work_orders.c
    done = [
        w.completed_at.is_not(None),
        _raw(w.state, _TEXT).in_([WorkOrderState.DONE.value, WorkOrderState.FAILED.value]),
        *where(w.unit_id),
    ]
    kind = _raw(w.kind, _TEXT)

    def line(part: str, cents: Any) -> sa.Select[Any]:
        return _select(
            unit_id=w.unit_id, at=w.completed_at, stage=kind, cents=cents,
            source="work_order", source_id=w.id, site=w.site_code, part=part,
        )  # fmt: skip

    return [
        line("labour", _labour(w.labour_minutes, _per_site(rates, w.site_code))).where(
            *done, w.labour_minutes > 0
        ),
        line("parts", _raw(w.parts_cost)).where(*done, _raw(w.parts_cost) > 0),
        line("licence", rates.wipe_licence_cents).where(
            *done, kind == WorkOrderKind.DATA_WIPE.value
        ),
    ]


def _moves(where: UnitCondition, rates: CostRates, as_of: datetime, dialect: str) -> list[Any]:
    m, loc, u, p = orm.stock_moves.c, orm.locations.c, orm.units.c, orm.products.c
    stays = (
        sa.select(
            m.id,
            m.unit_id,
            m.to_location,
            m.from_location,
            m.moved_at,
            sa.func.lead(m.moved_at).over(partition_by=m.unit_id, order_by=(m.moved_at, m.id))
            .label("next_at"),
        )
        .where(*where(m.unit_id))
        .subquery("stays")
    )  # fmt: skip
    s = stays.c
    until = sa.func.coalesce(s.next_at, sa.literal(as_of, orm.UtcDateTime()))
    seconds = seconds_between(dialect, s.moved_at, until)
    kinds = {k: c for k, c in rates.storage_cents_per_day.items() if c}
    per_day = sa.case(kinds, value=_raw(loc.kind, _TEXT), else_=0) if kinds else sa.literal(0)
    # Two values' larger: max() on SQLite, greatest() on PostgreSQL.
    larger = sa.func.max if dialect == "sqlite" else sa.func.greatest
    storage = _select(
        unit_id=s.unit_id, at=s.moved_at, stage=CostStage.STORAGE.value,
        cents=sa.cast(sa.func.round(larger(seconds, 0) * per_day / 86_400.0), _INT),
        source="move", source_id=s.id, site=loc.site_code, part=_raw(loc.kind, _TEXT),
    ).join_from(stays, orm.locations, loc.code == s.to_location).where(
        s.to_location.is_not(None)
    )  # fmt: skip
    left = [m.to_location.is_(None), *where(m.unit_id)]
    outbound = _select(
        unit_id=m.unit_id, at=m.moved_at, stage=CostStage.OUTBOUND.value,
        cents=rates.outbound_cents, source="move", source_id=m.id, site=loc.site_code,
        part="handling",
    ).join_from(orm.stock_moves, orm.locations, loc.code == m.from_location)  # fmt: skip
    outbound = outbound.where(*left)
    # A restocked unit is sellable as new again: it brings its new price unless proceeds
    # were recorded for it (the dashboard's value recovered counts it so).
    restocked = _select(
        unit_id=m.unit_id, at=m.moved_at, stage=CostStage.RESTOCK_VALUE.value,
        cents=_raw(p.new_price), source="move", source_id=m.id, site=u.site_code,
        part="new_price",
    ).join_from(orm.stock_moves, orm.units, u.id == m.unit_id).join(
        orm.products, p.sku == u.sku
    ).where(
        *left, _raw(u.state, _TEXT) == UnitState.RESTOCKED.value, u.proceeds.is_(None)
    )  # fmt: skip
    return [storage, outbound, restocked]


def _refunds(where: UnitCondition) -> sa.Select[Any]:
    """A return's refunds, carried by its first unit received (a return without a unit
    received carries none here)."""
    f, c, r, u = (
        orm_after_sales.refunds.c,
        orm_after_sales.refund_cases.c,
        orm.return_requests.c,
        orm.units.c,
    )
    first = sa.select(sa.func.min(u.id)).where(u.rma_number == r.number).scalar_subquery()
    stmt = (
        _select(
            unit_id=first, at=f.recorded_at, stage=CostStage.REFUND.value, cents=_raw(f.amount),
            source="refund", source_id=f.id, site=sa.func.coalesce(r.destination_site, ""),
            part=_raw(f.method, _TEXT),
        )
        .join_from(orm_after_sales.refunds, orm_after_sales.refund_cases, c.rma_id == f.rma_id)
        .join(orm.return_requests, r.id == c.rma_id)
    )  # fmt: skip
    return stmt.where(first.is_not(None), *where(first))


_TRANSPORT = {CostStage.TRANSPORT}
_EVENTS = {CostStage.RECEIPT, CostStage.SALE, CostStage.CHANNEL_FEE, CostStage.PROCEEDS}
_WORK = {CostStage.TEST, CostStage.CLEAN, CostStage.DATA_WIPE, CostStage.REPAIR}
_WORK |= {CostStage.REFURBISH}
_MOVES = {CostStage.STORAGE, CostStage.OUTBOUND, CostStage.RESTOCK_VALUE}


def cost_lines(
    rates: CostRates,
    as_of: datetime,
    dialect: str,
    where: UnitCondition | None = None,
    stages: frozenset[str] | None = None,
) -> sa.Subquery:
    """Every line of the ledger (of the units ``where`` keeps, default all; of ``stages``
    only, when given: the other records are not read) as of ``as_of`` (a unit still in a
    location is charged its storage until then)."""
    keep: UnitCondition = where or (lambda _col: [])

    def wanted(kinds: set[CostStage]) -> bool:
        return stages is None or any(k.value in stages for k in kinds)

    parts: list[Any] = []
    if wanted(_TRANSPORT):
        parts.append(_transport(keep))
    if wanted(_EVENTS):
        parts += _events(keep, rates)
    if wanted({CostStage.INSPECTION}):
        parts.append(_inspections(keep, rates))
    if wanted(_WORK):
        parts += _work(keep, rates)
    if wanted(_MOVES):
        parts += _moves(keep, rates, as_of, dialect)
    if wanted({CostStage.REFUND}) or not parts:
        parts.append(_refunds(keep))
    return sa.union_all(*parts).subquery("cost_lines")
