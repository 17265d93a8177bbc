"""Load and check the carriers file (``config/carriers.toml``).

Every problem is reported as ``file:line: key: what is wrong`` and nothing is half-loaded:
either the whole file is valid or a ``RateCardError`` is raised.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path as FsPath
from typing import Any

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.carriers import (
    WILDCARD,
    FleetVehicle,
    Handling,
    Lane,
    PalletService,
    ParcelService,
    RateCards,
    Service,
    TruckService,
    Zone,
)
from revalo.engines.transport.choice import ChoiceParams
from revalo.engines.transport.distances import CircuityParams
from revalo.engines.transport.emissions import DESNZ_2025, Intensity
from revalo.engines.transport.errors import RateCardError
from revalo.engines.transport.toml_reader import Path, TomlReader

_LANE = re.compile(r"^([A-Z]{2}|\*)>([A-Z]{2}|\*)$")
_COUNTRY = re.compile(r"^([A-Z]{2}|\*)$")
_COMMON = {
    "id",
    "carrier",
    "vehicle",
    "accepts_lithium",
    "accepts_bulky",
    "accepts_damaged_lithium",
}


@dataclass(frozen=True, slots=True)
class TransportConfig:
    """What the carriers file holds: services with their rate cards, and circuity factors."""

    rate_cards: RateCards
    circuity: CircuityParams = field(default_factory=CircuityParams)
    choice: ChoiceParams = field(default_factory=ChoiceParams)


def default_carriers_text() -> tuple[str, str]:
    """The carriers file shipped with Revalo: (name, text)."""
    ref = resources.files("revalo.config").joinpath("carriers.toml")
    return "carriers.toml", ref.read_text(encoding="utf-8")


def load_transport_config(path: str | FsPath | None = None) -> TransportConfig:
    """Read a carriers file (the shipped one when ``path`` is None)."""
    if path is None:
        name, text = default_carriers_text()
    else:
        name, text = str(path), FsPath(path).read_text(encoding="utf-8")
    return parse_transport_config(text, name)


def parse_transport_config(
    text: str,
    name: str = "carriers.toml",
    intensities: Mapping[str, Intensity] = DESNZ_2025,
) -> TransportConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RateCardError(f"{name}: not valid TOML: {exc}", field="carriers") from exc
    reader = _Reader(name, text, intensities)
    return reader.config(data)


class _Reader(TomlReader):
    def __init__(self, name: str, text: str, intensities: Mapping[str, Intensity]) -> None:
        super().__init__(name, text)
        self.intensities = intensities

    # -- sections ------------------------------------------------------------------------
    def config(self, data: dict[str, Any]) -> TransportConfig:
        self.only(data, (), {"circuity", "choice", "parcel", "pallet", "truck", "fleet"})
        services: list[Service] = []
        for i, t in enumerate(self.tables(data, (), "parcel")):
            services.append(self.parcel(t, ("parcel", i)))
        for i, t in enumerate(self.tables(data, (), "pallet")):
            services.append(self.pallet(t, ("pallet", i)))
        for i, t in enumerate(self.tables(data, (), "truck")):
            services.append(self.truck(t, ("truck", i)))
        for i, t in enumerate(self.tables(data, (), "fleet")):
            services.append(self.fleet(t, ("fleet", i)))
        if not services:
            raise self.fail(
                (), "no service: add at least one [[parcel]], [[pallet]], [[truck]] or [[fleet]]"
            )
        seen: dict[str, Path] = {}
        for service, path in zip(services, self._paths(data), strict=True):
            if service.id in seen:
                raise self.fail((*path, "id"), f"service id {service.id!r} is used twice")
            seen[service.id] = path
        circuity = self.circuity(data["circuity"]) if "circuity" in data else CircuityParams()
        return TransportConfig(RateCards(tuple(services)), circuity, self.choice(data))

    def choice(self, data: dict[str, Any]) -> ChoiceParams:
        table = data.get("choice", {})
        path: Path = ("choice",)
        if not isinstance(table, dict):
            raise self.fail(path, "must be a table")
        self.only(table, path, {"co2_eur_per_kg"})
        if "co2_eur_per_kg" not in table:
            return ChoiceParams(intensities=self.intensities)
        price = self.number(table, path, "co2_eur_per_kg", positive=False)
        return ChoiceParams(co2_eur_per_kg=price, intensities=self.intensities)

    def _paths(self, data: dict[str, Any]) -> list[Path]:
        return [
            (section, i)
            for section in ("parcel", "pallet", "truck", "fleet")
            for i in range(len(data.get(section, [])))
        ]

    def circuity(self, table: Any) -> CircuityParams:
        path: Path = ("circuity",)
        if not isinstance(table, dict):
            raise self.fail(path, "must be a table")
        self.only(table, path, {"default", "urban", "urban_below_km", "speed_kmh", "by_country"})
        defaults = CircuityParams()
        by_country = table.get("by_country", {})
        if not isinstance(by_country, dict):
            raise self.fail((*path, "by_country"), "must be a table of country = factor")
        factors = {}
        for country, _ in by_country.items():
            if not _COUNTRY.match(country) or country == WILDCARD:
                raise self.fail((*path, "by_country"), f"{country!r} is not an ISO country code")
            factors[country] = self.number(by_country, (*path, "by_country"), country)

        def opt(key: str, default: float) -> float:
            return self.number(table, path, key) if key in table else default

        try:
            return CircuityParams(
                default=opt("default", defaults.default),
                by_country=factors,
                urban=opt("urban", defaults.urban),
                urban_below_km=opt("urban_below_km", defaults.urban_below_km),
                speed_kmh=opt("speed_kmh", defaults.speed_kmh),
            )
        except RateCardError:
            raise
        except InvalidValue as exc:  # the params' own checks (factor below 1...)
            raise self.fail(path, exc.message) from None

    def common(self, t: dict[str, Any], path: Path) -> tuple[str, str, str, Handling]:
        vehicle = self.text(t, path, "vehicle")
        if vehicle not in self.intensities:
            raise self.fail(
                (*path, "vehicle"),
                f"unknown vehicle {vehicle!r} (known: {', '.join(sorted(self.intensities))})",
            )
        lithium = self.flag(t, path, "accepts_lithium")
        damaged = "accepts_damaged_lithium" in t and self.flag(t, path, "accepts_damaged_lithium")
        if damaged and not lithium:
            raise self.fail(
                (*path, "accepts_damaged_lithium"),
                "a service that takes damaged lithium batteries must accept lithium batteries",
            )
        handling = Handling(lithium, self.flag(t, path, "accepts_bulky"), damaged)
        return self.text(t, path, "id").upper(), self.text(t, path, "carrier"), vehicle, handling

    def zones(
        self, t: dict[str, Any], path: Path, price_key: str, n_prices: int | None
    ) -> tuple[Zone, ...]:
        zones = []
        lanes_seen: dict[Lane, str] = {}
        tables = self.tables(t, path, "zone")
        if not tables:
            raise self.fail(path, "needs at least one [[...zone]] with its lanes and prices")
        for j, z in enumerate(tables):
            zp: Path = (*path, "zone", j)
            self.only(z, zp, {"name", "lanes", "lead_time_days", price_key})
            zname = self.text(z, zp, "name")
            lanes = tuple(Lane(*lane.split(">")) for lane in self.strings(z, zp, "lanes", _LANE))
            for lane in lanes:
                if lane in lanes_seen:
                    raise self.fail(
                        (*zp, "lanes"),
                        f"lane {lane.origin}>{lane.destination} is already in zone "
                        f"{lanes_seen[lane]!r}",
                    )
                lanes_seen[lane] = zname
            if n_prices is None:
                prices: tuple[float, ...] = (self.number(z, zp, price_key),)
            else:
                prices = self.numbers(z, zp, price_key)
                if len(prices) != n_prices:
                    raise self.fail(
                        (*zp, price_key),
                        f"has {len(prices)} prices for {n_prices} weight breaks",
                    )
            zones.append(Zone(zname, lanes, self.integer(z, zp, "lead_time_days"), prices))
        return tuple(zones)

    def parcel(self, t: dict[str, Any], path: Path) -> ParcelService:
        keys = {
            "fuel_surcharge_pct",
            "weight_breaks_kg",
            "max_weight_kg",
            "max_length_cm",
            "max_girth_cm",
            "volumetric_kg_per_m3",
            "zone",
        }
        self.only(t, path, _COMMON | keys)
        sid, carrier, vehicle, handling = self.common(t, path)
        breaks = self.numbers(t, path, "weight_breaks_kg")
        if any(b <= a for a, b in itertools.pairwise(breaks)) or breaks[0] <= 0:
            raise self.fail((*path, "weight_breaks_kg"), "must be positive and increasing")
        max_weight = self.number(t, path, "max_weight_kg")
        if max_weight > breaks[-1]:
            raise self.fail(
                (*path, "max_weight_kg"),
                f"{max_weight:g} kg is above the last weight break ({breaks[-1]:g} kg): "
                "such parcels would have no price",
            )
        return ParcelService(
            id=sid,
            carrier=carrier,
            vehicle=vehicle,
            handling=handling,
            fuel_surcharge_pct=self.number(t, path, "fuel_surcharge_pct", positive=False),
            weight_breaks_kg=breaks,
            zones=self.zones(t, path, "prices", len(breaks)),
            max_weight_kg=max_weight,
            max_length_cm=self.number(t, path, "max_length_cm"),
            max_girth_cm=self.number(t, path, "max_girth_cm"),
            volumetric_kg_per_m3=self.number(t, path, "volumetric_kg_per_m3", positive=False),
        )

    def pallet(self, t: dict[str, Any], path: Path) -> PalletService:
        keys = {"fuel_surcharge_pct", "pallet_max_kg", "pallet_volume_m3", "max_pallets", "zone"}
        self.only(t, path, _COMMON | keys)
        sid, carrier, vehicle, handling = self.common(t, path)
        max_pallets = self.integer(t, path, "max_pallets")
        if max_pallets < 1:
            raise self.fail((*path, "max_pallets"), "must be at least 1")
        return PalletService(
            id=sid,
            carrier=carrier,
            vehicle=vehicle,
            handling=handling,
            fuel_surcharge_pct=self.number(t, path, "fuel_surcharge_pct", positive=False),
            zones=self.zones(t, path, "price_per_pallet", None),
            pallet_max_kg=self.number(t, path, "pallet_max_kg"),
            pallet_volume_m3=self.number(t, path, "pallet_volume_m3"),
            max_pallets=max_pallets,
        )

    def truck(self, t: dict[str, Any], path: Path) -> TruckService:
        keys = {
            "fuel_surcharge_pct",
            "countries",
            "fixed_eur",
            "per_km_eur",
            "capacity_kg",
            "capacity_m3",
            "booking_days",
            "km_per_day",
        }
        self.only(t, path, _COMMON | keys)
        sid, carrier, vehicle, handling = self.common(t, path)
        return TruckService(
            id=sid,
            carrier=carrier,
            vehicle=vehicle,
            handling=handling,
            fuel_surcharge_pct=self.number(t, path, "fuel_surcharge_pct", positive=False),
            countries=frozenset(self.strings(t, path, "countries", _COUNTRY)),
            fixed_eur=self.number(t, path, "fixed_eur", positive=False),
            per_km_eur=self.number(t, path, "per_km_eur", positive=False),
            capacity_kg=self.number(t, path, "capacity_kg"),
            capacity_m3=self.number(t, path, "capacity_m3"),
            booking_days=self.integer(t, path, "booking_days"),
            km_per_day=self.number(t, path, "km_per_day"),
        )

    def fleet(self, t: dict[str, Any], path: Path) -> FleetVehicle:
        keys = {
            "countries",
            "per_km_eur",
            "per_hour_eur",
            "fixed_per_day_eur",
            "capacity_kg",
            "capacity_m3",
            "speed_kmh",
            "handling_hours",
            "driving_hours_per_day",
        }
        self.only(t, path, _COMMON | keys)
        sid, carrier, vehicle, handling = self.common(t, path)
        hours_per_day = self.number(t, path, "driving_hours_per_day")
        if hours_per_day > 24:
            raise self.fail((*path, "driving_hours_per_day"), "cannot exceed 24")
        return FleetVehicle(
            id=sid,
            carrier=carrier,
            vehicle=vehicle,
            handling=handling,
            countries=frozenset(self.strings(t, path, "countries", _COUNTRY)),
            per_km_eur=self.number(t, path, "per_km_eur", positive=False),
            per_hour_eur=self.number(t, path, "per_hour_eur", positive=False),
            fixed_per_day_eur=self.number(t, path, "fixed_per_day_eur", positive=False),
            capacity_kg=self.number(t, path, "capacity_kg"),
            capacity_m3=self.number(t, path, "capacity_m3"),
            speed_kmh=self.number(t, path, "speed_kmh"),
            handling_hours=self.number(t, path, "handling_hours", positive=False),
            driving_hours_per_day=hours_per_day,
        )
