"""The flow manager's end of the day.

First the night's disposition batch, as a manager runs it from the batch page: a preview
(the engine's plan for every graded unit at once, within what the week has left of the
capacity plan, beside the baselines), committed as it is; the units carry on from the next
working day. A unit held for capacity stays graded for the next night's batch.

Then the outbound lanes: at every site, the units waiting for the same destination (a
workshop elsewhere, a recycler, a vendor, a charity, an outlet) are sent together today or
kept for a fuller load, whichever costs less with the value they lose while waiting
(``services.consolidation``). What leaves is booked with the best carrier service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from revalo.demo.processing import Processing
from revalo.domain.journey import ConsignmentKind
from revalo.services import disposition_batches
from revalo.services.consolidation import consolidate_site, ship_planned
from revalo.settings import DEFAULT_RESALE_FEEDBACK_MIN_SALES


@dataclass(slots=True)
class EngineTotals:
    """The engine's nightly batches over the run, next to the baselines on the same input
    (each night's units and what its week had left)."""

    batches: int = 0
    decided: int = 0
    held: int = 0  # held for capacity, summed over the batches (a unit may count twice)
    net_recovery: float = 0.0  # EUR, the sum of the nightly batches' values
    regret_net_recovery: float = 0.0
    greedy_net_recovery: float = 0.0
    hierarchy_net_recovery: float = 0.0

    def add(self, figures: dict[str, Any]) -> None:
        """Count one batch's figures (a preview's ``figures``)."""
        self.batches += 1
        self.net_recovery += figures["optimiser"]["net_recovery"]
        self.regret_net_recovery += figures["regret_greedy"]["net_recovery"]
        self.greedy_net_recovery += figures["greedy"]["net_recovery"]
        self.hierarchy_net_recovery += figures["hierarchy_first"]["net_recovery"]

    @staticmethod
    def _gain(net: float, base: float) -> float | None:
        return None if base == 0 else 100 * (net - base) / abs(base)

    @property
    def gain_pct(self) -> float | None:
        """The engine's net recovery over the greedy baseline's, in % (None when the
        baseline recovers nothing)."""
        return self._gain(self.net_recovery, self.greedy_net_recovery)

    @property
    def regret_gain_pct(self) -> float | None:
        """The same over the regret-greedy baseline's."""
        return self._gain(self.net_recovery, self.regret_net_recovery)


@dataclass(slots=True)
class ShippingTotals:
    """The manager's consolidation over the run."""

    consignments: int = 0


class Manager:
    def __init__(self, processing: Processing) -> None:
        self.p = processing
        self.totals = EngineTotals()
        self.transport = ShippingTotals()

    def _end_of(self, day: int) -> datetime:
        """The end of the day, and never before a waiting unit's last step (a long queue at
        the inspection benches can run late)."""
        end = self.p.f.cal.at(day, minutes=24 * 60 - 1)
        last = max(u.clock for u in self.p.awaiting.values())
        return max(end, last + timedelta(minutes=1))

    def end_of_day(self, day: int) -> None:
        """Decide, then book what leaves: outside the day's own batch."""
        self.decide(day)
        self.consolidate(day)

    def consolidate(self, day: int) -> None:
        """Plan every site's outbound lanes and book the consignments that leave today."""
        outbound = self.p.outbound
        if not outbound:
            return
        f = self.p.f
        at = max(f.cal.at(day, minutes=24 * 60 - 1), *(u.clock for u in outbound.values()))
        t = self.transport
        for site in sorted({u.site for u in outbound.values()}):
            plan = f.agenda.call(consolidate_site, f.uow, site, at=at)
            booked = f.agenda.call(ship_planned, f.uow, plan, by=f.manager, at=at)
            for shipped in booked:
                t.consignments += 1
                for u in shipped.units:
                    unit = outbound.pop(u.lpn, None)
                    if unit is None:
                        raise AssertionError("a unit left that the scenario does not follow")
                    unit.clock = at
                    if shipped.consignment.kind is ConsignmentKind.TRANSFER:
                        self.p.shipped(unit, shipped.consignment.lead_time_days)
                    else:
                        self.p.left_for_partner(unit)

    def decide(self, day: int) -> None:
        """Preview the night's disposition batch, commit it as it is, and send each decided
        unit on. The last working day's units are left for the manager: the queue shows the
        engine's proposals on the first visit to the pages."""
        f = self.p.f
        if not self.p.awaiting or f.cal.next_working_day(day + 1) >= f.cal.days:
            return
        at = self._end_of(day)
        # The engine's value model takes what the sales fetched once enough were seen, as
        # the shipped setting says (the listings' prices keep the configured rates here:
        # ``demo.resale``).
        preview = f.agenda.call(
            disposition_batches.preview_batch,
            f.uow,
            by=f.manager,
            day=f.cal.at(day).date(),
            at=at,
            feedback_min_sales=DEFAULT_RESALE_FEEDBACK_MIN_SALES,
        )
        assert preview.id is not None
        done = f.agenda.call(
            disposition_batches.commit_batch, f.uow, preview.id, by=f.manager, at=at
        )
        t = self.totals
        t.add(preview.figures)
        routed = [d.lpn for d in done.batch.plan if d.route is not None]
        t.held += len(done.batch.plan) - len(routed)
        t.decided += len(done.decided)
        first = f.cal.next_working_day(day + 1)
        for lpn, outcome in zip(routed, done.decided, strict=True):
            unit = self.p.awaiting.pop(lpn, None)
            if unit is None:
                raise AssertionError("the engine decided a unit the scenario does not follow")
            unit.clock = at
            rec = outcome.record
            self.p.carry_on(
                unit, rec.route, rec.destination_site, list(outcome.work_orders), first=first
            )
