"""The cost ledger's table on SQLite and PostgreSQL: it holds exactly the lines the records
give (``cost_lines``), whatever was written and however many wrote at once; an analysis
read from it equals the same analysis summed from the records, at any rates, to the cent;
a change of rates needs nothing written again."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.cost_ledger import rebuild, settle
from revalo.adapters.cost_lines import cost_lines
from revalo.adapters.cost_queries import SqlCostQueries
from revalo.adapters.orm_cost_ledger import cost_ledger, cost_ledger_pending
from revalo.domain.costs import ChannelFee, CostRates
from revalo.services import stock
from revalo.services.cost_ports import CostQuery, Grouped
from revalo.services.cost_rates import load_rates
from tests.conftest import World
from tests.integration.flows import expected_unit
from tests.integration.test_concurrency import together
from tests.integration.test_costs import DAY, T0, repaired_and_sold
from tests.people import person

PAIRS = [
    (), ("site", "reason"), ("stage", "part", "site"), ("week",), ("client", "country"),
    ("channel", "route"), ("carrier", "lane"), ("category", "mode"),
]  # fmt: skip


def _stored(world: World) -> list[tuple[Any, ...]]:
    with world.app.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(sa.select(cost_ledger)))


def _computed(world: World) -> list[tuple[Any, ...]]:
    with world.app.engine.connect() as conn:
        live = cost_lines(conn.dialect.name)
        names = [c.name for c in cost_ledger.columns]
        return sorted(tuple(r) for r in conn.execute(sa.select(*(live.c[n] for n in names))))


def _twice(world: World) -> int:
    """Lines there more than once under the table's key (none: the key forbids it)."""
    c = cost_ledger.c
    keys = (c.source, c.source_id, c.stage, c.part)
    dup = sa.select(*keys).group_by(*keys).having(sa.func.count() > 1).subquery()
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(dup)) or 0)


def _grouped(world: World, rates: CostRates, by: tuple[str, ...], *, live: bool) -> Grouped:
    q = CostQuery(T0 - 2 * DAY, T0 + 30 * DAY, T0 + 30 * DAY, by)
    with Session(world.app.engine) as session:
        return SqlCostQueries(session, live=live).grouped(rates, q, value=True)


#: Groupings read together by an analysis (some in the week index's order, some not).
TOGETHER = [("site", "reason"), ("week",), ("stage", "part", "site"), ()]


def _sums(world: World, rates: CostRates, *, live: bool) -> list[Any]:
    """The sums of ``TOGETHER`` read at once, and the units of each grouping."""
    q = CostQuery(T0 - 2 * DAY, T0 + 30 * DAY, T0 + 30 * DAY)
    with Session(world.app.engine) as session:
        costs = SqlCostQueries(session, live=live)
        sums = costs.sums(rates, q, TOGETHER)
        units = [costs.units(rates, dataclasses.replace(q, by=by)) for by in TOGETHER]
    return [sorted((t.key, t.stage.value, t.cents) for t in s) for s in sums] + units


def _same_sums(world: World, rates: CostRates) -> None:
    """The sums read at once are the table's and the records' alike, and each grouping's
    sums and units are those of ``grouped`` alone."""
    table = _sums(world, rates, live=False)
    assert table == _sums(world, rates, live=True)
    for i, by in enumerate(TOGETHER):
        alone = _grouped(world, rates, by, live=False)
        assert table[i] == sorted((t.key, t.stage.value, t.cents) for t in alone.totals)
        assert table[len(TOGETHER) + i] == (alone.units, alone.all_units)


def _same(a: Grouped, b: Grouped) -> None:
    order = sorted
    assert order((t.key, t.stage.value, t.cents) for t in a.totals) == order(
        (t.key, t.stage.value, t.cents) for t in b.totals
    )
    assert (a.units, a.all_units, a.returns, a.value) == (b.units, b.all_units, b.returns, b.value)
    assert a.km.keys() == b.km.keys()
    assert all(abs(a.km[k] - b.km[k]) < 1e-6 for k in a.km)


def _world(world: World) -> None:
    repaired_and_sold(world, "SN-1")
    repaired_and_sold(world, "SN-2", T0 + 2 * DAY)
    repaired_and_sold(world, "SN-3", T0 + 5 * DAY)


def _changed(rates: CostRates) -> CostRates:
    return dataclasses.replace(
        rates,
        labour_cents_per_hour=rates.labour_cents_per_hour * 2 + 1,
        site_labour_cents_per_hour={"HUB-FR": 4_133},
        receipt_cents=rates.receipt_cents + 7,
        storage_cents_per_day={k: v * 3 + 1 for k, v in rates.storage_cents_per_day.items()},
        channel_fees={
            k: ChannelFee(f.channel, f.rate + Decimal("0.035"), f.fixed_cents + 9)
            for k, f in rates.channel_fees.items()
        },
    )


def test_the_table_holds_the_records_lines_and_answers_as_they_do(world: World) -> None:
    _world(world)
    # Every write settled its units: the table is what the records give, no line twice.
    assert _stored(world) == _computed(world) != []
    assert _twice(world) == 0
    with world.app.engine.connect() as conn:
        pending = conn.scalar(sa.select(sa.func.count()).select_from(cost_ledger_pending))
    assert pending == 0
    rates = load_rates(None)
    for by in PAIRS:
        _same(_grouped(world, rates, by, live=False), _grouped(world, rates, by, live=True))
    _same_sums(world, rates)
    # Written again from nothing, the table holds the same rows.
    before = _stored(world)
    with Session(world.app.engine) as session, session.begin():
        assert rebuild(session) == 3
    assert _stored(world) == before


def test_new_rates_price_the_stored_lines_when_they_are_read(world: World) -> None:
    _world(world)
    stored = _stored(world)
    old, new = load_rates(None), _changed(load_rates(None))
    for by in PAIRS:
        was = _grouped(world, old, by, live=False)
        now = _grouped(world, new, by, live=False)
        _same(now, _grouped(world, new, by, live=True))
        assert sum(t.cents for t in now.totals) != sum(t.cents for t in was.totals)
    _same_sums(world, new)
    assert _stored(world) == stored  # nothing was written for the new rates
    # Without any channel fee, the fee lines are gone from the sums, on both paths.
    free = dataclasses.replace(old, channel_fees={})
    stages = {t.stage.value for t in _grouped(world, free, ("stage",), live=False).totals}
    assert "channel_fee" not in stages
    _same(
        _grouped(world, free, ("stage",), live=False), _grouped(world, free, ("stage",), live=True)
    )


def test_writers_and_settlements_at_once_leave_each_line_once(world: World) -> None:
    _world(world)
    lpns = [expected_unit(world, world.laptop, f"SN-{10 + i}") for i in range(2)]
    # Every unit marked, then settled by four transactions at once.
    with world.app.engine.begin() as conn:
        conn.execute(sa.delete(cost_ledger))
        conn.execute(
            sa.insert(cost_ledger_pending).from_select(["unit_id"], sa.select(orm.units.c.id))
        )

    def settle_all(_i: int) -> int:
        with Session(world.app.engine) as session, session.begin():
            return settle(session)

    done = together(4, settle_all)
    assert all(isinstance(n, int) for n in done), done
    assert sum(n for n in done if isinstance(n, int)) == 5  # each unit settled once
    assert _stored(world) == _computed(world) and _twice(world) == 0
    rates = load_rates(None)
    _same(_grouped(world, rates, (), live=False), _grouped(world, rates, (), live=True))

    # Units moved at once, two threads on each unit: each move's transaction writes its
    # unit's lines (a stay ended, a new one begun); the table ends as the records are.
    def move(i: int) -> object:
        return stock.move_unit(
            world.app.uow(), lpns[i % 2], from_location="HUB-FR:receiving",
            to_location="HUB-FR:inspection",
            by=person("bob"), reason=f"count {i}",
        )  # fmt: skip

    moved = together(4, move)
    # One move of each unit, the other one refused: it is no longer where it was.
    assert sorted(type(m).__name__ for m in moved) == ["LedgerError"] * 2 + ["ReturnedUnit"] * 2
    assert _stored(world) == _computed(world) and _twice(world) == 0
    _same_sums(world, rates)
