"""A lot's manifest as a PDF (the report's A4 layout): the lot, its price and buyer when
sold, then a line per unit as the CSV has it."""

from __future__ import annotations

from revalo.adapters.report_pdf import PdfSection, render_report_pdf
from revalo.services.lot_manifest import MANIFEST_COLUMNS, manifest_rows
from revalo.services.lots import LotView


def manifest_pdf(view: LotView) -> bytes:
    lot = view.lot
    lead = [
        f"{lot.site_code} · {lot.category} · grade {lot.grade} · {len(lot.units)} units",
        f"reserve {lot.reserve_price} EUR · {lot.state.value}",
    ]
    if view.invoice is not None:
        i = view.invoice
        lead.append(
            f"sold to {i.buyer_site} for {i.net} EUR net, VAT {i.vat_rate} % {i.vat} EUR, "
            f"{i.gross} EUR in all ({i.vat_note})"
        )
    if lot.consignment_ref:
        lead.append(f"shipped in {lot.consignment_ref}")
    rows = [[r[c] for c in MANIFEST_COLUMNS] for r in manifest_rows(lot)]
    section = PdfSection(
        heading="Units", header=MANIFEST_COLUMNS, rows=rows, text_columns=len(MANIFEST_COLUMNS)
    )
    title = f"Manifest of lot {lot.number}" + (f": {lot.title}" if lot.title else "")
    return render_report_pdf(title, lead, [section])
