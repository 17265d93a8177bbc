"""A partner accepts by scan what was handed over to it, on SQLite and PostgreSQL: the units
of a lot it bought and a unit sent to it, each once; a scan of anything else refused by
name with nothing written; a partner kept to its own; two scans of one unit at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_partners import partner_receipts
from revalo.domain.deliveries import HandedUnit
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import Conflict, InvalidValue, NotFound, PermissionDenied
from revalo.domain.people import Role
from revalo.services import deliveries, lots
from tests.conftest import World
from tests.integration.compliance_world import send, unit
from tests.integration.flows import grade, snapshot
from tests.integration.lots_world import MANAGER, lot_of, ready_unit
from tests.integration.test_concurrency import no_violations, together
from tests.people import add_person


def _accepted(world: World) -> list[str]:
    with world.app.engine.connect() as conn:
        stmt = sa.select(partner_receipts.c.site_code).order_by(partner_receipts.c.unit_id)
        return [str(s) for (s,) in conn.execute(stmt)]


def _bought(world: World, n: int) -> list[str]:
    lpns = [ready_unit(world, world.laptop, f"DL{i}") for i in range(n)]
    lot = lot_of(world, lpns)
    offer = lots.record_offer(
        world.app.uow(), lot.id, buyer_site="OUT-FR", amount=Decimal("400"), by=MANAGER
    )
    lots.accept_offer(world.app.uow(), lot.id, offer.id, by=MANAGER, ship=True)
    return lpns


def test_a_partner_accepts_a_lot_it_bought_unit_by_unit(world: World) -> None:
    lpns = _bought(world, 2)
    outlet = add_person(world.app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    before = snapshot(world.app)
    expected = deliveries.deliveries(world.app.uow(), by=outlet, site_code="out-fr")
    assert snapshot(world.app) == before
    assert sorted(u.lpn for u in expected) == sorted(lpns)
    assert {u.lot for u in expected} == {"LOT00000001"} and not any(u.accepted for u in expected)
    got = deliveries.accept(world.app.uow(), site_code="OUT-FR", code=lpns[0].lower(), by=outlet)
    assert (got.lpn, got.received_by) == (lpns[0], "outlet")
    with pytest.raises(Conflict, match=f"unit {lpns[0]} was accepted already, by outlet"):
        deliveries.accept(world.app.uow(), site_code="OUT-FR", code=lpns[0], by=outlet)
    after = deliveries.deliveries(world.app.uow(), by=outlet, site_code="OUT-FR")
    assert [u.accepted for u in after] == [False, True]  # what waits comes first
    assert _accepted(world) == ["OUT-FR"]


def test_only_what_was_handed_over_to_it_and_only_its_own(world: World) -> None:
    lpn = unit(world, "DRILL-18", "V1")
    grade(world, lpn, "B", "B")
    send(world, lpn, DispositionRoute.RETURN_TO_VENDOR, "VEN-LUMEN")
    kept = unit(world, "DRILL-18", "V2")
    vendor = add_person(world.app, "vendor", [Role.PARTNER], partner_sites=["VEN-LUMEN"])
    outlet = add_person(world.app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    for code, message in [
        (kept, f"{kept} is no unit handed over to VEN-LUMEN"),
        ("  ", "scan the unit's LPN or serial"),
    ]:
        with pytest.raises(InvalidValue, match=message):
            deliveries.accept(world.app.uow(), site_code="VEN-LUMEN", code=code, by=vendor)
    with pytest.raises(PermissionDenied):
        deliveries.accept(world.app.uow(), site_code="VEN-LUMEN", code=lpn, by=outlet)
    with pytest.raises(PermissionDenied):
        deliveries.deliveries(world.app.uow(), by=outlet, site_code="VEN-LUMEN")
    with pytest.raises(NotFound, match="no partner site HUB-FR"):
        deliveries.deliveries(
            world.app.uow(),
            by=add_person(world.app, "manager", [Role.FLOW_MANAGER]),
            site_code="HUB-FR",
        )
    assert _accepted(world) == []
    # Scanned by its serial: the vendor's own label.
    got = deliveries.accept(world.app.uow(), site_code="VEN-LUMEN", code="V1", by=vendor)
    assert got.lpn == lpn and got.lot is None
    assert _accepted(world) == ["VEN-LUMEN"]


def test_two_scans_of_one_unit_at_once_accept_it_once(world: World) -> None:
    [lpn] = _bought(world, 1)
    outlet = add_person(world.app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    results = together(
        4, lambda i: deliveries.accept(world.app.uow(), site_code="OUT-FR", code=lpn, by=outlet)
    )
    done = [r for r in results if isinstance(r, HandedUnit)]
    refused = [r for r in results if not isinstance(r, HandedUnit)]
    assert len(done) == 1, results
    assert all(isinstance(r, Conflict) for r in refused), refused
    assert _accepted(world) == ["OUT-FR"]
    no_violations(world)
