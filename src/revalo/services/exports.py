"""Export returned units to CSV, page by page, so that no export holds every unit in memory."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.services.clients import client_named
from revalo.services.common import get_site
from revalo.services.guard import reads
from revalo.services.ports import UnitFilter, UnitOfWork
from revalo.services.scoping import units_for

UNIT_COLUMNS = (
    "lpn",
    "sku",
    "category",
    "gtin",
    "serial",
    "batch",
    "sscc",
    "state",
    "site",
    "location",
    "rma_number",
    "rma_line_no",
    "client",
    "functional_grade",
    "cosmetic_grade",
    "route",
    "destination_site",
    "quarantine_reason",
    "received_at",
    "tested_at",
    "data_wiped_at",
    "updated_at",
)
PAGE_SIZE = 1_000


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def unit_row(unit: ReturnedUnit, categories: dict[str, str]) -> list[str]:
    values: list[object] = [
        unit.lpn,
        unit.sku,
        categories.get(unit.sku or ""),
        unit.gtin,
        unit.serial,
        unit.batch,
        unit.sscc,
        unit.state.value,
        unit.site_code,
        unit.location_code,
        unit.rma_number,
        unit.rma_line_no,
        unit.client_code,
        unit.functional_grade,
        unit.cosmetic_grade,
        unit.route.value if unit.route else None,
        unit.destination_site,
        unit.quarantine_reason,
        unit.received_at,
        unit.tested_at,
        unit.data_wiped_at,
        unit.updated_at,
    ]
    return [_text(v) for v in values]


@reads(Permission.EXPORT_UNITS)
def export_units(
    uow: UnitOfWork,
    out: TextIO,
    flt: UnitFilter,
    *,
    by: User,
    page_size: int = PAGE_SIZE,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the units matching ``flt`` to ``out`` as CSV, oldest first; return how many.

    Pages are read in one unit of work, ordered by unit id so that units received meanwhile
    come last instead of shifting the pages. ``on_progress(done, total)`` follows each page.
    """
    flt = units_for(by, flt, Permission.EXPORT_UNITS)
    writer = csv.writer(out)
    writer.writerow(UNIT_COLUMNS)
    written = 0
    with uow:
        if flt.site_code:
            get_site(uow, flt.site_code, "site")
        if flt.client_code:
            client_named(uow, flt.client_code, "client")
        categories = {p.sku: p.category for p in uow.products.all()}
        while True:
            page = uow.units.list(flt, limit=page_size, offset=written)
            writer.writerows(unit_row(u, categories) for u in page.items)
            written += len(page.items)
            if on_progress:
                on_progress(written, page.total)
            if len(page.items) < page_size:
                return written
