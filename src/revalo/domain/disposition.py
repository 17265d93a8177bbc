"""Disposition: the route chosen for a unit, who decided it and why, and the rules of law
that a route must respect."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from revalo.domain.catalog import Product, Site, SiteKind
from revalo.domain.errors import DestructionRefused, InvalidValue, NotAllowed
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade, Inspection
from revalo.domain.work_orders import WorkOrderKind


class DispositionRoute(enum.StrEnum):
    RESTOCK = "restock"
    RESELL = "resell"
    REPAIR = "repair"
    REFURBISH = "refurbish"
    HARVEST_PARTS = "harvest_parts"
    RETURN_TO_VENDOR = "return_to_vendor"
    DONATE = "donate"
    RECYCLE = "recycle"
    DISPOSE = "dispose"


#: The bans on destroying products that ``check_route`` applies (their refusals are kept).
BAN_ESPR = "espr_art_25"
BAN_AGEC = "agec_l541_15_8"


class DecidedBy(enum.StrEnum):
    MANAGER = "manager"
    ENGINE = "engine"


@dataclass(frozen=True, slots=True)
class RouteRule:
    #: Rank in the waste hierarchy (Directive 2008/98/EC art. 4): 1 prevention (the product
    #: goes back to use as it is), 2 preparing for re-use, 3 recycling, 5 disposal.
    hierarchy_rank: int
    #: Kinds of site the unit may go to on this route; None in the set: it may stay in-house.
    destinations: frozenset[SiteKind | None]
    work: tuple[WorkOrderKind, ...]
    #: Whether the unit leaves with its data: a data-bearing device then needs a recorded wipe.
    leaves_with_data: bool


_K = SiteKind
_WK = WorkOrderKind
ROUTE_RULES: dict[DispositionRoute, RouteRule] = {
    DispositionRoute.RESTOCK: RouteRule(1, frozenset({None, _K.RETURNS_HUB}), (), True),
    DispositionRoute.RESELL: RouteRule(
        2, frozenset({None, _K.OUTLET, _K.RESALE_PARTNER}), (_WK.CLEAN,), True
    ),
    DispositionRoute.REPAIR: RouteRule(
        2, frozenset({None, _K.REPAIR_CENTRE}), (_WK.REPAIR, _WK.TEST, _WK.CLEAN), True
    ),
    DispositionRoute.REFURBISH: RouteRule(
        2, frozenset({None, _K.REFURBISHER}), (_WK.TEST, _WK.REFURBISH, _WK.CLEAN), True
    ),
    DispositionRoute.HARVEST_PARTS: RouteRule(2, frozenset({None, _K.REPAIR_CENTRE}), (), True),
    DispositionRoute.RETURN_TO_VENDOR: RouteRule(2, frozenset({_K.VENDOR}), (), True),
    DispositionRoute.DONATE: RouteRule(2, frozenset({_K.CHARITY}), (_WK.CLEAN,), True),
    DispositionRoute.RECYCLE: RouteRule(3, frozenset({_K.RECYCLER}), (), False),
    DispositionRoute.DISPOSE: RouteRule(5, frozenset({_K.RECYCLER}), (), False),
}

#: Routes that put the unit (or its parts) back into use: closed to a hazardous unit.
REUSE_ROUTES = frozenset(
    {
        DispositionRoute.RESTOCK,
        DispositionRoute.RESELL,
        DispositionRoute.REPAIR,
        DispositionRoute.REFURBISH,
        DispositionRoute.HARVEST_PARTS,
        DispositionRoute.DONATE,
    }
)

#: Routes whose work is done where the unit is sent (a repair centre, a refurbisher).
WORK_AT_DESTINATION = frozenset(
    {DispositionRoute.REPAIR, DispositionRoute.REFURBISH, DispositionRoute.HARVEST_PARTS}
)


@dataclass(eq=False)
class DispositionRecord:
    """One decision on a unit. A later decision (an override) adds a record; none is deleted."""

    unit_id: int
    route: DispositionRoute
    decided_by: DecidedBy
    actor: str
    decided_at: datetime
    reason: str
    destination_site: str | None = None
    overrides_id: int | None = None
    id: int | None = None
    #: The sales channel the unit is to be sold on (config/channels.toml), if any.
    channel: str | None = None
    #: The engine's expected net recovery at decision time, EUR (None: a manager's decision
    #: without an estimate).
    expected_net: Decimal | None = None


def implied_work(route: DispositionRoute, product: Product) -> list[WorkOrderKind]:
    """The work orders a route implies for a product: a data wipe first whenever a
    data-bearing device leaves with its data (NIST SP 800-88; décret 2022-190 for
    'reconditionné')."""
    rule = ROUTE_RULES[route]
    work = list(rule.work)
    if product.data_bearing and rule.leaves_with_data:
        work.insert(0, WorkOrderKind.DATA_WIPE)
    return work


def check_route(
    route: DispositionRoute,
    product: Product,
    inspection: Inspection | None,
    destination: Site | None,
) -> None:
    """Raise NotAllowed (or InvalidValue) when the law or a company rule forbids the route."""
    rule = ROUTE_RULES[route]
    kind = destination.kind if destination else None
    if kind not in rule.destinations:
        allowed = sorted("kept in-house" if k is None else k.value for k in rule.destinations)
        where = (
            f"{'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value}"
            if kind
            else "no destination"
        )
        raise InvalidValue(
            f"route {route.value} cannot go to {where}; it goes to: {', '.join(allowed)}",
            field="destination_site",
        )
    if inspection is None:
        raise NotAllowed("the unit must be inspected and graded before a disposition")
    if inspection.hazardous and route in REUSE_ROUTES:
        raise NotAllowed(
            f"a unit flagged hazardous (a damaged or defective lithium battery, soiling...) "
            f"may not go to {route.value}: it goes to a treatment site (recycle), back to "
            "its vendor, or is disposed of; a damaged lithium battery travels under ADR "
            "special provision 376"
        )
    if route is DispositionRoute.DISPOSE:
        if product.apparel:
            raise DestructionRefused(
                "apparel, clothing accessories and footwear may not be destroyed "
                "(EU ESPR 2024/1781 art. 25)",
                law=BAN_ESPR,
            )
        if not inspection.hazardous:
            raise DestructionRefused(
                "unsold non-food products may be disposed of only when hazardous or unfit for "
                "any re-use or recycling (Code de l'environnement L541-15-8); recycle instead",
                law=BAN_AGEC,
            )
    if (
        route is DispositionRoute.RECYCLE
        and product.apparel
        and not inspection.hazardous
        and inspection.functional_grade is not FunctionalGrade.D
    ):
        # Recycling is destruction too ("discarding a product as waste", ESPR art. 2(34)):
        # allowed only under a derogation of the delegated act of 9 Feb 2026 (art. 25(5)),
        # and then recycling comes before disposal (the waste hierarchy).
        raise DestructionRefused(
            "apparel, clothing accessories and footwear may be recycled only when damaged "
            "beyond repair (graded D) or hazardous (EU ESPR 2024/1781 art. 25 and its "
            "derogations); resell, donate or repair it instead",
            law=BAN_ESPR,
        )
    if route in (DispositionRoute.RECYCLE, DispositionRoute.DISPOSE) and product.is_weee:
        assert destination is not None
        if not destination.weee_certified:
            raise NotAllowed(
                f"{product.name} is WEEE (category {product.weee_category}): only a certified "
                f"treatment facility may take it, and {destination.name} is not certified "
                "(Directive 2012/19/EU)"
            )
    if route is DispositionRoute.RESTOCK and (
        inspection.functional_grade is not FunctionalGrade.A
        or inspection.cosmetic_grade is not CosmeticGrade.A
    ):
        raise NotAllowed("only a unit graded A/A (working, as new) can be restocked as new")
    if (
        route in WORK_AT_DESTINATION
        and destination is not None
        and product.category not in destination.skills
    ):
        raise NotAllowed(f"{destination.name} does not handle the category {product.category}")
