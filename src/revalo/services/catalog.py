"""Products, sites and customers."""

from __future__ import annotations

from revalo.domain.catalog import Customer, Product, Site
from revalo.domain.errors import AlreadyExists
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried


@retried
def add_product(uow: UnitOfWork, product: Product) -> Product:
    with uow:
        if uow.products.get(product.sku) is not None:
            raise AlreadyExists(f"product {product.sku} exists already", field="sku")
        if uow.products.by_gtin(product.gtin) is not None:
            raise AlreadyExists(f"another product has GTIN {product.gtin}", field="gtin")
        uow.products.add(product)
        uow.commit()
    return product


@retried
def add_site(uow: UnitOfWork, site: Site) -> Site:
    with uow:
        if uow.sites.get(site.code) is not None:
            raise AlreadyExists(f"site {site.code} exists already", field="code")
        uow.sites.add(site)
        uow.commit()
    return site


@retried
def add_customer(uow: UnitOfWork, customer: Customer) -> Customer:
    with uow:
        if uow.customers.get(customer.code) is not None:
            raise AlreadyExists(f"customer {customer.code} exists already", field="code")
        uow.customers.add(customer)
        uow.commit()
    return customer
