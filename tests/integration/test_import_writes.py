"""What an import writes: exactly the rows ``request_return`` writes for the same requests,
in a few statements whatever the file's size, and nothing when what the check read changed
before the write. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from revalo.adapters.counters import BLOCK
from revalo.bootstrap import App
from revalo.domain.catalog import Site, SiteKind
from revalo.domain.clients import Client
from revalo.domain.errors import AlreadyExists, Conflict
from revalo.domain.policy import LineContext, PolicyDecision, ReturnPolicy
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.services import catalog, clients, imports, returns
from revalo.services.imports import CheckResult
from tests.conftest import World
from tests.integration.flows import snapshot, statements
from tests.people import person

HEADER = ["order_ref", "customer_code", "delivered_at", "requested_at", "sku", "quantity"]
HEADER += ["reason", "serial", "comment", "client"]
COMMENTS = ["", "scratched, see photos", 'says "broken"\non two lines']


def a_varied_file(
    world: World, orders: int, *, seed: int = 7, prefix: str = "ORD", client: str = "VELO-NORD"
) -> str:
    """Orders of one to three lines from the world's three customers and four products,
    every reason, delivered from a day to two years ago or on an unknown day, asked at a
    given time or at the import's; some with serials and comments, some of ``client`` (its
    drills; none when ""), seeded. Every fifth order is a late withdrawal, which the policy
    rejects."""
    rnd = random.Random(seed)
    out = io.StringIO(newline="")
    rows = csv.writer(out)
    rows.writerow(HEADER)
    for k in range(orders):
        late = k % 5 == 1
        customer = "C-ANNE" if late else rnd.choice(["C-ANNE", "C-JONAS", "B-ACME"])
        days = 30 if late else rnd.choice([1, 3, 13, 14, 15, 30, 400, 800, None])
        delivered = "" if days is None else (world.now - timedelta(days=days)).date().isoformat()
        hours = rnd.choice([None, 1, 20])
        requested = "" if hours is None else (world.now - timedelta(hours=hours)).isoformat()
        owner = client if k % 7 == 0 else ""
        for j in range(1 if late else rnd.randint(1, 3)):
            sku = "DRILL-18" if owner else rnd.choice(["LAP-14", "SOFA-3", "TEE-M"])
            serial = f"SN-{k}-{j}" if rnd.random() < 0.4 else ""
            quantity = 1 if serial else rnd.randint(1, 3)
            reason = "withdrawal" if late else rnd.choice(list(ReturnReason)).value
            comment = rnd.choice(COMMENTS)
            head = [f"{prefix}-{k}", customer, delivered, requested, sku, quantity, reason]
            rows.writerow([*head, serial, comment, owner])
    return out.getvalue()


def checked(world: World, text: str) -> CheckResult:
    result = imports.check_returns(world.app.uow(), io.StringIO(text, newline=""), now=world.now)
    assert result.ok, result.errors[:3]
    return result


@pytest.fixture
def owned(world: World) -> World:
    """The world with a client whose drills are its own."""
    clients.add_client(world.app.uow(), Client("VELO-NORD", "Vélo Nord"), by=person("operator"))
    catalog.give_product_to_client(world.app.uow(), "DRILL-18", "VELO-NORD", by=person("operator"))
    return world


def forget_returns(app: App) -> None:
    """Back to before the first return: no return, no line, the numbering from 1."""
    with app.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("DELETE FROM return_lines")
            conn.exec_driver_sql("DELETE FROM return_requests")
            conn.exec_driver_sql("DELETE FROM sequences WHERE name = 'rma'")
        else:
            # What refers to the returns (refund cases, the portal's records...) goes with
            # them: none of it in this test.
            conn.exec_driver_sql(
                "TRUNCATE refunds, refund_cases, return_lines, return_requests RESTART IDENTITY "
                "CASCADE"
            )
            conn.exec_driver_sql("ALTER SEQUENCE counter_rma RESTART WITH 1")


def test_an_import_stores_exactly_what_request_return_stores(owned: World) -> None:
    app, file = owned.app, checked(owned, a_varied_file(owned, 60))
    summary = imports.import_returns(app.uow(), app.policy, file, by=person("tt"))
    assert summary.committed and summary.returns == 60
    # The file takes every way through the policy, to both hubs.
    assert set(summary.by_state) == {
        ReturnState.AUTHORISED,
        ReturnState.REJECTED,
        ReturnState.REQUESTED,
    }
    with app.engine.connect() as conn:
        hubs = set(conn.scalars(sa.text("SELECT destination_site FROM return_requests")))
    assert hubs == {"HUB-FR", "HUB-DE", None}
    imported = snapshot(app)

    # The same requests, one at a time through the use case of the API.
    forget_returns(app)
    for plan in file.returns:
        returns.request_return(
            app.uow(),
            app.policy,
            customer_code=plan.customer_code,
            lines=plan.lines,
            delivered_at=plan.delivered_at,
            requested_at=plan.requested_at,
            order_ref=plan.order_ref,
            by=person("tt"),
            client_code=plan.client_code,
        )
    one_by_one = snapshot(app)
    # Every table: the returns, their lines, the numbering, and nothing else written by
    # either way (no event, no audit entry). The counter row of the one-by-one way may be
    # ahead by what is left of the last block of numbers its process took (the numbers the
    # returns carry are the same).
    assert set(one_by_one) == set(imported)
    for table, rows in one_by_one.items():
        if table == "sequences":
            for (name, taken), (same, ahead) in zip(imported[table], rows, strict=True):
                assert name == same and taken <= ahead < taken + BLOCK, (name, taken, ahead)
            continue
        assert imported[table] == rows, table


# -- statements -------------------------------------------------------------------------------
def import_counted(world: World, orders: int) -> tuple[int, int]:
    """The statements checking, then importing, a file of that many orders take."""
    app = world.app
    text = a_varied_file(world, orders, seed=orders, prefix=f"N{orders}")
    with statements(app) as checking:
        file = checked(world, text)
    with statements(app) as writing:
        summary = imports.import_returns(app.uow(), app.policy, file, by=person("tt"))
    assert summary.returns == orders
    return len(checking), len(writing)


def test_an_import_takes_a_few_statements_whatever_its_size(owned: World) -> None:
    small = import_counted(owned, 5)
    big = import_counted(owned, 400)  # about 800 lines
    assert big == small
    check, write = big
    assert check <= 8 and write <= 12, big


# -- what the check read, changed before the write --------------------------------------------
def test_a_product_given_to_a_client_after_the_check_stops_the_import(owned: World) -> None:
    app = owned.app
    file = checked(owned, a_varied_file(owned, 20))
    before = snapshot(app)
    catalog.give_product_to_client(app.uow(), "TEE-M", "VELO-NORD", by=person("operator"))
    with pytest.raises(Conflict, match="product TEE-M changed while the file was checked"):
        imports.import_returns(app.uow(), app.policy, file, by=person("tt"))
    after = snapshot(app)
    assert after["return_requests"] == before["return_requests"] == []
    assert after["return_lines"] == [] and after["sequences"] == before["sequences"]


def test_a_hub_opened_or_a_client_stopped_after_the_check_stops_the_import(owned: World) -> None:
    app = owned.app
    file = checked(owned, a_varied_file(owned, 20))
    hub = Site("HUB-BE", "Hub Liège", SiteKind.RETURNS_HUB, "BE", "Liège", 50.63, 5.57)
    catalog.add_site(app.uow(), hub, by=person("operator"))
    with pytest.raises(Conflict, match="returns hub HUB-BE changed"):
        imports.import_returns(app.uow(), app.policy, file, by=person("tt"))
    file = checked(owned, a_varied_file(owned, 20))  # checked again, with the new hub
    clients.deactivate_client(app.uow(), "VELO-NORD", by=person("operator"))
    with pytest.raises(Conflict, match="client VELO-NORD changed"):
        imports.import_returns(app.uow(), app.policy, file, by=person("tt"))
    with app.engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM return_requests")) == 0


@dataclass(frozen=True)
class PolicyMeanwhile(ReturnPolicy):
    """The default policy, which calls ``meanwhile`` before each decision: what other
    people do while an import's policy works."""

    meanwhile: Callable[[], object] = lambda: None

    def decide(self, lines: Iterable[LineContext], **kw: Any) -> PolicyDecision:
        self.meanwhile()
        return super().decide(lines, **kw)


def test_an_order_requested_while_the_policy_decides_stops_the_import(owned: World) -> None:
    """The policy decides with no write transaction open: a request made meanwhile is
    written at once (on SQLite it would wait for the import's write lock, and fail), and
    the import's write then finds the order it names taken."""
    app, file = owned.app, checked(owned, a_varied_file(owned, 20))
    asked: list[str] = []

    def meanwhile() -> None:
        if not asked:
            rma = returns.request_return(
                app.uow(),
                app.policy,
                customer_code="C-ANNE",
                lines=[returns.LineRequest("TEE-M", 1, ReturnReason.DEFECTIVE)],
                delivered_at=None,
                by=person("portal"),
                order_ref="ORD-3",
            )
            asked.append(rma.number)

    with pytest.raises(AlreadyExists, match="order_ref imported meanwhile: ORD-3"):
        imports.import_returns(
            app.uow(), PolicyMeanwhile(meanwhile=meanwhile), file, by=person("tt")
        )
    with app.engine.connect() as conn:
        stored = list(conn.execute(sa.text("SELECT number, order_ref FROM return_requests")))
    assert [tuple(r) for r in stored] == [(asked[0], "ORD-3")]
