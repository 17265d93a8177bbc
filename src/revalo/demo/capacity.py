"""The flow manager's capacity plan for the demo's weeks, set on the Friday before each week:
the refurbisher's and the repair centres' hours per skill, and what the discount and the
refurbished marketplaces absorb of each product category, as price steps.

The figures are the demo's own, set for a volume of 5,000 units over 8 weeks (about 625
units a week) and scaled with the volume asked for. They are set near what such a week
sends each way, so that they bind in the busier weeks and not in the quiet ones: the
refurbishment line has one technician's week (one week in four with a colleague on leave:
half of it), and a marketplace sells the first half of a category's week at the full
price, the next units at 90 %, then 75 %, and takes no more. The new-stock and B2B-lot
channels and the recyclers are not limited: the client's stock and the wholesale buyers
take what comes.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from revalo.demo.calendar import Calendar
from revalo.domain.demand_curves import DemandCurve, DemandStep
from revalo.domain.people import User
from revalo.services import capacity_plans
from revalo.services.ports import BatchUnitOfWork

#: Units a week of the default demo, which the figures below are set for.
REFERENCE_UNITS_A_WEEK = 625.0

#: Hours a week per skill at the refurbisher and the repair centres (a technician's week is
#: about 35 hours on the bench).
HOURS = {
    "REF-NL": {"refurbish": 35.0, "test": 14.0},
    "REP-FR-IT": {"repair": 14.0, "test": 7.0},
    "REP-DE-HA": {"repair": 14.0, "test": 7.0},
    "REP-IT-TV": {"repair": 14.0, "test": 7.0},
    "REP-ES-IT": {"repair": 14.0, "test": 7.0},
    "REP-FR-MOB": {"repair": 14.0, "test": 7.0},
}
#: The refurbisher's weeks with a technician on leave (every fourth, from the second), and
#: the share of the hours left then.
LEAVE_EVERY, LEAVE_FIRST, LEAVE_SHARE = 4, 1, 0.5
#: The least a site's skill is planned for a week, whatever the volume: half a day.
LEAST_HOURS = 4.0

#: Units a week each marketplace absorbs, by product category.
DEMAND = {
    "DISCOUNT-MKT": {
        "t_shirt": 40, "shoes": 36, "coat": 32, "laptop": 28, "phone": 14,
        "small_appliance": 14, "printer": 12, "tv": 10, "tablet": 8, "power_tool": 8,
        "chair": 6, "mattress": 6, "copier": 6, "sofa": 4, "washing_machine": 4, "fridge": 3,
    },
    "REFURB-MKT": {"laptop": 24, "phone": 5, "power_tool": 2},
}  # fmt: skip
#: How a week's units are priced: the share of the week at each price share.
STEPS = ((0.5, 1.0), (0.3, 0.9), (0.2, 0.75))
#: When the manager sets the next week's plan, on the Friday before it.
SET_AT = time(16, tzinfo=UTC)


def _curve(units_a_week: float) -> DemandCurve:
    return DemandCurve(
        tuple(DemandStep(max(1, round(units_a_week * share)), rate) for share, rate in STEPS)
    )


def _hours(h: float) -> float:
    return round(max(LEAST_HOURS, h), 1)


def plan_capacities(
    uow: BatchUnitOfWork, calendar: Calendar, units: int, weeks: int, by: User
) -> None:
    """Set the plan of every week of the scenario through the use cases, each on the Friday
    before its week, for ``units`` over ``weeks``."""
    scale = units / weeks / REFERENCE_UNITS_A_WEEK
    with uow.batch(isolate_failures=False):
        for w in range((calendar.days + 6) // 7):
            monday = calendar.start.date() + timedelta(days=7 * w)
            at = datetime.combine(monday - timedelta(days=3), SET_AT)
            for site, hours in HOURS.items():
                share = LEAVE_SHARE if site == "REF-NL" and w % LEAVE_EVERY == LEAVE_FIRST else 1
                capacity_plans.set_capacity(
                    uow,
                    site_code=site,
                    week=monday,
                    hours={k: _hours(h * scale * share) for k, h in hours.items()},
                    by=by,
                    at=at,
                )
            for channel, categories in DEMAND.items():
                for category, n in categories.items():
                    capacity_plans.set_demand(
                        uow,
                        channel=channel,
                        category=category,
                        week=monday,
                        steps=_curve(n * scale),
                        by=by,
                        at=at,
                    )
