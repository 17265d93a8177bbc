"""Barcode parsing with biip: GS1-128 / DataMatrix element strings (with or without a
symbology prefix), GS1 Digital Link URIs, bare GTINs and SSCCs, and Revalo LPNs."""

from __future__ import annotations

import biip
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_messages import GS1Message

from revalo.domain.errors import InvalidValue
from revalo.domain.scan import ScanKind, ScannedCode
from revalo.domain.values import is_lpn

_GS = "\x1d"
_CONFIG = biip.ParseConfig(separator_chars=[_GS, "|"])


def parse_scan(raw: str) -> ScannedCode:
    """Parse what a scanner typed; raise InvalidValue saying what is wrong with it."""
    code = raw.strip().replace("<GS>", _GS)
    if not code:
        raise InvalidValue("the scanned code is empty", field="code")
    if is_lpn(code):
        return ScannedCode(raw=raw, kind=ScanKind.LPN, lpn=code.upper())
    if code.startswith("("):
        try:
            hri = GS1Message.parse_hri(code, config=_CONFIG)
        except biip.ParseError as exc:
            raise InvalidValue(f"not a valid GS1 element string: {exc}", field="code") from exc
        return _from_message(raw, hri)
    try:
        result = biip.parse(code, config=_CONFIG)
    except biip.ParseError as exc:
        raise InvalidValue(f"not a GS1 barcode nor a Revalo LPN: {exc}", field="code") from exc
    except IndexError as exc:  # biip 5.2 on a lone symbology prefix ("]")
        detail = f"{code!r} is too short to be one"
        raise InvalidValue(f"not a GS1 barcode nor a Revalo LPN: {detail}", field="code") from exc
    if code.isdigit() and len(code) in (8, 12, 13, 14):
        if result.gtin is None:
            raise InvalidValue(str(result.gtin_error), field="code")
        return ScannedCode(raw=raw, kind=ScanKind.ITEM, gtin=result.gtin.value.zfill(14))
    if code.isdigit() and len(code) == 18:
        if result.sscc is None:
            raise InvalidValue(str(result.sscc_error), field="code")
        return ScannedCode(raw=raw, kind=ScanKind.PARCEL, sscc=result.sscc.value)
    message = result.gs1_message or result.gs1_digital_link_uri
    if message is not None:
        return _from_message(raw, message)
    detail = result.gs1_message_error or result.gs1_digital_link_uri_error or "unrecognised"
    raise InvalidValue(f"not a GS1 barcode nor a Revalo LPN: {detail}", field="code")


def read_scan(raw: str) -> ScannedCode | str:
    """A scan as a barcode where it reads as one, else the code itself: a count records
    whatever is in the bin, someone else's label included. A code longer than any
    barcode is left as it is, for the use case to refuse."""
    if len(raw.strip()) > 200:
        return raw.strip()
    try:
        return parse_scan(raw)
    except InvalidValue:
        return raw.strip()


def _from_message(raw: str, message: GS1Message | GS1DigitalLinkURI) -> ScannedCode:
    fields: dict[str, str] = {}
    expiry = None
    for es in message.element_strings:
        for attr in ("gtin_error", "sscc_error", "gln_error"):
            if getattr(es, attr, None):
                raise InvalidValue(getattr(es, attr), field="code")
        fields[es.ai.ai] = es.value
        if es.ai.ai == "17":
            expiry = es.date
    if "00" in fields:
        return ScannedCode(raw=raw, kind=ScanKind.PARCEL, sscc=fields["00"])
    if "01" in fields:
        return ScannedCode(
            raw=raw,
            kind=ScanKind.ITEM,
            gtin=fields["01"],
            serial=fields.get("21"),
            batch=fields.get("10"),
            expiry=expiry,
        )
    raise InvalidValue(
        "the GS1 barcode names neither a product (AI 01) nor a parcel (AI 00)", field="code"
    )
