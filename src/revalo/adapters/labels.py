"""Return labels as PDF: one 4 x 6 inch thermal label per parcel.

The hub scans the GS1-128 barcode of the parcel's SSCC at receiving; the customer's phone
can open the GS1 Digital Link URI of the QR code. The layout follows carrier labels:
carrier and service at the top, sender, recipient in large type, the return's facts,
its contents, and the SSCC barcode in the lowest part of the label.

Figures from the GS1 General Specifications (GS1-128 and the GS1 logistic label):

- the SSCC barcode sits in the lowest portion of the label (section 6.6.4.1.1), with its
  human-readable interpretation under it (section 4.15);
- quiet zones of at least 10 X-dimensions on both sides (section 5.4.4.2);
- for logistic units, an X-dimension of at least 0.495 mm and bars at least 31.75 mm high
  (symbol specification table 4). 0.5 mm is used: exactly 4 dots of a 203 dpi (8 dots/mm)
  thermal printer, the usual resolution for 4 x 6 labels, so every bar keeps its width.
  The symbol stays far below the 165.10 mm limit (section 5.4.4.3): 156 modules of 0.5 mm
  plus the quiet zones make 88 mm;
- GS1-128 is Code 128 with FNC1 right after the start character (section 5.4.3).

The text uses the PDF's built-in Helvetica (no font file): it covers the Windows-1252
characters (é, ü, ñ, ß, ø, €...). Other letters are written without their accent (ł, ő, č
become l, o, c) rather than printed as empty boxes.

This is the only module that imports reportlab.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import biip
import pycountry
from babel import Locale
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.sscc import Sscc
from reportlab.graphics import renderPDF  # type: ignore[import-untyped]
from reportlab.graphics.barcode.code128 import Code128  # type: ignore[import-untyped]
from reportlab.graphics.barcode.qr import QrCodeWidget  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.units import inch, mm  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from revalo.domain.catalog import check_country
from revalo.domain.errors import InvalidValue
from revalo.domain.values import normalise_sscc

PAGE_WIDTH = 4 * inch  # 101.6 mm: the common 4 x 6 inch thermal label
PAGE_HEIGHT = 6 * inch  # 152.4 mm
MARGIN = 3 * mm

# GS1-128 of the SSCC (GS1 General Specifications, see the module docstring).
SSCC_X_DIMENSION = 0.5 * mm
SSCC_BAR_HEIGHT = 32 * mm
SSCC_QUIET_ZONE = 10 * SSCC_X_DIMENSION
FNC1 = "\xf1"  # how reportlab's Code128 spells the FNC1 symbol character

QR_SIZE = 21 * mm  # including the 4-module quiet zone of ISO/IEC 18004
QR_QUIET_MODULES = 4
QR_ERROR_CORRECTION = "M"  # recovers about 15 % of the symbol: a scuffed label still reads

FONT = "Helvetica"
BOLD = "Helvetica-Bold"
_ENCODING = "cp1252"  # the WinAnsiEncoding of the PDF standard fonts

# Where each block starts, in mm from the top of the label.
_HEADER_TOP, _FROM_TOP, _TO_TOP, _FACTS_TOP, _CONTENTS_TOP, _SSCC_TOP = 0, 15, 35, 67, 80, 106

_RMA_NUMBER = re.compile(r"^RMA[0-9]{8}$")
_NO_DECOMPOSITION = str.maketrans(
    {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "ŀ": "l"}
)


@dataclass(frozen=True)
class LabelAddress:
    """A postal address as printed on a label.

    ``street`` and ``postcode`` may be empty when they are not known; ``country`` is an ISO
    3166 alpha-2 code (upper-cased here).
    """

    name: str
    street: str
    postcode: str
    city: str
    country: str

    def __post_init__(self) -> None:
        _require_text(self.name, "name")
        _require_text(self.street, "street", allow_empty=True)
        _require_text(self.postcode, "postcode", allow_empty=True)
        _require_text(self.city, "city")
        _require_text(self.country, "country")
        code = check_country(self.country)
        if pycountry.countries.get(alpha_2=code) is None:
            raise InvalidValue(
                f"country {self.country!r} is not an ISO 3166 alpha-2 code", field="country"
            )
        object.__setattr__(self, "country", code)

    @property
    def country_name(self) -> str:
        """The country's short English name, as the last line of an international address."""
        return self.country_in("en")

    def country_in(self, language: str) -> str:
        """The country's name in ``language`` (Unicode CLDR's, through Babel), its short
        English name where CLDR has none."""
        named = Locale.parse(language).territories.get(self.country)
        if named:
            return str(named)
        country = pycountry.countries.get(alpha_2=self.country)
        if country is None:  # pragma: no cover - refused in __post_init__
            return self.country
        return str(getattr(country, "common_name", None) or country.name)


@dataclass(frozen=True)
class LabelItem:
    """One line of the parcel's contents."""

    sku: str
    description: str
    quantity: int

    def __post_init__(self) -> None:
        _require_text(self.sku, "sku")
        _require_text(self.description, "description", allow_empty=True)
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int):
            raise InvalidValue(
                f"quantity {self.quantity!r} must be a whole number", field="quantity"
            )
        if self.quantity < 1:
            raise InvalidValue(f"quantity {self.quantity} must be at least 1", field="quantity")

    @property
    def line(self) -> str:
        return f"{self.quantity} × {self.sku}  {self.description}".rstrip()


@dataclass(frozen=True, slots=True)
class LabelCaptions:
    """The words printed on a label around its facts, in the language of the person who
    prints it (English by default). ``contents`` and ``more`` hold ``{n}``; ``title`` and
    ``titles`` (the PDF's title) hold ``{rma}`` and ``{n}``."""

    badge: str = "RETURN"
    sender: str = "FROM"
    recipient: str = "TO"
    rma: str = "RMA"
    weight: str = "WEIGHT"
    parcel: str = "PARCEL"
    date: str = "DATE"
    contents: str = "CONTENTS · {n} PCS"
    more: str = "+{n} more"
    title: str = "Return label {rma}"
    titles: str = "Return labels ({n})"
    #: The language the country of an address is named in (the Universal Postal Union asks
    #: for the country's name in the language of the country of posting, or one known
    #: internationally: the printing person's language is taken).
    language: str = "en"


ENGLISH = LabelCaptions()


@dataclass(frozen=True)
class ReturnLabel:
    """Everything printed on the return label of one parcel.

    ``digital_link`` must be a GS1 Digital Link URI of the same SSCC (see
    ``revalo.domain.values.digital_link_sscc``). ``company_prefix_length`` (7-10), when
    given, splits the SSCC's human-readable text into extension digit, company prefix,
    serial reference and check digit; otherwise the length is looked up in GS1's table of
    prefixes, and when it is not found there the prefix and serial stay one group.
    """

    rma_number: str
    sscc: str
    digital_link: str
    carrier: str
    service: str
    sender: LabelAddress
    recipient: LabelAddress
    weight_kg: float
    issued_on: date
    items: tuple[LabelItem, ...]
    parcel_no: int = 1
    parcel_count: int = 1
    company_prefix_length: int | None = None
    captions: LabelCaptions = ENGLISH

    def __post_init__(self) -> None:
        _require_text(self.rma_number, "rma_number")
        if not _RMA_NUMBER.match(self.rma_number):
            raise InvalidValue(
                f"RMA number {self.rma_number!r} must be 'RMA' and 8 digits", field="rma_number"
            )
        _require_text(self.sscc, "sscc")
        object.__setattr__(self, "sscc", normalise_sscc(self.sscc))
        self._check_digital_link()
        _require_text(self.carrier, "carrier")
        _require_text(self.service, "service")
        for name in ("sender", "recipient"):
            if not isinstance(getattr(self, name), LabelAddress):
                raise InvalidValue(f"{name} must be a LabelAddress", field=name)
        self._check_weight()
        if isinstance(self.issued_on, datetime) or not isinstance(self.issued_on, date):
            raise InvalidValue(
                f"issue date {self.issued_on!r} must be a date (without a time)",
                field="issued_on",
            )
        self._check_items()
        self._check_parcels()
        self._check_company_prefix_length()

    def _check_digital_link(self) -> None:
        link = self.digital_link
        _require_text(link, "digital_link")
        if not link.startswith(("https://", "http://")):
            raise InvalidValue(
                f"digital link {link!r} must be an http:// or https:// URI", field="digital_link"
            )
        try:
            parsed = GS1DigitalLinkURI.parse(link)
        except biip.ParseError as exc:
            raise InvalidValue(
                f"digital link {link!r} is not a GS1 Digital Link URI: {exc}",
                field="digital_link",
            ) from exc
        keys = {es.ai.ai: es.value for es in parsed.element_strings}
        if keys.get("00") != self.sscc:
            raise InvalidValue(
                f"digital link {link!r} must name the label's SSCC {self.sscc} (/00/{self.sscc})",
                field="digital_link",
            )

    def _check_weight(self) -> None:
        w = self.weight_kg
        if isinstance(w, bool) or not isinstance(w, int | float):
            raise InvalidValue(f"weight {w!r} must be a number of kg", field="weight_kg")
        if not math.isfinite(w) or w <= 0:
            raise InvalidValue(f"weight {w} kg must be more than 0", field="weight_kg")

    def _check_items(self) -> None:
        items = self.items
        if isinstance(items, str | bytes) or not isinstance(items, Sequence):
            raise InvalidValue("items must be a sequence of LabelItem", field="items")
        if not items:
            raise InvalidValue("a return label lists at least one item", field="items")
        for i, item in enumerate(items, start=1):
            if not isinstance(item, LabelItem):
                raise InvalidValue(f"item {i} must be a LabelItem, not {item!r}", field="items")
        object.__setattr__(self, "items", tuple(items))

    def _check_parcels(self) -> None:
        for name in ("parcel_no", "parcel_count"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InvalidValue(f"{name} {value!r} must be a whole number >= 1", field=name)
        if self.parcel_no > self.parcel_count:
            raise InvalidValue(
                f"parcel {self.parcel_no} cannot be more than the {self.parcel_count} parcels",
                field="parcel_no",
            )

    def _check_company_prefix_length(self) -> None:
        n = self.company_prefix_length
        if n is None:
            return
        if isinstance(n, bool) or not isinstance(n, int) or not 7 <= n <= 10:
            raise InvalidValue(
                f"company prefix length {n!r} must be a whole number from 7 to 10",
                field="company_prefix_length",
            )

    @property
    def sscc_hri(self) -> str:
        """The SSCC as printed under its barcode, e.g. ``(00) 1 0614141 234567890 8``."""
        grouped = Sscc.parse(self.sscc).as_hri(company_prefix_length=self.company_prefix_length)
        return f"(00) {grouped}"


def render_return_label(label: ReturnLabel) -> bytes:
    """Render one return label as a one-page 4 x 6 inch PDF.

    Parameters
    ----------
    label
        The validated content of the label.

    Returns
    -------
    bytes
        The PDF. The same label gives the same bytes.
    """
    return render_return_labels([label])


def render_return_labels(labels: Iterable[ReturnLabel]) -> bytes:
    """Render several return labels as one PDF, one 4 x 6 inch page per label.

    Parameters
    ----------
    labels
        The labels, in printing order; at least one.

    Returns
    -------
    bytes
        The PDF, ready for a thermal label printer.
    """
    batch = list(labels)
    if not batch:
        raise InvalidValue("there is no label to print", field="labels")
    for i, label in enumerate(batch, start=1):
        if not isinstance(label, ReturnLabel):
            raise InvalidValue(f"label {i} must be a ReturnLabel, not {label!r}", field="labels")
    buffer = io.BytesIO()
    # invariant: no creation date nor random document id, so the same labels give the same file
    pdf = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, pageCompression=1)
    words = batch[0].captions
    pdf.setTitle(
        words.title.format(rma=batch[0].rma_number)
        if len(batch) == 1
        else words.titles.format(n=len(batch))
    )
    pdf.setCreator("Revalo")
    for label in batch:
        _draw_label(pdf, label)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def render_bin_labels(bins: Sequence[tuple[str, str]]) -> bytes:
    """Render bin labels as one PDF, one 4 x 6 inch page per bin: its code in large type,
    a line saying what it is, and a QR code of the code for the handheld scanner.

    Parameters
    ----------
    bins
        ``(code, description)`` per bin, in printing order; at least one.

    Returns
    -------
    bytes
        The PDF. The same bins give the same bytes.
    """
    if not bins:
        raise InvalidValue("there is no bin label to print", field="bins")
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, pageCompression=1)
    pdf.setTitle(f"Bin labels ({len(bins)})")
    pdf.setCreator("Revalo")
    width = PAGE_WIDTH - 2 * MARGIN
    for code, description in bins:
        _require_text(code, "bin code")
        site, _, place = code.partition(":")
        _title(pdf, "BIN", MARGIN, 6)
        _text(pdf, site, MARGIN, 14, width, FONT, 14, 8)
        _text(pdf, place, MARGIN, 30, width, BOLD, 40, 16)
        _text(pdf, description, MARGIN, 40, width, FONT, 10, 6)
        _rule(pdf, 44)
        _draw_qr(pdf, code, (PAGE_WIDTH - QR_SIZE) / 2, 50)
        _text(pdf, code, MARGIN, 50 + QR_SIZE / mm + 6, width, FONT, 9, 6)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# --- drawing -------------------------------------------------------------------------------


def _draw_label(pdf: Canvas, label: ReturnLabel) -> None:
    _draw_header(pdf, label)
    c = label.captions
    _draw_address(pdf, c.sender, label.sender, _FROM_TOP, large=False, language=c.language)
    _draw_address(pdf, c.recipient, label.recipient, _TO_TOP, large=True, language=c.language)
    _draw_facts(pdf, label)
    _draw_contents(pdf, label)
    _draw_sscc(pdf, label)
    for top in (_FROM_TOP, _TO_TOP, _FACTS_TOP, _CONTENTS_TOP, _SSCC_TOP):
        _rule(pdf, top)


def _y(mm_from_top: float) -> float:
    return float(PAGE_HEIGHT - mm_from_top * mm)


def _rule(pdf: Canvas, mm_from_top: float) -> None:
    pdf.setLineWidth(1.2)
    pdf.line(MARGIN, _y(mm_from_top), PAGE_WIDTH - MARGIN, _y(mm_from_top))


def _draw_header(pdf: Canvas, label: ReturnLabel) -> None:
    badge_w, badge_h = 24 * mm, 9 * mm
    badge_x = PAGE_WIDTH - MARGIN - badge_w
    text_w = badge_x - MARGIN - 2 * mm
    _text(pdf, label.carrier.upper(), MARGIN, _HEADER_TOP + 8.5, text_w, BOLD, 22, 12)
    _text(pdf, label.service, MARGIN, _HEADER_TOP + 13, text_w, FONT, 11, 7)
    pdf.setFillColor(colors.black)
    pdf.rect(badge_x, _y(_HEADER_TOP + 11.5), badge_w, badge_h, fill=1, stroke=0)
    pdf.setFillColor(colors.white)
    pdf.setFont(BOLD, 13)
    pdf.drawCentredString(badge_x + badge_w / 2, _y(_HEADER_TOP + 8.5), label.captions.badge)
    pdf.setFillColor(colors.black)


def _draw_address(
    pdf: Canvas, title: str, address: LabelAddress, top: float, *, large: bool, language: str
) -> None:
    width = PAGE_WIDTH - 2 * MARGIN
    _title(pdf, title, MARGIN, top + 3)
    country = address.country_in(language)
    place = " ".join(p for p in (address.postcode, address.city) if p.strip())
    if large:
        lines = [
            (address.name, BOLD, 14),
            (address.street, FONT, 12),
            (place, BOLD, 18),
            (country.upper(), BOLD, 12),
        ]
    else:
        lines = [
            (address.name, BOLD, 9),
            (address.street, FONT, 9),
            (place, FONT, 9),
            (country.upper(), FONT, 9),
        ]
    y = top + 3
    for text, font, size in lines:
        if not text.strip():
            continue
        y += size * 1.2 / mm  # one line of type, in mm
        _text(pdf, text, MARGIN + 2 * mm, y, width - 2 * mm, font, size, size * 0.6)


def _draw_facts(pdf: Canvas, label: ReturnLabel) -> None:
    weight = math.ceil(label.weight_kg * 100 - 1e-9) / 100  # rounded up to 10 g, as billed
    words = label.captions
    cells = [
        (words.rma, label.rma_number, 37),
        (words.weight, f"{weight:.2f} kg", 21),
        (words.parcel, f"{label.parcel_no}/{label.parcel_count}", 17),
        (words.date, label.issued_on.isoformat(), 20.6),
    ]
    x = MARGIN
    for i, (title, value, width_mm) in enumerate(cells):
        pad = 1.5 * mm if i else 0
        _title(pdf, title, x + pad, _FACTS_TOP + 3)
        _text(pdf, value, x + pad, _FACTS_TOP + 9.5, width_mm * mm - pad - 1 * mm, BOLD, 13, 7)
        x += width_mm * mm
        if i < len(cells) - 1:
            pdf.setLineWidth(0.6)
            pdf.line(x, _y(_FACTS_TOP + 1), x, _y(_FACTS_TOP + 12))


def _draw_contents(pdf: Canvas, label: ReturnLabel) -> None:
    qr_x = PAGE_WIDTH - MARGIN - QR_SIZE
    width = qr_x - MARGIN - 2 * mm
    pieces = sum(item.quantity for item in label.items)
    _title(pdf, label.captions.contents.format(n=pieces), MARGIN, _CONTENTS_TOP + 3)
    size, first, step = 7.5, _CONTENTS_TOP + 6.5, 3.2  # baselines, in mm from the top
    max_lines = int((_SSCC_TOP - 1.5 - first) // step) + 1
    for i, line in enumerate(_item_lines(label.items, max_lines, label.captions.more)):
        _text(pdf, line, MARGIN, first + i * step, width, FONT, size, size)
    _draw_qr(pdf, label.digital_link, qr_x, _CONTENTS_TOP + 0.5)
    pdf.setFont(FONT, 5.5)
    pdf.drawCentredString(qr_x + QR_SIZE / 2, _y(_CONTENTS_TOP + 24.5), "GS1 Digital Link")


def _item_lines(items: Sequence[LabelItem], max_lines: int, more: str) -> list[str]:
    """The items' lines; the last lines become '+N more' when they do not all fit."""
    lines = [item.line for item in items]
    if len(lines) <= max_lines:
        return lines
    shown = max_lines - 1
    return [*lines[:shown], more.format(n=len(lines) - shown)]


def _draw_qr(pdf: Canvas, uri: str, x: float, mm_from_top: float) -> None:
    widget = QrCodeWidget(
        uri,
        barLevel=QR_ERROR_CORRECTION,
        barWidth=QR_SIZE,
        barHeight=QR_SIZE,
        barBorder=QR_QUIET_MODULES,
    )
    drawing = Drawing(QR_SIZE, QR_SIZE)
    drawing.add(widget)
    renderPDF.draw(drawing, pdf, x, _y(mm_from_top) - QR_SIZE)


def _draw_sscc(pdf: Canvas, label: ReturnLabel) -> None:
    _title(pdf, "SSCC", MARGIN, _SSCC_TOP + 3.5)
    bars_top = _SSCC_TOP + 5
    barcode = Code128(
        FNC1 + "00" + label.sscc,
        barWidth=SSCC_X_DIMENSION,
        barHeight=SSCC_BAR_HEIGHT,
        quiet=1,
        lquiet=SSCC_QUIET_ZONE,
        rquiet=SSCC_QUIET_ZONE,
        humanReadable=False,
    )
    x = (PAGE_WIDTH - barcode.width) / 2
    barcode.drawOn(pdf, x, _y(bars_top) - SSCC_BAR_HEIGHT)
    pdf.setFont(BOLD, 11)
    pdf.drawCentredString(PAGE_WIDTH / 2, _y(bars_top) - SSCC_BAR_HEIGHT - 4.5 * mm, label.sscc_hri)


def _title(pdf: Canvas, text: str, x: float, mm_from_top: float) -> None:
    pdf.setFont(BOLD, 6.5)
    pdf.drawString(x, _y(mm_from_top), text)


def _text(
    pdf: Canvas,
    text: str,
    x: float,
    mm_from_top: float,
    width: float,
    font: str,
    size: float,
    min_size: float,
) -> None:
    """Write one line: smaller type down to ``min_size`` if it is too wide, then cut with '…'."""
    printable = _printable(text)
    while size > min_size and stringWidth(printable, font, size) > width:
        size = max(min_size, size - 0.5)
    pdf.setFont(font, size)
    pdf.drawString(x, _y(mm_from_top), _fit(printable, font, size, width))


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _printable(text: str) -> str:
    """The text on one line, in characters that the built-in fonts have."""
    out = []
    for char in " ".join(text.split()):
        if unicodedata.category(char)[0] == "C":  # control and format characters: not printed
            continue
        if _encodable(char):
            out.append(char)
            continue
        plain = unicodedata.normalize("NFKD", char.translate(_NO_DECOMPOSITION))
        kept = "".join(c for c in plain if not unicodedata.combining(c) and _encodable(c))
        out.append(kept or "?")
    return "".join(out)


def _encodable(char: str) -> bool:
    try:
        char.encode(_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def _require_text(value: object, field: str, *, allow_empty: bool = False) -> None:
    if not isinstance(value, str):
        raise InvalidValue(f"{field} must be text, not {value!r}", field=field)
    if not allow_empty and not value.strip():
        raise InvalidValue(f"{field} must not be empty", field=field)
