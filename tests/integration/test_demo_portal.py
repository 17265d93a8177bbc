"""The demo's customers' portal: web orders, returns started there with the policy's answer,
a few cheap items kept by their customers with the figures recorded, a sofa collected at
home, and a link to try that opens its return."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa

from revalo.adapters.db import sqlite_url
from revalo.adapters.invariants import check_database
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import bootstrap
from revalo.demo import build_demo
from revalo.demo.portal import ORDERS, RETURNED
from revalo.services import portal, portal_staff
from revalo.settings import Settings
from tests.people import person

LAST = date(2025, 2, 16)


def test_the_demo_leaves_returns_from_the_portal_and_a_link_to_try(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "demo.db")
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    try:
        report = build_demo(app, units=120, weeks=2, seed=5, until=LAST)
        assert report.portal is not None and report.portal.link_token
        assert report.portal.returns == RETURNED and report.portal.kept > 0
        with app.engine.connect() as conn:
            orders = conn.scalar(sa.text("select count(*) from customer_orders"))
            ways = dict(
                conn.execute(
                    sa.text("select way_back, count(*) from portal_returns group by way_back")
                ).all()
            )
            kept = conn.scalar(sa.text("select count(*) from return_lines where kept"))
            offers = conn.execute(
                sa.text(
                    "select route_net, trip_back, processing, threshold, choice from keep_it_offers"
                )
            ).all()
        assert orders == ORDERS and ways.get("pickup") == 1 and {"label", "qr_code"} <= set(ways)
        assert kept == report.portal.kept
        for route_net, trip_back, processing, threshold, choice in offers:
            if choice is not None:  # kept: what was left after the trip back was under the bar
                assert route_net - trip_back - processing < threshold
        seen = portal.view(app.uow(), report.portal.link_token)
        assert seen.rma.order_ref.startswith("SHOP-")
        assert report.portal.order_ref and report.portal.order_email
        found = portal.find_order(app.uow(), report.portal.order_ref, report.portal.order_email)
        assert found.order_ref == report.portal.order_ref
        saved = portal_staff.keep_it_savings(app.uow(), by=person("boss"))
        assert saved.units == report.portal.kept and saved.km > 0
        assert [str(v) for v in check_database(app.engine)] == []
    finally:
        app.close()
