"""The portal's records on SQLAlchemy Core: rows converted to the domain's values."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters import orm_portal as t
from revalo.domain.keep_it import KeepChoice, KeepItFigures
from revalo.domain.portal import CustomerOrder, OrderLine, PortalReturn
from revalo.services.portal_ports import KeepItOffer, KeepItSavings, Photo

_RMA = orm.return_requests.c


class SqlPortalRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _rma_id(self, number: str) -> int:
        found = self.session.scalar(sa.select(_RMA.id).where(_RMA.number == number))
        if found is None:
            raise LookupError(f"no return {number}")
        return int(found)

    # -- orders ------------------------------------------------------------------------------
    def add_order(self, order: CustomerOrder) -> None:
        self.session.execute(
            t.customer_orders.insert().values(
                order_ref=order.order_ref,
                customer_code=order.customer_code,
                email=order.email,
                postcode=order.postcode,
                placed_at=order.placed_at,
                delivered_at=order.delivered_at,
                client_code=order.client_code,
            )
        )
        self.session.execute(
            t.customer_order_lines.insert(),
            [
                {
                    "order_ref": order.order_ref,
                    "line_no": ln.line_no,
                    "sku": ln.sku,
                    "quantity": ln.quantity,
                    "unit_price": ln.unit_price,
                    "serial": ln.serial,
                }
                for ln in order.lines
            ],
        )

    def order(self, order_ref: str, *, lock: bool = False) -> CustomerOrder | None:
        stmt = sa.select(t.customer_orders).where(t.customer_orders.c.order_ref == order_ref)
        row = self.session.execute(stmt.with_for_update() if lock else stmt).first()
        # The lines are read whether the order exists or not: the same queries either way,
        # so that the portal's answer takes the same time.
        lines = self.session.execute(
            sa.select(t.customer_order_lines)
            .where(t.customer_order_lines.c.order_ref == order_ref)
            .order_by(t.customer_order_lines.c.line_no)
        ).all()
        if row is None:
            return None
        return CustomerOrder(
            order_ref=row.order_ref,
            customer_code=row.customer_code,
            email=row.email,
            postcode=row.postcode,
            placed_at=row.placed_at,
            delivered_at=row.delivered_at,
            client_code=row.client_code,
            lines=[OrderLine(r.line_no, r.sku, r.quantity, r.unit_price, r.serial) for r in lines],
        )

    # -- returns and links -------------------------------------------------------------------
    def return_of_order(self, order_ref: str) -> str | None:
        found = self.session.scalar(
            sa.select(_RMA.number)
            .join(t.portal_returns, t.portal_returns.c.rma_id == _RMA.id)
            .where(t.portal_returns.c.order_ref == order_ref)
        )
        return None if found is None else str(found)

    def add_return(self, choice: PortalReturn) -> None:
        self.session.flush()  # the return's row first
        self.session.execute(
            t.portal_returns.insert().values(
                rma_id=self._rma_id(choice.return_number),
                order_ref=choice.order_ref,
                outcome=choice.outcome,
                way_back=choice.way_back,
                language=choice.language,
                created_at=choice.created_at,
            )
        )

    def portal_return(self, number: str) -> PortalReturn | None:
        row = self.session.execute(
            sa.select(t.portal_returns, _RMA.number)
            .join(orm.return_requests, _RMA.id == t.portal_returns.c.rma_id)
            .where(_RMA.number == number)
        ).first()
        if row is None:
            return None
        return PortalReturn(
            row.number, row.order_ref, row.outcome, row.way_back, row.language, row.created_at
        )

    def add_link(self, number: str, hashed: str, *, by: str, at: datetime) -> None:
        self.session.flush()
        self.session.execute(
            t.portal_links.insert().values(
                token_hash=hashed, rma_id=self._rma_id(number), created_by=by, created_at=at
            )
        )

    def number_of_link(self, hashed: str) -> str | None:
        found = self.session.scalar(
            sa.select(_RMA.number)
            .join(t.portal_links, t.portal_links.c.rma_id == _RMA.id)
            .where(t.portal_links.c.token_hash == hashed)
        )
        return None if found is None else str(found)

    # -- keep it -----------------------------------------------------------------------------
    def save_offer(self, offer: KeepItOffer, *, at: datetime) -> None:
        self.session.flush()
        f = offer.figures
        self.session.execute(
            t.keep_it_offers.insert().values(
                rma_id=self._rma_id(offer.return_number),
                line_no=offer.line_no,
                route=f.route[:200],
                route_net=f.route_net_eur,
                trip_back=f.trip_back_eur,
                processing=f.processing_eur,
                threshold=f.threshold_eur,
                trip_back_km=f.trip_back_km,
                trip_back_co2_kg=f.trip_back_co2_kg,
                units=offer.units,
                choice=offer.choice,
                priced_at=at,
                chosen_at=offer.chosen_at,
            )
        )

    def offers(self, number: str) -> Sequence[KeepItOffer]:
        rows = self.session.execute(
            sa.select(t.keep_it_offers, _RMA.number)
            .join(orm.return_requests, _RMA.id == t.keep_it_offers.c.rma_id)
            .where(_RMA.number == number)
            .order_by(t.keep_it_offers.c.line_no)
        ).all()
        return [_offer(r) for r in rows]

    def choose(self, number: str, line_no: int, choice: KeepChoice, *, at: datetime) -> None:
        c = t.keep_it_offers.c
        self.session.execute(
            t.keep_it_offers.update()
            .where(c.rma_id == self._rma_id(number), c.line_no == line_no)
            .values(choice=choice, chosen_at=at)
        )

    def savings(self, client: str | None = None) -> KeepItSavings:
        stmt = (
            sa.select(t.keep_it_offers, _RMA.number)
            .join(orm.return_requests, _RMA.id == t.keep_it_offers.c.rma_id)
            .where(t.keep_it_offers.c.choice.is_not(None))
        )
        if client is not None:
            stmt = stmt.where(_RMA.client_code == client)
        rows = self.session.execute(stmt).all()
        offers = [_offer(r) for r in rows]
        return KeepItSavings(
            sum(o.units for o in offers),
            sum((o.figures.saved_eur * o.units for o in offers), Decimal("0.00")),
            sum((o.figures.trip_back_km * o.units for o in offers), Decimal("0.00")),
            sum((o.figures.trip_back_co2_kg * o.units for o in offers), Decimal("0.00")),
        )

    # -- photos ------------------------------------------------------------------------------
    def add_photo(
        self, number: str, line_no: int, media_type: str, content: bytes, *, at: datetime
    ) -> Photo:
        rma_id = self._rma_id(number)
        digest = hashlib.sha256(content).hexdigest()
        new_id = self.session.execute(
            t.portal_photos.insert()
            .values(
                rma_id=rma_id,
                line_no=line_no,
                media_type=media_type,
                size=len(content),
                sha256=digest,
                content=content,
                uploaded_at=at,
            )
            .returning(t.portal_photos.c.id)
        ).scalar_one()
        return Photo(int(new_id), number, line_no, media_type, len(content), digest, at)

    def photos(self, number: str) -> Sequence[Photo]:
        p = t.portal_photos.c
        rows = self.session.execute(
            sa.select(p.id, p.line_no, p.media_type, p.size, p.sha256, p.uploaded_at)
            .where(p.rma_id == self._rma_id(number))
            .order_by(p.id)
        ).all()
        return [
            Photo(r.id, number, r.line_no, r.media_type, r.size, r.sha256, r.uploaded_at)
            for r in rows
        ]

    def photo_content(self, number: str, photo_id: int) -> tuple[str, bytes] | None:
        p = t.portal_photos.c
        row = self.session.execute(
            sa.select(p.media_type, p.content).where(
                p.id == photo_id, p.rma_id == self._rma_id(number)
            )
        ).first()
        return None if row is None else (str(row.media_type), bytes(row.content))


def _offer(r: Any) -> KeepItOffer:
    return KeepItOffer(
        return_number=r.number,
        line_no=r.line_no,
        figures=KeepItFigures(
            route=r.route,
            route_net_eur=r.route_net,
            trip_back_eur=r.trip_back,
            processing_eur=r.processing,
            threshold_eur=r.threshold,
            trip_back_km=Decimal(str(r.trip_back_km)).quantize(Decimal("0.01")),
            trip_back_co2_kg=Decimal(str(r.trip_back_co2_kg)).quantize(Decimal("0.01")),
        ),
        units=r.units,
        choice=r.choice,
        chosen_at=r.chosen_at,
    )
