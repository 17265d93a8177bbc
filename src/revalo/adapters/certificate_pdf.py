"""Certificates of sanitisation as PDF: one A4 page per medium, with the fields NIST SP
800-88 asks of a certificate (the device and its media, the method, the tool and its
version, who did it and when, how it was verified), each labelled in English and French.

The text uses the PDF's built-in Helvetica, as the return labels do (``labels._printable``
keeps it to the characters that font has).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from revalo.adapters.labels import _printable
from revalo.domain.certificates import STANDARD, SanitisationCertificate
from revalo.domain.errors import InvalidValue

_LEFT, _VALUES, _TOP, _LINE = 20 * mm, 85 * mm, 272 * mm, 8.5 * mm
NOT_RECORDED = "not recorded / non relevé"
METHODS = {
    "clear": "clear / effacement",
    "purge": "purge / purge",
    "destroy": "destroy / destruction",
}


def _fields(c: SanitisationCertificate) -> list[tuple[str, str]]:
    d = c.device
    return [
        ("Certificate / Certificat", c.number),
        ("Work order / Ordre de travail", c.work_order),
        ("Device / Appareil", " ".join(p for p in (d.manufacturer, d.model, d.name) if p) or "-"),
        ("Device serial / N° de série de l'appareil", d.serial or NOT_RECORDED),
        ("Unit (LPN) / Unité", d.lpn),
        ("Client", d.client_code or "-"),
        ("Media serial / N° de série du support", c.media_serial or NOT_RECORDED),
        ("Media type / Type de support", c.media_kind.value if c.media_kind else NOT_RECORDED),
        ("Method / Méthode", METHODS[c.method.value]),
        ("Tool / Outil", c.tool),
        ("Tool version / Version de l'outil", c.tool_version or NOT_RECORDED),
        ("Operator / Opérateur", c.operator),
        ("Site", c.site_code),
        ("Date (UTC)", c.sanitised_at.strftime("%Y-%m-%d %H:%M")),
        ("Verification / Vérification", c.verification or NOT_RECORDED),
        ("Verified / Vérifié", "yes / oui" if c.verified else "no / non"),
    ]


def render_certificates(certificates: Sequence[SanitisationCertificate]) -> bytes:
    """The certificates as one PDF, a page each; the same certificates give the same bytes."""
    if not certificates:
        raise InvalidValue("there is no certificate of sanitisation to print", field="number")
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    pdf.setTitle(f"Certificate of sanitisation {certificates[0].number}")
    pdf.setCreator("Revalo")
    for c in certificates:
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(_LEFT, _TOP, "Certificate of sanitisation")
        pdf.setFont("Helvetica", 12)
        pdf.drawString(_LEFT, _TOP - 7 * mm, _printable("Certificat d'effacement des données"))
        pdf.setFont("Helvetica", 9)
        pdf.drawString(_LEFT, _TOP - 13 * mm, STANDARD)
        y = _TOP - 28 * mm
        for label, value in _fields(c):
            pdf.setFont("Helvetica", 9)
            pdf.drawString(_LEFT, y, _printable(label))
            pdf.setFont("Helvetica-Bold", 10)
            pdf.drawString(_VALUES, y, _printable(value)[:80])
            y -= _LINE
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
