"""Each channel's feed: its listed items as CSV and JSON for the channel's import.

The columns are Revalo's own (no marketplace's documented import format is copied here):
one row per listed item, its LPN as the offer's reference, the product's GTIN, brand and
model, the title and description, the condition as the channel names it, the price in EUR,
a quantity of 1 and the photos' references.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from revalo.domain.people import Permission, User
from revalo.domain.resale import Listing, ListingStatus
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork
from revalo.services.resale import get_channel
from revalo.services.resale_ports import ListingFilter

FEED_COLUMNS = (
    "offer_ref",
    "gtin",
    "brand",
    "model",
    "title",
    "description",
    "condition",
    "price",
    "currency",
    "quantity",
    "photos",
)


def _item(uow: UnitOfWork, listing: Listing) -> dict[str, Any]:
    unit = uow.units.by_lpn(listing.lpn)
    product = uow.products.get(unit.sku) if unit and unit.sku else None
    return {
        "offer_ref": listing.lpn,
        "gtin": product.gtin if product else "",
        "brand": product.brand if product else "",
        "model": product.model if product else "",
        "title": listing.title,
        "description": listing.description,
        "condition": listing.channel_grade,
        "price": str(listing.asking_price),
        "currency": "EUR",
        "quantity": 1,
        "photos": list(listing.photos),
    }


@reads(Permission.VIEW_LISTINGS)
def channel_feed(uow: UnitOfWork, channel: str, *, by: User) -> list[dict[str, Any]]:
    """The items listed on ``channel`` now, oldest first."""
    code = get_channel(channel).code
    with uow:
        listings, _ = uow.listings.list(
            ListingFilter(channel=code, status=ListingStatus.LISTED), limit=1_000_000, offset=0
        )
        return [_item(uow, x) for x in reversed(listings)]


def feed_csv(items: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FEED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in items:
        writer.writerow({**item, "photos": " ".join(item["photos"])})
    return buf.getvalue()


def feed_json(channel: str, items: list[dict[str, Any]]) -> str:
    return json.dumps({"channel": channel, "items": items}, ensure_ascii=False, indent=1)
