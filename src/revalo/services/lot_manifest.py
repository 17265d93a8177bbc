"""A lot's manifest: one line per unit of the lot (LPN, serial, product, grades, faults),
as the buyer checks the goods against it. As CSV here; the PDF is set from the same rows
(entrypoints/lot_documents.py)."""

from __future__ import annotations

from revalo.domain.lots import Lot
from revalo.services.exports_csv import rows_csv

MANIFEST_COLUMNS = ("lpn", "serial", "sku", "functional_grade", "cosmetic_grade", "faults")


def _cell(text: str) -> str:
    """A serial read from a label as a spreadsheet shows it, never as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def manifest_rows(lot: Lot) -> list[dict[str, str]]:
    return [
        {
            "lpn": u.lpn,
            "serial": _cell(u.serial or ""),
            "sku": u.sku,
            "functional_grade": u.functional_grade,
            "cosmetic_grade": u.cosmetic_grade,
            "faults": " ".join(u.faults),
        }
        for u in lot.units
    ]


def manifest_csv(lot: Lot) -> str:
    """The manifest as CSV, a header then a line per unit, in the lot's order."""
    return rows_csv(MANIFEST_COLUMNS, manifest_rows(lot))
