"""The retailer's catalogue: electronics, appliances, furniture and apparel.

Brands and models are fictional. GTINs use the GS1 prefix 952, which GS1 keeps for
demonstrations and examples, so they can never name a real product; their check digits are
real. Weights and volumes are as shipped (packed); prices are new prices in euros. WEEE
categories follow Directive 2012/19/EU Annex III (six categories since 15 August 2018):
screens, laptops and tablets 2, phones and small printers 6 (small IT), fridges 1
(temperature exchange), washing machines and copiers 4 (large), small appliances and power
tools 5.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from revalo.demo.clients import CLIENT_OF_BRAND
from revalo.domain.catalog import Product
from revalo.domain.values import gs1_check_digit

#: GS1 prefix for demonstrations and examples (GS1 General Specifications, prefix list).
GS1_DEMO_PREFIX = "952"

#: Product family of each category, as used by the return reasons and the rule table.
FAMILY = {
    "laptop": "electronics",
    "phone": "electronics",
    "tablet": "electronics",
    "tv": "electronics",
    "printer": "electronics",
    "copier": "electronics",
    "washing_machine": "large_appliance",
    "fridge": "large_appliance",
    "small_appliance": "small_appliance",
    "power_tool": "small_appliance",
    "sofa": "furniture",
    "mattress": "furniture",
    "chair": "furniture",
    "coat": "apparel",
    "shoes": "apparel",
    "t_shirt": "apparel",
}

#: Categories whose consumer orders record the serial number shipped (valuable,
#: data-bearing devices): their return lines name it.
SERIAL_ON_ORDER = frozenset({"laptop", "phone", "tablet", "tv"})


@dataclass(frozen=True, slots=True)
class Brand:
    name: str
    company: str  # 4 digits after the GS1 prefix
    serial_prefix: str | None  # None: items carry a batch (lot) number, not a serial
    #: The vendor's code in the network when the vendor takes returns back (RTV).
    vendor_site: str | None
    #: The vendor buys back every open-box return that is not as new, not only the faulty
    #: ones (a common clause of supplier agreements for phones and TVs).
    buys_back: bool = False


BRANDS = {
    "lumen": Brand("Lumen", "0101", "LU", "VEN-LUMEN"),
    "orbis": Brand("Orbis", "0102", "OR", "VEN-ORBIS", buys_back=True),
    "vista": Brand("Vista", "0103", "VI", "VEN-VISTA", buys_back=True),
    "scriba": Brand("Scriba", "0104", "SC", "VEN-SCRIBA"),
    "aqualis": Brand("Aqualis", "0201", "AQ", "VEN-AQUALIS"),
    "frigo": Brand("Frigo Nord", "0202", "FN", "VEN-AQUALIS"),
    "casa": Brand("Casa", "0203", "CA", "VEN-CASA"),
    "volt": Brand("Volt", "0204", "VO", "VEN-VOLT"),
    "nido": Brand("Nido", "0301", None, None),
    "somno": Brand("Somno", "0302", None, None),
    "sedia": Brand("Sedia", "0303", None, None),
    "borea": Brand("Borea", "0401", None, None),
    "passo": Brand("Passo", "0402", None, None),
    "fil": Brand("Fil", "0403", None, None),
}

_FLAGS = {
    # category: (WEEE category, data-bearing, lithium battery, apparel, furniture, bulky)
    "laptop": (2, True, True, False, False, False),
    "phone": (6, True, True, False, False, False),
    "tablet": (2, True, True, False, False, False),
    "tv": (2, True, False, False, False, False),
    "printer": (6, False, False, False, False, False),
    "copier": (4, True, False, False, False, True),
    "washing_machine": (4, False, False, False, False, True),
    "fridge": (1, False, False, False, False, True),
    "small_appliance": (5, False, False, False, False, False),
    "power_tool": (5, False, True, False, False, False),
    "sofa": (None, False, False, False, True, True),
    "mattress": (None, False, False, False, True, True),
    "chair": (None, False, False, False, True, False),
    "coat": (None, False, False, True, False, False),
    "shoes": (None, False, False, True, False, False),
    "t_shirt": (None, False, False, True, False, False),
}

_SIZES = {
    "coat": (("S", 0.2), ("M", 0.35), ("L", 0.3), ("XL", 0.15)),
    "t_shirt": (("S", 0.2), ("M", 0.35), ("L", 0.3), ("XL", 0.15)),
    "shoes": (("39", 0.2), ("41", 0.3), ("43", 0.3), ("45", 0.2)),
}


@dataclass(frozen=True, slots=True)
class _Model:
    category: str
    brand: str
    code: str
    model: str
    kg: float
    m3: float
    price: str
    popularity: float
    overrides: tuple[tuple[str, bool], ...] = ()


def _m(
    cat: str,
    brand: str,
    code: str,
    model: str,
    kg: float,
    m3: float,
    price: str,
    pop: float,
    **over: bool,
) -> _Model:
    return _Model(cat, brand, code, model, kg, m3, price, pop, tuple(sorted(over.items())))


# category, brand, SKU code, model (the name follows the brand), packed kg and m3, new price
# in EUR, popularity within the category, flags that differ from the category's
_MODELS = [
    _m("laptop", "lumen", "AIR13", "Air 13 laptop", 1.9, 0.009, "899", 3),
    _m("laptop", "lumen", "PRO14", "Pro 14 laptop", 2.3, 0.011, "1299", 2),
    _m("laptop", "lumen", "BOOK15", "Book 15 laptop", 2.6, 0.013, "649", 4),
    _m("laptop", "lumen", "WORK14", "Work 14 laptop", 2.2, 0.011, "1099", 2),
    _m("laptop", "lumen", "STU16", "Studio 16 laptop", 3.0, 0.015, "1899", 1),
    _m("phone", "orbis", "LITE", "Lite smartphone", 0.40, 0.0012, "199", 3),
    _m("phone", "orbis", "S", "S smartphone", 0.45, 0.0012, "399", 4),
    _m("phone", "orbis", "SMAX", "S Max smartphone", 0.50, 0.0014, "899", 2),
    _m("phone", "orbis", "PRO", "Pro smartphone", 0.50, 0.0014, "1199", 1),
    _m("tablet", "lumen", "TAB8", "Tab mini tablet", 0.6, 0.0025, "249", 2),
    _m("tablet", "lumen", "TAB10", "Tab 10 tablet", 0.8, 0.003, "349", 3),
    _m("tablet", "lumen", "TAB12", "Tab 12 Pro tablet", 1.0, 0.004, "899", 1),
    _m("tv", "vista", "43", "43in smart TV", 9.5, 0.085, "399", 3),
    _m("tv", "vista", "50", "50in smart TV", 13.0, 0.12, "499", 3),
    _m("tv", "vista", "55OLED", "55in OLED TV", 21.0, 0.17, "1299", 1, bulky=True),
    _m("tv", "vista", "65", "65in smart TV", 28.0, 0.25, "1499", 1, bulky=True),
    _m("printer", "scriba", "JET2", "Jet 2 inkjet printer", 6.5, 0.045, "89", 4),
    _m("printer", "scriba", "JETPH", "Jet Photo printer", 8.0, 0.06, "179", 2),
    _m("printer", "scriba", "L30", "Laser 30 printer", 13.0, 0.07, "349", 2),
    _m(
        "printer",
        "scriba",
        "MFP40",
        "Office MFP 40 printer",
        24.0,
        0.16,
        "799",
        1,
        data_bearing=True,
    ),
    _m("copier", "scriba", "C450", "Copy C450 office copier", 95.0, 0.75, "4900", 2),
    _m("copier", "scriba", "C650", "Copy C650 office copier", 120.0, 0.95, "7900", 1),
    _m("washing_machine", "aqualis", "W7", "W7 washing machine", 68.0, 0.38, "449", 3),
    _m("washing_machine", "aqualis", "W9S", "W9 Steam washing machine", 72.0, 0.40, "749", 2),
    _m("washing_machine", "aqualis", "WD8", "WD8 washer-dryer", 78.0, 0.42, "899", 1),
    _m("fridge", "frigo", "TT", "table-top fridge", 24.0, 0.20, "229", 2, bulky=False),
    _m("fridge", "frigo", "F250", "F250 fridge", 55.0, 0.55, "499", 3),
    _m("fridge", "frigo", "FF360", "FF360 fridge-freezer", 72.0, 0.80, "899", 2),
    _m("small_appliance", "casa", "KET17", "kettle 1.7 l", 1.3, 0.006, "39", 4),
    _m("small_appliance", "casa", "ESP15", "Espresso 15 coffee machine", 5.5, 0.03, "249", 2),
    _m("small_appliance", "casa", "BLEND", "blender", 3.2, 0.018, "79", 3),
    _m(
        "small_appliance",
        "casa",
        "VAC",
        "cordless vacuum cleaner",
        3.8,
        0.035,
        "299",
        2,
        lithium_battery=True,
    ),
    _m("small_appliance", "casa", "FRY", "air fryer", 5.2, 0.04, "129", 3),
    _m("power_tool", "volt", "D18", "D18 cordless drill", 2.4, 0.009, "129", 4),
    _m("power_tool", "volt", "IMP18", "Impact 18 driver", 2.6, 0.009, "169", 2),
    _m("power_tool", "volt", "SAW18", "Saw 18 circular saw", 4.8, 0.025, "199", 1),
    _m("power_tool", "volt", "JIG", "corded jigsaw", 2.9, 0.012, "89", 2, lithium_battery=False),
    _m("sofa", "nido", "DUO", "Duo 2-seat sofa", 45.0, 1.5, "599", 3),
    _m("sofa", "nido", "TRIO", "Trio 3-seat sofa", 58.0, 1.9, "749", 3),
    _m("sofa", "nido", "SLEEP", "Sleeper sofa bed", 70.0, 2.1, "999", 1),
    _m("sofa", "nido", "CORNER", "Corner sofa", 95.0, 2.8, "1499", 1),
    _m("mattress", "somno", "F90", "Foam mattress 90x200", 14.0, 0.08, "249", 2),
    _m("mattress", "somno", "F140", "Foam mattress 140x190", 22.0, 0.12, "399", 3),
    _m("mattress", "somno", "S160", "Spring mattress 160x200", 35.0, 0.55, "699", 1),
    _m("chair", "sedia", "DIN", "dining chair", 8.0, 0.12, "129", 3),
    _m("chair", "sedia", "TASK", "Task office chair", 14.0, 0.18, "199", 3),
    _m("chair", "sedia", "ERGO", "Ergo office chair", 19.0, 0.22, "399", 1),
    _m("coat", "borea", "PARKA", "parka", 1.6, 0.012, "229", 2),
    _m("coat", "borea", "WOOL", "wool coat", 1.4, 0.010, "189", 2),
    _m("coat", "borea", "RAIN", "rain jacket", 0.7, 0.006, "99", 3),
    _m("shoes", "passo", "RUN", "Runner shoes", 1.0, 0.009, "119", 3),
    _m("shoes", "passo", "CITY", "City shoes", 1.1, 0.009, "139", 2),
    _m("shoes", "passo", "TRAIL", "Trail boots", 1.5, 0.012, "169", 1),
    _m("t_shirt", "fil", "BASIC", "Basic t-shirt", 0.25, 0.0015, "14.99", 5),
    _m("t_shirt", "fil", "ORGA", "Organic t-shirt", 0.28, 0.0015, "24.99", 3),
    _m("t_shirt", "fil", "SPORT", "Sport t-shirt", 0.22, 0.0012, "29.99", 2),
]

_SKU_PREFIX = {
    "laptop": "LAP",
    "phone": "PHO",
    "tablet": "TAB",
    "tv": "TV",
    "printer": "PRT",
    "copier": "COP",
    "washing_machine": "WM",
    "fridge": "FRG",
    "small_appliance": "SMA",
    "power_tool": "PWT",
    "sofa": "SOF",
    "mattress": "MAT",
    "chair": "CHR",
    "coat": "COAT",
    "shoes": "SHO",
    "t_shirt": "TEE",
}


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    """A product of the demo catalogue, with what the scenario needs to know about it."""

    product: Product
    family: str
    brand: Brand
    #: Relative share of the category's sales that goes to this item.
    popularity: float

    @property
    def category(self) -> str:
        return self.product.category


def gtin13(company: str, item: int) -> str:
    data = f"{GS1_DEMO_PREFIX}{company}{item:05d}"
    return data + str(gs1_check_digit(data))


def build_catalogue() -> list[CatalogueItem]:
    """Every product of the catalogue; apparel comes in sizes, one GTIN per size."""
    items: list[CatalogueItem] = []
    next_item: dict[str, int] = {}
    for m in _MODELS:
        weee, data, lithium, apparel, furniture, bulky = _FLAGS[m.category]
        over = dict(m.overrides)
        brand = BRANDS[m.brand]
        for size, share in _SIZES.get(m.category, (("", 1.0),)):
            n = next_item.get(brand.company, 1)
            next_item[brand.company] = n + 1
            product = Product(
                sku=f"{_SKU_PREFIX[m.category]}-{m.code}" + (f"-{size}" if size else ""),
                gtin=gtin13(brand.company, n),
                name=f"{brand.name} {m.model}" + (f", size {size}" if size else ""),
                category=m.category,
                brand=brand.name,
                model=m.model + (f" {size}" if size else ""),
                weight_kg=m.kg,
                volume_m3=m.m3,
                new_price=Decimal(m.price),
                weee_category=weee,
                data_bearing=over.get("data_bearing", data),
                lithium_battery=over.get("lithium_battery", lithium),
                apparel=apparel,
                furniture=furniture,
                bulky=over.get("bulky", bulky),
                client_code=CLIENT_OF_BRAND.get(m.brand),
            )
            items.append(CatalogueItem(product, FAMILY[m.category], brand, m.popularity * share))
    return items
