"""Return labels: printed, rasterised as a printer would, and scanned back."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp

from revalo.adapters.barcodes import parse_scan
from revalo.adapters.labels import (
    ENGLISH,
    LabelAddress,
    LabelCaptions,
    LabelItem,
    ReturnLabel,
    render_return_label,
    render_return_labels,
)
from revalo.domain.errors import InvalidValue
from revalo.domain.scan import ScanKind
from revalo.domain.values import digital_link_sscc, format_sscc

SSCC = "106141412345678908"  # GS1 EPC Tag Data Standard example (prefix 0614141)
SCALE = 4  # 288 dpi: the 0.5 mm bars are 5.7 pixels wide

CUSTOMER = LabelAddress("José Ñúñez-Müller", "12 rue de l'Église", "69003", "Lyon", "FR")
HUB = LabelAddress("Revalo Hub Rotterdam", "Waalhaven Zuidzijde 21", "3089 JH", "Rotterdam", "NL")


def make_label(**changes: Any) -> ReturnLabel:
    label = ReturnLabel(
        rma_number="RMA00000042",
        sscc=SSCC,
        digital_link=digital_link_sscc(SSCC),
        carrier="Colissimo",
        service="Retour 48h",
        sender=CUSTOMER,
        recipient=HUB,
        weight_kg=2.4,
        issued_on=date(2025, 3, 14),
        items=(LabelItem("LAPTOP-T14", "ThinkPad T14 Gen 3", 1), LabelItem("DOCK-USB-C", "", 2)),
    )
    return dataclasses.replace(label, **changes)


def pages(pdf: bytes) -> list[pdfium.PdfPage]:
    return list(pdfium.PdfDocument(pdf))


def scan(page: pdfium.PdfPage) -> list[zxingcpp.Barcode]:
    return list(zxingcpp.read_barcodes(page.render(scale=SCALE).to_pil()))


def text_of(page: pdfium.PdfPage) -> str:
    return str(page.get_textpage().get_text_range())


def only(barcodes: list[zxingcpp.Barcode], fmt: zxingcpp.BarcodeFormat) -> zxingcpp.Barcode:
    found = [b for b in barcodes if b.format == fmt]
    assert len(found) == 1, [(b.format, b.text) for b in barcodes]
    return found[0]


@pytest.fixture(scope="module")
def label_page() -> pdfium.PdfPage:
    (page,) = pages(render_return_label(make_label()))
    return page


def test_a_label_is_one_4_by_6_inch_page(label_page: pdfium.PdfPage) -> None:
    assert label_page.get_size() == pytest.approx((4 * 72, 6 * 72))


def test_the_sscc_barcode_is_gs1_128_with_ai_00(label_page: pdfium.PdfPage) -> None:
    code = only(scan(label_page), zxingcpp.BarcodeFormat.Code128)
    # "]C1" is what a scanner sends for Code 128 with FNC1 in first position: GS1-128.
    # Plain Code 128 would be "]C0" and a GS1 parser would not know it holds an SSCC.
    assert code.symbology_identifier == "]C1"
    assert code.content_type == zxingcpp.ContentType.GS1
    assert code.bytes == f"00{SSCC}".encode()
    assert code.text == f"(00){SSCC}"


def test_the_hub_scanner_reads_the_parcel_sscc(label_page: pdfium.PdfPage) -> None:
    code = only(scan(label_page), zxingcpp.BarcodeFormat.Code128)
    scanned = parse_scan(code.symbology_identifier + code.bytes.decode())
    assert (scanned.kind, scanned.sscc) == (ScanKind.PARCEL, SSCC)


def test_the_qr_code_holds_the_digital_link(label_page: pdfium.PdfPage) -> None:
    code = only(scan(label_page), zxingcpp.BarcodeFormat.QRCode)
    assert code.text == f"https://id.gs1.org/00/{SSCC}"


def test_the_label_text_names_the_return_the_carrier_and_the_addresses(
    label_page: pdfium.PdfPage,
) -> None:
    text = text_of(label_page)
    for expected in (
        "RMA00000042",
        "COLISSIMO",
        "Retour 48h",
        "3089 JH Rotterdam",
        "NETHERLANDS",
        "José Ñúñez-Müller",  # accents of the built-in font's character set are kept
        "12 rue de l'Église",
        "2.40 kg",
        "1/1",
        "2025-03-14",
        "1 × LAPTOP-T14 ThinkPad T14 Gen 3",
        "2 × DOCK-USB-C",
        "(00) 1 0614141 234567890 8",
    ):
        assert expected in text


def test_the_human_readable_sscc_follows_the_given_company_prefix_length() -> None:
    sscc = format_sscc(3, "952000012", 34)
    label = make_label(sscc=sscc, digital_link=digital_link_sscc(sscc), company_prefix_length=9)
    assert label.sscc_hri == f"(00) 3 952000012 0000034 {sscc[-1]}"
    assert label.sscc_hri in text_of(pages(render_return_label(label))[0])


def test_letters_beyond_the_built_in_font_lose_their_accent_instead_of_vanishing() -> None:
    sender = dataclasses.replace(CUSTOMER, name="Łukasz Dvořák", city="Łódź", country="PL")
    text = text_of(pages(render_return_label(make_label(sender=sender)))[0])
    assert "Lukasz Dvorák" in text  # á is in the font, Ł and ř are not
    assert "Lódz" in text


def test_a_demo_customer_with_only_a_city_gets_a_label() -> None:
    sender = LabelAddress("Chloé Martin", "", "", "Nantes", "fr")
    page = pages(render_return_label(make_label(sender=sender)))[0]
    assert "Nantes" in text_of(page)
    assert only(scan(page), zxingcpp.BarcodeFormat.Code128).bytes == f"00{SSCC}".encode()


def test_a_long_list_of_items_ends_with_how_many_more() -> None:
    items = tuple(LabelItem(f"SKU-{i:02d}", f"returned thing {i}", 1) for i in range(20))
    text = text_of(pages(render_return_label(make_label(items=items)))[0])
    shown = re.findall(r"1 × SKU-(\d\d)", text)
    (more,) = re.findall(r"\+(\d+) more", text)
    assert shown == [f"{i:02d}" for i in range(len(shown))]
    assert len(shown) + int(more) == 20
    assert "CONTENTS · 20 PCS" in text


def test_a_long_name_is_cut_to_the_label_width() -> None:
    recipient = dataclasses.replace(HUB, name="Revalo " + "Very Long Warehouse Name " * 6)
    text = text_of(pages(render_return_label(make_label(recipient=recipient)))[0])
    assert "Revalo Very Long" in text
    assert "…" in text


def test_a_batch_prints_one_page_per_parcel_in_order() -> None:
    ssccs = [format_sscc(0, "0614141", n) for n in (1, 2, 3)]
    labels = [
        make_label(sscc=s, digital_link=digital_link_sscc(s), parcel_no=i, parcel_count=3)
        for i, s in enumerate(ssccs, start=1)
    ]
    printed = pages(render_return_labels(labels))
    assert len(printed) == 3
    for i, (page, sscc) in enumerate(zip(printed, ssccs, strict=True), start=1):
        assert only(scan(page), zxingcpp.BarcodeFormat.Code128).bytes == f"00{sscc}".encode()
        assert f"{i}/3" in text_of(page)


def test_the_same_label_gives_the_same_file() -> None:
    assert render_return_label(make_label()) == render_return_label(make_label())


def test_an_empty_batch_is_refused() -> None:
    with pytest.raises(InvalidValue, match="no label") as err:
        render_return_labels([])
    assert err.value.field == "labels"


OTHER_SSCC = format_sscc(0, "0614141", 7)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rma_number": "RMA123"}, "rma_number"),
        ({"rma_number": "rma00000042"}, "rma_number"),
        ({"sscc": "106141412345678909"}, "sscc"),
        ({"digital_link": digital_link_sscc(OTHER_SSCC)}, "digital_link"),
        ({"digital_link": "https://example.com/about"}, "digital_link"),
        ({"digital_link": f"00/{SSCC}"}, "digital_link"),
        ({"carrier": ""}, "carrier"),
        ({"service": "  "}, "service"),
        ({"sender": "Lyon"}, "sender"),
        ({"recipient": None}, "recipient"),
        ({"weight_kg": 0}, "weight_kg"),
        ({"weight_kg": -1.5}, "weight_kg"),
        ({"weight_kg": float("nan")}, "weight_kg"),
        ({"weight_kg": float("inf")}, "weight_kg"),
        ({"weight_kg": "2.4"}, "weight_kg"),
        ({"issued_on": datetime(2025, 3, 14, 9, 30)}, "issued_on"),
        ({"issued_on": "2025-03-14"}, "issued_on"),
        ({"items": ()}, "items"),
        ({"items": ("LAPTOP-T14",)}, "items"),
        ({"parcel_no": 2}, "parcel_no"),
        ({"parcel_no": 0}, "parcel_no"),
        ({"parcel_count": 0}, "parcel_count"),
        ({"company_prefix_length": 6}, "company_prefix_length"),
    ],
)
def test_a_label_with_a_bad_field_is_refused_naming_it(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidValue) as err:
        make_label(**changes)
    assert err.value.field == field


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"city": " "}, "city"),
        ({"street": None}, "street"),
        ({"country": "FRA"}, "country"),
        ({"country": "XX"}, "country"),
    ],
)
def test_an_address_with_a_bad_field_is_refused_naming_it(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidValue) as err:
        dataclasses.replace(CUSTOMER, **changes)
    assert err.value.field == field


@pytest.mark.parametrize(
    ("sku", "quantity", "field"),
    [("", 1, "sku"), ("LAPTOP-T14", 0, "quantity"), ("LAPTOP-T14", 1.5, "quantity")],
)
def test_an_item_with_a_bad_field_is_refused_naming_it(sku: str, quantity: Any, field: str) -> None:
    with pytest.raises(InvalidValue) as err:
        LabelItem(sku, "laptop", quantity)
    assert err.value.field == field


def test_a_lower_case_country_code_is_accepted() -> None:
    assert LabelAddress("A", "", "", "Gent", "be").country_name == "Belgium"


def test_the_captions_are_in_the_language_of_who_prints() -> None:
    from revalo.entrypoints.labels import captions

    many = [LabelItem(f"SKU-{i}", f"Item {i}", 1) for i in range(40)]
    english = text_of(pdfium.PdfDocument(render_return_label(make_label(items=many)))[0])
    french_label = make_label(items=many, captions=captions("fr"))
    french_pdf = pdfium.PdfDocument(render_return_label(french_label))
    french = text_of(french_pdf[0])
    for caption in ("RETURN", "FROM", "TO", "WEIGHT", "PARCEL", "CONTENTS · 40 PCS", "more"):
        assert caption in english
    for caption in ("RETOUR", "EXPÉDITEUR", "DESTINATAIRE", "POIDS", "COLIS", "CONTENU · 40"):
        assert caption in french
    assert re.search(r"\+\d+ de plus", french) and "WEIGHT" not in french
    assert french_pdf.get_metadata_dict()["Title"] == "Étiquette de retour RMA00000042"
    assert captions("en") == LabelCaptions()


def test_the_countries_are_named_in_the_language_of_the_person_who_prints() -> None:
    """A French label names the countries in French (the Universal Postal Union's language
    of the country of posting); an English one in English."""
    english = text_of(pages(render_return_label(make_label()))[0])
    assert "NETHERLANDS" in english and "FRANCE" in english
    french = make_label(captions=dataclasses.replace(ENGLISH, language="fr"))
    text = text_of(pages(render_return_label(french))[0])
    assert "PAYS-BAS" in text and "NETHERLANDS" not in text
    assert LabelAddress("A", "", "", "Gent", "be").country_in("fr") == "Belgique"
