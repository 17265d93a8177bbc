"""One router per concept; ``ALL`` in the order they appear in the documentation."""

from fastapi import APIRouter

from revalo.entrypoints.api.routers import (
    certificates,
    clients,
    collections,
    compliance,
    customers,
    epcis,
    floor,
    floor_counts,
    floor_safety,
    network,
    people,
    products,
    receiving,
    returns,
    sites,
    stock,
    trail,
    transport,
    units,
    work_orders,
)

ALL: tuple[APIRouter, ...] = (
    returns.router,
    receiving.router,
    units.router,
    work_orders.router,
    stock.router,
    floor.router,
    floor_counts.router,
    floor_safety.router,
    transport.router,
    collections.router,
    network.router,
    epcis.router,
    compliance.router,
    sites.router,
    products.router,
    customers.router,
    clients.router,
    people.router,
    certificates.router,
    trail.router,
)
