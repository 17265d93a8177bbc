"""A handler's shift in a real browser: sign in, receive and grade at the station, be
refused the disposition override that only a flow manager may make, sign out."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from revalo.adapters import orm
from revalo.bootstrap import App
from tests.browser.conftest import shot, sign_in
from tests.browser.test_web_browser import _expected_item

pytestmark = pytest.mark.slow


def _decided_unit(app: App) -> str:
    """A unit of the demo whose disposition is decided already."""
    with app.engine.connect() as conn:
        d, u = orm.dispositions.c, orm.units.c
        stmt = sa.select(u.lpn).join(orm.dispositions, d.unit_id == u.id).limit(1)
        lpn = conn.execute(stmt).scalar_one()
    return str(lpn)


def test_a_handler_works_at_the_station_and_may_not_override(guest: Page, demo_app: App) -> None:
    page = guest
    # Signed out, a page sends to the login form, and comes back after it.
    page.goto("/station")
    expect(page).to_have_url(re.compile(r"/login\?next=/station$"))
    shot(page, "login")
    page.fill("input[name=login]", "handler")
    page.fill("input[name=password]", "not the password")
    page.locator("form[action='/login'] button[type=submit]").click()
    expect(page.locator(".field-error")).to_contain_text("wrong login or password")
    sign_in(page, "handler")
    expect(page).to_have_url(re.compile(r"/station$"))
    expect(page.locator(".operator")).to_contain_text("Léa Martin")
    # The handler's navigation shows the station, not the queue nor the dashboard.
    nav = page.locator("aside nav")
    expect(nav).to_contain_text("Receiving station")
    expect(nav).not_to_contain_text("Disposition queue")

    rma, code, hub = _expected_item(demo_app)
    page.goto(f"/station?site={hub}")
    expect(page.locator("#code")).to_be_focused()
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/station/units/LPN\d{9}$"))
    lpn = page.url.rsplit("/", 1)[1]
    expect(page.locator(".flash")).to_contain_text(f"received for return {rma}")
    page.locator("input[name=functional_grade][value=A]").check()
    page.locator("input[name=cosmetic_grade][value=B]").check()
    page.keyboard.press("Control+Enter")
    expect(page.locator(".flash")).to_contain_text(f"{lpn} graded A/B")
    shot(page, "handler-graded")

    # The unit page offers no decision to a handler, and says whose it is; a decision
    # posted anyway (a crafted request with the page's own CSRF token) is refused, an
    # override of a decided unit as well.
    page.goto(f"/units/{lpn}")
    expect(page.locator("h1")).to_contain_text(lpn)
    expect(page.locator("#not-yours")).to_contain_text("decide_disposition")
    assert page.locator(f"form[action='/units/{lpn}/disposition']").count() == 0
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    assert token
    for target in (lpn, _decided_unit(demo_app)):
        answer = page.request.post(
            f"/units/{target}/disposition",
            form={"csrf": token, "route": "recycle", "reason": "I think it is scrap"},
        )
        assert answer.status == 403, target
        assert "decide_disposition" in answer.text()
    answer = page.goto("/queue")
    assert answer is not None and answer.status == 403
    expect(page.locator(".error-card")).to_contain_text("view_decisions")
    shot(page, "handler-refused")

    # Signing out ends the session: the station asks for the login again.
    page.goto("/station")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    page.goto("/station")
    expect(page).to_have_url(re.compile(r"/login\?next=/station$"))
