"""Revalo's unit events as EPCIS 2.0 events, and EPCIS identifiers back to Revalo's.

What: a unit is named by its GS1 Digital Link (``https://id.gs1.org/01/{GTIN}/21/{serial}``)
when its GTIN and serial are known, otherwise by its LPN under Revalo's namespace
(``urn:revalo:epcis:lpn:LPN000123``). A consignment is named by its SSCC's Digital Link.
Where: a site by its GLN (``https://id.gs1.org/414/{GLN}``), a location inside it by the GLN
and its extension (AI 254: ``.../414/{GLN}/254/graded_stock``); a site without a GLN by its
code under Revalo's namespace. Why: a CBV 2.0 business step and disposition per event type
and state (``step_of``); the return as a business transaction of type ``rma``.

Every event keeps Revalo's own fields as extensions: ``revalo:lpn``, ``revalo:eventType``,
``revalo:state``, ``revalo:reason``, ``revalo:document`` and the event's details.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

from revalo.domain.epcis import REVALO_NS, EpcisEvent, EventKind
from revalo.domain.events import EventType, UnitEvent
from revalo.domain.values import gs1_check_digit

_E = EventType
_ID = "https://id.gs1.org"
REVALO_STEP = REVALO_NS + "bizstep:"

#: The business step of each event type (work and dispatch events: see ``step_of``).
_STEPS: dict[EventType, str] = {
    _E.RECEIVED: "receiving",
    _E.QUARANTINED: "holding",
    _E.RELEASED: "accepting",
    _E.MOVED: "storing",
    _E.INSPECTED: "inspecting",
    _E.DISPOSITION_RECORDED: REVALO_STEP + "deciding",
    _E.READY: "staging_outbound",
    _E.SHIPPED: "shipping",
    _E.ARRIVED: "receiving",
    _E.LISTED: "stocking",
    _E.PROCEEDS_RECORDED: REVALO_STEP + "proceeds_recording",
}
_WORK_STEPS = {
    "test": "inspecting",
    "clean": REVALO_STEP + "cleaning",
    "data_wipe": REVALO_STEP + "data_wiping",
    "repair": "repairing",
    "refurbish": "repairing",
    "harvest": "disassembling",
}
_WORK_EVENTS = frozenset({_E.WORK_STARTED, _E.WORK_RECORDED, _E.WORK_COMPLETED, _E.WORK_FAILED})
#: A unit leaving the parallel stock, by the state it left in.
_DISPATCH_STEPS = {
    "sold": "retail_selling",
    "restocked": "stocking",
    "disposed": "destroying",
    "harvested": "disassembling",
}
#: The disposition a unit has in each state.
_DISPOSITIONS = {
    "received": "in_progress",
    "quarantined": "non_sellable_other",
    "graded": "in_progress",
    "disposition_decided": "in_progress",
    "in_process": "in_progress",
    "ready": "in_progress",
    "listed": "sellable_not_accessible",
    "restocked": "sellable_not_accessible",
    "sold": "retail_sold",
    "sent_to_partner": "in_transit",
    "returned_to_vendor": "returned",
    "donated": "in_transit",
    "recycled": "disposed",
    "harvested": "destroyed",
    "disposed": "destroyed",
}


def step_of(event: UnitEvent) -> str:
    if event.type in _WORK_EVENTS:
        return _WORK_STEPS.get(str(event.detail.get("kind", "")), "repairing")
    if event.type is _E.DISPATCHED:
        return _DISPATCH_STEPS.get(event.state, "shipping")
    if event.type is _E.REPORTED:
        return str(event.detail.get("biz_step") or "other")
    return _STEPS[event.type]


def disposition_of(event: UnitEvent) -> str | None:
    if event.type is _E.RECEIVED:
        return "returned"
    if event.type is _E.INSPECTED and event.detail.get("hazardous"):
        return "damaged"
    if event.type is _E.INSPECTED:
        working = event.detail.get("functional_grade") in ("A", "B")
        return "conformant" if working else "non_conformant"
    if event.type is _E.WORK_COMPLETED:
        return "conformant"
    if event.type is _E.WORK_FAILED:
        return "non_conformant"
    if event.type is _E.SHIPPED:
        return "in_transit"
    if event.type is _E.PROCEEDS_RECORDED:
        return None
    if event.type is _E.REPORTED:
        return event.detail.get("disposition")
    return _DISPOSITIONS.get(event.state)


def event_types_of(biz_step: str) -> frozenset[EventType]:
    """The event types that may map to ``biz_step`` (a query narrows by them first)."""
    types = {t for t, s in _STEPS.items() if s == biz_step}
    if biz_step in _WORK_STEPS.values():
        types |= _WORK_EVENTS
    if biz_step in _DISPATCH_STEPS.values() or biz_step == "shipping":
        types.add(_E.DISPATCHED)
    return frozenset(types | {_E.REPORTED})


# -- identifiers --------------------------------------------------------------------------
def unit_epc(lpn: str, gtin: str | None, serial: str | None) -> str:
    if gtin and serial:
        return f"{_ID}/01/{gtin}/21/{quote(serial, safe='')}"
    return f"{REVALO_NS}lpn:{lpn}"


def part_epc(number: str) -> str:
    """A harvested part, by its number under Revalo's namespace."""
    return f"{REVALO_NS}part:{number}"


def sscc_uri(sscc: str) -> str:
    return f"{_ID}/00/{sscc}"


_EXTENSION = re.compile(r"^[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$")  # GS1 AI 254, CSET 82


@dataclass(frozen=True, slots=True)
class Places:
    """The GLN of each site that has one."""

    gln_by_site: Mapping[str, str] = field(default_factory=dict)

    def site(self, code: str) -> str:
        gln = self.gln_by_site.get(code)
        return f"{_ID}/414/{gln}" if gln else f"{REVALO_NS}site:{code}"

    def location(self, code: str) -> str:
        site, _, ext = code.partition(":")
        gln = self.gln_by_site.get(site)
        if gln and ext and _EXTENSION.match(ext):
            return f"{_ID}/414/{gln}/254/{quote(ext, safe='')}"
        return f"{REVALO_NS}location:{quote(code, safe=':')}"


@dataclass(frozen=True, slots=True)
class TracedEvent:
    """A unit event with what its EPCIS form needs of the unit and its consignment."""

    event: UnitEvent
    gtin: str | None = None
    serial: str | None = None
    rma_number: str | None = None
    #: The SSCC of the consignment a shipped unit travels in, when it has one.
    sscc: str | None = None


def event_id(seed: str, event: UnitEvent) -> str:
    """The same ID each time the event is exported (a receiver may drop a duplicate)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{REVALO_NS}{seed}/event/{event.id}')}"


def to_epcis(traced: TracedEvent, places: Places, seed: str) -> EpcisEvent:
    e = traced.event
    epc = unit_epc(e.lpn, traced.gtin, traced.serial)
    kind = EventKind.OBJECT
    epcs: tuple[str, ...] = (epc,)
    inputs: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    parent: str | None = None
    transformation: str | None = None
    action: str | None = "OBSERVE"
    if e.type is _E.WORK_COMPLETED and e.detail.get("kind") == "refurbish":
        # Refurbished: the returned item becomes the refurbisher's product, under its LPN.
        kind, epcs, inputs, outputs = (
            EventKind.TRANSFORMATION,
            (),
            (epc,),
            (unit_epc(e.lpn, None, None),),
        )
        transformation, action = f"{REVALO_NS}work-order:{e.document}", None
    elif e.type is _E.DISPATCHED and e.state == "harvested":
        # Taken apart: what it was goes in; the parts put into stock come out, each under
        # its own number (a unit dispatched for harvest elsewhere has none listed).
        kind, epcs, inputs, action = EventKind.TRANSFORMATION, (), (epc,), None
        outputs = tuple(part_epc(str(p)) for p in e.detail.get("parts", ()))
        transformation = f"{REVALO_NS}harvest:{e.lpn}"
    elif e.type in (_E.SHIPPED, _E.DISPATCHED) and traced.sscc:
        # Sent in a consignment: the unit is packed into that logistic unit (its SSCC).
        kind, epcs, parent, action = EventKind.AGGREGATION, (epc,), sscc_uri(traced.sscc), "ADD"
    extra: dict[str, Any] = {
        "revalo:lpn": e.lpn,
        "revalo:eventType": e.type.value,
        "revalo:state": e.state,
    }
    if e.reason:
        extra["revalo:reason"] = e.reason
    if e.document:
        extra["revalo:document"] = e.document
    if e.detail:
        extra["revalo:detail"] = dict(e.detail)
    destinations: tuple[tuple[str, str], ...] = ()
    to_site = e.detail.get("to_site") or e.detail.get("destination_site")
    if isinstance(to_site, str) and to_site:
        destinations = (("location", places.site(to_site)),)
    return EpcisEvent(
        kind=kind,
        event_time=e.occurred_at,
        event_id=event_id(seed, e),
        action=action,
        epcs=epcs,
        parent_id=parent,
        inputs=inputs,
        outputs=outputs,
        transformation_id=transformation,
        biz_step=step_of(e),
        disposition=disposition_of(e),
        read_point=places.location(e.location_code) if e.location_code else None,
        biz_location=places.site(e.site_code) if e.site_code else None,
        biz_transactions=(("rma", f"{REVALO_NS}rma:{traced.rma_number}"),)
        if traced.rma_number
        else (),
        destinations=destinations,
        extra=extra,
    )


# -- back from EPCIS ----------------------------------------------------------------------
_DL_ITEM = re.compile(r"^https?://[^/]+(?:/[^/]+)*?/01/(\d{14})/21/([^/?#]+)")
_SGTIN = re.compile(r"^urn:epc:id:sgtin:(\d+)\.(\d+)\.(.+)$")
_DL_GLN = re.compile(r"^https?://[^/]+(?:/[^/]+)*?/414/(\d{13})(?:/254/([^/?#]+))?")
_SGLN = re.compile(r"^urn:epc:id:sgln:(\d+)\.(\d*)\.(.*)$")


@dataclass(frozen=True, slots=True)
class UnitKey:
    """How an identifier names a unit: by GTIN and serial, or by LPN."""

    gtin: str | None = None
    serial: str | None = None
    lpn: str | None = None


def unit_key(uri: str) -> UnitKey | None:
    if uri.startswith(f"{REVALO_NS}lpn:"):
        return UnitKey(lpn=uri.removeprefix(f"{REVALO_NS}lpn:"))
    m = _DL_ITEM.match(uri)
    if m:
        return UnitKey(gtin=m[1], serial=unquote(m[2]))
    m = _SGTIN.match(uri)
    if m and len(m[1]) + len(m[2]) == 13:
        body = m[2][0] + m[1] + m[2][1:]
        return UnitKey(gtin=body + str(gs1_check_digit(body)), serial=unquote(m[3]))
    return None


@dataclass(frozen=True, slots=True)
class PlaceKey:
    gln: str | None = None
    site_code: str | None = None


def place_key(uri: str) -> PlaceKey | None:
    for prefix in (f"{REVALO_NS}site:", f"{REVALO_NS}location:"):
        if uri.startswith(prefix):
            return PlaceKey(site_code=unquote(uri.removeprefix(prefix)).partition(":")[0])
    m = _DL_GLN.match(uri)
    if m:
        return PlaceKey(gln=m[1])
    m = _SGLN.match(uri)
    if m and len(m[1]) + len(m[2]) == 12:
        body = m[1] + m[2]
        return PlaceKey(gln=body + str(gs1_check_digit(body)))
    return None
