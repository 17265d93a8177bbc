"""The units' events as GS1 EPCIS 2.0: queried and exported by whoever may see the units, and
captured from a partner (its receipts, its repairs done) with every event checked first.

Each EPCIS event a partner sends is applied once, for each unit it names: a receipt at the
site a unit is on its way to is that unit's arrival; a repair or test begun (a ``repairing``
or ``inspecting`` event, ``in_progress``) starts the unit's open work order of that kind at
that site, and one done (``conformant`` or ``non_conformant``) finishes the one in progress
(with the minutes, parts and notes it gives under ``revalo:``); anything else is kept on the
unit's timeline as what the partner reported. A document with one bad event changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from revalo.domain import epcis as ep
from revalo.domain.cbv import BIZ_STEPS
from revalo.domain.epcis_mapping import Places, event_types_of, place_key, to_epcis, unit_key
from revalo.domain.errors import DomainError, InvalidValue, PermissionDenied
from revalo.domain.people import Permission, User, ensure_sees_site
from revalo.domain.units import ReturnedUnit
from revalo.domain.values import as_utc
from revalo.domain.work_orders import WorkOrder, WorkOrderKind, WorkOrderState
from revalo.services.common import record, when
from revalo.services.epcis_ports import TraceFilter
from revalo.services.guard import needs
from revalo.services.ports import UnitFilter, UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import units_for
from revalo.services.work_orders import finish_loaded

#: The most events one query answers.
MAX_LIMIT = 1000
_CHUNK = 2000
_RECEIPTS = frozenset({"receiving", "arriving", "accepting"})
_WORK_OF_STEP = {
    "repairing": frozenset({WorkOrderKind.REPAIR, WorkOrderKind.REFURBISH}),
    "inspecting": frozenset({WorkOrderKind.TEST}),
}
_DONE = {"conformant": True, "non_conformant": False}
_CENT = Decimal("0.01")
#: The most a partner's parts for one order may cost (EUR).
_MAX_PARTS_EUR = Decimal("100000")
#: The longest notes a partner may send with its work (as the API's).
_MAX_NOTES = 2000
#: The disposition of a repair or test begun.
_STARTED = "in_progress"
#: How far ahead of the server's clock an event may say it happened (clocks drift).
_CLOCK_SLACK = timedelta(minutes=10)

SchemaCheck = Callable[[Any], list[str]]


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[ep.EpcisEvent]
    #: Whether more events follow the page.
    more: bool


def _scoped(by: User, flt: TraceFilter) -> TraceFilter:
    narrowed = units_for(by, UnitFilter(site_code=flt.site_code), Permission.EXPORT_EVENTS)
    return replace(flt, client_code=narrowed.client_code, seen_at=narrowed.seen_at)


def _matching(
    uow: UnitOfWork, flt: TraceFilter, biz_step: str | None, seed: str
) -> Iterator[ep.EpcisEvent]:
    places = Places(uow.traces.glns())
    if biz_step:
        flt = replace(flt, types=event_types_of(biz_step))
    offset = 0
    while True:
        rows = uow.traces.events(flt, limit=_CHUNK, offset=offset)
        for traced in rows:
            event = to_epcis(traced, places, seed)
            if biz_step is None or event.biz_step == biz_step:
                yield event
        if len(rows) < _CHUNK:
            return
        offset += _CHUNK


@needs(Permission.EXPORT_EVENTS)
def query_events(
    uow: UnitOfWork,
    *,
    by: User,
    seed: str,
    since: datetime | None = None,
    until: datetime | None = None,
    lpn: str | None = None,
    site_code: str | None = None,
    biz_step: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> EventPage:
    """A page of the events ``by`` may see, oldest first. ``seed`` makes the event IDs
    (the GS1 company prefix: the same event has the same ID in every export)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidValue(f"limit must be 1 to {MAX_LIMIT}", field="limit")
    if offset < 0:
        raise InvalidValue("offset must be zero or more", field="offset")
    if biz_step:
        ep.check_word(biz_step, BIZ_STEPS, "bizStep")
    flt = _filter(by, since, until, lpn, site_code)
    found: list[ep.EpcisEvent] = []
    with uow.read_only() as reader:
        for i, event in enumerate(_matching(reader, flt, biz_step, seed)):
            if i >= offset + limit:
                return EventPage(found, more=True)
            if i >= offset:
                found.append(event)
    return EventPage(found, more=False)


@needs(Permission.EXPORT_EVENTS)
def export_events(
    uow: UnitOfWork,
    *,
    by: User,
    seed: str,
    since: datetime | None = None,
    until: datetime | None = None,
    site_code: str | None = None,
) -> list[ep.EpcisEvent]:
    """Every event of the period ``by`` may see, oldest first."""
    flt = _filter(by, since, until, None, site_code)
    with uow.read_only() as reader:
        return list(_matching(reader, flt, None, seed))


def _filter(
    by: User,
    since: datetime | None,
    until: datetime | None,
    lpn: str | None,
    site_code: str | None,
) -> TraceFilter:
    since = as_utc(since) if since else None
    until = as_utc(until) if until else None
    if since and until and until <= since:
        raise InvalidValue("the end of the period must come after its start", field="until")
    flt = TraceFilter(
        since=since,
        until=until,
        lpn=lpn.strip().upper() if lpn else None,
        site_code=site_code.strip().upper() if site_code else None,
    )
    return _scoped(by, flt)


# -- capture ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Captured:
    #: What was done, one line per unit and event ("LPN000000012 arrived at REP-FR-IT").
    applied: list[str]
    #: The (event, unit) pairs captured before, left as they were.
    already: int


@needs(Permission.CAPTURE_EVENTS)
@retried
def capture(
    uow: UnitOfWork,
    document: Any,
    *,
    by: User,
    schema_errors: SchemaCheck,
    at: datetime | None = None,
) -> Captured:
    """Apply a partner's EPCIS document: all of it, or (any event refused) none of it."""
    problems = schema_errors(document)
    if problems:
        raise InvalidValue(
            "the document is not valid EPCIS 2.0: " + "; ".join(problems), field="document"
        )
    events = ep.events_of(document)
    now = when(at)
    applied: list[str] = []
    already = 0
    errors: list[str] = []
    with uow:
        for n, event in enumerate(events, start=1):
            try:
                done, seen = _apply(uow, event, by, now)
            except PermissionDenied:
                raise  # not the document's fault: refused as such
            except DomainError as exc:
                errors.append(f"event {n}: {exc.message}")
                continue
            applied += done
            already += seen
        if errors:
            raise InvalidValue("nothing was captured: " + "; ".join(errors[:20]), field="document")
        uow.commit()
    return Captured(applied, already)


def _apply(uow: UnitOfWork, event: ep.EpcisEvent, by: User, now: datetime) -> tuple[list[str], int]:
    if not event.event_id:
        raise InvalidValue("it has no eventID: each event is applied once, by its eventID")
    if as_utc(event.event_time) > now + _CLOCK_SLACK:
        raise InvalidValue(f"it happens in the future ({ep.format_time(event.event_time)})")
    site = _site(uow, event)
    ensure_sees_site(by, Permission.CAPTURE_EVENTS, site)
    # The units it names (a pallet or parcel it names as the parent is not one).
    uris = event.epcs + event.inputs + event.outputs
    if not uris:
        raise InvalidValue("it names no unit (epcList, childEPCs, inputEPCList ...)")
    units = {u.id: u for u in (_unit(uow, uri) for uri in uris)}
    done: list[str] = []
    seen = 0
    for unit in units.values():
        if uow.traces.captured(event.event_id, unit.id):
            seen += 1
            continue
        outcome = _effect(uow, unit, event, site, by)
        uow.traces.add_capture(
            event.event_id, unit_id=unit.id, at=now, by=by.login, outcome=outcome
        )
        done.append(f"{unit.lpn} {outcome}")
    return done, seen


def _site(uow: UnitOfWork, event: ep.EpcisEvent) -> str:
    uri = event.biz_location or event.read_point
    if uri is None:
        raise InvalidValue("it says no place (bizLocation or readPoint)")
    key = place_key(uri)
    code = None
    if key is not None and key.gln:
        code = uow.traces.site_of_gln(key.gln)
    elif key is not None and key.site_code and uow.sites.get(key.site_code) is not None:
        code = key.site_code
    if code is None:
        raise InvalidValue(f"no site of Revalo is {uri}")
    return code


def _unit(uow: UnitOfWork, uri: str) -> ReturnedUnit:
    key = unit_key(uri)
    unit = None
    if key is not None and key.lpn:
        unit = uow.units.by_lpn(key.lpn, lock=True)
    elif key is not None and key.gtin and key.serial:
        unit = uow.units.by_gtin_serial(key.gtin, key.serial, lock=True)
    if unit is None:
        raise InvalidValue(f"no unit of Revalo is {uri}")
    return unit


def _effect(uow: UnitOfWork, unit: ReturnedUnit, event: ep.EpcisEvent, site: str, by: User) -> str:
    at = as_utc(event.event_time)
    if event.biz_step in _RECEIPTS and unit.in_transit and unit.site_code == site:
        record(uow, unit.arrive(at=at, actor=by.login))
        return f"arrived at {site}"
    kinds = _WORK_OF_STEP.get(event.biz_step or "")
    if kinds and event.disposition == _STARTED:
        order = _order(uow, unit, kinds, site, WorkOrderState.OPEN)
        if order is not None:
            order.start(operator=by.login, at=at)
            record(uow, unit.start_work(order, at=at, actor=by.login))
            return f"{order.number} started at {site}"
    succeeded = _DONE.get(event.disposition or "")
    if kinds and succeeded is not None:
        order = _order(uow, unit, kinds, site, WorkOrderState.IN_PROGRESS)
        if order is not None:
            minutes = event.extra.get("revalo:labourMinutes", 0)
            notes = _notes(event.extra.get("revalo:notes"))
            finish_loaded(
                uow,
                order,
                unit,
                succeeded=succeeded,
                at=at,
                actor=by.login,
                labour_minutes=minutes if isinstance(minutes, int) else 0,
                parts_cost=_parts_cost(event.extra.get("revalo:partsCostEur")),
                notes=notes,
            )
            return f"{order.number} {'done' if succeeded else 'failed'} at {site}"
    detail = {
        "biz_step": event.biz_step,
        "disposition": event.disposition,
        "event_id": event.event_id,
        "site": site,
    }
    what = " / ".join(str(v) for v in (event.biz_step, event.disposition) if v)
    record(uow, unit.report(at=at, actor=by.login, reason=f"{site}: {what}", detail=detail))
    return f"reported by {site}: {what or 'an observation'}"


def _order(
    uow: UnitOfWork,
    unit: ReturnedUnit,
    kinds: frozenset[WorkOrderKind],
    site: str,
    state: WorkOrderState,
) -> WorkOrder | None:
    """The unit's first work order of one of ``kinds`` at ``site`` in ``state``, locked."""
    order = next(
        (
            wo
            for wo in uow.work_orders.for_unit(unit.id)
            if wo.kind in kinds and wo.state is state and wo.site_code == site
        ),
        None,
    )
    return None if order is None else uow.work_orders.get(order.id, lock=True) or order


def _parts_cost(value: object) -> Decimal:
    """The parts a partner fitted, in EUR (``revalo:partsCostEur``, a decimal as text)."""
    if value is None:
        return Decimal("0")
    try:
        amount = Decimal(value) if isinstance(value, str) else None
    except InvalidOperation:
        amount = None
    if (
        amount is None
        or not amount.is_finite()
        or not 0 <= amount <= _MAX_PARTS_EUR
        or amount != amount.quantize(_CENT)
    ):
        raise InvalidValue(
            f"revalo:partsCostEur must be an amount in EUR as text, from 0 to {_MAX_PARTS_EUR} "
            f"with at most 2 decimals, not {value}"
        )
    return amount


def _notes(value: object) -> str:
    """What the partner's technician wrote (``revalo:notes``)."""
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > _MAX_NOTES:
        raise InvalidValue(f"revalo:notes must be text of at most {_MAX_NOTES} characters")
    return value
