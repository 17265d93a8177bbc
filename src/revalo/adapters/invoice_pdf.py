"""An invoice or a credit note as PDF (A4), with the mentions French and EU law ask of an
invoice as far as Revalo records them (CGI art. 242 nonies A, code de commerce art.
L441-9): both parties with their VAT numbers and registration, the number and the date,
the period of the services, each line's quantity, unit price and amount without VAT, the
VAT rate and amount, the totals, the due date, the penalties for late payment, and for a
credit note the invoice it corrects. Built-in Helvetica, as the certificates are.
"""

from __future__ import annotations

import io
import textwrap

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from revalo.adapters.labels import _printable
from revalo.domain.billing import Party
from revalo.domain.invoices import DocumentKind, Invoice

_LEFT, _RIGHT, _TOP, _BOTTOM = 18 * mm, 192 * mm, 278 * mm, 25 * mm
#: Code de commerce art. L441-10 and D441-5 (the legal defaults, no rate card sets others).
LATE_PAYMENT = (
    "Pénalités de retard : trois fois le taux d'intérêt légal ; indemnité forfaitaire pour "
    "frais de recouvrement : 40 EUR (art. L441-10 et D441-5 du code de commerce). Pas "
    "d'escompte pour paiement anticipé."
)


def _party(pdf: Canvas, x: float, y: float, title: str, p: Party) -> None:
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(x, y, title)
    pdf.setFont("Helvetica", 9)
    rows = [p.name, p.address, p.country]
    if p.vat_number:
        rows.append(f"TVA / VAT: {p.vat_number}")
    if p.company_id:
        rows.append(p.company_id)
    for i, row in enumerate(rows, start=1):
        pdf.drawString(x, y - i * 4.5 * mm, _printable(row)[:60])


def render_invoice(invoice: Invoice) -> bytes:
    """One document as PDF; the same document gives the same bytes."""
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    credit = invoice.kind is DocumentKind.CREDIT_NOTE
    title = "Avoir / Credit note" if credit else "Facture / Invoice"
    pdf.setTitle(f"{title} {invoice.number}")
    pdf.setCreator("Revalo")
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(_LEFT, _TOP, f"{title} {invoice.number}")
    pdf.setFont("Helvetica", 9)
    head = [
        f"Date: {invoice.issued_on.isoformat()}",
        f"Période / Period: {invoice.period}",
        f"Échéance / Due: {invoice.due_on.isoformat()}",
    ]
    if invoice.corrects:
        head.append(f"Corrige la facture / Corrects invoice {invoice.corrects}")
    for i, row in enumerate(head, start=1):
        pdf.drawString(_LEFT, _TOP - (4 + 4.5 * i) * mm, _printable(row))
    y = _TOP - 36 * mm
    _party(pdf, _LEFT, y, "Vendeur / Seller", invoice.seller)
    _party(pdf, 110 * mm, y, "Acheteur / Buyer", invoice.buyer)
    y -= 36 * mm
    pdf.setFont("Helvetica-Bold", 8)
    for x, label in ((_LEFT, "Désignation / Description"), (125 * mm, "Qté / Qty")):
        pdf.drawString(x, y, label)
    pdf.drawRightString(160 * mm, y, "PU HT / Unit EUR")
    pdf.drawRightString(_RIGHT, y, "Montant HT / EUR")
    pdf.setFont("Helvetica", 8)
    for line in invoice.lines:
        y -= 5 * mm
        if y < _BOTTOM + 40 * mm:
            pdf.showPage()
            pdf.setFont("Helvetica", 8)
            y = _TOP
        pdf.drawString(_LEFT, y, _printable(line.description)[:70])
        pdf.drawString(125 * mm, y, str(line.quantity))
        pdf.drawRightString(160 * mm, y, str(line.unit_price))
        pdf.drawRightString(_RIGHT, y, str(line.amount))
    y -= 10 * mm
    totals = [
        ("Total HT / Net", f"{invoice.net} EUR"),
        (f"TVA / VAT {invoice.vat_rate} %", f"{invoice.vat} EUR"),
        ("Total TTC / Total", f"{invoice.gross} EUR"),
    ]
    for label, value in totals:
        pdf.setFont("Helvetica-Bold" if label.startswith("Total TTC") else "Helvetica", 9)
        pdf.drawString(125 * mm, y, label)
        pdf.drawRightString(_RIGHT, y, value)
        y -= 5 * mm
    pdf.setFont("Helvetica", 7.5)
    notes = [invoice.vat_mention] if invoice.vat_mention else []
    if invoice.reason:
        notes.append(f"Motif / Reason: {invoice.reason}")
    if not credit:
        notes.extend(textwrap.wrap(LATE_PAYMENT, 125))
    for i, note in enumerate(notes):
        pdf.drawString(_LEFT, _BOTTOM + (len(notes) - i) * 4 * mm, _printable(note)[:130])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
