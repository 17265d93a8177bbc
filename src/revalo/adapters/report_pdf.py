"""A report as a PDF (A4, with ReportLab, the library of the return labels): a title, then
sections of a heading, a table and notes, the tables broken across pages as needed.

The text comes written in the reader's language; it is set in the PDF standard fonts
(what they cannot show is written as near as they can, as on the labels).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import getSampleStyleSheet  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from revalo.adapters.labels import _printable


@dataclass(frozen=True, slots=True)
class PdfSection:
    heading: str
    header: Sequence[str] = ()
    rows: Sequence[Sequence[str]] = ()
    notes: Sequence[str] = field(default_factory=tuple)
    #: The columns (from the left, by index) that hold text; the others are figures.
    text_columns: int = 1
    #: Each column's share of the page's width (in any unit); equal shares when empty.
    widths: Sequence[float] = ()


def _p(text: str, style: object) -> Paragraph:
    return Paragraph(escape(_printable(text)), style)


def render_report_pdf(title: str, lead: Sequence[str], sections: Sequence[PdfSection]) -> bytes:
    """The report as PDF bytes; the same content gives the same bytes."""
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    cell = styles["BodyText"].clone("cell", fontSize=7.5, leading=9)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=_printable(title),
        creator="Revalo",
        invariant=1,
    )
    story: list[object] = [_p(title, styles["Title"])]
    story += [_p(line, small) for line in lead]
    for section in sections:
        story += [Spacer(1, 4 * mm), _p(section.heading, styles["Heading2"])]
        if section.header:
            data = [[_p(h, cell) for h in section.header]]
            data += [[_p(v, cell) for v in row] for row in section.rows]
            shares = section.widths or [1.0] * len(section.header)
            col_widths = [doc.width * w / sum(shares) for w in shares]
            table = Table(data, repeatRows=1, colWidths=col_widths)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ALIGN", (section.text_columns, 1), (-1, -1), "RIGHT"),
                    ]
                )
            )
            story.append(table)
        story += [_p(note, small) for note in section.notes]
    doc.build(story)
    return buffer.getvalue()
