"""The demo's clearance of slow stock: a unit listed one by one that finds no buyer within
``figures.CLEARANCE_DAYS`` is taken off sale and sold as is to the nearest resale partner
(a wholesale "déstockeur"), which scans it in when it arrives, pays for it at the price share
of its terms on its weekly statement, and records its own resale of it when it sells it
again. Through the use cases, at the demo's dates; each unit's chance drawn from its own
seed, so that the rest of the scenario draws as before."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from revalo.demo import figures as fig
from revalo.demo.agenda import Phase
from revalo.demo.floor import Floor, SimUnit
from revalo.demo.resale import OnSale
from revalo.demo.team import RESELLER_SITE
from revalo.domain.catalog import SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.people import User
from revalo.domain.work_orders import WorkOrder
from revalo.services import deliveries, disposition, partner_payments, partner_resales, resale

#: What carries a unit on after its decision (``Processing.carry_on``).
CarryOn = Callable[[SimUnit, DispositionRoute, str | None, list[WorkOrder]], None]

WHY = f"unsold after {fig.CLEARANCE_DAYS} days: sold as is to a wholesale partner"


class Clearance:
    def __init__(self, floor: Floor, listings: dict[str, OnSale], carry_on: CarryOn) -> None:
        self.f = floor
        #: The listing of each unit on sale, by LPN (shared with ``Processing``).
        self.listings = listings
        self.carry_on = carry_on

    def _partner(self, unit: SimUnit) -> str | None:
        site = self.f.net.nearest(unit.site, SiteKind.RESALE_PARTNER)
        return site.code if site else None

    def _user(self, site: str) -> User:
        """Who works the partner's side: the reseller who signs in, else the site's staff."""
        if site == RESELLER_SITE:
            return self.f.people["reseller"]
        return self.f.who(site, 0)

    @staticmethod
    def _rng(unit: SimUnit, draw: str) -> random.Random:
        """The unit's own draw of ``draw``: the same whatever else the demo drew before."""
        return random.Random(f"clearance:{draw}:{unit.lpn}")

    def diverts(self, unit: SimUnit, wait_days: int) -> bool:
        """Whether a unit just listed, whose buyer would come ``wait_days`` later, is
        cleared instead once it has waited ``CLEARANCE_DAYS`` (then scheduled)."""
        if wait_days <= fig.CLEARANCE_DAYS or unit.lpn not in self.listings:
            return False
        if self._partner(unit) is None:
            return False
        f = self.f
        day = f.cal.next_working_day(f.agenda.day + fig.CLEARANCE_DAYS)
        f.agenda.later(day, Phase.DECIDE, self.clear, unit)
        return True

    def clear(self, unit: SimUnit) -> None:
        """The manager takes the listing off sale and decides the unit for the partner."""
        f = self.f
        partner = self._partner(unit)
        assert partner is not None
        listing = self.listings.pop(unit.lpn).listing_id
        f.agenda.call(resale.withdraw_listing, f.uow, listing, reason=WHY, by=f.manager)
        out = f.agenda.call(
            disposition.record_disposition,
            f.uow,
            unit.lpn,
            route=DispositionRoute.RESELL,
            by=f.manager,
            reason=WHY,
            destination_site=partner,
            at=f.agenda.at(Phase.DECIDE, unit),
        )
        self.carry_on(unit, DispositionRoute.RESELL, partner, list(out.work_orders))

    def handed(self, unit: SimUnit) -> None:
        """It left for the partner, which scans it in two working days later."""
        f = self.f
        day = f.cal.working_day_after(f.agenda.day, fig.CLEARANCE_TRANSIT_DAYS)
        f.agenda.later(day, Phase.ARRIVE, self.accepted, unit)

    def accepted(self, unit: SimUnit) -> None:
        f = self.f
        assert unit.destination is not None
        site = unit.destination
        f.agenda.call(
            deliveries.accept,
            f.uow,
            site_code=site,
            code=unit.lpn,
            by=self._user(site),
            at=f.agenda.at(Phase.ARRIVE, unit, site=site),
        )
        f.agenda.later(f.agenda.day + fig.PARTNER_STATEMENT_DAYS, Phase.SELL, self.pays, unit)
        days = 1 + int(self._rng(unit, "wait").expovariate(1 / fig.PARTNER_DAYS_TO_RESELL))
        f.agenda.later(f.agenda.day + days, Phase.SELL, self.resold, unit)

    def pays(self, unit: SimUnit) -> None:
        """The partner's statement: the unit at the price share of its terms."""
        f = self.f
        assert unit.destination is not None
        f.agenda.call(
            partner_payments.record_payment,
            f.uow,
            site_code=unit.destination,
            codes=[unit.lpn],
            reference=f.document("RA"),  # the partner's remittance advice
            by=self._user(unit.destination),
            at=f.agenda.at(Phase.SELL, unit, site=unit.destination),
        )

    def resold(self, unit: SimUnit) -> None:
        f = self.f
        assert unit.destination is not None
        rng = self._rng(unit, "price")
        share = Decimal(str(round(rng.uniform(*fig.PARTNER_RESALE_SHARE), 3)))
        price = (unit.plan.item.product.new_price * share).quantize(Decimal("0.01"))
        at = f.agenda.at(Phase.SELL, unit, site=unit.destination)
        f.agenda.call(
            partner_resales.record_resale,
            f.uow,
            site_code=unit.destination,
            code=unit.lpn,
            price=max(price, Decimal("1.00")),
            receipt=f"T-{at:%y%m%d}-{rng.randint(100, 999)}",
            by=self._user(unit.destination),
            at=at + timedelta(minutes=30),
        )
