"""An outlet or a resale partner records its resale of a unit handed over to it, on SQLite
and PostgreSQL: a unit sent to it and a unit of a lot it bought, once accepted by scan, each
resold once, on its timeline and beside it in the deliveries; what is not its to resell
(not accepted yet, kept in stock, another partner's, a vendor's) refused by name with
nothing written; two records of one unit's resale at once keep one."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_partners import partner_resales as resales_table
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import Conflict, InvalidValue, PermissionDenied
from revalo.domain.partner_resales import Resale
from revalo.domain.people import Role
from revalo.domain.values import utcnow
from revalo.services import deliveries, partner_resales, partners
from revalo.services.common import get_unit
from tests.conftest import World
from tests.integration.compliance_world import send, unit
from tests.integration.flows import grade, snapshot
from tests.integration.test_concurrency import no_violations, together
from tests.integration.test_deliveries import _bought
from tests.people import add_person


def _sent(world: World, serial: str) -> str:
    """A drill that works, sold as is to the outlet OUT-FR: handed over to it for good."""
    lpn = unit(world, "DRILL-18", serial)
    grade(world, lpn, "A", "B")
    send(world, lpn, DispositionRoute.RESELL, "OUT-FR")
    return lpn


def test_a_unit_sent_and_one_bought_in_a_lot_are_resold_once_accepted(world: World) -> None:
    sent = _sent(world, "T1")
    [in_lot] = _bought(world, 1)
    outlet = add_person(world.app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    for lpn in (sent, in_lot):
        deliveries.accept(world.app.uow(), site_code="OUT-FR", code=lpn, by=outlet)
    today = utcnow().date()
    resold = partner_resales.record_resale(
        world.app.uow(),
        site_code="out-fr",
        code="T1",  # by its serial
        price="59,90",
        receipt=" T-2026 0042 ",
        by=outlet,
    )
    assert (resold.lpn, resold.price, resold.sold_on, resold.receipt) == (
        sent,
        Decimal("59.90"),
        today,
        "T-2026 0042",
    )
    partner_resales.record_resale(
        world.app.uow(), site_code="OUT-FR", code=in_lot, price=Decimal("310"), by=outlet
    )
    with pytest.raises(Conflict, match=rf"unit {sent} was resold already, on {today} for 59.90"):
        partner_resales.record_resale(
            world.app.uow(), site_code="OUT-FR", code=sent, price="70", by=outlet
        )
    shown = {
        u.lpn: u for u in deliveries.deliveries(world.app.uow(), by=outlet, site_code="OUT-FR")
    }
    assert (shown[sent].resold_on, shown[sent].resale_price) == (today, Decimal("59.90"))
    assert shown[in_lot].resale_price == Decimal("310.00")
    listed, total = partner_resales.resales(world.app.uow(), by=outlet, site_code="OUT-FR")
    assert total == 2 and {r.lpn for r in listed} == {sent, in_lot}
    with world.app.read_uow() as uow:
        last = uow.events.for_unit(get_unit(uow, sent).id)[-1]
    assert last.reason == "resold by OUT-FR for 59.90 EUR"
    assert last.detail["receipt"] == "T-2026 0042"
    # The outlet's record counts both, against the two units handed over to it.
    [record] = partners.partner_records(world.app.read_uow(), by=outlet).records
    assert (record.code, record.handed_over, record.resold) == ("OUT-FR", 2, 2)
    assert (record.resold_eur, record.sell_through) == (Decimal("369.90"), 1.0)
    no_violations(world)


def test_what_is_not_its_to_resell_is_refused_with_nothing_written(world: World) -> None:
    sent = _sent(world, "U1")
    taken = _sent(world, "U2")
    kept = unit(world, "DRILL-18", "U3")
    outlet = add_person(world.app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    vendor = add_person(world.app, "vendor", [Role.PARTNER], partner_sites=["VEN-LUMEN"])
    deliveries.accept(world.app.uow(), site_code="OUT-FR", code=taken, by=outlet)
    before = snapshot(world.app)
    today = utcnow().date()
    refusals: list[tuple[dict[str, object], type[Exception], str]] = [
        ({"code": sent}, InvalidValue, f"unit {sent} was not accepted at OUT-FR yet"),
        ({"code": kept}, InvalidValue, f"{kept} is no unit handed over to OUT-FR"),
        ({"code": " "}, InvalidValue, "scan the unit's LPN or serial"),
        ({"price": "0"}, InvalidValue, "more than 0"),
        ({"price": "12.345"}, InvalidValue, "whole cents"),
        ({"price": "twelve"}, InvalidValue, "an amount in EUR, not twelve"),
        ({"receipt": "R" * 61}, InvalidValue, "at most 60 characters"),
        ({"sold_on": today + timedelta(days=1)}, InvalidValue, "once made"),
        ({"sold_on": today - timedelta(days=1)}, InvalidValue, f"accepted on {today}"),
        ({"site_code": "VEN-LUMEN"}, PermissionDenied, "VEN-LUMEN"),
    ]
    for given, error, message in refusals:
        args = {"site_code": "OUT-FR", "code": taken, "price": "20", **given}
        with pytest.raises(error, match=message):
            partner_resales.record_resale(
                world.app.uow(),
                by=outlet,
                **args,  # type: ignore[arg-type]
            )
    with pytest.raises(InvalidValue, match="VEN-LUMEN does not resell what it is handed"):
        partner_resales.record_resale(
            world.app.uow(), site_code="VEN-LUMEN", code=taken, price="20", by=vendor
        )
    after = snapshot(world.app)
    refused = after.pop("audit_log")[len(before.pop("audit_log")) :]
    assert after == before  # only the refusal is written down, in the access audit
    assert [r[4] for r in refused] == ["record_resales"], refused


def test_two_records_of_one_resale_at_once_keep_one(world: World) -> None:
    lpn = _sent(world, "V1")
    outlet = add_person(world.app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    deliveries.accept(world.app.uow(), site_code="OUT-FR", code=lpn, by=outlet)
    results = together(
        4,
        lambda i: partner_resales.record_resale(
            world.app.uow(), site_code="OUT-FR", code=lpn, price=f"{40 + i}", by=outlet
        ),
    )
    done = [r for r in results if isinstance(r, Resale)]
    refused = [r for r in results if not isinstance(r, Resale)]
    assert len(done) == 1, results
    assert all(isinstance(r, Conflict) for r in refused), refused
    with world.app.engine.connect() as conn:
        rows = conn.execute(sa.select(resales_table.c.price_eur)).scalars().all()
    assert rows == [done[0].price]
    with world.app.read_uow() as uow:
        events = uow.events.for_unit(get_unit(uow, lpn).id)
    assert sum(1 for e in events if e.reason.startswith("resold by")) == 1
    no_violations(world)
