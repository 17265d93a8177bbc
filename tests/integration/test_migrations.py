"""The Alembic migrations build exactly the schema the code maps, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from revalo.adapters import orm
from revalo.adapters.barcodes import parse_scan
from revalo.adapters.counters import COUNTERS
from revalo.adapters.db import make_engine, sqlite_url
from revalo.adapters.migrate import alembic_config, current_head, upgrade
from revalo.bootstrap import bootstrap
from revalo.domain.values import normalise_gtin
from revalo.services import receiving
from revalo.settings import Settings
from tests.conftest import gtin, seed_world
from tests.people import person

#: A returns hub, in the columns every revision since 0001 has.
OLD_HUB = sa.text(
    "INSERT INTO sites (code, name, kind, country, city, lat, lon, weee_certified, skills) "
    "VALUES ('HUB-FR', 'Hub Lyon', 'returns_hub', 'FR', 'Lyon', 45.76, 4.84, 0, '[]')"
)


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
    if url.startswith("postgresql"):
        # The counters are sequences there (migration 0011), none used yet.
        assert read(url, "SELECT name, value FROM sequences") == []
        for name in COUNTERS:
            assert read(url, f"SELECT last_value, is_called FROM counter_{name}") == [(1, False)]
    else:
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
            app.uow(), parse_scan(f"01{world.sofa.gtin}"), site_code="HUB-FR", by=person("bob")
        )
        assert out.unit.lpn == "LPN000000001"
    finally:
        app.close()


def test_upgrading_a_fresh_sqlite_file_gives_the_mapped_schema(tmp_path: Path) -> None:
    check_migrated(sqlite_url(tmp_path / "fresh.db"))


@pytest.mark.postgres
def test_upgrading_a_fresh_postgresql_schema_gives_the_mapped_schema(fresh_pg_schema: str) -> None:
    check_migrated(fresh_pg_schema)
    tables = read(
        fresh_pg_schema,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
    )
    assert tables == [(len(orm.metadata.tables) + 1,)]  # and alembic_version


@pytest.mark.postgres
def test_counters_become_sequences_that_go_on_from_their_values_and_come_back(
    fresh_pg_schema: str,
) -> None:
    url = fresh_pg_schema
    upgrade(url, "0010")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE sequences SET value = 41 WHERE name = 'unit'"))
    engine.dispose()
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    try:
        uow = app.uow()
        with uow:
            assert uow.sequences.next("unit") == 42
            assert uow.sequences.reserve("unit", 3) == [43, 44, 45]
            assert uow.sequences.next("consignment") == 1
            uow.commit()
    finally:
        app.close()
    command.downgrade(alembic_config(url), "0010")
    assert sorted(read(url, "SELECT name, value FROM sequences"))[-1] == ("work_order", 0)
    assert ("unit", 45) in read(url, "SELECT name, value FROM sequences")
    counters = (
        "SELECT count(*) FROM information_schema.sequences "
        "WHERE sequence_schema = current_schema() AND sequence_name LIKE 'counter%'"
    )
    assert read(url, counters) == [(0,)]


def test_the_unique_identities_are_refused_over_duplicates_with_what_to_fix(
    tmp_path: Path,
) -> None:
    url = sqlite_url(tmp_path / "old.db")
    upgrade(url, "0005")
    # Written in the columns of 0005 (today's mapping has more): a unit received with its
    # serial, and what two scans at once could leave before 0006, a second live unit with
    # that serial.
    laptop_gtin = normalise_gtin(gtin("370000000001"))
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(OLD_HUB)
        for n in (1, 2):
            conn.execute(
                sa.text(
                    "INSERT INTO units (id, lpn, site_code, received_at, state, gtin, serial, "
                    "scanned_code, quarantine_reason) VALUES (:n, :lpn, 'HUB-FR', "
                    "'2024-03-01 10:00:00', 'received', :gtin, 'SN-TWICE', :code, '')"
                ),
                {"n": n, "lpn": f"LPN{n:09d}", "gtin": laptop_gtin, "code": f"01{laptop_gtin}"},
            )
    engine.dispose()
    with pytest.raises(RuntimeError) as err:
        upgrade(url)
    message = str(err.value)
    assert "1 live units sharing a GTIN and serial" in message
    assert (
        f"{laptop_gtin.zfill(14)}/SN-TWICE (2 of them, lpn LPN000000001 to LPN000000002)" in message
    )
    assert "Nothing was changed" in message
    assert read(url, "SELECT version_num FROM alembic_version") == [("0005",)]


def test_work_orders_of_before_0012_have_no_parts_and_no_certificate(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "old.db")
    upgrade(url, "0011")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(OLD_HUB)
        conn.execute(
            sa.text(
                "INSERT INTO units (id, lpn, site_code, received_at, state, scanned_code, "
                "quarantine_reason) VALUES (1, 'LPN000000001', 'HUB-FR', '2024-03-01 10:00:00', "
                "'in_process', 'LPN000000001', '')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO work_orders (id, unit_id, kind, site_code, created_at, state, "
                "operator, labour_minutes, parts_cost, notes, wipe_method, wipe_tool, "
                "wipe_verified) VALUES (1, 1, 'data_wipe', 'HUB-FR', '2024-03-01 11:00:00', "
                "'done', 'tom', 20, 0, '', 'purge', 'Blancco 7', 1)"
            )
        )
    engine.dispose()
    upgrade(url)
    assert differences(url) == []
    app = bootstrap(Settings(database_url=url))
    try:
        with app.uow() as uow:
            order = uow.work_orders.get(1)
            assert order is not None
            assert (order.parts, order.wipe_certificate, order.wipe_tool) == ((), None, "Blancco 7")
    finally:
        app.close()
    command.downgrade(alembic_config(url), "0011")
    assert read(url, "SELECT id, wipe_tool FROM work_orders") == [(1, "Blancco 7")]


def test_the_floor_s_tables_come_and_go_and_the_stock_of_before_stays(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "old.db")
    upgrade(url, "0012")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(OLD_HUB)
        conn.execute(
            sa.text(
                "INSERT INTO locations (code, site_code, kind) VALUES "
                "('HUB-FR:graded_stock', 'HUB-FR', 'graded_stock')"
            )
        )
    engine.dispose()
    upgrade(url)
    assert differences(url) == []
    tables = {"bins", "team_members", "qualifications", "ppe_issues", "floor_tasks"}
    assert tables <= set(sa.inspect(make_engine(url)).get_table_names())
    command.downgrade(alembic_config(url), "0012")
    assert not tables & set(sa.inspect(make_engine(url)).get_table_names())
    assert read(url, "SELECT code FROM locations") == [("HUB-FR:graded_stock",)]
    upgrade(url)
    assert differences(url) == []
