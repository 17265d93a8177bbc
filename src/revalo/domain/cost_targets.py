"""A manager's targets for the costs (cost per return, km per unit, days in the parallel
stock, share of value recovered), each for all goods, one site or one product category; the
costs page and the dashboard show where the figures of the period miss them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from revalo.domain.errors import InvalidValue


class TargetMetric(enum.StrEnum):
    #: EUR of the cost ledger per return (its lines' returns), at most.
    COST_PER_RETURN = "cost_per_return"
    #: Km travelled per unit that travelled, at most.
    KM_PER_UNIT = "km_per_unit"
    #: Median days in the parallel stock of the units there now, at most.
    DWELL_DAYS = "dwell_days"
    #: What the units brought back over their new price (0 to 1), at least.
    SHARE_RECOVERED = "share_recovered"

    @property
    def at_least(self) -> bool:
        """Whether the figure should be at least the target (else at most)."""
        return self is TargetMetric.SHARE_RECOVERED


class TargetScope(enum.StrEnum):
    ALL = "all"
    SITE = "site"
    CATEGORY = "category"


@dataclass(eq=False)
class CostTarget:
    metric: TargetMetric
    scope: TargetScope
    #: The site's or the category's code; "" for all goods.
    code: str
    value: Decimal
    set_by: str
    set_at: datetime
    id: int | None = None

    def missed(self, actual: float | None) -> bool:
        """Whether the period's figure misses the target (no figure misses nothing)."""
        if actual is None:
            return False
        target = float(self.value)
        return actual < target if self.metric.at_least else actual > target


def parse_metric(text: str) -> TargetMetric:
    try:
        return TargetMetric(text.strip().lower())
    except ValueError:
        names = ", ".join(m.value for m in TargetMetric)
        raise InvalidValue(f"unknown target {text!r}: one of {names}", field="metric") from None


def parse_scope(text: str) -> TargetScope:
    try:
        return TargetScope(text.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in TargetScope)
        raise InvalidValue(f"unknown scope {text!r}: one of {names}", field="scope") from None


def new_target(
    metric: TargetMetric, scope: TargetScope, code: str, value: Decimal | str | float,
    *, by: str, at: datetime,
) -> CostTarget:  # fmt: skip
    """A target checked: a value of zero or more (a share at most 1), a code for a site's or
    a category's, none for all goods; dwell days are per site (the stock is at a site)."""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise InvalidValue(f"target value {value!r}: not a number", field="value") from None
    if not amount.is_finite() or amount < 0:
        raise InvalidValue(f"the target must be zero or more, not {value}", field="value")
    if metric is TargetMetric.SHARE_RECOVERED and amount > 1:
        raise InvalidValue(f"a share is between 0 and 1, not {value}", field="value")
    code = code.strip().upper() if scope is TargetScope.SITE else code.strip().lower()
    if scope is TargetScope.ALL and code:
        raise InvalidValue("a target for all goods names no site or category", field="code")
    if scope is not TargetScope.ALL and not code:
        raise InvalidValue(f"a target per {scope.value} names the {scope.value}", field="code")
    if metric is TargetMetric.DWELL_DAYS and scope is TargetScope.CATEGORY:
        raise InvalidValue("days in stock have targets per site or for all goods", field="scope")
    # Written as typed, without trailing zeros or an exponent ("200", "0.85").
    plain = Decimal(format(amount.normalize(), "f"))
    return CostTarget(metric, scope, code, plain, by, at)
