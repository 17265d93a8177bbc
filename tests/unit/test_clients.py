"""Clients of a logistics provider: a unit takes its client when it is received and never
changes owner after; a return of one client never receives another client's product."""

from __future__ import annotations

import inspect

import pytest

from revalo.domain.clients import (
    Client,
    ensure_same_owner,
    owner_of_received,
    owner_when_identified,
)
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import Conflict, InvalidValue, NotAllowed
from revalo.domain.units import ReturnedUnit
from revalo.domain.values import format_lpn
from tests.unit.domain_world import HUB, LAPTOP, NOW, RECYCLER, decide, inspection, later


def test_a_client_has_a_checked_code_and_a_name() -> None:
    client = Client(" velo-nord ", "  Vélo Nord  ")
    assert (client.code, client.name, client.active) == ("VELO-NORD", "Vélo Nord", True)
    with pytest.raises(InvalidValue, match="client code 'x'"):
        Client("x", "Too short")
    with pytest.raises(InvalidValue, match="needs a name"):
        Client("VELO", "  ")


def test_an_inactive_client_takes_nothing_new() -> None:
    client = Client("VELO", "Vélo Nord")
    client.ensure_active()
    client.deactivate()
    with pytest.raises(NotAllowed, match="client VELO is inactive"):
        client.ensure_active()


def test_a_unit_takes_its_client_from_its_return_or_else_from_its_product() -> None:
    assert owner_of_received(rma_number="RMA1", return_client="A", sku="S", product_client="A")
    assert owner_of_received(rma_number="RMA1", return_client="A", sku="S", product_client=None)
    # An item no return expects is its product's client's.
    assert (
        owner_of_received(rma_number=None, return_client=None, sku="S", product_client="B") == "B"
    )
    assert (
        owner_of_received(rma_number=None, return_client=None, sku=None, product_client=None)
        is None
    )


def test_a_return_of_one_client_never_receives_another_clients_product() -> None:
    with pytest.raises(Conflict) as err:
        owner_of_received(rma_number="RMA7", return_client="A", sku="LAP-14", product_client="B")
    assert "return RMA7 belongs to client A" in err.value.message
    assert "product LAP-14 belongs to client B" in err.value.message
    # Nor the provider's own return a client's product.
    with pytest.raises(Conflict, match="belongs to the provider's own goods, but product"):
        ensure_same_owner(the_return="return RMA8", return_client=None, sku="S", product_client="B")


def _received_for(client: str | None, *, on_return: bool = True) -> ReturnedUnit:
    unit, _ = ReturnedUnit.receive(
        id=1,
        lpn=format_lpn(1),
        site=HUB,
        at=NOW,
        actor="bob",
        sku=LAPTOP.sku,
        gtin=LAPTOP.gtin,
        rma_number="RMA00000001" if on_return else None,
        client_code=client,
    )
    return unit


def test_no_step_of_a_units_life_changes_its_client() -> None:
    unit = _received_for("A")
    unit.quarantine(reason="dented box", at=later(1), actor="bob")
    unit.release(at=later(2), actor="bob", reason="ok", sku=LAPTOP.sku, product_client=None)
    assert unit.client_code == "A"
    unit.record_inspection(inspection(1))
    decide(unit, DispositionRoute.RECYCLE, RECYCLER)
    assert unit.client_code == "A"
    # No step is told of a client at all (the release is told the product's, to check it).
    for name, method in inspect.getmembers(ReturnedUnit, inspect.isfunction):
        if name.startswith("__"):
            continue
        params = inspect.signature(method).parameters
        assert "client_code" not in params, f"ReturnedUnit.{name} takes a client"


def test_identifying_a_unit_as_another_clients_product_is_refused() -> None:
    unit = _received_for("A")
    unit.quarantine(reason="wrong label", at=later(1), actor="bob")
    with pytest.raises(Conflict) as err:
        unit.release(at=later(2), actor="bob", reason="is", sku="DRILL-18", product_client="B")
    assert "unit LPN000000001 belongs to client A" in err.value.message
    assert "product DRILL-18 belongs to client B" in err.value.message
    assert (unit.client_code, unit.sku, unit.state.value) == ("A", LAPTOP.sku, "quarantined")


def test_an_item_nobody_owned_takes_the_client_of_the_product_it_is_found_to_be() -> None:
    assert (
        owner_when_identified(
            lpn="LPN1", unit_client=None, on_return=False, sku="S", product_client="B"
        )
        == "B"
    )
    # A unit of the provider's own return stays the provider's.
    with pytest.raises(Conflict, match="belongs to the provider's own goods"):
        owner_when_identified(
            lpn="LPN1", unit_client=None, on_return=True, sku="S", product_client="B"
        )
