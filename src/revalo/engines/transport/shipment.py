"""What is shipped: parcels with their sizes, content flags and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.places import Place


@dataclass(frozen=True, slots=True)
class Parcel:
    """One box (or a wrapped item such as a sofa): its weight and outside dimensions."""

    weight_kg: float
    length_cm: float
    width_cm: float
    height_cm: float

    def __post_init__(self) -> None:
        if not self.weight_kg > 0:
            raise InvalidValue(
                f"parcel weight {self.weight_kg} kg must be positive", field="weight_kg"
            )
        for name in ("length_cm", "width_cm", "height_cm"):
            if not getattr(self, name) > 0:
                raise InvalidValue(
                    f"parcel {name} {getattr(self, name)} must be positive", field=name
                )

    @classmethod
    def cube(cls, weight_kg: float, volume_m3: float) -> Parcel:
        """A product known only by its weight and volume, boxed as a cube of that volume."""
        if not volume_m3 > 0:
            raise InvalidValue(f"volume {volume_m3} m3 must be positive", field="volume_m3")
        side_cm = volume_m3 ** (1 / 3) * 100.0
        return cls(weight_kg, side_cm, side_cm, side_cm)

    @property
    def volume_m3(self) -> float:
        return self.length_cm * self.width_cm * self.height_cm / 1_000_000.0

    @property
    def longest_cm(self) -> float:
        return max(self.length_cm, self.width_cm, self.height_cm)

    @property
    def girth_cm(self) -> float:
        """Length plus girth, as parcel carriers measure it: longest side + 2 x the other two."""
        return self.longest_cm + 2 * (
            self.length_cm + self.width_cm + self.height_cm - self.longest_cm
        )


@dataclass(frozen=True, slots=True)
class Shipment:
    """Parcels going together from one place to another.

    Parameters
    ----------
    lithium
        Holds lithium batteries (dangerous goods, UN 3480/3481): only services that accept
        them may carry it.
    bulky
        Holds bulky items (sofas, appliances) that need a two-person or bulky service.
    damaged_lithium
        Holds a damaged or defective lithium battery (a unit found hazardous at inspection):
        only a service carrying under ADR special provision 376 may take it. Implies
        ``lithium``.
    ready_on, needed_by
        The day the shipment can leave, and the last acceptable day of arrival (none: no limit).
    """

    origin: Place
    destination: Place
    parcels: tuple[Parcel, ...]
    ready_on: date
    needed_by: date | None = None
    lithium: bool = False
    bulky: bool = False
    damaged_lithium: bool = False

    def __post_init__(self) -> None:
        if self.damaged_lithium and not self.lithium:
            raise InvalidValue(
                "a damaged lithium battery is a lithium battery: set lithium too",
                field="lithium",
            )
        if not self.parcels:
            raise InvalidValue("a shipment needs at least one parcel", field="parcels")
        if self.needed_by is not None and self.needed_by < self.ready_on:
            raise InvalidValue(
                f"needed-by date {self.needed_by} is before the ready date {self.ready_on}",
                field="needed_by",
            )

    @property
    def weight_kg(self) -> float:
        return sum(p.weight_kg for p in self.parcels)

    @property
    def volume_m3(self) -> float:
        return sum(p.volume_m3 for p in self.parcels)
