"""What the value model learned from the sales: for each channel, category and sale grade
sold often enough, the share of the new price the units fetched beside the rate configured
for it. That observed rate is the one new listings are priced at and the engine's expected
values are worked out from (``REVALO_RESALE_FEEDBACK_MIN_SALES`` sales; 0 turns it off)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from revalo.domain.people import Permission, User
from revalo.engines.disposition import load_params
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork
from revalo.services.resale import sales_channels
from revalo.services.resale_profit import mean_share, observed_shares


@dataclass(frozen=True, slots=True)
class LearnedRate:
    channel: str
    category: str
    grade: str
    sales: int
    #: The mean share of the new price fetched, taken back to the day each unit came back.
    observed: Decimal
    #: The channel's configured rate for the grade x the category's resale factor (None: the
    #: channel no longer takes the grade).
    configured: Decimal | None

    @property
    def change(self) -> Decimal | None:
        """The observed rate against the configured one (-0.25: a quarter below)."""
        if not self.configured:
            return None
        return (self.observed / self.configured - 1).quantize(Decimal("0.0001"))


@reads(Permission.VIEW_PROFITABILITY)
def learned_rates(
    uow: UnitOfWork, *, by: User, min_sales: int, config: Path | None = None
) -> list[LearnedRate]:
    """Each channel, category and grade with at least ``min_sales`` sales, its observed rate
    and the configured one, by channel, category and grade (none when ``min_sales`` is 0:
    the feedback is off)."""
    if min_sales <= 0:
        return []
    params = load_params(config)
    channels = {c.code: c for c in sales_channels(config)}
    with uow:
        shares = observed_shares(uow.listings.sold_shares(), params)
    out = []
    for (code, category, grade), seen in sorted(shares.items()):
        if len(seen) < min_sales:
            continue
        ch = channels.get(code)
        rate = ch.recovery.get(grade) if ch else None
        factor = Decimal(str(params.category(category).resale_factor))
        configured = (rate * factor).quantize(Decimal("0.0001")) if rate is not None else None
        out.append(LearnedRate(code, category, grade, len(seen), mean_share(seen), configured))
    return out
