"""The flow manager's rule table: what becomes of a graded unit the disposition engine does
not decide.

The engine decides every graded unit in the nightly batch (``manager.py``). The manager
applies these rules, in order, the first that fits wins, only to a unit whose work failed
(the engine reads the inspection, not the failure: rules 3 to 5). Every route respects the
law (the services refuse the others): disposal only for a hazardous item and never for
apparel, WEEE only to a certified treatment facility, "as new" restocking only for A/A
units, repair and refurbishment only at a site with the skill.

====  =======================================================  ==============================
rule  when                                                     route, to
====  =======================================================  ==============================
 1    hazardous furniture (soiled, infested)                   dispose, furniture recycler
 2    hazardous WEEE (damaged lithium battery)                 recycle, certified WEEE
 3    its data wipe could not be verified                      recycle, certified WEEE
 4    repair or refurbishment failed, new price >= 250 EUR     harvest parts, where it is
 5    any other failed work                                    recycle, for its material
 6    business off-lease IT the refurbisher takes, not dead    refurbish, refurbisher
 7    A/A (works, as new), consumer return                     restock, in house
 8    defective claim, C or D, the vendor takes returns        return to vendor
 9    vendor buys back open-box returns, works (A or B)        return to vendor
10    mattress not as new (hygiene)                            recycle, furniture recycler
11    apparel A/B and A/B                                      resell, outlet
12    apparel not in pieces, light to visible wear             donate, charity
13    apparel, the rest                                        recycle, textile sorter
14    furniture A/B and A/B                                    resell, outlet
15    furniture, major fault, >= 300 EUR, a workshop has it    repair, repair centre
16    furniture, worn but usable                               donate, charity
17    works, signs of use, >= 100 EUR                          resell, in house (graded)
18    minor fault, >= 150 EUR, a workshop has the skill        repair, repair centre
19    works or minor fault, < 60 EUR                           donate, charity
20    works or minor fault                                     resell, wholesale partner
21    major fault, >= 250 EUR, a workshop has the skill        repair, repair centre
22    dead, >= 300 EUR, a workshop has the skill               harvest parts, repair centre
23    anything else                                            recycle, for its material
====  =======================================================  ==============================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from revalo.demo.catalogue import CatalogueItem
from revalo.demo.network import Network
from revalo.domain.catalog import SiteKind
from revalo.domain.disposition import DispositionRoute as Route
from revalo.domain.returns import ReturnReason as R
from revalo.domain.work_orders import WorkOrderKind as WK

_K = SiteKind


@dataclass(frozen=True, slots=True)
class Case:
    item: CatalogueItem
    reason: R | None
    business: bool
    functional: str
    cosmetic: str
    hazardous: bool
    site: str
    failed: WK | None = None

    @property
    def price(self) -> Decimal:
        return self.item.product.new_price

    @property
    def grades(self) -> str:
        return self.functional + self.cosmetic


@dataclass(frozen=True, slots=True)
class Decision:
    route: Route
    destination: str | None
    reason: str
    rule: int


def _recycler(case: Case, net: Network) -> str | None:
    p = case.item.product
    skill = "weee" if p.is_weee else "textile" if p.apparel else "furniture"
    site = net.nearest(case.site, _K.RECYCLER, skill)
    return site.code if site else None


def _to(kind: SiteKind, *, skilled: bool = False) -> Callable[[Case, Network], str | None]:
    """The nearest site of a kind; ``skilled``: one that lists the unit's category."""

    def pick(case: Case, net: Network) -> str | None:
        site = net.nearest(case.site, kind, case.item.category if skilled else "")
        return site.code if site else None

    return pick


def _vendor(case: Case, net: Network) -> str | None:
    return case.item.brand.vendor_site


def _fam(c: Case) -> str:
    return c.item.family


def _working(c: Case) -> bool:
    return c.functional in ("A", "B")


def _weee(c: Case) -> bool:
    return c.item.product.is_weee


_Test = Callable[[Case], bool]
_Where = Callable[[Case, Network], str | None] | None


def _rules() -> list[tuple[_Test, Route, _Where, str]]:
    return [
        (
            lambda c: c.hazardous and c.item.product.furniture,
            Route.DISPOSE,
            _recycler,
            "soiled or infested: a serious health risk, disposal allowed (L541-15-8)",
        ),
        (
            lambda c: c.hazardous and _weee(c),
            Route.RECYCLE,
            _recycler,
            "damaged lithium battery: certified WEEE treatment",
        ),
        (
            lambda c: c.failed is WK.DATA_WIPE,
            Route.RECYCLE,
            _recycler,
            "data wipe not verified: medium to be destroyed (NIST SP 800-88)",
        ),
        (
            lambda c: (
                c.failed in (WK.REPAIR, WK.REFURBISH, WK.TEST)
                and c.price >= 250
                and _fam(c) in ("electronics", "large_appliance")
            ),
            Route.HARVEST_PARTS,
            None,
            "repair or refurbishment failed: parts harvested for other repairs",
        ),
        (lambda c: c.failed is not None, Route.RECYCLE, _recycler, "work failed: recycled"),
        (
            lambda c: c.business and c.functional != "D",
            Route.REFURBISH,
            _to(_K.REFURBISHER, skilled=True),
            "off-lease equipment: refurbished for resale",
        ),
        (
            lambda c: c.grades == "AA" and not c.business,
            Route.RESTOCK,
            None,
            "as new: back to sellable stock",
        ),
        (
            lambda c: (
                c.functional in ("C", "D")
                and c.reason in (R.DEFECTIVE, R.WARRANTY_REPAIR)
                and c.item.brand.vendor_site is not None
            ),
            Route.RETURN_TO_VENDOR,
            _vendor,
            "confirmed fault under warranty: credited by the vendor",
        ),
        (
            lambda c: c.item.brand.buys_back and _working(c),
            Route.RETURN_TO_VENDOR,
            _vendor,
            "open box: bought back by the vendor under the supplier agreement",
        ),
        (
            lambda c: c.item.category == "mattress",
            Route.RECYCLE,
            _recycler,
            "used mattress: hygiene bars resale; furniture EPR channel",
        ),
        (
            lambda c: _fam(c) == "apparel" and _working(c) and c.cosmetic in ("A", "B"),
            Route.RESELL,
            _to(_K.OUTLET),
            "wearable with light signs of use: sold at an outlet",
        ),
        (
            lambda c: _fam(c) == "apparel" and c.functional != "D" and c.cosmetic in ("B", "C"),
            Route.DONATE,
            _to(_K.CHARITY),
            "worn but wearable: donated",
        ),
        (
            lambda c: _fam(c) == "apparel",
            Route.RECYCLE,
            _recycler,
            "not wearable: textile sorting and recycling",
        ),
        (
            lambda c: _fam(c) == "furniture" and _working(c) and c.cosmetic in ("A", "B"),
            Route.RESELL,
            _to(_K.OUTLET),
            "light signs of use: sold at an outlet",
        ),
        (
            lambda c: _fam(c) == "furniture" and c.functional == "C" and c.price >= 300,
            Route.REPAIR,
            _to(_K.REPAIR_CENTRE, skilled=True),
            "worth repairing: sent to a furniture workshop",
        ),
        (
            lambda c: _fam(c) == "furniture" and c.functional != "D" and c.cosmetic != "D",
            Route.DONATE,
            _to(_K.CHARITY),
            "usable: donated",
        ),
        (
            lambda c: c.functional == "A" and c.price >= 100 and _fam(c) != "furniture",
            Route.RESELL,
            None,
            "works, signs of use: listed as graded second-hand",
        ),
        (
            lambda c: c.functional == "B" and c.price >= 150,
            Route.REPAIR,
            _to(_K.REPAIR_CENTRE, skilled=True),
            "minor fault worth repairing",
        ),
        (
            lambda c: _working(c) and c.price < 60,
            Route.DONATE,
            _to(_K.CHARITY),
            "works but not worth reselling: donated",
        ),
        (
            _working,
            Route.RESELL,
            _to(_K.RESALE_PARTNER),
            "sold as is to a wholesale partner",
        ),
        (
            lambda c: c.functional == "C" and c.price >= 250,
            Route.REPAIR,
            _to(_K.REPAIR_CENTRE, skilled=True),
            "major fault worth repairing",
        ),
        (
            lambda c: c.functional == "D" and c.price >= 300,
            Route.HARVEST_PARTS,
            _to(_K.REPAIR_CENTRE, skilled=True),
            "dead but valuable: parts harvested",
        ),
        (lambda c: True, Route.RECYCLE, _recycler, "not worth repairing: recycled"),
    ]


class RuleTable:
    def __init__(self, network: Network) -> None:
        self.network = network
        self.rules = _rules()

    def decide(self, case: Case) -> Decision:
        for number, (test, route, where, reason) in enumerate(self.rules, start=1):
            if not test(case):
                continue
            destination = where(case, self.network) if where else None
            if where is not None and destination is None:
                continue  # no site of that kind can take it: the next rule decides
            return Decision(route, destination, f"rule {number}: {reason}", number)
        raise AssertionError("the last rule always applies")


def rule_reasons() -> list[str]:
    """The reason each rule gives, as the demo's manager wrote it."""
    return [f"rule {n}: {rule[3]}" for n, rule in enumerate(_rules(), start=1)]
