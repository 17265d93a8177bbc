"""Which returns hub a customer's return goes to: its region's in the routing in force
(``services.routing`` adopts them from a network plan), else the nearest in the customer's
country, else the nearest of all."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Protocol, TypeVar

from revalo.domain.catalog import Customer, Site, SiteKind
from revalo.domain.errors import NotAllowed
from revalo.domain.routing import region_of
from revalo.domain.values import GeoPoint
from revalo.services.ports import UnitOfWork


class Hub(Protocol):
    """A returns hub as ``nearest_hub`` sees it (a site, or what an import read of one)."""

    @property
    def code(self) -> str: ...
    @property
    def country(self) -> str: ...
    @property
    def point(self) -> GeoPoint: ...


H = TypeVar("H", bound=Hub)


def nearest_hub(hubs: Sequence[H], point: GeoPoint, country: str) -> H:
    """The returns hub a customer sends to: the nearest in their country, else the nearest."""
    if not hubs:
        raise NotAllowed("no returns hub is set up to receive returns")
    home = [h for h in hubs if h.country == country] or hubs
    return min(home, key=lambda h: (point.km_to(h.point), h.code))


def hub_for(uow: UnitOfWork, customer: Customer, at: datetime) -> Site:
    """The hub a customer's return authorised at ``at`` goes to: its region's in the routing
    in force that day, else the nearest (call inside an open unit of work)."""
    hubs = uow.sites.list(kind=SiteKind.RETURNS_HUB)
    day = at.astimezone(UTC).date()
    code = uow.routing.hub_for(region_of(customer.city, customer.country), day)
    routed = next((h for h in hubs if h.code == code), None) if code else None
    return routed or nearest_hub(hubs, GeoPoint(customer.lat, customer.lon), customer.country)
