"""The plan of the scenario: who asks to return what, when, and when it will arrive.

The plan is drawn up front from one seeded generator, so the same seed always gives the
same scenario. It holds exactly the number of units asked for that reach a hub before the
scenario ends; returns still on their way at the end come on top.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from revalo.demo import figures as fig
from revalo.demo.calendar import Calendar
from revalo.demo.catalogue import SERIAL_ON_ORDER, CatalogueItem
from revalo.demo.labels import damaged_code, item_code
from revalo.demo.network import Network
from revalo.domain.catalog import Customer, CustomerKind, SiteKind
from revalo.domain.returns import ReturnReason as R
from revalo.domain.values import GeoPoint
from revalo.engines.collection.config import load_collection_config

_CONFORMITY = (R.DEFECTIVE, R.WARRANTY_REPAIR)


@dataclass(eq=False)
class PlannedUnit:
    item: CatalogueItem
    serial: str | None
    batch: str | None
    code: str  # what the scanner reads on it
    reason: R | None  # None: it came with no return request
    business: bool = False


@dataclass(eq=False)
class PlannedLine:
    item: CatalogueItem
    reason: R
    units: list[PlannedUnit]
    serial: str | None  # the serial the order names, when the line is for one known unit


@dataclass(eq=False)
class PlannedReturn:
    customer: Customer
    day: int
    requested_at: datetime
    delivered_at: datetime
    lines: list[PlannedLine]
    #: What the manager does if the policy leaves the return for review.
    goodwill: bool
    never_sent: bool
    #: Working days between authorisation and the carrier's pick-up.
    ship_delay: int

    @property
    def units(self) -> list[PlannedUnit]:
        return [u for ln in self.lines for u in ln.units]

    @property
    def needs_vehicle(self) -> bool:
        """Fetched at the customer's, not posted: a business's, or holding a bulky item."""
        return needs_vehicle(self.customer, self.lines)


def needs_vehicle(customer: Customer, lines: list[PlannedLine]) -> bool:
    business = customer.kind is CustomerKind.BUSINESS
    return business or any(ln.item.product.bulky for ln in lines)


@dataclass(eq=False)
class PlannedParcel:
    """A parcel that reaches a hub with no return behind it, or with an unreadable label."""

    day: int
    hub: str
    unit: PlannedUnit
    unreadable: bool


@dataclass(eq=False)
class Plan:
    returns: list[PlannedReturn] = field(default_factory=list)
    parcels: list[PlannedParcel] = field(default_factory=list)
    #: Units that reach a hub before the end (what ``units`` asked for).
    arriving: int = 0


class Planner:
    """Draws the plan; it also answers, for the simulation, when a return will travel."""

    def __init__(
        self,
        rng: random.Random,
        calendar: Calendar,
        network: Network,
        catalogue: list[CatalogueItem],
        consumers: list[Customer],
        businesses: list[Customer],
    ) -> None:
        self.rng, self.cal, self.net = rng, calendar, network
        self.consumers, self.businesses = consumers, businesses
        by_cat: dict[str, list[CatalogueItem]] = {}
        for it in catalogue:
            by_cat.setdefault(it.category, []).append(it)
        self.by_cat = by_cat
        self.cats = list(fig.SALES_AND_RETURN_RATE)
        self.cat_cum = list(
            itertools.accumulate(s * r for s, r in fig.SALES_AND_RETURN_RATE.values())
        )
        self.day_cum = list(itertools.accumulate(calendar.request_weights()))
        self.serials = itertools.count(1)
        #: Days from authorisation to a collection's due date (the collection file's).
        self.due_days = load_collection_config().due_days

    # -- drawing ------------------------------------------------------------------------
    def _item(self, category: str) -> CatalogueItem:
        items = self.by_cat[category]
        return self.rng.choices(items, weights=[i.popularity for i in items])[0]

    def _unit(self, item: CatalogueItem, reason: R | None, business: bool) -> PlannedUnit:
        rng = self.rng
        prefix = item.brand.serial_prefix
        serial = f"{prefix}{rng.randint(20, 24)}{next(self.serials):07d}" if prefix else None
        batch = f"L{rng.randint(22, 24)}{rng.randint(1, 52):02d}"
        return PlannedUnit(
            item, serial, batch, item_code(rng, item.product.gtin, serial, batch), reason, business
        )

    def _hub(self, customer: Customer) -> str:
        """The hub the return policy will send the customer to (as ``nearest_hub`` does)."""
        point = GeoPoint(customer.lat, customer.lon)
        return self.net.nearest_to(point, SiteKind.RETURNS_HUB, customer.country).code

    def fetched_by_crew(self, rma: PlannedReturn, hub: str) -> bool:
        """A return the hub's own crews collect: one that needs a vehicle, within the hub's
        collection area (further away a carrier collects it)."""
        c = rma.customer
        near = GeoPoint(c.lat, c.lon).km_to(self.net.sites[hub].point) <= fig.COLLECTION_AREA_KM
        return rma.needs_vehicle and near

    def pickup_and_arrival(
        self, rma: PlannedReturn, authorised_day: int, hub: str
    ) -> tuple[int, int]:
        """The day the return is picked up, and the day it reaches the hub. The hub's crews
        take a collection on its due date at the latest: the scenario takes it then (the
        first working day from it), so that the pickups waiting when it ends are those a
        planner sees after days of collection plans; a carrier after a few working days."""
        if self.fetched_by_crew(rma, hub):
            pickup = self.cal.next_working_day(authorised_day + self.due_days)
        else:
            pickup = self.cal.working_day_after(authorised_day, rma.ship_delay)
        c = rma.customer
        transit = self.net.transit_days(GeoPoint(c.lat, c.lon), self.net.sites[hub].point)
        return pickup, self.cal.next_working_day(pickup + transit)

    def _delivered_days(self, reason: R) -> int:
        rng = self.rng
        if reason is R.WITHDRAWAL:
            late = rng.random() < fig.LATE_WITHDRAWAL
            return rng.randint(15, 40) if late else rng.randint(0, 13)
        if reason in _CONFORMITY:
            if rng.random() < fig.LATE_GUARANTEE:
                return rng.randint(731, 1000)
            return min(729, 3 + int(rng.expovariate(1 / 150)))
        if reason in (R.DAMAGED_IN_TRANSIT, R.WRONG_ITEM):
            return rng.randint(0, 5)
        return rng.randint(1, 13)

    def _consumer_return(self, day: int) -> PlannedReturn:
        rng = self.rng
        customer = rng.choice(self.consumers)
        cat = rng.choices(self.cats, cum_weights=self.cat_cum)[0]
        family = self.by_cat[cat][0].family
        reasons = fig.REASONS[family]
        reason = rng.choices(list(reasons), weights=list(reasons.values()))[0]
        items = [self._item(cat)]
        if family == "apparel" and reason is R.WITHDRAWAL:
            # Ordering several sizes to keep one ("bracketing") sends back several lines.
            extra = rng.choices((0, 1, 2), weights=(0.55, 0.3, 0.15))[0]
            items += [self._item(rng.choice(("coat", "shoes", "t_shirt"))) for _ in range(extra)]
        lines: list[PlannedLine] = []
        for item in dict.fromkeys(items):
            u = self._unit(item, reason, False)
            named = u.serial if item.category in SERIAL_ON_ORDER else None
            lines.append(PlannedLine(item, reason, [u], named))
        return self._return(customer, day, lines, self._delivered_days(reason), 1, 3)

    def _business_return(self, day: int) -> PlannedReturn:
        rng = self.rng
        customer = rng.choice(self.businesses)
        reason = R.OTHER if rng.random() < 0.1 else R.END_OF_LEASE
        lines = []
        for _ in range(rng.randint(4, 30)):
            cat = rng.choices(list(fig.B2B_MIX), weights=list(fig.B2B_MIX.values()))[0]
            u = self._unit(self._item(cat), reason, True)
            lines.append(PlannedLine(u.item, reason, [u], u.serial))
        # Leased for three to four years.
        return self._return(customer, day, lines, rng.randint(1000, 1500), 2, 5)

    def _return(
        self,
        customer: Customer,
        day: int,
        lines: list[PlannedLine],
        delivered_days: int,
        min_delay: int,
        max_delay: int,
    ) -> PlannedReturn:
        rng = self.rng
        at = self.cal.at(day, minutes=rng.randint(7 * 60, 23 * 60 - 1))
        delivered = at - timedelta(days=delivered_days, hours=rng.randint(0, 5))
        goodwill = rng.random() < fig.GOODWILL
        kept = rng.random() < fig.NEVER_SENT
        return PlannedReturn(
            customer=customer,
            day=day,
            requested_at=at,
            delivered_at=delivered,
            lines=lines,
            goodwill=goodwill,
            never_sent=kept and not needs_vehicle(customer, lines),
            ship_delay=rng.randint(min_delay, max_delay),
        )

    def _expected_arrival(self, rma: PlannedReturn) -> int | None:
        """When the units should reach their hub, or None if they should never come."""
        delivered = (rma.requested_at - rma.delivered_at).days
        reasons = {ln.reason for ln in rma.lines}
        business = rma.lines[0].units[0].business
        reviewed = R.OTHER in reasons or (
            not business and bool(reasons & set(_CONFORMITY)) and delivered > 730
        )
        if not business and R.WITHDRAWAL in reasons and delivered > 14:
            return None  # refused: the withdrawal period is over
        if rma.never_sent or (reviewed and not rma.goodwill):
            return None
        decided = self.cal.next_working_day(rma.day + 1) if reviewed else rma.day
        return self.pickup_and_arrival(rma, decided, self._hub(rma.customer))[1]

    def _parcel(self, day: int) -> PlannedParcel:
        rng = self.rng
        sender = rng.choice(self.consumers)
        unreadable = rng.random() < fig.UNREADABLE / (fig.UNREADABLE + fig.UNEXPECTED)
        if unreadable:
            item = self._item(rng.choices(self.cats, cum_weights=self.cat_cum)[0])
        else:
            item = self._item(rng.choice(sorted(SERIAL_ON_ORDER)))
        u = self._unit(item, None, False)
        if unreadable:
            u.code = damaged_code(rng, item.product.gtin, u.serial)
        arrival = self.cal.next_working_day(day + rng.randint(2, 4))
        return PlannedParcel(arrival, self._hub(sender), u, unreadable)

    # -- the plan -----------------------------------------------------------------------
    def plan(self, units: int) -> Plan:
        rng, plan = self.rng, Plan()
        extra_share = fig.UNEXPECTED + fig.UNREADABLE
        b2b_size, consumer_size = 17.0, 1.3  # mean units per return
        s = fig.B2B_UNIT_SHARE
        p_b2b = (s / b2b_size) / (s / b2b_size + (1 - s) / consumer_size) if self.businesses else 0
        days = range(self.cal.days)
        for _ in range(100 * units + 1000):
            left = units - plan.arriving
            if left <= 0:
                return plan
            day = rng.choices(days, cum_weights=self.day_cum)[0]
            if rng.random() < extra_share:
                parcel = self._parcel(day)
                if parcel.day < self.cal.days:
                    plan.parcels.append(parcel)
                    plan.arriving += 1
                continue
            rma = self._business_return(day) if rng.random() < p_b2b else self._consumer_return(day)
            arrival = self._expected_arrival(rma)
            if arrival is not None and arrival < self.cal.days:
                rma.lines = _trim(rma.lines, left)
                plan.arriving += len(rma.units)
            plan.returns.append(rma)
        raise RuntimeError(f"could not plan {units} units in {self.cal.days} days")


def _trim(lines: list[PlannedLine], left: int) -> list[PlannedLine]:
    """Keep at most ``left`` units, so that the plan holds exactly the number asked for."""
    out, n = [], 0
    for ln in lines:
        if n >= left:
            break
        out.append(ln)
        n += len(ln.units)
    return out
