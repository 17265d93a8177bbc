"""Put-away by scan: Revalo proposes a bin, the handler scans the unit then the bin.

The bin's row is locked before its fill is read, so two put-aways into its last place at
once take turns: the second reads the first one's unit in the bin and is refused.
"""

from __future__ import annotations

from datetime import datetime

from revalo.domain.errors import NotAllowed, NotFound
from revalo.domain.floor.bins import Bin, Fill, Item
from revalo.domain.floor.putaway import Proposal, ensure_fits, propose
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.services.common import found, get_unit, record, when
from revalo.services.guard import ensure_handles, needs, reads
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.transport import item_of


def item_for(uow: UnitOfWork, unit: ReturnedUnit) -> Item:
    """What the put-away rules need to know of the unit."""
    carried = item_of(uow, unit)
    product = uow.products.get(unit.sku) if unit.sku else None
    return Item(
        lpn=unit.lpn,
        mass_kg=carried.weight_kg,
        volume_m3=carried.volume_m3,
        data_bearing=bool(product and product.data_bearing),
        bulky=carried.bulky,
        damaged_lithium=carried.damaged_lithium,
        wiped=unit.data_wiped_at is not None,
    )


def zone_of(uow: UnitOfWork, unit: ReturnedUnit) -> str:
    """The zone the unit is in (its location's kind: a bin is in the zone it belongs to)."""
    if unit.location_code is None:
        raise NotAllowed(f"unit {unit.lpn} has left the parallel stock", field="lpn")
    location = found(uow.sites.location(unit.location_code), f"no location {unit.location_code}")
    return location.kind.value


def proposal_for(uow: UnitOfWork, unit: ReturnedUnit, item: Item) -> Proposal:
    bins = uow.floor.bins(unit.site_code, zone=zone_of(uow, unit))
    fills = uow.floor.fills([b.code for b in bins])

    return propose(
        item, [(b, fills.get(b.code, Fill())) for b in bins if b.code != unit.location_code]
    )


@reads(Permission.MOVE)
def propose_bin(uow: UnitOfWork, lpn: str, *, by: User) -> Proposal:
    """The bin the unit should go into, by the rules and the room left (or why none)."""
    with uow:
        unit = get_unit(uow, lpn)
        return proposal_for(uow, unit, item_for(uow, unit))


def get_bin(uow: UnitOfWork, code: str, *, lock: bool = False) -> Bin:
    b = uow.floor.bin(code, lock=lock)
    if b is None:
        raise NotFound(f"no bin {code.strip().upper()!r}", field="bin")
    return b


def place(uow: UnitOfWork, unit: ReturnedUnit, bin_code: str, *, actor: str, at: datetime) -> Bin:
    """Move the (locked) unit into the bin, its row locked first: refused with the reason
    when the rules or the room left say no. Inside the caller's transaction."""
    b = get_bin(uow, bin_code, lock=True)
    if b.site_code != unit.site_code:
        raise NotAllowed(
            f"bin {b.code} is not at {unit.site_code}, where {unit.lpn} is", field="bin"
        )
    zone = zone_of(uow, unit)
    if b.zone.value != zone:
        raise NotAllowed(
            f"bin {b.code} is in the {b.zone.value} zone and {unit.lpn} in {zone}: a put-away "
            "stays in the unit's zone",
            field="bin",
        )
    fill = uow.floor.fills([b.code]).get(b.code, Fill())
    ensure_fits(b, item_for(uow, unit), fill)
    change = unit.move(
        from_location=unit.location_code, to_location=b.code, at=at, actor=actor, reason="put away"
    )
    record(uow, change)
    return b


@needs(Permission.MOVE)
@retried
def put_away(
    uow: UnitOfWork, lpn: str, bin_code: str, *, by: User, at: datetime | None = None
) -> ReturnedUnit:
    """The handler scanned the unit, then the bin: the unit is moved into it (a move of the
    ledger), or the put-away is refused with the reason."""
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.MOVE, unit)
        place(uow, unit, bin_code, actor=by.login, at=when(at))
        uow.commit()
    return unit
