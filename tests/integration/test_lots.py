"""B2B lots through the services, on SQLite and PostgreSQL: the manifest, offers, the best
accepted, the shipment in one consignment, and two people at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.invariants import check_database
from revalo.domain.errors import NotAllowed
from revalo.domain.journey import ConsignmentKind
from revalo.domain.lots import LotState, OfferState
from revalo.domain.units import UnitState
from revalo.services import lots, queries, resale, stock
from revalo.services.lot_manifest import manifest_csv
from tests.conftest import World
from tests.integration.flows import snapshot
from tests.integration.lots_world import MANAGER, lot_of, ready_unit
from tests.integration.test_concurrency import together


def _ready(world: World, n: int, prefix: str = "SN-L") -> list[str]:
    return [ready_unit(world, world.laptop, f"{prefix}{i}") for i in range(n)]


def test_a_lots_manifest_lists_exactly_its_units(world: World) -> None:
    lpns = _ready(world, 3)
    other = ready_unit(world, world.laptop, "SN-OTHER")  # ready too, but not in the lot
    lot = lot_of(world, lpns[:2])
    lot = lots.add_units(world.app.uow(), lot.id, [lpns[2]], by=MANAGER)
    lot = lots.remove_unit(world.app.uow(), lot.id, lpns[0], by=MANAGER)
    view = lots.lot_view(world.app.uow(), lot.id, by=MANAGER)
    assert [u.lpn for u in view.lot.units] == [lpns[1], lpns[2]]
    text = manifest_csv(view.lot)
    rows = text.strip().splitlines()
    assert rows[0].split(",")[:4] == ["lpn", "serial", "sku", "functional_grade"]
    assert [r.split(",")[0] for r in rows[1:]] == [lpns[1], lpns[2]]
    assert "SN-L1" in rows[1] and other not in text and lpns[0] not in text
    # The removed unit is free for another lot; one in a lot leaves only with it.
    again = lot_of(world, [lpns[0]])
    assert [u.lpn for u in again.units] == [lpns[0]]
    with pytest.raises(NotAllowed, match="leaves with it"):
        stock.dispatch_unit(world.app.uow(), lpns[0], by=MANAGER)


def test_a_unit_not_ready_or_of_another_grade_or_in_a_lot_is_refused(world: World) -> None:
    lpns = _ready(world, 2)
    grade_a = ready_unit(world, world.laptop, "SN-A", functional="A")
    lot = lot_of(world, [lpns[0]])
    before = snapshot(world.app)
    for lpn, says in ((grade_a, "graded A"), (lpns[0], "is in lot")):
        with pytest.raises(NotAllowed, match=says):
            lots.add_units(world.app.uow(), lot.id, [lpns[1], lpn], by=MANAGER)
    with pytest.raises(NotAllowed, match="is in lot"):
        lot_of(world, [lpns[0]])
    assert snapshot(world.app) == before


def test_accepting_the_best_offer_ships_the_units_together(world: World) -> None:
    lpns = _ready(world, 3)
    lot = lot_of(world, lpns, reserve="500.00")
    low = lots.record_offer(
        world.app.uow(), lot.id, buyer_site="OUT-FR", amount=Decimal("450"), by=MANAGER
    )
    best = lots.record_offer(
        world.app.uow(), lot.id, buyer_site="OUT-FR", amount=Decimal("720"), by=MANAGER
    )
    mid = lots.record_offer(
        world.app.uow(), lot.id, buyer_site="OUT-FR", amount=Decimal("600"), by=MANAGER
    )
    with pytest.raises(NotAllowed, match=r"below lot .* reserve"):
        lots.accept_offer(world.app.uow(), lot.id, low.id, by=MANAGER)
    with pytest.raises(NotAllowed, match="better than offer"):
        lots.accept_offer(world.app.uow(), lot.id, mid.id, by=MANAGER)
    with pytest.raises(NotAllowed, match="lots are sold to outlets and resale partners"):
        lots.record_offer(
            world.app.uow(), lot.id, buyer_site="REC-FR", amount=Decimal("900"), by=MANAGER
        )

    sold = lots.accept_offer(world.app.uow(), lot.id, best.id, by=MANAGER, ship=True)
    assert sold.state is LotState.SHIPPED and sold.price == Decimal("720.00")
    view = lots.lot_view(world.app.uow(), lot.id, by=MANAGER)
    assert {o.id: o.state for o in view.offers} == {
        low.id: OfferState.DECLINED,
        best.id: OfferState.ACCEPTED,
        mid.id: OfferState.DECLINED,
    }
    assert view.invoice is not None
    assert (view.invoice.net, view.invoice.vat_rate, view.invoice.vat, view.invoice.gross) == (
        Decimal("720.00"),
        Decimal("20"),
        Decimal("144.00"),
        Decimal("864.00"),
    )
    # One consignment to the buyer carries every unit; each is sold for its share.
    c = orm.consignments.c
    with world.app.engine.connect() as conn:
        shipped = conn.execute(
            sa.select(c.id, c.units, c.destination).where(c.kind == ConsignmentKind.DISPATCH)
        ).all()
    assert [(n, dest) for _, n, dest in shipped] == [(3, "OUT-FR")]
    units = [queries.unit_detail(world.app.uow(), lpn, by=MANAGER).unit for lpn in lpns]
    assert {(u.state, u.location_code) for u in units} == {(UnitState.SOLD, None)}
    assert sum(u.proceeds or 0 for u in units) == Decimal("720.00")
    assert check_database(world.app.engine) == []


def test_a_failed_shipment_leaves_everything_as_it_was(world: World) -> None:
    lpns = _ready(world, 3)
    lot = lot_of(world, lpns)
    offer = lots.record_offer(
        world.app.uow(), lot.id, buyer_site="OUT-FR", amount=Decimal("400"), by=MANAGER
    )
    lots.accept_offer(world.app.uow(), lot.id, offer.id, by=MANAGER)
    # The last unit of the lot leaves for another hub meanwhile: it cannot go with the lot.
    stock.ship_unit(world.app.uow(), lpns[-1], to_site="HUB-DE", by=MANAGER)
    before = snapshot(world.app)
    with pytest.raises(NotAllowed, match="in transit"):
        lots.ship_lot(world.app.uow(), lot.id, by=MANAGER)
    assert snapshot(world.app) == before


def test_two_people_adding_one_unit_to_two_lots_put_it_in_one(world: World) -> None:
    (lpn,) = _ready(world, 1)
    first, second = lot_of(world, []), lot_of(world, [])
    got = together(
        2, lambda i: lots.add_units(world.app.uow(), (first, second)[i].id, [lpn], by=MANAGER)
    )
    refused = [r for r in got if isinstance(r, BaseException)]
    assert len(refused) == 1 and isinstance(refused[0], NotAllowed), got
    with world.app.engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from lot_units")).scalar() == 1
    assert check_database(world.app.engine) == []


def test_two_acceptances_on_one_lot_sell_it_once(world: World) -> None:
    lpns = _ready(world, 2)
    lot = lot_of(world, lpns, reserve="100.00")
    offers = [
        lots.record_offer(
            world.app.uow(), lot.id, buyer_site="OUT-FR", amount=Decimal("300"), by=MANAGER
        )
        for _ in range(2)
    ]
    got = together(
        4,
        lambda i: lots.accept_offer(
            world.app.uow(), lot.id, offers[i % 2].id, by=MANAGER, ship=True
        ),
    )
    assert sum(not isinstance(r, BaseException) for r in got) == 1, got
    assert all(isinstance(r, NotAllowed) for r in got if isinstance(r, BaseException))
    with world.app.engine.connect() as conn:
        states = conn.execute(sa.text("select state from lot_offers order by id")).scalars()
        assert sorted(states) == ["accepted", "declined"]
        dispatches = conn.execute(
            sa.text("select count(*) from consignments where kind = 'dispatch'")
        ).scalar()
        assert dispatches == 1
    assert check_database(world.app.engine) == []


def test_a_unit_is_either_listed_or_in_a_lot_never_both(world: World) -> None:
    """A unit sold with a lot gets no listing of its own; a unit with an open listing goes
    in no lot until the listing is withdrawn."""
    first, second = _ready(world, 2)
    lot_of(world, [first])
    with pytest.raises(NotAllowed, match=r"is in lot LOT.*sold with the lot"):
        resale.create_listing(world.app.uow(), first, by=MANAGER)
    listing = resale.create_listing(world.app.uow(), second, by=MANAGER)
    with pytest.raises(NotAllowed, match="has an open listing: withdraw it"):
        lot_of(world, [second])
    assert listing.id is not None
    resale.withdraw_listing(world.app.uow(), listing.id, by=MANAGER, reason="for a lot")
    assert [u.lpn for u in lot_of(world, [second]).units] == [second]
