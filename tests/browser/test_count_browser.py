"""A cycle count in a real browser: the handler takes the count task the supervisor gave
them, scans what is in the bin (a unit the ledger puts elsewhere), and the supervisor, on
their French page, approves the difference; the unit is in the bin, by the ledger, and the
ledger keeps every promise."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from revalo.adapters import orm
from revalo.adapters.invariants import check_database
from revalo.bootstrap import App
from revalo.domain.errors import DomainError
from revalo.domain.people import User
from revalo.services.floor import putaway, tasks
from tests.browser.conftest import SignedIn, shot

pytestmark = pytest.mark.slow

OPEN_COUNT = """select t.id, t.bin_code from floor_tasks t
where t.kind = 'count' and t.state = 'open' and t.site_code = 'HUB-CENTRAL' order by t.id"""
#: A unit in another shelf of the central hub: it will be "found" in the counted bin.
ELSEWHERE = """select u.lpn from units u join bins b on b.code = u.location_code
where b.site_code = 'HUB-CENTRAL' and b.kind = 'shelf' and b.code != :counted order by u.lpn"""
#: Graded units waiting for their put-away, and the central hub's other shelves.
WAITING = "select lpn from units where location_code = 'HUB-CENTRAL:graded_stock' order by lpn"
SHELVES = """select code from bins where site_code = 'HUB-CENTRAL' and kind = 'shelf'
and code != :counted order by code"""


def on_another_shelf(app: App, counted: str, boss: User) -> str:
    """A unit on a shelf of the central hub other than the counted bin: one the demo put
    there, else one put away now (the first the rules let onto a shelf)."""
    with app.engine.connect() as conn:
        lpn = conn.scalar(sa.text(ELSEWHERE), {"counted": counted})
        waiting = list(conn.scalars(sa.text(WAITING)))
        shelves = list(conn.scalars(sa.text(SHELVES), {"counted": counted}))
    if lpn is not None:
        return str(lpn)
    for candidate in waiting:
        for shelf in shelves:
            try:
                putaway.put_away(app.uow(), candidate, shelf, by=boss)
            except DomainError:
                continue  # not onto this shelf (its kind, its room)
            return str(candidate)
    raise AssertionError("no unit of the demo can go onto a shelf of the central hub")


def test_a_count_by_scan_on_the_handheld_then_approved_by_the_supervisor(
    signed_in: SignedIn, demo_app: App
) -> None:
    with demo_app.engine.connect() as conn:
        task_id, counted = conn.execute(sa.text(OPEN_COUNT)).first() or (None, None)
        assert task_id is not None, "the demo leaves a count task open at the central hub"
    uow = demo_app.uow()
    with uow:
        boss = uow.users.by_login("supervisor")
    assert boss is not None
    lpn = on_another_shelf(demo_app, counted, boss)
    tasks.assign_task(demo_app.uow(), task_id, "handler", by=boss)
    page: Page = signed_in("handler")
    page.goto("/handheld")
    page.get_by_role("button", name="Take the next task").click()
    expect(page.locator(".flash")).to_contain_text(f"Task {task_id} is yours: count {counted}")
    expect(page.locator("#handheld h2")).to_have_text(f"Task {task_id}: count {counted}")
    page.get_by_label("Scans").fill(f"{lpn}\n{lpn.lower()}\n")
    shot(page, "handheld-count")
    page.get_by_role("button", name="Done").click()
    expect(page.locator(".flash")).to_contain_text(f"{counted}: 1 difference(s) await approval")
    supervisor: Page = signed_in("supervisor")  # Julien Dubois reads French
    supervisor.goto("/floor/counts")
    form = supervisor.locator("form.count", has_text=lpn)
    expect(form).to_contain_text("trouvée")
    count_id = re.fullmatch(r"count-(\d+)", form.get_attribute("id") or "")
    assert count_id, form.get_attribute("id")
    form.get_by_role("button", name="Valider le reste").click()
    expect(supervisor.locator(".flash")).to_contain_text(
        f"L'inventaire {count_id.group(1)} de {counted} est décidé."
    )
    with demo_app.engine.connect() as conn:
        u = orm.units.c
        assert conn.scalar(sa.select(u.location_code).where(u.lpn == lpn)) == counted
    assert [str(v) for v in check_database(demo_app.engine)] == []
