"""A small catalogue and a batch of authorised returns for the benchmarks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from revalo.adapters import orm
from revalo.adapters.db import sqlite_url
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import App, bootstrap
from revalo.domain.catalog import Customer, CustomerKind, Product, Site, SiteKind
from revalo.domain.people import Role, User
from revalo.domain.returns import ReturnReason
from revalo.domain.values import gs1_check_digit
from revalo.services import access, catalog, returns
from revalo.settings import Settings

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


# The domain's classes are mapped before any of their objects is made (a user made before
# would not be readable once they are).
orm.start_mappers()

#: Who the benchmarks act as: may do everything (the roles that hold every permission).
BENCH = User(
    login="bench",
    name="Benchmark",
    roles=frozenset({Role.ADMINISTRATOR, Role.FLOW_MANAGER, Role.FINANCE}),
)


def bench_headers(app: App) -> dict[str, str]:
    """``BENCH`` stored in the database, and the Authorization header of a new API token of
    it, for the benchmarks that go through HTTP (or ``--as bench`` for a command)."""
    uow = app.uow()
    with uow:
        user = uow.users.by_login(BENCH.login)
        if user is None:
            user = User(login=BENCH.login, name=BENCH.name, roles=BENCH.roles)
            uow.users.add(user)
            uow.commit()
    return {"Authorization": f"Bearer {access.create_token(app.uow(), user, 'bench').secret}"}


def gtin(n: int) -> str:
    body = f"37{n:010d}"
    return body + str(gs1_check_digit(body))


def fresh_app(path: Path) -> App:
    path.unlink(missing_ok=True)
    url = sqlite_url(path)
    upgrade(url)
    return bootstrap(Settings(database_url=url))


def seed(app: App, *, products: int = 50, customers: int = 200) -> list[Product]:
    uow = app.uow()
    items = [
        Product(
            sku=f"SKU-{i:04d}",
            gtin=gtin(i),
            name=f"Product {i}",
            category="laptop",
            brand="Bench",
            model=f"M{i}",
            weight_kg=1.5,
            volume_m3=0.01,
            new_price=Decimal("499.00"),
            weee_category=2,
            data_bearing=True,
        )
        for i in range(products)
    ]
    with uow.batch():
        for p in items:
            catalog.add_product(uow, p, by=BENCH)
        catalog.add_site(
            uow,
            Site("HUB-FR", "Hub Lyon", SiteKind.RETURNS_HUB, "FR", "Lyon", 45.76, 4.84),
            by=BENCH,
        )
        for i in range(customers):
            catalog.add_customer(
                uow,
                Customer(
                    f"C-{i:05d}", f"Customer {i}", CustomerKind.CONSUMER, "FR", "Paris", 48.85, 2.35
                ),
                by=BENCH,
            )
    return items


def authorised_returns(
    app: App, products: list[Product], count: int, *, start: int = 0, customers: int = 200
) -> list[str]:
    """``count`` authorised one-line returns, each naming a serial; returns the scan codes."""
    uow = app.uow()
    codes = []
    with uow.batch():
        for i in range(start, start + count):
            p = products[i % len(products)]
            serial = f"SN{i:08d}"
            returns.request_return(
                uow,
                app.policy,
                customer_code=f"C-{i % customers:05d}",
                by=BENCH,
                lines=[returns.LineRequest(p.sku, 1, ReturnReason.WITHDRAWAL, serial=serial)],
                delivered_at=NOW - timedelta(days=3),
                requested_at=NOW,
            )
            codes.append(f"01{p.gtin}21{serial}")
    return codes
