"""Day by day, the people of the network play the plan through the service layer.

Every step is a use case of ``revalo.services`` called with its simulated time (``at=``):
customers ask, the policy and the manager decide, carriers pick up, handlers scan, inspectors
grade, technicians work, trucks leave, shops sell (``intake.py``, ``processing.py``). Each
simulated day runs in one batch of the unit of work (one transaction), all with the same
unit-of-work object. After the day's batch, the manager runs the disposition engine's batch
on every graded unit (``manager.py``), which opens its own.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import partial

from revalo.demo.agenda import Agenda, Phase
from revalo.demo.floor import BatchingUnitOfWork, Floor
from revalo.demo.intake import Intake
from revalo.demo.manager import Manager
from revalo.demo.people import staff_handles
from revalo.demo.plan import Plan, Planner
from revalo.demo.processing import Processing
from revalo.demo.team import enrol_staff
from revalo.domain.people import User
from revalo.domain.policy import ReturnPolicy


class Simulation:
    def __init__(
        self,
        uow: BatchingUnitOfWork,
        policy: ReturnPolicy,
        planner: Planner,
        plan: Plan,
        rng: random.Random,
        people: dict[str, User],
        on_day: Callable[[int], None] | None = None,
        before_last_day: Callable[[], None] | None = None,
    ) -> None:
        self.uow, self.plan, self.on_day = uow, plan, on_day
        self.before_last_day = before_last_day
        self.agenda = Agenda(planner.cal)
        handles = {code: staff_handles(rng, s.country, 4) for code, s in planner.net.sites.items()}
        staff = enrol_staff(uow, planner.net.sites, handles)
        self.staff = staff
        floor = Floor(uow, self.agenda, rng, planner.cal, planner.net, staff, people)
        self.processing = Processing(floor)
        self.intake = Intake(floor, policy, planner, self.processing)
        self.manager = Manager(self.processing)

    def run(self) -> None:
        for rma in self.plan.returns:
            self.agenda.later(rma.day, Phase.REQUEST, self.intake.request, rma)
        for parcel in self.plan.parcels:
            self.agenda.later(parcel.day, Phase.ARRIVE, self.intake.parcel, parcel)
        # The scenario makes no use case fail on purpose: a failure is a bug, and it rolls
        # the whole day back, so no savepoint per use case is needed.
        last = self.agenda.cal.days - 1
        hook = self.before_last_day

        def before_day(day: int) -> None:
            if hook is not None and day == last:
                hook()

        self.agenda.play(
            partial(self.uow.batch, isolate_failures=False),
            self.on_day,
            after_day=self.manager.end_of_day,
            before_day=before_day,
        )
