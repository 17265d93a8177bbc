"""Clients of a logistics provider, on SQLite and PostgreSQL: every unit stays with its
client, bad client references are refused leaving the data unchanged, and every list
filters by client in the database."""

from __future__ import annotations

from dataclasses import replace

import pytest

from revalo.domain.clients import Client
from revalo.domain.errors import AlreadyExists, Conflict, NotAllowed, NotFound
from revalo.services import catalog, clients, queries, receiving, returns, stock
from revalo.services.ports import ReturnFilter, UnitFilter
from tests.conftest import World, gtin
from tests.integration.flows import gs1, line, scan, snapshot
from tests.people import person

A, B = "VELO-NORD", "CASA-SUD"


@pytest.fixture
def owned(world: World) -> World:
    """Two clients: the drill is A's product, the sofa B's; laptops and T-shirts are the
    provider's catalogue, returned by anyone."""
    u = world.app.uow
    clients.add_client(u(), Client(A, "Vélo Nord"), by=person("operator"))
    clients.add_client(u(), Client(B, "Casa Sud"), by=person("operator"))
    catalog.give_product_to_client(u(), "DRILL-18", A, by=person("operator"))
    catalog.give_product_to_client(u(), "sofa-3", B.lower(), by=person("operator"))
    return world


def ask(world: World, client: str | None, *lines: returns.LineRequest) -> str:
    rma = returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code="C-ANNE",
        lines=list(lines),
        delivered_at=world.now,
        by=person("portal"),
        requested_at=world.now,
        client_code=client,
    )
    return rma.number


def test_clients_are_added_listed_and_deactivated(owned: World) -> None:
    u = owned.app.uow
    assert [c.code for c in clients.list_clients(u())] == [B, A]
    with pytest.raises(AlreadyExists, match="client VELO-NORD exists already"):
        clients.add_client(u(), Client(A, "Another"), by=person("operator"))
    clients.deactivate_client(u(), A, by=person("operator"))
    assert [c.code for c in clients.list_clients(u(), active=True)] == [B]
    assert clients.get_client(u(), "velo-nord").active is False
    with pytest.raises(NotFound, match="no client 'NOBODY'"):
        clients.get_client(u(), "NOBODY")


def test_a_unit_takes_its_client_from_its_return_or_else_its_product(owned: World) -> None:
    number = ask(owned, A, line("LAP-14"))
    assert (
        queries.return_with_units(owned.app.uow(), number, by=person("reader"))[0].client_code == A
    )
    unit = scan(owned, gs1(owned.laptop, "SN-1")).unit
    assert unit is not None and (unit.rma_number, unit.client_code) == (number, A)
    # No return expects this sofa: it is quarantined, and its product's client's.
    sofa = scan(owned, gs1(owned.sofa)).unit
    assert sofa is not None and sofa.quarantine_reason and sofa.client_code == B
    # An unknown product: nobody's yet.
    stranger = scan(owned, f"]d2010{gtin('370000009999')}21X").unit
    assert stranger is not None and stranger.client_code is None


def test_an_unidentified_item_takes_its_products_client_once_named(owned: World) -> None:
    u = owned.app.uow
    out = receiving.quarantine_unidentified(
        u(), site_code="HUB-FR", description="a drill in a bag", by=person("bob")
    )
    assert out.unit is not None and out.unit.client_code is None
    unit = receiving.release_unit(u(), out.unit.lpn, by=person("bob"), reason="is", sku="DRILL-18")
    assert unit.client_code == A


def test_a_return_naming_another_clients_product_is_refused_and_nothing_written(
    owned: World,
) -> None:
    before = snapshot(owned.app)
    with pytest.raises(Conflict) as err:
        ask(owned, A, line("LAP-14"), line("SOFA-3"))
    assert "line 2: the return belongs to client VELO-NORD" in err.value.message
    assert "product SOFA-3 belongs to client CASA-SUD" in err.value.message
    with pytest.raises(Conflict, match="the provider's own goods, but product DRILL-18"):
        ask(owned, None, line("DRILL-18"))
    with pytest.raises(NotFound, match="no client 'NOBODY'"):
        ask(owned, "NOBODY", line("LAP-14"))
    clients.deactivate_client(owned.app.uow(), B, by=person("operator"))
    after_deactivation = snapshot(owned.app)
    with pytest.raises(NotAllowed, match="client CASA-SUD is inactive"):
        ask(owned, B, line("SOFA-3"))
    assert snapshot(owned.app) == after_deactivation
    assert before["return_requests"] == after_deactivation["return_requests"] == []


def test_receiving_another_clients_product_on_a_return_is_refused(owned: World) -> None:
    number = ask(owned, A, line("TEE-M"))
    # The T-shirt became B's after A's return was made.
    catalog.give_product_to_client(owned.app.uow(), "TEE-M", B, by=person("operator"))
    before = snapshot(owned.app)
    with pytest.raises(Conflict) as err:
        scan(owned, gs1(owned.tshirt), rma_number=number)
    assert f"return {number} belongs to client VELO-NORD" in err.value.message
    assert "product TEE-M belongs to client CASA-SUD" in err.value.message
    assert snapshot(owned.app) == before


def test_a_products_client_is_not_changed_to_another(owned: World) -> None:
    with pytest.raises(Conflict, match="product SOFA-3 belongs to client CASA-SUD"):
        catalog.give_product_to_client(owned.app.uow(), "SOFA-3", A, by=person("operator"))
    added = catalog.add_product(
        owned.app.uow(),
        # Like the drill of the world, but another product, of client A.
        replace(owned.drill, sku="DRILL-20", gtin=gtin("370000000060"), client_code="velo-nord"),
        by=person("operator"),
    )
    assert added.client_code == A
    with pytest.raises(NotFound, match="no client 'NOBODY'"):
        catalog.give_product_to_client(owned.app.uow(), "LAP-14", "NOBODY", by=person("operator"))


def test_lists_filter_by_client(owned: World) -> None:
    u = owned.app.uow
    a = ask(owned, A, line("LAP-14"), line("DRILL-18"))
    b = ask(owned, B, line("SOFA-3"))
    own = ask(owned, None, line("TEE-M"))
    for raw in (gs1(owned.laptop, "SN-A"), gs1(owned.drill), gs1(owned.sofa), gs1(owned.tshirt)):
        scan(owned, raw)

    def rmas(client: str | None) -> set[str]:
        return {
            r.number
            for r in queries.list_returns(
                u(), ReturnFilter(client_code=client), by=person("reader")
            ).items
        }

    assert (rmas(A), rmas(B), rmas(None)) == ({a}, {b}, {a, b, own})

    def units(client: str | None, **flt: object) -> list[str | None]:
        page = queries.list_units(u(), UnitFilter(client_code=client, **flt), by=person("reader"))  # type: ignore[arg-type]
        return sorted(x.sku or "" for x in page.items)

    assert units(A) == ["DRILL-18", "LAP-14"]
    assert units(B) == ["SOFA-3"]
    assert units(A, sku="LAP-14") == ["LAP-14"]
    assert len(units(None)) == 4
    products = queries.list_products(u(), client_code=A).items
    assert [p.sku for p in products] == ["DRILL-18"]
    assert sum(stock.stock_balances(u(), client_code=A).values()) == 2
    assert sum(stock.stock_balances(u()).values()) == 4
    with pytest.raises(NotFound, match="no client 'NOBODY'"):
        queries.list_units(u(), UnitFilter(client_code="NOBODY"), by=person("reader"))
    with pytest.raises(NotFound, match="no client 'NOBODY'"):
        queries.list_returns(u(), ReturnFilter(client_code="NOBODY"), by=person("reader"))


def test_the_filter_is_a_where_clause_of_the_query(owned: World) -> None:
    """The list asks the database for one client's units: a page of them is a page, and
    its total counts them only."""
    for i in range(3):
        ask(owned, A, line("LAP-14", serial=f"A{i}"))
        ask(owned, B, line("LAP-14", serial=f"B{i}"))
    for i in range(3):
        scan(owned, gs1(owned.laptop, f"B{i}"))
        scan(owned, gs1(owned.laptop, f"A{i}"))
    page = queries.list_units(
        owned.app.uow(), UnitFilter(client_code=A), limit=2, offset=0, by=person("reader")
    )
    assert page.total == 3 and [x.serial for x in page.items] == ["A0", "A1"]
    assert all(x.client_code == A for x in page.items)
