"""The retailer's customers: consumers in real cities, in proportion to their population, and
business accounts (companies leasing office equipment). Names are made up from common first
and family names of each country; e-mail addresses use the reserved example.org domain."""

from __future__ import annotations

import bisect
import itertools
import random
import unicodedata
from collections.abc import Sequence

from revalo.demo.network import City, cities
from revalo.domain.catalog import Customer, CustomerKind

_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "FR": (
        ("Camille", "Léa", "Manon", "Chloé", "Hugo", "Lucas", "Louis", "Nathan", "Inès", "Jules"),
        ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy"),
    ),
    "BE": (
        ("Emma", "Louise", "Olivia", "Noah", "Arthur", "Liam", "Lucas", "Marie", "Elise", "Jules"),
        (
            "Peeters",
            "Janssens",
            "Maes",
            "Jacobs",
            "Mertens",
            "Willems",
            "Claes",
            "Dubois",
            "Lambert",
        ),
    ),
    "DE": (
        ("Mia", "Emma", "Hannah", "Sofia", "Ben", "Paul", "Leon", "Finn", "Lukas", "Anna"),
        (
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Hoffmann",
        ),
    ),
    "ES": (
        (
            "Lucía",
            "Sofía",
            "Martina",
            "María",
            "Hugo",
            "Mateo",
            "Martín",
            "Lucas",
            "Pablo",
            "Elena",
        ),
        ("García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez"),
    ),
    "IT": (
        ("Sofia", "Giulia", "Aurora", "Alice", "Leonardo", "Francesco", "Alessandro", "Lorenzo"),
        ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Greco"),
    ),
    "NL": (
        ("Emma", "Julia", "Mila", "Tess", "Noah", "Sem", "Lucas", "Daan", "Finn", "Sophie"),
        ("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit"),
    ),
}

_COMPANY_WORDS = (
    "Atlas",
    "Boréal",
    "Cobalt",
    "Delta",
    "Equinox",
    "Fjord",
    "Granit",
    "Helix",
    "Iris",
    "Jade",
    "Kairos",
    "Lumière",
    "Meridian",
    "Nimbus",
    "Orion",
    "Prisma",
    "Quartz",
    "Rivus",
    "Sirius",
    "Tessera",
)
_COMPANY_TRADES = ("Consulting", "Logistics", "Legal", "Engineering", "Media", "Health", "Finance")
_LEGAL_FORM = {"FR": "SAS", "BE": "SRL", "DE": "GmbH", "ES": "SL", "IT": "Srl", "NL": "BV"}


class CityPicker:
    """Draws cities in proportion to their population."""

    def __init__(self, pool: Sequence[City] | None = None) -> None:
        self.pool = list(pool if pool is not None else cities())
        self.cumulative = list(itertools.accumulate(c.population for c in self.pool))

    def pick(self, rng: random.Random) -> City:
        x = rng.random() * self.cumulative[-1]
        return self.pool[bisect.bisect_right(self.cumulative, x)]


def _ascii(text: str) -> str:
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in flat.lower() if ch.isalnum())


def consumers(rng: random.Random, n: int, picker: CityPicker) -> list[Customer]:
    out = []
    for i in range(1, n + 1):
        place = picker.pick(rng)
        first_names, last_names = _NAMES[place.country]
        first, last = rng.choice(first_names), rng.choice(last_names)
        out.append(
            Customer(
                code=f"C{i:07d}",
                name=f"{first} {last}",
                kind=CustomerKind.CONSUMER,
                country=place.country,
                city=place.name,
                lat=place.lat,
                lon=place.lon,
                email=f"{_ascii(first)}.{_ascii(last)}.{i}@example.org",
            )
        )
    return out


def businesses(rng: random.Random, n: int) -> list[Customer]:
    """Companies in the larger cities (100,000 people or more), which lease office gear."""
    big = CityPicker([c for c in cities() if c.population >= 100_000])
    names = [f"{w} {t}" for w in _COMPANY_WORDS for t in _COMPANY_TRADES]
    rng.shuffle(names)
    out = []
    for i in range(1, n + 1):
        place = big.pick(rng)
        base = names[(i - 1) % len(names)]
        name = f"{base} {_LEGAL_FORM[place.country]}"
        out.append(
            Customer(
                code=f"B{i:05d}",
                name=name,
                kind=CustomerKind.BUSINESS,
                country=place.country,
                city=place.name,
                lat=place.lat,
                lon=place.lon,
                email=f"it-assets.{i}@example.org",
            )
        )
    return out


def staff_handles(rng: random.Random, country: str, n: int) -> list[str]:
    """Log-in handles of a site's staff (initial and family name: "l.martin")."""
    first_names, last_names = _NAMES[country]
    return [
        f"{_ascii(rng.choice(first_names))[0]}.{_ascii(rng.choice(last_names))}" for _ in range(n)
    ]
