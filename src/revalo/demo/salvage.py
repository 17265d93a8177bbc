"""The demo's salvage: units decided for their parts are dismantled when they would leave
(their parts graded and put into stock), a repair of the same product at the same site fits
a harvested part first, and some ready units of the resale route are kept for the B2B lots
made at the end (``lots.py``). Through the use cases, at the demo's dates."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from revalo.demo.agenda import Phase
from revalo.demo.floor import Floor, SimUnit
from revalo.domain.disposition import DispositionRoute
from revalo.domain.parts import BILL_OF_PARTS
from revalo.domain.people import Permission, User
from revalo.domain.work_orders import WorkOrder, WorkOrderKind
from revalo.services import parts

#: How the technicians grade a dismantled unit's parts (assumed shares: most parts of a
#: unit that failed its repair still work).
PART_GRADES = (("A", 0.35), ("B", 0.35), ("C", 0.15), ("D", 0.15))
#: Minutes to dismantle a unit (assumed, from a quarter of an hour to most of one).
HARVEST_MINUTES = (15, 50)
#: Categories sold in lots to wholesale buyers, and the share of their ready units (resale
#: route, working with a minor fault or worn) kept for a lot: about 15 % of processed
#: returns go wholesale (Optoro, 2020).
WHOLESALE = frozenset({"phone", "tablet", "laptop", "small_appliance", "power_tool", "tv"})
WHOLESALE_SHARE = 0.6


class Salvage:
    def __init__(self, floor: Floor) -> None:
        self.f = floor
        #: Harvested parts in stock the demo knows of: (site, sku) -> their kinds.
        self.in_stock: dict[tuple[str, str], list[str]] = defaultdict(list)
        #: Ready units kept for the lots, by licence plate.
        self.pool: dict[str, SimUnit] = {}

    def _technician(self, site: str) -> User:
        who = self.f.who(site, 3)
        return who if who.can(Permission.HARVEST_PARTS) else self.f.manager

    def takes(self, unit: SimUnit) -> bool:
        """Whether the unit, about to leave, is dismantled or kept for a lot instead."""
        item = unit.plan.item
        in_house = unit.destination in (None, unit.site)
        if unit.route is DispositionRoute.HARVEST_PARTS and in_house:
            if item.category in BILL_OF_PARTS:
                self.harvest(unit)
                return True
            return False
        g = unit.grading
        if (
            unit.route is DispositionRoute.RESELL
            and in_house
            and g is not None
            and item.category in WHOLESALE
            and (g.functional.value == "B" or g.cosmetic.value == "C")
            and g.functional.value != "D"
            and self.f.rng.random() < WHOLESALE_SHARE
        ):
            self.pool[unit.lpn] = unit
            return True
        return False

    def harvest(self, unit: SimUnit) -> None:
        f = self.f
        bill = BILL_OF_PARTS[unit.plan.item.category]
        grades = {
            kind: f.rng.choices([g for g, _ in PART_GRADES], [w for _, w in PART_GRADES])[0]
            for kind, _ in bill
        }
        minutes = f.rng.randint(*HARVEST_MINUTES)
        done = f.agenda.call(
            parts.harvest_unit,
            f.uow,
            unit.lpn,
            grades=grades,
            labour_minutes=minutes,
            by=self._technician(unit.site),
            at=f.agenda.at(Phase.WORK, unit, site=unit.site, minutes=minutes),
        )
        for part in done.parts:
            self.in_stock[unit.site, part.sku].append(part.kind)

    def fit(self, unit: SimUnit, order: WorkOrder, at: datetime) -> None:
        """A repair of a product with a harvested part at its site fits one first."""
        if order.kind is not WorkOrderKind.REPAIR:
            return
        kinds = self.in_stock.get((unit.site, unit.plan.item.product.sku))
        if not kinds:
            return
        kind = kinds.pop(0)
        self.f.agenda.call(
            parts.fit_part, self.f.uow, order.id, kind=kind, by=self.f.who(unit.site, 3), at=at
        )
