"""Products, sites with their locations, customers."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field

from revalo.domain.catalog import CustomerKind, LocationKind, SiteKind
from revalo.domain.values import normalise_gtin
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import (
    Category,
    Code,
    Country,
    Email,
    Label,
    Latitude,
    Longitude,
    Money,
    Name,
    Storable,
    domain_check,
    new_code,
    text,
)

Gtin = Annotated[
    str,
    text(14, min_length=1),
    Storable,
    domain_check(normalise_gtin),
    Field(examples=["3700000000014"], description="8, 12, 13 or 14 digits, check digit included"),
]
City = Annotated[str, text(100, min_length=1), Storable]
#: Skills name product categories, which are kept in lower case.
Skill = Annotated[Category, AfterValidator(str.lower)]


class ProductCreate(Input):
    sku: Annotated[str, text(40, min_length=1), Storable, new_code("sku")]
    gtin: Gtin
    name: Name
    category: Category
    brand: Label = ""
    model: Label = ""
    weight_kg: Annotated[float, Field(gt=0, le=100_000)]
    volume_m3: Annotated[float, Field(gt=0, le=1_000)]
    new_price: Money
    weee_category: Annotated[int | None, Field(ge=1, le=6)] = None
    data_bearing: bool = False
    lithium_battery: bool = False
    apparel: bool = False
    furniture: bool = False
    bulky: bool = False
    client_code: Code | None = Field(
        None, description="the client whose product it is; none: the provider's catalogue"
    )


class ProductPublic(Public):
    sku: str
    gtin: str
    name: str
    category: str
    brand: str
    model: str
    weight_kg: float
    volume_m3: float
    new_price: Decimal
    weee_category: int | None
    data_bearing: bool
    lithium_battery: bool
    apparel: bool
    furniture: bool
    bulky: bool
    client_code: str | None


class ProductsPublic(Public):
    data: list[ProductPublic]
    count: int


class SiteCreate(Input):
    code: Annotated[str, text(40, min_length=1), Storable, new_code("code")]
    name: Name
    kind: SiteKind
    country: Country
    city: City
    lat: Latitude
    lon: Longitude
    weee_certified: bool = False
    skills: Annotated[list[Skill], Field(default_factory=list, max_length=50)]
    #: Its GS1 Global Location Number (13 digits), which names it in EPCIS events.
    gln: Annotated[str | None, Field(default=None, max_length=13)] = None
    #: A French establishment's SIRET (14 digits), which names it on waste papers.
    siret: Annotated[str | None, Field(default=None, max_length=20)] = None


class LocationPublic(Public):
    code: str
    kind: LocationKind


class SitePublic(Public):
    code: str
    name: str
    kind: SiteKind
    country: str
    city: str
    lat: float
    lon: float
    weee_certified: bool
    skills: list[str]
    gln: str | None
    siret: str | None
    holds_stock: bool


class SiteDetailPublic(SitePublic):
    locations: list[LocationPublic]


class SitesPublic(Public):
    data: list[SitePublic]
    count: int


class CustomerCreate(Input):
    code: Annotated[str, text(40, min_length=1), Storable, new_code("code")]
    name: Name
    kind: CustomerKind = CustomerKind.CONSUMER
    country: Country
    city: City
    lat: Latitude
    lon: Longitude
    email: Email = ""


class CustomerPublic(Public):
    code: str
    name: str
    kind: CustomerKind
    country: str
    city: str
    lat: float
    lon: float
    email: str
