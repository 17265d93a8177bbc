"""Returns coming in: customers ask, the policy or the manager decides, carriers pick the
parcels up, handlers scan them at the hub; parcels with no return or no readable label wait
in quarantine until they are identified."""

from __future__ import annotations

from datetime import datetime, timedelta

from revalo.adapters.barcodes import parse_scan
from revalo.demo import figures as fig
from revalo.demo.agenda import Phase
from revalo.demo.floor import Floor, SimUnit
from revalo.demo.plan import PlannedParcel, PlannedReturn, Planner
from revalo.demo.processing import Processing
from revalo.domain.errors import InvalidValue
from revalo.domain.policy import ReturnPolicy
from revalo.domain.returns import ReturnState
from revalo.services import receiving, returns
from revalo.services.return_labels import book_return_label
from revalo.services.transport import default_transport

#: Working days an item waits before inspection (the demo's assumption for the backlog).
_INSPECTION_WAIT = (0, 1, 2, 3, 5)
_INSPECTION_WAIT_SHARE = (0.40, 0.33, 0.15, 0.08, 0.04)


class Intake:
    def __init__(
        self, floor: Floor, policy: ReturnPolicy, planner: Planner, processing: Processing
    ) -> None:
        self.f, self.policy, self.planner, self.processing = floor, policy, planner, processing

    # -- customers, policy, manager, carriers ---------------------------------------------
    def request(self, rma: PlannedReturn) -> None:
        f = self.f
        business = rma.lines[0].units[0].business
        created = f.agenda.call(
            returns.request_return,
            f.uow,
            self.policy,
            customer_code=rma.customer.code,
            lines=[
                returns.LineRequest(ln.item.product.sku, len(ln.units), ln.reason, ln.serial)
                for ln in rma.lines
            ],
            delivered_at=rma.delivered_at,
            by=f.people["b2b-portal" if business else "web-portal"],
            requested_at=rma.requested_at,
            order_ref=f.document("LEASE-" if business else "WEB-"),
            client_code=rma.lines[0].item.product.client_code,
        )
        if created.state is ReturnState.AUTHORISED:
            self._authorised(rma, created.number, created.destination_site, rma.requested_at)
        elif created.state is ReturnState.REQUESTED:
            day = f.cal.next_working_day(f.agenda.day + 1)
            f.agenda.later(day, Phase.REVIEW, self.review, (rma, created.number))

    def review(self, arg: tuple[PlannedReturn, str]) -> None:
        rma, number = arg
        f = self.f
        at = f.agenda.at(Phase.REVIEW)
        if rma.goodwill:
            done = f.agenda.call(
                returns.authorise_return,
                f.uow,
                number,
                by=f.manager,
                reason="reviewed: accepted as a goodwill gesture",
                at=at,
            )
            self._authorised(rma, number, done.destination_site, at)
        else:
            f.agenda.call(
                returns.reject_return,
                f.uow,
                number,
                by=f.manager,
                reason="reviewed: outside the legal periods and not covered by a contract",
                at=at,
            )

    def _authorised(self, rma: PlannedReturn, number: str, hub: str | None, at: datetime) -> None:
        if rma.never_sent or hub is None:
            return
        if rma.needs_vehicle and not self.planner.fetched_by_crew(rma, hub):
            # Out of the hub's collection area: the flow manager books a carrier at once.
            f = self.f
            f.agenda.call(
                book_return_label,
                f.uow,
                default_transport(),
                number,
                by=f.manager,
                at=at + timedelta(minutes=1),
            )
        pickup, arrival = self.planner.pickup_and_arrival(rma, self.f.agenda.day, hub)
        self.f.agenda.later(pickup, Phase.PICKUP, self.pickup, (rma, number, hub, arrival))

    def pickup(self, arg: tuple[PlannedReturn, str, str, int]) -> None:
        rma, number, hub, arrival = arg
        self.f.agenda.call(returns.mark_in_transit, self.f.uow, number)
        for u in rma.units:
            self.f.agenda.later(arrival, Phase.ARRIVE, self.arrive, SimUnit(u, hub, number))

    # -- the hub's dock -----------------------------------------------------------------
    def arrive(self, unit: SimUnit) -> None:
        f = self.f
        at = f.agenda.at(Phase.ARRIVE, unit, site=unit.hub)
        out = f.agenda.call(
            receiving.receive_scan,
            f.uow,
            parse_scan(unit.plan.code),
            site_code=unit.hub,
            by=f.who(unit.hub, 0),
            rma_number=unit.rma,
            at=at,
        )
        assert out.unit is not None  # an item's code always gives a unit
        unit.lpn, unit.site = out.unit.lpn, unit.hub
        if f.rng.random() < fig.LPN_RESCAN:
            # Scanned again at put-away: the same unit, nothing changes.
            f.agenda.call(
                receiving.receive_scan,
                f.uow,
                parse_scan(unit.lpn),
                site_code=unit.hub,
                by=f.who(unit.hub, 1),
                at=f.agenda.at(Phase.ARRIVE, unit, site=unit.hub, minutes=0.1),
            )
        self._received(unit, out.quarantined)

    def parcel(self, parcel: PlannedParcel) -> None:
        f = self.f
        unit = SimUnit(parcel.unit, parcel.hub, None)
        at = f.agenda.at(Phase.ARRIVE, unit, site=unit.hub, minutes=3.0)
        who = f.who(unit.hub, 0)
        try:
            scan = parse_scan(unit.plan.code)
        except InvalidValue as exc:
            out = f.agenda.call(
                receiving.quarantine_unidentified,
                f.uow,
                site_code=unit.hub,
                description=f"label unreadable ({exc.message}); the box reads "
                f"'{unit.plan.item.product.name}'",
                by=who,
                code=unit.plan.code,
                at=at,
            )
            unit.unidentified = True
        else:
            out = f.agenda.call(
                receiving.receive_scan, f.uow, scan, site_code=unit.hub, by=who, at=at
            )
        assert out.unit is not None  # an item's code always gives a unit
        unit.lpn, unit.site = out.unit.lpn, unit.hub
        self._received(unit, out.quarantined)

    def _received(self, unit: SimUnit, quarantined: bool) -> None:
        f = self.f
        if quarantined:
            wait = f.rng.randint(1, 3) if unit.unidentified else 1
            day = f.cal.working_day_after(f.agenda.day, wait)
            f.agenda.later(day, Phase.RELEASE, self.release, unit)
            return
        wait = f.rng.choices(_INSPECTION_WAIT, weights=_INSPECTION_WAIT_SHARE)[0]
        day = f.cal.working_day_after(f.agenda.day, wait)
        f.agenda.later(day, Phase.INSPECT, self.processing.inspect, unit)

    def release(self, unit: SimUnit) -> None:
        f = self.f
        product = unit.plan.item.product
        reason = (
            f"identified from its rating plate: {product.name}"
            if unit.unidentified
            else "checked with customer service: sent without a return request, accepted"
        )
        f.agenda.call(
            receiving.release_unit,
            f.uow,
            unit.lpn,
            by=f.manager,
            reason=reason,
            sku=product.sku if unit.unidentified else None,
            at=f.agenda.at(Phase.RELEASE, unit, site=unit.site),
        )
        f.agenda.later(f.agenda.day, Phase.INSPECT, self.processing.inspect, unit)
