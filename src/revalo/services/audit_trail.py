"""A unit's trail for an auditor: one read of everything that happened to it, who did it
and when, why each decision was taken and by which rule, and every document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from revalo.domain.audit_trail import CSV_COLUMNS, TrailEntry, build_trail
from revalo.domain.catalog import Product, Site, SiteKind
from revalo.domain.journey import Consignment
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.services.certificates import load_certificates
from revalo.services.common import get_unit
from revalo.services.exports_csv import rows_csv
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork
from revalo.services.scoping import ensure_sees_unit


@dataclass(frozen=True, slots=True)
class UnitTrail:
    unit: ReturnedUnit
    product: Product | None
    entries: list[TrailEntry]

    def as_json(self) -> dict[str, Any]:
        u, p = self.unit, self.product
        return {
            "lpn": u.lpn,
            "serial": u.serial,
            "sku": u.sku,
            "product": p.name if p else None,
            "client": u.client_code,
            "rma": u.rma_number,
            "state": u.state.value,
            "entries": [e.as_json() for e in self.entries],
        }

    def as_csv(self) -> str:
        """A row per entry, oldest first."""
        return rows_csv(CSV_COLUMNS, [e.as_json() for e in self.entries])


def _consignments(uow: UnitOfWork, unit: ReturnedUnit) -> list[Consignment]:
    """The return parcel's (its label) and every consignment that carried the unit."""
    found: dict[int, Consignment] = {}
    parcel = uow.consignments.for_rma(unit.rma_number) if unit.rma_number else None
    if parcel is not None:
        found[parcel.id] = parcel
    for leg in uow.legs.for_unit(unit.id):
        consignment = uow.consignments.get(leg.consignment_id)
        if consignment is not None:
            found[consignment.id] = consignment
    return sorted(found.values(), key=lambda c: (c.booked_at, c.id))


def _crosses(places: dict[str, Site | None], c: Consignment) -> bool:
    """Whether a consignment between two sites went from one country to another."""
    origin, destination = places.get(c.origin), places.get(c.destination)
    return bool(origin and destination and origin.country != destination.country)


@reads(Permission.AUDIT_UNITS)
def unit_trail(uow: UnitOfWork, lpn: str, *, by: User) -> UnitTrail:
    """Every event, decision and document of a unit, oldest first."""
    with uow:
        unit = get_unit(uow, lpn.strip().upper())
        ensure_sees_unit(by, unit, Permission.AUDIT_UNITS)
        product = uow.products.get(unit.sku) if unit.sku else None
        decisions = uow.dispositions.for_unit(unit.id)
        sites = {
            code: site
            for code in {d.destination_site for d in decisions if d.destination_site}
            if (site := uow.sites.get(code)) is not None
        }
        consignments = _consignments(uow, unit)
        places = {
            code: uow.sites.get(code) for c in consignments for code in (c.origin, c.destination)
        }
        treatment = frozenset(
            code for code, site in places.items() if site and site.kind is SiteKind.RECYCLER
        )
        abroad = frozenset(c.id for c in consignments if _crosses(places, c))
        entries = build_trail(
            rma=uow.returns.get(unit.rma_number) if unit.rma_number else None,
            product=product,
            events=uow.events.for_unit(unit.id),
            decisions=decisions,
            sites=sites,
            consignments=consignments,
            certificates=load_certificates(uow, unit).certificates,
            treatment=treatment,
            abroad=abroad,
        )
        return UnitTrail(unit, product, entries)
