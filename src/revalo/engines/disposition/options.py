"""The options open to a unit (route, destination, channel) and why some are closed.

The law and the company rules come from ``revalo.domain.disposition.check_route``; the engine
adds only what the domain cannot know: channel acceptance, vendor agreements, and sites with
no capacity for the work a route implies.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from revalo.domain.catalog import Product
from revalo.domain.disposition import (
    ROUTE_RULES,
    WORK_AT_DESTINATION,
    DispositionRoute,
    check_route,
    implied_work,
)
from revalo.domain.errors import DomainError
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade, Inspection
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition.params import GRADES
from revalo.engines.disposition.problem import (
    CAPACITY_KINDS,
    BoolArray,
    DispositionProblem,
)

_R = DispositionRoute
#: Routes whose unit is then sold on a channel.
SELLING_ROUTES = frozenset({_R.RESTOCK, _R.RESELL, _R.REPAIR, _R.REFURBISH})


@dataclass(frozen=True, slots=True)
class Option:
    """One way to dispose of a unit: ``destination`` and ``channel`` index the problem's
    sites and channels (None: the unit stays at its origin / is not sold on a channel);
    ``step`` is the channel's price step the unit sells in (0: the first, full price)."""

    route: DispositionRoute
    destination: int | None
    channel: int | None
    step: int = 0

    def label(self, problem: DispositionProblem) -> str:
        parts = [self.route.value]
        if self.destination is not None:
            parts.append(f"at {problem.sites[self.destination].site.code}")
        if self.channel is not None:
            parts.append(f"on {problem.channels[self.channel].code}")
        if self.step:
            parts.append(f"(price step {self.step + 1})")
        return " ".join(parts)


def _stepped(problem: DispositionProblem, options: list[Option]) -> tuple[Option, ...]:
    """Each channel option once per price step of the channel's demand curves."""
    out: list[Option] = []
    for o in options:
        steps = problem.channels[o.channel].steps if o.channel is not None else 1
        out.extend(Option(o.route, o.destination, o.channel, s) for s in range(steps))
    return tuple(out)


def sale_grade(route: DispositionRoute, functional: int, cosmetic: int) -> int:
    """Grade (0=A..3=D) the unit is sold at: a repair restores its functions, a
    refurbishment also its looks (to B at worst); otherwise the worse of its two grades."""
    if route is _R.REPAIR:
        return cosmetic
    if route is _R.REFURBISH:
        return min(cosmetic, 1)
    return max(functional, cosmetic)


def enumerate_options(problem: DispositionProblem) -> tuple[Option, ...]:
    """Every (route, destination, channel) the sites and channels make possible, by the kinds
    of site each route goes to (``ROUTE_RULES``). Work done in-house (repair at the origin) is
    not offered: its capacity belongs to each origin, and repair sites exist for it."""
    out: list[Option] = []
    site_of = {s.site.code: i for i, s in enumerate(problem.sites)}
    for route in DispositionRoute:
        kinds = ROUTE_RULES[route].destinations
        if route in (_R.RESTOCK, _R.RESELL):
            for c, ch in enumerate(problem.channels):
                if route in ch.routes:
                    dest = site_of[ch.site_code] if ch.site_code else None
                    out.append(Option(route, dest, c))
            continue
        for d, spec in enumerate(problem.sites):
            if spec.site.kind not in kinds:
                continue
            if route in SELLING_ROUTES:
                out.extend(
                    Option(route, d, c)
                    for c, ch in enumerate(problem.channels)
                    if route in ch.routes and ch.site_code is None
                )
            else:
                out.append(Option(route, d, None))
    return _stepped(problem, out)


_PROBE_TIME = datetime(2000, 1, 1, tzinfo=UTC)


@functools.cache
def _probe(functional: int, cosmetic: int, hazardous: bool) -> Inspection:
    """An inspection carrying only what the rules read: grades and the hazardous flag (one
    per profile, shared: the rules only read it)."""
    return Inspection(
        unit_id=0,
        operator="disposition engine",
        inspected_at=_PROBE_TIME,
        functional_grade=FunctionalGrade(GRADES[functional]),
        cosmetic_grade=CosmeticGrade(GRADES[cosmetic]),
        duration_s=0,
        hazardous=hazardous,
    )


def work_site(option: Option, origin: int) -> int:
    """Where the route's work is done: at the destination for repair-type routes."""
    if option.route in WORK_AT_DESTINATION and option.destination is not None:
        return option.destination
    return origin


def exclusion(
    problem: DispositionProblem,
    option: Option,
    product: Product,
    functional: int,
    cosmetic: int,
    hazardous: bool,
) -> str | None:
    """Why the option is closed to such a unit, or None when it is open. Capacities that
    depend on the unit's origin (in-house work) are not checked here."""
    dest = problem.sites[option.destination].site if option.destination is not None else None
    try:
        check_route(option.route, product, _probe(functional, cosmetic, hazardous), dest)
    except DomainError as exc:
        return exc.message
    if option.route is _R.RETURN_TO_VENDOR:
        assert option.destination is not None
        spec = problem.sites[option.destination]
        if spec.vendor_credit_rate is None:
            return f"no return agreement with the vendor {spec.site.code}"
        if spec.vendor_brands is not None and product.brand not in spec.vendor_brands:
            return f"the agreement with {spec.site.code} does not cover the brand {product.brand}"
    if option.channel is not None:
        ch = problem.channels[option.channel]
        if ch.categories is not None and product.category not in ch.categories:
            return f"{ch.name} does not take the category {product.category}"
        grade = GRADES[sale_grade(option.route, functional, cosmetic)]
        if grade not in ch.recovery:
            return f"{ch.name} does not take grade {grade} items"
        if ch.daily_volume == 0:
            return f"{ch.name} takes no more units today"
        curve = ch.demand.get(product.category)
        if curve is None and option.step:
            return f"{ch.name} has one price for the category {product.category}"
        if curve is not None and option.step >= len(curve.steps):
            return f"{ch.name} has {len(curve.steps)} price steps for {product.category}"
        if curve is not None and curve.steps[option.step].units == 0:
            return (
                f"{ch.name} takes no more {product.category} units this week at price step "
                f"{option.step + 1}"
            )
    if option.route in WORK_AT_DESTINATION and option.destination is not None:
        spec = problem.sites[option.destination]
        for kind in implied_work(option.route, product):
            if kind in spec.hours and spec.hours[kind] <= 0:
                return f"{spec.site.code} has no {kind.value} hours left this week"
            if kind in CAPACITY_KINDS and spec.capacity.get(kind) == 0:
                if kind is WorkOrderKind.TEST and option.route is _R.REFURBISH:
                    return (
                        "'refurbished' needs all functions tested (décret 2022-190), and "
                        f"{spec.site.code} has no test capacity"
                    )
                return f"{spec.site.code} has no capacity for {kind.value} work"
    return None


def feasibility_table(problem: DispositionProblem, options: tuple[Option, ...]) -> BoolArray:
    """Open options by unit profile: shape (products, 4 functional, 4 cosmetic, 2 hazardous,
    options). The rules depend on nothing else, so a batch needs one look-up per unit."""
    table = np.zeros((len(problem.products), 4, 4, 2, len(options)), dtype=np.bool_)
    u = problem.units
    present = np.unique(((u.product * 4 + u.functional) * 4 + u.cosmetic) * 2 + u.hazardous)
    for key in present.tolist():
        rest, h = divmod(key, 2)
        rest, c = divmod(rest, 4)
        p, f = divmod(rest, 4)
        for o, option in enumerate(options):
            table[p, f, c, h, o] = (
                exclusion(problem, option, problem.products[p], f, c, bool(h)) is None
            )
    return table
