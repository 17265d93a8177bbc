"""What the value model learned from the sales, at every door: the API, the profitability
page and ``revalo listings profitability`` show each channel, category and grade sold often
enough with its observed rate beside the configured one; with too few sales, or the
feedback off, they say that the configured rates hold; a partner is kept out."""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from revalo.adapters.db import sqlite_url
from revalo.bootstrap import bootstrap
from revalo.domain.people import Role
from revalo.entrypoints.cli import app as cli
from revalo.services import resale
from revalo.settings import Settings
from tests.conftest import World
from tests.e2e.conftest import API, CLI_ENV, client_of
from tests.integration.test_resale import MANAGER, on_sale
from tests.people import add_person


def _profitability(path: Path, min_sales: str) -> str:
    env = {**CLI_ENV, "REVALO_RESALE_FEEDBACK_MIN_SALES": min_sales}
    args = ["listings", "profitability", "--db", str(path)]
    done = CliRunner().invoke(cli, args, env=env)
    assert done.exit_code == 0, done.output
    return done.output


def test_the_learned_rates_at_the_api_the_page_and_the_command(db: tuple[Path, World]) -> None:
    path, world = db
    for listing_id in [on_sale(world, f"SN-L{i}") for i in range(2)]:
        resale.sell_listing(world.app.uow(), listing_id, by=MANAGER, price=Decimal("200"))
    manager = add_person(world.app, "flow", [Role.FLOW_MANAGER])
    partner = add_person(world.app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    # Two sales of an 899 EUR laptop at 200, the same day it came back: 0.2225 of its price
    # as new, against DISCOUNT-MKT's 0.50 for grade B.
    fed = bootstrap(Settings(database_url=sqlite_url(path), resale_feedback_min_sales=2))
    try:
        with client_of(fed, manager) as c, client_of(fed, partner) as p:
            got = c.get(f"{API}/resale/learned-rates")
            assert got.status_code == 200, got.text
            assert got.json() == [
                {
                    "channel": "DISCOUNT-MKT",
                    "category": "laptop",
                    "grade": "B",
                    "sales": 2,
                    "observed": "0.2225",
                    "configured": "0.5000",
                    "change": "-0.5550",
                }
            ]
            assert p.get(f"{API}/resale/learned-rates").status_code == 403
            page = html.unescape(c.get("/resale/profitability").text)
            learned = page[page.index('id="learned"') :]
            assert "DISCOUNT-MKT" in learned and "50.0 %" in learned and "-55.5 %" in learned
        with client_of(fed, manager, "fr") as f:
            french = html.unescape(f.get("/resale/profitability").text)
            assert "Ce que le modèle de valeur a appris des ventes" in french
    finally:
        fed.close()
    # The shipped setting asks for 20 sales: none is learned yet.
    with client_of(world.app, manager) as c:
        assert c.get(f"{API}/resale/learned-rates").json() == []
        page = html.unescape(c.get("/resale/profitability").text)
        assert "No channel, category and grade has 20 sales yet" in page

    out = _profitability(path, "2")
    assert "Rates learned from 2 sales or more" in out
    assert "0.2225" in out and "0.5000" in out and "-55.5 %" in out
    assert "The feedback is off" in _profitability(path, "0")
