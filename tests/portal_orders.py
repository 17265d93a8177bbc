"""Orders of the small named world that customers return from on the portal."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from revalo.domain.portal import CustomerOrder, OrderLine
from revalo.services import portal_orders
from tests.conftest import World
from tests.people import person

ANNE_MAIL, ANNE_POSTCODE = "anne.martin@example.fr", "75011"
JONAS_MAIL = "jonas.weber@example.de"


def add_orders(world: World) -> tuple[CustomerOrder, CustomerOrder]:
    """Anne's order WEB-1001 (two T-shirts at 19.90, a drill at 129.00) and Jonas's
    WEB-2002 (a drill), delivered three days ago."""
    delivered = world.now - timedelta(days=3)
    anne = CustomerOrder(
        "WEB-1001",
        "C-ANNE",
        ANNE_MAIL,
        ANNE_POSTCODE,
        world.now - timedelta(days=5),
        delivered,
        [
            OrderLine(1, "TEE-M", 2, Decimal("19.90")),
            OrderLine(2, "DRILL-18", 1, Decimal("129.00")),
        ],
    )
    jonas = CustomerOrder(
        "WEB-2002",
        "C-JONAS",
        JONAS_MAIL,
        "53111",
        world.now - timedelta(days=4),
        delivered,
        [OrderLine(1, "DRILL-18", 1, Decimal("129.00"))],
    )
    for order in (anne, jonas):
        portal_orders.record_order(world.app.uow(), order, by=person("shop"))
    return anne, jonas
