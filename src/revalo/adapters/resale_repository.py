"""The listings on SQLAlchemy Core: rows converted to the domain's listings and back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm import products, units
from revalo.adapters.orm_resale import listing_prices, listings
from revalo.domain.resale import OPEN_STATUSES, Listing, ListingStatus, PricePoint, Sale
from revalo.services.resale_ports import ListingFilter, SoldShare

_L, _P = listings.c, listing_prices.c


def _row(listing: Listing) -> dict[str, Any]:
    sale = listing.sale
    return {
        "unit_id": listing.unit_id,
        "lpn": listing.lpn,
        "channel": listing.channel,
        "grade": listing.grade,
        "channel_grade": listing.channel_grade,
        "category": listing.category,
        "title": listing.title,
        "description": listing.description,
        "refurbished": listing.refurbished,
        "photos": list(listing.photos),
        "reference_price": listing.reference_price,
        "floor_price": listing.floor_price,
        "asking_price": listing.asking_price,
        "status": listing.status,
        "created_at": listing.created_at,
        "created_by": listing.created_by,
        "listed_at": listing.listed_at,
        "reserved_by": listing.reserved_by,
        "sold_at": sale.at if sale else None,
        "sold_price": sale.price if sale else None,
        "fees": sale.fees if sale else None,
        "buyer": sale.buyer if sale else None,
        "withdrawn_reason": listing.withdrawn_reason,
    }


def _listing(r: Any, prices: list[PricePoint]) -> Listing:
    sale = (
        Sale(r.sold_price, r.fees or Decimal("0.00"), r.buyer or "", r.sold_at)
        if r.sold_price is not None
        else None
    )
    return Listing(
        id=r.id,
        unit_id=r.unit_id,
        lpn=r.lpn,
        channel=r.channel,
        grade=r.grade,
        channel_grade=r.channel_grade,
        category=r.category,
        title=r.title,
        description=r.description,
        refurbished=r.refurbished,
        photos=tuple(r.photos or ()),
        reference_price=r.reference_price,
        floor_price=r.floor_price,
        asking_price=r.asking_price,
        status=r.status,
        created_at=r.created_at,
        created_by=r.created_by,
        listed_at=r.listed_at,
        reserved_by=r.reserved_by,
        sale=sale,
        withdrawn_reason=r.withdrawn_reason,
        prices=prices,
    )


class SqlListingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _write_prices(self, listing: Listing) -> None:
        for p in listing.new_prices:
            self.session.execute(
                listing_prices.insert().values(
                    listing_id=listing.id, at=p.at, price=p.price, reason=p.reason, actor=p.actor
                )
            )
        listing.new_prices.clear()

    def add(self, listing: Listing) -> None:
        stmt = listings.insert().values(**_row(listing)).returning(_L.id)
        listing.id = int(self.session.execute(stmt).scalar_one())
        self._write_prices(listing)

    def save(self, listing: Listing) -> None:
        self.session.execute(listings.update().where(_L.id == listing.id).values(**_row(listing)))
        self._write_prices(listing)

    def _load(self, rows: Sequence[Any]) -> list[Listing]:
        if not rows:
            return []
        prices: dict[int, list[PricePoint]] = defaultdict(list)
        ids = [r.id for r in rows]
        for p in self.session.execute(
            sa.select(listing_prices).where(_P.listing_id.in_(ids)).order_by(_P.at, _P.id)
        ):
            prices[p.listing_id].append(PricePoint(p.at, p.price, p.reason, p.actor))
        return [_listing(r, prices[r.id]) for r in rows]

    def get(self, listing_id: int) -> Listing | None:
        rows = self.session.execute(sa.select(listings).where(_L.id == listing_id)).all()
        found = self._load(rows)
        return found[0] if found else None

    def open_for_unit(self, unit_id: int) -> Listing | None:
        rows = self.session.execute(
            sa.select(listings).where(_L.unit_id == unit_id, _L.status.in_(OPEN_STATUSES))
        ).all()
        found = self._load(rows)
        return found[0] if found else None

    def list(self, flt: ListingFilter, *, limit: int, offset: int) -> tuple[Sequence[Listing], int]:
        where = []
        for column, value in (
            (_L.channel, flt.channel),
            (_L.status, flt.status),
            (_L.category, flt.category),
            (_L.grade, flt.grade),
            (_L.lpn, flt.lpn),
        ):
            if value is not None:
                where.append(column == value)
        if flt.sold_from is not None:
            where.append(_L.sold_at >= flt.sold_from)
        if flt.sold_before is not None:
            where.append(_L.sold_at < flt.sold_before)
        total = self.session.scalar(sa.select(sa.func.count()).select_from(listings).where(*where))
        rows = self.session.execute(
            sa.select(listings).where(*where).order_by(_L.id.desc()).limit(limit).offset(offset)
        ).all()
        return self._load(rows), int(total or 0)

    def sold_shares(self) -> Sequence[SoldShare]:
        stmt = (
            sa.select(
                _L.channel,
                _L.category,
                _L.grade,
                _L.sold_price,
                _L.sold_at,
                products.c.new_price,
                units.c.received_at,
            )
            .join(units, units.c.id == _L.unit_id)
            .join(products, products.c.sku == units.c.sku)
            .where(_L.status == ListingStatus.SOLD, _L.sold_price.is_not(None))
        )
        return [
            SoldShare(
                r.channel,
                r.category,
                r.grade,
                r.sold_price,
                r.new_price,
                max((r.sold_at - r.received_at).total_seconds() / 86_400, 0.0),
            )
            for r in self.session.execute(stmt)
        ]
