"""The demo's donation: on its last day the manager gives a few graded units of one owner at
a French hub, which no channel wants quickly, to the Paris charity (cleaned first); the
charity's user acknowledges them and finance values them at cost price, so that the
donation's tax receipt data is there to see. The value in stock is the demo's assumption
(a tenth of the products' new price, for written-down returned goods), not market data."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal

from revalo.demo.floor import MANAGER
from revalo.domain.disposition import DispositionRoute
from revalo.domain.people import User
from revalo.domain.units import UnitState
from revalo.services import disposition, donations, stock
from revalo.services import work_orders as wo
from revalo.services.ports import BatchUnitOfWork, UnitFilter

CHARITY = "CHA-FR"
#: The most units given.
UNITS = 4
#: The share of a product's new price its returned units are valued at in stock.
STOCK_SHARE = Decimal("0.10")
REASON = "no channel takes it soon: given to a local charity"


def _candidates(uow: BatchUnitOfWork) -> list[tuple[str, Decimal]]:
    """Graded units at French hubs that carry no data, of the owner with the most; their
    LPNs with their product's new price."""
    with uow:
        hubs = {s.code for s in uow.sites.list() if s.country == "FR"}
        page = uow.units.list(
            UnitFilter(states=frozenset({UnitState.GRADED})), limit=2_000, offset=0
        )
        by_owner: dict[str | None, list[tuple[str, Decimal]]] = defaultdict(list)
        for u in page.items:
            product = uow.products.get(u.sku) if u.sku else None
            if u.site_code in hubs and product is not None and not product.data_bearing:
                by_owner[u.client_code].append((u.lpn, product.new_price))
    best = max(by_owner.values(), key=len, default=[])
    return best[:UNITS]


def donate(uow: BatchUnitOfWork, last: datetime, team: dict[str, User]) -> None:
    """Give, acknowledge and value the demo's donation (``team``: the users by login)."""
    chosen = _candidates(uow)
    if not chosen:
        return
    manager, tech = team[MANAGER], team["technician"]
    at = last - timedelta(hours=3)
    with uow.batch(isolate_failures=False):
        for lpn, _ in chosen:
            done = disposition.record_disposition(
                uow, lpn, route=DispositionRoute.DONATE, by=manager, reason=REASON,
                destination_site=CHARITY, at=at,
            )  # fmt: skip
            for order in done.work_orders:
                assert order.id is not None
                wo.start_work_order(uow, order.id, by=tech, at=at + timedelta(minutes=20))
                wo.finish_work_order(
                    uow, order.id, succeeded=True, by=tech, labour_minutes=10,
                    at=at + timedelta(minutes=30),
                )  # fmt: skip
            stock.dispatch_unit(uow, lpn, by=manager, at=at + timedelta(hours=1))
    with uow.batch(isolate_failures=False):
        d = donations.acknowledge(
            uow, site_code=CHARITY, lpns=[lpn for lpn, _ in chosen], by=team["charity"]
        )
        assert d.id is not None
        worth = sum((price * STOCK_SHARE for _, price in chosen), Decimal(0))
        donations.value(uow, d.id, value_eur=worth.quantize(Decimal("0.01")), by=team["finance"])
