"""The papers a consignment carries: the waste-tracking slip of a shipment to a treatment
facility (France's BSD, bordereau de suivi des déchets, Code de l'environnement R541-45),
and the test record of each item of used electrical equipment shipped across a border
for re-use (Directive 2012/19/EU Annex VI).

A slip names its emitter and its destination (with their SIRET when the site has one), its
transporter, the treatment certificate in force and the operation planned there (the
first recovery operation its permit allows, or its first disposal one for waste sent to be
disposed of), and each item's waste code from the European List of Waste (Decision
2000/532/EC) with its mass. The transporter is named with its receipt as a declared waste
carrier (``transporter_receipts.py``) when one is in force the day it took the load. What
Revalo does not hold (a missing SIRET, a receipt never recorded) is left empty, and said, to
be completed when the slip is signed on the national service (Trackdéchets).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from revalo.domain.catalog import Product, Site, SiteKind
from revalo.domain.errors import InvalidValue
from revalo.domain.facilities import FacilityCertificate
from revalo.domain.journey import Consignment, ConsignmentKind
from revalo.domain.transporter_receipts import ReceiptOnSlip
from revalo.domain.units import ReturnedUnit
from revalo.domain.waste_operations import planned_operation
from revalo.domain.work_orders import WorkOrder

#: European List of Waste (Commission Decision 2000/532/EC) codes of what Revalo sends to
#: treatment: the star marks a hazardous waste.
WEEE_HAZARDOUS = "16 02 13*"  # discarded equipment containing hazardous components
WEEE_OTHER = "16 02 14"  # discarded equipment other than 16 02 09 to 16 02 13
CLOTHES = "20 01 10"
BULKY = "20 03 07"  # bulky waste (furniture)
#: ADR special provision for damaged or defective lithium batteries.
DAMAGED_LITHIUM = "UN 3480 / UN 3481, ADR special provision 376"
CSV_COLUMNS = ("lpn", "serial", "product", "waste_code", "hazardous", "mass_kg", "adr")


@dataclass(frozen=True, slots=True)
class SlipItem:
    lpn: str
    serial: str | None
    product: str
    waste_code: str | None
    hazardous: bool
    mass_kg: float
    adr: str

    def as_json(self) -> dict[str, Any]:
        return {c: getattr(self, c) for c in CSV_COLUMNS}


def waste_code(product: Product, hazardous: bool) -> str | None:
    """The item's code in the European List of Waste; None where it needs a person's
    classification."""
    if product.is_weee:
        return WEEE_HAZARDOUS if hazardous or product.lithium_battery else WEEE_OTHER
    if product.apparel:
        return CLOTHES
    if product.furniture:
        return BULKY
    return None


def _party(site: Site) -> dict[str, Any]:
    return {
        "site": site.code,
        "name": site.name,
        "city": site.city,
        "country": site.country,
        "gln": site.gln,
        "siret": site.siret,
    }


@dataclass(frozen=True, slots=True)
class WasteTrackingSlip:
    """A BSD's fields, for a consignment to a treatment facility."""

    number: str
    consignment: Consignment
    emitter: Site
    destination: Site
    certificate: FacilityCertificate | None
    items: tuple[SlipItem, ...]
    #: Some of its units are sent to be disposed of (not recovered).
    disposal: bool = False
    #: The carrier's receipt as a waste transporter, and what is wrong with it.
    receipt: ReceiptOnSlip | None = None

    @property
    def planned_operation(self) -> str | None:
        if self.certificate is None:
            return None
        return planned_operation(self.certificate.operations, disposal=self.disposal)

    @property
    def mass_kg(self) -> float:
        return round(sum(i.mass_kg for i in self.items), 3)

    def as_json(self) -> dict[str, Any]:
        c, cert = self.consignment, self.certificate
        return {
            "slip": self.number,
            "form": "BSD (Code de l'environnement R541-45), to sign on Trackdéchets",
            "emitter": _party(self.emitter),
            "transporter": {
                "carrier": c.carrier,
                "service": c.service_id,
                "vehicle": c.vehicle,
                "takenOn": c.booked_at.date().isoformat(),
                "receipt": _receipt(self.receipt),
                "receiptRequired": bool(self.receipt and self.receipt.required),
                "receiptProblem": self.receipt.problem if self.receipt else None,
            },
            "destination": {
                **_party(self.destination),
                "certificate": (
                    {"number": cert.number, "issuer": cert.issuer, "expires": str(cert.expires_on)}
                    if cert
                    else None
                ),
                "plannedOperation": self.planned_operation,
            },
            "waste": {
                "quantityTonnes": round(self.mass_kg / 1000, 4),
                "quantityKind": "estimated from the products' masses",
                "hazardous": any(i.hazardous for i in self.items),
                "items": [i.as_json() for i in self.items],
            },
            "consignment": c.reference,
        }


def _receipt(on_slip: ReceiptOnSlip | None) -> dict[str, Any] | None:
    r = on_slip.receipt if on_slip else None
    if r is None:
        return None
    return {"number": r.number, "department": r.department, "validUntil": str(r.valid_until)}


def ensure_waste_shipment(consignment: Consignment, destination: Site) -> None:
    to_treatment = destination.kind is SiteKind.RECYCLER
    if consignment.kind is not ConsignmentKind.DISPATCH or not to_treatment:
        raise InvalidValue(
            f"consignment {consignment.reference} goes to {destination.code}, not to a "
            "treatment facility: it has no waste-tracking slip",
            field="reference",
        )


@dataclass(frozen=True, slots=True)
class LoadedItem:
    """One unit of a consignment, with what its papers need."""

    unit: ReturnedUnit
    product: Product | None
    hazardous: bool
    #: Its last test done (None: never tested).
    test: WorkOrder | None


def slip_item(i: LoadedItem) -> SlipItem:
    code = waste_code(i.product, i.hazardous) if i.product else None
    lithium = bool(i.product and i.product.lithium_battery)
    return SlipItem(
        lpn=i.unit.lpn,
        serial=i.unit.serial,
        product=i.product.name if i.product else "",
        waste_code=code,
        hazardous=i.hazardous or bool(code and code.endswith("*")),
        mass_kg=i.product.weight_kg if i.product else 0.0,
        adr=DAMAGED_LITHIUM if i.hazardous and lithium else "",
    )


#: The fields of the record Annex VI point 3 of Directive 2012/19/EU asks for each item.
TEST_RECORD_COLUMNS = (
    "item",
    "category",
    "identification",
    "year_of_production",
    "tested_by",
    "test_result",
    "tested_on",
    "kind_of_test",
)


def test_records(
    consignment: Consignment, origin: Site, destination: Site, items: Sequence[LoadedItem]
) -> list[dict[str, Any]]:
    """The test record of each item of used EEE a consignment carries across a border (a
    shipment of used equipment that its holder says is not waste). Refused for a
    consignment inside one country, or carrying an item of EEE never tested."""
    if origin.country == destination.country:
        raise InvalidValue(
            f"consignment {consignment.reference} stays in {origin.country}: the test records "
            "of Annex VI are for shipments across a border",
            field="reference",
        )
    untested = [i.unit.lpn for i in items if i.product and i.product.is_weee and i.test is None]
    if untested:
        raise InvalidValue(
            f"consignment {consignment.reference} carries used equipment never tested "
            f"({', '.join(untested)}): across a border it is shipped as waste, or tested first "
            "(Directive 2012/19/EU Annex VI)",
            field="reference",
        )
    return [
        {
            "item": i.product.name,
            "category": i.product.weee_category,
            "identification": i.unit.serial or i.unit.lpn,
            "year_of_production": None,
            "tested_by": _tester(i.test, origin),
            "test_result": "functional",
            "tested_on": _day(i.test.completed_at) if i.test else None,
            "kind_of_test": f"functionality test, work order {i.test.number}" if i.test else "",
        }
        for i in items
        if i.product and i.product.is_weee
    ]


def _tester(test: WorkOrder | None, origin: Site) -> str | None:
    """Who answers for the test: the shipping site when it tested the item, else the site
    that did."""
    if test is None:
        return None
    if test.site_code == origin.code:
        return f"{origin.name}, {origin.city} ({origin.country})"
    return f"site {test.site_code}"


def _day(at: datetime | None) -> str | None:
    return at.date().isoformat() if at else None
