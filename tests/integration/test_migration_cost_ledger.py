"""Revision 0041 on a database with costs, on SQLite and PostgreSQL: the cost ledger's table
is made again in the order of time and the upgrade writes the same lines again from the
records; going back to 0040 gives the table of 0029, whose lines the next upgrade writes."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from revalo.adapters.barcodes import parse_scan
from revalo.adapters.db import make_engine, sqlite_url
from revalo.adapters.migrate import alembic_config, upgrade
from revalo.bootstrap import bootstrap
from revalo.services import receiving
from revalo.settings import Settings
from tests.conftest import seed_world
from tests.integration.test_migrations import differences, read
from tests.people import person

LINES = "SELECT source, source_id, stage, part, unit_id, basis, amount FROM cost_ledger"


def _received(url: str) -> None:
    """Two units received at the hub: their receipt and the stay begun."""
    app = bootstrap(Settings(database_url=url))
    try:
        world = seed_world(app)
        for product in (world.sofa, world.laptop):
            receiving.receive_scan(
                app.uow(), parse_scan(f"01{product.gtin}"), site_code="HUB-FR", by=person("bob")
            )
    finally:
        app.close()


def _indexes(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return {str(i["name"]) for i in sa.inspect(engine).get_indexes("cost_ledger")}
    finally:
        engine.dispose()


def _goes_back_and_up(url: str) -> None:
    upgrade(url)
    _received(url)
    lines = sorted(read(url, LINES))
    assert {line[2] for line in lines} >= {"receipt", "storage"}
    assert {"ix_cost_ledger_week", "ix_cost_ledger_week_units"} <= _indexes(url)

    command.downgrade(alembic_config(url), "0040")
    assert read(url, LINES) == []  # every unit marked: the next upgrade writes its lines
    assert read(url, "SELECT count(*) FROM cost_ledger_pending") == [(2,)]
    assert {"ix_cost_ledger_at", "ix_cost_ledger_unit_id"} <= _indexes(url)
    assert "ix_cost_ledger_week" not in _indexes(url)

    upgrade(url)
    assert sorted(read(url, LINES)) == lines
    assert read(url, "SELECT count(*) FROM cost_ledger_pending") == [(0,)]
    assert differences(url) == []


def test_the_ledger_comes_back_with_its_lines_on_sqlite(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "costs.db")
    _goes_back_and_up(url)
    # The table is the b-tree of its key, in the order of time.
    [(sql,)] = read(url, "SELECT sql FROM sqlite_master WHERE name = 'cost_ledger'")
    assert "WITHOUT ROWID" in str(sql).upper()


@pytest.mark.postgres
def test_the_ledger_comes_back_with_its_lines_on_postgresql(fresh_pg_schema: str) -> None:
    _goes_back_and_up(fresh_pg_schema)
