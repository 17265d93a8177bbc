"""Returns being processed: inspectors grade, the manager decides (the disposition engine's
nightly batch, ``manager.py``; by hand with ``rules.py`` a unit whose work failed),
units go to workshops, technicians work, partners collect, online shops sell."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from revalo.adapters.barcodes import parse_scan
from revalo.demo import figures as fig
from revalo.demo.agenda import Phase
from revalo.demo.certificates import record_medium
from revalo.demo.clearance import Clearance
from revalo.demo.floor import Floor, SimUnit
from revalo.demo.grading import grade
from revalo.demo.partner_system import Done, PartnerSystem
from revalo.demo.resale import OnSale, list_unit, sell_listing
from revalo.demo.rules import Case, RuleTable
from revalo.demo.salvage import Salvage
from revalo.demo.workshop import LONG_WORK, WorkResult, do_work
from revalo.domain.disposition import WORK_AT_DESTINATION, DispositionRoute
from revalo.domain.units import UnitState
from revalo.domain.work_orders import WorkOrder, WorkOrderKind
from revalo.services import disposition, inspection, partner_payments, receiving, stock
from revalo.services import work_orders as wo


class Processing:
    def __init__(self, floor: Floor) -> None:
        self.f = floor
        self.rules = RuleTable(floor.net)
        #: Graded units awaiting a decision, by licence plate, in the order they were graded.
        self.awaiting: dict[str, SimUnit] = {}
        #: Units waiting at their site for a trip (to a workshop elsewhere, or out to a
        #: partner): the manager consolidates them by destination at the end of each day.
        self.outbound: dict[str, SimUnit] = {}
        #: Units dismantled for their parts, or kept for a B2B lot, instead of leaving.
        self.salvage = Salvage(floor)
        #: The listing of each unit on sale, by LPN.
        self.listings: dict[str, OnSale] = {}
        #: The partner that reports its receipts and repairs by EPCIS.
        self.partner = PartnerSystem(floor)
        #: Slow stock sold as is to a resale partner.
        self.clearance = Clearance(
            floor,
            self.listings,
            lambda unit, route, to, orders: self.carry_on(
                unit, route, to, orders, first=floor.agenda.day
            ),
        )

    # -- inspection and decision ----------------------------------------------------------
    def inspect(self, unit: SimUnit) -> None:
        f = self.f
        g = unit.grading = grade(f.rng, unit.plan.item, unit.plan.reason)
        f.agenda.call(
            inspection.inspect_unit,
            f.uow,
            unit.lpn,
            functional_grade=g.functional,
            cosmetic_grade=g.cosmetic,
            by=f.who(unit.site, 2),
            duration_s=g.duration_s,
            checklist=g.checklist,
            fault_codes=g.fault_codes,
            hazardous=g.hazardous,
            notes=g.notes,
            at=f.agenda.at(Phase.INSPECT, unit, site=unit.site, minutes=g.duration_s / 60),
        )
        self.awaiting[unit.lpn] = unit  # the day's engine batch decides it

    def decide_by_hand(self, unit: SimUnit) -> None:
        """The manager applies the rule table to a unit whose work failed (the engine reads
        the inspection, not the failure)."""
        self.awaiting.pop(unit.lpn, None)
        f = self.f
        g = unit.grading
        assert g is not None
        d = self.rules.decide(
            Case(
                item=unit.plan.item,
                reason=unit.plan.reason,
                business=unit.plan.business,
                functional=g.functional.value,
                cosmetic=g.cosmetic.value,
                hazardous=g.hazardous,
                site=unit.site,
                failed=unit.failed,
            )
        )
        out = f.agenda.call(
            disposition.record_disposition,
            f.uow,
            unit.lpn,
            route=d.route,
            by=f.manager,
            reason=d.reason,
            destination_site=d.destination,
            at=f.agenda.at(Phase.DECIDE, unit),
        )
        self.carry_on(unit, d.route, d.destination, list(out.work_orders), first=f.agenda.day)

    def carry_on(
        self,
        unit: SimUnit,
        route: DispositionRoute,
        destination: str | None,
        orders: list[WorkOrder],
        *,
        first: int,
    ) -> None:
        """After a decision: to the work site, to the workshop, or out; ``first`` is the
        first day it can be worked on."""
        f = self.f
        unit.orders, unit.destination, unit.failed = orders, destination, None
        unit.route = route
        if route in WORK_AT_DESTINATION and destination and destination != unit.site:
            self.outbound[unit.lpn] = unit
        elif unit.orders:
            day = f.cal.working_day_after(first, f.rng.choice((0, 1, 1, 2)))
            f.agenda.later(day, Phase.WORK, self.work, unit)
        else:
            self._ready(unit, first)

    # -- between sites ------------------------------------------------------------------
    def shipped(self, unit: SimUnit, lead_time_days: int) -> None:
        """The unit left in a consignment the manager booked; it is scanned in where it
        arrives, the carrier's lead time later."""
        f = self.f
        assert unit.destination is not None
        unit.site = unit.destination
        day = f.cal.next_working_day(f.agenda.day + max(lead_time_days, 1))
        f.agenda.later(day, Phase.ARRIVE, self.arrive_at, unit)

    def arrive_at(self, unit: SimUnit) -> None:
        """The partner scans the licence plate on arrival (in its own system, for the one
        that reports to Revalo by EPCIS)."""
        f = self.f
        at = f.agenda.at(Phase.ARRIVE, unit, site=unit.site)
        if self.partner.reports(unit.site):
            self.partner.arrived(unit, at)
        else:
            f.agenda.call(
                receiving.receive_scan,
                f.uow,
                parse_scan(unit.lpn),
                site_code=unit.site,
                by=f.who(unit.site, 0),
                at=at,
            )
        if unit.orders:
            day = f.cal.working_day_after(f.agenda.day, f.rng.choice((0, 1, 2, 3)))
            f.agenda.later(day, Phase.WORK, self.work, unit)
        else:
            self._ready(unit, f.agenda.day)

    # -- the workshop ---------------------------------------------------------------------
    def work(self, unit: SimUnit) -> None:
        f = self.f
        while unit.orders:
            order = unit.orders[0]
            r = do_work(f.rng, order.kind, unit.plan.item)
            done = f.agenda.at(Phase.WORK, unit, site=unit.site, minutes=r.labour_minutes)
            begun = done - timedelta(minutes=r.labour_minutes)
            if self.partner.reports(unit.site, order.kind):
                self.partner.started(unit, order.kind, begun)
            else:
                f.agenda.call(
                    wo.start_work_order, f.uow, order.id, by=f.who(unit.site, 3), at=begun
                )
            if order.kind in LONG_WORK:
                # Parts to order, tests to run: it is finished on a later day.
                day = f.cal.working_day_after(f.agenda.day, f.rng.randint(1, 3))
                f.agenda.later(day, Phase.WORK, self.finish, (unit, r))
                return
            if not self._finish(unit, order, r, done):
                return
        self._ready(unit, f.agenda.day)

    def finish(self, arg: tuple[SimUnit, WorkResult]) -> None:
        unit, r = arg
        done = self.f.agenda.at(Phase.WORK, unit, site=unit.site)
        if self._finish(unit, unit.orders[0], r, done):
            self.work(unit)

    def _finish(self, unit: SimUnit, order: WorkOrder, r: WorkResult, at: datetime) -> bool:
        f = self.f
        if r.succeeded and order.kind is WorkOrderKind.DATA_WIPE:
            category = unit.plan.item.category
            f.agenda.call(record_medium, f.uow, order, category, f.who(unit.site, 3), at)
        if r.succeeded:
            self.salvage.fit(unit, order, at)
        if self.partner.reports(unit.site, order.kind):
            done = Done(r.succeeded, r.labour_minutes, r.parts_cost, r.notes)
            self.partner.finished(unit, order.kind, done, at)
        else:
            self._finish_in_revalo(unit, order, r, at)
        unit.orders.pop(0)
        if r.succeeded:
            return True
        # The service cancelled the other orders and the unit is graded again; the manager
        # decides it by hand at once, knowing what failed, before the day's engine batch.
        unit.orders, unit.failed = [], order.kind
        self.decide_by_hand(unit)
        return False

    def _finish_in_revalo(
        self, unit: SimUnit, order: WorkOrder, r: WorkResult, at: datetime
    ) -> None:
        f = self.f
        f.agenda.call(
            wo.finish_work_order,
            f.uow,
            order.id,
            succeeded=r.succeeded,
            by=f.who(unit.site, 3),
            labour_minutes=r.labour_minutes,
            parts_cost=r.parts_cost,
            notes=r.notes,
            wipe_method=r.wipe_method,
            wipe_tool=r.wipe_tool,
            wipe_verified=r.succeeded and r.wipe_method is not None,
            at=at,
        )

    # -- leaving --------------------------------------------------------------------------
    def _ready(self, unit: SimUnit, first: int) -> None:
        f = self.f
        if unit.destination and unit.destination != unit.site:
            # Out to a partner: it leaves when the manager books its lane (consolidation).
            self.outbound[unit.lpn] = unit
            return
        f.agenda.later(f.cal.next_working_day(first), Phase.DISPATCH, self.dispatch, unit)

    def dispatch(self, unit: SimUnit) -> None:
        f = self.f
        if self.salvage.takes(unit):
            return
        done = f.agenda.call(
            stock.dispatch_unit,
            f.uow,
            unit.lpn,
            by=f.who(unit.site, 1),
            document=f.document("DN"),
            at=f.agenda.at(Phase.DISPATCH, unit, site=unit.site),
        )
        if done.state is UnitState.LISTED:
            assert unit.grading is not None
            assert done.updated_at is not None
            listing = list_unit(f, unit.lpn, done.updated_at)
            if listing is not None:
                self.listings[unit.lpn] = listing
            mean = fig.DAYS_TO_SELL[unit.grading.cosmetic.value]
            wait = 1 + int(f.rng.expovariate(1 / mean))
            if not self.clearance.diverts(unit, wait):
                f.agenda.later(f.agenda.day + wait, Phase.SELL, self.sell, unit)

    def sell(self, unit: SimUnit) -> None:
        f = self.f
        assert unit.grading is not None
        listing = self.listings.pop(unit.lpn, None)
        if listing is not None:
            at = f.agenda.at(Phase.SELL, unit)
            sell_listing(f, listing, document=f.document("SO"), at=at)
            return
        share = fig.SALE_PRICE_SHARE[unit.grading.cosmetic.value] * f.rng.uniform(0.85, 1.15)
        price = (unit.plan.item.product.new_price * Decimal(str(share))).quantize(Decimal("0.01"))
        f.agenda.call(
            stock.sell_unit,
            f.uow,
            unit.lpn,
            by=f.people["web-shop"],
            document=f.document("SO"),
            at=f.agenda.at(Phase.SELL, unit),
            price=price,
        )

    def left_for_partner(self, unit: SimUnit) -> None:
        """A unit dispatched to a partner: a recycler pays by the kg on its statement a few
        days later; a resale partner scans it in, pays for it and resells it (the other
        partners' terms are not modelled)."""
        if unit.route is DispositionRoute.RESELL:
            self.clearance.handed(unit)
            return
        if unit.route is not DispositionRoute.RECYCLE:
            return
        f = self.f
        day = f.agenda.day + fig.RECYCLER_STATEMENT_DAYS
        f.agenda.later(day, Phase.SELL, self.recycler_pays, unit)

    def recycler_pays(self, unit: SimUnit) -> None:
        f = self.f
        kg = Decimal(str(unit.plan.item.product.weight_kg))
        amount = (kg * Decimal(str(fig.RECYCLER_EUR_PER_KG))).quantize(Decimal("0.01"))
        assert unit.destination is not None
        f.agenda.call(
            partner_payments.record_payment,
            f.uow,
            site_code=unit.destination,
            codes=[unit.lpn],
            reference=f.document("RS"),  # the recycler's statement
            amount=amount,
            by=f.people["finance"],  # billing books the statement
            at=f.agenda.at(Phase.SELL, unit),
        )
