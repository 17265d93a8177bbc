"""The rules of law and of the company that a disposition must respect.

Each test shows the rule changing the answer: the same decision is refused on one side of
the rule and accepted on the other.
"""

from __future__ import annotations

import pytest

from revalo.domain.catalog import Product, Site
from revalo.domain.disposition import (
    BAN_ESPR,
    REUSE_ROUTES,
    ROUTE_RULES,
    DispositionRoute,
    check_route,
    implied_work,
)
from revalo.domain.errors import DestructionRefused, InvalidValue, NotAllowed
from revalo.domain.units import ReturnedUnit, UnitState
from revalo.domain.work_orders import WorkOrderKind
from tests.unit.domain_world import (
    CHARITY,
    DRILL,
    HUB,
    LAPTOP,
    OUTLET,
    RECYCLER,
    REFURB,
    REPAIR,
    SCRAP,
    SOFA,
    TSHIRT,
    VENDOR,
    decision,
    inspection,
    later,
    received,
)

Route = DispositionRoute
A_A = inspection()


def allowed(
    route: DispositionRoute, product: Product, destination: Site | None, **grades: object
) -> bool:
    try:
        check_route(route, product, inspection(**grades) if grades else A_A, destination)  # type: ignore[arg-type]
    except (NotAllowed, InvalidValue):
        return False
    return True


# -- WEEE ---------------------------------------------------------------------------------


@pytest.mark.parametrize("product", [LAPTOP, DRILL], ids=["laptop", "drill"])
def test_weee_is_recycled_only_at_a_certified_treatment_facility(product: Product) -> None:
    assert allowed(Route.RECYCLE, product, RECYCLER)
    with pytest.raises(NotAllowed, match="Scrap dealer is not certified") as err:
        check_route(Route.RECYCLE, product, A_A, SCRAP)
    assert f"WEEE (category {product.weee_category})" in err.value.message
    assert "2012/19/EU" in err.value.message


def test_a_product_that_is_not_weee_may_go_to_any_recycler() -> None:
    assert allowed(Route.RECYCLE, SOFA, SCRAP)
    assert allowed(Route.RECYCLE, TSHIRT, SCRAP, functional="D")


def test_hazardous_weee_is_disposed_of_only_at_a_certified_facility() -> None:
    assert allowed(Route.DISPOSE, LAPTOP, RECYCLER, hazardous=True)
    assert not allowed(Route.DISPOSE, LAPTOP, SCRAP, hazardous=True)


# -- destruction bans ---------------------------------------------------------------------


def test_no_disposal_unless_hazardous() -> None:
    with pytest.raises(NotAllowed, match=r"only when hazardous.*L541-15-8.*recycle instead"):
        check_route(Route.DISPOSE, SOFA, A_A, SCRAP)
    assert allowed(Route.DISPOSE, SOFA, SCRAP, hazardous=True)


def test_apparel_is_never_disposed_of_even_when_hazardous() -> None:
    with pytest.raises(NotAllowed, match=r"ESPR 2024/1781 art\. 25"):
        check_route(Route.DISPOSE, TSHIRT, inspection(hazardous=True), SCRAP)
    assert allowed(Route.DISPOSE, SOFA, SCRAP, hazardous=True)  # the same, not apparel
    assert allowed(Route.RECYCLE, TSHIRT, SCRAP, functional="D")  # worn out: recycled


@pytest.mark.parametrize("functional", ["A", "B", "C"])
def test_apparel_that_could_be_worn_again_is_not_recycled(functional: str) -> None:
    """Recycling is destruction under ESPR art. 2(34): unsold apparel is recycled only
    under a derogation, damaged beyond repair (graded D) or hazardous."""
    with pytest.raises(DestructionRefused, match=r"recycled only when damaged beyond repair") as e:
        check_route(Route.RECYCLE, TSHIRT, inspection(functional=functional), SCRAP)
    assert e.value.law == BAN_ESPR
    assert allowed(Route.RECYCLE, TSHIRT, SCRAP, functional=functional, hazardous=True)
    assert allowed(Route.RECYCLE, SOFA, SCRAP, functional=functional)  # not apparel
    assert allowed(Route.DONATE, TSHIRT, CHARITY, functional=functional)


# -- grades and skills --------------------------------------------------------------------


@pytest.mark.parametrize(("functional", "cosmetic"), [("A", "B"), ("B", "A"), ("C", "D")])
def test_only_a_unit_graded_a_a_is_restocked(functional: str, cosmetic: str) -> None:
    assert allowed(Route.RESTOCK, SOFA, None, functional="A", cosmetic="A")
    with pytest.raises(NotAllowed, match="only a unit graded A/A"):
        check_route(Route.RESTOCK, SOFA, inspection(functional=functional, cosmetic=cosmetic), None)


@pytest.mark.parametrize(
    ("route", "site"), [(Route.REPAIR, REPAIR), (Route.REFURBISH, REFURB)], ids=["repair", "refurb"]
)
def test_repair_and_refurbishment_go_only_to_a_site_with_the_category_skill(
    route: DispositionRoute, site: Site
) -> None:
    assert allowed(route, LAPTOP, site)
    with pytest.raises(NotAllowed, match=f"{site.name} does not handle the category sofa"):
        check_route(route, SOFA, A_A, site)
    assert allowed(route, SOFA, None)  # done in-house, where no skill is declared


def test_parts_are_harvested_only_where_the_category_is_handled() -> None:
    assert allowed(Route.HARVEST_PARTS, LAPTOP, REPAIR)
    assert not allowed(Route.HARVEST_PARTS, DRILL, REPAIR)


def test_no_decision_before_the_unit_is_inspected() -> None:
    with pytest.raises(NotAllowed, match="inspected and graded before a disposition"):
        check_route(Route.RESELL, SOFA, None, None)


# -- where each route may go --------------------------------------------------------------

DESTINATIONS: list[Site | None] = [None, HUB, REPAIR, REFURB, RECYCLER, OUTLET, CHARITY, VENDOR]


@pytest.mark.parametrize("route", list(Route))
def test_each_route_goes_only_to_its_kinds_of_destination(route: DispositionRoute) -> None:
    rule = ROUTE_RULES[route]
    # Disposal needs a hazardous unit; a hazardous unit goes to no re-use route.
    hazardous = route is Route.DISPOSE
    for destination in DESTINATIONS:
        kind = destination.kind if destination else None
        ok = allowed(route, LAPTOP, destination, hazardous=hazardous)
        if kind in rule.destinations:
            assert ok, f"{route.value} should be allowed to {kind}"
            continue
        assert not ok, f"{route.value} should be refused to {kind}"
        with pytest.raises(InvalidValue) as err:
            check_route(route, LAPTOP, inspection(hazardous=hazardous), destination)
        assert err.value.field == "destination_site"
        assert f"route {route.value} cannot go to" in err.value.message


def test_the_route_destinations_read_as_the_business_expects() -> None:
    with pytest.raises(InvalidValue) as err:
        check_route(Route.DONATE, SOFA, A_A, None)
    assert err.value.message == "route donate cannot go to no destination; it goes to: charity"
    with pytest.raises(InvalidValue) as err:
        check_route(Route.RESELL, SOFA, A_A, CHARITY)
    assert err.value.message == (
        "route resell cannot go to a charity; it goes to: kept in-house, outlet, resale_partner"
    )


# -- the work a route implies -------------------------------------------------------------


def test_a_data_bearing_device_gets_a_wipe_first_when_it_leaves_with_its_data() -> None:
    assert implied_work(Route.RESELL, LAPTOP) == [WorkOrderKind.DATA_WIPE, WorkOrderKind.CLEAN]
    assert implied_work(Route.RESELL, SOFA) == [WorkOrderKind.CLEAN]
    # Recycling destroys the medium: no wipe is implied.
    assert implied_work(Route.RECYCLE, LAPTOP) == []


# -- dispatch guards ----------------------------------------------------------------------


def ready(route: DispositionRoute, destination: Site | None = None) -> ReturnedUnit:
    unit = received()
    unit.record_inspection(inspection())
    unit.record_disposition(decision(unit, route, destination), [])
    assert unit.state is UnitState.READY
    return unit


def test_a_data_bearing_device_leaves_only_after_a_recorded_wipe() -> None:
    unit = ready(Route.RESELL, OUTLET)
    with pytest.raises(NotAllowed, match=r"holds data.*recorded data wipe"):
        unit.dispatch(at=later(60), actor="bob", data_bearing=True)
    assert (unit.state, unit.location_code) == (UnitState.READY, "HUB-FR:outbound")
    unit.data_wiped_at = later(50)
    unit.dispatch(at=later(60), actor="bob", data_bearing=True)
    assert unit.state is UnitState.SENT_TO_PARTNER


def test_a_device_without_data_or_going_to_recycling_needs_no_wipe() -> None:
    ready(Route.RESELL, OUTLET).dispatch(at=later(60), actor="bob", data_bearing=False)
    unit = ready(Route.RECYCLE, RECYCLER)
    unit.dispatch(at=later(60), actor="bob", data_bearing=True)
    assert unit.state is UnitState.RECYCLED


def test_refurbished_only_once_every_function_was_tested() -> None:
    unit = ready(Route.REFURBISH)
    unit.data_wiped_at = later(40)
    with pytest.raises(NotAllowed, match=r"all its functions were tested.*2022-190"):
        unit.dispatch(at=later(60), actor="bob", data_bearing=True)
    unit.tested_at = later(45)
    unit.dispatch(at=later(60), actor="bob", data_bearing=True)
    assert unit.state is UnitState.LISTED


@pytest.mark.parametrize("route", sorted(REUSE_ROUTES), ids=str)
def test_a_hazardous_unit_goes_to_no_reuse_route(route: DispositionRoute) -> None:
    """A swollen lithium battery is never restocked, resold, repaired, refurbished,
    harvested or donated, wherever it would go; it is recycled, returned or disposed of."""
    for destination in DESTINATIONS:
        kind = destination.kind if destination else None
        if kind not in ROUTE_RULES[route].destinations:
            continue
        assert allowed(route, LAPTOP, destination, hazardous=False), (route, kind)
        with pytest.raises(NotAllowed, match=r"flagged hazardous.*special provision 376"):
            check_route(route, LAPTOP, inspection(hazardous=True), destination)
    assert allowed(Route.RECYCLE, LAPTOP, RECYCLER, hazardous=True)
