"""A tiny named world of domain objects, and helpers that bring a unit to a given state.

Everything here is plain domain code: no database, no service.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from revalo.domain.catalog import Product, Site, SiteKind
from revalo.domain.disposition import (
    DecidedBy,
    DispositionRecord,
    DispositionRoute,
    implied_work,
)
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade, Inspection
from revalo.domain.units import ReturnedUnit
from revalo.domain.values import format_lpn, gs1_check_digit
from revalo.domain.work_orders import WorkOrder, WorkOrderKind

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def gtin13(seed: str) -> str:
    return seed + str(gs1_check_digit(seed))


def _product(sku: str, seed: str, category: str, **flags: object) -> Product:
    return Product(
        sku=sku,
        gtin=gtin13(seed),
        name=sku.title(),
        category=category,
        brand="Brand",
        model="M1",
        weight_kg=2.0,
        volume_m3=0.01,
        new_price=Decimal("100.00"),
        **flags,  # type: ignore[arg-type]
    )


LAPTOP = _product("LAP-14", "370000000001", "laptop", weee_category=2, data_bearing=True)
SOFA = _product("SOFA-3", "370000000002", "sofa", furniture=True, bulky=True)
TSHIRT = _product("TEE-M", "370000000003", "apparel", apparel=True)
DRILL = _product("DRILL-18", "370000000004", "power_tool", weee_category=5)

HUB = Site("HUB-FR", "Hub Lyon", SiteKind.RETURNS_HUB, "FR", "Lyon", 45.76, 4.84)
HUB_DE = Site("HUB-DE", "Hub Köln", SiteKind.RETURNS_HUB, "DE", "Köln", 50.94, 6.96)
REPAIR = Site(
    "REP-FR", "Repair Lille", SiteKind.REPAIR_CENTRE, "FR", "Lille", 50.63, 3.06, skills=["laptop"]
)
REFURB = Site(
    "REF-FR", "Refurb Nantes", SiteKind.REFURBISHER, "FR", "Nantes", 47.22, -1.55, skills=["laptop"]
)
RECYCLER = Site(
    "REC-FR", "WEEE Grenoble", SiteKind.RECYCLER, "FR", "Grenoble", 45.19, 5.72, weee_certified=True
)
SCRAP = Site("REC-X", "Scrap dealer", SiteKind.RECYCLER, "FR", "Lyon", 45.7, 4.9)
CHARITY = Site("CHA-FR", "Charity Paris", SiteKind.CHARITY, "FR", "Paris", 48.86, 2.35)
OUTLET = Site("OUT-FR", "Outlet Marseille", SiteKind.OUTLET, "FR", "Marseille", 43.3, 5.37)
VENDOR = Site("VEN-LUMEN", "Lumen vendor", SiteKind.VENDOR, "NL", "Eindhoven", 51.44, 5.47)


def later(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


def inspection(
    unit_id: int = 1,
    *,
    functional: str = "A",
    cosmetic: str = "A",
    hazardous: bool = False,
    checklist: dict[str, bool] | None = None,
) -> Inspection:
    return Inspection(
        unit_id=unit_id,
        operator="ines",
        inspected_at=later(10),
        functional_grade=FunctionalGrade(functional),
        cosmetic_grade=CosmeticGrade(cosmetic),
        duration_s=120,
        checklist=checklist or {},
        hazardous=hazardous,
    )


def received(
    unit_id: int = 1, *, site: Site = HUB, product: Product | None = LAPTOP
) -> ReturnedUnit:
    identity = {"sku": product.sku, "gtin": product.gtin} if product else {}
    unit, _ = ReturnedUnit.receive(
        id=unit_id, lpn=format_lpn(unit_id), site=site, at=NOW, actor="bob", **identity
    )
    return unit


def graded(unit_id: int = 1, **kwargs: object) -> ReturnedUnit:
    unit = received(unit_id, **kwargs)  # type: ignore[arg-type]
    unit.record_inspection(inspection(unit_id))
    return unit


def decision(
    unit: ReturnedUnit, route: DispositionRoute, destination: Site | None = None
) -> DispositionRecord:
    return DispositionRecord(
        unit_id=unit.id,
        route=route,
        decided_by=DecidedBy.MANAGER,
        actor="manager",
        decided_at=later(20),
        reason=f"{route.value} chosen",
        destination_site=destination.code if destination else None,
    )


def decide(
    unit: ReturnedUnit,
    route: DispositionRoute,
    destination: Site | None = None,
    product: Product = LAPTOP,
) -> list[WorkOrder]:
    """Record a decision with the work the route implies; return those work orders."""
    kinds = implied_work(route, product)
    unit.record_disposition(decision(unit, route, destination), kinds)
    site = destination.code if destination and destination.holds_stock else unit.site_code
    return [
        WorkOrder(id=100 + i, unit_id=unit.id, kind=k, site_code=site, created_at=later(20))
        for i, k in enumerate(kinds)
    ]


def work_order(kind: WorkOrderKind = WorkOrderKind.REPAIR, *, site: Site = HUB) -> WorkOrder:
    return WorkOrder(id=7, unit_id=1, kind=kind, site_code=site.code, created_at=NOW)
