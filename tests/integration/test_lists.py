"""Lists of returns and units: every filter, and pages that add up, on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revalo.domain.returns import ReturnReason, ReturnRequest, ReturnState
from revalo.domain.units import UnitState
from revalo.services import queries, returns, stock
from revalo.services.ports import ReturnFilter, UnitFilter
from tests.conftest import World
from tests.integration.flows import ask, gs1, line, scan
from tests.people import person

Reason = ReturnReason


@pytest.fixture
def five_returns(world: World) -> list[ReturnRequest]:
    """Five returns, one day apart, the newest last."""
    day = timedelta(days=1)
    made = [
        ask(world, line("LAP-14"), requested_at=world.now - 4 * day, order_ref="WEB-100"),
        ask(world, line("SOFA-3"), customer="C-JONAS", requested_at=world.now - 3 * day),
        ask(
            world,
            line("TEE-M", reason=Reason.WRONG_ITEM),
            line("LAP-14"),
            requested_at=world.now - 2 * day,
            order_ref="WEB-200",
        ),
        # Too late for a change of mind: rejected by the policy.
        ask(world, line("DRILL-18"), delivered_days_ago=40, requested_at=world.now - day),
        ask(world, line("LAP-14", reason=Reason.END_OF_LEASE), customer="B-ACME"),
    ]
    assert [r.state for r in made].count(ReturnState.REJECTED) == 1
    return made


def numbers(flt: ReturnFilter, world: World, **page: int) -> list[str]:
    return [
        r.number
        for r in queries.list_returns(world.app.uow(), flt, **page, by=person("reader")).items
    ]


def test_returns_come_newest_first_in_pages_that_add_up(
    world: World, five_returns: list[ReturnRequest]
) -> None:
    newest_first = [r.number for r in reversed(five_returns)]
    pages = [
        queries.list_returns(
            world.app.uow(), ReturnFilter(), limit=2, offset=o, by=person("reader")
        )
        for o in (0, 2, 4)
    ]
    assert [p.total for p in pages] == [5, 5, 5]
    assert [r.number for p in pages for r in p.items] == newest_first
    assert (
        queries.list_returns(world.app.uow(), ReturnFilter(), offset=10, by=person("reader")).items
        == []
    )


def test_returns_are_filtered_by_what_a_manager_asks(
    world: World, five_returns: list[ReturnRequest]
) -> None:
    first, sofa, mixed, late, lease = (r.number for r in five_returns)
    assert numbers(ReturnFilter(state=ReturnState.REJECTED), world) == [late]
    assert numbers(ReturnFilter(reason=Reason.WRONG_ITEM), world) == [mixed]
    assert numbers(ReturnFilter(reason=Reason.END_OF_LEASE), world) == [lease]
    assert numbers(ReturnFilter(customer_code="C-JONAS"), world) == [sofa]
    assert numbers(ReturnFilter(country="DE"), world) == [sofa]
    assert numbers(ReturnFilter(category="laptop"), world) == [lease, mixed, first]
    assert numbers(ReturnFilter(category="laptop", reason=Reason.WITHDRAWAL), world) == [
        mixed,
        first,
    ]
    assert numbers(ReturnFilter(search="web-"), world) == [mixed, first]
    assert numbers(ReturnFilter(search=sofa[-3:]), world) == [sofa]
    window = ReturnFilter(
        requested_from=world.now - timedelta(days=3, hours=1),
        requested_to=world.now - timedelta(hours=12),
    )
    assert numbers(window, world) == [late, mixed, sofa]
    page = queries.list_returns(
        world.app.uow(), ReturnFilter(category="laptop"), limit=1, by=person("reader")
    )
    assert (page.total, [r.number for r in page.items]) == (3, [lease])


def test_units_are_filtered_and_paged(world: World) -> None:
    ask(world, line("LAP-14", serial="SN-1"), line("TEE-M", quantity=2))
    lap = scan(world, gs1(world.laptop, "SN-1")).unit.lpn
    tee1 = scan(world, gs1(world.tshirt)).unit.lpn
    tee2 = scan(world, gs1(world.tshirt)).unit.lpn
    stray = scan(world, gs1(world.sofa)).unit.lpn  # nobody expects it: quarantined
    stock.ship_unit(world.app.uow(), tee2, to_site="HUB-DE", by=person("bob"))

    def lpns(**flt: object) -> list[str]:
        got = queries.list_units(world.app.uow(), UnitFilter(**flt), by=person("reader"))  # type: ignore[arg-type]
        return [u.lpn for u in got.items]

    assert lpns() == [lap, tee1, tee2, stray]
    assert lpns(states=frozenset({UnitState.QUARANTINED})) == [stray]
    assert lpns(site_code="HUB-DE") == [tee2]
    assert lpns(location_code="HUB-FR:receiving") == [lap, tee1]
    assert lpns(sku="TEE-M") == [tee1, tee2]
    assert lpns(category="sofa") == [stray]
    rma = queries.list_returns(world.app.uow(), ReturnFilter(), by=person("reader")).items[0].number
    assert lpns(rma_number=rma) == [lap, tee1, tee2]
    assert lpns(in_stock=True) == [lap, tee1, tee2, stray]
    assert lpns(in_stock=False) == []
    second = queries.list_units(
        world.app.uow(), UnitFilter(), limit=3, offset=3, by=person("reader")
    )
    assert (second.total, [u.lpn for u in second.items]) == (4, [stray])


def test_states_are_counted_for_the_dashboard(world: World) -> None:
    ask(world, line("TEE-M"))
    scan(world, gs1(world.tshirt))
    scan(world, gs1(world.sofa))
    with world.app.uow() as uow:
        assert uow.units.count_by_state() == {"received": 1, "quarantined": 1}


def test_a_manager_decides_a_return_left_for_review(world: World) -> None:
    rma = ask(world, line("LAP-14", reason=Reason.OTHER))
    assert rma.state is ReturnState.REQUESTED
    assert rma.decision_reason.startswith("needs review: line 1: reason 'other'")
    done = returns.authorise_return(
        world.app.uow(), rma.number, by=person("anna"), reason="goodwill", destination_site="HUB-DE"
    )
    assert (done.state, done.destination_site) == (ReturnState.AUTHORISED, "HUB-DE")
    assert numbers(ReturnFilter(state=ReturnState.AUTHORISED), world) == [rma.number]
