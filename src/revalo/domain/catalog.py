"""Products, sites with their locations, and customers."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from decimal import Decimal

from revalo.domain.errors import InvalidValue
from revalo.domain.values import GeoPoint, normalise_gln, normalise_gtin
from revalo.domain.waste_operations import check_siret

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_.-]{1,39}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def check_code(value: str, what: str) -> str:
    """Business codes (SKU, site, customer) are 2-40 characters: A-Z, 0-9, '-', '_', '.'."""
    v = value.strip().upper()
    if not _CODE.match(v):
        raise InvalidValue(
            f"{what} {value!r} must be 2 to 40 characters of A-Z, 0-9, '-', '_' or '.'",
            field=what.replace(" ", "_"),
        )
    return v


def check_country(value: str) -> str:
    v = value.strip().upper()
    if not _COUNTRY.match(v):
        raise InvalidValue(f"country {value!r} must be an ISO 3166 alpha-2 code", field="country")
    return v


@dataclass(eq=False)
class Product:
    """A product that customers may send back. One row per SKU."""

    sku: str
    gtin: str
    name: str
    category: str
    brand: str
    model: str
    weight_kg: float
    volume_m3: float
    new_price: Decimal
    weee_category: int | None = None
    data_bearing: bool = False
    lithium_battery: bool = False
    apparel: bool = False
    furniture: bool = False
    bulky: bool = False
    #: The client whose product it is (None: the provider's catalogue, anyone's returns).
    client_code: str | None = None

    def __post_init__(self) -> None:
        self.sku = check_code(self.sku, "sku")
        if self.client_code is not None:
            self.client_code = check_code(self.client_code, "client code")
        self.gtin = normalise_gtin(self.gtin)
        self.category = self.category.strip().lower()
        if not self.category:
            raise InvalidValue("category must not be empty", field="category")
        if not self.name.strip():
            raise InvalidValue("name must not be empty", field="name")
        if self.weight_kg <= 0:
            raise InvalidValue(f"weight {self.weight_kg} kg must be positive", field="weight_kg")
        if self.volume_m3 <= 0:
            raise InvalidValue(f"volume {self.volume_m3} m3 must be positive", field="volume_m3")
        if self.new_price < 0:
            raise InvalidValue(
                f"new price {self.new_price} must not be negative", field="new_price"
            )
        if self.weee_category is not None and not 1 <= self.weee_category <= 6:
            raise InvalidValue(
                f"WEEE category {self.weee_category} must be 1 to 6 (Directive 2012/19/EU "
                "Annex III) or none",
                field="weee_category",
            )

    @property
    def is_weee(self) -> bool:
        return self.weee_category is not None


class SiteKind(enum.StrEnum):
    RETURNS_HUB = "returns_hub"
    STORE = "store"
    REPAIR_CENTRE = "repair_centre"
    REFURBISHER = "refurbisher"
    RECYCLER = "recycler"
    OUTLET = "outlet"
    RESALE_PARTNER = "resale_partner"
    CHARITY = "charity"
    VENDOR = "vendor"


#: Kinds of site that hold Revalo's parallel stock (units are received and processed there).
STOCK_HOLDING_KINDS = frozenset(
    {SiteKind.RETURNS_HUB, SiteKind.STORE, SiteKind.REPAIR_CENTRE, SiteKind.REFURBISHER}
)


class LocationKind(enum.StrEnum):
    RECEIVING = "receiving"
    QUARANTINE = "quarantine"
    INSPECTION = "inspection"
    WORK_IN_PROGRESS = "work_in_progress"
    GRADED_STOCK = "graded_stock"
    OUTBOUND = "outbound"
    RECYCLING_CAGE = "recycling_cage"
    IN_TRANSIT = "in_transit"
    #: Where a cycle count's approved "missing" unit is: not found where the ledger had it.
    MISSING = "missing"


def location_code(site_code: str, kind: LocationKind) -> str:
    return f"{site_code}:{kind.value}"


@dataclass(eq=False)
class Location:
    """A place inside a site. Its code is ``SITE:kind``; units in transit to a site sit in
    that site's ``in_transit`` location, so a unit is always somewhere."""

    code: str
    site_code: str
    kind: LocationKind


@dataclass(eq=False)
class Site:
    code: str
    name: str
    kind: SiteKind
    country: str
    city: str
    lat: float
    lon: float
    weee_certified: bool = False
    #: Product categories this site can repair or refurbish (empty: none declared).
    skills: list[str] = field(default_factory=list)
    #: Its GS1 Global Location Number, which names it in EPCIS events (None: none known).
    gln: str | None = None
    #: A French establishment's SIRET, which names it on waste papers (None: none known).
    siret: str | None = None

    def __post_init__(self) -> None:
        self.code = check_code(self.code, "site code")
        self.gln = normalise_gln(self.gln) if self.gln else None
        self.country = check_country(self.country)
        self.siret = check_siret(self.siret, self.country) if self.siret else None
        GeoPoint(self.lat, self.lon)
        if self.weee_certified and self.kind is not SiteKind.RECYCLER:
            raise InvalidValue(
                "only a recycler can be a certified WEEE treatment facility", field="weee_certified"
            )

    @property
    def point(self) -> GeoPoint:
        return GeoPoint(self.lat, self.lon)

    @property
    def holds_stock(self) -> bool:
        return self.kind in STOCK_HOLDING_KINDS

    def standard_locations(self) -> list[Location]:
        """The locations every stock-holding site has; other sites have none."""
        if not self.holds_stock:
            return []
        return [Location(location_code(self.code, k), self.code, k) for k in LocationKind]

    def location(self, kind: LocationKind) -> str:
        return location_code(self.code, kind)


class CustomerKind(enum.StrEnum):
    CONSUMER = "consumer"
    BUSINESS = "business"


@dataclass(eq=False)
class Customer:
    """A consumer, or a B2B account (a company returning off-lease equipment)."""

    code: str
    name: str
    kind: CustomerKind
    country: str
    city: str
    lat: float
    lon: float
    email: str = ""

    def __post_init__(self) -> None:
        self.code = check_code(self.code, "customer code")
        self.country = check_country(self.country)
        GeoPoint(self.lat, self.lon)
