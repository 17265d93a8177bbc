"""Random small problems: the plan always passes the independent checker when one exists."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revalo.engines.collection.problem import CollectionProblem, FleetType, Hub, Pickup
from revalo.engines.collection.result import Decision, PlanStatus
from revalo.engines.collection.solve import solve_collection
from tests.unit.collection.checker import violations
from tests.unit.collection.world import DAY, FLAT, QUICK, fleet, hub, pickup, vehicle


@st.composite
def problems(draw: st.DrawFn) -> CollectionProblem:
    """Problems where one vehicle per pickup, each on its own short trip, is a plan.

    Every pickup lies within 0.5 degree (about 56 km) of every hub, fits every vehicle,
    and has a window of at least 2 h inside the hubs' 07:00-20:00; each fleet type has as
    many vehicles as there are pickups. Some pickups are past due, the others optional with
    random waiting costs; some have a carrier's quote (then none is required), some hold
    lithium, some replacements to deliver.
    """
    n_hubs = draw(st.integers(1, 2))
    hubs: tuple[Hub, ...] = tuple(hub(f"H{k}", 0.3 * k) for k in range(n_hubs))
    n = draw(st.integers(1, 7))
    pickups: list[Pickup] = []
    for i in range(n):
        start = draw(st.integers(420, 960))
        pickups.append(
            pickup(
                f"P{i}",
                draw(st.floats(-0.2, 0.5)),
                kg=draw(st.floats(1, 90)),
                m3=draw(st.floats(0, 4)),
                due_in=draw(st.integers(-2, 3)),
                loss=draw(st.floats(0, 80)),
                earliest_min=start,
                latest_min=start + draw(st.integers(120, 240)),
                service_min=draw(st.integers(0, 20)),
                lithium=draw(st.booleans()),
                delivery_kg=draw(st.sampled_from([0.0, 0.0, 40.0])),
                ship_quote_eur=draw(st.one_of(st.none(), st.floats(0, 200))),
            )
        )
    fleet_types: list[FleetType] = [fleet(vehicle("ADR", kg=100, m3=8), count=n, start="H0")]
    if draw(st.booleans()):
        reload = ("H0",) if draw(st.booleans()) else ()
        fleet_types.append(
            fleet(vehicle("BIG", kg=300, m3=20), count=n, start=hubs[-1].code, reload_hubs=reload)
        )
    return CollectionProblem(DAY, hubs, tuple(pickups), tuple(fleet_types))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(), st.integers(0, 3))
def test_plans_of_feasible_problems_pass_the_checker(problem: CollectionProblem, seed: int) -> None:
    plan = solve_collection(problem, QUICK, seed=seed, distances=FLAT)
    assert plan.status is PlanStatus.FEASIBLE, plan.messages
    assert violations(problem, plan, FLAT) == []
    again = solve_collection(problem, QUICK, seed=seed, distances=FLAT)
    assert (again.routes, again.deferred) == (plan.routes, plan.deferred)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(), st.integers(0, 3))
def test_each_pickup_goes_the_cheaper_way(problem: CollectionProblem, seed: int) -> None:
    """A pickup on a route costs no more there than the carrier's price; one left off with a
    quote would cost at least that price on any route or trip of its own; only those due go
    to a carrier, the others wait."""
    plan = solve_collection(problem, QUICK, seed=seed, distances=FLAT)
    assert plan.status is PlanStatus.FEASIBLE, plan.messages
    pickups = {p.id: p for p in problem.pickups}
    for c in plan.collect_or_ship:
        if c.collected:
            assert c.collect_eur is not None and c.collect_eur <= c.ship_eur + 1e-6
        else:
            assert c.collect_eur is None or c.collect_eur >= c.ship_eur - 1e-6
            due = problem.is_due(pickups[c.pickup_id])
            assert c.decision is (Decision.CARRIER if due else Decision.WAIT), c
