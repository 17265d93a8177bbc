"""The papers of a consignment: its waste-tracking slip (BSD) when it goes to a treatment
facility, and the Annex VI test record of each item of used EEE it carries across a border."""

from __future__ import annotations

from typing import Any

from revalo.domain.disposition import DispositionRoute
from revalo.domain.journey import CONSIGNMENT_PREFIX, Consignment
from revalo.domain.papers import (
    LoadedItem,
    WasteTrackingSlip,
    ensure_waste_shipment,
    slip_item,
    test_records,
)
from revalo.domain.people import Permission, User
from revalo.domain.transporter_receipts import needs_receipt, receipt_on_slip
from revalo.domain.work_orders import WorkOrderKind, WorkOrderState
from revalo.services.common import found, get_site
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork


def _consignment(uow: UnitOfWork, reference: str) -> Consignment:
    ref = reference.strip().upper()
    digits = ref.removeprefix(CONSIGNMENT_PREFIX)
    consignment = uow.consignments.get(int(digits)) if digits.isdigit() else None
    return found(consignment, f"no consignment {reference!r}", "reference")


def _items(uow: UnitOfWork, consignment: Consignment) -> list[LoadedItem]:
    items = []
    for unit_id in uow.certificates.consignment_units(consignment.id):
        unit = found(uow.units.get(unit_id), "unit missing")
        inspection = uow.inspections.latest(unit.id)
        tests = [
            o
            for o in uow.work_orders.for_unit(unit.id)
            if o.kind is WorkOrderKind.TEST and o.state is WorkOrderState.DONE
        ]
        items.append(
            LoadedItem(
                unit=unit,
                product=uow.products.get(unit.sku) if unit.sku else None,
                hazardous=bool(inspection and inspection.hazardous),
                test=tests[-1] if tests else None,
            )
        )
    return items


@reads(Permission.VIEW_STOCK)
def waste_tracking_slip(uow: UnitOfWork, reference: str, *, by: User) -> WasteTrackingSlip:
    """The BSD fields of a consignment to a treatment facility."""
    with uow:
        consignment = _consignment(uow, reference)
        destination = get_site(uow, consignment.destination, "reference")
        ensure_waste_shipment(consignment, destination)
        day = consignment.booked_at.date()
        held = uow.certificates.facility_certificates(destination.code)
        in_force = [c for c in held if c.in_force_on(day)]
        loaded = _items(uow, consignment)
        items = tuple(slip_item(i) for i in loaded)
        kg = sum(i.mass_kg for i in items)
        required = needs_receipt(kg, any(i.hazardous for i in items))
        receipts = uow.certificates.transporter_receipts(consignment.carrier)
        return WasteTrackingSlip(
            number=f"BSD-{consignment.reference}",
            consignment=consignment,
            emitter=get_site(uow, consignment.origin, "reference"),
            destination=destination,
            certificate=in_force[-1] if in_force else None,
            items=items,
            disposal=any(i.unit.route is DispositionRoute.DISPOSE for i in loaded),
            receipt=receipt_on_slip(consignment.carrier, receipts, day, required=required),
        )


@reads(Permission.VIEW_STOCK)
def annex_vi_records(uow: UnitOfWork, reference: str, *, by: User) -> dict[str, Any]:
    """The Annex VI test records of a consignment of used EEE across a border."""
    with uow:
        consignment = _consignment(uow, reference)
        origin = get_site(uow, consignment.origin, "reference")
        destination = get_site(uow, consignment.destination, "reference")
        records = test_records(consignment, origin, destination, _items(uow, consignment))
        return {
            "consignment": consignment.reference,
            "from": {"site": origin.code, "country": origin.country},
            "to": {"site": destination.code, "country": destination.country},
            "directive": "2012/19/EU Annex VI",
            "records": records,
        }
