"""Receiving by scan: match the unit to its expected return, or quarantine it; never drop it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from revalo.domain.catalog import Site
from revalo.domain.clients import owner_of_received
from revalo.domain.errors import InvalidValue
from revalo.domain.notifications import NotificationKind
from revalo.domain.people import Permission, User, ensure_sees_site
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.domain.scan import ScanKind, ScannedCode
from revalo.domain.units import ReturnedUnit
from revalo.domain.values import format_lpn
from revalo.services.common import found, get_site, get_unit, record, when
from revalo.services.guard import ensure_handles, needs
from revalo.services.notifications import notify
from revalo.services.ports import UnitOfWork
from revalo.services.refunds import note_goods_received
from revalo.services.retry import retried
from revalo.services.transport import Transport, default_transport, inbound_leg


@dataclass(frozen=True, slots=True)
class ReceiveOutcome:
    """What a scan did. ``unit`` is None only for the label of a parcel or consignment of
    ours: it is known, and each item in it is scanned next."""

    unit: ReturnedUnit | None
    created: bool
    message: str
    rma_number: str | None = None
    quarantined: bool = False


@needs(Permission.RECEIVE)
@retried
def receive_scan(
    uow: UnitOfWork,
    scan: ScannedCode,
    *,
    site_code: str,
    by: User,
    rma_number: str | None = None,
    at: datetime | None = None,
    transport: Transport | None = None,
) -> ReceiveOutcome:
    """Receive what was scanned at a site. Scanning the same unit twice gives the same unit.

    A unit of an expected return gets its share of the return parcel's transport (booked
    with ``transport``, the shipped carriers file when None) as the first leg of its journey.
    """
    t = when(at)
    with uow:
        site = get_site(uow, site_code)
        ensure_sees_site(by, Permission.RECEIVE, site.code)
        outcome = _receive(uow, scan, site, by.login, rma_number, t, transport)
        uow.commit()
    return outcome


def _receive(
    uow: UnitOfWork,
    scan: ScannedCode,
    site: Site,
    operator: str,
    rma_number: str | None,
    at: datetime,
    transport: Transport | None,
) -> ReceiveOutcome:
    if scan.kind is ScanKind.LPN:
        assert scan.lpn is not None
        # A label of ours, or one we did not issue but have quarantined already.
        unit = uow.units.by_lpn(scan.lpn, lock=True) or uow.units.by_scanned_code(
            scan.lpn, lock=True
        )
        if unit is not None:
            return _known(uow, unit, site, operator, at)
        return _new(
            uow,
            site,
            operator,
            at,
            quarantine=f"LPN {scan.lpn} is not in Revalo",
            scanned_code=scan.lpn,
        )
    if scan.kind is ScanKind.PARCEL:
        assert scan.sscc is not None
        unit = uow.units.by_sscc(scan.sscc, lock=True)
        if unit is not None:
            return _known(uow, unit, site, operator, at)
        parcel = uow.consignments.by_sscc(scan.sscc)
        if parcel is not None and parcel.rma_number:
            # Our own return label: the parcel is expected; what is inside is scanned next.
            return ReceiveOutcome(
                None,
                False,
                f"parcel {scan.sscc} of return {parcel.rma_number}: open it and scan each item",
                rma_number=parcel.rma_number,
            )
        if parcel is not None:
            # A consignment between our sites or to a partner: its units have our labels.
            return ReceiveOutcome(
                None,
                False,
                f"consignment {parcel.reference} (SSCC {scan.sscc}) from {parcel.origin}: "
                f"open it and scan the licence plate of each of its {parcel.units} unit(s)",
            )
        return _new(
            uow,
            site,
            operator,
            at,
            sscc=scan.sscc,
            scanned_code=scan.raw,
            quarantine=f"parcel SSCC {scan.sscc}: no return expects it; "
            "open it and identify what is inside",
        )
    assert scan.gtin is not None
    if scan.serial:
        # Found by what is printed on it, so that an unknown product scanned twice is one unit.
        unit = uow.units.by_gtin_serial(scan.gtin, scan.serial, lock=True)
        if unit is not None:
            return _known(uow, unit, site, operator, at)
    product = uow.products.by_gtin(scan.gtin)
    ident: dict[str, Any] = {
        "gtin": scan.gtin,
        "serial": scan.serial,
        "batch": scan.batch,
        "scanned_code": scan.raw,
    }
    if product is None:
        return _new(
            uow,
            site,
            operator,
            at,
            **ident,
            quarantine=f"unknown product: no product has GTIN {scan.gtin}",
        )
    rma, line_no, elsewhere = _expected(uow, product.sku, scan.serial, rma_number, site.code)
    if rma is None:
        what = f"{product.name} (GTIN {scan.gtin}" + (
            f", serial {scan.serial})" if scan.serial else ")"
        )
        where = f"return {rma_number} does not expect" if rma_number else "no open return expects"
        if elsewhere:
            where = f"no return bound for {site.code} expects"
            what += f"; returns bound for {elsewhere} do: check where it should have gone"
        return _new(
            uow,
            site,
            operator,
            at,
            sku=product.sku,
            client_code=product.client_code,
            **ident,
            quarantine=f"unexpected: {where} {what}",
        )
    # Refused before anything is counted when the return's client is not the product's.
    owner = owner_of_received(
        rma_number=rma.number,
        return_client=rma.client_code,
        sku=product.sku,
        product_client=product.client_code,
    )
    line = rma.line(line_no)
    rma.record_receipt(line)
    note_goods_received(uow, rma, at.date())
    if rma.state is ReturnState.RECEIVED:
        notify(uow, NotificationKind.RETURN_RECEIVED, rma, at)
    outcome = _new(
        uow,
        site,
        operator,
        at,
        sku=product.sku,
        **ident,
        rma_number=rma.number,
        rma_line_no=line_no,
        client_code=owner,
        document=rma.number,
        # A misrouted parcel's trip is not known: no leg is made up for it.
        carried_by=None if elsewhere else (rma, transport or default_transport()),
    )
    if elsewhere:
        message = (
            f"{outcome.message}: misrouted, the return was bound for {elsewhere}, not "
            f"{site.code}; no transport leg is recorded for it"
        )
        return replace(outcome, message=message)
    return outcome


def _expected(
    uow: UnitOfWork, sku: str, serial: str | None, rma_number: str | None, site_code: str
) -> tuple[ReturnRequest | None, int, str | None]:
    """The return and line a unit of ``sku`` received at ``site_code`` fills, the return
    locked (its line's count changes), and the hub the return was bound for when that is
    another one (the parcel was misrouted). A candidate filled by a concurrent receipt
    meanwhile is passed over.

    Returns bound for this site come first. A return bound for another hub takes the unit
    only when the unit is that return's for certain: its parcel's label was scanned
    (``rma_number``), or its serial is the one the return's line names. Otherwise nothing
    matches (a bare GTIN may be anybody's), and the other hub is given as a hint."""
    if rma_number:
        number = rma_number.strip().upper()
        named = found(uow.returns.get(number, lock=True), f"no return {rma_number!r}", "rma_number")
        line = named.match_line(sku, serial) if named.expects_units else None
        if line is None:
            return None, 0, None
        return named, line.line_no, _other_hub(named, site_code)
    numbers = uow.returns.expecting(sku, serial)
    hint = None
    for rma in (uow.returns.get(n, lock=True) for n in numbers):
        if rma is None or not rma.expects_units:
            continue
        line = rma.match_line(sku, serial)
        if line is None:
            continue
        other = _other_hub(rma, site_code)
        if other is None or (serial is not None and line.serial == serial):
            return rma, line.line_no, other
        hint = hint or other
    return None, 0, hint


def _other_hub(rma: ReturnRequest, site_code: str) -> str | None:
    bound = rma.destination_site
    return bound if bound is not None and bound != site_code else None


def _new(
    uow: UnitOfWork,
    site: Site,
    operator: str,
    at: datetime,
    *,
    quarantine: str = "",
    document: str = "",
    carried_by: tuple[ReturnRequest, Transport] | None = None,
    **identity: Any,
) -> ReceiveOutcome:
    n = uow.sequences.next("unit")
    unit, change = ReturnedUnit.receive(
        id=n, lpn=format_lpn(n), site=site, at=at, actor=operator, document=document, **identity
    )
    uow.units.add(unit)
    if carried_by is not None:
        inbound_leg(uow, carried_by[1], carried_by[0], unit, change)
    record(uow, change)
    if quarantine:
        record(uow, unit.quarantine(reason=quarantine, at=at, actor=operator))
        return ReceiveOutcome(unit, True, f"{unit.lpn} quarantined: {quarantine}", quarantined=True)
    return ReceiveOutcome(
        unit,
        True,
        f"{unit.lpn} received for return {unit.rma_number} line {unit.rma_line_no}",
        rma_number=unit.rma_number,
    )


def _known(
    uow: UnitOfWork, unit: ReturnedUnit, site: Site, operator: str, at: datetime
) -> ReceiveOutcome:
    """A unit scanned again: if it was on its way here it has arrived, else nothing changes."""
    if unit.in_transit and unit.site_code == site.code:
        record(uow, unit.arrive(at=at, actor=operator))
        return ReceiveOutcome(
            unit, False, f"{unit.lpn} arrived at {site.code}", rma_number=unit.rma_number
        )
    where = unit.location_code or f"left the stock ({unit.state.value})"
    return ReceiveOutcome(
        unit,
        False,
        f"{unit.lpn} was already received; it is at {where}",
        rma_number=unit.rma_number,
        quarantined=unit.quarantine_reason != "",
    )


def receive_found(
    uow: UnitOfWork,
    site: Site,
    *,
    code: str,
    reason: str,
    actor: str,
    at: datetime,
    gtin: str | None = None,
    serial: str | None = None,
) -> ReturnedUnit:
    """An item found on the floor that Revalo does not know: received as unexpected, into
    quarantine with ``reason``, as a scan at receiving does (under the GTIN and serial its
    barcode gave, when it gave them). Inside the caller's transaction."""
    ident: dict[str, Any] = {"gtin": gtin, "serial": serial} if gtin else {}
    product = uow.products.by_gtin(gtin) if gtin else None
    if product is not None:
        ident |= {"sku": product.sku, "client_code": product.client_code}
    outcome = _new(uow, site, actor, at, scanned_code=code[:200], quarantine=reason, **ident)
    assert outcome.unit is not None
    return outcome.unit


@needs(Permission.RECEIVE)
@retried
def quarantine_unidentified(
    uow: UnitOfWork,
    *,
    site_code: str,
    description: str,
    by: User,
    code: str = "",
    at: datetime | None = None,
) -> ReceiveOutcome:
    """An item whose barcode cannot be read or is unknown: it gets an LPN and waits in
    quarantine with the handler's description."""
    if not description.strip():
        raise InvalidValue("describe the item so that someone can identify it", field="description")
    with uow:
        site = get_site(uow, site_code)
        ensure_sees_site(by, Permission.RECEIVE, site.code)
        outcome = _new(
            uow,
            site,
            by.login,
            when(at),
            scanned_code=code[:200],
            quarantine=f"unidentified: {description.strip()}",
        )
        uow.commit()
    return outcome


@needs(Permission.QUARANTINE)
@retried
def quarantine_unit(
    uow: UnitOfWork, lpn: str, *, reason: str, by: User, at: datetime | None = None
) -> ReturnedUnit:
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.QUARANTINE, unit)
        record(uow, unit.quarantine(reason=reason, at=when(at), actor=by.login))
        uow.commit()
    return unit


@needs(Permission.RELEASE)
@retried
def release_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    by: User,
    reason: str,
    sku: str | None = None,
    at: datetime | None = None,
) -> ReturnedUnit:
    """Release a unit from quarantine, naming its product when it was not identified."""
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.RELEASE, unit)
        gtin = owner = None
        if sku:
            product = found(uow.products.get(sku.strip().upper()), f"no product {sku!r}", "sku")
            sku, gtin, owner = product.sku, product.gtin, product.client_code
        record(
            uow,
            unit.release(
                at=when(at),
                actor=by.login,
                reason=reason or "released",
                sku=sku,
                gtin=gtin,
                product_client=owner,
            ),
        )
        uow.commit()
    return unit
