"""Build the demo: set up the catalogue, the network and the customers, then play the
scenario day by day through the service layer."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from revalo.adapters.cost_ledger import SETTLES, settle
from revalo.adapters.unit_of_work import SqlAlchemyUnitOfWork
from revalo.bootstrap import App
from revalo.demo.billing import set_up_billing
from revalo.demo.calendar import Calendar
from revalo.demo.capacity import plan_capacities
from revalo.demo.catalogue import build_catalogue
from revalo.demo.certificates import certify_carriers, certify_recyclers
from revalo.demo.clients import CLIENTS
from revalo.demo.compliance import ask_for_destructions
from revalo.demo.defaults import DEFAULT_UNITS
from revalo.demo.donations import donate
from revalo.demo.floor import MANAGER
from revalo.demo.jobs import leave_jobs
from revalo.demo.lots import make_lots
from revalo.demo.manager import EngineTotals, ShippingTotals
from revalo.demo.network import Network, build_sites
from revalo.demo.partner_disputes import open_disputes
from revalo.demo.partner_terms import agree_terms
from revalo.demo.people import CityPicker, businesses, consumers
from revalo.demo.plan import Planner
from revalo.demo.portal import DemoPortal, set_up_portal
from revalo.demo.refunds import set_up_refunds
from revalo.demo.service import add_webhook, set_up_service
from revalo.demo.simulation import Simulation
from revalo.demo.team import TEAM, DemoLogin, enrol_administrator, enrol_team
from revalo.demo.warehouse import put_up_bins, set_up_floor
from revalo.domain.clients import Client
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.values import utcnow
from revalo.services import catalog, clients

Progress = Callable[[str, int, int], None]

SETTING_UP = "Setting up the catalogue, network and customers"
SIMULATING = "Playing the scenario day by day"

#: Consumers per returned unit: two or three returns each over the scenario, on average.
CONSUMERS_PER_UNIT = 0.35
#: One business account per this many units.
UNITS_PER_BUSINESS = 500


@dataclass(frozen=True, slots=True)
class DemoReport:
    """What the build did."""

    seed: int
    units: int  # units that reached a hub (what was asked for)
    returns: int  # return requests made, whatever became of them
    products: int
    sites: int
    customers: int
    start: datetime
    end: datetime  # the end of the last simulated day
    calls: dict[str, int]  # use cases called, by name
    call_seconds: dict[str, float]  # time spent in each use case
    elapsed_s: float
    #: The disposition engine's nightly batches: net recovery next to the baselines'.
    engine: EngineTotals
    #: The manager's end-of-day consolidation of the outbound lanes.
    shipping: ShippingTotals
    #: Who may sign in, one per role (password ``DEMO_PASSWORD``).
    logins: list[DemoLogin] = field(default_factory=list)
    #: The customers' portal: returns started there, keep-it taken, a link to try.
    portal: DemoPortal | None = None

    @property
    def service_calls(self) -> int:
        return sum(self.calls.values())


def build_demo(
    app: App,
    *,
    units: int = DEFAULT_UNITS,
    seed: int = 7,
    weeks: int = 8,
    until: date | None = None,
    on_progress: Progress | None = None,
) -> DemoReport:
    """Fill an empty database (its schema made) with a realistic, seeded scenario: the same
    seed gives the same data. Every unit goes through the services, with simulated times:
    the ``weeks`` up to ``until`` (by default yesterday, the last whole day before the
    build: the pages' "now" follows on from the demo's last day)."""
    if units < 1:
        raise InvalidValue(f"units must be at least 1, not {units}", field="units")
    if not 1 <= weeks <= 52:
        raise InvalidValue(f"weeks must be 1 to 52, not {weeks}", field="weeks")
    started = time.perf_counter()
    _ensure_empty(app)
    progress = on_progress or (lambda stage, done, total: None)
    rng = random.Random(seed)
    items = build_catalogue()
    sites = build_sites()
    network = Network(sites)
    people = consumers(rng, max(10, round(units * CONSUMERS_PER_UNIT)), CityPicker())
    accounts = businesses(rng, max(2, units // UNITS_PER_BUSINESS))

    uow = _day_unit_of_work(app)
    total = len(items) + len(sites) + len(people) + len(accounts)
    progress(SETTING_UP, 0, total)
    admin = enrol_administrator(app)
    with uow.batch(isolate_failures=False):
        for code, name in CLIENTS:
            clients.add_client(uow, Client(code, name), by=admin)
        for item in items:
            catalog.add_product(uow, item.product, by=admin)
        for site in sites:
            catalog.add_site(uow, site, by=admin)
        certify_recyclers(uow, sites, admin, utcnow().date())
        certify_carriers(uow, app.transport, admin, utcnow().date())
        done = len(items) + len(sites)
        for i, customer in enumerate(people + accounts, start=1):
            catalog.add_customer(uow, customer, by=admin)
            if i % 500 == 0:
                progress(SETTING_UP, done + i, total)
    progress(SETTING_UP, total, total)

    last = until or utcnow().date() - timedelta(days=1)
    calendar = Calendar.ending(last, weeks)
    planner = Planner(rng, calendar, network, items, people, accounts)
    plan = planner.plan(units)
    progress(SIMULATING, 0, calendar.days)
    team = enrol_team(app, admin)
    plan_capacities(uow, calendar, units, weeks, team[MANAGER])
    agree_terms(uow, calendar, team[MANAGER])
    sim = Simulation(
        uow,
        app.policy,
        planner,
        plan,
        random.Random(f"{seed}:simulation"),
        team,
        on_day=lambda day: progress(SIMULATING, day, calendar.days),
        before_last_day=lambda: put_up_bins(uow, network.sites),
    )
    sim.run()
    ask_for_destructions(uow, team[MANAGER], at=calendar.at(calendar.days) - timedelta(hours=1))
    buyers = [(s.code, s.kind) for s in sites]
    pool = sim.processing.salvage.pool
    lots_rng = random.Random(f"{seed}:lots")
    make_lots(uow, pool, buyers, team[MANAGER], team["reseller"], last, lots_rng)
    set_up_floor(uow, network.sites, sim.staff, team, last, random.Random(f"{seed}:floor"))
    leave_jobs(app, team[MANAGER], last, units)
    add_webhook(uow, admin, calendar.start.date())
    set_up_refunds(uow, team["service"], last, random.Random(f"{seed}:refunds"))
    on_portal = set_up_portal(
        uow,
        app.policy,
        app.transport,
        team["service"],
        people,
        last,
        random.Random(f"{seed}:portal"),
    )
    set_up_billing(uow, team["finance"], calendar.start.date(), last + timedelta(days=1))
    set_up_service(uow, team["service"], last, random.Random(f"{seed}:service"))
    open_disputes(uow, calendar.start, calendar.at(calendar.days), team)
    donate(uow, calendar.at(calendar.days), team)
    _settle_costs(app)
    return DemoReport(
        seed=seed,
        units=plan.arriving,
        returns=len(plan.returns),
        products=len(items),
        sites=len(sites),
        customers=len(people) + len(accounts),
        start=calendar.start,
        end=calendar.at(calendar.days),
        calls=dict(sorted(sim.agenda.calls.items())),
        call_seconds=dict(sorted(sim.agenda.seconds.items())),
        elapsed_s=time.perf_counter() - started,
        engine=sim.manager.totals,
        shipping=sim.manager.transport,
        logins=list(TEAM),
        portal=on_portal,
    )


def _settle_costs(app: App) -> None:
    """Write the cost ledger's lines of every unit the build changed, in one transaction."""
    with app.session_factory() as session, session.begin():
        settle(session)


def _keep(session: Session, instance: object) -> None:
    session.info.setdefault("loaded", []).append(instance)


def _day_unit_of_work(app: App) -> SqlAlchemyUnitOfWork:
    """The application's unit of work, whose batch session also keeps a reference to every
    object it loads or stores. A session's identity map holds its objects weakly: without
    this, the product, site, unit or work order a use case loaded is dropped when it
    returns, and the next use case of the day queries it again. Kept, ``session.get`` finds
    it in memory. The batch is the only writer, so what it holds is what the database holds.
    """
    kw = dict(app.session_factory.kw)
    # The cost ledger's lines are written once, when the build ends (``_settle_costs``),
    # not again at every use case's commit: the demo reads no cost while it plays.
    kw["info"] = {**kw.get("info", {}), SETTLES: False}
    factory: sessionmaker[Session] = sessionmaker(**kw)
    event.listen(factory, "loaded_as_persistent", _keep)
    event.listen(factory, "pending_to_persistent", _keep)
    return SqlAlchemyUnitOfWork(factory)


def _ensure_empty(app: App) -> None:
    with app.uow() as uow:
        found = {
            "product(s)": uow.products.list(category=None, limit=1, offset=0).total,
            "site(s)": len(uow.sites.list()),
            "return(s)": uow.reports.count_returns(),
            "unit(s)": uow.reports.count_units(),
        }
    if any(found.values()):
        held = ", ".join(f"{n} {what}" for what, n in found.items() if n)
        raise NotAllowed(
            f"the demo fills an empty database, and this one already holds {held}: "
            "give it a new database"
        )
