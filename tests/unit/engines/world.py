"""A tiny named world for the disposition engine, on the equator so that distances are easy:
one degree of longitude is 111.195 km great-circle (mean Earth radius 6371.0088 km)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from revalo.domain.catalog import Product, Site, SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.values import gs1_check_digit
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition import (
    ChannelSpec,
    DispositionParams,
    DispositionProblem,
    SiteSpec,
    UnitBatch,
)
from revalo.engines.disposition.params import CategoryParams

_R = DispositionRoute
_W = WorkOrderKind
KM_PER_DEGREE = 111.19508
#: Routes that sell on the discount marketplace.
RESALE = frozenset({_R.RESELL, _R.REPAIR})


def _product(sku: str, seed: str, category: str, price: str, kg: float, **flags: Any) -> Product:
    gtin = seed + str(gs1_check_digit(seed))
    return Product(
        sku, gtin, sku.title(), category, "Brand", "M1", kg, 0.01, Decimal(price), **flags
    )


LAPTOP = _product(
    "LAP-14", "370000000001", "laptop", "1000", 2.0, weee_category=2, data_bearing=True
)
DRILL = _product("DRILL-18", "370000000004", "power_tool", "100", 2.0, weee_category=5)
TSHIRT = _product("TEE-M", "370000000003", "apparel", "20", 0.25, apparel=True)
SOFA = _product("SOFA-3", "370000000002", "sofa", "800", 40.0, furniture=True, bulky=True)
PRODUCTS = (LAPTOP, DRILL, TSHIRT, SOFA)


def site(code: str, kind: SiteKind, lon: float, **extra: Any) -> Site:
    return Site(code, code.title(), kind, "FR", "Somewhere", 0.0, lon, **extra)


def sites(*without: str, **changes: SiteSpec) -> tuple[SiteSpec, ...]:
    """HUB at lon 0; the others east of it. ``changes`` replaces a site by code; ``without``
    drops sites."""
    base = {
        "HUB": SiteSpec(site("HUB", SiteKind.RETURNS_HUB, 0.0)),
        "REP": SiteSpec(
            site("REP", SiteKind.REPAIR_CENTRE, 1.0, skills=["laptop"]),
            capacity={_W.REPAIR: 100, _W.TEST: 100},
        ),
        "REF": SiteSpec(
            site("REF", SiteKind.REFURBISHER, 1.0, skills=["laptop"]),
            capacity={_W.REFURBISH: 100, _W.TEST: 100},
        ),
        "REC": SiteSpec(site("REC", SiteKind.RECYCLER, 2.0, weee_certified=True)),
        "SCRAP": SiteSpec(site("SCRAP", SiteKind.RECYCLER, 0.5)),
        "CHA": SiteSpec(site("CHA", SiteKind.CHARITY, 0.5)),
        "VEN": SiteSpec(site("VEN", SiteKind.VENDOR, 3.0), vendor_credit_rate=0.3),
    }
    base.update(changes)
    return tuple(v for k, v in base.items() if k not in without)


def channels(**changes: ChannelSpec) -> tuple[ChannelSpec, ...]:
    base = {
        "NEW": ChannelSpec("NEW", "As new", frozenset({_R.RESTOCK}), {"A": 1.0}, 7.0),
        "REFURB": ChannelSpec(
            "REFURB",
            "Refurbished marketplace",
            frozenset({_R.REFURBISH}),
            {"A": 0.7, "B": 0.6},
            7.0,
            categories=frozenset({"laptop", "power_tool"}),
        ),
        "DISCOUNT": ChannelSpec(
            "DISCOUNT",
            "Discount marketplace",
            frozenset({_R.RESELL, _R.REPAIR}),
            {"A": 0.6, "B": 0.5, "C": 0.35},
            7.0,
            fee_rate=0.1,
        ),
    }
    base.update(changes)
    return tuple(base.values())


def params(**overrides: Any) -> DispositionParams:
    """Round figures: 60 EUR/h (1 EUR a minute), no lead times, 1 EUR per m3-day."""
    values: dict[str, Any] = {
        "co2_price_eur_per_t": 0.0,
        "hierarchy_bonus_eur_per_rank": 0.0,
        "circuity": 1.3,
        "eur_per_kg_km": 0.001,
        "eur_per_shipment": 4.0,
        "co2_kg_per_tkm": 0.1,
        "storage_eur_per_m3_day": 1.0,
        "labour_eur_per_hour": 60.0,
        "data_wipe_licence_eur": 3.0,
        "recycle_eur_per_kg": 0.1,
        "dispose_eur_per_kg": 0.2,
        "categories": {
            "default": CategoryParams(0.01, 30.0, parts_rate=0.1, repair_parts_rate=0.1),
            "laptop": CategoryParams(0.01, 7.0, parts_rate=0.2, repair_parts_rate=0.1),
        },
    }
    values.update(overrides)
    return DispositionParams(**values)


def problem(
    units: list[tuple[Product, str, bool]] | None = None,
    *,
    days_waited: float | list[float] = 0.0,
    site_specs: tuple[SiteSpec, ...] | None = None,
    channel_specs: tuple[ChannelSpec, ...] | None = None,
) -> DispositionProblem:
    """Units as (product, "FC" grades, hazardous), all at HUB."""
    units = units or []
    return DispositionProblem(
        products=PRODUCTS,
        sites=site_specs or sites(),
        channels=channel_specs or channels(),
        units=UnitBatch.of(
            product=[PRODUCTS.index(p) for p, _, _ in units],
            functional=["ABCD".index(g[0]) for _, g, _ in units],
            cosmetic=["ABCD".index(g[1]) for _, g, _ in units],
            hazardous=[h for _, _, h in units],
            origin=[0] * len(units),
            days_waited=days_waited,
        ),
    )
