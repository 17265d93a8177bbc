"""Read-only look-ups of one thing by its code, for the entrypoints."""

from __future__ import annotations

from dataclasses import dataclass

from revalo.domain.catalog import Customer, Location, Site
from revalo.domain.people import Permission, User
from revalo.domain.work_orders import WorkOrder
from revalo.services.common import found
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork
from revalo.services.scoping import sites_for


@dataclass(frozen=True, slots=True)
class SiteWithLocations:
    site: Site
    locations: list[Location]


def get_customer(uow: UnitOfWork, code: str) -> Customer:
    with uow:
        return found(
            uow.customers.get(code.strip().upper()), f"no customer with code {code!r}", "code"
        )


def site_with_locations(uow: UnitOfWork, code: str) -> SiteWithLocations:
    with uow:
        site = found(uow.sites.get(code.strip().upper()), f"no site with code {code!r}", "code")
        return SiteWithLocations(site, list(uow.sites.locations(site.code)))


@reads(Permission.VIEW_WORK_ORDERS)
def get_work_order(uow: UnitOfWork, order_id: int, *, by: User) -> WorkOrder:
    with uow:
        order = found(uow.work_orders.get(order_id), f"no work order {order_id}", "order_id")
    sites_for(by, order.site_code, Permission.VIEW_WORK_ORDERS)
    return order
