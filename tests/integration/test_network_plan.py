"""Network scenarios on the small world: demand from the history of received returns,
today's network against scenarios, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revalo.adapters.barcodes import parse_scan
from revalo.domain.catalog import Product
from revalo.domain.errors import InvalidValue, NotFound, PermissionDenied
from revalo.domain.network_scenario import parse_scenario
from revalo.domain.people import Role, User
from revalo.domain.returns import ReturnReason
from revalo.services import receiving, returns
from revalo.services.network_plan import compare_scenarios
from tests.conftest import World
from tests.people import person


def received_from(world: World, customer: str, product: Product, n: int) -> None:
    """``n`` units of ``product`` returned by ``customer``, authorised and received."""
    serials = [f"{customer}-{i}" for i in range(n)]
    request = returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code=customer,
        lines=[
            returns.LineRequest(product.sku, 1, ReturnReason.DEFECTIVE, serial=s) for s in serials
        ],
        delivered_at=None,
        by=person("portal"),
    )
    returns.authorise_return(
        world.app.uow(),
        request.number,
        by=person("flow"),
        reason="defective",
        destination_site="HUB-FR",
    )
    for s in serials:
        receiving.receive_scan(
            world.app.uow(),
            parse_scan(f"01{product.gtin}21{s}"),
            site_code="HUB-FR",
            by=person("bob"),
        )


@pytest.fixture
def history(world: World) -> World:
    """Anne in Paris sent 3 laptops back, Jonas in Bonn 2 drills; all received."""
    received_from(world, "C-ANNE", world.laptop, 3)
    received_from(world, "C-JONAS", world.drill, 2)
    return world


def test_today_and_a_closed_hub_side_by_side(history: World) -> None:
    until = history.now.date() + timedelta(days=1)
    close = parse_scenario({"name": "Close Köln", "sites": {"close": ["HUB-DE"]}})
    found = compare_scenarios(
        history.app.read_uow(), [close], by=person("flow"), weeks=1, until=until
    )
    today, closed = found.plans
    assert found.regions == 2
    assert today.status == "optimal" and closed.status == "optimal"
    assert today.units == pytest.approx(5 * 52)
    # Today each region goes to its nearest hub; with Köln closed, Bonn goes to Lyon.
    assert today.hub_of == {"Paris (FR)": "HUB-FR", "Bonn (DE)": "HUB-DE"}
    assert closed.hub_of["Bonn (DE)"] == "HUB-FR"
    change = found.changes[1]
    assert change is not None and change.closed == ("HUB-DE",)
    assert change.moved == (("Bonn (DE)", "HUB-DE", "HUB-FR"),)
    # Closing a hub saves its fixed cost and costs transport: the optimum says which wins.
    assert change.cost_delta == pytest.approx(closed.total_cost - today.total_cost)
    assert "fixed" in change.why and "transport" in change.why
    assert 0 <= today.within_1_day <= today.within_2_days <= 1
    assert today.km_per_unit > 0 and today.co2_kg_per_unit > 0
    hubs = {u.code: u for u in today.sites if u.activity == "receiving"}
    assert hubs["HUB-FR"].units == pytest.approx(3 * 52)


def test_free_choice_never_costs_more_than_today(history: World) -> None:
    until = history.now.date() + timedelta(days=1)
    free = parse_scenario(
        {"name": "Free", "sites": {"decide": True}, "demand": {"growth": {"DE": 0.5}}}
    )
    found = compare_scenarios(
        history.app.read_uow(), [free], by=person("flow"), weeks=1, until=until
    )
    _, chosen = found.plans
    assert chosen.units == pytest.approx(3 * 52 + 2 * 52 * 1.5)
    assert chosen.status == "optimal"


def test_a_scenario_naming_an_unknown_site_is_refused(history: World) -> None:
    bad = parse_scenario({"name": "Typo", "sites": {"close": ["HUB-XX"]}})
    with pytest.raises(NotFound, match="no site HUB-XX"):
        compare_scenarios(history.app.read_uow(), [bad], by=person("flow"), weeks=1)
    with pytest.raises(InvalidValue, match="weeks"):
        compare_scenarios(history.app.read_uow(), [], by=person("flow"), weeks=0)


def test_only_the_flow_manager_plans_the_network(history: World) -> None:
    finance = User(login="fin", name="Fin", roles=frozenset({Role.FINANCE}))
    with pytest.raises(PermissionDenied):
        compare_scenarios(history.app.read_uow(), [], by=finance, weeks=1)


def test_the_suggested_scenarios_close_the_weakest_hub(history: World) -> None:
    until = history.now.date() + timedelta(days=1)
    found = compare_scenarios(
        history.app.read_uow(), [], by=person("flow"), weeks=1, until=until, suggest=True
    )
    names = [p.name for p in found.plans]
    assert names[0] == "Today's network"
    # Köln receives Bonn's 2 units a week, Lyon Paris's 3: Köln is the weakest.
    assert names[1] == "Close the weakest hub (HUB-DE)"
    assert found.changes[1] is not None and found.changes[1].closed == ("HUB-DE",)
    # No unit of the history went on to repair: no repair centre is suggested.
    assert len(found.plans) == 2


def test_closing_never_lowers_and_more_capacity_never_raises_an_optimal_plan(
    history: World,
) -> None:
    until = history.now.date() + timedelta(days=1)
    free = {"name": "Free", "sites": {"decide": True}}
    closed = {"name": "Free without Lyon", "sites": {"decide": True, "close": ["HUB-FR"]}}
    tight = {"name": "Tight", "sites": {"decide": True, "change": {"HUB-FR": {"receiving": 100}}}}
    found = compare_scenarios(
        history.app.read_uow(),
        [parse_scenario(s) for s in (free, closed, tight)],
        by=person("flow"),
        weeks=1,
        until=until,
    )
    _, best, without, squeezed = found.plans
    assert best.status == without.status == squeezed.status == "optimal"
    assert without.total_cost >= best.total_cost - 1e-6
    # Lyon's 60,000 units a year (config/network.toml) against 100: the looser limit of the
    # free scenario never costs more.
    assert best.total_cost <= squeezed.total_cost + 1e-6
