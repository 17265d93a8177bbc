"""The consignment's pick and load on the handheld, in a real browser: the manager sends two
of the central hub's units to another hub; the supervisor gives the pick list to a handler,
who takes it, walks it and scans each unit, then the truck's load; the tasks are done, and
a scan of a unit that is not the consignment's is refused, naming it."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from revalo.adapters import orm
from revalo.bootstrap import App
from revalo.domain.errors import NotAllowed
from revalo.domain.floor.tasks import TaskKind
from revalo.services import stock
from revalo.services.floor import tasks
from tests.browser.conftest import SignedIn, shot
from tests.people import person

pytestmark = pytest.mark.slow

CENTRAL = "HUB-CENTRAL"


def _send_two(demo_app: App) -> tuple[list[str], str]:
    """Two units in the central hub's stock, listed for sale, sent to another hub."""
    with demo_app.engine.connect() as conn:
        u = orm.units.c
        lpns = list(
            conn.scalars(
                sa.select(u.lpn)
                .where(u.site_code == CENTRAL, u.state == "listed", u.location_code.like("HUB-%"))
                .where(u.location_code.not_like("%:missing"))
                .order_by(u.lpn)
                .limit(2)
            )
        )
    assert len(lpns) == 2, "the demo leaves listed units in the central hub's stock"
    shipped = stock.ship_units(demo_app.uow(), lpns, to_site="HUB-IDF", by=person("c.moreau"))
    return lpns, shipped.consignment.reference


def _give(demo_app: App, kind: TaskKind, reference: str, logins: tuple[str, ...]) -> int:
    """The supervisor gives the consignment's task of that kind to the first of ``logins``
    qualified for it; its id."""
    [task] = [
        t
        for t in tasks.board(demo_app.uow(), CENTRAL, by=person("supervisor"))
        if t.kind is kind and t.detail.get("consignment") == reference
    ]
    assert task.id is not None
    for login in logins:
        try:
            tasks.assign_task(demo_app.uow(), task.id, login, by=person("supervisor"))
        except NotAllowed:
            continue
        return task.id
    raise AssertionError(f"nobody of {logins} may do the {kind.value} of {reference}")


def _state(demo_app: App, task_id: int) -> str:
    with demo_app.engine.connect() as conn:
        t = orm.floor_tasks.c
        return str(conn.scalar(sa.select(t.state).where(t.id == task_id)))


def test_a_handler_picks_a_consignment_by_scan_then_loads_its_truck(
    signed_in: SignedIn, demo_app: App
) -> None:
    lpns, reference = _send_two(demo_app)
    pick_id = _give(demo_app, TaskKind.PICK, reference, ("handler", "forklift"))
    page: Page = signed_in(_assignee(demo_app, pick_id))
    page.goto("/handheld")
    page.get_by_role("button", name="Take the next task").click()
    heading = page.locator("#handheld h2").inner_text()
    assert re.search(rf"Task {pick_id}\b", heading), heading
    expect(page.locator("#pick-list li")).to_have_count(2)
    for lpn in lpns:
        expect(page.locator("#pick-list")).to_contain_text(lpn)
    shot(page, "handheld-pick")
    # One unit and a stranger: refused, naming what is wrong; the task still open.
    page.locator("#scans").fill(f"{lpns[0]}\nLPN999999999")
    page.get_by_role("button", name="Done").click()
    expect(page.locator(".flash")).to_contain_text("LPN999999999")
    assert _state(demo_app, pick_id) == "started"
    page.get_by_label("Scan each unit of the list").fill("\n".join(lpns))
    page.get_by_role("button", name="Done").click()
    expect(page.locator(".flash")).to_contain_text(f"Task {pick_id} is done")
    assert _state(demo_app, pick_id) == "done"

    load_id = _give(demo_app, TaskKind.LOAD, reference, ("handler", "forklift"))
    loader: Page = signed_in(_assignee(demo_app, load_id))
    loader.goto("/handheld")
    loader.get_by_role("button", name="Take the next task").click()
    expect(loader.locator("#load-list li")).to_have_count(2)
    expect(loader.locator("#handheld h2")).to_contain_text(reference)
    loader.locator("#scans").fill("\n".join(reversed(lpns)))
    loader.get_by_role("button", name="Done").click()
    expect(loader.locator(".flash")).to_contain_text(f"Task {load_id} is done")
    assert _state(demo_app, load_id) == "done"


def _assignee(demo_app: App, task_id: int) -> str:
    with demo_app.engine.connect() as conn:
        t = orm.floor_tasks.c
        return str(conn.scalar(sa.select(t.assignee).where(t.id == task_id)))
