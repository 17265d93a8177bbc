"""Revalo's unit events as GS1 EPCIS 2.0: every kind of event Revalo writes validates against
GS1's JSON Schema (formats checked: rfc3987 for URIs), a wrong CBV word is caught, and the
official examples read and write back the same."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from revalo.adapters.epcis_schema import schema_errors
from revalo.domain import epcis as ep
from revalo.domain.epcis_mapping import (
    PlaceKey,
    Places,
    TracedEvent,
    UnitKey,
    place_key,
    to_epcis,
    unit_epc,
    unit_key,
)
from revalo.domain.errors import InvalidValue
from revalo.domain.events import EventType, UnitEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "epcis"
SHIPPED_SCHEMA = Path(__file__).resolve().parents[2] / "src/revalo/config/epcis-2.0-schema.json"
AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
GLN = "9521234000013"
PLACES = Places({"HUB-FR": GLN})


def test_the_shipped_schema_is_gs1s_as_the_tests_carry_it() -> None:
    assert SHIPPED_SCHEMA.read_bytes() == (DATA / "EPCIS-JSON-Schema.json").read_bytes()


def test_uri_and_date_time_formats_are_checked() -> None:
    # Without rfc3987 / rfc3339-validator, jsonschema would skip these silently.
    checkers = jsonschema.Draft7Validator.FORMAT_CHECKER.checkers
    assert {"uri", "date-time"} <= set(checkers)


def event(
    type: EventType,
    state: str,
    *,
    location: str | None = "HUB-FR:graded_stock",
    document: str = "",
    **detail: Any,
) -> UnitEvent:
    return UnitEvent(
        unit_id=7,
        lpn="LPN000000007",
        type=type,
        occurred_at=AT,
        actor="bob",
        site_code="HUB-FR",
        location_code=location,
        state=state,
        reason="why",
        document=document,
        detail=dict(detail),
        id=42,
    )


E = EventType
EVERY_KIND = [
    event(E.RECEIVED, "received", location="HUB-FR:receiving", document="RMA00000001"),
    event(E.QUARANTINED, "quarantined", location="HUB-FR:quarantine"),
    event(E.RELEASED, "received"),
    event(E.MOVED, "graded"),
    event(E.INSPECTED, "graded", functional_grade="A", cosmetic_grade="B", hazardous=False),
    event(E.INSPECTED, "graded", functional_grade="D", cosmetic_grade="C", hazardous=True),
    event(E.DISPOSITION_RECORDED, "disposition_decided", route="refurbish"),
    *(
        event(t, "in_process", kind=k, labour_minutes=10, parts_cost="0.00")
        for t in (E.WORK_STARTED, E.WORK_RECORDED, E.WORK_COMPLETED, E.WORK_FAILED)
        for k in ("test", "clean", "data_wipe", "repair")
    ),
    event(E.WORK_COMPLETED, "ready", document="WO00000003", kind="refurbish"),
    event(E.READY, "ready", location="HUB-FR:outbound"),
    event(E.SHIPPED, "ready", location="REP-FR:in_transit", document="SHP00000009", to_site="REP"),
    event(E.ARRIVED, "ready", location="REP-FR:outbound"),
    event(E.LISTED, "listed"),
    *(
        event(E.DISPATCHED, state, location=None, route="x", destination_site="REC-FR")
        for state in (
            "restocked",
            "sold",
            "sent_to_partner",
            "returned_to_vendor",
            "donated",
            "recycled",
            "harvested",
            "disposed",
        )
    ),
    event(E.PROCEEDS_RECORDED, "sold", location=None, amount_eur="12.00"),
    event(E.REPORTED, "graded", biz_step="repairing", disposition="conformant"),
]


def test_every_event_type_is_exported() -> None:
    assert {e.type for e in EVERY_KIND} == set(EventType)


@pytest.mark.parametrize("unit", [("01234567890128", "SN 1/A"), (None, None)])
def test_every_kind_of_event_validates_against_the_epcis_schema(
    unit: tuple[str | None, str | None],
) -> None:
    gtin, serial = unit
    traced = [
        TracedEvent(
            e, gtin=gtin, serial=serial, rma_number="RMA00000001", sscc="395212340000000017"
        )
        for e in EVERY_KIND
    ]
    events = [to_epcis(t, PLACES, "9521234") for t in traced]
    doc = ep.document(events, doc_id="urn:uuid:5b0f2a5e-9a41-4d2e-9d49-0e0f4d2b0b61", created=AT)
    assert schema_errors(doc) == []
    kinds = {e.kind for e in events}
    assert kinds == {ep.EventKind.OBJECT, ep.EventKind.TRANSFORMATION, ep.EventKind.AGGREGATION}
    # The same in a query's answer.
    assert schema_errors(ep.query_document(events, query_name="SimpleEventQuery", created=AT)) == []


def test_refurbishing_is_a_transformation_into_the_refurbishers_identity() -> None:
    done = event(E.WORK_COMPLETED, "ready", document="WO00000003", kind="refurbish")
    out = to_epcis(TracedEvent(done, gtin="01234567890128", serial="SN1"), PLACES, "p")
    assert out.kind is ep.EventKind.TRANSFORMATION
    assert out.inputs == ("https://id.gs1.org/01/01234567890128/21/SN1",)
    assert out.outputs == ("urn:revalo:epcis:lpn:LPN000000007",)
    assert out.transformation_id == "urn:revalo:epcis:work-order:WO00000003"
    assert (out.biz_step, out.disposition) == ("repairing", "conformant")
    doc = ep.document([out], doc_id="urn:uuid:5b0f2a5e-9a41-4d2e-9d49-0e0f4d2b0b61", created=AT)
    assert schema_errors(doc) == []


def test_the_where_why_and_which_return() -> None:
    received = event(E.RECEIVED, "received", location="HUB-FR:receiving")
    out = to_epcis(TracedEvent(received, rma_number="RMA00000001"), PLACES, "p")
    assert out.read_point == f"https://id.gs1.org/414/{GLN}/254/receiving"
    assert out.biz_location == f"https://id.gs1.org/414/{GLN}"
    assert (out.biz_step, out.disposition) == ("receiving", "returned")
    assert out.biz_transactions == (("rma", "urn:revalo:epcis:rma:RMA00000001"),)
    assert out.extra["revalo:lpn"] == "LPN000000007"
    # A site without a GLN is named under Revalo's namespace.
    other = to_epcis(TracedEvent(received), Places({}), "p")
    assert other.biz_location == "urn:revalo:epcis:site:HUB-FR"
    # The same event has the same ID each time; another installation gives another.
    assert out.event_id == to_epcis(TracedEvent(received), PLACES, "p").event_id
    assert out.event_id != to_epcis(TracedEvent(received), PLACES, "q").event_id


def test_a_wrong_disposition_word_is_caught_by_the_schema_and_by_the_model() -> None:
    good = to_epcis(TracedEvent(EVERY_KIND[0]), PLACES, "p")
    doc = ep.document([good], doc_id="urn:uuid:5b0f2a5e-9a41-4d2e-9d49-0e0f4d2b0b61", created=AT)
    doc["epcisBody"]["eventList"][0]["disposition"] = "returned_goods"
    errors = schema_errors(doc)
    assert errors and "epcisBody/eventList/0/disposition" in errors[0]
    with pytest.raises(InvalidValue, match="returned_goods"):
        ep.from_json(doc["epcisBody"]["eventList"][0])
    # A URI of the CBV's own namespace is not another vocabulary.
    with pytest.raises(InvalidValue, match="CBV"):
        ep.check_word("urn:epcglobal:cbv:disp:returned", ep.DISPOSITIONS, "disposition")


def test_a_location_that_is_not_a_uri_is_refused() -> None:
    good = to_epcis(TracedEvent(EVERY_KIND[0]), PLACES, "p")
    doc = ep.document([good], doc_id="urn:uuid:5b0f2a5e-9a41-4d2e-9d49-0e0f4d2b0b61", created=AT)
    doc["epcisBody"]["eventList"][0]["readPoint"] = {"id": "HUB FR receiving"}
    assert any("readPoint/id" in e for e in schema_errors(doc))


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON, the times compared as instants."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, str) and isinstance(b, str) and a != b:
        try:
            return ep.parse_time(a, "t") == ep.parse_time(b, "t")
        except InvalidValue:
            return False
    return bool(a == b)


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "examples").iterdir()))
def test_the_official_examples_validate_and_read_back_the_same(name: str) -> None:
    doc = json.loads((DATA / "examples" / name).read_text(encoding="utf-8"))
    assert schema_errors(doc) == []
    events = ep.events_of(doc)
    assert events
    for original, read in zip(doc["epcisBody"]["eventList"], events, strict=True):
        assert _same(ep.to_json(read), original), name
    again = ep.document(events, doc_id=doc.get("id", "urn:uuid:x"), created=AT)
    again["@context"] = doc["@context"]
    assert schema_errors(again) == []


def test_identifiers_read_back() -> None:
    assert unit_key("https://id.gs1.org/01/01234567890128/21/SN%201%2FA") == UnitKey(
        gtin="01234567890128", serial="SN 1/A"
    )
    assert unit_key(unit_epc("LPN000000007", None, None)) == UnitKey(lpn="LPN000000007")
    # SGTIN urn:epc:id:sgtin:0614141.107346.2017 is GTIN 10614141073464, serial 2017.
    assert unit_key("urn:epc:id:sgtin:0614141.107346.2017") == UnitKey(
        gtin="10614141073464", serial="2017"
    )
    assert unit_key("urn:epc:id:sscc:0614141.1234567890") is None
    assert place_key(f"https://id.gs1.org/414/{GLN}/254/receiving") == PlaceKey(gln=GLN)
    # SGLN urn:epc:id:sgln:0614141.07346.1234 is GLN 0614141073467.
    assert place_key("urn:epc:id:sgln:0614141.07346.1234") == PlaceKey(gln="0614141073467")
    assert place_key("urn:revalo:epcis:location:REP-FR:outbound") == PlaceKey(site_code="REP-FR")


def test_an_event_without_an_offset_or_of_an_unknown_type_is_named() -> None:
    with pytest.raises(InvalidValue, match="event 1: type 'ThingEvent'"):
        ep.events_of(
            {"type": "EPCISDocument", "epcisBody": {"eventList": [{"type": "ThingEvent"}]}}
        )
    with pytest.raises(InvalidValue, match="offset from UTC"):
        ep.from_json({"type": "ObjectEvent", "eventTime": "2026-03-02T09:30:00"})
