"""A flow manager's plan of the weeks ahead: each site's hours per skill (repair benches,
refurbishment line, test benches) and storage places, and each resale channel's demand for
a product category as price steps. Every change is a new version: who set what, and when.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from revalo.domain.demand_curves import DemandCurve
from revalo.domain.errors import InvalidValue
from revalo.domain.work_orders import WorkOrderKind

#: The skills a site plans hours for, as the work orders they do.
SKILLS = (WorkOrderKind.REPAIR, WorkOrderKind.REFURBISH, WorkOrderKind.TEST)
#: Hours a week a site's skill may have at most (every hour of the week, 40 stations).
MAX_WEEK_HOURS = 168.0 * 40


def monday_of(day: date) -> date:
    """The Monday of the day's week (ISO weeks start on Monday)."""
    return day - timedelta(days=day.weekday())


def check_week(week: date) -> date:
    """A plan's week, named by its Monday."""
    if week.weekday() != 0:
        raise InvalidValue(
            f"a week starts on a Monday: {week.isoformat()} is not one (its week starts "
            f"{monday_of(week).isoformat()})",
            field="week",
        )
    return week


def parse_skill(text: str) -> WorkOrderKind:
    name = text.strip().lower()
    for kind in SKILLS:
        if kind.value == name:
            return kind
    names = ", ".join(k.value for k in SKILLS)
    raise InvalidValue(f"unknown skill {text!r}: one of {names}", field="skill")


@dataclass(eq=False)
class SiteCapacity:
    """One version of a site's week: hours per skill (a skill absent: not limited), and
    storage places (None: not limited)."""

    site_code: str
    week: date
    hours: Mapping[WorkOrderKind, float]
    storage_places: int | None
    set_by: str
    set_at: datetime
    version: int = 1
    id: int | None = None


def new_capacity(
    site_code: str, week: date, hours: Mapping[str, float | str], storage_places: int | None,
    *, by: str, at: datetime,
) -> SiteCapacity:  # fmt: skip
    checked: dict[WorkOrderKind, float] = {}
    for name, value in hours.items():
        kind = parse_skill(name)
        try:
            amount = float(value)
        except (TypeError, ValueError):
            raise InvalidValue(
                f"{kind.value} hours {value!r}: not a number", field="hours"
            ) from None
        if not 0 <= amount <= MAX_WEEK_HOURS:
            raise InvalidValue(
                f"{kind.value} hours must be between 0 and {MAX_WEEK_HOURS:g}, not {value}",
                field="hours",
            )
        checked[kind] = amount
    if storage_places is not None and storage_places < 0:
        raise InvalidValue("storage places must not be negative", field="storage_places")
    code = site_code.strip().upper()
    if not code:
        raise InvalidValue("a capacity names its site", field="site")
    return SiteCapacity(code, check_week(week), checked, storage_places, by, at)


@dataclass(eq=False)
class ChannelDemand:
    """One version of what a channel absorbs of a product category in a week."""

    channel: str
    category: str
    week: date
    curve: DemandCurve
    set_by: str
    set_at: datetime
    version: int = 1
    id: int | None = None


def new_demand(
    channel: str, category: str, week: date, curve: DemandCurve, *, by: str, at: datetime
) -> ChannelDemand:
    code, cat = channel.strip().upper(), category.strip().lower()
    if not code:
        raise InvalidValue("a demand names its channel", field="channel")
    if not cat:
        raise InvalidValue("a demand names its product category", field="category")
    return ChannelDemand(code, cat, check_week(week), curve, by, at)
