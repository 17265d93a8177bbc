"""The Alembic migrations build exactly the schema the code maps, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from revalo.adapters import orm
from revalo.adapters.barcodes import parse_scan
from revalo.adapters.db import make_engine, sqlite_url
from revalo.adapters.migrate import current_head, upgrade
from revalo.bootstrap import bootstrap
from revalo.services import receiving
from revalo.settings import Settings
from tests.conftest import seed_world


def differences(url: str) -> list[object]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"compare_type": True, "compare_server_default": True}
            )
            return list(compare_metadata(ctx, orm.metadata))
    finally:
        engine.dispose()


def read(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.text(sql))]
    finally:
        engine.dispose()


def check_migrated(url: str) -> None:
    upgrade(url)
    assert differences(url) == []
    assert sorted(read(url, "SELECT name, value FROM sequences")) == [
        ("rma", 0),
        ("unit", 0),
        ("work_order", 0),
    ]
    assert read(url, "SELECT version_num FROM alembic_version") == [(current_head(),)]
    upgrade(url)  # running it again changes nothing
    assert differences(url) == []
    # The seeded counters number the first unit 1.
    app = bootstrap(Settings(database_url=url))
    try:
        world = seed_world(app)
        out = receiving.receive_scan(
            app.uow(), parse_scan(f"01{world.sofa.gtin}"), site_code="HUB-FR", operator="bob"
        )
        assert out.unit.lpn == "LPN000000001"
    finally:
        app.close()


def test_upgrading_a_fresh_sqlite_file_gives_the_mapped_schema(tmp_path: Path) -> None:
    check_migrated(sqlite_url(tmp_path / "fresh.db"))


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


@pytest.mark.postgres
def test_upgrading_a_fresh_postgresql_schema_gives_the_mapped_schema(fresh_pg_schema: str) -> None:
    check_migrated(fresh_pg_schema)
    tables = read(
        fresh_pg_schema,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
    )
    assert tables == [(len(orm.metadata.tables) + 1,)]  # and alembic_version


def test_the_unique_identities_are_refused_over_duplicates_with_what_to_fix(
    tmp_path: Path,
) -> None:
    url = sqlite_url(tmp_path / "old.db")
    upgrade(url, "0005")
    app = bootstrap(Settings(database_url=url))
    try:
        world = seed_world(app)
        code = f"01{world.laptop.gtin}21SN-TWICE"
        first = receiving.receive_scan(
            app.uow(), parse_scan(code), site_code="HUB-FR", operator="bob"
        )
        assert first.unit is not None
    finally:
        app.close()
    # What two scans at once could leave before 0006: a second live unit with that serial.
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO units SELECT 2, 'LPN000000002', site_code, location_code, "
                "received_at, state, sku, gtin, serial, batch, sscc, scanned_code, rma_number, "
                "rma_line_no, quarantine_reason, functional_grade, cosmetic_grade, route, "
                "destination_site, data_wiped_at, tested_at, updated_at, proceeds FROM units"
            )
        )
    engine.dispose()
    with pytest.raises(RuntimeError) as err:
        upgrade(url)
    message = str(err.value)
    assert "1 live units sharing a GTIN and serial" in message
    assert (
        f"{world.laptop.gtin.zfill(14)}/SN-TWICE (2 of them, lpn LPN000000001 to LPN000000002)"
        in message
    )
    assert "Nothing was changed" in message
    assert read(url, "SELECT version_num FROM alembic_version") == [("0005",)]
