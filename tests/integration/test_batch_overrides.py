"""Tonight's batch accepted with overrides, on SQLite and PostgreSQL: an override is
recorded as the manager's with its reason; a bad one refuses the whole commit, naming its
unit, nothing written; two commits with overrides at once still decide once; and what
changed since the last committed plan."""

from __future__ import annotations

import pytest

from revalo.domain.batch_overrides import BatchOverride, parse_choice, parse_override
from revalo.domain.disposition import DecidedBy, DispositionRoute
from revalo.domain.disposition_batches import BatchState, DispositionBatch
from revalo.domain.errors import Conflict, DomainError, InvalidValue, NotAllowed
from revalo.services import disposition_batches as batches
from revalo.services.common import get_unit
from tests.conftest import World
from tests.integration.test_concurrency import together
from tests.integration.test_disposition_batches import _decisions, _graded, _today
from tests.people import person


def _preview(world: World) -> DispositionBatch:
    made = batches.preview_batch(world.app.uow(), by=person("mia"), day=_today(world))
    assert made.id is not None
    return made


def _other(batch: DispositionBatch, lpn: str) -> BatchOverride:
    """Another route the engine offered for ``lpn`` than its plan's."""
    d = next(d for d in batch.plan if d.lpn == lpn)
    planned = f"{d.route}@{d.destination}" if d.destination else str(d.route)
    choices = [c for c, _net in d.offered if c.split(":")[0] != planned]
    assert choices, d
    return parse_choice(lpn, choices[0], "the buyer asked for it")


def _latest(world: World, lpn: str):  # type: ignore[no-untyped-def]
    uow = world.app.uow()
    with uow:
        unit = get_unit(uow, lpn)
        return uow.dispositions.latest(unit.id)


def test_an_override_is_recorded_as_the_managers_with_its_reason(world: World) -> None:
    lpns = [_graded(world, f"SN-{i}", "C", "A") for i in range(3)]
    preview = _preview(world)
    assert all(d.offered for d in preview.plan)
    chosen = _other(preview, lpns[0])
    assert preview.id is not None
    done = batches.commit_batch(world.app.uow(), preview.id, by=person("mia"), overrides=[chosen])
    assert len(done.decided) == 3 == _decisions(world)
    record = _latest(world, lpns[0])
    assert record.route is chosen.route and record.destination_site == chosen.destination
    assert record.decided_by is DecidedBy.MANAGER
    assert record.reason == "the buyer asked for it" and record.actor == "mia"
    for lpn in lpns[1:]:
        assert _latest(world, lpn).decided_by is DecidedBy.ENGINE
    with world.app.uow() as uow:
        stored = uow.disposition_batches.get(preview.id)
    assert stored is not None and stored.state is BatchState.COMMITTED
    mine = next(d for d in stored.plan if d.lpn == lpns[0])
    assert mine.route == chosen.route.value and mine.overridden_by == "mia"


@pytest.mark.parametrize(
    ("choice", "refused", "says"),
    [
        ("dispose@{recycler}", NotAllowed, r"override of {lpn} \(dispose@.*\): unsold non-food"),
        ("repair@NOWHERE", DomainError, r"override of {lpn} \(repair@NOWHERE\): no site"),
        ("restock@{site}", InvalidValue, r"override of {lpn} .*route restock cannot go to"),
    ],
)
def test_a_bad_override_refuses_the_whole_commit_naming_its_unit(
    world: World, choice: str, refused: type[Exception], says: str
) -> None:
    lpns = [_graded(world, f"SN-{i}", "C", "A") for i in range(3)]
    preview = _preview(world)
    assert preview.id is not None
    offered = [c for d in preview.plan for c, _net in d.offered]
    site = next(c.split("@")[1].split(":")[0] for c in offered if "@" in c)
    recycler = next(c.split("@")[1] for c in offered if c.startswith("recycle@"))
    bad = parse_choice(lpns[1], choice.format(site=site, recycler=recycler), "a try")
    good = _other(preview, lpns[0])
    with pytest.raises(refused, match=says.format(lpn=lpns[1])):
        batches.commit_batch(world.app.uow(), preview.id, by=person("mia"), overrides=[good, bad])
    assert _decisions(world) == 0
    with world.app.uow() as uow:
        stored = uow.disposition_batches.get(preview.id)
    assert stored is not None and stored.state is BatchState.PREVIEW
    # The same preview commits afterwards, without the bad override.
    done = batches.commit_batch(world.app.uow(), preview.id, by=person("mia"), overrides=[good])
    assert len(done.decided) == 3


def test_overrides_outside_the_batch_twice_or_without_reason_are_refused(world: World) -> None:
    lpn = _graded(world, "SN-1", "C", "A")
    preview = _preview(world)
    assert preview.id is not None
    cases = [
        ([BatchOverride("LPN-NONE", DispositionRoute.RECYCLE, None, None, "x")], "not in batch"),
        ([_other(preview, lpn), _other(preview, lpn)], "overridden twice"),
        ([BatchOverride(lpn, DispositionRoute.RECYCLE, None, None, " ")], "needs a reason"),
    ]
    for overrides, says in cases:
        with pytest.raises(InvalidValue, match=says):
            batches.commit_batch(world.app.uow(), preview.id, by=person("mia"), overrides=overrides)
    assert _decisions(world) == 0
    with pytest.raises(InvalidValue, match="unknown route teleport"):
        parse_override(f"{lpn}=teleport", "why")
    with pytest.raises(InvalidValue, match="write LPN=ROUTE"):
        parse_override("repair", "why")
    assert parse_override(f"{lpn}=Repair@rep-1:ebay", "why") == BatchOverride(
        lpn, DispositionRoute.REPAIR, "REP-1", "ebay", "why"
    )


def test_two_commits_with_overrides_at_once_decide_each_unit_once(world: World) -> None:
    lpns = [_graded(world, f"SN-{i}", "C", "A") for i in range(4)]
    preview = _preview(world)
    assert preview.id is not None
    batch_id, chosen = preview.id, _other(preview, lpns[0])
    results = together(
        2,
        lambda i: batches.commit_batch(
            world.app.uow(), batch_id, by=person(f"m{i}"), overrides=[chosen]
        ),
    )
    won = [r for r in results if isinstance(r, batches.CommittedBatch)]
    lost = [r for r in results if isinstance(r, Conflict)]
    assert len(won) == 1 and len(lost) == 1, results
    assert _decisions(world) == len(lpns)
    assert _latest(world, lpns[0]).decided_by is DecidedBy.MANAGER


def test_what_changed_since_the_last_committed_plan(world: World) -> None:
    first = [_graded(world, f"SN-{i}", "C", "A") for i in range(2)]
    preview = _preview(world)
    assert sorted(c["lpn"] for c in preview.figures["changes"]) == sorted(first)
    assert all(c["batch_id"] is None for c in preview.figures["changes"])
    # A preview not committed is no plan: the next one still finds them new.
    again = _preview(world)
    assert len(again.figures["changes"]) == 2
    assert again.id is not None
    batches.commit_batch(world.app.uow(), again.id, by=person("mia"))
    late = _graded(world, "SN-9", "C", "A")
    after = _preview(world)
    assert [c["lpn"] for c in after.figures["changes"]] == [late]
