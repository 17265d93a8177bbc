"""Routings of regions to hubs, on SQLite and PostgreSQL: adopted from a day, they send the
returns authorised from that day (by the policy, by a person, by an import) to the region's
hub; a region not named goes to its nearest hub; a return authorised before keeps its hub;
a later routing takes over from its own day; what is not a routing is refused by name with
nothing written; two managers adopting at once both keep theirs, the later one in force."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from revalo.domain.errors import InvalidValue, PermissionDenied
from revalo.domain.people import Role
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.services import imports, returns, routing
from tests.conftest import World
from tests.integration.flows import ask, line, snapshot
from tests.integration.test_concurrency import no_violations, together
from tests.people import add_person, person

MANAGER = person("manager")
PARIS, LYON = "Paris (FR)", "Lyon (FR)"


def _hub(world: World, reason: ReturnReason = ReturnReason.WITHDRAWAL, **kw: object) -> str | None:
    rma = ask(world, line(world.laptop.sku, reason=reason), **kw)  # type: ignore[arg-type]
    assert rma.state is ReturnState.AUTHORISED
    return rma.destination_site


def test_a_routing_sends_its_regions_returns_from_its_day(world: World) -> None:
    before = _hub(world)
    assert before == "HUB-FR", "Paris's nearest hub"
    today = world.now.astimezone(UTC).date()
    made = routing.adopt_routing(
        world.app.uow(),
        [(PARIS, "hub-de")],
        valid_from=today,
        note="scenario: close HUB-FR",
        by=MANAGER,
        at=world.now,
    )
    assert made.id is not None and made.rules == {PARIS: "HUB-DE"}
    assert _hub(world) == "HUB-DE"
    lyon = _hub(world, ReturnReason.END_OF_LEASE, customer="B-ACME")
    assert lyon == "HUB-FR", "Lyon: not named"
    # A return reviewed by a person and authorised without a hub named follows it too.
    review = returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code="C-ANNE",
        lines=[line(world.laptop.sku, reason=ReturnReason.OTHER)],
        delivered_at=world.now - timedelta(days=5),
        by=person("portal"),
        requested_at=world.now,
    )
    assert review.state is ReturnState.REQUESTED
    done = returns.authorise_return(
        world.app.uow(), review.number, by=MANAGER, reason="checked", at=world.now
    )
    assert done.destination_site == "HUB-DE"
    # A later routing takes over from its own day only.
    tomorrow = today + timedelta(days=1)
    routing.adopt_routing(
        world.app.uow(), [(PARIS, "HUB-FR"), (LYON, "HUB-DE")], valid_from=tomorrow,
        by=MANAGER, at=world.now,
    )  # fmt: skip
    assert _hub(world) == "HUB-DE"
    next_day = world.now + timedelta(days=1)
    assert _hub(world, requested_at=next_day) == "HUB-FR"
    in_force = routing.routing_in_force(world.app.read_uow(), by=MANAGER, day=tomorrow)
    assert in_force is not None and in_force.rules == {PARIS: "HUB-FR", LYON: "HUB-DE"}
    history, total = routing.routing_history(world.app.read_uow(), by=MANAGER)
    assert total == 2 and [h.regions for h in history] == [2, 1]
    no_violations(world)


def test_an_import_follows_the_routing_in_force(world: World) -> None:
    today = datetime.now(UTC).date()
    routing.adopt_routing(world.app.uow(), [(PARIS, "HUB-DE")], valid_from=today, by=MANAGER)
    delivered = (datetime.now(UTC) - timedelta(days=3)).date().isoformat()
    text = (
        "order_ref,customer_code,delivered_at,requested_at,sku,quantity,reason,serial,comment\n"
        f"R-1,C-ANNE,{delivered},,LAP-14,1,withdrawal,,\n"
        f"R-2,B-ACME,{delivered},,SOFA-3,1,end_of_lease,,\n"
    )
    checked = imports.check_returns(world.app.uow(), io.StringIO(text, newline=""))
    assert checked.ok, checked.errors
    imports.import_returns(world.app.uow(), world.app.policy, checked, by=person("tt"))
    with world.app.engine.connect() as conn:
        rows = conn.execute(sa.text("select order_ref, destination_site from return_requests"))
        hubs = {str(k): v for k, v in rows.all()}
    assert (hubs["R-1"], hubs["R-2"]) == ("HUB-DE", "HUB-FR")


@pytest.mark.parametrize(
    "rules,start,words",
    [
        ([(PARIS, "REP-FR")], 0, "REP-FR: not a returns hub"),
        ([(PARIS, "NOWHERE")], 0, "NOWHERE: not a returns hub"),
        ([(PARIS, "HUB-FR"), (PARIS, "HUB-DE")], 0, "routed to both HUB-FR and HUB-DE"),
        ([], 0, "at least one region"),
        ([(" ", "HUB-FR")], 0, "rule 1: give a region and its hub"),
        ([(PARIS, "HUB-FR")], -1, "from today"),
    ],
)
def test_what_is_not_a_routing_is_refused_with_nothing_written(
    world: World, rules: list[tuple[str, str]], start: int, words: str
) -> None:
    before = snapshot(world.app)
    day = world.now.astimezone(UTC).date() + timedelta(days=start)
    with pytest.raises(InvalidValue, match=words):
        routing.adopt_routing(world.app.uow(), rules, valid_from=day, by=MANAGER, at=world.now)
    assert snapshot(world.app) == before


def test_only_the_flow_manager_adopts_a_routing(world: World) -> None:
    handler = add_person(world.app, "h.lyon", [Role.HANDLER])
    with pytest.raises(PermissionDenied):
        routing.adopt_routing(
            world.app.uow(), [(PARIS, "HUB-DE")], valid_from=world.now.date(), by=handler
        )


def test_two_managers_adopting_at_once_keep_both_the_later_in_force(world: World) -> None:
    today = world.now.astimezone(UTC).date()
    hubs = ["HUB-DE", "HUB-FR", "HUB-DE", "HUB-FR"]

    def adopt(i: int) -> int | None:
        made = routing.adopt_routing(
            world.app.uow(), [(PARIS, hubs[i])], valid_from=today, by=MANAGER, at=world.now
        )
        return made.id

    got = together(len(hubs), adopt)
    ids = [i for i in got if isinstance(i, int)]
    assert len(set(ids)) == len(hubs), got
    with world.app.engine.connect() as conn:
        rows = conn.execute(sa.text("select routing_id, hub_code from routing_rules")).all()
    stored = {int(k): str(v) for k, v in rows}
    assert sorted(stored) == sorted(ids)
    latest = max(ids)
    assert _hub(world) == stored[latest]
    no_violations(world)
