"""Imports while other people write: the same file imported twice at once, an import while
returns are asked and units scanned. On SQLite and PostgreSQL, threads released together
(as in test_concurrency.py), then the whole database checked with the ledger's invariants."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from revalo.adapters import orm
from revalo.domain.errors import AlreadyExists
from revalo.domain.returns import ReturnState
from revalo.services import imports
from revalo.services.imports import ImportSummary
from revalo.services.receiving import ReceiveOutcome
from tests.conftest import World
from tests.integration.flows import ask, gs1, line
from tests.integration.test_concurrency import count, no_violations, outcomes, scan, together
from tests.integration.test_import_writes import a_varied_file, checked
from tests.people import person


def order_refs_twice(world: World) -> list[str]:
    r = orm.return_requests.c
    stmt = sa.select(r.order_ref).group_by(r.order_ref).having(sa.func.count() > 1)
    with world.app.engine.connect() as conn:
        return list(conn.scalars(stmt))


def returns_count(world: World) -> int:
    return count(world, sa.select(sa.func.count()).select_from(orm.return_requests))


def test_one_file_imported_four_times_at_once_is_imported_once(world: World) -> None:
    text = a_varied_file(world, 50, client="")
    # Each import checked its copy before any of them wrote: all four find every order new.
    files = [checked(world, text) for _ in range(4)]
    app = world.app

    def run(i: int) -> ImportSummary:
        return imports.import_returns(app.uow(), app.policy, files[i], by=person(f"tt-{i}"))

    results = together(4, run)
    done = [r for r in results if isinstance(r, ImportSummary)]
    refused = [r for r in results if not isinstance(r, ImportSummary)]
    assert len(done) == 1 and done[0].committed and done[0].returns == 50
    assert len(refused) == 3
    assert all(isinstance(r, AlreadyExists) and "imported meanwhile" in str(r) for r in refused)
    assert returns_count(world) == 50
    assert order_refs_twice(world) == []
    no_violations(world)


def test_an_import_while_returns_are_asked_and_units_scanned_stays_exact(world: World) -> None:
    waiting = ask(world, line("DRILL-18", quantity=7))
    assert waiting.state is ReturnState.AUTHORISED
    file = checked(world, a_varied_file(world, 300, client=""))
    app = world.app

    def run(i: int) -> Any:
        if i == 0:
            return imports.import_returns(app.uow(), app.policy, file, by=person("tt"))
        # The others each ask for two returns and scan one drill of the waiting return.
        asked = [ask(world, line("TEE-M"), order_ref=f"WEB-{i}-{k}").number for k in range(2)]
        return asked, scan(world, gs1(world.drill, f"SN-D{i}"), f"handler-{i}")

    results = outcomes(together(8, run))
    summary, others = results[0], results[1:]
    assert isinstance(summary, ImportSummary) and summary.committed
    assert summary.returns == len(file.returns) == 300
    asked = [number for numbers, _ in others for number in numbers]
    scans: list[ReceiveOutcome] = [outcome for _, outcome in others]
    assert all(o.rma_number == waiting.number for o in scans)
    # Every return has a number of its own: the file's, the 14 asked meanwhile, the first.
    r = orm.return_requests.c
    with app.engine.connect() as conn:
        numbers = list(conn.scalars(sa.select(r.number)))
    assert len(numbers) == len(set(numbers)) == 300 + len(asked) + 1
    assert set(asked) <= set(numbers)
    assert order_refs_twice(world) == []
    no_violations(world)
