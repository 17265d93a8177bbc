"""The cost ledger on SQLite and PostgreSQL: a return collected, graded, repaired and sold,
line by line against figures computed by hand from the rates of ``config/costs.toml``; the
totals of any grouping add up to the overall total; the units behind a figure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revalo.adapters.barcodes import parse_scan
from revalo.domain.after_sales import Outcome
from revalo.domain.clients import Client
from revalo.domain.costs import CostStage, Flow
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue, PermissionDenied
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade
from revalo.domain.people import Role, User
from revalo.domain.refunds import RefundMethod
from revalo.domain.returns import ReturnReason
from revalo.domain.work_orders import WipeMethod
from revalo.services import (
    clients,
    costs,
    disposition,
    inspection,
    receiving,
    refunds,
    returns,
    stock,
)
from revalo.services import work_orders as wo
from revalo.services.cost_ports import DIMENSIONS
from tests.conftest import World
from tests.integration.flows import ask, gs1, line
from tests.people import person

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
MANAGER = person("manager")
DAY = timedelta(days=1)


def repaired_and_sold(
    world: World, serial: str = "SN-1", t0: datetime = T0, client: str | None = None
) -> tuple[str, str]:
    """A laptop returned as defective (of ``client``'s goods): received at HUB-FR at t0,
    graded a day later, decided for repair the next day, its four work orders done on day 3,
    listed on day 4, sold for 420 EUR on day 6; the 20 EUR paid refunded on day 7. Its LPN
    and return number."""
    u = world.app.uow
    rma = returns.request_return(
        u(),
        world.app.policy,
        customer_code="C-ANNE",
        lines=[line("LAP-14", serial=serial, reason=ReturnReason.DEFECTIVE)],
        delivered_at=t0 - 8 * DAY,
        by=person("portal"),
        requested_at=t0 - 3 * DAY,
        client_code=client,
    )
    out = receiving.receive_scan(
        u(), parse_scan(gs1(world.laptop, serial)), site_code="HUB-FR", by=person("bob"), at=t0
    )
    lpn = out.unit.lpn
    inspection.inspect_unit(
        u(),
        lpn,
        functional_grade=FunctionalGrade.B,
        cosmetic_grade=CosmeticGrade.A,
        by=person("ines"),
        duration_s=180,
        at=t0 + DAY,
    )
    decided = disposition.record_disposition(
        u(), lpn, route=DispositionRoute.REPAIR, by=MANAGER, reason="hinge", at=t0 + 2 * DAY
    )
    assert [o.kind.value for o in decided.work_orders] == ["data_wipe", "repair", "test", "clean"]
    for i, order in enumerate(decided.work_orders):
        at = t0 + 3 * DAY + timedelta(hours=i)
        wo.start_work_order(u(), order.id, by=person("tech"), at=at)
        repair = order.kind.value == "repair"
        wo.finish_work_order(
            u(),
            order.id,
            succeeded=True,
            by=person("tech"),
            labour_minutes=45 if repair else 15,
            parts_cost=Decimal("12.40") if repair else Decimal("0"),
            wipe_method=WipeMethod.PURGE,
            wipe_tool="Blancco 7",
            wipe_verified=True,
            at=at + timedelta(minutes=50),
        )
    stock.dispatch_unit(u(), lpn, by=person("rita"), at=t0 + 4 * DAY)
    stock.sell_unit(u(), lpn, by=person("fin"), at=t0 + 6 * DAY, price=Decimal("420.00"))
    cs = person("agent")
    paid_at = t0 + 7 * DAY
    refunds.open_refund(
        u(), rma.number, paid=Decimal("20.00"), outcome=Outcome.REFUND, by=cs, at=paid_at
    )
    refunds.record_refund(
        u(),
        rma.number,
        amount=Decimal("20.00"),
        method=RefundMethod.ORIGINAL_PAYMENT,
        by=cs,
        paid_on=paid_at.date(),
        at=paid_at,
    )
    return lpn, rma.number


def test_a_repaired_and_sold_return_costs_what_was_computed_by_hand(world: World) -> None:
    lpn, number = repaired_and_sold(world)
    with world.app.uow() as uow:
        unit = uow.units.by_lpn(lpn)
        assert unit is not None
        (leg,) = uow.legs.for_unit(unit.id)
    ledger = costs.unit_costs(world.app.uow(), lpn, by=MANAGER).ledger
    by_stage = ledger.by_stage()
    # The return parcel: the leg's recorded share of the carrier's price.
    assert by_stage[CostStage.TRANSPORT] == leg.cost
    # Receipt and outbound handling: 1.20 and 1.50 per unit.
    assert by_stage[CostStage.RECEIPT] == Decimal("1.20")
    assert by_stage[CostStage.OUTBOUND] == Decimal("1.50")
    # Inspection: 180 s at 35 EUR/h = 1.75.
    assert by_stage[CostStage.INSPECTION] == Decimal("1.75")
    # Wipe: 15 min at 35 EUR/h = 8.75, plus a 3.00 licence; test and clean 8.75 each.
    assert by_stage[CostStage.DATA_WIPE] == Decimal("11.75")
    assert by_stage[CostStage.TEST] == by_stage[CostStage.CLEAN] == Decimal("8.75")
    # Repair: 45 min = 26.25 of labour and 12.40 of parts.
    assert by_stage[CostStage.REPAIR] == Decimal("38.65")
    # Storage per day: receiving 1 d x 0.08; graded stock 2 d x 0.05 until the first work
    # order starts; work in progress 3 h 50 min x 0.10 (0.0160 -> 0.02); outbound 20 h 10
    # min x 0.08 (0.0672 -> 0.07); listed in graded stock 2 d x 0.05 until sold.
    storage = sorted(
        (line.part, line.cents) for line in ledger.lines if line.stage is CostStage.STORAGE
    )
    assert storage == [
        ("graded_stock", 10),
        ("graded_stock", 10),
        ("outbound", 7),
        ("receiving", 8),
        ("work_in_progress", 2),
    ]
    # The discount marketplace keeps 15 % of 420.00 plus 0.50.
    assert by_stage[CostStage.CHANNEL_FEE] == Decimal("63.50")
    assert by_stage[CostStage.SALE] == Decimal("420.00")
    assert by_stage[CostStage.REFUND] == Decimal("20.00")
    # 1.20 + 0.37 + 1.75 + 11.75 + 38.65 + 8.75 + 8.75 + 1.50 + 63.50
    assert ledger.cost == leg.cost + Decimal("136.22")
    assert ledger.recovered == Decimal("420.00")
    assert ledger.net == Decimal("420.00") - ledger.cost - Decimal("20.00")
    # Every line names the record it comes from.
    sources = {(line.stage, line.source) for line in ledger.lines}
    assert (CostStage.TRANSPORT, "leg") in sources and (CostStage.REPAIR, "work_order") in sources
    assert (CostStage.INSPECTION, "inspection") in sources and (
        CostStage.REFUND,
        "refund",
    ) in sources
    assert all(line.source_id > 0 for line in ledger.lines)
    # The return's ledger is its unit's; the analysis of the period counts the same.
    assert costs.return_costs(world.app.uow(), number, by=MANAGER).ledger == ledger
    a = costs.cost_analysis(world.app.uow(), by=MANAGER, first=T0.date(), last=T0.date() + 9 * DAY)
    assert a.total.cost == ledger.cost and a.total.units == 1
    assert a.total.cost_per_unit == ledger.cost
    assert a.total.recovered == Decimal("420.00") and a.total.refunded == Decimal("20.00")


@pytest.fixture
def three_returns(sqlite_world: World) -> World:
    repaired_and_sold(sqlite_world, "SN-1")
    repaired_and_sold(sqlite_world, "SN-2", T0 + 9 * DAY)
    ask(sqlite_world, line("DRILL-18", serial="D-1"), customer="C-JONAS", requested_at=T0)
    receiving.receive_scan(
        sqlite_world.app.uow(),
        parse_scan(gs1(sqlite_world.drill, "D-1")),
        site_code="HUB-DE",
        by=person("bob"),
        at=T0 + 2 * DAY,
    )
    return sqlite_world


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(DIMENSIONS), min_size=1, max_size=2, unique=True))
def test_the_groups_of_any_dimensions_add_up_to_the_total(
    three_returns: World, by: list[str]
) -> None:
    a = costs.cost_analysis(
        three_returns.app.uow(), by=MANAGER, group_by=tuple(by), first=T0.date(),
        last=T0.date() + 20 * DAY,
    )  # fmt: skip
    for flow in Flow:
        assert sum(r.cents(flow) for r in a.rows) == a.total.cents(flow)
    assert a.total.units == 3
    assert sum(w.cents(Flow.COST) for w in a.weeks) == a.total.cents(Flow.COST)


def test_the_units_behind_a_figure_and_the_previous_period(three_returns: World) -> None:
    u = three_returns.app.uow
    window = {"first": T0.date(), "last": T0.date() + 20 * DAY}
    page = costs.units_behind(u(), by=MANAGER, where={"stage": "repair"}, **window)
    assert page.total == 2 and all(x.cost == 3865 for x in page.items)
    a = costs.cost_analysis(
        u(), by=MANAGER, group_by=("site",), where={"reason": "defective"}, **window
    )
    assert [r.key for r in a.rows] == [("HUB-FR",)]
    # The second repair fell in the second half: its labour "changed" from the first one.
    b = costs.cost_analysis(u(), by=MANAGER, first=T0.date() + 9 * DAY, last=T0.date() + 17 * DAY)
    repair = next(d for d in b.drivers if d.stage is CostStage.REPAIR and d.part == "labour")
    assert (repair.cents, repair.previous_cents, repair.change_pct) == (2625, 2625, 0.0)


def test_a_bad_dimension_or_period_is_refused_and_a_technician_sees_no_costs(
    three_returns: World,
) -> None:
    u = three_returns.app.uow
    with pytest.raises(InvalidValue, match="unknown dimension 'planet'"):
        costs.cost_analysis(u(), by=MANAGER, group_by=("planet",))
    with pytest.raises(InvalidValue, match="before it starts"):
        costs.cost_analysis(u(), by=MANAGER, first=T0.date(), last=T0.date() - DAY)
    with pytest.raises(PermissionDenied):
        tech = User(login="tech", name="Tech", roles=frozenset({Role.TECHNICIAN}))
        costs.cost_analysis(u(), by=tech)


def test_a_client_s_user_sees_the_costs_of_its_own_goods_only(world: World) -> None:
    clients.add_client(world.app.uow(), Client("VELO-NORD", "Vélo Nord"), by=MANAGER)
    mine, _ = repaired_and_sold(world, "SN-1", client="VELO-NORD")
    theirs, _ = repaired_and_sold(world, "SN-2")
    velo = User(login="velo", name="Velo", roles=frozenset({Role.CLIENT}), client_code="VELO-NORD")
    window = {"first": T0.date(), "last": T0.date() + 9 * DAY}
    seen = costs.cost_analysis(world.app.uow(), by=velo, **window)
    every = costs.cost_analysis(world.app.uow(), by=MANAGER, **window)
    own = costs.unit_costs(world.app.uow(), mine, by=velo).ledger
    assert seen.total.units == 1 and every.total.units == 2
    assert seen.total.cost == own.cost
    with pytest.raises(PermissionDenied):
        costs.unit_costs(world.app.uow(), theirs, by=velo)
