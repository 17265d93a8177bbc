"""Lots and harvested parts on SQLAlchemy Core: rows converted to the domain's objects and
back. A lock is ``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite writers take turns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm_lots import lot_offers, lot_units, lots, part_moves, parts
from revalo.domain.lots import Lot, LotState, LotUnit, Offer
from revalo.domain.parts import HarvestedPart, PartGrade, PartMove, PartState
from revalo.services.lot_ports import LotFilter, PartFilter, PartStock

_L, _U, _O, _P = lots.c, lot_units.c, lot_offers.c, parts.c
_LOT_FIELDS = (
    "site_code",
    "category",
    "grade",
    "reserve_price",
    "title",
    "state",
    "created_at",
    "created_by",
    "buyer_site",
    "price",
    "buyer_vat_number",
    "sold_at",
    "consignment_ref",
    "shipped_at",
)


def _serialised(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _locked(session: Session, stmt: sa.Select[Any], lock: bool) -> sa.Select[Any]:
    return stmt.with_for_update() if lock and not _serialised(session) else stmt


def _lot(r: Any, units: list[LotUnit]) -> Lot:
    lot = Lot(
        id=r.id,
        site_code=r.site_code,
        category=r.category,
        grade=r.grade,
        reserve_price=r.reserve_price,
        created_at=r.created_at,
        created_by=r.created_by,
        title=r.title,
    )
    for name in _LOT_FIELDS[5:]:
        setattr(lot, name, getattr(r, name))
    lot.units = units
    return lot


def _lot_unit(r: Any) -> LotUnit:
    return LotUnit(
        unit_id=r.unit_id,
        lpn=r.lpn,
        sku=r.sku,
        serial=r.serial,
        functional_grade=r.functional_grade,
        cosmetic_grade=r.cosmetic_grade,
        faults=tuple(r.faults or ()),
        new_price=r.new_price,
    )


def _offer(r: Any) -> Offer:
    return Offer(
        id=r.id,
        lot_id=r.lot_id,
        buyer_site=r.buyer_site,
        amount=r.amount,
        made_at=r.made_at,
        made_by=r.made_by,
        note=r.note,
        state=r.state,
    )


class SqlLotRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, lot: Lot) -> None:
        values = {f: getattr(lot, f) for f in _LOT_FIELDS}
        lot.id = self.session.execute(
            sa.insert(lots).values(**values).returning(_L.id)
        ).scalar_one()
        self._insert_units(lot, lot.units, 0)

    def _insert_units(self, lot: Lot, units: Sequence[LotUnit], start: int) -> None:
        rows = []
        for i, u in enumerate(units):
            row = asdict(u)
            row["faults"] = list(u.faults)
            rows.append({**row, "lot_id": lot.id, "position": start + i})
        if rows:
            self.session.execute(sa.insert(lot_units), rows)

    def _units(self, lot_id: int) -> list[LotUnit]:
        stmt = sa.select(lot_units).where(_U.lot_id == lot_id).order_by(_U.position)
        return [_lot_unit(r) for r in self.session.execute(stmt)]

    def get(self, lot_id: int, *, lock: bool = False) -> Lot | None:
        stmt = _locked(self.session, sa.select(lots).where(_L.id == lot_id), lock)
        row = self.session.execute(stmt).first()
        return None if row is None else _lot(row, self._units(lot_id))

    def save(self, lot: Lot) -> None:
        values = {f: getattr(lot, f) for f in _LOT_FIELDS}
        self.session.execute(sa.update(lots).where(_L.id == lot.id).values(**values))
        stored = {
            r.unit_id: r.position
            for r in self.session.execute(
                sa.select(_U.unit_id, _U.position).where(_U.lot_id == lot.id)
            )
        }
        now = {u.unit_id for u in lot.units}
        gone = sorted(set(stored) - now)
        if gone:
            self.session.execute(sa.delete(lot_units).where(_U.unit_id.in_(gone)))
        new = [u for u in lot.units if u.unit_id not in stored]
        self._insert_units(lot, new, max(stored.values(), default=-1) + 1)

    def lot_of_unit(self, unit_id: int) -> int | None:
        found = self.session.scalar(sa.select(_U.lot_id).where(_U.unit_id == unit_id))
        return None if found is None else int(found)

    def offers(self, lot_id: int) -> list[Offer]:
        stmt = sa.select(lot_offers).where(_O.lot_id == lot_id).order_by(_O.id)
        return [_offer(r) for r in self.session.execute(stmt)]

    def add_offer(self, offer: Offer) -> None:
        row = asdict(offer)
        row.pop("id")
        stmt = sa.insert(lot_offers).values(**row).returning(_O.id)
        offer.id = self.session.execute(stmt).scalar_one()

    def save_offers(self, offers: Sequence[Offer]) -> None:
        for o in offers:
            self.session.execute(sa.update(lot_offers).where(_O.id == o.id).values(state=o.state))

    def find(self, flt: LotFilter, *, limit: int, offset: int) -> tuple[list[Lot], int]:
        where: list[sa.ColumnElement[bool]] = []
        if flt.sites is not None:
            at: sa.ColumnElement[bool] = _L.site_code.in_(sorted(flt.sites))
            if flt.as_buyer:
                offered = sa.select(lot_offers.c.lot_id).where(
                    lot_offers.c.buyer_site.in_(sorted(flt.sites))
                )
                at = at | _L.buyer_site.in_(sorted(flt.sites)) | _L.id.in_(offered)
            if flt.open_to_buyer:
                at = at | (_L.state == LotState.OPEN.value)
            where.append(at)
        if flt.state is not None:
            where.append(_L.state == flt.state)
        if flt.category:
            where.append(_L.category == flt.category.strip().lower())
        count = self.session.scalar(sa.select(sa.func.count()).select_from(lots).where(*where))
        stmt = sa.select(lots).where(*where).order_by(_L.id.desc()).limit(limit).offset(offset)
        rows = list(self.session.execute(stmt))
        return [_lot(r, self._units(r.id)) for r in rows], int(count or 0)


_PART_FIELDS = tuple(c.name for c in parts.columns if c.name != "id")


def _part(r: Any) -> HarvestedPart:
    values = {name: getattr(r, name) for name in _PART_FIELDS}
    return HarvestedPart(id=r.id, **values)


class SqlPartRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, part: HarvestedPart) -> None:
        values = {f: getattr(part, f) for f in _PART_FIELDS}
        part.id = self.session.execute(
            sa.insert(parts).values(**values).returning(_P.id)
        ).scalar_one()

    def get(self, part_id: int, *, lock: bool = False) -> HarvestedPart | None:
        stmt = _locked(self.session, sa.select(parts).where(_P.id == part_id), lock)
        row = self.session.execute(stmt).first()
        return None if row is None else _part(row)

    def save(self, part: HarvestedPart) -> None:
        values = {f: getattr(part, f) for f in _PART_FIELDS}
        self.session.execute(sa.update(parts).where(_P.id == part.id).values(**values))

    def move(self, move: PartMove) -> None:
        self.session.execute(sa.insert(part_moves).values(**asdict(move)))

    def first_in_stock(
        self, *, site_code: str, kind: str, sku: str, lock: bool
    ) -> HarvestedPart | None:
        stmt = (
            sa.select(parts)
            .where(
                _P.site_code == site_code,
                _P.kind == kind,
                _P.sku == sku,
                _P.state == PartState.IN_STOCK,
                _P.grade != PartGrade.D,
            )
            .order_by(_P.grade, _P.id)
            .limit(1)
        )
        if lock and not _serialised(self.session):
            stmt = stmt.with_for_update(skip_locked=True)
        row = self.session.execute(stmt).first()
        return None if row is None else _part(row)

    def _where(self, flt: PartFilter) -> list[sa.ColumnElement[bool]]:
        where: list[sa.ColumnElement[bool]] = []
        if flt.sites is not None:
            where.append(_P.site_code.in_(sorted(flt.sites)))
        if flt.kind:
            where.append(_P.kind == flt.kind)
        if flt.sku:
            where.append(_P.sku == flt.sku)
        if flt.state is not None:
            where.append(_P.state == flt.state)
        if flt.donor_lpn:
            where.append(_P.donor_lpn == flt.donor_lpn)
        return where

    def find(self, flt: PartFilter, *, limit: int, offset: int) -> tuple[list[HarvestedPart], int]:
        where = self._where(flt)
        count = self.session.scalar(sa.select(sa.func.count()).select_from(parts).where(*where))
        stmt = sa.select(parts).where(*where).order_by(_P.id).limit(limit).offset(offset)
        return [_part(r) for r in self.session.execute(stmt)], int(count or 0)

    def stock(self, sites: frozenset[str] | None) -> list[PartStock]:
        stmt = (
            sa.select(_P.site_code, _P.kind, sa.func.count(), sa.func.sum(_P.value))
            .where(_P.state == PartState.IN_STOCK)
            .group_by(_P.site_code, _P.kind)
            .order_by(_P.site_code, _P.kind)
        )
        if sites is not None:
            stmt = stmt.where(_P.site_code.in_(sorted(sites)))
        out = []
        for site, kind, n, value in self.session.execute(stmt):
            out.append(PartStock(site, kind, int(n), value))
        return out
