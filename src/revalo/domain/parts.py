"""Harvested parts: what a dismantled unit gives, each part in stock with its own identity.

A product's bill of parts says which parts are worth taking out of it and what share of
the product's new price a working part is worth. The shares are Revalo's assumptions, to
be replaced by a firm's own price list: they follow the usual price of a spare part next
to the price of the appliance (a laptop's screen panel about an eighth of the laptop, a
washing machine's motor about a tenth of the machine, a drill's battery pack nearly a
third of the drill).

Each part harvested is graded by the technician: A works as new, B works with signs of
use, C works with a flaw; D does not work and is not put into stock (it goes to recycling
with the rest of the unit). A part in stock is in exactly one place: the destination of
its last move in the parts' own ledger; fitted to a unit or sold, it has left the stock.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from revalo.domain.errors import InvalidValue, LedgerError, NotAllowed

#: Part kind and its share of the product's new price when it works as new (grade A).
BILL_OF_PARTS: dict[str, tuple[tuple[str, Decimal], ...]] = {
    "laptop": (
        ("screen", Decimal("0.12")),
        ("battery", Decimal("0.06")),
        ("keyboard", Decimal("0.04")),
        ("ssd", Decimal("0.07")),
    ),
    "tablet": (("screen", Decimal("0.20")), ("battery", Decimal("0.07"))),
    "phone": (
        ("screen", Decimal("0.18")),
        ("battery", Decimal("0.05")),
        ("camera", Decimal("0.06")),
    ),
    "tv": (("main_board", Decimal("0.08")), ("power_board", Decimal("0.05"))),
    "printer": (("print_head", Decimal("0.15")), ("power_supply", Decimal("0.05"))),
    "copier": (("fuser", Decimal("0.04")), ("drum_unit", Decimal("0.03"))),
    "washing_machine": (
        ("motor", Decimal("0.10")),
        ("pump", Decimal("0.04")),
        ("drum_bearings", Decimal("0.03")),
    ),
    "fridge": (("compressor", Decimal("0.15")), ("thermostat", Decimal("0.02"))),
    "small_appliance": (("motor", Decimal("0.20")),),
    "power_tool": (("battery", Decimal("0.30")), ("motor", Decimal("0.15"))),
}


class PartGrade(enum.StrEnum):
    A = "A"  # works as new
    B = "B"  # works, signs of use
    C = "C"  # works, with a flaw
    D = "D"  # does not work: not stocked


#: Share of a grade A part's value a part of each grade keeps.
GRADE_FACTOR = {PartGrade.A: Decimal("1"), PartGrade.B: Decimal("0.6"), PartGrade.C: Decimal("0.3")}


class PartState(enum.StrEnum):
    IN_STOCK = "in_stock"
    FITTED = "fitted"
    SOLD = "sold"


def format_part(part_id: int) -> str:
    return f"PRT{part_id:09d}"


def parse_part(value: str) -> int:
    v = value.strip().upper()
    if not (v.startswith("PRT") and v[3:].isdigit()):
        raise InvalidValue(f"{value!r} is not a part's number (PRT and 9 digits)", field="part")
    return int(v[3:])


def bill_of_parts(category: str) -> tuple[tuple[str, Decimal], ...]:
    parts = BILL_OF_PARTS.get(category)
    if not parts:
        raise NotAllowed(f"a {category} has no bill of parts: nothing is harvested from it")
    return parts


def part_value(new_price: Decimal, share: Decimal, grade: PartGrade) -> Decimal:
    """What a part is worth (EUR): its share of the new price, by its grade."""
    if grade is PartGrade.D:
        return Decimal("0.00")
    return (new_price * share * GRADE_FACTOR[grade]).quantize(Decimal("0.01"))


def grades_for(category: str, given: dict[str, str]) -> dict[str, PartGrade]:
    """The grade of every part of the bill (each must be given, none other)."""
    kinds = [k for k, _ in bill_of_parts(category)]
    unknown = sorted(set(given) - set(kinds))
    if unknown:
        raise InvalidValue(
            f"a {category} has no {', '.join(unknown)}: its parts are {', '.join(kinds)}",
            field="grades",
        )
    missing = [k for k in kinds if k not in given]
    if missing:
        raise InvalidValue(f"grade every part: {', '.join(missing)} not graded", field="grades")
    out = {}
    for k in kinds:
        try:
            out[k] = PartGrade(given[k].strip().upper())
        except ValueError:
            raise InvalidValue(
                f"part {k}: grade {given[k]!r} is not one of A, B, C, D", field="grades"
            ) from None
    return out


@dataclass(frozen=True, slots=True)
class PartMove:
    part_id: int
    from_location: str | None
    to_location: str | None
    moved_at: datetime
    actor: str
    reason: str

    def __post_init__(self) -> None:
        if self.from_location is None and self.to_location is None:
            raise LedgerError("a part's move needs an origin or a destination")


@dataclass(eq=False)
class HarvestedPart:
    id: int
    kind: str
    donor_unit_id: int
    donor_lpn: str
    sku: str
    grade: PartGrade
    value: Decimal
    site_code: str
    harvested_at: datetime
    harvested_by: str
    harvest_order_id: int
    location_code: str | None = None
    state: PartState = PartState.IN_STOCK
    #: The work order it was fitted by, the unit it went into.
    fitted_order_id: int | None = None
    fitted_to_lpn: str | None = None
    sale_price: Decimal | None = None
    buyer: str = ""
    left_at: datetime | None = None

    @property
    def number(self) -> str:
        return format_part(self.id)

    @property
    def reference(self) -> str:
        """How a work order's parts name it."""
        return f"{self.kind} {self.number} (harvested from {self.donor_lpn})"

    def _leave(self, state: PartState, at: datetime, actor: str, reason: str) -> PartMove:
        if self.state is not PartState.IN_STOCK or self.location_code is None:
            raise NotAllowed(f"part {self.number} is {self.state.value}: it is not in stock")
        move = PartMove(self.id, self.location_code, None, at, actor, reason)
        self.state, self.location_code, self.left_at = state, None, at
        return move

    def stock(self, location: str, *, at: datetime, actor: str) -> PartMove:
        if self.location_code is not None:
            raise LedgerError(f"part {self.number} is in stock at {self.location_code} already")
        self.location_code = location
        return PartMove(self.id, None, location, at, actor, f"harvested from {self.donor_lpn}")

    def fit(
        self, *, order_id: int, order_number: str, lpn: str, at: datetime, actor: str
    ) -> PartMove:
        move = self._leave(PartState.FITTED, at, actor, f"fitted to {lpn} by {order_number}")
        self.fitted_order_id, self.fitted_to_lpn = order_id, lpn
        return move

    def sell(self, *, price: Decimal, buyer: str, at: datetime, actor: str) -> PartMove:
        amount = Decimal(price)
        if not amount.is_finite() or amount < 0:
            raise InvalidValue("a part's price must be zero or more EUR", field="price")
        if not buyer.strip():
            raise InvalidValue("a part's sale needs its buyer", field="buyer")
        move = self._leave(PartState.SOLD, at, actor, f"sold to {buyer.strip()}")
        self.sale_price, self.buyer = amount.quantize(Decimal("0.01")), buyer.strip()[:200]
        return move
