"""Harvested parts through the services, on SQLite and PostgreSQL: a harvest puts graded
parts into stock, a repair fits a harvested part first at its value, a surplus part is sold,
and the unit's timeline and EPCIS export show the transformation."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.invariants import check_database
from revalo.domain.disposition import DispositionRoute
from revalo.domain.epcis import EventKind
from revalo.domain.epcis_mapping import Places, TracedEvent, part_epc, to_epcis
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.parts import PartGrade, PartState
from revalo.domain.units import UnitState
from revalo.domain.work_orders import WorkOrderKind, WorkOrderState
from revalo.services import parts, queries
from revalo.services import work_orders as wo
from tests.conftest import World
from tests.integration.flows import decide, received_unit, snapshot
from tests.integration.lots_world import harvest_ready
from tests.integration.test_concurrency import together
from tests.people import person

TECH = person("tech")
LAPTOP_GRADES = {"screen": "A", "battery": "B", "keyboard": "D", "ssd": "A"}


def test_a_harvest_gives_parts_in_stock(world: World) -> None:
    lpn = harvest_ready(world, world.laptop, "SN-H1")
    done = parts.harvest_unit(
        world.app.uow(), lpn, grades=LAPTOP_GRADES, labour_minutes=25, by=TECH
    )
    assert done.order.kind is WorkOrderKind.HARVEST and done.order.state is WorkOrderState.DONE
    # The keyboard does not work: not stocked. Values: share of 899 EUR new, by grade.
    got = {(p.kind, p.grade, p.value, p.location_code) for p in done.parts}
    assert got == {
        ("screen", PartGrade.A, Decimal("107.88"), "HUB-FR:graded_stock"),
        ("battery", PartGrade.B, Decimal("32.36"), "HUB-FR:graded_stock"),
        ("ssd", PartGrade.A, Decimal("62.93"), "HUB-FR:graded_stock"),
    }
    stocked, n = parts.list_parts(world.app.uow(), by=TECH, site_code="HUB-FR")
    assert n == 3 and {p.number for p in stocked} == {p.number for p in done.parts}
    (by_kind,) = [s for s in parts.parts_stock(world.app.uow(), by=TECH) if s.kind == "screen"]
    assert (by_kind.count, by_kind.value) == (1, Decimal("107.88"))

    detail = queries.unit_detail(world.app.uow(), lpn, by=TECH)
    assert (detail.unit.state, detail.unit.location_code) == (UnitState.HARVESTED, None)
    last = detail.events[-1]
    assert last.detail["parts"] == [p.number for p in done.parts]
    epcis = to_epcis(TracedEvent(last), Places(), "test")
    assert epcis.kind is EventKind.TRANSFORMATION
    assert epcis.outputs == tuple(part_epc(p.number) for p in done.parts)
    assert check_database(world.app.engine) == []


def test_a_harvest_refused_writes_nothing(world: World) -> None:
    lpn = harvest_ready(world, world.laptop, "SN-H2")
    resale = received_unit(world, world.laptop, "SN-H3")
    decide(world, resale, DispositionRoute.RESELL, reason="sells")
    before = snapshot(world.app)
    with pytest.raises(InvalidValue, match="grade every part"):
        parts.harvest_unit(world.app.uow(), lpn, grades={"screen": "A"}, by=TECH)
    with pytest.raises(InvalidValue, match="has no motor"):
        parts.harvest_unit(world.app.uow(), lpn, grades={**LAPTOP_GRADES, "motor": "A"}, by=TECH)
    with pytest.raises(NotAllowed, match="decided for resell"):
        parts.harvest_unit(world.app.uow(), resale, grades=LAPTOP_GRADES, by=TECH)
    assert snapshot(world.app) == before


def _repair_in_progress(world: World, serial: str) -> int:
    lpn = received_unit(world, world.laptop, serial)
    out = decide(world, lpn, DispositionRoute.REPAIR, reason="battery worn")
    order = next(o for o in out.work_orders if o.kind is WorkOrderKind.REPAIR)
    wo.start_work_order(world.app.uow(), order.id, by=TECH)
    return order.id


def test_a_repair_uses_a_harvested_part_first_and_its_cost_comes_from_it(world: World) -> None:
    donor = harvest_ready(world, world.laptop, "SN-D1")
    harvested = parts.harvest_unit(world.app.uow(), donor, grades=LAPTOP_GRADES, by=TECH)
    battery = next(p for p in harvested.parts if p.kind == "battery")
    order_id = _repair_in_progress(world, "SN-R1")

    fitted = parts.fit_part(
        world.app.uow(), order_id, kind="battery", new_cost=Decimal("89.00"), by=TECH
    )
    assert fitted.part is not None and fitted.part.number == battery.number
    assert fitted.order.parts_cost == Decimal("32.36")  # the part's value, not a new one's
    assert battery.number in fitted.used.reference
    part = parts.get_part(world.app.uow(), battery.number, by=TECH)
    assert (part.state, part.location_code, part.fitted_order_id) == (
        PartState.FITTED,
        None,
        order_id,
    )
    # No harvested battery left: a new one, at its cost; none given, refused.
    again = parts.fit_part(
        world.app.uow(), order_id, kind="battery", new_cost=Decimal("89.00"), by=TECH
    )
    assert again.part is None and again.order.parts_cost == Decimal("121.36")
    with pytest.raises(NotAllowed, match="no harvested battery"):
        parts.fit_part(world.app.uow(), order_id, kind="battery", by=TECH)
    assert check_database(world.app.engine) == []


def test_a_surplus_part_is_sold_and_leaves_the_stock(world: World) -> None:
    donor = harvest_ready(world, world.laptop, "SN-D2")
    harvested = parts.harvest_unit(world.app.uow(), donor, grades=LAPTOP_GRADES, by=TECH)
    ssd = next(p for p in harvested.parts if p.kind == "ssd")
    sold = parts.sell_part(
        world.app.uow(), ssd.number, price=Decimal("55"), buyer="PC Réemploi", by=person("fin")
    )
    assert (sold.state, sold.sale_price, sold.location_code) == (
        PartState.SOLD,
        Decimal("55.00"),
        None,
    )
    with pytest.raises(NotAllowed, match="not in stock"):
        parts.sell_part(world.app.uow(), ssd.number, price=Decimal("1"), buyer="x", by=TECH)
    assert check_database(world.app.engine) == []


def test_two_repairs_at_once_never_fit_one_harvested_part_twice(world: World) -> None:
    donor = harvest_ready(world, world.laptop, "SN-D3")
    parts.harvest_unit(world.app.uow(), donor, grades=LAPTOP_GRADES, by=TECH)
    orders = [_repair_in_progress(world, f"SN-R{i}") for i in range(4)]
    got = together(
        4,
        lambda i: parts.fit_part(
            world.app.uow(), orders[i], kind="screen", new_cost=Decimal("150"), by=TECH
        ),
    )
    assert not [r for r in got if isinstance(r, BaseException)], got
    harvested = [r for r in got if not isinstance(r, BaseException) and r.part is not None]
    assert len(harvested) == 1
    with world.app.engine.connect() as conn:
        fitted = conn.execute(sa.text("select count(*) from parts where state = 'fitted'"))
        assert fitted.scalar() == 1
    assert check_database(world.app.engine) == []
