"""What a barcode scan identifies: a product item (GTIN, serial...), a parcel (SSCC) or one of
our own licence plates (LPN)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class ScanKind(enum.StrEnum):
    ITEM = "item"  # GS1 element string or Digital Link with a GTIN
    PARCEL = "parcel"  # SSCC (AI 00)
    LPN = "lpn"  # a Revalo licence plate number


@dataclass(frozen=True, slots=True)
class ScannedCode:
    raw: str
    kind: ScanKind
    gtin: str | None = None
    serial: str | None = None
    batch: str | None = None
    expiry: date | None = None
    sscc: str | None = None
    lpn: str | None = None
