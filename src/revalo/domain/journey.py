"""The journey of every unit: the consignments that carried it and its share of each.

A consignment is one booked shipment (a customer's return parcel, a transfer between two
sites, a load sent to a recycler...). Its kilometres, transport cost and emissions are
shared out over the units it carried by mass (ISO 14083 allocates emissions by mass; the
cost follows the same key), so that every unit accumulates the kilometres, CO2e and cost of
its whole journey, and the shares of one consignment add back exactly to its totals.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from revalo.domain.errors import InvalidValue

CONSIGNMENT_PREFIX = "SHP"


def format_consignment_ref(consignment_id: int) -> str:
    return f"{CONSIGNMENT_PREFIX}{consignment_id:08d}"


class ConsignmentKind(enum.StrEnum):
    #: A customer's return parcel, from the customer to the returns hub.
    RETURN = "return"
    #: Units moved between two sites of the network that hold Revalo stock.
    TRANSFER = "transfer"
    #: Units leaving the network for a partner (recycler, vendor, donee, buyer).
    DISPATCH = "dispatch"


@dataclass
class Consignment:
    """One shipment as booked: where from and to, the service chosen, and what it costs.

    ``origin`` is a site code, or a customer code for a return parcel; ``destination`` is
    always a site code. ``co2e_g`` is in grams (ISO 14083 well-to-wheel), ``cost`` in EUR.
    """

    id: int
    kind: ConsignmentKind
    origin: str
    destination: str
    service_id: str
    carrier: str
    vehicle: str
    km: float
    cost: Decimal
    co2e_g: int
    weight_kg: float
    lead_time_days: int
    booked_at: datetime
    reason: str = ""
    rma_number: str | None = None
    sscc: str | None = None
    units: int = 0

    def __post_init__(self) -> None:
        if self.km < 0:
            raise InvalidValue(f"distance {self.km} km must not be negative", field="km")
        if self.cost < 0:
            raise InvalidValue(f"cost {self.cost} EUR must not be negative", field="cost")
        if self.co2e_g < 0:
            raise InvalidValue(f"emissions {self.co2e_g} g must not be negative", field="co2e_g")
        if not self.weight_kg > 0:
            raise InvalidValue(f"weight {self.weight_kg} kg must be positive", field="weight_kg")

    @property
    def reference(self) -> str:
        return format_consignment_ref(self.id)


@dataclass
class UnitLeg:
    """One unit's share of one consignment."""

    unit_id: int
    consignment_id: int
    at: datetime
    origin: str
    destination: str
    km: float
    cost: Decimal
    co2e_g: int
    weight_kg: float
    id: int | None = field(default=None)


@dataclass(frozen=True, slots=True)
class JourneyTotals:
    legs: int
    km: float
    cost: Decimal
    co2e_kg: float


def journey_totals(legs: Sequence[UnitLeg]) -> JourneyTotals:
    """The whole journey of a unit: the sum of its legs."""
    return JourneyTotals(
        legs=len(legs),
        km=round(sum(leg.km for leg in legs), 1),
        cost=sum((leg.cost for leg in legs), Decimal("0.00")),
        co2e_kg=sum(leg.co2e_g for leg in legs) / 1000.0,
    )


def allocate_by_mass(total: int, masses_kg: Sequence[float]) -> tuple[int, ...]:
    """Share an integer ``total`` (grams, cents) among items in proportion to their masses.

    Largest-remainder rounding: each item gets a whole number and the shares add up to the
    total exactly, so nothing is created or lost between a shipment and its units. Ties go
    to the earlier item, so the same input always gives the same shares.
    """
    if total < 0:
        raise InvalidValue(f"total {total} must not be negative", field="total")
    if not masses_kg or any(not m > 0 for m in masses_kg):
        raise InvalidValue("every item needs a positive mass", field="masses_kg")
    whole = sum(masses_kg)
    exact = [total * m / whole for m in masses_kg]
    shares = [int(x) for x in exact]
    short = total - sum(shares)
    order = sorted(range(len(exact)), key=lambda i: -(exact[i] - shares[i]))
    for i in order[:short]:
        shares[i] += 1
    return tuple(shares)


def share_out(
    consignment: Consignment,
    unit_ids: Sequence[int],
    masses_kg: Sequence[float],
    at: datetime,
) -> list[UnitLeg]:
    """The legs of ``unit_ids`` (with their masses) in ``consignment``, by mass.

    Cost (in cents) and emissions (in grams) add back exactly to the consignment's; every
    unit travels the consignment's whole distance.
    """
    if len(unit_ids) != len(masses_kg):
        raise InvalidValue("one mass per unit is needed", field="masses_kg")
    cents = allocate_by_mass(int(consignment.cost * 100), masses_kg)
    grams = allocate_by_mass(consignment.co2e_g, masses_kg)
    return [
        UnitLeg(
            unit_id=uid,
            consignment_id=consignment.id,
            at=at,
            origin=consignment.origin,
            destination=consignment.destination,
            km=consignment.km,
            cost=Decimal(c) / 100,
            co2e_g=g,
            weight_kg=m,
        )
        for uid, m, c, g in zip(unit_ids, masses_kg, cents, grams, strict=True)
    ]
