"""The demo's listings: a unit put in the graded stock for resale is listed on its decision's
channel at the value model's price; when a buyer comes the listing is first repriced for its
unit's age (the value model's decay), then sold at its asking price or a little under it
(an offer the channel's seller accepts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from revalo.demo import figures as fig
from revalo.domain.errors import DomainError
from revalo.services import resale


@dataclass(frozen=True, slots=True)
class OnSale:
    """A listing put on sale, and the price it asked then."""

    listing_id: int
    asking: Decimal


def list_unit(f: Any, lpn: str, at: datetime) -> OnSale | None:
    """The listing of a unit just put in the graded stock, on sale; None when no channel
    takes it (the order feed then records its sale on the unit alone). Its price keeps the
    configured rates: the observed ones would read every sale again for each listing (the
    engine's nightly batch reads them once a night, ``demo.manager``)."""
    try:
        listing = f.agenda.call(
            resale.create_listing, f.uow, lpn, by=f.manager, at=at, feedback_min_sales=0
        )
    except DomainError:
        return None
    assert listing.id is not None
    f.agenda.call(resale.publish_listing, f.uow, listing.id, by=f.manager, at=at)
    return OnSale(int(listing.id), listing.asking_price)


def sell_listing(f: Any, on_sale: OnSale, *, document: str, at: datetime) -> None:
    """The channel's order: the listing is repriced for its age, then sold at what the buyer
    pays of its asking price."""
    repriced = f.agenda.call(
        resale.reprice_aged_listing, f.uow, on_sale.listing_id, by=f.manager, at=at
    )
    asking = repriced.new if repriced is not None else on_sale.asking
    share = f.rng.uniform(*fig.OFFER_SHARE)
    price = max(Decimal("0.01"), (asking * Decimal(str(share))).quantize(Decimal("0.01")))
    f.agenda.call(
        resale.sell_listing,
        f.uow,
        on_sale.listing_id,
        by=f.people["web-shop"],
        buyer=document,
        document=document,
        price=price,
        at=at,
    )
