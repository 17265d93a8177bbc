"""The disposition engine through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from revalo.domain.disposition import DecidedBy, DispositionRoute, implied_work
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.units import UnitState
from revalo.domain.work_orders import WorkOrderState
from revalo.engines.disposition import DispositionResult, solve_disposition
from revalo.services import deciding, queries, stock
from tests.conftest import World
from tests.integration.flows import ask, decide, expected_unit, grade, gs1, line, scan, snapshot
from tests.people import person

Route = DispositionRoute


def config_with(tmp_path: Path, extra: str) -> Path:
    """The shipped engine configuration plus some ``[sites.CODE]`` terms."""
    shipped = resources.files("revalo.config").joinpath("disposition.toml").read_text("utf-8")
    path = tmp_path / "disposition.toml"
    path.write_text(shipped + "\n" + extra, encoding="utf-8")
    return path


def graded(world: World, serial: str, f: str, c: str, *, hazardous: bool = False) -> str:
    lpn = expected_unit(world, world.laptop, serial)
    grade(world, lpn, f, c, hazardous=hazardous)
    return lpn


def test_explain_ranks_every_open_route_and_says_why_others_are_closed(world: World) -> None:
    lpn = graded(world, "SN-1", "C", "A")
    before = snapshot(world.app)
    score = deciding.explain_unit(world.app.uow(), lpn)
    assert snapshot(world.app) == before
    assert score.best is not None and len(score.ranked) > 1
    objectives = [s.objective for s in score.ranked]
    assert objectives == sorted(objectives, reverse=True)
    for s in score.ranked:
        assert s.breakdown.hierarchy_rank in (1, 2, 3, 5)
        assert s.breakdown.recovered >= 0
    closed = {e.label: e.reason for e in score.excluded}
    assert "restock on NEW-STOCK" in closed and "A/A" in closed["restock on NEW-STOCK"]
    assert "L541-15-8" in closed["dispose at REC-FR"]
    # The shipped configuration has no vendor agreement.
    assert "no return agreement" in closed["return_to_vendor at VEN-LUMEN"]


def test_deciding_one_unit_records_the_engine_decision_and_its_work(world: World) -> None:
    lpn = graded(world, "SN-1", "C", "A")
    best = deciding.explain_unit(world.app.uow(), lpn).best
    assert best is not None
    out = deciding.decide_unit(world.app.uow(), lpn, by=person("engine"))
    assert out.record.decided_by is DecidedBy.ENGINE and out.record.route is best.option.route
    assert best.option.route.value in out.record.reason and "EUR" in out.record.reason
    assert f"{best.breakdown.net:.2f}" in out.record.reason
    kinds = implied_work(best.option.route, world.laptop)
    assert [o.kind for o in out.work_orders] == kinds and kinds
    detail = queries.unit_detail(world.app.uow(), lpn, by=person("reader"))
    assert detail.unit.state is UnitState.DISPOSITION_DECIDED
    assert [o.state for o in detail.work_orders] == [WorkOrderState.OPEN] * len(kinds)


@pytest.mark.parametrize("hazardous", [False, True])
def test_a_weee_unit_graded_d_never_goes_to_an_uncertified_recycler(
    world: World, hazardous: bool
) -> None:
    lpn = graded(world, "SN-1", "D", "D", hazardous=hazardous)
    score = deciding.explain_unit(world.app.uow(), lpn)
    closed = {e.label: e.reason for e in score.excluded}
    assert "2012/19/EU" in closed["recycle at REC-X"]
    # Disposal needs a hazardous unit first; then the WEEE rule still closes REC-X.
    assert ("2012/19/EU" if hazardous else "L541-15-8") in closed["dispose at REC-X"]
    open_labels = {s.label for s in score.ranked}
    assert "recycle at REC-FR" in open_labels
    assert ("dispose at REC-FR" in open_labels) is hazardous
    assert all(s.option.destination is None or "REC-X" not in s.label for s in score.ranked)
    out = deciding.decide_unit(world.app.uow(), lpn, by=person("engine"))
    assert out.record.destination_site != "REC-X"


def test_a_unit_in_transit_or_not_graded_is_not_decided(world: World) -> None:
    ungraded = expected_unit(world, world.laptop, "SN-1")
    moving = graded(world, "SN-2", "A", "A")
    stock.ship_unit(world.app.uow(), moving, to_site="HUB-DE", by=person("bob"))
    before = snapshot(world.app)
    with pytest.raises(NotAllowed, match="received"):
        deciding.decide_unit(world.app.uow(), ungraded, by=person("engine"))
    with pytest.raises(NotAllowed, match="in transit"):
        deciding.decide_unit(world.app.uow(), moving, by=person("engine"))
    with pytest.raises(NotAllowed, match="in transit"):
        deciding.explain_unit(world.app.uow(), moving)
    out = deciding.decide_batch(world.app.uow(), by=person("engine"))
    assert out.status == "empty" and not out.decided and not out.held and not out.refused
    assert snapshot(world.app) == before


def test_batch_decides_every_graded_unit_within_capacity_and_beats_greedy(
    world: World, tmp_path: Path
) -> None:
    config = config_with(tmp_path, "[sites.REP-FR]\ncapacity = { repair = 2, test = 2 }\n")
    lpns = [graded(world, f"SN-{i}", "C", "A") for i in range(5)]
    lpns += [graded(world, f"SN-{i}", "A", "A") for i in range(5, 7)]
    lpns.append(graded(world, "SN-7", "D", "D"))
    waiting = expected_unit(world, world.laptop, "SN-8")  # not graded: not decided
    out = deciding.decide_batch(world.app.uow(), by=person("engine"), config=config)
    assert out.status == "optimal" and not out.refused and not out.held
    assert sorted(o.record.unit_id for o in out.decided) == sorted(
        queries.unit_detail(world.app.uow(), lpn, by=person("reader")).unit.id for lpn in lpns
    )
    assert out.usage["repair at REP-FR"] == (2, 2) and out.usage["test at REP-FR"] == (2, 2)
    for used, limit in out.usage.values():
        assert used <= limit
    repairs = [o for o in out.decided if o.record.route is Route.REPAIR]
    assert len(repairs) == 2 and {o.record.destination_site for o in repairs} == {"REP-FR"}
    assert all(o.record.decided_by is DecidedBy.ENGINE for o in out.decided)
    assert out.objective >= out.greedy_objective - 1e-6
    assert out.net_recovery > 0
    for lpn in lpns:
        assert (
            queries.unit_detail(world.app.uow(), lpn, by=person("reader")).unit.state
            is not UnitState.GRADED
        )
    assert (
        queries.unit_detail(world.app.uow(), waiting, by=person("reader")).unit.state
        is UnitState.RECEIVED
    )
    # Nothing is left to decide: a second batch is empty.
    assert (
        deciding.decide_batch(world.app.uow(), by=person("engine"), config=config).status == "empty"
    )


def test_batch_gives_scarce_capacity_to_the_unit_that_gains_most(
    world: World, tmp_path: Path
) -> None:
    # Both laptops look as new once repaired. The first would also sell well unrepaired (C
    # grade); the second does not work at all (D) and would only be stripped for parts.
    # First come, first served gives the only repair slot to the first; the optimum to the
    # second.
    config = config_with(tmp_path, "[sites.REP-FR]\ncapacity = { repair = 1 }\n")
    fixable = graded(world, "SN-1", "C", "A")
    broken = graded(world, "SN-2", "D", "A")
    out = deciding.decide_batch(world.app.uow(), by=person("engine"), config=config)
    routes = {
        queries.unit_detail(world.app.uow(), lpn, by=person("reader")).unit.id: lpn
        for lpn in (fixable, broken)
    }
    by_lpn = {routes[o.record.unit_id]: o.record.route for o in out.decided}
    assert by_lpn == {fixable: Route.RESELL, broken: Route.REPAIR}
    assert out.usage["repair at REP-FR"] == (1, 1)
    assert out.objective > out.greedy_objective + 50
    assert out.net_recovery > out.greedy_net_recovery + 50


def test_a_unit_decided_meanwhile_is_refused_and_the_others_are_recorded(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = graded(world, "SN-1", "A", "A")
    second = graded(world, "SN-2", "C", "A")

    def solve_then_manager_decides(*args: Any, **kwargs: Any) -> DispositionResult:
        result = solve_disposition(*args, **kwargs)
        decide(world, first, Route.RECYCLE, "REC-FR", reason="recalled battery")
        return result

    monkeypatch.setattr("revalo.services.deciding.solve_disposition", solve_then_manager_decides)
    out = deciding.decide_batch(world.app.uow(), by=person("engine"))
    assert [(r.lpn, "graded units" in r.reason) for r in out.refused] == [(first, True)]
    assert [o.record.unit_id for o in out.decided] == [
        queries.unit_detail(world.app.uow(), second, by=person("reader")).unit.id
    ]
    kept = queries.unit_detail(world.app.uow(), first, by=person("reader")).dispositions
    assert [(d.decided_by, d.route) for d in kept] == [(DecidedBy.MANAGER, Route.RECYCLE)]


def test_batch_at_one_site_decides_only_that_site(world: World) -> None:
    here = graded(world, "SN-1", "A", "A")
    ask(world, line(world.laptop.sku, serial="SN-2"), customer="C-JONAS")
    there = scan(world, gs1(world.laptop, "SN-2"), site="HUB-DE").unit.lpn
    grade(world, there)
    out = deciding.decide_batch(world.app.uow(), by=person("engine"), site_code="hub-de")
    assert [o.record.unit_id for o in out.decided] == [
        queries.unit_detail(world.app.uow(), there, by=person("reader")).unit.id
    ]
    assert (
        queries.unit_detail(world.app.uow(), here, by=person("reader")).unit.state
        is UnitState.GRADED
    )


def test_a_manager_overrides_an_engine_decision(world: World) -> None:
    lpn = graded(world, "SN-1", "C", "A")
    engine = deciding.decide_unit(world.app.uow(), lpn, by=person("engine"))
    assert engine.work_orders
    manager = decide(world, lpn, Route.RECYCLE, "REC-FR", reason="screen supplier recall")
    assert manager.record.overrides_id == engine.record.id
    assert {o.id for o in manager.cancelled} == {o.id for o in engine.work_orders}
    detail = queries.unit_detail(world.app.uow(), lpn, by=person("reader"))
    assert [(d.decided_by, d.route) for d in detail.dispositions] == [
        (DecidedBy.ENGINE, engine.record.route),
        (DecidedBy.MANAGER, Route.RECYCLE),
    ]
    assert all(o.state is WorkOrderState.CANCELLED for o in detail.work_orders)
    # The engine decides only units awaiting a decision: it does not override the manager.
    with pytest.raises(NotAllowed, match="graded units"):
        deciding.decide_unit(world.app.uow(), lpn, by=person("engine"))


def test_bad_site_terms_are_refused_naming_the_section(world: World, tmp_path: Path) -> None:
    lpn = graded(world, "SN-1", "A", "A")
    before = snapshot(world.app)
    for extra, message in [
        ("[sites.NOPE]\ncapacity = { repair = 1 }\n", "unknown sites: NOPE"),
        ("[sites.REP-FR]\ncapacity = { painting = 1 }\n", r"\[sites.REP-FR\]"),
        ("[sites.REP-FR]\nspeed = 3\n", "unknown keys: speed"),
        ("[sites.REP-FR]\ncapacity = { repair = -1 }\n", "negative"),
    ]:
        config = config_with(tmp_path, extra)
        with pytest.raises(InvalidValue, match=message):
            deciding.decide_unit(world.app.uow(), lpn, by=person("engine"), config=config)
    assert snapshot(world.app) == before
