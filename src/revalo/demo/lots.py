"""The demo's B2B lots, made on its last day from the ready units kept for them
(``salvage.py``): by site, category and grade, the biggest group sold to the best of its
buyers' offers and shipped, the next left open with its offers; the rest listed one by one
as the other units are. The resale partner who signs in (``team.RESELLER_SITE``) makes its
own offers: the best on the lot sold, whose units then wait for it to accept them by scan,
and one under the reserve on the lot left open. Through the use cases, at the demo's
dates."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, time
from decimal import Decimal

from revalo.demo.floor import SimUnit
from revalo.demo.team import RESELLER_SITE
from revalo.domain.catalog import SiteKind
from revalo.domain.people import User
from revalo.services import lots, stock
from revalo.services.ports import BatchUnitOfWork

#: A lot's reserve, as a share of its units' new prices: bulk liquidation recovers about
#: 12 % of value, graded resale about 60 % (ReturnPro); the reserve sits between.
RESERVE_SHARE = Decimal("0.18")
#: Buyers' offers around the reserve (shares of it, assumed).
OFFERS = (Decimal("0.9"), Decimal("1.12"), Decimal("1.25"))
AT = time(14, tzinfo=UTC)


def make_lots(
    uow: BatchUnitOfWork,
    pool: dict[str, SimUnit],
    buyers: list[tuple[str, SiteKind]],
    manager: User,
    reseller: User,
    last: date,
    rng: random.Random,
) -> int:
    """The lots made of the kept units (the lots made); the units left over are listed."""
    groups: dict[tuple[str, str, str], list[SimUnit]] = defaultdict(list)
    for unit in pool.values():
        assert unit.grading is not None
        key = (unit.site, unit.plan.item.category, unit.grading.functional.value)
        groups[key].append(unit)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    kinds = (SiteKind.OUTLET, SiteKind.RESALE_PARTNER)
    names = [code for code, kind in buyers if kind in kinds and code != RESELLER_SITE]
    at = datetime.combine(last, AT)
    made = 0
    with uow.batch(isolate_failures=False):
        for i, ((site, category, grade), units) in enumerate(ranked):
            if i >= 2 or not names:
                for unit in units:
                    stock.dispatch_unit(uow, unit.lpn, by=manager, at=at)
                continue
            worth = sum((u.plan.item.product.new_price for u in units), Decimal("0"))
            reserve = max((worth * RESERVE_SHARE).quantize(Decimal("1")), Decimal("10"))
            lot = lots.create_lot(
                uow,
                site_code=site,
                category=category,
                grade=grade,
                reserve_price=reserve,
                lpns=[u.lpn for u in units],
                by=manager,
                at=at,
            )
            made += 1
            offers = []
            shares = OFFERS[: 2 if i else 3]
            for share in shares:
                amount = (reserve * share * Decimal(str(rng.uniform(0.97, 1.03)))).quantize(
                    Decimal("0.01")
                )
                # The reseller's own: the best on the lot sold, the lowest on the open one.
                its_own = share == (shares[-1] if i == 0 else shares[0])
                offers.append(
                    lots.record_offer(
                        uow,
                        lot.id,
                        buyer_site=RESELLER_SITE if its_own else rng.choice(names),
                        amount=amount,
                        by=reseller if its_own else manager,
                        at=at,
                    )
                )
            if i == 0:
                best = max(offers, key=lambda o: o.amount)
                lots.accept_offer(uow, lot.id, best.id, by=manager, ship=True, at=at)
    return made
