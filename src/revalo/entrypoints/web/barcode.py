"""The LPN label's barcode: Code 128 drawn by reportlab, inlined as SVG."""

from __future__ import annotations

import re

from markupsafe import Markup, escape
from reportlab.graphics import renderSVG  # type: ignore[import-untyped]
from reportlab.graphics.barcode import createBarcodeDrawing  # type: ignore[import-untyped]

_SVG = re.compile(r"<svg\b.*</svg>", re.S)
_SIZE = re.compile(r'\s(width|height)="[^"]*"')
_STYLE = re.compile(r'\sstyle="([^"]*)"')


def _as_attributes(style: re.Match[str]) -> str:
    """``style="fill: none; stroke: none"`` as ``fill="none" stroke="none"``."""
    pairs = [d.split(":", 1) for d in style.group(1).split(";") if ":" in d]
    return "".join(f' {k.strip()}="{v.strip()}"' for k, v in pairs)


def code128_svg(value: str, *, bar_height: float = 48.0) -> Markup:
    """A Code 128 barcode of ``value`` as an inline ``<svg>`` that scales to its box."""
    drawing = createBarcodeDrawing(
        "Code128", value=value, barHeight=bar_height, barWidth=1.2, humanReadable=False
    )
    found = _SVG.search(renderSVG.drawToString(drawing))
    if found is None:  # pragma: no cover - reportlab always writes one
        raise RuntimeError("reportlab wrote no SVG for the barcode")
    svg = _SIZE.sub("", found.group(0), count=2)
    label = str(escape(value))
    svg = svg.replace("<svg ", f'<svg class="barcode" role="img" aria-label="{label}" ', 1)
    svg = svg.replace("<title>...</title>", f"<title>{label}</title>").replace(
        "<desc>...</desc>", ""
    )
    return Markup(svg)


def qr_svg(value: str, *, size: float = 220.0) -> Markup:
    """A QR code of ``value`` (error correction M) as an inline ``<svg>`` that scales to its
    box, for a counter's scanner to read off a phone's screen."""
    from reportlab.graphics.barcode.qr import QrCodeWidget  # type: ignore[import-untyped]
    from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]

    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    found = _SVG.search(renderSVG.drawToString(drawing))
    if found is None:  # pragma: no cover - reportlab always writes one
        raise RuntimeError("reportlab wrote no SVG for the QR code")
    label = str(escape(value))
    # The pages' Content-Security-Policy refuses inline styles: the same as attributes.
    svg = _STYLE.sub(_as_attributes, _SIZE.sub("", found.group(0), count=2))
    svg = svg.replace("<svg ", f'<svg class="qr" role="img" aria-label="{label}" ', 1)
    return Markup(svg.replace("<title>...</title>", "").replace("<desc>...</desc>", ""))
