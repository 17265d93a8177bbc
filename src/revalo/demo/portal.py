"""The demo's customers' portal: web orders delivered in the last days, some returned from
the portal on the last day (the policy answering at once), a few cheap items kept when the
trip back costs more than they would bring, a sofa collected at home; and one order left
to try, with its reference and e-mail."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from revalo.domain.after_sales import Outcome
from revalo.domain.catalog import Customer, CustomerKind
from revalo.domain.keep_it import KeepChoice
from revalo.domain.people import User
from revalo.domain.policy import ReturnPolicy
from revalo.domain.portal import CustomerOrder, OrderLine, WayBack
from revalo.domain.returns import ReturnReason
from revalo.services import portal, portal_orders
from revalo.services.keep_it import load_keep_it_rules
from revalo.services.ports import BatchUnitOfWork
from revalo.services.transport import Transport
from revalo.settings import DEFAULT_RESALE_FEEDBACK_MIN_SALES

#: What the demo's web shops sell online (SKU, paid EUR): a client's goods per order.
BASKETS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("MAISON-BOREA", (("TEE-BASIC-M", "14.99"), ("SHO-RUN-41", "119.00"))),
    ("VOLT-CASA", (("SMA-KET17", "39.00"), ("PWT-D18", "129.00"))),
)
SOFA = ("NIDO-HOME", (("SOF-DUO", "599.00"),))
PARCEL = (WayBack.LABEL, WayBack.QR_CODE)
#: Orders made, and how many of them are returned from the portal.
ORDERS, RETURNED = 14, 9


@dataclass(frozen=True, slots=True)
class DemoPortal:
    """What the demo left on the portal: returns started, keep-it taken, one link to try
    and one order to find."""

    returns: int
    kept: int
    link_token: str | None
    order_ref: str | None
    order_email: str | None


def _postcode(rng: random.Random, country: str) -> str:
    digits = 4 if country in ("BE", "LU", "NL", "AT", "DK", "CH") else 5
    return "".join(str(rng.randrange(10)) for _ in range(digits))


def _order(
    n: int,
    customer: Customer,
    basket: tuple[str, tuple[tuple[str, str], ...]],
    rng: random.Random,
    last: date,
) -> CustomerOrder:
    client, items = basket
    delivered = datetime.combine(last - timedelta(days=rng.randint(2, 6)), time(10, tzinfo=UTC))
    return CustomerOrder(
        order_ref=f"SHOP-{last:%y%m}-{n:04d}",
        customer_code=customer.code,
        email=customer.email,
        postcode=_postcode(rng, customer.country),
        placed_at=delivered - timedelta(days=2),
        delivered_at=delivered,
        lines=[OrderLine(i, sku, 1, Decimal(price)) for i, (sku, price) in enumerate(items, 1)],
        client_code=client,
    )


def set_up_portal(
    uow: BatchUnitOfWork,
    policy: ReturnPolicy,
    transport: Transport,
    shop: User,
    customers: list[Customer],
    last: date,
    rng: random.Random,
) -> DemoPortal:
    """Orders of a few consumers, returned from the portal at noon of ``last``."""
    people = [c for c in customers if c.kind is CustomerKind.CONSUMER and c.email]
    people = rng.sample(people, min(ORDERS, len(people)))
    speaks = {c.code: "fr" if c.country in ("FR", "BE", "LU", "MC") else "en" for c in people}
    orders = []
    for n, customer in enumerate(people, start=1):
        basket = SOFA if n == ORDERS else BASKETS[n % len(BASKETS)]
        orders.append(_order(n, customer, basket, rng, last))
    at = datetime.combine(last, time(12, tzinfo=UTC))
    rules = load_keep_it_rules()
    returned = kept = 0
    link = None
    with uow.batch(isolate_failures=False):
        for order in orders:
            portal_orders.record_order(uow, order, by=shop)
        for order in orders[-RETURNED:]:
            bulky = order.lines[0].sku.startswith("SOF-")
            reason = ReturnReason.NOT_AS_DESCRIBED if bulky else ReturnReason.WITHDRAWAL
            lines = [portal.PortalLine(ln.line_no, 1, reason) for ln in order.lines]
            started = portal.start_return(
                uow,
                policy,
                transport,
                rules,
                order_ref=order.order_ref,
                proof=order.postcode if returned % 2 else order.email,
                lines=lines,
                outcome=Outcome.REFUND if returned % 3 else Outcome.STORE_CREDIT,
                way_back=WayBack.PICKUP if bulky else PARCEL[returned % 2],
                language=speaks[order.customer_code],
                at=at,
                # Priced as the nightly batch decides: with the rates the sales taught.
                feedback_min_sales=DEFAULT_RESALE_FEEDBACK_MIN_SALES,
            )
            returned += 1
            seen = portal.view(uow, started.token)
            for offer in seen.open_offers:
                if returned % 3 != 0:  # most take it; a few send the item back all the same
                    choice = KeepChoice.KEEP if returned % 2 else KeepChoice.GIVE_AWAY
                    portal.keep_item(uow, started.token, offer.line_no, choice, at=at)
                    kept += offer.units
            link = link or started.token
    fresh = orders[0]
    return DemoPortal(returned, kept, link, fresh.order_ref, fresh.email)
