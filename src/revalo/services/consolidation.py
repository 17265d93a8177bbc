"""Ship now or wait: the units waiting at a site for the same destination, grouped.

At the end of a day the flow manager looks at every lane out of a site: units decided for
repair or refurbishment elsewhere wait to be transferred; units ready for a recycler, a
vendor or a charity wait to be dispatched. For each destination the transport model's
consolidation planner compares sending them now (one by one, all together on a pallet or a
truck, or split by content) with waiting for a fuller load, against the value the units
lose each day. ``consolidate_site`` plans; ``ship_planned`` books what was decided to leave.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from revalo.domain.catalog import Site
from revalo.domain.disposition import DispositionRoute
from revalo.domain.journey import ConsignmentKind
from revalo.domain.people import Permission, User
from revalo.domain.units import Change, ReturnedUnit, UnitState
from revalo.engines.disposition.params import DispositionParams, load_params
from revalo.engines.disposition.value import daily_value_loss
from revalo.engines.transport.consolidation import (
    ConsolidationAction,
    ConsolidationDecision,
    ConsolidationParams,
    Inflow,
    WaitingUnit,
    plan_hub,
)
from revalo.engines.transport.places import Place
from revalo.services.common import found, get_site, when
from revalo.services.facilities import ensure_destination_certified
from revalo.services.floor.flow_tasks import ship_with_tasks
from revalo.services.guard import needs
from revalo.services.ports import UnitFilter, UnitOfWork
from revalo.services.retry import retried
from revalo.services.stock import Shipped
from revalo.services.transport import (
    Transport,
    default_transport,
    item_of,
)

#: Routes whose value is sold, so that it shrinks while the unit waits (for the others —
#: recycling, disposal, a vendor's credit — a day's wait costs nothing but space).
_DECAYING = frozenset(
    {
        DispositionRoute.REPAIR,
        DispositionRoute.REFURBISH,
        DispositionRoute.RESELL,
        DispositionRoute.DONATE,
        DispositionRoute.HARVEST_PARTS,
    }
)
#: Days of history the inflow of a lane is estimated from.
INFLOW_DAYS = 14
_PAGE = 1000


@dataclass(frozen=True, slots=True)
class LanePlan:
    """One destination: what kind of trip, the units waiting, and the decision."""

    destination: str
    kind: ConsignmentKind
    lpns: tuple[str, ...]
    decision: ConsolidationDecision


@dataclass(frozen=True, slots=True)
class SitePlan:
    site_code: str
    day: date
    lanes: tuple[LanePlan, ...]

    @property
    def leaving(self) -> list[LanePlan]:
        return [x for x in self.lanes if x.decision.action is ConsolidationAction.SHIP_NOW]


def waiting_units(uow: UnitOfWork, site_code: str) -> list[ReturnedUnit]:
    """Units at the site that wait for a trip (a transfer or a dispatch), oldest first."""
    states = frozenset({UnitState.DISPOSITION_DECIDED, UnitState.READY})
    flt = UnitFilter(states=states, site_code=site_code, in_stock=True)
    units: list[ReturnedUnit] = []
    offset = 0
    while True:
        page = uow.units.list(flt, limit=_PAGE, offset=offset)
        units.extend(u for u in page.items if u.awaited_trip is not None)
        offset += _PAGE
        if offset >= page.total:
            return units


def unit_daily_loss(
    params: DispositionParams, unit: ReturnedUnit, new_price: float, category: str
) -> float:
    """What a day's wait costs a unit: its new price times the day's decay of its category
    (the value-decay figures of config/disposition.toml), on routes whose value is sold;
    nothing otherwise."""
    if unit.route not in _DECAYING:
        return 0.0
    return daily_value_loss(params, category, new_price)


def consolidate_site(
    uow: UnitOfWork,
    site_code: str,
    *,
    at: datetime | None = None,
    transport: Transport | None = None,
    params: ConsolidationParams | None = None,
    disposition: DispositionParams | None = None,
) -> SitePlan:
    """Decide, for every destination units wait for at the site, to send them today or to
    wait for a fuller load. Nothing is booked: see ``ship_planned``."""
    t = when(at)
    tr = transport or default_transport()
    dp = disposition or load_params()
    with uow:
        site = get_site(uow, site_code)
        lanes: dict[tuple[str, ConsignmentKind], list[WaitingUnit]] = defaultdict(list)
        for unit in waiting_units(uow, site.code):
            kind = unit.awaited_trip
            assert kind is not None and unit.destination_site is not None
            product = uow.products.get(unit.sku) if unit.sku else None
            item = item_of(uow, unit)
            loss = (
                unit_daily_loss(dp, unit, float(product.new_price), product.category)
                if product
                else 0.0
            )
            since = (unit.updated_at or unit.received_at).date()
            lanes[(unit.destination_site, kind)].append(
                WaitingUnit(
                    id=unit.lpn,
                    weight_kg=item.weight_kg,
                    volume_m3=item.volume_m3,
                    daily_value_loss_eur=loss,
                    waiting_since=min(since, t.date()),
                    lithium=item.lithium,
                    bulky=item.bulky,
                    damaged_lithium=item.damaged_lithium,
                )
            )
        places = {
            code: Place.of(found(uow.sites.get(code), f"no site {code!r}", "destination_site"))
            for code, _ in lanes
        }
        history = uow.consignments.shipped_from(site.code, since=t - timedelta(days=INFLOW_DAYS))
    plans = []
    kinds = sorted({k for _, k in lanes})
    for kind in kinds:
        by_place = {places[code]: units for (code, k), units in lanes.items() if k is kind}
        inflows = {
            places[code]: _inflow(history.get(code), by_place[places[code]])
            for code, _ in lanes
            if places[code] in by_place
        }
        decisions = plan_hub(
            Place.of(site), by_place, inflows, t.date(), tr.cards, tr.distances, params
        )
        for place, decision in decisions.items():
            plans.append(LanePlan(place.code, kind, tuple(u.id for u in by_place[place]), decision))
    return SitePlan(
        site.code, t.date(), tuple(sorted(plans, key=lambda x: (x.destination, x.kind)))
    )


def _inflow(history: tuple[int, float] | None, waiting: Sequence[WaitingUnit]) -> Inflow:
    """Units per day sent on the lane over the last days, of the mean weight sent and the
    mean volume of the units waiting now (a consignment does not keep volumes)."""
    if history is None or history[0] == 0:
        return Inflow()
    units, weight = history
    volume = sum(u.volume_m3 for u in waiting) / len(waiting)
    return Inflow(units / INFLOW_DAYS, weight / units, volume)


@needs(Permission.BOOK_OUTBOUND)
@retried
def ship_planned(
    uow: UnitOfWork,
    plan: SitePlan,
    *,
    by: User,
    at: datetime | None = None,
    transport: Transport | None = None,
) -> list[Shipped]:
    """Book the shipments of the lanes decided to leave today, grouped as planned. Each
    group is one consignment; each unit gets its share in its journey."""
    t = when(at)
    tr = transport or default_transport()
    booked = []
    with uow:
        origin = get_site(uow, plan.site_code)
        # Every unit locked first, in one order: a booking then waits for no unit.
        lpns = sorted(
            {lpn for lane in plan.leaving for s in lane.decision.shipments for lpn in s.unit_ids}
        )
        by_lpn = {
            lpn: found(uow.units.by_lpn(lpn, lock=True), f"no unit {lpn!r}", "lpn") for lpn in lpns
        }
        for lane in plan.leaving:
            destination = get_site(uow, lane.destination, "destination_site")
            for shipment in lane.decision.shipments:
                units = [by_lpn[lpn] for lpn in shipment.unit_ids]
                consignment = ship_with_tasks(
                    uow,
                    tr,
                    units,
                    _step(lane.kind, destination, by.login, t, uow),
                    kind=lane.kind,
                    origin=origin,
                    destination=destination,
                    at=t,
                )
                booked.append(Shipped(consignment, units))
        uow.commit()
    return booked


def _step(
    kind: ConsignmentKind, destination: Site, operator: str, at: datetime, uow: UnitOfWork
) -> Callable[[ReturnedUnit, str], Change]:
    """The unit's own step when its consignment leaves: shipped to a site of the network,
    or dispatched to the partner (after the data-wipe check of a data-bearing device)."""
    if kind is ConsignmentKind.TRANSFER:
        return lambda u, ref: u.ship(to_site=destination, at=at, actor=operator, document=ref)

    ensure_destination_certified(uow, destination.code, at)

    def dispatch(u: ReturnedUnit, ref: str) -> Change:
        product = uow.products.get(u.sku) if u.sku else None
        bearing = product.data_bearing if product else False
        return u.dispatch(at=at, actor=operator, data_bearing=bearing, document=ref)

    return dispatch
