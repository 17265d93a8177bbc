"""Random sequences of use cases through the services on SQLite and PostgreSQL, with the
ledger invariants checked against the database after every step:

- every unit in the parallel stock is in exactly one place: its last move ends where it is;
- the balances summed from the moves in the database equal the units counted per location;
- a refused use case (a move from the wrong place...) changes nothing;
- nothing is lost: units received = units in stock + units that left;
- at the end, the promises checked in SQL over the whole database (adapters/invariants.py).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from revalo.adapters.barcodes import parse_scan
from revalo.adapters.db import sqlite_url
from revalo.adapters.invariants import check_database
from revalo.bootstrap import App, bootstrap
from revalo.domain.catalog import LocationKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import DomainError, LedgerError, NotAllowed
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade
from revalo.domain.returns import ReturnReason
from revalo.domain.units import ReturnedUnit, UnitState
from revalo.domain.values import utcnow
from revalo.domain.work_orders import WipeMethod
from revalo.services import disposition, inspection, receiving, returns, stock
from revalo.services import work_orders as wo
from revalo.services.ports import UnitFilter
from revalo.settings import Settings
from tests.conftest import gtin, seed_world, truncate_all
from tests.people import person

# The GTINs of the named world's products (tests.conftest.seed_world), as 14 digits.
PRODUCTS = {
    "LAP-14": gtin("370000000001").zfill(14),
    "SOFA-3": gtin("370000000002").zfill(14),
    "TEE-M": gtin("370000000003").zfill(14),
}
STOCK_SITES = ["HUB-FR", "HUB-DE", "REP-FR"]
Route = DispositionRoute
DECISIONS: list[tuple[DispositionRoute, str | None]] = [
    (Route.RESTOCK, None),
    (Route.RESELL, None),
    (Route.RESELL, "OUT-FR"),
    (Route.REPAIR, None),
    (Route.REPAIR, "REP-FR"),
    (Route.DONATE, "CHA-FR"),
    (Route.RECYCLE, "REC-FR"),
    (Route.RECYCLE, "REC-X"),
]

_template: Path | None = None


def fresh_app() -> tuple[App, Path]:
    """A database with the named world, copied from one built once: each example starts
    from the same state in a few milliseconds."""
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="revalo-template-"))
        atexit.register(shutil.rmtree, folder, True)
        app = bootstrap(Settings(sqlite_url(folder / "world.db")), create_schema=True)
        seed_world(app)
        app.close()
        _template = folder / "world.db"
    folder = Path(tempfile.mkdtemp(prefix="revalo-stateful-"))
    shutil.copy(_template, folder / "revalo.db")
    return bootstrap(Settings(sqlite_url(folder / "revalo.db"))), folder


class ServicesLedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.app, self.folder = self.open()
        self.lpns: list[str] = []
        self.received = 0
        self.serial = 0

    def open(self) -> tuple[App, Path | None]:
        """The application on a database holding the named world only."""
        return fresh_app()

    def teardown(self) -> None:
        # Once per example: the whole check in SQL costs more than a step.
        try:
            assert [str(v) for v in check_database(self.app.engine)] == []
        finally:
            self.app.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers --------------------------------------------------------------------------
    def unit(self, lpn: str) -> ReturnedUnit:
        with self.app.uow() as uow:
            found = uow.units.by_lpn(lpn)
            assert found is not None
            return found

    def picture(self, lpn: str) -> tuple[Any, ...]:
        """What a refused use case must leave as it was."""
        with self.app.uow() as uow:
            unit = uow.units.by_lpn(lpn)
            assert unit is not None
            return (
                uow.ledger.balances(),
                unit.state,
                unit.site_code,
                unit.location_code,
                len(uow.events.for_unit(unit.id)),
                [(o.id, o.state) for o in uow.work_orders.for_unit(unit.id)],
            )

    def attempt(self, lpn: str, use_case: Callable[[], object]) -> bool:
        before = self.picture(lpn)
        try:
            use_case()
        except DomainError as exc:
            event(f"refused: {type(exc).__name__}")
            assert self.picture(lpn) == before, "a refused use case changed the database"
            return False
        event(f"unit now {self.unit(lpn).state.value}")
        return True

    def pick(self, data: st.DataObject) -> str:
        return data.draw(st.sampled_from(self.lpns), label="lpn")

    # -- rules ----------------------------------------------------------------------------
    @initialize()
    def first_arrivals(self) -> None:
        self.receive("LAP-14", expected=True)
        self.receive("SOFA-3", expected=False)

    @precondition(lambda self: len(self.lpns) < 5)
    @rule(sku=st.sampled_from(sorted(PRODUCTS)), expected=st.booleans())
    def receive(self, sku: str, expected: bool) -> None:
        self.serial += 1
        serial = f"SN-{self.serial}"
        if expected:
            rma = returns.request_return(
                self.app.uow(),
                self.app.policy,
                customer_code="C-ANNE",
                lines=[returns.LineRequest(sku, 1, ReturnReason.DEFECTIVE, serial=serial)],
                delivered_at=utcnow() - timedelta(days=3),
                by=person("portal"),
            )
            assert rma.expects_units
        out = receiving.receive_scan(
            self.app.uow(),
            parse_scan(f"01{PRODUCTS[sku]}21{serial}"),
            site_code="HUB-FR",
            by=person("bob"),
        )
        assert out.created and out.quarantined is not expected
        self.lpns.append(out.unit.lpn)
        self.received += 1

    @precondition(lambda self: self.lpns)
    @rule(data=st.data())
    def scan_again(self, data: st.DataObject) -> None:
        lpn = self.pick(data)
        site = self.unit(lpn).site_code
        out = receiving.receive_scan(
            self.app.uow(), parse_scan(lpn), site_code=site, by=person("bob")
        )
        assert not out.created and out.unit.lpn == lpn

    @precondition(lambda self: self.lpns)
    @rule(data=st.data(), kind=st.sampled_from(list(LocationKind)), right_origin=st.booleans())
    def move(self, data: st.DataObject, kind: LocationKind, right_origin: bool) -> None:
        lpn = self.pick(data)
        unit = self.unit(lpn)
        origin = unit.location_code
        if not right_origin:
            cage = f"{unit.site_code}:recycling_cage"
            origin = cage if origin != cage else None
        before = self.picture(lpn)
        try:
            stock.move_unit(
                self.app.uow(),
                lpn,
                from_location=origin,
                to_location=f"{unit.site_code}:{kind.value}",
                by=person("bob"),
                reason="put away",
            )
        except LedgerError:
            assert self.picture(lpn) == before
            assert not right_origin or unit.is_final
            return
        except NotAllowed:
            # A unit on its way to a site is handled only once it has arrived there.
            assert self.picture(lpn) == before
            assert unit.in_transit
            return
        assert right_origin, "a move from where the unit is not was accepted"
        assert not unit.in_transit, "a unit in transit was moved before it arrived"

    @precondition(lambda self: self.lpns)
    @rule(
        data=st.data(),
        functional=st.sampled_from(list(FunctionalGrade)),
        cosmetic=st.sampled_from(list(CosmeticGrade)),
    )
    def grade(
        self,
        data: st.DataObject,
        functional: FunctionalGrade,
        cosmetic: CosmeticGrade,
        lpn: str | None = None,
    ) -> None:
        lpn = lpn or self.pick(data)
        self.attempt(
            lpn,
            lambda: inspection.inspect_unit(
                self.app.uow(),
                lpn,
                functional_grade=functional,
                cosmetic_grade=cosmetic,
                by=person("ines"),
                duration_s=60,
                checklist={"works": True},
            ),
        )

    @precondition(lambda self: self.lpns)
    @rule(data=st.data())
    def release(self, data: st.DataObject, lpn: str | None = None) -> None:
        lpn = lpn or self.pick(data)
        self.attempt(
            lpn,
            lambda: receiving.release_unit(self.app.uow(), lpn, by=person("lea"), reason="checked"),
        )

    @precondition(lambda self: self.lpns)
    @rule(data=st.data(), choice=st.sampled_from(DECISIONS))
    def dispose(self, data: st.DataObject, choice: tuple[DispositionRoute, str | None]) -> None:
        """Take the unit to its second life: release and grade it when needed, decide, do the
        work on the spot and dispatch it. Each step may be refused."""
        lpn = self.pick(data)
        route, destination = choice
        state = self.unit(lpn).state
        if state is UnitState.QUARANTINED:
            self.release(data, lpn)
        if self.unit(lpn).state is UnitState.RECEIVED:
            self.grade(data, FunctionalGrade.A, CosmeticGrade.A, lpn)
        decided: list[Any] = []
        if not self.attempt(
            lpn,
            lambda: decided.append(
                disposition.record_disposition(
                    self.app.uow(),
                    lpn,
                    route=route,
                    by=person("manager"),
                    reason="random",
                    destination_site=destination,
                )
            ),
        ):
            return
        for order in decided[0].work_orders:
            start = partial(wo.start_work_order, self.app.uow(), order.id, by=person("tech"))
            if not self.attempt(lpn, start):
                return
            wo.finish_work_order(
                self.app.uow(),
                order.id,
                succeeded=True,
                by=person("tech"),
                labour_minutes=5,
                wipe_method=WipeMethod.PURGE,
                wipe_tool="wiper",
                wipe_verified=True,
            )
        self.attempt(lpn, lambda: stock.dispatch_unit(self.app.uow(), lpn, by=person("bob")))

    @precondition(lambda self: self.lpns)
    @rule(data=st.data(), site=st.sampled_from(STOCK_SITES))
    def ship(self, data: st.DataObject, site: str) -> None:
        lpn = self.pick(data)
        self.attempt(
            lpn, lambda: stock.ship_unit(self.app.uow(), lpn, to_site=site, by=person("bob"))
        )

    @precondition(lambda self: self.lpns)
    @rule(data=st.data())
    def sell(self, data: st.DataObject) -> None:
        lpn = self.pick(data)
        self.attempt(lpn, lambda: stock.sell_unit(self.app.uow(), lpn, by=person("shop")))

    # -- invariants, read back from the database ------------------------------------------
    @invariant()
    def the_ledger_matches_the_units(self) -> None:
        with self.app.uow() as uow:
            units = uow.units.list(UnitFilter(), limit=1000, offset=0).items
            in_stock = [u for u in units if u.location_code is not None]
            left = [u for u in units if u.location_code is None]
            # Every unit in stock is in exactly one place, at its own site, where its last
            # move took it; a unit that left did so by its last move.
            for u in units:
                moves = uow.ledger.for_unit(u.id)
                assert moves and moves[-1].to_location == u.location_code
            for u in in_stock:
                location = uow.sites.location(u.location_code or "")
                assert location is not None and location.site_code == u.site_code
                assert not u.is_final
            assert all(u.is_final for u in left)
            # Balances summed from all the moves equal the units counted per location.
            counted = Counter(u.location_code for u in in_stock)
            assert uow.ledger.balances() == dict(counted)
            # Nothing lost.
            assert self.received == len(units) == len(in_stock) + len(left)


ServicesLedgerMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_the_ledger_in_the_database_holds = ServicesLedgerMachine.TestCase


@pytest.mark.postgres
def test_the_ledger_in_postgresql_holds(postgres_url: str) -> None:
    class OnPostgres(ServicesLedgerMachine):
        def open(self) -> tuple[App, Path | None]:
            app = bootstrap(Settings(database_url=postgres_url))
            truncate_all(app.engine)
            seed_world(app)
            return app, None

    # Fewer examples than on SQLite: each one seeds the world again through the services.
    run_state_machine_as_test(
        OnPostgres,
        settings=settings(
            max_examples=6,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
