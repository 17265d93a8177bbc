"""One router per concept; ``ALL`` in the order they appear in the documentation."""

from fastapi import APIRouter

from revalo.entrypoints.api.routers import (
    clients,
    collections,
    customers,
    epcis,
    floor,
    people,
    products,
    receiving,
    refunds,
    returns,
    sites,
    stock,
    transport,
    units,
    work_orders,
)

ALL: tuple[APIRouter, ...] = (
    returns.router,
    refunds.router,
    receiving.router,
    units.router,
    work_orders.router,
    stock.router,
    floor.router,
    transport.router,
    collections.router,
    epcis.router,
    sites.router,
    products.router,
    customers.router,
    clients.router,
    people.router,
)
