"""The carriers and their receipts as waste transporters: recorded by whoever manages the
network, listed with their status, and named on each waste-tracking slip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from revalo.domain.errors import InvalidValue
from revalo.domain.facilities import CertificateStatus
from revalo.domain.people import Permission, User
from revalo.domain.transporter_receipts import TransporterReceipt, in_force
from revalo.services.common import when
from revalo.services.guard import needs, reads
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.transport import Transport


@dataclass(frozen=True, slots=True)
class Carrier:
    """A carrier of the rate cards, its services, and its receipts with their status."""

    name: str
    services: tuple[str, ...]
    receipts: tuple[tuple[TransporterReceipt, CertificateStatus], ...]
    #: The receipt in force on the day the statuses are given for.
    in_force: TransporterReceipt | None


def carrier_names(transport: Transport) -> list[str]:
    """The carriers of the rate cards, in the order of the file."""
    return list(dict.fromkeys(s.carrier for s in transport.cards.services))


@needs(Permission.MANAGE_SITES)
@retried
def record_transporter_receipt(
    uow: UnitOfWork,
    transport: Transport,
    carrier: str,
    *,
    by: User,
    number: str,
    department: str,
    valid_until: date,
    at: datetime | None = None,
) -> TransporterReceipt:
    """Keep a carrier's receipt as a waste transporter; a number is kept once a carrier,
    and a receipt already expired is refused."""
    t = when(at)
    known = carrier_names(transport)
    name = " ".join(carrier.split())
    if name not in known:
        raise InvalidValue(
            f"{name or '(none)'} is not a carrier of the rate cards: {', '.join(known)}",
            field="carrier",
        )
    receipt = TransporterReceipt(
        carrier=name,
        number=number,
        department=department,
        valid_until=valid_until,
        recorded_by=by.login,
        recorded_at=t,
    )
    if receipt.valid_until < t.date():
        raise InvalidValue(
            f"the receipt {receipt.number} expired on {receipt.valid_until}: record the one in "
            "force",
            field="valid_until",
        )
    with uow:
        held = uow.certificates.transporter_receipts(name)
        if any(r.number == receipt.number for r in held):
            raise InvalidValue(f"{name} has the receipt {receipt.number} already", field="number")
        uow.certificates.add_transporter_receipt(receipt)
        uow.commit()
    return receipt


@reads(Permission.VIEW_CATALOGUE)
def carriers(
    uow: UnitOfWork, transport: Transport, *, by: User, on: date | None = None
) -> list[Carrier]:
    """Every carrier of the rate cards with its services and receipts (status on ``on``,
    today by default)."""
    day = on or when(None).date()
    with uow:
        held = uow.certificates.transporter_receipts()
    by_carrier: dict[str, list[TransporterReceipt]] = {}
    for r in held:
        by_carrier.setdefault(r.carrier, []).append(r)
    return [
        Carrier(
            name,
            tuple(s.id for s in transport.cards.services if s.carrier == name),
            tuple((r, r.status_on(day)) for r in by_carrier.get(name, ())),
            in_force(by_carrier.get(name, ()), day),
        )
        for name in carrier_names(transport)
    ]
