"""Returned units: one physical item each, with its licence plate number (LPN) and lifecycle.

Every step returns the changes it made (an event, and a stock move when the unit changes
place) so that the caller stores them: the unit's timeline and the ledger come from them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from revalo.domain.catalog import LocationKind, Site, location_code
from revalo.domain.clients import owner_when_identified
from revalo.domain.disposition import (
    ROUTE_RULES,
    WORK_AT_DESTINATION,
    DispositionRecord,
    DispositionRoute,
)
from revalo.domain.errors import InvalidValue, LedgerError, NotAllowed
from revalo.domain.events import EventType, UnitEvent
from revalo.domain.inspection import Inspection
from revalo.domain.journey import ConsignmentKind
from revalo.domain.ledger import StockMove
from revalo.domain.states import can_transition, ensure_transition
from revalo.domain.work_orders import WorkOrder, WorkOrderKind


class UnitState(enum.StrEnum):
    RECEIVED = "received"
    QUARANTINED = "quarantined"
    GRADED = "graded"
    DISPOSITION_DECIDED = "disposition_decided"
    IN_PROCESS = "in_process"
    READY = "ready"
    LISTED = "listed"
    # Final states: the unit has left the parallel stock.
    RESTOCKED = "restocked"
    SOLD = "sold"
    SENT_TO_PARTNER = "sent_to_partner"
    RETURNED_TO_VENDOR = "returned_to_vendor"
    DONATED = "donated"
    RECYCLED = "recycled"
    HARVESTED = "harvested"
    DISPOSED = "disposed"


_U = UnitState
FINAL_STATES = frozenset(
    {
        _U.RESTOCKED,
        _U.SOLD,
        _U.SENT_TO_PARTNER,
        _U.RETURNED_TO_VENDOR,
        _U.DONATED,
        _U.RECYCLED,
        _U.HARVESTED,
        _U.DISPOSED,
    }
)
_DISPATCHED_FROM_READY = frozenset(FINAL_STATES - {_U.SOLD} | {_U.LISTED})
UNIT_TRANSITIONS: dict[UnitState, frozenset[UnitState]] = {
    _U.RECEIVED: frozenset({_U.QUARANTINED, _U.GRADED}),
    _U.QUARANTINED: frozenset({_U.RECEIVED}),
    # A decision with no work to do makes a graded unit ready at once.
    _U.GRADED: frozenset({_U.GRADED, _U.DISPOSITION_DECIDED, _U.READY, _U.QUARANTINED}),
    _U.DISPOSITION_DECIDED: frozenset({_U.DISPOSITION_DECIDED, _U.IN_PROCESS, _U.READY, _U.GRADED}),
    _U.IN_PROCESS: frozenset({_U.READY, _U.GRADED, _U.DISPOSITION_DECIDED}),
    _U.READY: _DISPATCHED_FROM_READY | {_U.DISPOSITION_DECIDED},
    _U.LISTED: frozenset({_U.SOLD, _U.DISPOSITION_DECIDED}),
    **{s: frozenset() for s in FINAL_STATES},
}

#: Final state of a unit dispatched on a route, by whether it goes to a destination site.
_FINAL_BY_ROUTE: dict[DispositionRoute, tuple[UnitState, UnitState]] = {
    # route: (kept in-house, sent to a site)
    DispositionRoute.RESTOCK: (_U.RESTOCKED, _U.RESTOCKED),
    DispositionRoute.RESELL: (_U.LISTED, _U.SENT_TO_PARTNER),
    DispositionRoute.REPAIR: (_U.LISTED, _U.LISTED),
    DispositionRoute.REFURBISH: (_U.LISTED, _U.LISTED),
    DispositionRoute.HARVEST_PARTS: (_U.HARVESTED, _U.HARVESTED),
    DispositionRoute.RETURN_TO_VENDOR: (_U.RETURNED_TO_VENDOR, _U.RETURNED_TO_VENDOR),
    DispositionRoute.DONATE: (_U.DONATED, _U.DONATED),
    DispositionRoute.RECYCLE: (_U.RECYCLED, _U.RECYCLED),
    DispositionRoute.DISPOSE: (_U.DISPOSED, _U.DISPOSED),
}
#: Routes that end at a partner's site: the unit is shipped there when dispatched.
_ENDS_AT_DESTINATION = frozenset(
    {
        DispositionRoute.RESELL,
        DispositionRoute.RETURN_TO_VENDOR,
        DispositionRoute.DONATE,
        DispositionRoute.RECYCLE,
        DispositionRoute.DISPOSE,
    }
)


def _money(value: Decimal, field: str) -> Decimal:
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0:
        raise InvalidValue(f"{field} {value} EUR must be zero or more", field=field)
    return amount.quantize(Decimal("0.01"))


def _work_detail(order: WorkOrder) -> dict[str, Any]:
    """A work order's figures as its events keep them."""
    detail: dict[str, Any] = {
        "kind": order.kind.value,
        "labour_minutes": order.labour_minutes,
        "parts_cost": str(order.parts_cost),
    }
    if order.parts:
        detail["parts"] = [f"{p.quantity} x {p.reference}" for p in order.parts]
    if order.wipe_certificate:
        detail["certificate"] = order.wipe_certificate
    return detail


@dataclass(frozen=True, slots=True)
class Change:
    event: UnitEvent
    move: StockMove | None = None


@dataclass(eq=False)
class ReturnedUnit:
    id: int
    lpn: str
    site_code: str
    location_code: str | None
    received_at: datetime
    state: UnitState = UnitState.RECEIVED
    sku: str | None = None
    gtin: str | None = None
    serial: str | None = None
    batch: str | None = None
    sscc: str | None = None
    scanned_code: str = ""
    rma_number: str | None = None
    rma_line_no: int | None = None
    quarantine_reason: str = ""
    functional_grade: str | None = None
    cosmetic_grade: str | None = None
    route: DispositionRoute | None = None
    destination_site: str | None = None
    data_wiped_at: datetime | None = None
    tested_at: datetime | None = None
    updated_at: datetime | None = None
    #: What the unit brought, EUR: its sale price, a partner's payment, a vendor's credit
    #: (None: nothing recorded yet).
    proceeds: Decimal | None = None
    #: The client the unit belongs to (None: the provider's own goods), set when it is
    #: received and never changed after (domain/clients.py).
    client_code: str | None = None

    # -- creation ---------------------------------------------------------------------------
    @classmethod
    def receive(
        cls,
        *,
        id: int,
        lpn: str,
        site: Site,
        at: datetime,
        actor: str,
        document: str = "",
        **identity: Any,
    ) -> tuple[ReturnedUnit, Change]:
        """A unit arrives at a site's receiving location and enters the parallel stock."""
        if not site.holds_stock:
            raise NotAllowed(f"{site.name} is a {site.kind.value}: it does not receive returns")
        unit = cls(
            id=id, lpn=lpn, site_code=site.code, location_code=None, received_at=at, **identity
        )
        change = unit._change(
            EventType.RECEIVED,
            at,
            actor,
            unit.state,
            to=site.location(LocationKind.RECEIVING),
            document=document,
            reason="received at " + site.name,
        )
        return unit, change

    # -- queries ----------------------------------------------------------------------------
    @property
    def awaited_trip(self) -> ConsignmentKind | None:
        """The trip the unit waits for at its site, if any: a transfer to the site that
        will work on it, or its dispatch to the partner that takes it (a recycler, a
        vendor, a charity)."""
        if self.destination_site in (None, self.site_code) or self.in_transit:
            return None
        if self.route in WORK_AT_DESTINATION and self.state is _U.DISPOSITION_DECIDED:
            return ConsignmentKind.TRANSFER
        if self.route in _ENDS_AT_DESTINATION and self.state is _U.READY:
            return ConsignmentKind.DISPATCH
        return None

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def in_transit(self) -> bool:
        return self.location_code == location_code(self.site_code, LocationKind.IN_TRANSIT)

    def can(self, target: UnitState) -> bool:
        return can_transition(self.state, target, UNIT_TRANSITIONS)

    def ensure_can(self, target: UnitState) -> None:
        ensure_transition(f"Unit {self.lpn}", self.state, target, UNIT_TRANSITIONS)

    def can_inspect(self) -> bool:
        return self.can(_U.GRADED) and not self.in_transit

    def ensure_can_inspect(self) -> None:
        self.ensure_can(_U.GRADED)
        self._ensure_on_site("inspected")

    def can_decide(self) -> bool:
        """Whether a disposition may be recorded (or overridden) now."""
        return self.can(_U.DISPOSITION_DECIDED) and self.sku is not None

    def ensure_can_decide(self) -> None:
        self.ensure_can(_U.DISPOSITION_DECIDED)
        if self.sku is None:
            raise NotAllowed(f"unit {self.lpn} is not identified: identify its product first")

    # -- steps ------------------------------------------------------------------------------
    def _location(self, kind: LocationKind) -> str:
        return location_code(self.site_code, kind)

    def _ensure_on_site(self, doing: str) -> None:
        if self.in_transit:
            raise NotAllowed(
                f"unit {self.lpn} is in transit to {self.site_code}: it cannot be "
                f"{doing} before it arrives"
            )

    def _change(
        self,
        type: EventType,
        at: datetime,
        actor: str,
        state: UnitState,
        *,
        to: str | bool | None = False,
        reason: str = "",
        document: str = "",
        detail: dict[str, Any] | None = None,
    ) -> Change:
        """Apply a state change and, when ``to`` is given (a location, or None to leave the
        parallel stock), a move; return the event and the move to store."""
        if not actor.strip():
            raise InvalidValue("every change of a unit needs who made it", field="operator")
        move = None
        if to is not False and to != self.location_code:
            assert to is None or isinstance(to, str)
            move = StockMove(self.id, self.location_code, to, at, actor, reason or type.value)
            self.location_code = to
        self.state = state
        self.updated_at = at
        event = UnitEvent(
            unit_id=self.id,
            lpn=self.lpn,
            type=type,
            occurred_at=at,
            actor=actor,
            site_code=self.site_code,
            location_code=self.location_code,
            state=state.value,
            reason=reason,
            document=document,
            detail=detail or {},
        )
        return Change(event, move)

    def move(
        self, *, from_location: str | None, to_location: str, at: datetime, actor: str, reason: str
    ) -> Change:
        """Move within the site. Refused when the unit is not where the move says it is."""
        if self.is_final:
            raise LedgerError(f"unit {self.lpn} has left the parallel stock ({self.state.value})")
        if from_location != self.location_code:
            raise LedgerError(f"unit {self.lpn} is at {self.location_code}, not at {from_location}")
        self._ensure_on_site("moved")
        if to_location.split(":", 1)[0] != self.site_code:
            raise LedgerError(
                f"{to_location} is not at site {self.site_code}; ship the unit to move it "
                "between sites"
            )
        return self._change(EventType.MOVED, at, actor, self.state, to=to_location, reason=reason)

    def quarantine(self, *, reason: str, at: datetime, actor: str) -> Change:
        if not reason.strip():
            raise InvalidValue("quarantine needs a reason", field="reason")
        self.ensure_can(_U.QUARANTINED)
        self._ensure_on_site("quarantined")
        self.quarantine_reason = reason
        return self._change(
            EventType.QUARANTINED,
            at,
            actor,
            _U.QUARANTINED,
            to=self._location(LocationKind.QUARANTINE),
            reason=reason,
        )

    def release(
        self,
        *,
        at: datetime,
        actor: str,
        reason: str,
        sku: str | None = None,
        gtin: str | None = None,
        product_client: str | None = None,
    ) -> Change:
        """Release from quarantine, identifying the product when it was unknown
        (``product_client``: the client that product belongs to)."""
        self.ensure_can(_U.RECEIVED)
        self._ensure_on_site("released")
        if sku is not None:
            self.client_code = owner_when_identified(
                lpn=self.lpn,
                unit_client=self.client_code,
                on_return=self.rma_number is not None,
                sku=sku,
                product_client=product_client,
            )
            # Keep the GTIN read from the unit's own label, if any: a later scan of that label
            # must find this unit again.
            self.sku, self.gtin = sku, self.gtin or gtin
        if self.sku is None:
            raise NotAllowed(f"unit {self.lpn} is not identified: name its product to release it")
        self.quarantine_reason = ""
        return self._change(
            EventType.RELEASED,
            at,
            actor,
            _U.RECEIVED,
            to=self._location(LocationKind.RECEIVING),
            reason=reason,
        )

    def record_inspection(self, inspection: Inspection) -> Change:
        self.ensure_can_inspect()
        if self.sku is None:
            raise NotAllowed(f"unit {self.lpn} is not identified: release it with its product")
        self.functional_grade = inspection.functional_grade.value
        self.cosmetic_grade = inspection.cosmetic_grade.value
        if inspection.all_functions_tested_ok:
            self.tested_at = inspection.inspected_at
        grades = f"{inspection.functional_grade.value}/{inspection.cosmetic_grade.value}"
        return self._change(
            EventType.INSPECTED,
            inspection.inspected_at,
            inspection.operator,
            _U.GRADED,
            to=self._location(LocationKind.GRADED_STOCK),
            reason=f"graded {grades} (functional/cosmetic)",
            detail={
                "functional_grade": inspection.functional_grade.value,
                "cosmetic_grade": inspection.cosmetic_grade.value,
                "fault_codes": inspection.fault_codes,
                "hazardous": inspection.hazardous,
            },
        )

    def record_disposition(self, record: DispositionRecord, work: list[WorkOrderKind]) -> Change:
        """Take the decision; a route with no work to do makes the unit ready at once."""
        self.ensure_can_decide()
        self.route = record.route
        self.destination_site = record.destination_site
        detail = {
            "route": record.route.value,
            "decided_by": record.decided_by.value,
            "destination_site": record.destination_site,
            "channel": record.channel,
            "work": [w.value for w in work],
        }
        if work:
            return self._change(
                EventType.DISPOSITION_RECORDED,
                record.decided_at,
                record.actor,
                _U.DISPOSITION_DECIDED,
                reason=record.reason,
                detail=detail,
            )
        # A unit decided on its way stays in transit: it reaches outbound when it arrives.
        return self._change(
            EventType.DISPOSITION_RECORDED,
            record.decided_at,
            record.actor,
            _U.READY,
            to=False if self.in_transit else self._location(LocationKind.OUTBOUND),
            reason=record.reason,
            detail=detail,
        )

    def start_work(self, order: WorkOrder, *, at: datetime, actor: str) -> Change:
        if order.site_code != self.site_code:
            raise NotAllowed(
                f"work order {order.number} is at {order.site_code} but unit {self.lpn} is at "
                f"{self.site_code}: ship it there first"
            )
        self._ensure_on_site("worked on")
        if self.state is not _U.IN_PROCESS:
            self.ensure_can(_U.IN_PROCESS)
        return self._change(
            EventType.WORK_STARTED,
            at,
            actor,
            _U.IN_PROCESS,
            to=self._location(LocationKind.WORK_IN_PROGRESS),
            document=order.number,
            reason=f"{order.kind.value} started",
        )

    def record_work(self, order: WorkOrder, *, at: datetime, actor: str, notes: str) -> Change:
        """What was done on the unit in a sitting of work (its place and state unchanged)."""
        return self._change(
            EventType.WORK_RECORDED,
            at,
            actor,
            self.state,
            document=order.number,
            reason=notes.strip() or f"{order.kind.value}: work recorded",
            detail=_work_detail(order),
        )

    def complete_work(
        self, order: WorkOrder, *, at: datetime, actor: str, all_done: bool
    ) -> Change:
        if order.kind is WorkOrderKind.DATA_WIPE:
            self.data_wiped_at = at
        if order.kind is WorkOrderKind.TEST:
            self.tested_at = at
        detail = _work_detail(order)
        if all_done:
            return self._change(
                EventType.WORK_COMPLETED,
                at,
                actor,
                _U.READY,
                to=self._location(LocationKind.OUTBOUND),
                document=order.number,
                reason=f"{order.kind.value} done; ready to leave",
                detail=detail,
            )
        return self._change(
            EventType.WORK_COMPLETED,
            at,
            actor,
            _U.IN_PROCESS,
            document=order.number,
            reason=f"{order.kind.value} done",
            detail=detail,
        )

    def fail_work(self, order: WorkOrder, *, at: datetime, actor: str, reason: str) -> Change:
        """A failed work order sends the unit back to graded stock for a new decision."""
        self.route = None
        self.destination_site = None
        return self._change(
            EventType.WORK_FAILED,
            at,
            actor,
            _U.GRADED,
            to=self._location(LocationKind.GRADED_STOCK),
            document=order.number,
            reason=reason or f"{order.kind.value} failed",
        )

    def ship(self, *, to_site: Site, at: datetime, actor: str, document: str = "") -> Change:
        """Send the unit to another site of the network; it is in that site's in-transit
        location until it arrives."""
        if self.is_final or self.state is _U.IN_PROCESS:
            raise NotAllowed(f"unit {self.lpn} is {self.state.value}: it cannot be shipped now")
        if not to_site.holds_stock:
            raise NotAllowed(f"{to_site.name} does not hold Revalo stock; dispatch the unit to it")
        if to_site.code == self.site_code:
            raise InvalidValue(f"unit {self.lpn} is already at {to_site.code}", field="to_site")
        self._ensure_on_site("shipped")
        origin = self.site_code
        self.site_code = to_site.code
        return self._change(
            EventType.SHIPPED,
            at,
            actor,
            self.state,
            to=to_site.location(LocationKind.IN_TRANSIT),
            document=document,
            reason=f"shipped from {origin} to {to_site.code}",
            detail={"from_site": origin, "to_site": to_site.code},
        )

    def arrive(self, *, at: datetime, actor: str) -> Change:
        if not self.in_transit:
            raise NotAllowed(f"unit {self.lpn} is not in transit")
        kind = {
            _U.QUARANTINED: LocationKind.QUARANTINE,
            _U.RECEIVED: LocationKind.RECEIVING,
            _U.READY: LocationKind.OUTBOUND,
        }.get(self.state, LocationKind.GRADED_STOCK)
        return self._change(
            EventType.ARRIVED,
            at,
            actor,
            self.state,
            to=self._location(kind),
            reason=f"arrived at {self.site_code}",
        )

    def ensure_can_dispatch(self, *, data_bearing: bool) -> None:
        if self.state is not _U.READY:
            raise NotAllowed(
                f"unit {self.lpn} is {self.state.value}: only a ready unit can be dispatched"
            )
        self._ensure_on_site("dispatched")
        assert self.route is not None
        rule = ROUTE_RULES[self.route]
        if data_bearing and rule.leaves_with_data and self.data_wiped_at is None:
            raise NotAllowed(
                f"unit {self.lpn} holds data: it may leave only after a recorded data wipe "
                "(NIST SP 800-88)"
            )
        if self.route is DispositionRoute.REFURBISH and self.tested_at is None:
            raise NotAllowed(
                f"unit {self.lpn} may be sold as refurbished only once all its functions were "
                "tested (décret 2022-190)"
            )

    def dispatch(
        self, *, at: datetime, actor: str, data_bearing: bool, document: str = ""
    ) -> Change:
        """The unit leaves for its second life: restocked, listed for sale, or sent away."""
        self.ensure_can_dispatch(data_bearing=data_bearing)
        assert self.route is not None
        in_house, sent = _FINAL_BY_ROUTE[self.route]
        target = sent if self.destination_site and self.route in _ENDS_AT_DESTINATION else in_house
        to = self._location(LocationKind.GRADED_STOCK) if target is _U.LISTED else None
        where = f" to {self.destination_site}" if self.destination_site else ""
        return self._change(
            EventType.LISTED if target is _U.LISTED else EventType.DISPATCHED,
            at,
            actor,
            target,
            to=to,
            document=document,
            reason=f"{self.route.value}: {target.value}{where}",
            detail={"route": self.route.value, "destination_site": self.destination_site},
        )

    def sell(
        self, *, at: datetime, actor: str, document: str = "", price: Decimal | None = None
    ) -> Change:
        """A listed unit is sold (at ``price``, EUR, when known): it leaves the stock."""
        self.ensure_can(_U.SOLD)
        detail = {}
        if price is not None:
            self.proceeds = _money(price, "price")
            detail["price_eur"] = str(self.proceeds)
        return self._change(
            EventType.DISPATCHED,
            at,
            actor,
            _U.SOLD,
            to=None,
            document=document,
            reason="sold" + (f" for {self.proceeds} EUR" if price is not None else ""),
            detail=detail,
        )

    def _ensure_ready_here(self, *, harvest: bool) -> None:
        if self.state is not _U.READY and harvest:
            raise NotAllowed(
                f"unit {self.lpn} is {self.state.value}: only a ready unit is harvested"
            )
        if self.state is not _U.READY:
            raise NotAllowed(
                f"unit {self.lpn} is {self.state.value}: only a ready unit is sold in a lot"
            )
        self._ensure_on_site("harvested" if harvest else "sold")

    def sell_in_lot(
        self, *, lot: str, price: Decimal, at: datetime, actor: str, document: str = ""
    ) -> Change:
        """A ready unit leaves the stock sold in a B2B lot, for its share of the lot's price."""
        self._ensure_ready_here(harvest=False)
        self.proceeds = _money(price, "price")
        return self._change(
            EventType.DISPATCHED,
            at,
            actor,
            _U.SOLD,
            to=None,
            document=document or lot,
            reason=f"sold in lot {lot} for {self.proceeds} EUR",
            detail={"lot": lot, "price_eur": str(self.proceeds)},
        )

    def harvest(self, order: WorkOrder, *, parts: list[str], at: datetime, actor: str) -> Change:
        """A ready unit decided for its parts is dismantled by ``order``: it leaves the stock,
        and its ``parts`` (their numbers) go into it."""
        if self.route is not DispositionRoute.HARVEST_PARTS:
            raise NotAllowed(
                f"unit {self.lpn} is decided for {self.route.value if self.route else 'nothing'}"
                ": only a unit decided for its parts is harvested"
            )
        self._ensure_ready_here(harvest=True)
        if order.site_code != self.site_code:
            raise NotAllowed(f"work order {order.number} is not at {self.site_code}")
        return self._change(
            EventType.DISPATCHED,
            at,
            actor,
            _U.HARVESTED,
            to=None,
            document=order.number,
            reason=f"dismantled into {len(parts)} parts put into stock",
            detail={**_work_detail(order), "route": self.route.value, "parts": parts},
        )

    def record_proceeds(
        self, *, amount: Decimal, at: datetime, actor: str, document: str = "", reason: str = ""
    ) -> Change:
        """Money the unit brought after it left (a partner's payment, a vendor's credit, a
        recycler's price per kg): added to what it brought before."""
        if not self.is_final:
            raise NotAllowed(
                f"unit {self.lpn} is {self.state.value}: proceeds are recorded once it has left"
            )
        paid = _money(amount, "amount")
        self.proceeds = (self.proceeds or Decimal("0.00")) + paid
        return self._change(
            EventType.PROCEEDS_RECORDED,
            at,
            actor,
            self.state,
            document=document,
            reason=reason or f"{paid} EUR received",
            detail={"amount_eur": str(paid), "proceeds_eur": str(self.proceeds)},
        )

    def report(self, *, at: datetime, actor: str, reason: str, detail: dict[str, Any]) -> Change:
        """What a partner reported of the unit (an EPCIS event it sent): on the timeline,
        the unit's state and place unchanged."""
        return self._change(EventType.REPORTED, at, actor, self.state, reason=reason, detail=detail)
