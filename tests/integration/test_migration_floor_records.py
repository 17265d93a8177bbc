"""Revision 0015 on a database of before: the counts' and the safety records' tables come
and go, and each site that was there gets its ``missing`` location (kept on the way down
once a unit was moved there)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from revalo.adapters.db import make_engine, sqlite_url
from revalo.adapters.migrate import alembic_config, upgrade
from tests.integration.test_migrations import OLD_HUB, differences, read

TABLES = {"bin_counts", "count_adjustments", "incidents", "briefings"}


def test_the_records_tables_and_the_missing_locations_come_and_go(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "old.db")
    upgrade(url, "0014")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(OLD_HUB)
    engine.dispose()
    upgrade(url, "0015")
    assert set(sa.inspect(make_engine(url)).get_table_names()) >= TABLES
    missing = "SELECT code, site_code, kind FROM locations WHERE kind = 'missing'"
    assert read(url, missing) == [("HUB-FR:missing", "HUB-FR", "missing")]
    command.downgrade(alembic_config(url), "0014")
    assert not TABLES & set(sa.inspect(make_engine(url)).get_table_names())
    assert read(url, missing) == []
    upgrade(url)
    assert read(url, missing) == [("HUB-FR:missing", "HUB-FR", "missing")]
    assert differences(url) == []
