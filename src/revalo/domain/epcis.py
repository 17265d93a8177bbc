"""GS1 EPCIS 2.0 events: the model, the Core Business Vocabulary (CBV 2.0) words, and their
JSON-LD form (EPCIS 2.0 section 12, the JSON/JSON-LD binding).

An ``EpcisEvent`` holds the fields Revalo reads and writes by name (what, when, where, why);
everything else an event carries (quantity lists, sensor data, ILMD, certification,
extensions of other parties) is kept as found in ``extra``, so that a document read and
written again says the same. Revalo's own fields are extensions under ``revalo:``
(``REVALO_NS``), declared in every document's ``@context``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from revalo.domain.cbv import BIZ_STEPS, CBV_URIS, DISPOSITIONS
from revalo.domain.errors import InvalidValue

#: The JSON-LD context of EPCIS 2.0 (named, never fetched).
EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
#: Where Revalo's own words and fields live (compact form ``revalo:lpn``).
REVALO_NS = "urn:revalo:epcis:"
CONTEXT: list[Any] = [EPCIS_CONTEXT, {"revalo": REVALO_NS}]


class EventKind(enum.StrEnum):
    OBJECT = "ObjectEvent"
    AGGREGATION = "AggregationEvent"
    TRANSACTION = "TransactionEvent"
    TRANSFORMATION = "TransformationEvent"
    ASSOCIATION = "AssociationEvent"


#: The fields an ``EpcisEvent`` reads by name, in the order they are written.
_NAMED = [
    "type",
    "eventTime",
    "eventTimeZoneOffset",
    "recordTime",
    "eventID",
    "action",
    "parentID",
    "epcList",
    "childEPCs",
    "inputEPCList",
    "outputEPCList",
    "transformationID",
    "bizStep",
    "disposition",
    "readPoint",
    "bizLocation",
    "bizTransactionList",
    "sourceList",
    "destinationList",
]
_LIST_OF = {
    EventKind.OBJECT: "epcList",
    EventKind.AGGREGATION: "childEPCs",
    EventKind.TRANSACTION: "epcList",
    EventKind.ASSOCIATION: "childEPCs",
}


@dataclass(frozen=True, slots=True)
class EpcisEvent:
    kind: EventKind
    event_time: datetime
    #: The offset of the place where it happened, ``+01:00`` (the time itself is absolute).
    time_zone_offset: str = "+00:00"
    event_id: str | None = None
    action: str | None = None
    #: The objects observed (ObjectEvent, TransactionEvent) or the children (aggregation).
    epcs: tuple[str, ...] = ()
    parent_id: str | None = None
    inputs: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    transformation_id: str | None = None
    biz_step: str | None = None
    disposition: str | None = None
    read_point: str | None = None
    biz_location: str | None = None
    #: (type or None, identifier) pairs.
    biz_transactions: tuple[tuple[str | None, str], ...] = ()
    sources: tuple[tuple[str, str], ...] = ()
    destinations: tuple[tuple[str, str], ...] = ()
    record_time: datetime | None = None
    #: Every other field, as found (JSON values).
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.event_time.tzinfo is None:
            raise InvalidValue(
                "an EPCIS event's time must say its offset from UTC", field="eventTime"
            )
        check_word(self.biz_step, BIZ_STEPS, "bizStep")
        check_word(self.disposition, DISPOSITIONS, "disposition")

    @property
    def objects(self) -> tuple[str, ...]:
        """Every object the event names, whatever its kind."""
        parent = (self.parent_id,) if self.parent_id else ()
        return self.epcs + self.inputs + self.outputs + parent


def check_word(value: str | None, words: frozenset[str], name: str) -> None:
    """A CBV word, or a URI of another vocabulary (not one made to look like the CBV's)."""
    if value is None or value in words:
        return
    if ":" in value and not value.startswith(CBV_URIS):
        return
    raise InvalidValue(
        f"{name} {value!r} is not a CBV 2.0 word (nor a URI of another vocabulary)", field=name
    )


# -- times --------------------------------------------------------------------------------
def format_time(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(value: Any, name: str) -> datetime:
    if not isinstance(value, str):
        raise InvalidValue(f"{name} must be a date and time, not {value!r}", field=name)
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise InvalidValue(
            f"{name} {value!r} is not an ISO 8601 date and time", field=name
        ) from None
    if at.tzinfo is None:
        raise InvalidValue(f"{name} {value!r} does not say its offset from UTC", field=name)
    return at


def offset_of(tz: timezone | None, at: datetime) -> str:
    delta = (tz or UTC).utcoffset(at) or timedelta(0)
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# -- JSON-LD ------------------------------------------------------------------------------
def to_json(event: EpcisEvent) -> dict[str, Any]:
    """The event as the JSON binding writes it (inside a document: no ``@context`` of its
    own unless it came with one, in ``extra``)."""
    out: dict[str, Any] = {"type": event.kind.value}
    out["eventTime"] = format_time(event.event_time)
    out["eventTimeZoneOffset"] = event.time_zone_offset
    if event.record_time is not None:
        out["recordTime"] = format_time(event.record_time)
    if event.event_id:
        out["eventID"] = event.event_id
    if event.action:
        out["action"] = event.action
    if event.parent_id:
        out["parentID"] = event.parent_id
    if event.kind in _LIST_OF and (event.epcs or _LIST_OF[event.kind] in event.extra):
        out[_LIST_OF[event.kind]] = list(event.epcs)
    if event.inputs:
        out["inputEPCList"] = list(event.inputs)
    if event.outputs:
        out["outputEPCList"] = list(event.outputs)
    if event.transformation_id:
        out["transformationID"] = event.transformation_id
    for key, value in (("bizStep", event.biz_step), ("disposition", event.disposition)):
        if value:
            out[key] = value
    if event.read_point:
        out["readPoint"] = {"id": event.read_point}
    if event.biz_location:
        out["bizLocation"] = {"id": event.biz_location}
    if event.biz_transactions:
        out["bizTransactionList"] = [
            ({"type": t} if t else {}) | {"bizTransaction": bt} for t, bt in event.biz_transactions
        ]
    if event.sources:
        out["sourceList"] = [{"type": t, "source": s} for t, s in event.sources]
    if event.destinations:
        out["destinationList"] = [{"type": t, "destination": d} for t, d in event.destinations]
    out.update({k: v for k, v in event.extra.items() if k not in out})
    return out


def _uris(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidValue(f"{name} must be a list of identifiers (URIs)", field=name)
    return tuple(value)


def _place(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("id"), str):
        raise InvalidValue(f'{name} must be an object with its "id" (a URI)', field=name)
    return str(value["id"])


def _pairs(value: Any, name: str, key: str, *, typed: bool) -> tuple[tuple[Any, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(v, dict) and isinstance(v.get(key), str) for v in value
    ):
        raise InvalidValue(f'{name} must be a list of objects, each with its "{key}"', field=name)
    if typed and not all(isinstance(v.get("type"), str) for v in value):
        raise InvalidValue(f'each of {name} must say its "type"', field=name)
    return tuple((v.get("type"), v[key]) for v in value)


def from_json(data: Any, where: str = "event") -> EpcisEvent:
    """One event of a document; an error names the event and the field."""
    if not isinstance(data, dict):
        raise InvalidValue(f"{where} is not a JSON object")
    try:
        kind = EventKind(str(data.get("type")))
    except ValueError:
        kinds = ", ".join(k.value for k in EventKind)
        raise InvalidValue(f"{where}: type {data.get('type')!r} is not one of {kinds}") from None
    try:
        when = parse_time(data.get("eventTime"), "eventTime")
        list_key = _LIST_OF.get(kind)
        return EpcisEvent(
            kind=kind,
            event_time=when,
            time_zone_offset=str(data.get("eventTimeZoneOffset") or offset_of(None, when)),
            event_id=data.get("eventID"),
            action=data.get("action"),
            epcs=_uris(data.get(list_key) if list_key else None, list_key or "epcList"),
            parent_id=data.get("parentID"),
            inputs=_uris(data.get("inputEPCList"), "inputEPCList"),
            outputs=_uris(data.get("outputEPCList"), "outputEPCList"),
            transformation_id=data.get("transformationID"),
            biz_step=data.get("bizStep"),
            disposition=data.get("disposition"),
            read_point=_place(data.get("readPoint"), "readPoint"),
            biz_location=_place(data.get("bizLocation"), "bizLocation"),
            biz_transactions=_pairs(
                data.get("bizTransactionList"), "bizTransactionList", "bizTransaction", typed=False
            ),
            sources=_pairs(data.get("sourceList"), "sourceList", "source", typed=True),
            destinations=_pairs(
                data.get("destinationList"), "destinationList", "destination", typed=True
            ),
            record_time=(
                parse_time(data["recordTime"], "recordTime") if "recordTime" in data else None
            ),
            extra=_extra(data, list_key),
        )
    except InvalidValue as exc:
        raise InvalidValue(f"{where} of the document: {exc.message}", field=exc.field) from None


def _extra(data: Mapping[str, Any], list_key: str | None) -> dict[str, Any]:
    extra = {k: v for k, v in data.items() if k not in _NAMED}
    if list_key and list_key in data and not data[list_key]:
        extra[list_key] = []  # an empty list said so, kept so
    return extra


def document(
    events: Iterable[EpcisEvent], *, doc_id: str, created: datetime, sender: str | None = None
) -> dict[str, Any]:
    """An EPCISDocument of ``events``."""
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "id": doc_id,
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": format_time(created),
    }
    if sender:
        doc["sender"] = sender
    doc["epcisBody"] = {"eventList": [to_json(e) for e in events]}
    return doc


def query_document(
    events: Iterable[EpcisEvent], *, query_name: str, created: datetime
) -> dict[str, Any]:
    """The answer of a query, as an EPCISQueryDocument."""
    return {
        "@context": CONTEXT,
        "type": "EPCISQueryDocument",
        "schemaVersion": "2.0",
        "creationDate": format_time(created),
        "epcisBody": {
            "queryResults": {
                "queryName": query_name,
                "resultsBody": {"eventList": [to_json(e) for e in events]},
            }
        },
    }


def events_of(doc: Any) -> list[EpcisEvent]:
    """The events of an EPCISDocument or EPCISQueryDocument, every bad one named."""
    if not isinstance(doc, dict):
        raise InvalidValue("an EPCIS document is a JSON object")
    body = doc.get("epcisBody")
    if doc.get("type") == "EPCISQueryDocument" and isinstance(body, dict):
        body = (body.get("queryResults") or {}).get("resultsBody")
    elif doc.get("type") != "EPCISDocument":
        raise InvalidValue(
            f"type {doc.get('type')!r}: an EPCISDocument or EPCISQueryDocument is expected"
        )
    raw = body.get("eventList") if isinstance(body, dict) else None
    if not isinstance(raw, list):
        raise InvalidValue("the document has no epcisBody.eventList")
    events, errors = [], []
    for i, item in enumerate(raw, start=1):
        try:
            events.append(from_json(item, f"event {i}"))
        except InvalidValue as exc:
            errors.append(exc.message)
    if errors:
        raise InvalidValue("; ".join(errors[:20]) + (" ..." if len(errors) > 20 else ""))
    return events


def ordered(events: Sequence[EpcisEvent]) -> list[EpcisEvent]:
    return sorted(events, key=lambda e: e.event_time)
