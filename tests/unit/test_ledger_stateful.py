"""Random sequences of receive / move / grade / decide / work / dispatch / ship / arrive on
domain objects, with the stock ledger's invariants checked after every step:

- every unit in the parallel stock is in exactly one place, at its own site;
- the balances computed from all the moves equal the units counted per location;
- a refused step (a move from the wrong place, a transition the state forbids...) changes
  nothing;
- nothing is lost: units received = units in stock + units that left.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from revalo.domain.catalog import LocationKind, Product, Site
from revalo.domain.disposition import (
    WORK_AT_DESTINATION,
    DecidedBy,
    DispositionRecord,
    DispositionRoute,
    check_route,
    implied_work,
)
from revalo.domain.errors import DomainError, LedgerError
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade, Inspection
from revalo.domain.ledger import Ledger, balances
from revalo.domain.units import Change, ReturnedUnit
from revalo.domain.values import format_lpn
from revalo.domain.work_orders import WipeMethod, WorkOrder, WorkOrderKind, WorkOrderState
from tests.unit.domain_world import (
    CHARITY,
    DRILL,
    HUB,
    HUB_DE,
    LAPTOP,
    NOW,
    OUTLET,
    RECYCLER,
    REPAIR,
    SCRAP,
    SOFA,
    TSHIRT,
    VENDOR,
    later,
)

Route = DispositionRoute
STOCK_SITES = [HUB, HUB_DE, REPAIR]
PRODUCTS = [LAPTOP, SOFA, TSHIRT, DRILL]
DECISIONS: list[tuple[DispositionRoute, Site | None]] = [
    (Route.RESTOCK, None),
    (Route.RESELL, None),
    (Route.RESELL, OUTLET),
    (Route.REPAIR, None),
    (Route.REPAIR, REPAIR),
    (Route.REFURBISH, None),
    (Route.HARVEST_PARTS, None),
    (Route.RETURN_TO_VENDOR, VENDOR),
    (Route.DONATE, CHARITY),
    (Route.RECYCLE, RECYCLER),
    (Route.RECYCLE, SCRAP),
    (Route.DISPOSE, RECYCLER),
]
LOCATION_KINDS = list(LocationKind)


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.ledger = Ledger()
        self.units: dict[int, ReturnedUnit] = {}
        self.products: dict[int, Product] = {}
        self.inspections: dict[int, Inspection] = {}
        self.orders: dict[int, list[WorkOrder]] = {}
        self.received = 0
        self.clock = 0

    # -- helpers --------------------------------------------------------------------------
    def tick(self) -> int:
        self.clock += 1
        return self.clock

    def pick(self, data: st.DataObject) -> ReturnedUnit:
        return self.units[data.draw(st.sampled_from(sorted(self.units)), label="unit")]

    def attempt(self, unit: ReturnedUnit, step: Callable[[], Change]) -> Change | None:
        """Run a step; a refused one must leave the unit and the ledger as they were."""
        before = (unit.state, unit.site_code, unit.location_code, len(self.ledger.moves))
        try:
            change = step()
        except DomainError:
            after = (unit.state, unit.site_code, unit.location_code, len(self.ledger.moves))
            assert after == before, "a refused step changed the unit"
            return None
        event(f"accepted: {change.event.type.value} -> {unit.state.value}")
        assert change.event.unit_id == unit.id and change.event.state == unit.state.value
        if change.move is not None:
            self.ledger.apply(change.move)  # the ledger refuses a move from the wrong place
        return change

    # -- rules ----------------------------------------------------------------------------
    @initialize(sites=st.lists(st.sampled_from(STOCK_SITES), min_size=2, max_size=2))
    def open_the_doors(self, sites: list[Site]) -> None:
        for site in sites:
            self.receive(site, LAPTOP)

    # A handful of units, so that a sequence takes some of them to the end of their life.
    @precondition(lambda self: len(self.units) < 5)
    @rule(site=st.sampled_from(STOCK_SITES), product=st.sampled_from(PRODUCTS))
    def receive(self, site: Site, product: Product) -> None:
        n = len(self.units) + 1
        unit, change = ReturnedUnit.receive(
            id=n,
            lpn=format_lpn(n),
            site=site,
            at=later(self.tick()),
            actor="bob",
            sku=product.sku,
            gtin=product.gtin,
        )
        assert change.move is not None
        self.ledger.apply(change.move)
        self.units[n], self.products[n] = unit, product
        self.received += 1

    @precondition(lambda self: self.units)
    @rule(data=st.data(), kind=st.sampled_from(LOCATION_KINDS), right_origin=st.booleans())
    def move(self, data: st.DataObject, kind: LocationKind, right_origin: bool) -> None:
        unit = self.pick(data)
        origin = unit.location_code
        if not right_origin:
            origin = data.draw(
                st.sampled_from(
                    [None, *(s.location(k) for s in STOCK_SITES for k in LOCATION_KINDS)]
                ).filter(lambda loc: loc != unit.location_code),
                label="wrong origin",
            )
        target = f"{unit.site_code}:{kind.value}"
        moves = len(self.ledger.moves)
        change = self.attempt(
            unit,
            lambda: unit.move(
                from_location=origin,
                to_location=target,
                at=later(self.tick()),
                actor="bob",
                reason="put away",
            ),
        )
        if not right_origin:
            assert change is None, "a move from where the unit is not was accepted"
            assert len(self.ledger.moves) == moves
            try:
                unit.move(from_location=origin, to_location=target, at=NOW, actor="b", reason="")
            except LedgerError:
                pass
            else:
                raise AssertionError("the refusal of a move from the wrong place is a LedgerError")

    @precondition(lambda self: self.units)
    @rule(
        data=st.data(),
        functional=st.sampled_from(list(FunctionalGrade)),
        cosmetic=st.sampled_from(list(CosmeticGrade)),
        hazardous=st.booleans(),
    )
    def grade(
        self,
        data: st.DataObject,
        functional: FunctionalGrade,
        cosmetic: CosmeticGrade,
        hazardous: bool,
    ) -> None:
        unit = self.pick(data)
        insp = Inspection(
            unit_id=unit.id,
            operator="ines",
            inspected_at=later(self.tick()),
            functional_grade=functional,
            cosmetic_grade=cosmetic,
            duration_s=60,
            checklist={"powers on": functional is FunctionalGrade.A},
            hazardous=hazardous,
        )
        if self.attempt(unit, lambda: unit.record_inspection(insp)):
            self.inspections[unit.id] = insp

    @precondition(lambda self: self.units)
    @rule(data=st.data(), quarantine=st.booleans())
    def quarantine_or_release(self, data: st.DataObject, quarantine: bool) -> None:
        unit = self.pick(data)
        at = later(self.tick())
        if quarantine:
            self.attempt(unit, lambda: unit.quarantine(reason="check", at=at, actor="bob"))
        else:
            self.attempt(unit, lambda: unit.release(at=at, actor="bob", reason="checked"))

    def _decide(
        self, unit: ReturnedUnit, route: DispositionRoute, destination: Site | None
    ) -> bool:
        product = self.products[unit.id]
        try:
            unit.ensure_can_decide()
            check_route(route, product, self.inspections.get(unit.id), destination)
        except DomainError:
            return False
        at = later(self.tick())
        kinds = [
            k
            for k in implied_work(route, product)
            if not (k is WorkOrderKind.DATA_WIPE and unit.data_wiped_at is not None)
        ]
        record = DispositionRecord(
            unit_id=unit.id,
            route=route,
            decided_by=DecidedBy.ENGINE,
            actor="engine",
            decided_at=at,
            reason="random",
            destination_site=destination.code if destination else None,
        )
        if not self.attempt(unit, lambda: unit.record_disposition(record, kinds)):
            return False
        for order in self.orders.get(unit.id, []):
            if order.is_open:
                order.cancel(at=at, reason="decision changed")
        work_at_destination = destination and route in WORK_AT_DESTINATION
        site = destination.code if destination and work_at_destination else unit.site_code
        self.orders[unit.id] = [
            WorkOrder(id=i, unit_id=unit.id, kind=k, site_code=site, created_at=at)
            for i, k in enumerate(kinds)
        ]
        return True

    def _work(self, unit: ReturnedUnit, succeeded: bool) -> bool:
        """Start the unit's next open work order, or finish the one in progress."""
        open_orders = [o for o in self.orders.get(unit.id, []) if o.is_open]
        if not open_orders:
            return False
        order, others = open_orders[0], open_orders[1:]
        at = later(self.tick())
        if order.state is WorkOrderState.OPEN:
            if not self.attempt(unit, lambda: unit.start_work(order, at=at, actor="tech")):
                return False
            order.start(operator="tech", at=at)
            return True
        order.finish(
            succeeded=succeeded,
            at=at,
            labour_minutes=10,
            parts_cost=Decimal("0"),
            wipe_method=WipeMethod.PURGE,
            wipe_tool="wiper",
            wipe_verified=True,
        )
        if succeeded:
            done = not others
            self.attempt(
                unit, lambda: unit.complete_work(order, at=at, actor="tech", all_done=done)
            )
            return True
        for other in others:
            other.cancel(at=at, reason="failed")
        self.attempt(unit, lambda: unit.fail_work(order, at=at, actor="tech", reason="broken"))
        return True

    def _dispatch(self, unit: ReturnedUnit) -> None:
        data_bearing = self.products[unit.id].data_bearing
        at = later(self.tick())
        self.attempt(unit, lambda: unit.dispatch(at=at, actor="bob", data_bearing=data_bearing))

    @precondition(lambda self: self.units)
    @rule(data=st.data(), choice=st.sampled_from(DECISIONS))
    def decide(self, data: st.DataObject, choice: tuple[DispositionRoute, Site | None]) -> None:
        self._decide(self.pick(data), *choice)

    @precondition(lambda self: self.units)
    @rule(data=st.data(), succeeded=st.booleans())
    def work(self, data: st.DataObject, succeeded: bool) -> None:
        self._work(self.pick(data), succeeded)

    @precondition(lambda self: self.units)
    @rule(data=st.data(), choice=st.sampled_from(DECISIONS))
    def dispose(self, data: st.DataObject, choice: tuple[DispositionRoute, Site | None]) -> None:
        """Decide, do all the work the decision implies, and dispatch: a whole second life."""
        unit = self.pick(data)
        if self._decide(unit, *choice):
            while self._work(unit, succeeded=True):
                pass
            self._dispatch(unit)

    @precondition(lambda self: self.units)
    @rule(data=st.data())
    def dispatch(self, data: st.DataObject) -> None:
        self._dispatch(self.pick(data))

    @precondition(lambda self: self.units)
    @rule(data=st.data())
    def sell(self, data: st.DataObject) -> None:
        unit = self.pick(data)
        self.attempt(unit, lambda: unit.sell(at=later(self.tick()), actor="shop"))

    @precondition(lambda self: self.units)
    @rule(data=st.data(), site=st.sampled_from([*STOCK_SITES, OUTLET]))
    def ship(self, data: st.DataObject, site: Site) -> None:
        unit = self.pick(data)
        self.attempt(unit, lambda: unit.ship(to_site=site, at=later(self.tick()), actor="bob"))

    @precondition(lambda self: self.units)
    @rule(data=st.data())
    def arrive(self, data: st.DataObject) -> None:
        unit = self.pick(data)
        self.attempt(unit, lambda: unit.arrive(at=later(self.tick()), actor="rita"))

    # -- invariants -----------------------------------------------------------------------
    @invariant()
    def every_unit_in_stock_is_in_exactly_one_place_at_its_site(self) -> None:
        in_stock = {i: u for i, u in self.units.items() if u.location_code is not None}
        assert self.ledger.where == {i: u.location_code for i, u in in_stock.items()}
        for unit in in_stock.values():
            assert unit.location_code is not None
            assert unit.location_code.split(":", 1)[0] == unit.site_code
            assert not unit.is_final

    @invariant()
    def balances_from_the_moves_equal_the_units_per_location(self) -> None:
        counted = Counter(u.location_code for u in self.units.values() if u.location_code)
        assert balances(self.ledger.moves) == dict(counted)

    @invariant()
    def nothing_is_lost(self) -> None:
        in_stock = sum(1 for u in self.units.values() if u.location_code is not None)
        left = sum(1 for u in self.units.values() if u.location_code is None and u.is_final)
        assert self.received == in_stock + left == len(self.units)


LedgerMachine.TestCase.settings = settings(
    max_examples=150,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_the_ledger_holds_whatever_happens = LedgerMachine.TestCase
