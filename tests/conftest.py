"""Shared fixtures: the application on SQLite and on PostgreSQL, and a small named world.

PostgreSQL tests run in a database the session creates and drops (``tests/pg_server.py``),
on the server of REVALO_TEST_POSTGRES_URL (default: 127.0.0.1:5432). Where none can be
created they are skipped with the reason, except when ``CI`` or ``REVALO_REQUIRE_POSTGRES``
is set: then they fail, so CI never skips them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.counters import COUNTERS, pg_sequence
from revalo.adapters.db import make_engine, sqlite_url
from revalo.bootstrap import App, bootstrap
from revalo.domain.catalog import Customer, CustomerKind, Product, Site, SiteKind
from revalo.domain.values import gs1_check_digit
from revalo.services import catalog
from revalo.settings import Settings
from tests import pg_server
from tests.people import person


def gtin(seed: str) -> str:
    """A valid GTIN-13 from 12 digits."""
    return seed + str(gs1_check_digit(seed))


def own_postgres_database() -> pg_server.OwnDatabase:
    """A new database of this session's own; where none can be made, the test is skipped
    (failed where PostgreSQL is required)."""
    db = pg_server.create_test_database()
    if isinstance(db, str):
        if pg_server.required():
            pytest.fail(db)
        pytest.skip(db)
    return db


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of this session's own database, migrated to the current schema."""
    db = own_postgres_database()
    try:
        from revalo.adapters.migrate import upgrade

        upgrade(db.url)
        yield db.url
    finally:
        db.drop()


@pytest.fixture
def fresh_pg_schema(postgres_url: str) -> Iterator[str]:
    """A URL to an empty schema of its own, so that other tests' tables stay untouched."""
    schema = f"migrate_{uuid.uuid4().hex[:12]}"
    admin = make_engine(postgres_url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in postgres_url else "?"
    try:
        yield f"{postgres_url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def truncate_all(engine: sa.Engine) -> None:
    """Empty every table of the PostgreSQL database ``engine`` is on, and start its
    counters and identities again. Only the tables that hold rows are emptied, children
    first, with DELETE: a TRUNCATE of every table makes new files for each (half a second
    per test), a DELETE of a test's few rows takes milliseconds."""
    tables = orm.metadata.sorted_tables
    holding = " UNION ALL ".join(
        f"SELECT {i} WHERE EXISTS (SELECT 1 FROM {t.name})" for i, t in enumerate(tables)
    )
    with engine.begin() as conn:
        full = {int(i) for i in conn.exec_driver_sql(holding).scalars()}
        for i in sorted(full, reverse=True):
            conn.exec_driver_sql(f"DELETE FROM {tables[i].name}")
        # A sequence not read since it last started again has no last value.
        used = conn.exec_driver_sql(
            "SELECT sequencename FROM pg_sequences "
            "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
        ).scalars()
        counters = {pg_sequence(name) for name in COUNTERS}
        for name in list(used):
            start = " WITH 1" if name in counters else ""  # the identities: their own start
            conn.exec_driver_sql(f'ALTER SEQUENCE "{name}" RESTART{start}')


@pytest.fixture
def sqlite_app(tmp_path: Path) -> Iterator[App]:
    app = bootstrap(Settings(database_url=sqlite_url(tmp_path / "revalo.db")), create_schema=True)
    yield app
    app.close()


@pytest.fixture
def pg_app(postgres_url: str) -> Iterator[App]:
    app = bootstrap(Settings(database_url=postgres_url))
    truncate_all(app.engine)
    yield app
    app.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def app(request: pytest.FixtureRequest) -> App:
    """The application on each database: tests using it run on SQLite and on PostgreSQL."""
    name = "sqlite_app" if request.param == "sqlite" else "pg_app"
    return request.getfixturevalue(name)


@dataclass(frozen=True)
class World:
    """4 products, 8 sites, 3 customers: small enough to check by hand."""

    app: App
    laptop: Product
    sofa: Product
    tshirt: Product
    drill: Product
    now: datetime


def seed_world(app: App, now: datetime | None = None) -> World:
    u = app.uow
    laptop = Product(
        sku="LAP-14",
        gtin=gtin("370000000001"),
        name="Laptop 14in",
        category="laptop",
        brand="Lumen",
        model="L14",
        weight_kg=1.6,
        volume_m3=0.012,
        new_price=Decimal("899.00"),
        weee_category=2,
        data_bearing=True,
        lithium_battery=True,
    )
    sofa = Product(
        sku="SOFA-3",
        gtin=gtin("370000000002"),
        name="Sofa 3 seats",
        category="sofa",
        brand="Nido",
        model="Trio",
        weight_kg=55,
        volume_m3=1.9,
        new_price=Decimal("749.00"),
        furniture=True,
        bulky=True,
    )
    tshirt = Product(
        sku="TEE-M",
        gtin=gtin("370000000003"),
        name="T-shirt M",
        category="apparel",
        brand="Fil",
        model="Basic",
        weight_kg=0.2,
        volume_m3=0.001,
        new_price=Decimal("19.90"),
        apparel=True,
    )
    drill = Product(
        sku="DRILL-18",
        gtin=gtin("370000000004"),
        name="Cordless drill 18V",
        category="power_tool",
        brand="Volt",
        model="D18",
        weight_kg=1.8,
        volume_m3=0.006,
        new_price=Decimal("129.00"),
        weee_category=5,
        lithium_battery=True,
    )
    for p in (laptop, sofa, tshirt, drill):
        catalog.add_product(u(), p, by=person("operator"))
    sites = [
        Site("HUB-FR", "Hub Lyon", SiteKind.RETURNS_HUB, "FR", "Lyon", 45.76, 4.84),
        Site("HUB-DE", "Hub Köln", SiteKind.RETURNS_HUB, "DE", "Köln", 50.94, 6.96),
        Site(
            "REP-FR",
            "Repair Lille",
            SiteKind.REPAIR_CENTRE,
            "FR",
            "Lille",
            50.63,
            3.06,
            skills=["laptop", "power_tool"],
        ),
        Site(
            "REC-FR",
            "WEEE Recycler Grenoble",
            SiteKind.RECYCLER,
            "FR",
            "Grenoble",
            45.19,
            5.72,
            weee_certified=True,
        ),
        Site("REC-X", "Scrap dealer", SiteKind.RECYCLER, "FR", "Lyon", 45.7, 4.9),
        Site("CHA-FR", "Charity Paris", SiteKind.CHARITY, "FR", "Paris", 48.86, 2.35),
        Site("OUT-FR", "Outlet Marseille", SiteKind.OUTLET, "FR", "Marseille", 43.3, 5.37),
        Site("VEN-LUMEN", "Lumen vendor", SiteKind.VENDOR, "NL", "Eindhoven", 51.44, 5.47),
    ]
    for s in sites:
        catalog.add_site(u(), s, by=person("operator"))
    for c in (
        Customer("C-ANNE", "Anne Martin", CustomerKind.CONSUMER, "FR", "Paris", 48.85, 2.35),
        Customer("C-JONAS", "Jonas Weber", CustomerKind.CONSUMER, "DE", "Bonn", 50.73, 7.1),
        Customer("B-ACME", "ACME Leasing", CustomerKind.BUSINESS, "FR", "Lyon", 45.75, 4.85),
    ):
        catalog.add_customer(u(), c, by=person("operator"))
    return World(app, laptop, sofa, tshirt, drill, now or datetime.now(UTC))


@pytest.fixture
def world(app: App) -> World:
    return seed_world(app)


@pytest.fixture
def sqlite_world(sqlite_app: App) -> World:
    return seed_world(sqlite_app)
