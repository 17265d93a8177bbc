"""The demo's people do the demo's work: every use case of the scenario is done by a user
whose roles allow it (none is refused), and every actor in the history is a user. Slow
stock cleared to the resale partners is accepted, paid for and resold by their own people
(the reseller who signs in, at RES-FR)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.db import sqlite_url
from revalo.adapters.invariants import check_database
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import bootstrap
from revalo.demo import build_demo
from revalo.services import partners
from revalo.settings import Settings

#: The use cases the scenario runs at this size and seed (each by one of its people).
USE_CASES = {
    "request_return",
    "authorise_return",
    "reject_return",
    "receive_scan",
    "release_unit",
    "inspect_unit",
    "preview_batch",
    "commit_batch",
    "record_disposition",
    "start_work_order",
    "finish_work_order",
    "dispatch_unit",
    "ship_planned",
    "book_return_label",
    "sell_listing",
    "record_payment",
    "withdraw_listing",
    "accept",
    "record_resale",
}
#: The resale partners' side of the cleared stock: (site, who accepted, who resold).
RESOLD = """select r.site_code, p.received_by, r.recorded_by, u.state, u.destination_site
from partner_resales r join partner_receipts p on p.unit_id = r.unit_id
join units u on u.id = r.unit_id"""


def test_every_use_case_of_the_demo_is_done_by_a_user_allowed_to(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "demo.db")
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    try:
        # A fixed last day: the same scenario whatever the day the test runs.
        report = build_demo(app, units=400, weeks=6, seed=1, until=date(2025, 2, 16))
        assert set(report.calls) >= USE_CASES
        with app.engine.connect() as conn:
            refused = conn.execute(
                sa.select(sa.func.count()).where(orm.audit_log.c.outcome == "refused")
            ).scalar_one()
            users = set(conn.execute(sa.select(orm.users.c.login)).scalars())
            actors = set(conn.execute(sa.select(orm.unit_events.c.actor).distinct()).scalars())
            deciders = set(conn.execute(sa.select(orm.dispositions.c.actor).distinct()).scalars())
            resold = conn.execute(sa.text(RESOLD)).all()
        assert refused == 0
        assert actors and actors <= users, actors - users
        assert deciders <= users, deciders - users
        assert {(site, got, by) for site, got, by, *_ in resold if site == "RES-FR"} == {
            ("RES-FR", "reseller", "reseller")
        }
        assert {(state, to == site) for site, _, _, state, to in resold} == {
            ("sent_to_partner", True)
        }
        # The reseller's record over the whole demo counts the same resales.
        with app.read_uow() as uow:
            who = uow.users.by_login("reseller")
        assert who is not None
        [record] = partners.partner_records(
            app.read_uow(), by=who, first=date(2024, 12, 1), last=date(2025, 2, 16)
        ).records
        mine = [r for r in resold if r[0] == "RES-FR"]
        assert record.resold == len(mine) > 0 and record.resold_eur > 0
        assert check_database(app.engine) == []
    finally:
        app.close()
