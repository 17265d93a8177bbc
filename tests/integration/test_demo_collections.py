"""Collection planning on a small demo: on the next working day every region of the demo is
planned; where pickups wait in numbers, routes collect most of them and most of those due;
and in no region does a route fetch a pickup that a carrier would take for less than it
costs there, nor does a pickup wait that a route could take for less."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from revalo.bootstrap import App, bootstrap
from revalo.demo.floor import MANAGER
from revalo.demo.network import COUNTRIES
from revalo.engines.collection.result import Decision
from revalo.services import collections, users
from revalo.services.collection_pickups import next_collection_day
from revalo.services.collections import StoredPlan
from revalo.settings import Settings
from tests.demo_builds import demo_copy
from tests.unit.collection.checker import violations

#: A small demo whose last week holds the pickups of a week in every country (about 30 s).
UNITS, WEEKS, SEED = 1500, 2, 7
#: A Sunday: the demo is the same whatever the day the test runs; plans are for Monday.
UNTIL = date(2025, 2, 2)
#: From this many pickups waiting in a region, enough of them lie near its hubs for a day's
#: round to cost less than the carriers; with fewer, a carrier or waiting may rightly win.
MANY = 5


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """The demo, built once for this module and the documentation's examples."""
    path = Path(tmp_path_factory.mktemp("demo")) / "demo.db"
    url = demo_copy(tmp_path_factory, path, units=UNITS, weeks=WEEKS, seed=SEED, until=UNTIL)
    app = bootstrap(Settings(database_url=url))
    try:
        yield app
    finally:
        app.close()


@pytest.fixture(scope="module")
def plans(demo: App) -> dict[str, StoredPlan]:
    manager = users.get_user(demo.uow(), MANAGER)
    # An iteration limit well inside the time limit: the same plans on any machine.
    plan = functools.partial(
        collections.plan_collections,
        day=next_collection_day(UNTIL),
        seconds=60,
        max_iterations=500,
    )
    return {c: plan(demo.uow(), demo.transport, by=manager, region=c) for c in COUNTRIES}


def test_every_region_is_planned_on_the_next_working_day(
    demo: App, plans: dict[str, StoredPlan]
) -> None:
    assert set(plans) == set(COUNTRIES)
    for country, stored in plans.items():
        assert stored.record.day == date(2025, 2, 3), country  # the Monday after the demo
        assert stored.problem.fleet, f"{country}: its hubs have vehicles"
        assert violations(stored.problem, stored.plan, demo.transport.distances) == []


def test_where_pickups_wait_in_numbers_routes_collect_most_of_them(
    plans: dict[str, StoredPlan],
) -> None:
    busy = {c: s for c, s in plans.items() if len(s.problem.pickups) >= MANY}
    waiting = {c: len(s.problem.pickups) for c, s in plans.items()}
    assert len(busy) >= 4, waiting  # most of the demo's countries
    due_total = due_collected = 0
    for country, stored in busy.items():
        plan, problem = stored.plan, stored.problem
        assert plan.routes, f"{country}: {waiting[country]} pickups and no route"
        assert len(plan.collected) > len(problem.pickups) / 2, country
        due = [p.id for p in problem.pickups if problem.is_due(p)]
        collected_due = sum(pid in plan.collected for pid in due)
        assert collected_due >= len(due) / 2, (country, collected_due, len(due))
        due_total += len(due)
        due_collected += collected_due
    assert due_total > 0 and due_collected > due_total / 2


def test_no_route_fetches_a_pickup_a_carrier_takes_for_less(plans: dict[str, StoredPlan]) -> None:
    for country, stored in plans.items():
        plan = stored.plan
        for c in plan.collect_or_ship:
            if c.collected:
                # On a route only when it costs less there than the carrier's price.
                assert c.collect_eur is not None, (country, c)
                assert c.collect_eur <= c.ship_eur + 1e-6, (country, c)
            else:
                # Left off only when no route or free vehicle would take it for less.
                assert c.collect_eur is None or c.collect_eur >= c.ship_eur - 1e-6, (country, c)
                assert c.decision in (Decision.CARRIER, Decision.WAIT)
        # Every pickup has one decision, and those not collected say why.
        decided = set(plan.collected) | {d.pickup_id for d in plan.deferred}
        assert decided == {p.id for p in stored.problem.pickups}
        assert all(d.reason for d in plan.deferred)
