"""Products, sites and customers."""

from __future__ import annotations

from revalo.domain.catalog import Customer, Product, Site
from revalo.domain.clients import owner_label
from revalo.domain.errors import AlreadyExists, Conflict
from revalo.domain.people import Permission, User
from revalo.domain.waste_operations import check_siret
from revalo.services.clients import owner_for_new
from revalo.services.common import found, get_site
from revalo.services.guard import needs, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried


@needs(Permission.MANAGE_PRODUCTS)
@retried
def add_product(uow: UnitOfWork, product: Product, *, by: User) -> Product:
    with uow:
        if uow.products.get(product.sku) is not None:
            raise AlreadyExists(f"product {product.sku} exists already", field="sku")
        if uow.products.by_gtin(product.gtin) is not None:
            raise AlreadyExists(f"another product has GTIN {product.gtin}", field="gtin")
        product.client_code = owner_for_new(uow, product.client_code)
        uow.products.add(product)
        record_done(uow, by, "add_product", product.sku)
        uow.commit()
    return product


@needs(Permission.MANAGE_PRODUCTS)
@retried
def give_product_to_client(uow: UnitOfWork, sku: str, client_code: str, *, by: User) -> Product:
    """A product of the provider's catalogue becomes a client's: its returns are then that
    client's only. A product that is a client's already stays that client's (the units
    received of it are, and a unit never changes owner)."""
    with uow:
        product = found(uow.products.get(sku.strip().upper()), f"no product {sku!r}", "sku")
        owner = owner_for_new(uow, client_code)
        if product.client_code not in (None, owner):
            raise Conflict(
                f"product {product.sku} belongs to {owner_label(product.client_code)}; it "
                f"cannot be given to {owner_label(owner)}",
                field="client_code",
            )
        product.client_code = owner
        record_done(uow, by, "give_product_to_client", product.sku, detail=owner_label(owner))
        uow.commit()
    return product


@needs(Permission.MANAGE_SITES)
@retried
def add_site(uow: UnitOfWork, site: Site, *, by: User) -> Site:
    with uow:
        if uow.sites.get(site.code) is not None:
            raise AlreadyExists(f"site {site.code} exists already", field="code")
        uow.sites.add(site)
        record_done(uow, by, "add_site", site.code)
        uow.commit()
    return site


@needs(Permission.MANAGE_SITES)
@retried
def set_site_siret(uow: UnitOfWork, code: str, siret: str, *, by: User) -> Site:
    """Name a French site by its SIRET on the waste papers (an empty one removes it)."""
    with uow:
        site = get_site(uow, code)
        site.siret = check_siret(siret, site.country)
        record_done(uow, by, "set_site_siret", site.code, detail=site.siret or "removed")
        uow.commit()
    return site


@needs(Permission.MANAGE_CUSTOMERS)
@retried
def add_customer(uow: UnitOfWork, customer: Customer, *, by: User) -> Customer:
    with uow:
        if uow.customers.get(customer.code) is not None:
            raise AlreadyExists(f"customer {customer.code} exists already", field="code")
        uow.customers.add(customer)
        record_done(uow, by, "add_customer", customer.code)
        uow.commit()
    return customer
