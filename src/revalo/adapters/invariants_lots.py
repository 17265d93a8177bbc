"""The promises of lots and harvested parts, checked in SQL (adapters/invariants.py runs
them with the others): a part in stock is in exactly its own place and one that left is
nowhere; a lot has one accepted offer at most, and only once it is sold; every unit of a
shipped lot has been sold."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.orm_lots import lot_offers, lot_units, lots, part_moves, parts
from revalo.domain.lots import LotState, OfferState
from revalo.domain.parts import PartState
from revalo.domain.units import UnitState


def _part_places() -> sa.Select[tuple[int, str, int, str | None, str | None]]:
    """Parts whose moves do not net to exactly their own location (none once they left),
    or whose state says otherwise than their place."""
    m, p = part_moves.c, parts.c
    ins = sa.select(m.part_id, m.to_location.label("code"), sa.literal(1).label("n")).where(
        m.to_location.is_not(None)
    )
    outs = sa.select(m.part_id, m.from_location.label("code"), sa.literal(-1).label("n")).where(
        m.from_location.is_not(None)
    )
    both = sa.union_all(ins, outs).subquery()
    nets = (
        sa.select(both.c.part_id, both.c.code, sa.func.sum(both.c.n).label("net"))
        .group_by(both.c.part_id, both.c.code)
        .subquery()
    )
    held = (
        sa.select(
            nets.c.part_id,
            sa.func.count().label("places"),
            sa.func.max(nets.c.code).label("code"),
            sa.func.min(nets.c.net).label("low"),
            sa.func.max(nets.c.net).label("high"),
        )
        .where(nets.c.net != 0)
        .group_by(nets.c.part_id)
        .subquery()
    )
    places = sa.func.coalesce(held.c.places, 0)
    in_stock = p.state == PartState.IN_STOCK
    wrong = sa.or_(
        held.c.low < 1,
        held.c.high > 1,
        sa.and_(p.location_code.is_(None), places != 0),
        sa.and_(
            p.location_code.is_not(None),
            sa.or_(places != 1, held.c.code.is_distinct_from(p.location_code)),
        ),
        sa.and_(in_stock, p.location_code.is_(None)),
        sa.and_(~in_stock, p.location_code.is_not(None)),
    )
    return (
        sa.select(p.id, p.state, places, held.c.code, p.location_code)
        .outerjoin(held, held.c.part_id == p.id)
        .where(wrong)
        .order_by(p.id)
    )


def _accepted_offers() -> sa.Select[tuple[int, str, int]]:
    """Lots with more than one accepted offer, or an accepted offer while still open (or
    none once sold)."""
    o, lo = lot_offers.c, lots.c
    accepted = (
        sa.select(o.lot_id, sa.func.count().label("n"))
        .where(o.state == OfferState.ACCEPTED)
        .group_by(o.lot_id)
        .subquery()
    )
    n = sa.func.coalesce(accepted.c.n, 0)
    sold = lo.state.in_([LotState.SOLD, LotState.SHIPPED])
    return (
        sa.select(lo.id, lo.state, n)
        .outerjoin(accepted, accepted.c.lot_id == lo.id)
        .where(sa.or_(n > 1, sa.and_(sold, n != 1), sa.and_(~sold, n != 0)))
        .order_by(lo.id)
    )


def _shipped_unsold() -> sa.Select[tuple[int, str, str]]:
    """Units of a shipped lot that are not sold."""
    lu, lo, u = lot_units.c, lots.c, orm.units.c
    return (
        sa.select(lo.id, u.lpn, u.state)
        .select_from(lot_units)
        .join(lots, lo.id == lu.lot_id)
        .join(orm.units, u.id == lu.unit_id)
        .where(lo.state == LotState.SHIPPED, u.state != UnitState.SOLD)
        .order_by(lo.id, u.id)
    )


CHECKS: tuple[tuple[str, Callable[[], sa.Select[tuple[object, ...]]]], ...] = (
    ("part not in exactly its own place (part, state, places, netted at, says)", _part_places),
    ("lot's accepted offers wrong (lot, state, accepted offers)", _accepted_offers),
    ("unit of a shipped lot not sold (lot, lpn, state)", _shipped_unsold),
)
