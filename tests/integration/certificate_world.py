"""A small world for the certificates' tests: laptops are the client VELO-NORD's goods,
and one of them is received, graded and wiped (its media recorded)."""

from __future__ import annotations

from datetime import timedelta

from revalo.domain.certificates import MediaKind
from revalo.domain.clients import Client
from revalo.domain.disposition import DispositionRoute as Route
from revalo.domain.people import Role, User
from revalo.domain.work_orders import WipeMethod, WorkOrder
from revalo.services import catalog, certificates, clients, returns
from revalo.services import work_orders as wo
from revalo.services.ports import UnitOfWork
from tests.conftest import World
from tests.integration.flows import decide, grade, gs1, line, scan
from tests.people import person

OWNER = "VELO-NORD"


def client_user(code: str) -> User:
    return User(login=f"c.{code.lower()}", name="Client", roles={Role.CLIENT}, client_code=code)


def own_laptops(world: World) -> World:
    """Laptops are the client VELO-NORD's goods (CASA-SUD is another client)."""
    u = world.app.uow
    clients.add_client(u(), Client(OWNER, "Vélo Nord"), by=person("operator"))
    clients.add_client(u(), Client("CASA-SUD", "Casa Sud"), by=person("operator"))
    catalog.give_product_to_client(u(), "LAP-14", OWNER, by=person("operator"))
    return world


def medium(world: World, order: WorkOrder, serial: str, **changes: object) -> None:
    fields: dict[str, object] = {
        "media_serial": serial,
        "media_kind": MediaKind.SSD,
        "method": WipeMethod.PURGE,
        "tool": "nvme-cli sanitize",
        "tool_version": "2.8",
        "verification": "full read-back",
        "verified": True,
    }
    certificates.record_wiped_medium(
        world.app.uow(), order.id, by=person("tech"), **{**fields, **changes}
    )


def owned_laptop(world: World) -> str:
    """A laptop of VELO-NORD's return, received and graded A/A; its LPN."""
    returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code="C-ANNE",
        lines=[line("LAP-14", serial="SN-LAP-1")],
        delivered_at=world.now - timedelta(days=3),
        by=person("portal"),
        requested_at=world.now,
        client_code=OWNER,
    )
    lpn = scan(world, gs1(world.laptop, "SN-LAP-1")).unit.lpn
    grade(world, lpn)
    return lpn


def wiped_laptop(world: World, *serials: str) -> tuple[str, list[WorkOrder]]:
    lpn = owned_laptop(world)
    orders = decide(world, lpn, Route.REFURBISH, reason="refurbish in-house").work_orders
    wipe = orders[0]
    wo.start_work_order(world.app.uow(), wipe.id, by=person("tech"))
    for s in serials:
        medium(world, wipe, s)
    wo.finish_work_order(
        world.app.uow(),
        wipe.id,
        succeeded=True,
        by=person("tech"),
        labour_minutes=15,
        wipe_method=WipeMethod.PURGE,
        wipe_tool="Blancco 7",
        wipe_verified=True,
    )
    return lpn, orders


def consignment_of(uow: UnitOfWork, lpn: str) -> str:
    with uow:
        unit = uow.units.by_lpn(lpn)
        assert unit is not None
        legs = uow.legs.for_unit(unit.id)
        return f"SHP{legs[-1].consignment_id:08d}"
