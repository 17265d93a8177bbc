"""What a scanner types, and what Revalo understands of it."""

from __future__ import annotations

from datetime import date

import pytest

from revalo.adapters.barcodes import parse_scan
from revalo.domain.errors import InvalidValue
from revalo.domain.scan import ScanKind

GTIN = "04006381333931"  # a real GTIN-13, as 14 digits
SSCC = "376130321109103420"  # the SSCC of the GS1 General Specifications
GS = "\x1d"  # FNC1 as the scanner sends it between variable-length fields


@pytest.mark.parametrize(
    "raw",
    [
        f"01{GTIN}21SN-42{GS}10LOT7",
        f"]C101{GTIN}21SN-42{GS}10LOT7",  # GS1-128 symbology identifier
        f"]d201{GTIN}21SN-42{GS}10LOT7",  # GS1 DataMatrix symbology identifier
        f"]Q301{GTIN}21SN-42{GS}10LOT7",  # GS1 QR Code symbology identifier
        f"01{GTIN}21SN-42<GS>10LOT7",  # FNC1 typed out by a keyboard-wedge scanner
        f"01{GTIN}21SN-42|10LOT7",
        f"(01){GTIN}(21)SN-42(10)LOT7",  # the human-readable line under the bars
        f"https://id.gs1.org/01/{GTIN}/10/LOT7/21/SN-42",
        f"https://shop.example.com/01/{GTIN}/10/LOT7/21/SN-42?linkType=all",
    ],
    ids=["plain", "]C1", "]d2", "]Q3", "<GS>", "pipe", "HRI", "digital-link", "own-domain"],
)
def test_an_item_barcode_gives_its_gtin_serial_and_batch(raw: str) -> None:
    code = parse_scan(raw)
    assert code.kind is ScanKind.ITEM
    assert (code.gtin, code.serial, code.batch) == (GTIN, "SN-42", "LOT7")
    assert code.raw == raw  # what was scanned is kept as it came


def test_the_expiry_date_is_read_from_ai_17() -> None:
    assert parse_scan(f"(01){GTIN}(17)261231(10)L1").expiry == date(2026, 12, 31)
    assert parse_scan(f"01{GTIN}17261231").expiry == date(2026, 12, 31)
    assert parse_scan(f"https://id.gs1.org/01/{GTIN}?17=270115").expiry == date(2027, 1, 15)


@pytest.mark.parametrize(
    ("raw", "gtin"),
    [
        ("4006381333931", GTIN),  # GTIN-13 from an EAN-13 barcode
        ("04006381333931", GTIN),  # GTIN-14
        ("036000291452", "00036000291452"),  # UPC-A
        ("96385074", "00000096385074"),  # EAN-8
    ],
)
def test_a_bare_gtin_is_an_item_without_serial(raw: str, gtin: str) -> None:
    code = parse_scan(raw)
    assert (code.kind, code.gtin, code.serial) == (ScanKind.ITEM, gtin, None)


@pytest.mark.parametrize("raw", [SSCC, f"00{SSCC}", f"]C100{SSCC}", f"(00){SSCC}"])
def test_an_sscc_is_a_parcel(raw: str) -> None:
    code = parse_scan(raw)
    assert (code.kind, code.sscc, code.gtin) == (ScanKind.PARCEL, SSCC, None)


@pytest.mark.parametrize("raw", ["LPN000000123", " lpn000000123 "])
def test_a_revalo_licence_plate_is_read_as_is(raw: str) -> None:
    code = parse_scan(raw)
    assert (code.kind, code.lpn) == (ScanKind.LPN, "LPN000000123")


@pytest.mark.parametrize(
    "raw",
    [
        "4006381333932",
        "0104006381333932",
        "(01)04006381333932(21)X",
        "https://id.gs1.org/01/04006381333932",
    ],
)
def test_a_gtin_with_a_wrong_check_digit_names_the_expected_digit(raw: str) -> None:
    with pytest.raises(InvalidValue) as err:
        parse_scan(raw)
    assert err.value.field == "code"
    assert "check digit" in err.value.message
    assert "Expected 1, got 2" in err.value.message


def test_an_sscc_with_a_wrong_check_digit_is_refused() -> None:
    with pytest.raises(InvalidValue, match=r"SSCC check digit.*Expected 0, got 1"):
        parse_scan("376130321109103421")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "the scanned code is empty"),
        ("   ", "the scanned code is empty"),
        ("hello world", "not a GS1 barcode nor a Revalo LPN"),
        ("(01)123", "not a valid GS1 element string"),
        ("10LOT7", "names neither a product (AI 01) nor a parcel (AI 00)"),
        ("https://example.com/about", "not a GS1 barcode nor a Revalo LPN"),
        # A lone symbology prefix: the barcode library fails on it with an IndexError.
        ("]", "not a GS1 barcode nor a Revalo LPN"),
        (" ] ", "not a GS1 barcode nor a Revalo LPN"),
    ],
)
def test_what_is_not_a_barcode_is_refused_with_a_reason(raw: str, message: str) -> None:
    with pytest.raises(InvalidValue) as err:
        parse_scan(raw)
    assert err.value.field == "code"
    assert message in err.value.message
