"""What the handlers' scanners read on returned items: GS1 barcodes in the forms met on the
floor, and labels too damaged to read.

Forms (GS1 General Specifications: Application Identifiers, human readable interpretation):
the human-readable element string ``(01)...(21)...``; the raw element string of a GS1-128 or
GS1 DataMatrix with its symbology identifier (``]C1``, ``]d2``) and a group separator after
a variable-length field; the same without the identifier; a GS1 Digital Link URI; a bare
EAN-13.
"""

from __future__ import annotations

import random

GS = "\x1d"
_DIGITAL_LINK_HOSTS = ("https://id.gs1.org", "https://shop.example.com")


def item_code(rng: random.Random, gtin: str, serial: str | None, batch: str | None) -> str:
    """A barcode for an item: its GTIN with its batch (AI 10) and serial (AI 21) if any."""
    fields = [(ai, v) for ai, v in (("10", batch), ("21", serial)) if v]
    x = rng.random()
    if not fields or (x < 0.05 and serial is None):
        return gtin.lstrip("0").zfill(13)  # the EAN-13 printed on the item's own packaging
    if x < 0.40:
        return f"(01){gtin}" + "".join(f"({ai}){v}" for ai, v in fields)
    # Raw element strings: a variable-length field is closed by a group separator unless it
    # is the last one.
    raw = f"01{gtin}" + GS.join(f"{ai}{v}" for ai, v in fields)
    if x < 0.60:
        return "]C1" + raw
    if x < 0.75:
        return "]d2" + raw
    if x < 0.85:
        return raw
    host = rng.choice(_DIGITAL_LINK_HOSTS)
    return f"{host}/01/{gtin}" + "".join(f"/{ai}/{v}" for ai, v in fields)


def damaged_code(rng: random.Random, gtin: str, serial: str | None) -> str:
    """What a scanner makes of a torn or smudged label: a cut-off string or a wrong digit."""
    x = rng.random()
    if x < 0.5:
        cut = rng.randint(4, 12)
        return f"(01){gtin[:cut]}"
    wrong = (int(gtin[-1]) + rng.randint(1, 9)) % 10
    return f"01{gtin[:-1]}{wrong}" + (f"21{serial}" if serial else "")
