"""The cost ledger's lines as one SQL query: a UNION ALL over what was recorded (the units'
legs, receipts, inspections, work orders, stays in the stock's locations, departures, sales,
proceeds and refunds), each line with the id of the record it comes from and the
dimensions of its unit beside it, in the columns of the ``cost_ledger`` table.

A line holds what was recorded, not its price at today's rates: a fixed amount in cents,
or a quantity (``basis``: minutes, seconds, a receipt) that ``cost_ledger.priced`` turns
into cents with the rates when the ledger is read. The same query fills the table
(``cost_ledger.settle``) and, restricted to a few units, answers a unit's own ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from revalo.adapters import orm, orm_after_sales
from revalo.domain.costs import CostStage
from revalo.domain.events import EventType
from revalo.domain.journey import ConsignmentKind
from revalo.domain.units import UnitState
from revalo.domain.work_orders import WorkOrderKind, WorkOrderState

#: A condition on a table's unit id column (the lines of some units only), or None.
UnitCondition = Callable[[sa.ColumnElement[Any]], list[Any]]
_INT = sa.BigInteger
_TEXT = sa.String(120)
_COLUMNS = (
    "unit_id", "at", "stage", "basis", "amount", "price", "source", "source_id", "site",
    "part", "carrier", "service", "lane", "mode", "km", "co2e_g",
)  # fmt: skip
#: Line bases whose amount is cents as recorded.
FIXED = "fixed"


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
    amount: sa.ColumnElement[Any] | None,
    source: str,
    basis: str = FIXED,
    price: sa.ColumnElement[Any] | None = None,
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
        _text(basis),
        sa.cast(amount if amount is not None else sa.null(), _INT),
        sa.cast(price if price is not None else sa.null(), sa.Numeric(14, 2)),
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
            unit_id=g.unit_id, at=g.at, stage=CostStage.TRANSPORT.value, amount=_raw(g.cost),
            source="leg", source_id=g.id, site=site, carrier=k.carrier, service=k.service_id,
            lane=lane(g.origin, g.destination, cu.country), mode=k.vehicle, km=g.km,
            co2e_g=g.co2e_g,
        )
        .join_from(orm.unit_legs, orm.consignments, g.consignment_id == k.id)
        .outerjoin(orm.customers, cu.code == g.origin)
        .where(*where(g.unit_id))
    )  # fmt: skip


def _events(where: UnitCondition) -> list[sa.Select[Any]]:
    e = orm.unit_events.c
    received = _select(
        unit_id=e.unit_id, at=e.occurred_at, stage=CostStage.RECEIPT.value, amount=None,
        basis="receipt", source="event", source_id=e.id, site=e.site_code, part="handling",
    ).where(_raw(e.type, _TEXT) == EventType.RECEIVED.value, *where(e.unit_id))  # fmt: skip
    price = sa.cast(e.detail["price_eur"].as_string(), sa.Numeric(14, 2))
    amount = sa.cast(e.detail["amount_eur"].as_string(), sa.Numeric(14, 2))
    sold = [
        _raw(e.type, _TEXT) == EventType.DISPATCHED.value,
        _raw(e.state, _TEXT) == UnitState.SOLD.value,
        price.is_not(None),
        *where(e.unit_id),
    ]
    sale = _select(
        unit_id=e.unit_id, at=e.occurred_at, stage=CostStage.SALE.value,
        amount=sa.func.round(price * 100), source="event", source_id=e.id, site=e.site_code,
        part="price",
    ).where(*sold)  # fmt: skip
    # The channel's fee: its rate and its channel follow the unit's route when it is read.
    fee = _select(
        unit_id=e.unit_id, at=e.occurred_at, stage=CostStage.CHANNEL_FEE.value, amount=None,
        basis="channel", price=price, source="event", source_id=e.id, site=e.site_code,
    ).where(*sold)  # fmt: skip
    proceeds = _select(
        unit_id=e.unit_id, at=e.occurred_at, stage=CostStage.PROCEEDS.value,
        amount=sa.func.round(amount * 100), source="event", source_id=e.id,
        site=e.site_code, part="payment",
    )  # fmt: skip
    proceeds = proceeds.where(
        _raw(e.type, _TEXT) == EventType.PROCEEDS_RECORDED.value, *where(e.unit_id)
    )
    return [received, sale, fee, proceeds]


def _inspections(where: UnitCondition) -> sa.Select[Any]:
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
    return _select(
        unit_id=i.unit_id, at=i.inspected_at, stage=CostStage.INSPECTION.value,
        amount=i.duration_s, basis="labour_s", source="inspection", source_id=i.id,
        site=sa.func.coalesce(site, ""), part="labour",
    ).where(*where(i.unit_id))  # fmt: skip


def _work(where: UnitCondition) -> list[sa.Select[Any]]:
    w = orm.work_orders.c
    done = [
        w.completed_at.is_not(None),
        _raw(w.state, _TEXT).in_([WorkOrderState.DONE.value, WorkOrderState.FAILED.value]),
        *where(w.unit_id),
    ]
    kind = _raw(w.kind, _TEXT)

    def line(part: str, amount: Any, basis: str) -> sa.Select[Any]:
        return _select(
            unit_id=w.unit_id, at=w.completed_at, stage=kind, amount=amount, basis=basis,
            source="work_order", source_id=w.id, site=w.site_code, part=part,
        )  # fmt: skip

    return [
        line("labour", w.labour_minutes, "labour_min").where(*done, w.labour_minutes > 0),
        line("parts", _raw(w.parts_cost), FIXED).where(*done, _raw(w.parts_cost) > 0),
        line("licence", None, "licence").where(*done, kind == WorkOrderKind.DATA_WIPE.value),
    ]


def _moves(where: UnitCondition, dialect: str) -> list[Any]:
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
    # A stay's seconds once the unit left; null while it is there (priced up to the day
    # the ledger is read).
    seconds = sa.case(
        (s.next_at.is_not(None), seconds_between(dialect, s.moved_at, s.next_at)), else_=None
    )
    storage = _select(
        unit_id=s.unit_id, at=s.moved_at, stage=CostStage.STORAGE.value, amount=seconds,
        basis="storage", source="move", source_id=s.id, site=loc.site_code,
        part=_raw(loc.kind, _TEXT),
    ).join_from(stays, orm.locations, loc.code == s.to_location).where(
        s.to_location.is_not(None)
    )  # fmt: skip
    left = [m.to_location.is_(None), *where(m.unit_id)]
    outbound = _select(
        unit_id=m.unit_id, at=m.moved_at, stage=CostStage.OUTBOUND.value, amount=None,
        basis="outbound", source="move", source_id=m.id, site=loc.site_code, part="handling",
    ).join_from(orm.stock_moves, orm.locations, loc.code == m.from_location)  # fmt: skip
    outbound = outbound.where(*left)
    # A restocked unit is sellable as new again: it brings its new price unless proceeds
    # were recorded for it (the dashboard's value recovered counts it so).
    restocked = _select(
        unit_id=m.unit_id, at=m.moved_at, stage=CostStage.RESTOCK_VALUE.value,
        amount=_raw(p.new_price), source="move", source_id=m.id, site=u.site_code,
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
            unit_id=first, at=f.recorded_at, stage=CostStage.REFUND.value, amount=_raw(f.amount),
            source="refund", source_id=f.id, site=sa.func.coalesce(r.destination_site, ""),
            part=_raw(f.method, _TEXT),
        )
        .join_from(orm_after_sales.refunds, orm_after_sales.refund_cases, c.rma_id == f.rma_id)
        .join(orm.return_requests, r.id == c.rma_id)
    )  # fmt: skip
    # Only the returns of the units asked for are read (their first unit is then asked).
    mine = sa.select(u.rma_number).where(*where(u.id))
    return stmt.where(first.is_not(None), r.number.in_(mine), *where(first))


def week_of(dialect: str, at: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """The Monday of the ISO week of ``at``, as text YYYY-MM-DD."""
    if dialect == "sqlite":
        return sa.func.date(at, "-6 days", "weekday 1")
    return sa.func.to_char(sa.func.date_trunc("week", at), "YYYY-MM-DD")


def cost_lines(dialect: str, where: UnitCondition | None = None) -> sa.Subquery:
    """Every line of the ledger (of the units ``where`` keeps, default all) with its unit's
    dimensions, in the columns of the ``cost_ledger`` table."""
    keep: UnitCondition = where or (lambda _col: [])
    parts: list[Any] = [_transport(keep), *_events(keep), _inspections(keep), *_work(keep)]
    parts += [*_moves(keep, dialect), _refunds(keep)]
    lines = sa.union_all(*parts).subquery("lines")
    c = lines.c
    u, p, r = orm.units.c, orm.products.c, orm.return_requests.c
    rl, cu = orm.return_lines.c, orm.customers.c
    dims = {
        "week": week_of(dialect, c.at),
        "category": sa.func.coalesce(p.category, ""),
        "reason": sa.func.coalesce(_raw(rl.reason, _TEXT), ""),
        "client": sa.func.coalesce(u.client_code, ""),
        "country": sa.func.coalesce(cu.country, ""),
        "route": sa.func.coalesce(_raw(u.route, _TEXT), ""),
        "rma_number": u.rma_number,
    }
    stmt = (
        sa.select(*c, *(sa.cast(v, _TEXT).label(n) for n, v in dims.items()))
        .select_from(lines)
        .join(orm.units, u.id == c.unit_id)
        .outerjoin(orm.products, p.sku == u.sku)
        .outerjoin(orm.return_requests, r.number == u.rma_number)
        .outerjoin(orm.return_lines, sa.and_(rl.rma_id == r.id, rl.line_no == u.rma_line_no))
        .outerjoin(orm.customers, cu.code == r.customer_code)
    )
    return stmt.subquery("cost_lines")
