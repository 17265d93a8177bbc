"""Ready units for lots and units for harvest, driven through the services."""

from __future__ import annotations

from decimal import Decimal

from revalo.domain.catalog import Product
from revalo.domain.disposition import DispositionRoute
from revalo.domain.lots import Lot
from revalo.services import lots
from tests.conftest import World
from tests.integration.flows import decide, do_work, grade, received_unit
from tests.people import person

MANAGER = person("lot.manager")


def ready_unit(
    world: World, product: Product, serial: str, *, functional: str = "B", cosmetic: str = "B"
) -> str:
    """A unit graded as asked at HUB-FR, decided for resale, its work done: ready."""
    lpn = received_unit(world, product, serial)
    grade(world, lpn, functional, cosmetic)
    out = decide(world, lpn, DispositionRoute.RESELL, reason="wholesale")
    for order in out.work_orders:
        do_work(world, order)
    return lpn


def lot_of(world: World, lpns: list[str], reserve: str = "300.00") -> Lot:
    return lots.create_lot(
        world.app.uow(),
        site_code="HUB-FR",
        category="laptop",
        grade="B",
        reserve_price=Decimal(reserve),
        title="Laptops grade B",
        lpns=lpns,
        by=MANAGER,
    )


def harvest_ready(world: World, product: Product, serial: str) -> str:
    """A dead unit at HUB-FR decided for its parts, its data wiped: ready to be dismantled."""
    lpn = received_unit(world, product, serial)
    grade(world, lpn, "D", "C")
    out = decide(world, lpn, DispositionRoute.HARVEST_PARTS, reason="dead: parts")
    for order in out.work_orders:
        do_work(world, order)
    return lpn
