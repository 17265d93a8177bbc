"""Bins: the places inside a site's zones where units are put away.

A bin's code is ``SITE:AISLE-RACK-LEVEL-POS`` (``HUB-CENTRAL:A-03-2-B``: aisle A, rack 03,
level 2 counted from the floor at 0, position B). A bin is also a location of the ledger:
a unit put away into it is moved there, so its fill is what the ledger says is in it.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from revalo.domain.catalog import LocationKind, check_code
from revalo.domain.errors import InvalidValue

_BIN = re.compile(r"^([A-Z]{1,3})-(\d{2,3})-(\d)-([A-Z])$")


class BinKind(enum.StrEnum):
    FLOOR = "floor"
    SHELF = "shelf"
    PALLET_RACKING = "pallet_racking"
    SECURE_CAGE = "secure_cage"
    BATTERY_STORE = "battery_store"
    BULKY_AREA = "bulky_area"


@dataclass(frozen=True, slots=True)
class BinCode:
    site_code: str
    aisle: str
    rack: int
    level: int
    position: str

    @property
    def code(self) -> str:
        return f"{self.site_code}:{self.aisle}-{self.rack:02d}-{self.level}-{self.position}"


def parse_bin_code(value: str) -> BinCode:
    """``SITE:AISLE-RACK-LEVEL-POS``; a clear refusal for anything else."""
    text = value.strip().upper()
    site, sep, rest = text.partition(":")
    match = _BIN.match(rest) if sep else None
    if match is None:
        raise InvalidValue(
            f"bin code {value!r} must be SITE:AISLE-RACK-LEVEL-POS, e.g. HUB-CENTRAL:A-03-2-B "
            "(aisle 1-3 letters, rack 2-3 digits, level one digit from 0 at the floor, "
            "position one letter)",
            field="code",
        )
    aisle, rack, level, position = match.groups()
    return BinCode(check_code(site, "site code"), aisle, int(rack), int(level), position)


@dataclass(eq=False)
class Bin:
    """A bin of a site's zone, with what it can hold (None: no limit of that kind)."""

    code: str
    site_code: str
    zone: LocationKind
    kind: BinKind
    level: int
    #: Height of the bin's beam above the floor, metres (pallet racking; 0 elsewhere).
    height_m: float = 0.0
    max_volume_m3: float | None = None
    max_mass_kg: float | None = None
    #: Units (pallet places on racking) the bin takes.
    places: int | None = None

    @classmethod
    def create(
        cls,
        code: str,
        *,
        zone: LocationKind,
        kind: BinKind,
        height_m: float = 0.0,
        max_volume_m3: float | None = None,
        max_mass_kg: float | None = None,
        places: int | None = None,
    ) -> Bin:
        parsed = parse_bin_code(code)
        if zone in (LocationKind.IN_TRANSIT, LocationKind.OUTBOUND, LocationKind.MISSING):
            raise InvalidValue(f"zone {zone.value} holds no bins", field="zone")
        if height_m < 0 or (kind is not BinKind.PALLET_RACKING and height_m):
            raise InvalidValue("only pallet racking has a height, of 0 m or more", field="height_m")
        for name, limit in (("max_volume_m3", max_volume_m3), ("max_mass_kg", max_mass_kg)):
            if limit is not None and limit <= 0:
                raise InvalidValue(f"{name} {limit} must be positive", field=name)
        if places is not None and places < 1:
            raise InvalidValue(f"places {places} must be at least 1", field="places")
        return cls(
            code=parsed.code,
            site_code=parsed.site_code,
            zone=zone,
            kind=kind,
            level=parsed.level,
            height_m=height_m,
            max_volume_m3=max_volume_m3,
            max_mass_kg=max_mass_kg,
            places=places,
        )


@dataclass(frozen=True, slots=True)
class Fill:
    """What is in a bin, from the ledger: units, their volume and mass."""

    units: int = 0
    volume_m3: float = 0.0
    mass_kg: float = 0.0


@dataclass(frozen=True, slots=True)
class Item:
    """What a unit is for put-away: its product's size and flags, and its last grading."""

    lpn: str
    mass_kg: float
    volume_m3: float
    data_bearing: bool = False
    bulky: bool = False
    #: Its lithium battery was found damaged (swollen, leaking, overheated; ADR SP 376).
    damaged_lithium: bool = False
    #: Its data were wiped (a data-bearing unit then needs the cage no more).
    wiped: bool = False
