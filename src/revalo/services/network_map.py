"""The flows of the network for the map: the sites, and the units that came in from each
country and went out to each site."""

from __future__ import annotations

from dataclasses import dataclass

from revalo.domain.catalog import Site
from revalo.domain.people import Permission, User
from revalo.services.clients import client_filter
from revalo.services.dashboard import Flow, Inflow
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork
from revalo.services.scoping import client_for


@dataclass(frozen=True, slots=True)
class NetworkMap:
    sites: list[Site]
    in_stock: dict[str, int]
    flows: list[Flow]
    inflows: list[Inflow]


@reads(Permission.VIEW_CATALOGUE)
def network_map(uow: UnitOfWork, *, by: User, client_code: str | None = None) -> NetworkMap:
    """The sites with the units they hold, the flows between them and the customers'
    returns coming in, by country (of one client's goods only, with ``client_code``)."""
    client_code = client_for(by, client_code, Permission.VIEW_CATALOGUE)
    with uow:
        r = uow.reports.for_client(client_filter(uow, client_code))
        stock: dict[str, int] = {}
        for (site, _state), n in r.stock_by_site_and_state().items():
            stock[site] = stock.get(site, 0) + n
        return NetworkMap(list(uow.sites.list()), stock, list(r.site_flows()), list(r.inflows()))
