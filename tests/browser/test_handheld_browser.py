"""The handler's handheld in a real browser: take the next task, scan the unit, scan the
bin, done; the unit is in the bin, by the ledger (a unit waiting for the workshop, taken
first, is carried there by scan)."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from revalo.adapters import orm
from revalo.bootstrap import App
from tests.browser.conftest import SignedIn, shot

pytestmark = pytest.mark.slow


def test_a_handler_takes_the_next_task_scans_the_unit_then_the_bin(
    signed_in: SignedIn, demo_app: App
) -> None:
    page: Page = signed_in("handler")  # Léa Martin, on the central hub's team
    page.goto("/handheld")
    # Units waiting for the workshop may come first: each is carried there by scan.
    for _ in range(20):
        page.get_by_role("button", name="Take the next task").click()
        heading = page.locator("#handheld h2").inner_text()
        if page.locator("#count-done").count():
            # A bin's count may come first, too: the bin counted as the ledger has it.
            counted = re.search(r"Task (\d+): count (\S+)", heading)
            assert counted, heading
            with demo_app.engine.connect() as conn:
                u = orm.units.c
                held = conn.scalars(sa.select(u.lpn).where(u.location_code == counted[2]))
                page.locator("#scans").fill("\n".join(held))
            page.locator("#count-done").click()
            continue
        moving = re.search(r"Task (\d+): take (LPN\d+) to the workshop", heading)
        if moving is None:
            break
        task_id, lpn = moving.groups()
        workshop = page.locator("#target-bin").inner_text()
        page.get_by_label("Scan the unit, then the workshop").fill(f"{lpn}\n{workshop}")
        page.get_by_role("button", name="Done").click()
        expect(page.locator(".flash")).to_contain_text(f"Task {task_id} is done.")
        with demo_app.engine.connect() as conn:
            u = orm.units.c
            assert conn.scalar(sa.select(u.location_code).where(u.lpn == lpn)) == workshop
    expect(page.locator(".flash")).to_contain_text("is yours: put")
    heading = page.locator("#handheld h2").inner_text()
    match = re.search(r"Task (\d+): put away (LPN\d+)", heading)
    assert match, heading
    task_id, lpn = match.groups()
    target = page.locator("#target-bin").inner_text()
    shot(page, "handheld")
    # A wrong bin first: refused with the reason, the task still open on the handheld.
    page.get_by_label("Scan the unit").fill(lpn)
    page.get_by_label("Scan the bin").fill("HUB-CENTRAL:Z-99-9-Z")
    page.get_by_role("button", name="Done").click()
    expect(page.locator(".flash")).to_contain_text(f"task {task_id} puts {lpn} into {target}")
    page.get_by_label("Scan the unit").fill(lpn)
    page.get_by_label("Scan the bin").fill(target)
    page.get_by_role("button", name="Done").click()
    expect(page.locator(".flash")).to_contain_text(f"Task {task_id} is done: {lpn} is in {target}")
    with demo_app.engine.connect() as conn:
        u, t = orm.units.c, orm.floor_tasks.c
        assert conn.scalar(sa.select(u.location_code).where(u.lpn == lpn)) == target
        assert conn.scalar(sa.select(t.state).where(t.id == int(task_id))) == "done"
