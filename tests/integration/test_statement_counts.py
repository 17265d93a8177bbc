"""The main use cases cost a fixed number of SQL statements, whatever the size of what they
handle: a return of ten lines or a parcel of ten items is stored with as many statements as
one of a single line, so that a regression to one query per line or per unit (N+1) fails
here. Counted on SQLite and PostgreSQL, from the driver's own cursor calls."""

from __future__ import annotations

from collections.abc import Callable

from revalo.domain.disposition import DispositionRoute
from revalo.services import queries, stock
from revalo.services.ports import UnitFilter
from tests.conftest import World
from tests.integration.flows import (
    ask,
    decide,
    expected_unit,
    grade,
    gs1,
    line,
    scan,
    statements,
)
from tests.people import person


def numbering(statement: str) -> bool:
    """A statement that takes a block of numbers (tests/integration/test_counters.py): one
    per block of up to 32 units, returns or consignments, not one per use case."""
    return "INTO sequences" in statement or "nextval(" in statement


#: What a write transaction adds for the cost ledger (adapters/cost_ledger.py): it takes
#: the units its changes marked (one statement), and writes their lines again (two more,
#: whatever their number, when a unit's records changed).
MARKS, LINES = 1, 2


def without_numbering(seen: list[str]) -> list[str]:
    return [q for q in seen if not numbering(q)]


def cost(world: World, use_case: Callable[[], object]) -> int:
    with statements(world.app) as seen:
        use_case()
    return len(without_numbering(seen))


def test_a_return_costs_the_same_statements_for_one_line_or_ten(world: World) -> None:
    ask(world, line("TEE-M"))  # the counters and caches exist
    with statements(world.app) as seen_one:
        ask(world, line("TEE-M"))
    with statements(world.app) as seen_ten:
        ask(world, *[line("TEE-M") for _ in range(10)])
    one, ten = without_numbering(seen_one), without_numbering(seen_ten)
    # 8, of which one finds the hub of the customer's region in the routing in force.
    assert len(one) <= 8 + MARKS
    if world.app.engine.dialect.name == "postgresql":
        assert len(ten) == len(one)
    else:
        # SQLite cannot return the ids of many inserted rows in their order, so the ORM
        # inserts one line at a time (SQLAlchemy's documented fallback); nothing else grows.
        line_inserts = [q for q in ten if q.startswith("INSERT INTO return_lines")]
        assert len(line_inserts) == 10
        assert len(ten) - len(line_inserts) == len(one) - 1


def test_receiving_a_unit_costs_a_fixed_number_of_statements(world: World) -> None:
    expected_unit(world, world.sofa, "SN-0")
    ask(world, line(world.laptop.sku, serial="SN-1"))
    first = cost(world, lambda: scan(world, gs1(world.laptop, "SN-1")))
    # 15, of which 6 inserts and 3 updates (and now and then one that numbers a block); 2
    # more when the scan completes the return: its refund case (the goods' receipt starts
    # the refund's deadline) and its customer (the e-mail written to the outbox).
    assert first <= 17 + MARKS + LINES
    # The tenth item of a ten-item return costs what the first one did, or less (its
    # parcel is booked already).
    ask(world, line(world.tshirt.sku, quantity=10))
    costs = [cost(world, lambda: scan(world, gs1(world.tshirt))) for _ in range(10)]
    assert max(costs[1:-1]) <= costs[0] <= first
    # The last one completes the return: it reads its refund case and its customer, and
    # writes the e-mail that says the return was received.
    assert costs[-1] <= costs[1] + 3
    # The same unit scanned again only reads.
    again = cost(world, lambda: scan(world, gs1(world.laptop, "SN-1")))
    assert again <= 3 + MARKS


def test_moving_grading_and_deciding_cost_a_fixed_number_of_statements(world: World) -> None:
    lpns = [expected_unit(world, world.laptop, f"SN-{i}") for i in range(3)]

    def move(lpn: str) -> None:
        stock.move_unit(
            world.app.uow(),
            lpn,
            from_location="HUB-FR:receiving",
            to_location="HUB-FR:inspection",
            by=person("bob"),
            reason="",
        )

    assert cost(world, lambda: move(lpns[0])) <= 6 + MARKS + LINES
    # Grading asks once whether the site has bins (none here): a put-away task when it has.
    assert cost(world, lambda: grade(world, lpns[0])) <= 7 + MARKS + LINES
    decided = cost(world, lambda: decide(world, lpns[0], DispositionRoute.REPAIR, "REP-FR"))
    assert decided <= 14 + MARKS + LINES


def test_a_page_of_units_costs_the_same_for_five_units_or_fifty(world: World) -> None:
    for i in range(50):
        expected_unit(world, world.laptop, f"SN-{i}")

    def page(limit: int) -> None:
        found = queries.list_units(world.app.uow(), UnitFilter(), limit=limit, by=person("reader"))
        assert len(found.items) == limit

    assert cost(world, lambda: page(50)) == cost(world, lambda: page(5))
