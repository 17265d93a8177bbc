"""Value objects and checks shared by the domain."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from revalo.domain.errors import InvalidValue

_DIGITS = re.compile(r"^\d+$")
_LPN = re.compile(r"^LPN\d{9}$")


def gs1_check_digit(data: str) -> int:
    """Check digit of a GS1 key (GTIN, SSCC): weights 3,1,3,1... from the rightmost data digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(data)))
    return (10 - total % 10) % 10


def normalise_gtin(value: str) -> str:
    """Return the GTIN as 14 digits, or raise InvalidValue naming what is wrong."""
    v = value.strip()
    if not _DIGITS.match(v) or len(v) not in (8, 12, 13, 14):
        raise InvalidValue(f"GTIN {value!r} must have 8, 12, 13 or 14 digits", field="gtin")
    expected = gs1_check_digit(v[:-1])
    if int(v[-1]) != expected:
        raise InvalidValue(
            f"GTIN {value!r} has a wrong check digit: expected {expected}, got {v[-1]}",
            field="gtin",
        )
    return v.zfill(14)


def format_lpn(number: int) -> str:
    """The licence plate number printed on a unit's label: LPN + 9 digits."""
    if not 0 < number < 10**9:
        raise InvalidValue(f"LPN number {number} is out of range", field="lpn")
    return f"LPN{number:09d}"


def is_lpn(value: str) -> bool:
    return bool(_LPN.match(value.strip().upper()))


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Naive datetimes are taken as UTC (SQLite gives them back naive)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class GeoPoint:
    lat: float
    lon: float

    def __post_init__(self) -> None:
        if not -90.0 <= self.lat <= 90.0:
            raise InvalidValue(f"latitude {self.lat} is outside -90..90", field="lat")
        if not -180.0 <= self.lon <= 180.0:
            raise InvalidValue(f"longitude {self.lon} is outside -180..180", field="lon")

    def km_to(self, other: GeoPoint) -> float:
        """Great-circle distance in km (haversine, mean Earth radius 6371.0088 km)."""
        p1, p2 = math.radians(self.lat), math.radians(other.lat)
        dp, dl = p2 - p1, math.radians(other.lon - self.lon)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * 6371.0088 * math.asin(math.sqrt(h))
