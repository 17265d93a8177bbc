"""Certificates of sanitisation: the media a technician wipes, recorded on the data-wipe
order; the certificates of a unit (one per medium, as PDF and JSON), which the client
owning the unit may download; and whether the unit may be called refurbished."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from revalo.domain.certificates import (
    Device,
    MediaKind,
    RefurbishedClaim,
    SanitisationCertificate,
    WipedMedium,
    certificates_of,
    check_number,
    ensure_can_add_medium,
    refurbished_claim,
)
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.domain.work_orders import WipeMethod
from revalo.services.common import found, get_unit, when
from revalo.services.guard import ensure_handles, needs, reads
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import ensure_sees_unit


@needs(Permission.FINISH_WORK_ORDER)
@retried
def record_wiped_medium(
    uow: UnitOfWork,
    order_id: int,
    *,
    by: User,
    media_serial: str,
    media_kind: MediaKind,
    method: WipeMethod,
    tool: str,
    tool_version: str,
    verification: str = "",
    verified: bool,
    at: datetime | None = None,
) -> WipedMedium:
    """Record one medium sanitised on a data wipe in progress: it will have its own
    certificate, numbered by its place on the order, when the wipe is done."""
    t = when(at)
    with uow:
        order = found(uow.work_orders.get(order_id), f"no work order {order_id}", "order_id")
        unit = found(uow.units.get(order.unit_id, lock=True), "unit missing")
        order = found(uow.work_orders.get(order_id, lock=True), "work order missing")
        ensure_handles(by, Permission.FINISH_WORK_ORDER, unit)
        recorded = list(uow.certificates.media([order.id]).get(order.id, ()))
        ensure_can_add_medium(order, recorded, media_serial)
        medium = WipedMedium(
            work_order_id=order.id,
            position=len(recorded) + 1,
            media_serial=media_serial,
            media_kind=media_kind,
            method=method,
            tool=tool,
            tool_version=tool_version,
            verification=verification,
            verified=verified,
            recorded_by=by.login,
            recorded_at=t,
        )
        uow.certificates.add_medium(medium)
        uow.commit()
    return medium


@dataclass(frozen=True, slots=True)
class UnitCertificates:
    unit: ReturnedUnit
    certificates: list[SanitisationCertificate]
    #: Whether the unit may be sold as "reconditionné", with its proofs.
    refurbished: RefurbishedClaim


def load_certificates(uow: UnitOfWork, unit: ReturnedUnit) -> UnitCertificates:
    """The certificates of a unit already loaded (inside the caller's unit of work)."""
    product = uow.products.get(unit.sku) if unit.sku else None
    orders = uow.work_orders.for_unit(unit.id)
    device = Device(
        lpn=unit.lpn,
        serial=unit.serial,
        manufacturer=product.brand if product else "",
        model=product.model if product else "",
        name=product.name if product else "",
        client_code=unit.client_code,
    )
    certificates = certificates_of(device, orders, uow.certificates.media([o.id for o in orders]))
    inspection = uow.inspections.latest(unit.id)
    claim = refurbished_claim(
        orders,
        certificates,
        data_bearing=bool(product and product.data_bearing),
        faults=inspection.fault_codes if inspection else (),
    )
    return UnitCertificates(unit, certificates, claim)


@reads(Permission.VIEW_UNITS)
def unit_certificates(uow: UnitOfWork, lpn: str, *, by: User) -> UnitCertificates:
    """The certificates of sanitisation of a unit that ``by`` may see, and its refurbished
    claim."""
    with uow:
        unit = get_unit(uow, lpn.strip().upper())
        ensure_sees_unit(by, unit, Permission.VIEW_UNITS)
        return load_certificates(uow, unit)


@reads(Permission.VIEW_UNITS)
def certificate(uow: UnitOfWork, number: str, *, by: User) -> SanitisationCertificate:
    """One certificate by its number, when ``by`` may see its unit (a client: its own)."""
    wanted = check_number(number)
    order_id = int(wanted[3:11])
    with uow:
        order = uow.work_orders.get(order_id)
        unit = uow.units.get(order.unit_id) if order else None
        if unit is not None:
            ensure_sees_unit(by, unit, Permission.VIEW_UNITS)
            for c in load_certificates(uow, unit).certificates:
                if c.number == wanted:
                    return c
    return found(None, f"no certificate of sanitisation {wanted}", "number")


@reads(Permission.VIEW_WORK_ORDERS)
def order_media(uow: UnitOfWork, order_id: int, *, by: User) -> list[WipedMedium]:
    """The media recorded on a work order at a site ``by`` may see."""
    with uow:
        order = found(uow.work_orders.get(order_id), f"no work order {order_id}", "order_id")
        unit = found(uow.units.get(order.unit_id), "unit missing")
        ensure_handles(by, Permission.VIEW_WORK_ORDERS, unit)
        return list(uow.certificates.media([order.id]).get(order.id, ()))
