"""The demo's partner that works in its own system: REP-FR-IT sends its receipts and its
repairs and tests as EPCIS 2.0 documents, and Revalo captures each one (on the demo's
eight-week build, where units reach it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from revalo.adapters.invariants import check_database
from revalo.bootstrap import App, bootstrap
from revalo.demo.partner_system import REPORTING_SITE
from revalo.settings import Settings
from tests.demo_builds import EIGHT_WEEKS, demo_copy


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    path = tmp_path_factory.mktemp("partner-system") / "demo.db"
    built = bootstrap(Settings(database_url=demo_copy(tmp_path_factory, path, **EIGHT_WEEKS)))
    yield built
    built.close()


def _value(app: App, sql: str, **params: Any) -> Any:
    with app.engine.connect() as conn:
        return conn.execute(sa.text(sql), params).scalar_one()


def test_each_arrival_and_repair_at_the_partner_came_by_epcis(app: App) -> None:
    site = {"site": REPORTING_SITE}
    arrived = _value(
        app, "select count(*) from unit_events where type = 'arrived' and site_code = :site", **site
    )
    assert arrived > 0, "units reach the partner in eight weeks"
    with app.engine.connect() as conn:
        captured = dict(
            conn.execute(
                sa.text(
                    "select case when outcome like 'arrived at %' then 'arrived' "
                    "when outcome like '% started at %' then 'started' else 'finished' end, "
                    "count(*) from epcis_captures group by 1"
                )
            ).all()
        )
    assert captured.get("arrived") == arrived
    reported = "kind in ('repair', 'refurbish', 'test')"
    started = _value(
        app,
        f"select count(*) from work_orders where site_code = :site and {reported} "
        "and started_at is not null",
        **site,
    )
    finished = _value(
        app,
        f"select count(*) from work_orders where site_code = :site and {reported} "
        "and state in ('done', 'failed')",
        **site,
    )
    assert started > 0
    assert (captured.get("started", 0), captured.get("finished", 0)) == (started, finished)
    # Sent by the partner's own staff, and each order's minutes and parts came with it.
    with app.engine.connect() as conn:
        by = set(conn.execute(sa.text("select distinct captured_by from epcis_captures")).scalars())
        staff = {
            login
            for login, sites in conn.execute(sa.text("select login, partner_sites from users"))
            if REPORTING_SITE in sites
        }
    assert by and by <= staff
    unpriced = _value(
        app,
        "select count(*) from work_orders where site_code = :site and kind = 'repair' "
        "and state = 'done' and (labour_minutes = 0 or parts_cost = 0)",
        **site,
    )
    assert unpriced == 0
    assert check_database(app.engine) == []
