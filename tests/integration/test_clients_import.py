"""Importing returns with a ``client`` column: each order is its client's, and a row naming
an unknown or inactive client, or another client's product, stops the import naming its
line, with nothing imported."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from revalo.domain.clients import Client
from revalo.services import catalog, clients, imports, queries
from revalo.services.imports import CheckResult
from revalo.services.ports import ReturnFilter
from tests.conftest import World
from tests.integration.flows import snapshot
from tests.people import person

HEADER = "order_ref,customer_code,delivered_at,sku,quantity,reason,client"
NOW = datetime(2025, 3, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def owned(world: World) -> World:
    clients.add_client(world.app.uow(), Client("VELO-NORD", "Vélo Nord"), by=person("operator"))
    clients.add_client(world.app.uow(), Client("CASA-SUD", "Casa Sud"), by=person("operator"))
    catalog.give_product_to_client(world.app.uow(), "SOFA-3", "CASA-SUD", by=person("operator"))
    return world


def check(world: World, *rows: str) -> CheckResult:
    text = "\n".join([HEADER, *rows]) + "\n"
    return imports.check_returns(world.app.uow(), io.StringIO(text, newline=""), now=NOW)


def test_each_order_is_imported_as_its_clients(owned: World) -> None:
    checked = check(
        owned,
        "ORD-1,C-ANNE,2025-03-10,LAP-14,1,withdrawal,velo-nord",
        "ORD-1,C-ANNE,2025-03-10,TEE-M,1,withdrawal,VELO-NORD",
        "ORD-2,C-ANNE,2025-03-10,SOFA-3,1,withdrawal,CASA-SUD",
        "ORD-3,C-ANNE,2025-03-10,LAP-14,1,withdrawal,",
    )
    assert checked.ok, checked.errors
    app = owned.app
    summary = imports.import_returns(app.uow(), app.policy, checked, by=person("tt"))
    assert summary.committed and summary.returns == 3
    found = queries.list_returns(app.uow(), ReturnFilter(), by=person("reader")).items
    assert {r.order_ref: r.client_code for r in found} == {
        "ORD-1": "VELO-NORD",
        "ORD-2": "CASA-SUD",
        "ORD-3": None,
    }


def test_bad_client_references_are_reported_by_line_and_nothing_is_imported(
    owned: World,
) -> None:
    clients.deactivate_client(owned.app.uow(), "VELO-NORD", by=person("operator"))
    before = snapshot(owned.app)
    checked = check(
        owned,
        "ORD-1,C-ANNE,2025-03-10,LAP-14,1,withdrawal,NOBODY",
        "ORD-2,C-ANNE,2025-03-10,LAP-14,1,withdrawal,VELO-NORD",
        "ORD-3,C-ANNE,2025-03-10,SOFA-3,1,withdrawal,",
        "ORD-4,C-ANNE,2025-03-10,LAP-14,1,withdrawal,CASA-SUD",
        "ORD-4,C-ANNE,2025-03-10,TEE-M,1,withdrawal,",
        "ORD-5,C-ANNE,2025-03-10,LAP-14,1,withdrawal,CASA-SUD",
    )
    got = [(e.line, e.column, e.message) for e in checked.errors]
    assert got == [
        (2, "client", "no client with code 'NOBODY'"),
        (3, "client", "client VELO-NORD is inactive"),
        (4, "sku", "product SOFA-3 belongs to client CASA-SUD, not to the provider's own goods"),
        (6, "client", "client differs from line 5 of order 'ORD-4'"),
    ]
    with pytest.raises(imports.InvalidValue, match="nothing is imported"):
        imports.import_returns(owned.app.uow(), owned.app.policy, checked, by=person("tt"))
    assert snapshot(owned.app) == before


def test_a_file_without_the_client_column_is_the_providers_own(owned: World) -> None:
    text = "order_ref,customer_code,delivered_at,sku,quantity,reason\n"
    text += "ORD-9,C-ANNE,2025-03-10,LAP-14,1,withdrawal\n"
    checked = imports.check_returns(owned.app.uow(), io.StringIO(text, newline=""), now=NOW)
    assert checked.ok
    imports.import_returns(owned.app.uow(), owned.app.policy, checked, by=person("tt"))
    (rma,) = queries.list_returns(owned.app.uow(), ReturnFilter(), by=person("reader")).items
    assert rma.client_code is None
