"""A place a shipment leaves from or goes to, reduced to what transport needs."""

from __future__ import annotations

from dataclasses import dataclass

from revalo.domain.catalog import Customer, Site, check_code, check_country
from revalo.domain.values import GeoPoint


@dataclass(frozen=True, slots=True)
class Place:
    """A site, a customer's address or a demo city: a code, a country and a point."""

    code: str
    country: str
    lat: float
    lon: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", check_code(self.code, "place code"))
        object.__setattr__(self, "country", check_country(self.country))
        GeoPoint(self.lat, self.lon)

    @property
    def point(self) -> GeoPoint:
        return GeoPoint(self.lat, self.lon)

    @classmethod
    def of(cls, where: Site | Customer) -> Place:
        return cls(where.code, where.country, where.lat, where.lon)
